#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/table.hpp>

namespace hmicfrs::import {

// One sheet of an Excel workbook (.xlsx) as a table: shared and inline
// strings, numbers, booleans, cached formula results, and numbers formatted as
// dates read as days (or months, for a format without a day). A merged range
// gives its value to every cell it covers, as a reader of the sheet sees it.
// `sheet` names the sheet; empty: the first. `path` is the file as shown in
// locations, which name the sheet: "tracker.xlsx[Actions]".
//
// A workbook is untrusted: each part is read only up to a bound before it is
// parsed, cell references are checked, merged ranges are clipped to the cells
// in use, and anything that is not what Excel writes is a located error.
Table read_xlsx(std::string_view bytes, const std::string& path, const std::string& sheet,
                diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
