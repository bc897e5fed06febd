#pragma once

// A tracker's row as a finding of its report. Private to import/.

#include <hmicfrs/import/table.hpp>
#include "import_context.hpp"

namespace hmicfrs::import {

// Reads a row below the header: skipped when blank, a heading naming the report of the rows below, else a
// finding added to its report. A row with an error is refused whole, and counted so in the summary.
void read_row(ImportContext& import, const Row& row);

}  // namespace hmicfrs::import
