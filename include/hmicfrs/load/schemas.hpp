#pragma once

#include <span>
#include <string_view>

namespace hmicfrs::load {

// The JSON Schema (draft 2020-12) of one kind of data file, as in schemas/.
struct Schema {
  std::string_view kind;       // "config", "committees", "inspection", "peel-framework"
  std::string_view files;      // which files it describes
  std::string_view file_name;  // "inspection.schema.json"
  std::string_view json;
};

// Every kind of data file's schema, in the order of the data layout.
std::span<const Schema> schemas();

// One file of a new register: where it goes and what it holds.
struct StarterFile {
  std::string_view path;
  std::string_view text;
};

// What `init` writes: commented starter files (data/starter/), each naming
// its schema for editors, and the schemas themselves under .schemas/.
std::span<const StarterFile> starter_register();

}  // namespace hmicfrs::load
