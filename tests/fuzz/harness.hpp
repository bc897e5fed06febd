#pragma once

#include <string_view>

namespace hmicfrs::fuzz {

// Feeds `bytes` through the whole loader as each kind of file in turn (the
// configuration, the committees file, an inspection, a PEEL framework) beside
// a valid register: parse, decode, cross-record checks, and, when the data
// has no errors, the queries and the committee paper in every format.
// The bytes are also read as a parse cache entry's payload. Anything but a
// crash, a hang or a leak is a pass.
void exercise(std::string_view bytes);

// Reads `bytes` as an inspection file and, when it parses without errors and
// holds a list of findings, adds a few history entries (one at a time) to up
// to three of its findings with edit::add_history_entry. Every edit it makes
// must insert bytes at one place and change nothing else; give a file that
// parses; read back, beside a valid configuration, as the same inspection
// with one more entry, last, in the edited finding's history (unless the
// file had errors before); and its unified diff must be well-formed. Else it
// aborts, saying which of these failed.
void exercise_history_edit(std::string_view bytes);

// Writes `bytes` as a returned workbook (.xlsx when they start as a zip archive does, else .csv) and runs
// `collect --dry-run` on it against a copy of the West Midlands example. The run must end with one of the
// program's exit statuses (never an internal error), leave every file of the register as it was, and, when it
// succeeds with updates, print a diff that only adds lines. Else it aborts, saying which failed.
void exercise_collect(std::string_view bytes);

}  // namespace hmicfrs::fuzz
