#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/id_index.hpp>

namespace hmicfrs::model {

// One area (core question) of a PEEL cycle.
struct PeelArea {
  std::string id;           // stable slug, e.g. "supporting-victims"
  std::string short_label;  // as in grade tables: "Supporting victims"
  std::string long_label;   // as in prose: "Providing a service to victims of crime"
  std::string pillar;       // effectiveness, efficiency, legitimacy, leadership; may be empty
  bool graded = true;
  diag::Location location;
};

// A PEEL cycle: its grade scale and its areas, in the order papers list them.
struct PeelCycle {
  std::string id;  // e.g. "2021-22"
  std::string name;
  Scale scale = Scale::five_point;
  std::string source;  // where the facts come from
  std::string note;
  bool areas_confirmed = true;  // false: the catalogue knows only some of its areas, and a register adds the rest
  std::vector<PeelArea> areas;
  diag::Location location;
  IdIndex area_index;

  const PeelArea* find_area(std::string_view area_id) const;
};

// The cycles known to the tool: the built-in reference data plus a register's own.
struct Catalogue {
  std::vector<PeelCycle> cycles;
  IdIndex cycle_index;

  const PeelCycle* find(std::string_view cycle_id) const;
};

}  // namespace hmicfrs::model
