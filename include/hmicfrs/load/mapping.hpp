#pragma once

// Reading the mapping file of `import --map`: YAML, read with the register's
// own strict rules (unknown fields are errors with the nearest, every value is
// text), into a model::ImportMapping.

#include <filesystem>
#include <optional>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/import_mapping.hpp>

namespace hmicfrs::load {

// The mapping at `path`, or nothing when it cannot be used; every problem is
// in `diagnostics`, located in the file.
std::optional<model::ImportMapping> load_import_mapping(const std::filesystem::path& path,
                                                        diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::load
