// The table writer for CSV (RFC 4180), as spreadsheets open it.

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {
namespace {

std::string csv_field(std::string_view text) {
  // A spreadsheet runs a cell that starts with one of these as a formula;
  // a leading apostrophe makes it text (OWASP's advice for CSV injection).
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) value = "'";
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i > 0 ? "," : "") << csv_field(fields[i]);
  out << "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const Table& table) {
  std::vector<std::string> fields;
  for (const Column& column : table.columns) fields.push_back(column.header);
  csv_row(out, fields);
  for (const auto& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row) fields.push_back(cell.text);
    csv_row(out, fields);
  }
}

}  // namespace hmicfrs::render
