#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/table.hpp>

namespace hmicfrs::import {

// A CSV file as a table (RFC 4180: quoted cells, doubled quotes, line breaks
// inside quotes; CRLF, LF or CR line ends). UTF-8 with or without a byte order
// mark, or Windows-1252 (what Excel saves as "CSV" in England), converted
// with a note; the separator is whichever of ',', ';' and tab the first
// lines use most outside quotes. Rows are numbered as a spreadsheet opening
// the file numbers them (a cell with line breaks is one row).
Table read_csv(std::string_view bytes, diag::SourceName source, diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
