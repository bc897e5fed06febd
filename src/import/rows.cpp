#include "rows.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/util/slug.hpp>
#include <hmicfrs/util/suggest.hpp>
#include "history.hpp"
#include "reports.hpp"
#include "text.hpp"
#include "value_readers.hpp"
#include "words.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

constexpr std::size_t k_title_limit = 200;   // longer, and the title is cut and the wording kept in the text
constexpr std::size_t k_title_length = 150;  // where a long title is cut

bool ref_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// A ref as the register takes it: from its first letter or digit, holding letters, digits, '.' and '-' (spaces
// between a letter and a digit left out, "AFI 1" as "AFI1"; any other run of characters as one '-'), with no
// '-' at the end.
std::string clean_ref(const std::string& ref) {
  std::string clean;
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < ref.size(); ++i) {
    const char c = ref[i];
    if (clean.empty() && !std::isalnum(static_cast<unsigned char>(c))) continue;
    if (c == ' ' && letter(clean.back())) {
      const std::size_t next = ref.find_first_not_of(' ', i);
      if (next != std::string::npos && digit(ref[next])) {
        i = next - 1;
        continue;
      }
    }
    if (ref_character(c)) {
      clean += c;
    } else if (clean.back() != '-') {
      clean += '-';
    }
  }
  while (!clean.empty() && clean.back() == '-') clean.pop_back();
  return clean;
}

// The finding's ref: its `ref` cell, else the part of its `id` after a '/', else one made of the row's number.
// `ref_value` is the value it came from.
std::string finding_ref(RowContext& row, const Value& id_value, Value& ref_value) {
  ref_value = row.value("ref");
  std::string ref = ref_value ? ref_value.text : "";
  if (!ref_value && id_value) {
    const auto slash = id_value.text.find('/');
    ref = slash == std::string::npos ? id_value.text : id_value.text.substr(slash + 1);
    ref_value = id_value;
  }
  if (ref.empty()) {
    ref = fmt::format("row-{}", row.number);
    row.import.diagnostics.warning(row.start(),
                                   fmt::format("row {} has no reference: written as '{}'; give the report's own "
                                               "number (R1, AFI3) when you have it",
                                               row.number, ref),
                                   Code::missing_field);
    return ref;
  }
  std::string clean = clean_ref(ref);
  if (!model::is_finding_ref(clean)) {  // empty: nothing of the cell could be kept
    row.error(row.at(ref_value),
              fmt::format("{}: '{}' has no letters or digits to make a reference of", row.cell_text(ref_value), ref),
              Code::invalid_id);
  } else if (clean != ref) {
    row.import.diagnostics.warning(row.at(ref_value),
                                   fmt::format("{}: reference '{}' is written '{}' (a ref starts with a letter or "
                                               "digit and holds letters, digits, '.' and '-')",
                                               row.cell_text(ref_value), ref, clean),
                                   Code::invalid_id);
  }
  return clean;
}

// The finding's type: its `type` cell, else what its ref suggests, else the mapping's default.
void read_finding_type(RowContext& row, model::Finding& finding) {
  if (const Value type = row.value("type")) {
    if (const auto name = register_word(row, type, "type")) {
      finding.type = *model::value_named<model::FindingType>(*name);
    } else {
      unknown_word(row, type, "type");
    }
  } else if (const auto from_ref = type_from_ref(finding.ref)) {
    finding.type = *from_ref;
  } else if (!row.import.mapping.default_type.empty()) {
    finding.type = *model::value_named<model::FindingType>(row.import.mapping.default_type);
  } else {
    row.error(row.start(),
              fmt::format("row {}: '{}' does not say whether it is a recommendation, an AFI or a cause of concern: "
                          "map a column of types as `type`, or give `defaults: type:` in the mapping",
                          row.number, finding.ref),
              Code::missing_field);
  }
}

// The finding's title, the first line of its wording (cut when long); the paragraphs of its text start with
// the whole wording where the title is not all of it, then the `text` cells.
std::vector<std::string> read_wording(RowContext& row, model::Finding& finding) {
  std::vector<std::string> paragraphs;
  const Value title = row.value("title");
  for (const Value& text : row.values("text")) paragraphs.push_back(text.text);
  std::string wording = title ? title.text : (paragraphs.empty() ? "" : paragraphs.front());
  if (!title && !paragraphs.empty()) paragraphs.erase(paragraphs.begin());
  if (wording.empty()) {
    row.error(row.start(), fmt::format("row {} has no wording: its title cell is empty", row.number),
              Code::missing_field);
  }
  const std::string first_line(trimmed(wording.substr(0, wording.find('\n'))));
  finding.title = first_line.size() > k_title_limit ? shortened(first_line, k_title_length) : first_line;
  if (finding.title != wording) paragraphs.insert(paragraphs.begin(), wording);  // the whole wording, in the text
  return paragraphs;
}

