#include "reports.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/util/slug.hpp>
#include <hmicfrs/util/suggest.hpp>
#include "text.hpp"
#include "value_readers.hpp"
#include "words.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

// A report's id as its file's name takes it: at most 80 characters, cut after a whole word of the slug (a long
// title's slug would pass what a file system allows). Two titles alike to there are read as one report, with
// the warning any two names of one id get.
std::string file_id(std::string slug) {
  constexpr std::size_t k_longest = 80;
  if (slug.size() <= k_longest) return slug;
  const std::size_t cut = slug.rfind('-', k_longest);
  slug.resize(cut == std::string::npos || cut == 0 ? k_longest : cut);
  return slug;
}

// The report's name as the row gives it: its `inspection` cell, else the part of its `id` before a '/'; empty
// when it gives none. `source` is the value it came from.
std::string report_name(const RowContext& row, const Value& id_value, Value& source) {
  source = row.value("inspection");
  std::string text = source ? source.text : "";
  if (!source && id_value) {
    const auto slash = id_value.text.find('/');
    if (slash != std::string::npos) text = id_value.text.substr(0, slash), source = id_value;
  }
  return text;
}

// The report of id `id` named `text`, made when the row is its first.
Report& named_report(RowContext& row, const std::string& id, const std::string& text, const Value& source) {
  ImportContext& import = row.import;
  auto [it, added] = import.reports.try_emplace(id);
  Report& report = it->second;
  const Value title = row.value("inspection_title");
  if (added) {
    report.inspection.id = id;
    report.first_row = row.number;
    report.title_given = title || !model::is_slug(text);
    report.title_column = static_cast<bool>(title);
    report.inspection.title = title ? one_line(title.text) : text;
  } else if (!model::is_slug(text) && report.inspection.title != text && !title) {
    import.diagnostics.warning(source ? row.at(source) : row.start(),
                               fmt::format("'{}' makes the same report id '{}' as '{}' (row {}): read as one report",
                                           text, id, report.inspection.title, report.first_row),
                               Code::duplicate_id);
  }
  return report;
}

// "a, b and c", or "a, b, c, d, e and 7 more": ids as a message lists them, the first few.
std::string first_few(const std::vector<std::string>& ids) {
  constexpr std::size_t k_listed = 5;
  std::vector<std::string_view> listed(ids.begin(), ids.begin() + std::min(ids.size(), k_listed));
  if (ids.size() <= k_listed) return util::join_alternatives(listed, " and ");
  return fmt::format("{} and {} more", fmt::join(listed, ", "), ids.size() - k_listed);
}

// Whether a heading names a kind of finding ("Recommendations", "Areas for improvement"), not a report.
bool finding_kind_heading(const std::string& text) {
  std::string word = folded(text);
  const model::Vocabulary vocabulary;
  if (builtin_word("type", word, vocabulary)) return true;
  if (word.ends_with("s")) word.pop_back();
  return builtin_word("type", word, vocabulary).has_value() || word == "causes of concern";
}

// A heading's text as a message quotes it: on one line, and cut when long.
std::string cut_line(const std::string& text) { return shortened(one_line(text), 100); }

// A report lists each cause of concern with the recommendations that answer it after it: where no column
// says which it answers, a recommendation answers the cause of concern above it, up to another kind of finding.
void answer_by_order(std::vector<model::Finding>& findings) {
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (findings[k].type != model::FindingType::cause_of_concern) continue;
    for (std::size_t j = k + 1; j < findings.size(); ++j) {
      if (findings[j].type != model::FindingType::recommendation || !findings[j].cause_of_concern.value.empty()) break;
      findings[j].cause_of_concern.value = findings[k].ref;
    }
  }
}

