#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::answers {

// A PEEL inspection with gradings, and the cycle they are in.
struct PeelAssessment {
  const model::Inspection* inspection = nullptr;
  const model::PeelCycle* cycle = nullptr;
};

// An area with the grade and narrative an assessment gave it.
struct GradedArea {
  const model::PeelArea* area = nullptr;
  model::Grade grade = model::Grade::not_graded;
  std::string narrative;
  const model::Inspection* report = nullptr;             // the report that gives it (pillar years have several)
  const model::Inspection* carried_over_from = nullptr;  // the earlier assessment whose judgement it keeps
};

// The grade table of the papers: one column per grade of the cycle's scale,
// best first, each listing its areas in catalogue order; areas not graded apart.
struct PeelTable {
  PeelAssessment assessment;                      // the latest report of the cycle
  std::vector<const model::Inspection*> reports;  // every report of the cycle out by the date, oldest first
  std::vector<std::pair<model::Grade, std::vector<GradedArea>>> columns;
  std::vector<GradedArea> not_graded;
  std::size_t graded = 0;                // areas in the columns
  std::vector<GradedArea> carried_over;  // the areas whose judgement is carried over, in catalogue order
  // Areas of the cycle that no report names: not inspected in the force (which
  // differs from not graded), or not transcribed; so said only where they are listed.
  std::vector<const model::PeelArea*> not_recorded;
};

// `peel`: the grade table of the latest assessment (none when none is published yet).
struct PeelGrades {
  model::Date as_of;
  const model::PeelCycle* cycle = nullptr;  // the cycle asked for, if any
  std::optional<PeelTable> table;
};

// `peel --areas`: the areas of the cycles asked for, with the ids a register writes.
struct PeelAreas {
  std::vector<const model::PeelCycle*> cycles;  // in catalogue order
};

// One area's grade in two assessments (none where the assessment has no grade for it).
struct AreaComparison {
  std::string id;
  std::string label;
  std::optional<model::Grade> first;
  std::optional<model::Grade> second;
};

// `peel --compare`: two assessments side by side, area by area.
struct PeelComparison {
  model::Date as_of;
  PeelAssessment first;
  PeelAssessment second;
  bool cycles_differ = false;  // then the grades cannot be compared as if equal,
  bool scales_differ = false;  // the less so when the grade scales differ too
  std::vector<AreaComparison> areas;
};

}  // namespace hmicfrs::answers
