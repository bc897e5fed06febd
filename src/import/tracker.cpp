#include <hmicfrs/import/tracker.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/import/guess.hpp>
#include "columns.hpp"
#include "import_context.hpp"
#include "register_files.hpp"
#include "reports.hpp"
#include "rows.hpp"
#include "text.hpp"

namespace hmicfrs::import {
namespace {

// Whether the tracker holds more than any force's: rows, or dated updates, past what the import builds in
// bounded memory. Reported once, at the row that passes the bound.
bool beyond_bounds(ImportContext& import, int row) {
  constexpr std::size_t k_rows_limit = 50'000, k_entries_limit = 200'000;
  if (import.summary.rows <= k_rows_limit && import.entries <= k_entries_limit) return false;
  import.diagnostics.error(
      import.table.at(row, 1),
      fmt::format("row {}: the tracker holds more than {} rows, or its updates more than {} dated entries, more "
                  "than any force's: is it the right file? (Nothing is written.)",
                  row, "50,000", "200,000"),
      diag::Code::limit_exceeded);
  return true;
}

// The rows above the header row (a title, a protective marking) are not findings: one note names them and
// quotes their first values, so that nothing in the sheet is passed over unsaid.
void note_rows_above_header(ImportContext& import) {
  std::vector<int> rows;
  std::vector<std::string> quoted;
  for (const Row& row : import.table.rows) {
    if (row.number >= import.summary.header_row) break;
    rows.push_back(row.number);
    if (quoted.size() < 3)
      quoted.push_back(fmt::format("'{}'", shortened(one_line(cell_value(row.cells.front())), 60)));
  }
  if (rows.empty()) return;
  import.diagnostics.note(import.table.at(rows.front(), 1),
                          fmt::format("{}, above the header row, {} not read as {}: {}{}", row_list(rows),
                                      rows.size() == 1 ? "is" : "are", rows.size() == 1 ? "a finding" : "findings",
                                      fmt::join(quoted, ", "), rows.size() > quoted.size() ? " ..." : ""),
                          diag::Code::spreadsheet_format);
}

}  // namespace

ImportedRegister import_tracker(const Table& table, const model::ImportMapping& mapping, const ImportOptions& options,
                                diag::Diagnostics& diagnostics) {
  ImportedRegister out;
  if (table.rows.empty()) {
    diagnostics.error(table.at(1, 1), "the tracker has no rows", diag::Code::empty_file);
    return out;
  }
  ImportContext import(table, mapping, options, diagnostics);
  import.summary.header_row = mapping.header_row != 0 ? mapping.header_row : find_header_row(table);
  if (!read_columns(import)) {
    out.summary = import.summary;
    return out;
  }
  note_rows_above_header(import);
  for (const Row& row : table.rows) {
    if (row.number <= import.summary.header_row) continue;
    read_row(import, row);
    if (beyond_bounds(import, row.number)) break;
  }
  check_reports(import);
  if (!diagnostics.has_errors()) out.files = register_files(import);
  if (!diagnostics.has_errors()) out.reports = imported_reports(import, out.files);
  import.summary.reports = import.reports.size();
  for (const auto& [id, portfolio] : import.portfolios) import.summary.portfolios.push_back(portfolio.name);
  if (!import.undated_rows.empty()) import.summary.undated = row_list(import.undated_rows);
  out.summary = import.summary;
  return out;
}

}  // namespace hmicfrs::import