// Each cause of concern's recommendations: an error for one with none, a note naming those read by order.
void link_causes_of_concern(ImportContext& import, Report& report) {
  std::vector<model::Finding>& findings = report.inspection.findings;
  const bool column = import.columns.fields.contains("cause_of_concern");
  if (!column) answer_by_order(findings);
  std::map<std::string, std::vector<std::string_view>> answering;  // a cause of concern's ref or id -> refs
  for (const model::Finding& f : findings) {
    if (!f.cause_of_concern.value.empty()) answering[f.cause_of_concern.value.str()].push_back(f.ref);
  }
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const model::Finding& coc = findings[k];
    if (coc.type != model::FindingType::cause_of_concern) continue;
    std::vector<std::string_view> refs = answering[coc.ref.str()];
    const auto& by_id = answering[fmt::format("{}/{}", report.inspection.id, coc.ref)];
    refs.insert(refs.end(), by_id.begin(), by_id.end());
    if (refs.empty()) {
      import.diagnostics.error(coc.location,
                               fmt::format("row {}: cause of concern '{}' has no recommendation answering it: list "
                                           "its recommendations in the rows after it, or map a column naming the "
                                           "cause of concern each answers as `cause_of_concern`",
                                           report.rows[k], coc.ref),
                               Code::cause_of_concern_without_recommendation);
    } else if (!column) {
      import.diagnostics.note(
          coc.location,
          fmt::format("row {}: cause of concern '{}' is read as answered by the recommendation{} "
                      "after it: {}",
                      report.rows[k], coc.ref, refs.size() == 1 ? "" : "s", util::join_alternatives(refs, " and ")),
          Code::cause_of_concern_without_recommendation);
    }
  }
}

// A report's type, title and publication date, once all its rows are read.
void check_report(ImportContext& import, const std::string& id, Report& report) {
  model::Inspection& inspection = report.inspection;
  inspection.type = report.type ? *report.type
                    : !import.mapping.default_inspection_type.empty()
                        ? *model::value_named<model::InspectionType>(import.mapping.default_inspection_type)
                        : type_from_title(inspection.title)
                              .value_or(type_from_title(inspection.short_name).value_or(model::InspectionType::other));
  const std::vector<std::string>& existing = import.options.existing_reports;
  if (std::any_of(existing.begin(), existing.end(), [&](const std::string& name) {
        return util::same_ignoring_case(name, id) ||
               (report.title_given && util::same_ignoring_case(name, inspection.title.view()));
      })) {
    return;
  }
  if (!report.title_given) {
    import.diagnostics.warning(import.table.at(report.first_row, 1),
                               fmt::format("report '{}' is named only by its id, so its title is written as the id: "
                                           "write its title in inspections/{}.yaml, or map a column as "
                                           "`inspection_title`",
                                           id, id),
                               Code::missing_field);
  }
  const std::size_t hidden =
      static_cast<std::size_t>(std::count_if(inspection.findings.begin(), inspection.findings.end(),
                                             [](const model::Finding& f) { return f.history.empty(); }));
  if (!inspection.published && hidden > 0) {
    import.diagnostics.warning(import.table.at(report.first_row, 1),
                               fmt::format("report '{}' has no publication date and {} of its findings no dated "
                                           "update, so they show nowhere until it has one: map a column as "
                                           "`published`, or add `published:` to inspections/{}.yaml",
                                           id, hidden, id),
                               Code::missing_field);
  }
}

}  // namespace

bool read_heading(RowContext& row) {
  ImportContext& import = row.import;
  Heading heading;
  heading.row = row.number;
  heading.column = row.row.cells.front().column;
  if (is_heading_row(row.row)) {
    // One cell: a heading unless it is a finding's title with its ref (a value in the ref column with no title
    // beside it cannot be a finding).
    if (row.row.cells.size() == 1 && row.value("title") && (row.value("ref") || row.value("id"))) return false;
    heading.text = trimmed(row.row.cells.front().text);
  } else {
    // The row's first value in its report, ref or wording cells, and in no other of them (merged across, or in
    // one), with counts beside it that a formula works out ("2 findings"): a heading still, the counts noted.
    const std::string first = cell_value(row.row.cells.front());
    bool named = false;
    for (const std::string_view field : {"inspection", "ref", "title"}) {
      const Value v = row.value(field);
      if (v && v.text != first) return false;
      named = named || v;
    }
    if (!named || row.value("id")) return false;
    std::vector<std::string> others;
    for (const Cell& cell : row.row.cells) {
      const std::string text = cell_value(cell);
      if (text == first) continue;
      if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
      others.push_back(fmt::format("{} '{}'", cell_name(row.number, cell.column), shortened(one_line(text), 40)));
    }
    heading.text = first;
    import.diagnostics.note(row.start(),
                            fmt::format("row {} is read as a heading, as its first value is in no other of its "
                                        "report, ref and wording cells: the counts beside it are not read: {}",
                                        row.number, fmt::join(others, ", ")),
                            Code::spreadsheet_format);
  }
  // Right under a heading with no finding below it yet, it is a sub-heading: the rows below it are under both.
  if (!import.headings.empty() && import.headings.back().reports.empty()) heading.parent = import.headings.size() - 1;
  import.headings.push_back(std::move(heading));
  import.previous_report.clear();
  return true;
}

