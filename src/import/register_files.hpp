#pragma once

// The new register's files, written from what the rows made: the
// configuration, an empty committees file, and an inspection file per
// report. Private to import/.

#include <string>
#include <utility>
#include <vector>

#include <hmicfrs/import/tracker.hpp>

#include "import_context.hpp"

namespace hmicfrs::import {

// The register's files (path inside the register, text); none when one would be more than the loader takes
// (an error at its report's row) or the import has any other error.
std::vector<std::pair<std::string, std::string>> register_files(ImportContext& import);

// Each report's inspection file (its text taken from `files`, which register_files wrote), and its findings one by
// one as items to add to another file; none when the import has an error.
std::vector<ImportedReport> imported_reports(ImportContext& import,
                                             const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace hmicfrs::import
