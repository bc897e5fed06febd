#pragma once

// A finding's history from its row: the dated entries of its updates cells,
// and its status, rating and latest note as one more. Private to import/.

#include <string>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include "import_context.hpp"

namespace hmicfrs::import {

// Dated entries from the cells of updates: a line that starts with a date starts an entry, the lines after it
// carry on its note. Lines before the first date are an entry dated by the column's header, where it names a
// day, else they are added to `undated`, for the text.
std::vector<model::HistoryEntry> dated_updates(RowContext& row, std::string& undated);

// The row's status, rating and latest note as an entry dated by `updated`, else by the last update, else as of
// the import; merged into an update of that day that says nothing else.
void add_state_entry(RowContext& row, std::vector<model::HistoryEntry>& history);

}  // namespace hmicfrs::import
