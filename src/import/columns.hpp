#pragma once

// The tracker's header row, and which of its columns feed which of a
// finding's fields under the mapping. Private to import/.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <hmicfrs/model/date.hpp>

namespace hmicfrs::import {

struct ImportContext;

struct Columns {
  std::map<int, std::string> headers;                        // column -> header
  std::map<std::string, std::size_t, std::less<>> fields;    // field -> how many columns feed it
  std::map<int, std::vector<std::string>> fields_of_column;  // column -> the fields it feeds
  std::set<int> kept_as_text;                                // columns whose values go into the finding's text
  std::map<int, std::optional<model::Date>> header_dates;    // updates columns: the day each header names

  // "C 'Status'", or "column C" for a column without a header: a column as messages name it.
  std::string column_text(int column) const;
  // "C14 (Status)", or "C14" for a column without a header: a cell as messages name it.
  std::string cell_text(int row, int column) const;
  // A value with no field of its own, as a paragraph of the finding's text under its column's header.
  std::string paragraph(int column, const std::string& text) const;
};

// Reads the header row into `import.columns` and resolves the mapping's column names: every column with a
// header or a value that the mapping names neither as a field nor as ignored is kept as text. False, with
// the errors reported, when the import cannot go on.
bool read_columns(ImportContext& import);

// The day a column's header names ("Update Mar-22", "Progress at 31/03/2022"), a month's first day for a
// month; said once per column.
std::optional<model::Date> header_date(ImportContext& import, int column);

}  // namespace hmicfrs::import
