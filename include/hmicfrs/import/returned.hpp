#pragma once

// A workbook `chase --format xlsx` wrote, as an owner returns it filled in, or its updates sheet saved as CSV: each
// row's finding and what the owner wrote, every cell located, for `collect` to check against the register.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/tracker_file.hpp>

namespace hmicfrs::import {

// One cell of a returned row.
struct ReturnedValue {
  std::string text;  // as the sheet shows it; a date cell's as YYYY-MM-DD (YYYY-MM for a month)
  diag::Location at;
  std::string cell;              // as the spreadsheet names it: "K5"
  bool date = false;             // a workbook's date cell
  bool month = false;            // ... formatted as a month only
  std::string formula;           // the formula that gives its value, when one does
  bool formula_unsaved = false;  // ... and the workbook holds no value for it
};

// What the record sheet says a row stood for when the workbook was written.
struct RecordedRow {
  std::string finding;
  std::string last_entry;
  std::size_t entries = 0;
};

struct ReturnedRow {
  int number = 0;       // the sheet's row
  ReturnedValue group;  // the owner or portfolio the row was written for, when the sheet has the column
  ReturnedValue finding;
  ReturnedValue due;  // as the sheet shows it, when it has the column: what the file's dates look like
  ReturnedValue last_entry;
  ReturnedValue rating;
  ReturnedValue status;
  ReturnedValue note;
  ReturnedValue date;
  std::optional<RecordedRow> recorded;  // nothing for a CSV file, which has no record sheet

  // Whether the owner wrote anything in the row's update.
  bool filled() const;
};

struct ReturnedWorkbook {
  std::string path;
  bool has_record = false;  // a workbook, whose record sheet was read; not a CSV file
  std::string force;        // the record sheet's: whose register wrote it
  std::string committee;
  diag::Location record_at;       // the record sheet's force
  std::vector<ReturnedRow> rows;  // every row below the header with a cell, in the sheet's order
};

// Reads a returned .xlsx workbook or .csv file. A file of another kind, or one that cannot be read, is a problem;
// what makes its content unusable is an error in `diagnostics`, located: no updates sheet or record sheet (a
// workbook chase did not write), a column missing, or a locked cell changed (a row's finding or last entry not what
// the record sheet says it was written with, or a row added).
std::variant<ReturnedWorkbook, TrackerFileProblem> read_returned(const std::string& path,
                                                                 diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