// An owner's address, declared once per role (roles compared ignoring case, as the configuration does).
void read_owner_address(RowContext& row, const Value& email, std::string_view role) {
  if (!model::is_plain_address(email.text)) {
    row.error(row.at(email),
              fmt::format("{}: '{}' is not one address: write it as name@domain, with no name or brackets around "
                          "it, at most 64 characters before the @ and 254 in all",
                          row.cell_text(email), email.text),
              Code::invalid_value);
    return;
  }
  if (role.empty()) {
    row.import.diagnostics.warning(row.at(email),
                                   fmt::format("{}: the address '{}' has no owner beside it, so it is kept in the text",
                                               row.cell_text(email), email.text),
                                   Code::missing_field);
    row.extras.push_back({email.cell->column, email.text});
    return;
  }
  const auto [it, added] =
      row.import.owners.try_emplace(folded(role), model::OwnerAddress{std::string(role), email.text, row.at(email)});
  if (!added && it->second.email != email.text) {
    auto& d = row.import.diagnostics.warning(row.at(email),
                                             fmt::format("{}: '{}' was given the address {} before: the first is kept",
                                                         row.cell_text(email), role, it->second.email),
                                             Code::duplicate_id);
    d.notes.push_back({it->second.location, "the first is here"});
  }
}

// The finding's portfolio, declared in the configuration on its first row.
void read_portfolio(RowContext& row, const Value& portfolio, model::Finding& finding) {
  const std::string name = one_line(portfolio.text);
  const ImportOptions& options = row.import.options;
  if (options.adding) {
    // The register's own portfolios, named by id or name in any case.
    std::vector<std::string_view> names;
    for (const auto& [id, declared] : options.existing_portfolios) {
      if (util::same_ignoring_case(name, id) || util::same_ignoring_case(name, declared)) {
        finding.portfolio.value = id;
        return;
      }
      names.push_back(declared);
    }
    row.error(row.at(portfolio),
              fmt::format("{}: '{}' is not a portfolio of the register{}: add it to `portfolios` in "
                          "hmicfrs-track.yaml, or name one it has",
                          row.cell_text(portfolio), name, util::did_you_mean(name, names)),
              Code::unknown_reference);
    return;
  }
  const std::string id = model::is_slug(name) ? name : util::slugified(name);
  if (id.empty()) {
    row.error(
        row.at(portfolio),
        fmt::format("{}: '{}' has no letters or digits to make a portfolio id of", row.cell_text(portfolio), name),
        Code::invalid_id);
  } else {
    row.import.portfolios.try_emplace(id, model::Portfolio{id, name, {}, {}});
    finding.portfolio.value = id;
  }
}

// The finding's fields of one value each: cause of concern, owner (and address), portfolio, due dates.
void read_finding_fields(RowContext& row, model::Finding& finding) {
  if (const Value coc = row.value("cause_of_concern")) finding.cause_of_concern.value = coc.text;
  if (const Value owner = row.value("owner")) {
    // An owner on two lines ("Head of Crime" and a deputy) is one role written on one line.
    std::string text;
    for (char c : owner.text) c == '\n' ? text.append("; ") : text.append(1, c);
    if (folded(text) != "awaiting allocation") finding.owner = text;
  }
  if (const Value email = row.value("owner_email")) read_owner_address(row, email, finding.owner);
  if (const Value portfolio = row.value("portfolio")) read_portfolio(row, portfolio, finding);
  if (const Value due = row.value("due")) finding.due = cell_date(row, due);
  if (const Value due = row.value("inspectorate_due")) finding.inspectorate_due = cell_date(row, due);
}

// The finding's history, its updates and its state, in date order; updates without a date go into `undated`.
void read_history(RowContext& row, model::Finding& finding, std::string& undated) {
  std::vector<model::HistoryEntry> history = dated_updates(row, undated);
  add_state_entry(row, history);
  // Oldest first; on one day, what was known as at it before what happened on it (as the loader requires).
  std::stable_sort(history.begin(), history.end(), [](const model::HistoryEntry& a, const model::HistoryEntry& b) {
    return std::pair{a.date, !a.as_at} < std::pair{b.date, !b.as_at};
  });
  row.import.entries += history.size();
  finding.history = std::move(history);
}

