#pragma once

// A starting mapping from a tracker's header row and values: what
// `import --guess` writes for the liaison officer to check, and what `import`
// uses when given no mapping.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/import/table.hpp>
#include <hmicfrs/model/import_mapping.hpp>

namespace hmicfrs::import {

struct GuessedColumn {
  int column = 0;
  std::string header;  // empty when the header row leaves the column blank
  std::string field;   // the register's field; empty: kept in each finding's text; "ignore"
  std::string why;     // what decided it, for the comment beside it
};

// A word seen in a column of types, statuses or ratings, and the register's value for it (empty: no guess).
struct GuessedWord {
  std::string field;
  std::string word;
  std::optional<std::string> value;
};

struct GuessedMapping {
  model::ImportMapping mapping;
  std::vector<GuessedColumn> columns;
  std::vector<GuessedWord> words;
  std::vector<std::string> date_forms;    // the built-in forms the date columns use
  std::vector<std::string> quarters;      // the first value read by each form of quarter ("Q3 24/25")
  std::vector<std::string> unread_dates;  // a few values of date columns no built-in form reads
};

// The header row: the one among the first 20 whose cells read most like
// headers (the first with two cells or more when none does).
int find_header_row(const Table& table);

// How much a row reads like a tracker's header: the number of distinct fields its cells' texts suggest.
std::size_t header_score(const Row& row);

// Whether a row is a heading across the table rather than a finding: one distinct value, in several cells
// (a merged range) or in one.
bool is_heading_row(const Row& row);

// The mapping the table's header row and values suggest. `header_row` 0: found as above.
GuessedMapping guess_mapping(const Table& table, int header_row = 0);

// The guess as a mapping file, every choice commented; `source` names the tracker.
std::string mapping_yaml(const GuessedMapping& guess, const Table& table, std::string_view source);

}  // namespace hmicfrs::import
