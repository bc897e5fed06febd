#include "import_context.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "text.hpp"

namespace hmicfrs::import {

ImportContext::ImportContext(const Table& table_, const model::ImportMapping& mapping_, const ImportOptions& options_,
                             diag::Diagnostics& diagnostics_)
    : table(table_),
      mapping(mapping_),
      options(options_),
      diagnostics(diagnostics_),
      vocabulary(mapping_.vocabulary.value_or(model::Vocabulary())) {
  forms.default_year = mapping.default_year;
  for (const model::ColumnName& form : mapping.date_formats) form_texts.push_back(form.name);
  forms.forms = form_texts;
}

RowContext::RowContext(ImportContext& import_, const Row& row_) : import(import_), row(row_), number(row_.number) {
  for (const Cell& cell : row.cells) {
    const auto fields = import.columns.fields_of_column.find(cell.column);
    if (fields == import.columns.fields_of_column.end()) continue;
    std::string text = cell_value(cell);
    if (text.empty()) continue;
    for (const std::string& field : fields->second) m_values[field].push_back(Value{&cell, text});
  }
}

diag::Diagnostic& RowContext::error(diag::Location at, std::string message, diag::Code code) {
  failed = true;
  return import.diagnostics.error(std::move(at), std::move(message), code);
}

Value RowContext::value(std::string_view field) const {
  const auto it = m_values.find(field);
  return it == m_values.end() ? Value{} : it->second.front();
}

const std::vector<Value>& RowContext::values(std::string_view field) const {
  static const std::vector<Value> none;
  const auto it = m_values.find(field);
  return it == m_values.end() ? none : it->second;
}

void RowContext::keep_second_values() {
  for (const auto& [field, count] : import.columns.fields) {
    if (field == "text" || field == "updates" || count < 2) continue;
    const std::vector<Value>& all = values(field);
    for (std::size_t k = 1; k < all.size(); ++k) {
      if (all[k].text != all.front().text) extras.push_back({all[k].cell->column, all[k].text});
    }
  }
}

std::string RowContext::cell_text(const Value& value) const {
  return import.columns.cell_text(number, value.cell->column);
}

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

std::string cell_value(const Cell& cell) {
  std::string text(trimmed(unix_lines(cell.text)));
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace hmicfrs::import
