#pragma once

// A force's tracker, one row per finding, as a new register: one inspection
// file per report with its findings, the portfolios found declared in the
// configuration. Nothing in a row is dropped: a value with no field of its
// own goes into the finding's text under its column's header.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/table.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/import_mapping.hpp>

namespace hmicfrs::import {

struct ImportOptions {
  // The day by which the tracker's undated statuses, ratings and notes were known: they are written `as_at` it.
  // None: the rows that give one are listed in the summary and nothing dates them (the cli refuses the import).
  std::optional<model::Date> as_of;
  std::string source;  // the tracker's file name, for the files' comments
  // Adding to a register (`import --add`): the reports it has, by id, title and short name, whose files are the
  // register's (what a new file of theirs would lack, a title or a publication date, is not said), and its portfolios
  // (id, name), which a row names by either; a portfolio it lacks is an error at the row's cell.
  bool adding = false;
  std::vector<std::string> existing_reports = {};
  std::vector<std::pair<std::string, std::string>> existing_portfolios = {};
};

struct ImportSummary {
  int header_row = 0;
  std::size_t rows = 0;                   // rows below the header
  std::size_t blank = 0;                  // of which blank, skipped
  std::size_t headings = 0;               // of which read as a heading naming the report of the rows below
  std::size_t footnotes = 0;              // of which keys, footnotes (one value, no finding below) and totals
  std::size_t carried = 0;                // rows that took their report from the row above
  std::size_t refused = 0;                // rows with an error
  std::size_t findings = 0;               // findings written
  std::size_t reports = 0;                // inspection files written
  std::vector<std::string> columns;       // "A 'Ref' -> ref", each column read
  std::vector<std::string> kept_as_text;  // "H 'Notes'", each column whose values went into findings' text
  std::vector<std::string> portfolios;    // names, as declared
  std::string undated;                    // "rows 4, 7-9 and 12": rows with a status, rating or note but no date
};

// A finding of the tracker as the inspection file of its report writes it, to add to a file the register has
// (`import --add`).
struct ImportedFinding {
  std::string ref;
  diag::Location at;  // the row's cell that gives its ref
  std::string item;   // an item of a block list, its dash two spaces in, after "# From FILE, row N"
};

// One report of the tracker: the file it would be, and its findings one by one.
struct ImportedReport {
  std::string id;
  std::string title;  // as the tracker names it: the register may know the report by it
  std::string short_name;
  std::string file;  // inside the register: "inspections/ID.yaml"
  std::string text;
  std::vector<ImportedFinding> findings;
};

struct ImportedRegister {
  std::vector<std::pair<std::string, std::string>> files;  // path inside the register, text
  std::vector<ImportedReport> reports;                     // the inspection files of `files`, report by report
  ImportSummary summary;
};

// The register the table makes under `mapping`. Every problem goes to
// `diagnostics`, located by sheet, row and column (or in the mapping); with
// an error the files are not to be written.
ImportedRegister import_tracker(const Table& table, const model::ImportMapping& mapping, const ImportOptions& options,
                                diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