Report* report_for(RowContext& row, const Value& id_value) {
  ImportContext& import = row.import;
  Value source;
  std::string text = report_name(row, id_value, source);
  const std::string heading = import.headings.empty() ? std::string() : import.headings.back().text;
  if (text.empty() && !import.previous_report.empty() &&
      (import.columns.fields.contains("inspection") || !heading.empty())) {
    // A report named once above the rows it covers: a heading row, or a cell merged down in the sheet.
    if (heading.empty()) ++import.summary.carried;
    return &import.reports.at(import.previous_report);
  }
  if (text.empty() && !heading.empty()) {
    // The first row under a heading starts its report.
    text = heading;
  }
  text = one_line(std::move(text));  // a report's name is one line
  if (text.empty()) text = import.mapping.default_inspection;
  if (text.empty()) {
    row.error(row.start(),
              fmt::format("row {} names no report: map the column that does as `inspection` (or `id`), or give "
                          "every row's report under `defaults: inspection:` in the mapping",
                          row.number),
              Code::missing_field);
    return nullptr;
  }
  const std::string id = file_id(model::is_slug(text) ? text : util::slugified(text));
  if (id.empty()) {
    row.error(source ? row.at(source) : row.start(),
              fmt::format("report '{}' has no letters or digits to make its id from", text), Code::invalid_id);
    return nullptr;
  }
  Report& report = named_report(row, id, text, source);
  import.previous_report = id;
  return &report;
}

void read_report_details(RowContext& row, Report& report) {
  const std::string& id = report.inspection.id;
  if (const Value published = row.value("published")) {
    if (const auto day = cell_date(row, published)) {
      if (report.inspection.published && *report.inspection.published != *day) {
        row.import.diagnostics.warning(
            row.at(published),
            fmt::format("{}: report '{}' was given as published on {} (row {}): the first is kept",
                        row.cell_text(published), id, report.inspection.published->iso(), report.first_row),
            Code::invalid_date);
      } else {
        report.inspection.published = day;
      }
    }
  }
  if (const Value type = row.value("inspection_type")) {
    const auto word_value = register_word(row, type, "inspection_type");
    if (!word_value) {
      unknown_word(row, type, "inspection_type");
    } else if (!report.type) {
      report.type = model::value_named<model::InspectionType>(*word_value);
    }
  }
}

