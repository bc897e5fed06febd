#pragma once

// `import FILE --add`: a tracker's findings added to the register in reach, each report it has extended in its own
// file (every other byte kept, as `update` edits), each report it lacks written as a new file. Private to cli/.

#include <string>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/tracker.hpp>

#include "context.hpp"

namespace hmicfrs::cli {

// Adds what `imported` (read from the tracker `source`, with `diagnostics` so far) holds to the register; refuses,
// writing nothing, a finding whose ref the register's report has already, and a register that would then have
// errors.
int add_imported(const Session& session, const import::ImportedRegister& imported, diag::Diagnostics& diagnostics,
                 const std::string& source);

}  // namespace hmicfrs::cli
