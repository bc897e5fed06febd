#pragma once

// The built-in PEEL catalogue, compiled from data/peel-cycles.yaml at build
// time (src/load/compile_catalogue.cpp). Private to load/.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "decode.hpp"

namespace hmicfrs::load {

// The cycles as decoding data/peel-cycles.yaml gives them, their locations in `path`.
std::vector<CycleDefinition> compiled_peel_cycles(diag::SourceName path);

// A hash of the catalogue and of every source that shapes what decoding a
// file gives (load/, model/, diag/, util/), taken at build time: the parse
// cache keys entries by it, so a build that decodes differently never reads
// another's entries.
std::string_view decoder_digest();

}  // namespace hmicfrs::load
