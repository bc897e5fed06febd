#include <hmicfrs/import/returned.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include <hmicfrs/model/returns.hpp>

namespace hmicfrs::import {
namespace {

namespace returns = model::returns;
using diag::Code;

// The column under each header of the first row.
std::map<std::string, int, std::less<>> header_columns(const Table& table) {
  std::map<std::string, int, std::less<>> columns;
  if (table.rows.empty() || table.rows.front().number != 1) return columns;
  for (const Cell& cell : table.rows.front().cells) columns.emplace(cell.text, cell.column);
  return columns;
}

ReturnedValue value_at(const Table& table, const Row& row, int column) {
  ReturnedValue value;
  value.at = table.at(row.number, column);
  value.cell = cell_name(row.number, column);
  if (column == 0) return value;
  if (const Cell* cell = row.at(column)) {
    value.text = cell->text;
    value.date = cell->date;
    value.month = cell->month;
    value.formula = cell->formula;
  }
  // The reader lists them in the sheet's order, by row and column.
  value.formula_unsaved =
      std::binary_search(table.unsaved_formulas.begin(), table.unsaved_formulas.end(), std::pair{row.number, column});
  return value;
}

// A sheet of the workbook, read alone; `missing` when the workbook has no sheet of that name.
std::variant<Table, TrackerFileProblem> sheet_named(const std::string& path, std::string_view name, bool& missing,
                                                    diag::Diagnostics& diagnostics) {
  diag::Diagnostics read;
  auto table = read_tracker(path, std::string(name), read);
  missing = std::any_of(read.items().begin(), read.items().end(), [](const diag::Diagnostic& d) {
    return d.severity == diag::Severity::error && d.message.starts_with("the workbook has no sheet");
  });
  if (missing) return table;
  // Its errors; not its notes, of which the one that matters, a formula with no value, collect reports as an
  // error of its own.
  for (const diag::Diagnostic& d : read.items()) {
    if (d.severity != diag::Severity::note) diagnostics.add(d.severity, d.location, d.message, d.code).notes = d.notes;
  }
  return table;
}

// What the record sheet says: whose register wrote the workbook, and what each row of the updates sheet stood for,
// by the row's number.
std::map<int, RecordedRow> read_record(const Table& record, ReturnedWorkbook& workbook,
                                       diag::Diagnostics& diagnostics) {
  std::map<int, RecordedRow> rows;
  bool kind_known = false;
  for (const Row& row : record.rows) {
    if (row.number == 1) continue;
    const auto text = [&](int column) { return row.at(column) != nullptr ? row.at(column)->text : std::string(); };
    const std::string key = text(1);
    if (key == returns::k_kind_key) {
      kind_known = text(2) == returns::k_kind;
    } else if (key == returns::k_force_key) {
      workbook.force = text(2);
      workbook.record_at = record.at(row.number, 2);
    } else if (key == returns::k_committee_key) {
      workbook.committee = text(2);
    } else if (key == returns::k_row_key) {
      const auto whole = [](const std::string& digits) -> std::optional<std::size_t> {
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
        return value;
      };
      const auto entries = whole(text(4));
      const auto number = whole(text(5));
      if (!entries || !number || *number < 2 || *number > 1'048'576) {
        diagnostics.error(record.at(row.number, 1),
                          fmt::format("the record sheet '{}' is damaged at row {}: take a fresh workbook from chase",
                                      returns::k_record_sheet, row.number),
                          Code::returned_workbook);
        continue;
      }
      rows[static_cast<int>(*number)] = RecordedRow{text(2), text(3), *entries};
    }
  }
  if (!kind_known) {
    diagnostics.error(record.at(1, 1),
                      fmt::format("the record sheet '{}' is not one chase wrote, or is of a version collect does not "
                                  "read: take a fresh workbook from chase",
                                  returns::k_record_sheet),
                      Code::returned_workbook);
  }
  return rows;
}

// A locked cell that no longer says what the workbook was written with.
void check_locked(const ReturnedValue& shown, std::string_view header, const std::string& written,
                  diag::Diagnostics& diagnostics) {
  if (shown.text == written) return;
  diagnostics.error(shown.at,
                    fmt::format("{} ({}) says '{}', but the workbook was written with '{}' there: a locked cell was "
                                "changed, or rows were moved; put it back, or take a fresh workbook from chase",
                                shown.cell, header, shown.text, written),
                    Code::returned_workbook);
}

}  // namespace

bool ReturnedRow::filled() const {
  const auto given = [](const ReturnedValue& v) { return !v.text.empty() || !v.formula.empty() || v.formula_unsaved; };
  return given(rating) || given(status) || given(note) || given(date);
}

std::variant<ReturnedWorkbook, TrackerFileProblem> read_returned(const std::string& path,
                                                                 diag::Diagnostics& diagnostics) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".xlsx" && extension != ".csv") {
    return TrackerFileProblem{
        TrackerFileProblem::Kind::not_a_tracker,
        fmt::format("{}: collect reads the .xlsx workbooks chase wrote, and .csv files saved from their '{}' sheet",
                    path, returns::k_updates_sheet)};
  }
  ReturnedWorkbook workbook;
  workbook.path = path;
  const std::size_t errors_before = diagnostics.count(diag::Severity::error);
  const auto whole_file = diag::file_location(diag::source_name(std::filesystem::path(path).generic_string()));
  Table updates;
  std::map<int, RecordedRow> recorded;
  if (extension == ".csv") {
    auto read = read_tracker(path, "", diagnostics);
    if (auto* problem = std::get_if<TrackerFileProblem>(&read)) return std::move(*problem);
    updates = std::move(std::get<Table>(read));
    if (diagnostics.count(diag::Severity::error) > errors_before) return workbook;
  } else {
    bool missing = false;
    auto sheet = sheet_named(path, returns::k_updates_sheet, missing, diagnostics);
    if (auto* problem = std::get_if<TrackerFileProblem>(&sheet)) return std::move(*problem);
    // A workbook that cannot be read at all says so once.
    if (diagnostics.count(diag::Severity::error) > errors_before) return workbook;
    std::variant<Table, TrackerFileProblem> record;
    std::string_view absent = returns::k_updates_sheet;
    if (!missing) {
      absent = returns::k_record_sheet;
      record = sheet_named(path, returns::k_record_sheet, missing, diagnostics);
    }
    if (auto* problem = std::get_if<TrackerFileProblem>(&record)) return std::move(*problem);
    if (missing) {
      diagnostics.error(whole_file,
                        fmt::format("not a workbook chase wrote: it has no sheet '{}'; collect reads the workbooks "
                                    "`chase --format xlsx -o DIR` writes, and CSV files saved from their '{}' sheet",
                                    absent, returns::k_updates_sheet),
                        Code::returned_workbook);
      return workbook;
    }
    updates = std::move(std::get<Table>(sheet));
    workbook.has_record = true;
    recorded = read_record(std::get<Table>(record), workbook, diagnostics);
  }

  const auto columns = header_columns(updates);
  const auto column = [&](std::string_view header, bool needed) {
    const auto found = columns.find(header);
    if (found != columns.end()) return found->second;
    if (needed) {
      diagnostics.error(updates.at(1, 1),
                        fmt::format("the header row has no column '{}': the first row of a returned sheet is the one "
                                    "chase wrote, and its headers are locked; take a fresh workbook from chase",
                                    header),
                        Code::returned_workbook);
    }
    return 0;
  };
  const int owner =
      columns.count(returns::k_owner) != 0 ? column(returns::k_owner, false) : column(returns::k_portfolio, false);
  const int finding = column(returns::k_finding, true);
  const int due = column(returns::k_due, false);
  const int last_entry = column(returns::k_last_entry, true);
  const int rating = column(returns::k_new_rating, true);
  const int status = column(returns::k_new_status, true);
  const int note = column(returns::k_update_note, true);
  const int date = column(returns::k_update_date, true);
  if (finding == 0 || last_entry == 0 || rating == 0 || status == 0 || note == 0 || date == 0) return workbook;

  for (const Row& row : updates.rows) {
    if (row.number == 1) continue;
    ReturnedRow out{row.number,
                    value_at(updates, row, owner),
                    value_at(updates, row, finding),
                    value_at(updates, row, due),
                    value_at(updates, row, last_entry),
                    value_at(updates, row, rating),
                    value_at(updates, row, status),
                    value_at(updates, row, note),
                    value_at(updates, row, date),
                    std::nullopt};
    if (workbook.has_record) {
      const auto found = recorded.find(row.number);
      if (found == recorded.end()) {
        diagnostics.error(updates.at(row.number, finding),
                          fmt::format("row {} was not in the workbook as chase wrote it: rows cannot be added; ask "
                                      "for a finding in a fresh workbook from chase, or record it with update",
                                      row.number),
                          Code::returned_workbook);
        continue;
      }
      check_locked(out.finding, returns::k_finding, found->second.finding, diagnostics);
      check_locked(out.last_entry, returns::k_last_entry, found->second.last_entry, diagnostics);
      out.recorded = found->second;
    }
    workbook.rows.push_back(std::move(out));
  }
  return workbook;
}

}  // namespace hmicfrs::import
