#pragma once

// A sheet of a force's tracker as read from a CSV file or an Excel workbook:
// rows of cells, each with where it sits, so that every problem with a value
// is reported by sheet, row and column.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>

namespace hmicfrs::import {

struct Cell {
  int column = 0;                // 1-based: A is 1
  std::string text;              // as the sheet shows it (a number in its shortest form; a date as YYYY-MM-DD)
  std::optional<double> number;  // a workbook's numeric cell
  bool date = false;             // a number formatted as a date (its `text` is then the day)
  bool month = false;            // ... as a month only ("Mar-22")
  std::string formula;           // a workbook's cell whose value a formula gives: the formula, as written
};

struct Row {
  int number = 0;           // 1-based, as the spreadsheet numbers it
  std::vector<Cell> cells;  // by column, none empty

  // The cell in `column`, or nullptr.
  const Cell* at(int column) const;
};

struct Table {
  // What locations name: "tracker.csv", or "tracker.xlsx[Sheet name]".
  diag::SourceName source;
  std::string sheet;      // the sheet's name; empty for CSV
  std::vector<Row> rows;  // by number; rows with no cell are left out
  // Cells holding a formula whose value the workbook did not save (python3-openpyxl and some exports write
  // none), as (row, column): read as empty, and said in one note.
  std::vector<std::pair<int, int>> unsaved_formulas;

  diag::Location at(int row, int column) const { return diag::file_location(source, row, column); }
};

// "A", "Z", "AA" ... for 1, 26, 27 ...
std::string column_letters(int column);
// 1 for "A" (any case), 27 for "AA"; nothing for anything but 1 to 3 letters within XFD.
std::optional<int> column_number(std::string_view letters);
// "C14": a cell's reference as the spreadsheet shows it.
std::string cell_name(int row, int column);

}  // namespace hmicfrs::import
