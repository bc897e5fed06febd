#pragma once

#include <ostream>
#include <string>

#include <hmicfrs/diag/diagnostic.hpp>

namespace hmicfrs::render {

// Writes each diagnostic as `path:line:column: severity: message [code]`,
// its notes on lines of their own after it, then the count line. Colours
// severities as GCC does when asked.
void write_diagnostics_text(std::ostream& out, const diag::Diagnostics& diagnostics, bool color);

// Writes the diagnostics as a JSON array of objects: file, line, column
// (null when unknown), severity, code, message and notes.
void write_diagnostics_json(std::ostream& out, const diag::Diagnostics& diagnostics);

// "2 errors, 1 warning".
std::string count_line(const diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::render
