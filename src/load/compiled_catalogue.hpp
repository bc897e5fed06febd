#pragma once

// The built-in PEEL catalogue, compiled from data/peel-cycles.yaml at build
// time (src/load/compile_catalogue.cpp). Private to load/.

#include <memory>
#include <string>
#include <vector>

#include "decode.hpp"

namespace hmicfrs::load {

// The cycles as decoding data/peel-cycles.yaml gives them, their locations in `path`.
std::vector<CycleDefinition> compiled_peel_cycles(const std::shared_ptr<const std::string>& path);

}  // namespace hmicfrs::load
