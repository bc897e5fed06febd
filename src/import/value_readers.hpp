#pragma once

// A row's values as the register takes them: text no register file may hold
// refused, dates read, the tracker's words turned into the register's.
// Each problem is reported at its cell. Private to import/.

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/date.hpp>
#include "import_context.hpp"

namespace hmicfrs::import {

// Reports `text`, the cell `where` at `location`, when no register file may hold it; true when it was reported.
bool unusable(diag::Diagnostics& diagnostics, const std::string& text, const diag::Location& location,
              const std::string& where);

// Reports the row's cells that hold what no register file may hold (util/text_rules.hpp): control characters
// (tabs aside, read as spaces), bidirectional overrides, bytes that are not UTF-8 (a workbook may hold them),
// or more than a value may be (1 MiB). Each refuses the row.
void refuse_unusable_cells(RowContext& row);

// A date cell: a workbook's date, an Excel serial number, or text in one of the forms. Text with no digit
// ("TBC", "Ongoing") is kept in the finding's text with a warning; anything else unreadable is an error.
// `day_only`: a month is an error, and so is text with no digit.
std::optional<model::Date> cell_date(RowContext& row, const Value& v, bool day_only = false);

// The register's word for a tracker's word in `field`: the mapping's, else the built-in; nothing when
// neither knows it (or, an error, when the mapping gives a rating the register lacks).
std::optional<std::string> register_word(RowContext& row, const Value& v, std::string_view field);

// Reports a tracker's word that `register_word` does not know, with the words it might have meant.
void unknown_word(RowContext& row, const Value& v, std::string_view field);

}  // namespace hmicfrs::import
