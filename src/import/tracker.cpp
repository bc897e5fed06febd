#include <hmicfrs/import/tracker.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/slug.hpp>
#include <hmicfrs/util/suggest.hpp>
#include <hmicfrs/util/text_rules.hpp>
#include "text.hpp"
#include "words.hpp"
#include "yaml_writer.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

constexpr std::size_t k_title_limit = 200;   // longer, and the title is cut and the wording kept in the text
constexpr std::size_t k_title_length = 150;  // where a long title is cut

bool ref_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// "row 3", "rows 3-9, 12 and 15": rows in order, runs as ranges.
std::string row_list(const std::vector<int>& rows) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    parts.push_back(j == i ? std::to_string(rows[i]) : fmt::format("{}-{}", rows[i], rows[j]));
    i = j + 1;
  }
  if (rows.size() == 1) return "row " + parts.front();
  const std::string last = parts.back();
  parts.pop_back();
  return parts.empty() ? "rows " + last : fmt::format("rows {} and {}", fmt::join(parts, ", "), last);
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The start of `text` up to `length` bytes, cut at a space and never inside a UTF-8 character.
std::string cut(std::string_view text, std::size_t length) {
  std::size_t end = std::min(length, text.size());
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const std::size_t space = text.rfind(' ', end);
  if (space != std::string_view::npos && space > length / 2) end = space;
  return std::string(trimmed(text.substr(0, end))) + "\u2026";
}

