#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::query {

// The cycle `text` names: its id, or the start of exactly one id ("2021" for "2021-22").
util::Result<const model::PeelCycle*> find_cycle(const model::Catalogue& catalogue, std::string_view text);

// A PEEL inspection with gradings, and the cycle they are in.
struct PeelAssessment {
  const model::Inspection* inspection = nullptr;
  const model::PeelCycle* cycle = nullptr;
};

// The latest PEEL assessment published by `as_of` (in `cycle`, when given).
std::optional<PeelAssessment> latest_peel(const model::Dataset& dataset, const model::Date& as_of,
                                          const model::PeelCycle* cycle = nullptr);

// An area with the grade and narrative an assessment gave it.
struct GradedArea {
  const model::PeelArea* area = nullptr;
  model::Grade grade = model::Grade::not_graded;
  std::string narrative;
};

// The grade table of the papers: one column per grade of the cycle's scale,
// best first, each listing its areas in catalogue order; areas not graded apart.
struct PeelTable {
  PeelAssessment assessment;
  std::vector<std::pair<model::Grade, std::vector<GradedArea>>> columns;
  std::vector<GradedArea> not_graded;
  std::size_t graded_count() const;
};

PeelTable peel_table(const PeelAssessment& assessment);

// One area's grade in two assessments (none where the assessment has no grade for it).
struct AreaComparison {
  std::string id;
  std::string label;
  std::optional<model::Grade> first;
  std::optional<model::Grade> second;
};

// Two assessments side by side, area by area (by area id).
struct PeelComparison {
  PeelAssessment first;
  PeelAssessment second;
  bool scales_differ = false;  // then the grades cannot be compared as if equal
  std::vector<AreaComparison> areas;
};

PeelComparison compare_peel(const PeelAssessment& first, const PeelAssessment& second);

}  // namespace hmicfrs::query
