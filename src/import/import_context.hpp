#pragma once

// What the steps of an import share: the tracker, its mapping and the
// diagnostics (ImportContext), and the row being read (RowContext). Private
// to import/.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/import/table.hpp>
#include <hmicfrs/import/tracker.hpp>
#include <hmicfrs/model/import_mapping.hpp>
#include <hmicfrs/model/register.hpp>
#include "columns.hpp"

namespace hmicfrs::import {

// A located value of a row: the cell it came from and its text, trimmed, with line breaks as "\n".
struct Value {
  const Cell* cell = nullptr;
  std::string text;
  explicit operator bool() const { return cell != nullptr; }
};

// A report as its rows make it: one inspection file.
struct Report {
  model::Inspection inspection;
  bool title_given = false;   // a title, not only an id, names it
  bool title_column = false;  // ... from the `inspection_title` column, which no heading overrides
  int heading_row = 0;        // the heading row whose text is its title
  int first_row = 0;
  std::optional<model::InspectionType> type;
  std::vector<int> rows;                       // each finding's row
  std::map<std::string, diag::Location> refs;  // where each ref was first given
};

// A row of one value across the table: the heading of the finding rows below it, up to the next.
struct Heading {
  int row = 0;
  int column = 1;  // where its text starts
  std::string text;
  std::optional<std::size_t> parent;  // the heading right above it with no finding between: it heads these rows too
  std::vector<std::string> reports;   // the reports of the finding rows under it, in order, each once
  std::set<std::string, std::less<>> named;  // the same, to find one in

  // Adds the report of a finding row under the heading, unless it has it already.
  void add(const std::string& report) {
    if (named.insert(report).second) reports.push_back(report);
  }
};

// The tracker and its mapping, where problems go, and what the rows have made so far.
struct ImportContext {
  ImportContext(const Table& table, const model::ImportMapping& mapping, const ImportOptions& options,
                diag::Diagnostics& diagnostics);
  ImportContext(const ImportContext&) = delete;  // `forms` views `form_texts`
  ImportContext& operator=(const ImportContext&) = delete;

  const Table& table;
  const model::ImportMapping& mapping;
  const ImportOptions& options;
  diag::Diagnostics& diagnostics;
  const model::Vocabulary vocabulary;  // the mapping's ratings and status words, else the usual ones
  std::vector<std::string> form_texts;
  DateForms forms;
  ImportSummary summary;
  Columns columns;
  std::map<std::string, Report> reports;  // by id, so files come out in id order
  std::map<std::string, model::Portfolio> portfolios;
  std::map<std::string, model::OwnerAddress> owners;  // by role, folded
  std::vector<Heading> headings;                      // the heading rows, in order

  // Adds a finding row's report to the heading above it, and to the headings that heading is under.
  void add_to_headings(const std::string& report) {
    for (std::optional<std::size_t> k = headings.empty() ? std::nullopt : std::optional(headings.size() - 1); k;
         k = headings[*k].parent) {
      headings[*k].add(report);
    }
  }
  std::string previous_report;                        // the last row's report id
  std::vector<int> undated_rows;                      // rows with a state but no date: as at --as-of, if given
  std::size_t entries = 0;                            // dated entries made so far
};

// The row being read: its values by the field their column feeds, whether it has an error, and its values
// that have no field of their own (column, text), which go into the finding's text.
struct RowContext {
  // Indexes the row's non-empty values by field, once, so that what a row costs follows its cells, not the
  // columns a mapping names.
  RowContext(ImportContext& import, const Row& row);

  ImportContext& import;
  const Row& row;
  const int number;
  bool failed = false;
  std::vector<std::pair<int, std::string>> extras;

  // An error in this row, which refuses it.
  diag::Diagnostic& error(diag::Location at, std::string message, diag::Code code);
  // The first non-empty value of `field` in the row (`keep_second_values` keeps any other).
  Value value(std::string_view field) const;
  // Every non-empty value of `field` in the row, in column order.
  const std::vector<Value>& values(std::string_view field) const;
  // Where a field of one value per row reads several columns, keeps the values after the first that differ
  // from it, for the text.
  void keep_second_values();
  // "C14 (Status)": the value's cell as messages name it.
  std::string cell_text(const Value& value) const;
  diag::Location at(const Value& value) const { return import.table.at(number, value.cell->column); }
  // The row's first column, where a problem of the whole row is located.
  diag::Location start() const { return import.table.at(number, 1); }

 private:
  std::map<std::string, std::vector<Value>, std::less<>> m_values;  // by field
};

// "row 3", "rows 3-9, 12 and 15": rows in order, runs as ranges.
std::string row_list(const std::vector<int>& rows);

// A cell's text as a register keeps it: trimmed, line breaks as "\n", tabs as spaces.
std::string cell_value(const Cell& cell);

// Text for a field of one line (a name, a title): its line breaks as spaces.
std::string one_line(std::string text);

}  // namespace hmicfrs::import
