#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/load/yaml_tree.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::load {

// Decoders from a parsed file to model records. Each reports every problem it
// finds and carries on; a record without a usable identity is left out.

// hmicfrs-track.yaml.
std::optional<model::Config> decode_config(const Node& root, diag::SourceName path, diag::Diagnostics& diagnostics);

// committees.yaml.
std::vector<model::Meeting> decode_committees(const Node& root, diag::SourceName path, diag::Diagnostics& diagnostics);

// One file under inspections/.
std::optional<model::Inspection> decode_inspection(const Node& root, diag::SourceName path,
                                                   diag::Diagnostics& diagnostics);

// Resolves the ratings history entries write against the register's
// vocabulary, once every file is decoded: an unknown one is an error, and a
// rating must suit the status given with it (an open rating, an open status).
void resolve_ratings(model::Dataset& dataset, diag::Diagnostics& diagnostics);

// A PEEL cycle as one file defines it: a new cycle, or areas added to a known
// one (which may leave out name and scale).
struct CycleDefinition {
  model::PeelCycle cycle;
  bool has_name = false;
  bool has_scale = false;
  bool has_areas_confirmed = false;
};

// A PEEL cycles file: the built-in catalogue or one under peel-frameworks/.
std::vector<CycleDefinition> decode_peel_cycles(const Node& root, diag::SourceName path,
                                                diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::load