// The finding's text: its paragraphs, then its updates without a date, then every value with no field of its
// own under its column's header.
void write_text(RowContext& row, std::vector<std::string> paragraphs, const std::string& undated,
                model::Finding& finding) {
  const Columns& columns = row.import.columns;
  if (!undated.empty()) paragraphs.push_back("**Updates without a date:**\n\n" + undated);
  for (const auto& [column, text] : row.extras) paragraphs.push_back(columns.paragraph(column, text));
  for (const Cell& cell : row.row.cells) {
    if (!columns.kept_as_text.contains(cell.column)) continue;
    if (const std::string text = cell_value(cell); !text.empty())
      paragraphs.push_back(columns.paragraph(cell.column, text));
  }
  finding.text = fmt::format("{}", fmt::join(paragraphs, "\n\n"));
  if (finding.text.size() > model::k_most_value_bytes) {
    // Each cell is within the bound, but the text the row's cells make together may not be.
    row.error(row.import.table.at(row.number, row.row.cells.front().column),
              fmt::format("row {}: the finding's text, made of the row's cells that have no field of their own, "
                          "would hold {} bytes, more than the 1 MiB a register's value may hold: shorten the row's "
                          "longest cells",
                          row.number, finding.text.size()),
              Code::limit_exceeded);
  }
}

// A row of totals ("Total", "Grand total" in its first cell, and no ref but a count): not a finding, and noted.
bool totals_row(RowContext& row) {
  // A count in the ref column ("=COUNTA(C6:C11)", stored as 4) is still a total.
  const Value ref = row.value("ref");
  if (row.value("id") || (ref && !std::all_of(ref.text.begin(), ref.text.end(), [](char c) {
                            return std::isdigit(static_cast<unsigned char>(c)) != 0;
                          }))) {
    return false;
  }
  const std::string first = folded(row.row.cells.front().text);
  const bool totals = first == "total" || first == "totals" || first == "grand total" || first == "sub-total" ||
                      first == "subtotal" || first.starts_with("total:") || first.starts_with("total ");
  if (!totals) return false;
  row.import.diagnostics.note(row.import.table.at(row.number, row.row.cells.front().column),
                              fmt::format("row {} is not read: it reads as a row of totals ('{}')", row.number,
                                          shortened(one_line(cell_value(row.row.cells.front())), 60)),
                              Code::spreadsheet_format);
  return true;
}

// A ref is claimed by its first row, read or refused, so that a second is reported either way.
void claim_ref(RowContext& row, Report& report, const model::Finding& finding) {
  const auto [first, added] = report.refs.try_emplace(finding.ref.str(), finding.location);
  if (added) return;
  auto& d = row.error(finding.location,
                      fmt::format("row {}: report '{}' already has a finding '{}': give each its own reference",
                                  row.number, report.inspection.id, finding.ref),
                      Code::duplicate_id);
  d.notes.push_back({first->second, "that one is here"});
}

// The finding a row of findings makes, added to its report unless the row has an error.
void read_finding(RowContext& row) {
  ImportContext& import = row.import;
  row.keep_second_values();
  const Value id_value = row.value("id");
  Report* report = report_for(row, id_value);
  if (report != nullptr) {
    read_report_details(row, *report);
    import.add_to_headings(report->inspection.id);
  }
  Value ref_value;
  model::Finding finding;
  finding.ref = finding_ref(row, id_value, ref_value);
  finding.location = import.table.at(row.number, ref_value ? ref_value.cell->column : 1);
  read_finding_type(row, finding);
  std::vector<std::string> paragraphs = read_wording(row, finding);
  read_finding_fields(row, finding);
  std::string undated;
  read_history(row, finding, undated);
  write_text(row, std::move(paragraphs), undated, finding);
  if (report != nullptr && !finding.ref.empty()) claim_ref(row, *report, finding);
  if (row.failed || report == nullptr) {
    ++import.summary.refused;
    if (!import.undated_rows.empty() && import.undated_rows.back() == row.number) import.undated_rows.pop_back();
    return;
  }
  finding.id = fmt::format("{}/{}", report->inspection.id, finding.ref);
  report->inspection.findings.push_back(std::move(finding));
  report->rows.push_back(row.number);
  ++import.summary.findings;
}

}  // namespace

void read_row(ImportContext& import, const Row& row) {
  RowContext context(import, row);
  ++import.summary.rows;
  if (std::all_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return trimmed(c.text).empty(); })) {
    ++import.summary.blank;
    return;
  }
  refuse_unusable_cells(context);
  if (context.failed) {
    // Nothing of a row that holds what no file may hold is used, not even as a heading.
    ++import.summary.refused;
    return;
  }
  if (read_heading(context)) return;  // what it heads is known, and said, once its rows are read
  if (totals_row(context)) {
    ++import.summary.footnotes;
    return;
  }
  read_finding(context);
}

}  // namespace hmicfrs::import