namespace {

// What each heading row was, once every row is read: the title of the one report whose rows follow it, a
// heading over several reports, or a key or footnote with no finding below it; a note says which.
void read_headings(ImportContext& import) {
  // The heading that titles each report: of those over its rows (alone, or with other reports' when the heading
  // holds its name and no other's; never "Recommendations"), the first that holds the name its rows give, else
  // the innermost of the first and the sub-headings right under it ("Vetting, misconduct and misogyny" under
  // "National thematic reports").
  // As slugs, so that "PEEL 2023–25" (an en dash) holds "PEEL 2023-25".
  const auto holds_name = [&](std::size_t h, const std::string& report) {
    return util::slugified(import.headings[h].text)
               .find(util::slugified(import.reports.at(report).inspection.title.str())) != std::string::npos;
  };
  std::map<std::string, std::size_t, std::less<>> titling;
  for (std::size_t k = 0; k < import.headings.size(); ++k) {
    const Heading& heading = import.headings[k];
    if (heading.reports.empty() || finding_kind_heading(heading.text)) continue;
    std::optional<std::string> titled;
    if (heading.reports.size() == 1) {
      titled = heading.reports.front();
    } else {
      for (const std::string& report : heading.reports) {
        if (!holds_name(k, report)) continue;
        if (titled) {  // the names of two: the title of neither
          titled.reset();
          break;
        }
        titled = report;
      }
      if (!titled) continue;
    }
    const auto [it, added] = titling.try_emplace(*titled, k);
    if (added || holds_name(it->second, *titled)) continue;
    if (holds_name(k, *titled) || heading.parent == it->second) it->second = k;
  }
  for (std::size_t k = 0; k < import.headings.size(); ++k) {
    const Heading& heading = import.headings[k];
    const diag::Location at = import.table.at(heading.row, heading.column);
    if (heading.reports.empty()) {
      ++import.summary.footnotes;
      import.diagnostics.note(at,
                              fmt::format("row {} is not read: it is one value with no finding below it, such as a "
                                          "key or a footnote: '{}'",
                                          heading.row, cut_line(heading.text)),
                              Code::spreadsheet_format);
      continue;
    }
    ++import.summary.headings;
    const auto titles = std::find_if(heading.reports.begin(), heading.reports.end(), [&](const std::string& report) {
      const auto titled = titling.find(report);
      return titled != titling.end() && titled->second == k;
    });
    if (heading.reports.size() > 1 && titles == heading.reports.end()) {
      import.diagnostics.note(
          at,
          fmt::format("row {} is read as a heading over the rows of {} reports ({}), so it is the title of none: '{}'",
                      heading.row, heading.reports.size(), first_few(heading.reports), cut_line(heading.text)),
          Code::spreadsheet_format);
      continue;
    }
    const std::string& id = titles != heading.reports.end() ? *titles : heading.reports.front();
    Report& report = import.reports.at(id);
    model::Inspection& inspection = report.inspection;
    const std::string title = one_line(heading.text);
    // Other headings over the report (a pillar, "Recommendations") head some of its rows.
    if (report.title_column || titles == heading.reports.end()) {
      import.diagnostics.note(at,
                              fmt::format("row {} is read as a heading: the rows below it belong to report '{}'",
                                          heading.row, inspection.id),
                              Code::spreadsheet_format);
      continue;
    }
    // The heading and the name the report's rows give: the longer is its title, the shorter its short name.
    const std::string name = inspection.title.str();
    report.heading_row = heading.row;
    report.title_given = true;
    const bool named_by_rows = !model::is_slug(name) && name != title;
    const bool heading_longer = !named_by_rows || title.size() >= name.size();
    inspection.title = heading_longer ? title : name;
    if (named_by_rows) inspection.short_name = heading_longer ? name : title;
    import.diagnostics.note(
        at,
        fmt::format(
            "row {} is read as the heading of report '{}', whose rows follow it: {}", heading.row, inspection.id,
            !named_by_rows   ? std::string("its text is the report's title")
            : heading_longer ? fmt::format("its text is the report's title, and '{}', as its rows name it, its short "
                                           "name",
                                           name)
                             : fmt::format("its text is the report's short name, and '{}', as its rows name it, its "
                                           "title",
                                           name)),
        Code::spreadsheet_format);
  }
}

}  // namespace

void check_reports(ImportContext& import) {
  read_headings(import);
  for (auto& [id, report] : import.reports) {
    link_causes_of_concern(import, report);
    check_report(import, id, report);
  }
  if (!import.undated_rows.empty() && import.options.as_of) {
    import.diagnostics.note(
        import.table.at(import.undated_rows.front(), 1),
        fmt::format("{} give{} a status, rating or note with no date: written as at {}, the date given with "
                    "--as-of; map the column of update dates as `updated` to keep the tracker's own",
                    row_list(import.undated_rows), import.undated_rows.size() == 1 ? "s" : "",
                    import.options.as_of->iso()),
        Code::missing_field);
  }
}

}  // namespace hmicfrs::import
