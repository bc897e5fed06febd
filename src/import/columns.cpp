#include "columns.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/util/suggest.hpp>
#include "import_context.hpp"
#include "text.hpp"
#include "value_readers.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

// The header row's cells as `import.columns.headers`; false when one holds what no register file may hold.
bool read_header(ImportContext& import) {
  const Row* header = nullptr;
  for (const Row& row : import.table.rows) {
    if (row.number == import.summary.header_row) header = &row;
  }
  if (header == nullptr) {
    import.diagnostics.error(
        import.mapping.location.path().empty() ? import.table.at(1, 1) : import.mapping.location,
        fmt::format("header_row {}: that row of {} is empty", import.summary.header_row, *import.table.source),
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
    if (unusable(import.diagnostics, text, import.table.at(header->number, cell.column),
                 fmt::format("{} (a header)", cell_name(header->number, cell.column)))) {
      usable = false;
    }
    if (!text.empty()) import.columns.headers.emplace(cell.column, std::move(text));
  }
  return usable;
}

// The columns a mapping's name stands for: those whose header reads so, else the column with those letters.
std::vector<int> columns_named(ImportContext& import, const model::ColumnName& name) {
  std::vector<int> out;
  const std::string wanted = folded(name.name);
  for (const auto& [column, header] : import.columns.headers) {
    if (folded(header) == wanted) out.push_back(column);
  }
  if (out.empty()) {
    if (const auto column = column_number(name.name); column && name.name.size() <= 3) out.push_back(*column);
  }
  if (out.empty()) {
    std::vector<std::string_view> headers;
    for (const auto& [column, header] : import.columns.headers) headers.push_back(header);
    import.diagnostics.error(
        name.location,
        fmt::format("no column '{}' in the header row (row {} of {}){}", name.name, import.summary.header_row,
                    *import.table.source, util::did_you_mean(name.name, headers)),
        Code::unknown_reference);
  }
  return out;
}

// The columns the mapping names, as fields or ignored, and what each gives, in the summary in column order.
std::set<int> map_named_columns(ImportContext& import) {
  Columns& columns = import.columns;
  std::set<int> used;
  std::multimap<int, std::string> read;  // column -> what it gives, for the summary in column order
  for (const auto& [field, names] : import.mapping.columns) {
    for (const model::ColumnName& name : names) {
      for (int column : columns_named(import, name)) {
        auto& fields = columns.fields_of_column[column];
        if (std::find(fields.begin(), fields.end(), field) != fields.end()) continue;
        fields.push_back(field);
        ++columns.fields[field];
        used.insert(column);
        read.emplace(column, fmt::format("{} -> {}", columns.column_text(column), field));
      }
    }
  }
  for (const model::ColumnName& name : import.mapping.ignore) {
    for (int column : columns_named(import, name))
      used.insert(column), read.emplace(column, columns.column_text(column) + ": ignored");
  }
  for (auto& [column, text] : read) import.summary.columns.push_back(std::move(text));
  return used;
}

// Every column with a header or a value below it that the mapping does not name is kept as text.
void keep_other_columns_as_text(ImportContext& import, const std::set<int>& used) {
  std::set<int> present;
  for (const auto& [column, header] : import.columns.headers) present.insert(column);
  for (const Row& row : import.table.rows) {
    if (row.number <= import.summary.header_row) continue;
    for (const Cell& cell : row.cells) present.insert(cell.column);
  }
  for (int column : present) {
    if (used.contains(column)) continue;
    import.columns.kept_as_text.insert(column);
    import.summary.kept_as_text.push_back(import.columns.column_text(column));
  }
}

bool resolve_columns(ImportContext& import) {
  const std::size_t errors = import.diagnostics.count(diag::Severity::error);
  keep_other_columns_as_text(import, map_named_columns(import));
  if (!import.mapping.columns.contains("title") && !import.mapping.columns.contains("text")) {
    // A guessed mapping has no file to point into: then it is the header row that names no wording column.
    const bool guessed = import.mapping.location.path().empty();
    import.diagnostics.error(guessed ? import.table.at(import.summary.header_row, 1) : import.mapping.location,
                             guessed ? fmt::format("no header in row {} reads like the findings' wording "
                                                   "(\"Recommendation\", \"Title\", \"Description\"): write a "
                                                   "mapping that names that column as `title` (`import --guess` "
                                                   "starts one)",
                                                   import.summary.header_row)
                                     : "no column gives the findings' wording: name one under columns as `title` "
                                       "(and the full wording, if another column has it, as `text`)",
                             Code::missing_field);
  }
  return import.diagnostics.count(diag::Severity::error) == errors;
}

}  // namespace

std::string Columns::column_text(int column) const {
  const auto it = headers.find(column);
  return it == headers.end() ? fmt::format("column {}", column_letters(column))
                             : fmt::format("{} '{}'", column_letters(column), it->second);
}

std::string Columns::cell_text(int row, int column) const {
  const auto it = headers.find(column);
  return it == headers.end() ? cell_name(row, column) : fmt::format("{} ({})", cell_name(row, column), it->second);
}

std::string Columns::paragraph(int column, const std::string& text) const {
  const auto header = headers.find(column);
  const std::string name = header != headers.end() ? header->second : fmt::format("Column {}", column_letters(column));
  return text.find('\n') == std::string::npos ? fmt::format("**{}:** {}", name, text)
                                              : fmt::format("**{}:**\n\n{}", name, text);
}

bool read_columns(ImportContext& import) { return read_header(import) && resolve_columns(import); }

std::optional<model::Date> header_date(ImportContext& import, int column) {
  const auto [it, added] = import.columns.header_dates.try_emplace(column);
  if (!added) return it->second;
  const auto header = import.columns.headers.find(column);
  if (header == import.columns.headers.end()) return std::nullopt;
  if (const auto date = date_within(header->second, import.forms)) {
    it->second = date->first_day();
    import.diagnostics.note(import.table.at(import.summary.header_row, column),
                            fmt::format("{}: an update in this column without a date of its own is dated {}, from "
                                        "the header",
                                        import.columns.column_text(column), it->second->iso()),
                            Code::missing_field);
  }
  return it->second;
}

}  // namespace hmicfrs::import
