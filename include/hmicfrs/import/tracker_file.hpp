#pragma once

// A force's tracker read from its file, by the reader its extension calls
// for: CSV or an Excel workbook.

#include <string>
#include <variant>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/table.hpp>

namespace hmicfrs::import {

// Why a tracker's file was not read at all.
struct TrackerFileProblem {
  enum class Kind {
    not_a_tracker,  // a kind of file the import does not read (its extension says so): the caller's to fix
    unreadable,     // the file cannot be read, or is larger than any tracker
  };
  Kind kind;
  std::string message;  // names the file
};

// The tracker's rows, read as its extension says (in any case): .csv, .tsv and .txt as CSV, .xlsx and .xlsm
// as a workbook, of which `sheet` names the sheet (empty: the one that reads most like a tracker). A file of
// another kind, or one that cannot be read or is over 16 MiB, is a problem; what its content holds that the
// import cannot read goes to `diagnostics`, located by `path`.
std::variant<Table, TrackerFileProblem> read_tracker(const std::string& path, const std::string& sheet,
                                                     diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
