#pragma once

// What one file gives the register, and the bytes a parse-cache entry keeps
// it as. Private to load/.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/register.hpp>

#include "decode.hpp"

namespace hmicfrs::load {

// The records a file's decoder made and everything reading, parsing and
// decoding it reported: all a file contributes before the records meet.
struct FileRecords {
  diag::Diagnostics diagnostics;
  std::optional<model::Config> config;
  std::vector<model::Meeting> meetings;
  std::optional<model::Inspection> inspection;
  std::vector<CycleDefinition> cycles;
};

// The records as bytes; nothing when a location names another file than the
// one they came from, which an entry cannot say (it is keyed by content).
std::optional<std::string> encode_records(const FileRecords& records, diag::SourceName path);

// The records `encode_records` wrote, every location placed in `path`; nothing
// when the bytes are not exactly such a payload: every length is checked
// against what is left, every enum and date against what it may hold.
std::optional<FileRecords> decode_records(std::string_view payload, diag::SourceName path);

}  // namespace hmicfrs::load