// A cell's text as a register keeps it: trimmed, line breaks as "\n", tabs as spaces.
std::string cell_value(const Cell& cell) {
  std::string text(trimmed(unix_lines(cell.text)));
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

// Text for a field of one line (a name, a title): its line breaks as spaces.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// A located value of a row: the cell it came from and its text, trimmed, with line breaks as "\n".
struct Value {
  const Cell* cell = nullptr;
  std::string text;
  explicit operator bool() const { return cell != nullptr; }
};

struct Report {
  model::Inspection inspection;
  bool title_given = false;
  int first_row = 0;
  std::optional<model::InspectionType> type;
  std::vector<int> rows;                       // each finding's row
  std::map<std::string, diag::Location> refs;  // where each ref was first given
};

class Importer {
 public:
  Importer(const Table& table, const model::ImportMapping& mapping, const ImportOptions& options,
           diag::Diagnostics& diagnostics)
      : m_table(table),
        m_mapping(mapping),
        m_options(options),
        m_diagnostics(diagnostics),
        m_vocabulary(mapping.vocabulary.value_or(model::Vocabulary())) {
    m_forms.default_year = mapping.default_year;
    for (const model::ColumnName& form : mapping.date_formats) m_form_texts.push_back(form.name);
    m_forms.forms = m_form_texts;
  }

  ImportedRegister run() {
    ImportedRegister out;
    if (m_table.rows.empty()) {
      error(m_table.at(1, 1), "the tracker has no rows", Code::empty_file);
      return out;
    }
    m_summary.header_row = m_mapping.header_row != 0 ? m_mapping.header_row : find_header_row(m_table);
    if (!read_header() || !resolve_columns()) {
      out.summary = m_summary;
      return out;
    }
    for (const Row& row : m_table.rows) {
      if (row.number <= m_summary.header_row) continue;
      read_row(row);
      if (beyond_bounds()) break;
    }
    check_reports();
    if (!m_diagnostics.has_errors()) out.files = files();
    m_summary.reports = m_reports.size();
    for (const auto& [id, portfolio] : m_portfolios) m_summary.portfolios.push_back(portfolio.name);
    out.summary = m_summary;
    return out;
  }

 private:
  diag::Diagnostic& error(diag::Location at, std::string message, Code code) {
    m_row_failed = true;
    return m_diagnostics.error(std::move(at), std::move(message), code);
  }

  // Whether the tracker holds more than any force's: rows, or dated updates, past what the import builds in
  // bounded memory. Reported once, at the row that passes the bound.
  bool beyond_bounds() {
    constexpr std::size_t k_rows_limit = 50'000, k_entries_limit = 200'000;
    if (m_summary.rows <= k_rows_limit && m_entries <= k_entries_limit) return false;
    error(m_table.at(m_row, 1),
          fmt::format("row {}: the tracker holds more than {} rows, or its updates more than {} dated entries, more "
                      "than any force's: is it the right file? (Nothing is written.)",
                      m_row, "50,000", "200,000"),
          Code::limit_exceeded);
    return true;
  }

  std::string column_text(int column) const {
    const auto it = m_headers.find(column);
    return it == m_headers.end() ? fmt::format("column {}", column_letters(column))
                                 : fmt::format("{} '{}'", column_letters(column), it->second);
  }

  // "C14 (Status)": a cell as messages name it.
  std::string cell_text(const Value& value) const {
    const auto it = m_headers.find(value.cell->column);
    return it == m_headers.end() ? cell_name(m_row, value.cell->column)
                                 : fmt::format("{} ({})", cell_name(m_row, value.cell->column), it->second);
  }

  diag::Location at(const Value& value) const { return m_table.at(m_row, value.cell->column); }

  // A value with no field of its own, as a paragraph of the finding's text under its column's header.
  std::string kept_as_text(int column, const std::string& text) const {
    const auto header = m_headers.find(column);
    const std::string name =
        header != m_headers.end() ? header->second : fmt::format("Column {}", column_letters(column));
    return text.find('\n') == std::string::npos ? fmt::format("**{}:** {}", name, text)
                                                : fmt::format("**{}:**\n\n{}", name, text);
  }

  bool read_header() {
    const Row* header = nullptr;
    for (const Row& row : m_table.rows) {
      if (row.number == m_summary.header_row) header = &row;
    }
    if (header == nullptr) {
      m_diagnostics.error(m_mapping.location.path().empty() ? m_table.at(1, 1) : m_mapping.location,
                          fmt::format("header_row {}: that row of {} is empty", m_summary.header_row, *m_table.source),
                          Code::invalid_value);
      return false;
    }
    bool usable = true;
    for (const Cell& cell : header->cells) {
      // A header written on two lines reads as one.
      std::string text(trimmed(cell.text));
      std::replace(text.begin(), text.end(), '\r', ' ');
      std::replace(text.begin(), text.end(), '\n', ' ');
      // A header names the values kept in a finding's text, so it is held to the same rule as they are.
      if (unusable(text, m_table.at(header->number, cell.column),
                   fmt::format("{} (a header)", cell_name(header->number, cell.column)))) {
        usable = false;
      }
      if (!text.empty()) m_headers.emplace(cell.column, std::move(text));
    }
    return usable;
  }

  // The columns a mapping's name stands for: those whose header reads so, else the column with those letters.
  std::vector<int> columns_named(const model::ColumnName& name) {
    std::vector<int> out;
    const std::string wanted = folded(name.name);
    for (const auto& [column, header] : m_headers) {
      if (folded(header) == wanted) out.push_back(column);
    }
    if (out.empty()) {
      if (const auto column = column_number(name.name); column && name.name.size() <= 3) out.push_back(*column);
    }
    if (out.empty()) {
      std::vector<std::string_view> headers;
      for (const auto& [column, header] : m_headers) headers.push_back(header);
      m_diagnostics.error(name.location,
                          fmt::format("no column '{}' in the header row (row {} of {}){}", name.name,
                                      m_summary.header_row, *m_table.source, util::did_you_mean(name.name, headers)),
                          Code::unknown_reference);
    }
    return out;
  }

  bool resolve_columns() {
    const std::size_t errors = m_diagnostics.count(diag::Severity::error);
    std::set<int> used;
    std::multimap<int, std::string> read;  // column -> what it gives, for the summary in column order
    for (const auto& [field, names] : m_mapping.columns) {
      for (const model::ColumnName& name : names) {
        for (int column : columns_named(name)) {
          auto& fields = m_fields_of_column[column];
          if (std::find(fields.begin(), fields.end(), field) != fields.end()) continue;
          fields.push_back(field);
          ++m_fields[field];
          used.insert(column);
          read.emplace(column, fmt::format("{} -> {}", column_text(column), field));
        }
      }
    }
    for (const model::ColumnName& name : m_mapping.ignore) {
      for (int column : columns_named(name))
        used.insert(column), read.emplace(column, column_text(column) + ": ignored");
    }
    for (auto& [column, text] : read) m_summary.columns.push_back(std::move(text));
    // Every other column with a header or a value below it is kept as text.
    std::set<int> present;
    for (const auto& [column, header] : m_headers) present.insert(column);
    for (const Row& row : m_table.rows) {
      if (row.number <= m_summary.header_row) continue;
      for (const Cell& cell : row.cells) present.insert(cell.column);
    }
    for (int column : present) {
      if (used.contains(column)) continue;
      m_extra_columns.insert(column);
      m_summary.kept_as_text.push_back(column_text(column));
    }
    if (!m_mapping.columns.contains("title") && !m_mapping.columns.contains("text")) {
      // A guessed mapping has no file to point into: then it is the header row that names no wording column.
      const bool guessed = m_mapping.location.path().empty();
      m_diagnostics.error(guessed ? m_table.at(m_summary.header_row, 1) : m_mapping.location,
                          guessed ? fmt::format("no header in row {} reads like the findings' wording "
                                                "(\"Recommendation\", \"Title\", \"Description\"): write a mapping "
                                                "that names that column as `title` (`import --guess` starts one)",
                                                m_summary.header_row)
                                  : "no column gives the findings' wording: name one under columns as `title` (and "
                                    "the full wording, if another column has it, as `text`)",
                          Code::missing_field);
    }
    return m_diagnostics.count(diag::Severity::error) == errors;
  }

  // The row's non-empty values by the field each column feeds, in column order: made once a row, so that
  // what a row costs follows its cells, not the columns a mapping names.
  void index_row(const Row& row) {
    m_row_values.clear();
    for (const Cell& cell : row.cells) {
      const auto fields = m_fields_of_column.find(cell.column);
      if (fields == m_fields_of_column.end()) continue;
      std::string text = cell_value(cell);
      if (text.empty()) continue;
      for (const std::string& field : fields->second) m_row_values[field].push_back(Value{&cell, text});
    }
  }

  // The first non-empty value of `field` in the row (`second_values` keeps any other).
  Value value(const Row&, std::string_view field) const {
    const auto it = m_row_values.find(field);
    return it == m_row_values.end() ? Value{} : it->second.front();
  }

  // Every non-empty value of `field` in the row, in column order.
  const std::vector<Value>& values(const Row&, std::string_view field) const {
    static const std::vector<Value> none;
    const auto it = m_row_values.find(field);
    return it == m_row_values.end() ? none : it->second;
  }

  // Where a field of one value per row reads several columns, the values after the first that differ from
  // it, which go into the text.
  void second_values(const Row& row) {
    for (const auto& [field, count] : m_fields) {
      if (field == "text" || field == "updates" || count < 2) continue;
      const std::vector<Value>& all = values(row, field);
      for (std::size_t k = 1; k < all.size(); ++k) {
        if (all[k].text != all.front().text) m_extras.push_back({all[k].cell->column, all[k].text});
      }
    }
  }

  // The register's word for a tracker's word in `field`: the mapping's, else the built-in; an error when neither.
  std::optional<std::string> word(const Value& v, std::string_view field) {
    const std::string key = folded(v.text);
    if (const auto words = m_mapping.values.find(field); words != m_mapping.values.end()) {
      for (const auto& [word, meaning] : words->second) {
        if (folded(word) == key) {
          if (field == "rating" && !meaning.value.empty() && m_vocabulary.find(meaning.value) == nullptr) {
            error(meaning.location,
                  fmt::format("'{}' is not one of the register's ratings ({})", meaning.value,
                              util::join_alternatives(register_values("rating", m_vocabulary))),
                  Code::rating_vocabulary);
            return std::nullopt;
          }
          return meaning.value;
        }
      }
    }
    if (auto builtin = builtin_word(field, key, m_vocabulary)) return builtin;
    return std::nullopt;
  }

  void unknown_word(const Value& v, std::string_view field) {
    const auto known = register_values(field, m_vocabulary);
    // A slip ("Compete") is nearest one of the words the import knows; else one of the register's own.
    std::vector<std::string_view> words = builtin_words(field);
    if (const auto mapped = m_mapping.values.find(field); mapped != m_mapping.values.end()) {
      for (const auto& [word, meaning] : mapped->second) words.push_back(word);
    }
    words.insert(words.end(), known.begin(), known.end());
    error(at(v),
          fmt::format("{}: '{}' is not a {} the import knows{}: map it under `values: {}:` in the mapping to one of {}",
                      cell_text(v), v.text, field == "inspection_type" ? "report type" : field,
                      util::did_you_mean(v.text, words), field, util::join_alternatives(known)),
          Code::invalid_value);
  }

  // Cells holding what no register file may hold (util/text_rules.hpp): control characters (tabs aside, read
  // as spaces), bidirectional overrides, bytes that are not UTF-8 (a workbook may hold them), or more than a
  // value may be (1 MiB).
  void unusable_cells(const Row& row) {
    for (const Cell& cell : row.cells) {
      const auto it = m_headers.find(cell.column);
      unusable(cell.text, m_table.at(m_row, cell.column),
               cell_name(m_row, cell.column) + (it == m_headers.end() ? "" : fmt::format(" ({})", it->second)));
    }
  }

  // Reports `text`, the cell `where` at `location`, when no register file may hold it; true when it was reported.
  bool unusable(const std::string& text, const diag::Location& location, const std::string& where) {
    if (text.size() > model::k_most_value_bytes) {
      error(location,
            fmt::format("{}: holds {} bytes, more than the 1 MiB a register's value may hold: shorten it", where,
                        text.size()),
            Code::limit_exceeded);
      return true;
    }
    const auto fault = util::first_text_fault(text);
    if (!fault) return false;
    const auto code = static_cast<unsigned>(fault->code);
    error(location,
          fault->kind == util::TextFault::Kind::invalid_utf8
              ? fmt::format("{}: holds a byte that is not UTF-8 (0x{:02X}): save the workbook again", where, code)
              : fmt::format("{}: holds a {} (U+{:04X}), which no register file may hold: remove it", where,
                            fault->kind == util::TextFault::Kind::bidi           ? "bidirectional control character"
                            : fault->kind == util::TextFault::Kind::noncharacter ? "noncharacter"
                                                                                 : "control character",
                            code),
          fault->kind == util::TextFault::Kind::invalid_utf8 ? Code::encoding : Code::control_character);
    return true;
  }

  // A date cell: a workbook's date, an Excel serial number, or text in one of the forms. Text with no digit
  // ("TBC", "Ongoing") is kept in the finding's text with a warning; anything else unreadable is an error.
  std::optional<model::Date> date(const Value& v, bool day_only = false) {
    std::optional<model::Date> out;
    if (v.cell->date) {
      if (auto day = model::Date::parse(v.cell->text)) out = *day;
    } else if (v.cell->number) {
      // A number in a date column is a day Excel counts, when it is one of this era's.
      if (*v.cell->number >= 10'000 && *v.cell->number < 100'000) out = excel_date(*v.cell->number, false);
    } else {
      DateProblem problem = DateProblem::none;
      out = read_date(v.text, m_forms, problem);
      if (!out) {
        if (!has_digit(v.text) && !day_only) {
          m_diagnostics.warning(
              at(v), fmt::format("{}: '{}' is not a date, so it is kept in the finding's text", cell_text(v), v.text),
              Code::invalid_date);
          m_extras.push_back({v.cell->column, v.text});
          return std::nullopt;
        }
        const std::string why =
            problem == DateProblem::no_year ? "it has no year: give the year under `dates: default_year:` in the "
                                              "mapping, or write it in the tracker"
            : problem == DateProblem::impossible
                ? "there is no such day"
                : fmt::format(
                      "no form of date reads it: add its form under `dates: formats:` in the mapping (the "
                      "built-in ones are day first, such as {})",
                      fmt::join(std::span(default_date_forms()).first(4), ", "));
        error(at(v), fmt::format("{}: '{}' is not a date: {}", cell_text(v), v.text, why), Code::invalid_date);
        return std::nullopt;
      }
    }
    if (!out) {
      error(at(v), fmt::format("{}: {} is not a date Excel writes", cell_text(v), v.text), Code::invalid_date);
      return std::nullopt;
    }
    if (day_only && !out->has_day()) {
      error(at(v), fmt::format("{}: '{}' names a month: an update needs its day", cell_text(v), v.text),
            Code::invalid_date);
      return std::nullopt;
    }
    return out;
  }

  Report* report_for(const Row& row, const Value& id_value) {
    Value source = value(row, "inspection");
    std::string text = source ? source.text : "";
    if (!source && id_value) {
      const auto slash = id_value.text.find('/');
      if (slash != std::string::npos) text = id_value.text.substr(0, slash), source = id_value;
    }
    if (text.empty() && !m_previous_report.empty() && (m_fields.contains("inspection") || !m_heading.empty())) {
      // A report named once above the rows it covers: a heading row, or a cell merged down in the sheet.
      if (m_heading.empty()) ++m_summary.carried;
      return &m_reports.at(m_previous_report);
    }
    if (text.empty() && !m_heading.empty()) {
      // The first row under a heading starts its report.
      text = m_heading;
    }
    text = one_line(std::move(text));  // a report's name is one line
    if (text.empty()) text = m_mapping.default_inspection;
    if (text.empty()) {
      error(m_table.at(m_row, 1),
            fmt::format("row {} names no report: map the column that does as `inspection` (or `id`), or give every "
                        "row's report under `defaults: inspection:` in the mapping",
                        m_row),
            Code::missing_field);
      return nullptr;
    }
    const std::string id = file_id(model::is_slug(text) ? text : util::slugified(text));
    if (id.empty()) {
      error(source ? at(source) : m_table.at(m_row, 1),
            fmt::format("report '{}' has no letters or digits to make its id from", text), Code::invalid_id);
      return nullptr;
    }
    auto [it, added] = m_reports.try_emplace(id);
    Report& report = it->second;
    const Value title = value(row, "inspection_title");
    if (added) {
      report.inspection.id = id;
      report.first_row = m_row;
      report.title_given = title || !model::is_slug(text);
      report.inspection.title = title ? one_line(title.text) : text;
    } else if (!model::is_slug(text) && report.inspection.title != text && !title) {
      m_diagnostics.warning(source ? at(source) : m_table.at(m_row, 1),
                            fmt::format("'{}' makes the same report id '{}' as '{}' (row {}): read as one report", text,
                                        id, report.inspection.title, report.first_row),
                            Code::duplicate_id);
    }
    m_previous_report = id;
    return &report;
  }

  // A report's id as its file's name takes it: at most 80 characters, cut after a whole word of the slug (a long
  // title's slug would pass what a file system allows). Two titles alike to there are read as one report, with
  // the warning any two names of one id get.
  static std::string file_id(std::string slug) {
    constexpr std::size_t k_longest = 80;
    if (slug.size() <= k_longest) return slug;
    const std::size_t cut = slug.rfind('-', k_longest);
    slug.resize(cut == std::string::npos || cut == 0 ? k_longest : cut);
    return slug;
  }

  // What a row says of its report besides its name: when it was published, what kind it is.
  void report_details(const Row& row, Report& report) {
    const std::string& id = report.inspection.id;
    if (const Value published = value(row, "published")) {
      if (const auto day = date(published)) {
        if (report.inspection.published && *report.inspection.published != *day) {
          m_diagnostics.warning(
              at(published),
              fmt::format("{}: report '{}' was given as published on {} (row {}): the first is kept",
                          cell_text(published), id, report.inspection.published->iso(), report.first_row),
              Code::invalid_date);
        } else {
          report.inspection.published = day;
        }
      }
    }
    if (const Value type = value(row, "inspection_type")) {
      const auto word_value = word(type, "inspection_type");
      if (!word_value) {
        unknown_word(type, "inspection_type");
      } else if (!report.type) {
        report.type = model::value_named<model::InspectionType>(*word_value);
      }
    }
  }

  // A row of one distinct value, merged across the table or in one cell but the ref's: the heading of the rows
  // below it ("PEEL 2021/22").
  bool heading(const Row& row) {
    if (!is_heading_row(row)) return false;
    // One cell: a heading unless it is a finding's title with its ref (a value in the ref column with no title
    // beside it cannot be a finding).
    if (row.cells.size() == 1 && value(row, "title") && (value(row, "ref") || value(row, "id"))) return false;
    m_heading = trimmed(row.cells.front().text);
    m_previous_report.clear();
    return true;
  }

  std::string ref_for(const Row& row, const Value& id_value, Value& ref_value) {
    ref_value = value(row, "ref");
    std::string ref = ref_value ? ref_value.text : "";
    if (!ref_value && id_value) {
      const auto slash = id_value.text.find('/');
      ref = slash == std::string::npos ? id_value.text : id_value.text.substr(slash + 1);
      ref_value = id_value;
    }
    if (ref.empty()) {
      ref = fmt::format("row-{}", m_row);
      m_diagnostics.warning(m_table.at(m_row, 1),
                            fmt::format("row {} has no reference: written as '{}'; give the report's own number "
                                        "(R1, AFI3) when you have it",
                                        m_row, ref),
                            Code::missing_field);
      return ref;
    }
    // A ref starts with a letter or digit and holds letters, digits, '.' and '-'.
    std::string clean;
    for (char c : ref) {
      if (clean.empty() && !std::isalnum(static_cast<unsigned char>(c))) continue;
      if (ref_character(c)) {
        clean += c;
      } else if (clean.back() != '-') {
        clean += '-';
      }
    }
    while (!clean.empty() && clean.back() == '-') clean.pop_back();
    if (!model::is_finding_ref(clean)) {  // empty: nothing of the cell could be kept
      error(at(ref_value),
            fmt::format("{}: '{}' has no letters or digits to make a reference of", cell_text(ref_value), ref),
            Code::invalid_id);
    } else if (clean != ref) {
      m_diagnostics.warning(at(ref_value),
                            fmt::format("{}: reference '{}' is written '{}' (a ref starts with a letter or digit and "
                                        "holds letters, digits, '.' and '-')",
                                        cell_text(ref_value), ref, clean),
                            Code::invalid_id);
    }
    return clean;
  }

  // Dated entries from the cells of updates: a line that starts with a date starts an entry, the lines after it
  // carry on its note; lines before the first date go into the text.
  std::vector<model::HistoryEntry> updates(const Row& row, std::string& undated) {
    std::vector<model::HistoryEntry> out;
    for (const Value& cell : values(row, "updates")) {
      bool started = false;
      std::string before;  // lines before the first date
      std::string note;    // the latest entry's note, line by line
      const auto finish_note = [&] {
        if (started) out.back().note = note;
      };
      std::size_t start = 0;
      while (start <= cell.text.size()) {
        const std::size_t end = std::min(cell.text.find('\n', start), cell.text.size());
        std::string_view line = trimmed(std::string_view(cell.text).substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        std::string_view body = line;
        while (!body.empty() && (body.front() == '-' || body.front() == '*' || body.starts_with("\u2022"))) {
          body.remove_prefix(body.starts_with("\u2022") ? 3 : 1);
          body = trimmed(body);
        }
        if (const auto dated = leading_date(body, m_forms); dated && dated->date.has_day()) {
          // "12/01/2022 - Plan agreed", "12/01/2022: ...", "12/01/2022 \u2013 ...": the separator is not the note's.
          std::string_view first_line = trimmed(body.substr(dated->length));
          for (bool cut = true; cut;) {
            cut = false;
            for (std::string_view separator : {":", "-", "\u2013", "\u2014"}) {
              if (first_line.starts_with(separator))
                first_line = trimmed(first_line.substr(separator.size())), cut = true;
            }
          }
          finish_note();
          model::HistoryEntry entry;
          entry.date = dated->date;
          out.push_back(std::move(entry));
          note = first_line;
          started = true;
        } else if (started) {
          note += note.empty() ? std::string(line) : "\n" + std::string(line);
        } else {
          before += before.empty() ? std::string(line) : "\n" + std::string(line);
        }
      }
      finish_note();
      if (before.empty()) continue;
      if (const auto day = started ? std::nullopt : header_date(cell.cell->column)) {
        // A column of one quarter's updates ("Update Mar-22"): its cell is that update.
        model::HistoryEntry entry;
        entry.date = *day;
        entry.note = before;
        out.push_back(std::move(entry));
      } else {
        undated += undated.empty() ? before : "\n" + before;
      }
    }
    return out;
  }

  // The day a column's header names ("Update Mar-22", "Progress at 31/03/2022"), a month's first day for a
  // month; said once per column.
  std::optional<model::Date> header_date(int column) {
    const auto [it, added] = m_header_dates.try_emplace(column);
    if (!added) return it->second;
    const auto header = m_headers.find(column);
    if (header == m_headers.end()) return std::nullopt;
    if (const auto date = date_within(header->second, m_forms)) {
      it->second = date->first_day();
      m_diagnostics.note(m_table.at(m_summary.header_row, column),
                         fmt::format("{}: an update in this column without a date of its own is dated {}, from the "
                                     "header",
                                     column_text(column), it->second->iso()),
                         Code::missing_field);
    }
    return it->second;
  }

  void read_row(const Row& row) {
    m_row = row.number;
    m_row_failed = false;
    m_extras.clear();
    index_row(row);
    ++m_summary.rows;
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return trimmed(c.text).empty(); })) {
      ++m_summary.blank;
      return;
    }
    unusable_cells(row);
    if (m_row_failed) {
      // Nothing of a row that holds what no file may hold is used, not even as a heading.
      ++m_summary.refused;
      return;
    }
    if (heading(row)) {
      ++m_summary.headings;
      m_diagnostics.note(
          m_table.at(m_row, row.cells.front().column),
          fmt::format("row {} is read as a heading: its rows below belong to report '{}'", m_row, m_heading),
          Code::spreadsheet_format);
      return;
    }
    second_values(row);
    const Value id_value = value(row, "id");
    Report* report = report_for(row, id_value);
    if (report != nullptr) report_details(row, *report);
    Value ref_value;
    model::Finding finding;
    finding.ref = ref_for(row, id_value, ref_value);
    finding.location = m_table.at(m_row, ref_value ? ref_value.cell->column : 1);

    if (const Value type = value(row, "type")) {
      if (const auto name = word(type, "type")) {
        finding.type = *model::value_named<model::FindingType>(*name);
      } else {
        unknown_word(type, "type");
      }
    } else if (const auto from_ref = type_from_ref(finding.ref)) {
      finding.type = *from_ref;
    } else if (!m_mapping.default_type.empty()) {
      finding.type = *model::value_named<model::FindingType>(m_mapping.default_type);
    } else {
      error(m_table.at(m_row, 1),
            fmt::format("row {}: '{}' does not say whether it is a recommendation, an AFI or a cause of concern: map "
                        "a column of types as `type`, or give `defaults: type:` in the mapping",
                        m_row, finding.ref),
            Code::missing_field);
    }

    std::vector<std::string> paragraphs;
    const Value title = value(row, "title");
    for (const Value& text : values(row, "text")) paragraphs.push_back(text.text);
    std::string wording = title ? title.text : (paragraphs.empty() ? "" : paragraphs.front());
    if (!title && !paragraphs.empty()) paragraphs.erase(paragraphs.begin());
    if (wording.empty()) {
      error(m_table.at(m_row, 1), fmt::format("row {} has no wording: its title cell is empty", m_row),
            Code::missing_field);
    }
    const std::string first_line(trimmed(wording.substr(0, wording.find('\n'))));
    finding.title = first_line.size() > k_title_limit ? cut(first_line, k_title_length) : first_line;
    if (finding.title != wording) paragraphs.insert(paragraphs.begin(), wording);  // the whole wording, in the text

    if (const Value coc = value(row, "cause_of_concern")) finding.cause_of_concern.value = coc.text;
    if (const Value owner = value(row, "owner")) {
      // An owner on two lines ("Head of Crime" and a deputy) is one role written on one line.
      std::string text;
      for (char c : owner.text) c == '\n' ? text.append("; ") : text.append(1, c);
      if (folded(text) != "awaiting allocation") finding.owner = text;
    }
    if (const Value email = value(row, "owner_email")) owner_address(email, finding.owner);
    if (const Value portfolio = value(row, "portfolio")) {
      const std::string name = one_line(portfolio.text);
      const std::string id = model::is_slug(name) ? name : util::slugified(name);
      if (id.empty()) {
        error(at(portfolio),
              fmt::format("{}: '{}' has no letters or digits to make a portfolio id of", cell_text(portfolio), name),
              Code::invalid_id);
      } else {
        m_portfolios.try_emplace(id, model::Portfolio{id, name, {}, {}});
        finding.portfolio.value = id;
      }
    }
    if (const Value due = value(row, "due")) finding.due = date(due);
    if (const Value due = value(row, "inspectorate_due")) finding.inspectorate_due = date(due);

    std::string undated;
    std::vector<model::HistoryEntry> history = updates(row, undated);
    state_entry(row, history);
    std::stable_sort(history.begin(), history.end(),
                     [](const model::HistoryEntry& a, const model::HistoryEntry& b) { return a.date < b.date; });
    m_entries += history.size();
    finding.history = std::move(history);

    if (!undated.empty()) paragraphs.push_back("**Updates without a date:**\n\n" + undated);
    for (const auto& [column, text] : m_extras) paragraphs.push_back(kept_as_text(column, text));
    for (const Cell& cell : row.cells) {
      if (!m_extra_columns.contains(cell.column)) continue;
      if (const std::string text = cell_value(cell); !text.empty())
        paragraphs.push_back(kept_as_text(cell.column, text));
    }
    finding.text = fmt::format("{}", fmt::join(paragraphs, "\n\n"));
    if (finding.text.size() > model::k_most_value_bytes) {
      // Each cell is within the bound, but the text the row's cells make together may not be.
      error(m_table.at(m_row, row.cells.front().column),
            fmt::format("row {}: the finding's text, made of the row's cells that have no field of their own, would "
                        "hold {} bytes, more than the 1 MiB a register's value may hold: shorten the row's longest "
                        "cells",
                        m_row, finding.text.size()),
            Code::limit_exceeded);
    }

    if (report != nullptr && !finding.ref.empty()) {
      // A ref is claimed by its first row, read or refused, so that a second is reported either way.
      const auto [first, added] = report->refs.try_emplace(finding.ref.str(), finding.location);
      if (!added) {
        auto& d = error(finding.location,
                        fmt::format("row {}: report '{}' already has a finding '{}': give each its own reference",
                                    m_row, report->inspection.id, finding.ref),
                        Code::duplicate_id);
        d.notes.push_back({first->second, "that one is here"});
      }
    }
    if (m_row_failed || report == nullptr) {
      ++m_summary.refused;
      if (!m_undated_rows.empty() && m_undated_rows.back() == m_row) m_undated_rows.pop_back();
      return;
    }
    finding.id = fmt::format("{}/{}", report->inspection.id, finding.ref);
    report->inspection.findings.push_back(std::move(finding));
    report->rows.push_back(m_row);
    ++m_summary.findings;
  }

  // An owner's address, declared once per role (roles compared ignoring case, as the configuration does).
  void owner_address(const Value& email, std::string_view role) {
    if (!model::is_plain_address(email.text)) {
      error(at(email),
            fmt::format("{}: '{}' is not one address: write it as name@domain, with no name or brackets around it, "
                        "at most 64 characters before the @ and 254 in all",
                        cell_text(email), email.text),
            Code::invalid_value);
      return;
    }
    if (role.empty()) {
      m_diagnostics.warning(at(email),
                            fmt::format("{}: the address '{}' has no owner beside it, so it is kept in the text",
                                        cell_text(email), email.text),
                            Code::missing_field);
      m_extras.push_back({email.cell->column, email.text});
      return;
    }
    const auto [it, added] =
        m_owners.try_emplace(folded(role), model::OwnerAddress{std::string(role), email.text, at(email)});
    if (!added && it->second.email != email.text) {
      auto& d = m_diagnostics.warning(at(email),
                                      fmt::format("{}: '{}' was given the address {} before: the first is kept",
                                                  cell_text(email), role, it->second.email),
                                      Code::duplicate_id);
      d.notes.push_back({it->second.location, "the first is here"});
    }
  }

  // The row's status, rating and latest note as an entry dated by `updated`, else by the last update, else as of
  // the import; merged into an update of that day that says nothing else.
  void state_entry(const Row& row, std::vector<model::HistoryEntry>& history) {
    std::optional<model::Status> status;
    std::string rating;
    if (const Value v = value(row, "status")) {
      if (const auto name = word(v, "status")) {
        status = model::value_named<model::Status>(*name);
      } else {
        unknown_word(v, "status");
      }
    }
    if (const Value v = value(row, "rating")) {
      if (const auto name = word(v, "rating")) {
        rating = *name;
      } else if (const auto as_status = word(v, "status")) {
        // A rating column that says "Closed" or "Complete" gives the status, where no status column does.
        if (!status) status = model::value_named<model::Status>(*as_status);
      } else {
        unknown_word(v, "rating");
      }
    }
    const Value note = value(row, "note");
    const Value updated = value(row, "updated");
    std::optional<model::Date> day = updated ? date(updated, true) : std::nullopt;
    if (!status && rating.empty() && !note) {
      if (updated && day) m_extras.push_back({updated.cell->column, updated.text});
      return;
    }
    if (!day && updated) return;  // reported
    if (!day && !history.empty()) {
      day = std::max_element(history.begin(), history.end(), [](const auto& a, const auto& b) {
              return a.date < b.date;
            })->date;
    }
    if (!day) {
      day = m_options.as_of;
      m_undated_rows.push_back(m_row);
    }
    model::HistoryEntry* same = nullptr;
    for (model::HistoryEntry& entry : history) {
      if (entry.date == *day && (!note || entry.note.empty() || entry.note == note.text)) same = &entry;
    }
    if (same == nullptr) {
      history.push_back(model::HistoryEntry{});
      same = &history.back();
      same->date = *day;
    }
    const model::Rating* given = m_vocabulary.find(rating);
    if (given != nullptr && status && !model::is_open(*status) && !given->closed) {
      // "Complete" and "Green": a closed finding carries no rating of open findings (rag-when-closed).
      const Value cell = value(row, "rating");
      m_diagnostics.note(at(cell),
                         fmt::format("{}: '{}' rates open findings and this one is {}, so no rating is written",
                                     cell_text(cell), cell.text, model::name_of(*status)),
                         Code::rag_when_closed);
      rating.clear();
    }
    same->status = status;
    same->rag.value = rating;
    if (note && same->note.empty()) same->note = note.text;
  }

  // A report lists each cause of concern with the recommendations that answer it after it: where no column
  // says which it answers, a recommendation answers the cause of concern above it, up to another kind of finding.
  void link_causes_of_concern(Report& report) {
    std::vector<model::Finding>& findings = report.inspection.findings;
    const bool column = m_fields.contains("cause_of_concern");
    for (std::size_t k = 0; k < findings.size(); ++k) {
      if (column || findings[k].type != model::FindingType::cause_of_concern) continue;
      for (std::size_t j = k + 1; j < findings.size(); ++j) {
        if (findings[j].type != model::FindingType::recommendation || !findings[j].cause_of_concern.value.empty())
          break;
        findings[j].cause_of_concern.value = findings[k].ref;
      }
    }
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
        m_diagnostics.error(coc.location,
                            fmt::format("row {}: cause of concern '{}' has no recommendation answering it: list its "
                                        "recommendations in the rows after it, or map a column naming the cause of "
                                        "concern each answers as `cause_of_concern`",
                                        report.rows[k], coc.ref),
                            Code::cause_of_concern_without_recommendation);
      } else if (!column) {
        m_diagnostics.note(
            coc.location,
            fmt::format("row {}: cause of concern '{}' is read as answered by the recommendation{} "
                        "after it: {}",
                        report.rows[k], coc.ref, refs.size() == 1 ? "" : "s", util::join_alternatives(refs, " and ")),
            Code::cause_of_concern_without_recommendation);
      }
    }
  }

  // What holds for a report once all its rows are read.
  void check_reports() {
    for (auto& [id, report] : m_reports) {
      link_causes_of_concern(report);
      model::Inspection& inspection = report.inspection;
      inspection.type = report.type ? *report.type
                        : !m_mapping.default_inspection_type.empty()
                            ? *model::value_named<model::InspectionType>(m_mapping.default_inspection_type)
                            : type_from_title(inspection.title).value_or(model::InspectionType::other);
      if (!report.title_given) {
        m_diagnostics.warning(
            m_table.at(report.first_row, 1),
            fmt::format("report '{}' is named only by its id, so its title is written as the id: "
                        "write its title in inspections/{}.yaml, or map a column as `inspection_title`",
                        id, id),
            Code::missing_field);
      }
      const std::size_t hidden =
          static_cast<std::size_t>(std::count_if(inspection.findings.begin(), inspection.findings.end(),
                                                 [](const model::Finding& f) { return f.history.empty(); }));
      if (!inspection.published && hidden > 0) {
        m_diagnostics.warning(m_table.at(report.first_row, 1),
                              fmt::format("report '{}' has no publication date and {} of its findings no dated "
                                          "update, so they show nowhere until it has one: map a column as `published`, "
                                          "or add `published:` to inspections/{}.yaml",
                                          id, hidden, id),
                              Code::missing_field);
      }
    }
    if (!m_undated_rows.empty()) {
      m_diagnostics.warning(
          m_table.at(m_undated_rows.front(), 1),
          fmt::format("{} give{} a status, rating or note with no date: dated {}, the import's "
                      "as-of date; map the column of update dates as `updated` to keep the tracker's",
                      row_list(m_undated_rows), m_undated_rows.size() == 1 ? "s" : "", m_options.as_of.iso()),
          Code::missing_field);
    }
  }

  // The register's files; none when one would be more than the loader takes (an error at its report's row).
  std::vector<std::pair<std::string, std::string>> files() {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("hmicfrs-track.yaml", config_yaml());
    YamlWriter committees;
    committees.comment(0, "The committee's meetings, each with its paper's cut-off (docs/data-format.md):");
    committees.comment(0, "  - id: 2022-03");
    committees.comment(0, "    date: 2022-03-24");
    committees.verbatim(0, "meetings", "[]");
    out.emplace_back("committees.yaml", committees.take());
    for (const auto& [id, report] : m_reports) {
      YamlWriter w = inspection_yaml(report);
      if (w.values() > model::k_most_values_per_file) {
        error(m_table.at(report.first_row, 1),
              fmt::format("report '{}' (rows {} to {}) would make a file of {} values, more than the {} a "
                          "register's file may hold: give some of its rows a report of their own, or fewer updates",
                          id, report.rows.front(), report.rows.back(), w.values(), model::k_most_values_per_file),
              Code::limit_exceeded);
      }
      std::string text = w.take();
      if (text.size() > model::k_most_file_bytes) {
        error(m_table.at(report.first_row, 1),
              fmt::format("report '{}' (rows {} to {}) would make a file of {} MiB, more than the 16 MiB a "
                          "register's file may hold: give some of its rows a report of their own",
                          id, report.rows.front(), report.rows.back(), (text.size() + (1u << 20) - 1) >> 20),
              Code::limit_exceeded);
      }
      out.emplace_back("inspections/" + id + ".yaml", std::move(text));
    }
    if (m_diagnostics.has_errors()) out.clear();
    return out;
  }

  std::string config_yaml() const {
    YamlWriter w;
    w.comment(
        0, fmt::format("Written by `hmicfrs-track import` from {}. Add the contact officer, each", m_options.source));
    w.comment(0, "portfolio's lead and the committee's meetings: docs/data-format.md.");
    w.verbatim(0, "schema_version", "1");
    w.open(0, "force");
    w.field(2, "name", m_mapping.force_name.empty() ? "Your force" : m_mapping.force_name);
    w.open(0, "committee");
    w.field(2, "name", m_mapping.committee_name.empty() ? "Audit committee" : m_mapping.committee_name);
    if (m_vocabulary.customised) {
      w.comment(0, "The force's own ratings, from the mapping.");
      w.open(0, "ratings");
      for (const model::Rating& rating : m_vocabulary.ratings) {
        w.verbatim(4, "id", rating.id, true);
        std::string label = rating.id;
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        if (rating.label != label) w.field(4, "label", rating.label);
        if (!rating.meaning.empty()) w.field(4, "meaning", rating.meaning);
        w.field(4, "colour", rating.colour);
        if (rating.closed) w.verbatim(4, "marks", "closed");
        if (rating.attention) w.verbatim(4, "attention", "true");
        std::vector<std::string_view> conditions;
        if (rating.derived_when.overdue) conditions.push_back("overdue");
        for (model::Status status : rating.derived_when.statuses) conditions.push_back(model::name_of(status));
        if (!conditions.empty()) w.verbatim(4, "derived_when", fmt::format("[{}]", fmt::join(conditions, ", ")));
      }
    }
    const model::Vocabulary usual;
    bool own_words = false;
    for (std::size_t s = 0; s < usual.status_labels.size(); ++s) {
      own_words = own_words || usual.status_labels[s] != m_vocabulary.status_labels[s];
    }
    if (own_words) {
      w.comment(0, "The force's own words for the statuses, from the mapping.");
      w.open(0, "statuses");
      for (std::size_t s = 0; s < usual.status_labels.size(); ++s) {
        if (usual.status_labels[s] != m_vocabulary.status_labels[s]) {
          w.field(2, model::name_of(static_cast<model::Status>(s)), m_vocabulary.status_labels[s]);
        }
      }
    }
    if (!m_owners.empty()) {
      w.comment(0, "Where `chase --format eml` addresses each owner's message, from the tracker.");
      w.open(0, "owners");
      for (const auto& [key, owner] : m_owners) {
        w.field(4, "role", owner.role, true);
        w.field(4, "email", owner.email);
      }
    }
    if (m_portfolios.empty()) {
      w.verbatim(0, "portfolios", "[]");
    } else {
      w.open(0, "portfolios");
      for (const auto& [id, portfolio] : m_portfolios) {
        w.verbatim(4, "id", id, true);
        w.field(4, "name", portfolio.name);
      }
    }
    return w.take();
  }

  YamlWriter inspection_yaml(const Report& report) const {
    const model::Inspection& i = report.inspection;
    YamlWriter w;
    w.comment(0, fmt::format("From {}, {}.", m_options.source, row_list(report.rows)));
    w.verbatim(0, "id", i.id);
    w.verbatim(0, "type", model::name_of(i.type));
    w.field(0, "title", i.title);
    if (i.published) w.verbatim(0, "published", i.published->iso());
    w.blank_line();
    w.open(0, "findings");
    for (std::size_t k = 0; k < i.findings.size(); ++k) {
      const model::Finding& f = i.findings[k];
      if (k > 0) w.blank_line();
      w.comment(2, fmt::format("row {}", report.rows[k]));
      w.field(4, "ref", f.ref, true);
      w.verbatim(4, "type", model::name_of(f.type));
      w.field(4, "title", f.title);
      if (!f.text.empty()) w.field(4, "text", f.text);
      if (!f.cause_of_concern.value.empty()) w.field(4, "cause_of_concern", f.cause_of_concern.value);
      if (!f.owner.empty()) w.field(4, "owner", f.owner);
      if (!f.portfolio.value.empty()) w.verbatim(4, "portfolio", f.portfolio.value);
      if (f.due) w.verbatim(4, "due", f.due->iso());
      if (f.inspectorate_due) w.verbatim(4, "inspectorate_due", f.inspectorate_due->iso());
      if (f.history.empty()) continue;
      w.open(4, "history");
      for (const model::HistoryEntry& e : f.history) {
        w.verbatim(8, "date", e.date.iso(), true);
        if (e.status) w.verbatim(8, "status", model::name_of(*e.status));
        if (!e.rag.value.empty()) w.verbatim(8, "rag", e.rag.value);
        if (!e.note.empty()) w.field(8, "note", e.note);
      }
    }
    return w;
  }

  const Table& m_table;
  const model::ImportMapping& m_mapping;
  const ImportOptions& m_options;
  diag::Diagnostics& m_diagnostics;
  const model::Vocabulary m_vocabulary;  // the mapping's ratings and status words, else the usual ones
  std::vector<std::string> m_form_texts;
  DateForms m_forms;
  ImportSummary m_summary;
  std::map<int, std::string> m_headers;                                 // column -> header
  std::map<std::string, std::size_t, std::less<>> m_fields;             // field -> how many columns feed it
  std::map<int, std::vector<std::string>> m_fields_of_column;           // column -> the fields it feeds
  std::set<int> m_extra_columns;                                        // columns kept as text
  std::map<int, std::optional<model::Date>> m_header_dates;             // updates columns: the day each header names
  std::map<std::string, std::vector<Value>, std::less<>> m_row_values;  // the row being read, by field
  std::map<std::string, Report> m_reports;                              // by id, so files come out in id order
  std::map<std::string, model::Portfolio> m_portfolios;
  std::map<std::string, model::OwnerAddress> m_owners;  // by role, folded
  std::string m_heading;                                // the last heading row's text
  std::string m_previous_report;                        // the last row's report id
  // The row being read, whether it has an error, and its values with no field: column, text.
  int m_row = 0;
  bool m_row_failed = false;
  std::vector<int> m_undated_rows;  // rows whose state is dated as of the import
  std::size_t m_entries = 0;        // dated entries made so far
  std::vector<std::pair<int, std::string>> m_extras;
};

}  // namespace

ImportedRegister import_tracker(const Table& table, const model::ImportMapping& mapping, const ImportOptions& options,
                                diag::Diagnostics& diagnostics) {
  return Importer(table, mapping, options, diagnostics).run();
}

}  // namespace hmicfrs::import
