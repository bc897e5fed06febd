#pragma once

#include <optional>
#include <string_view>

#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::query {

// The cycle `text` names: its id, or the start of exactly one id ("2021" for "2021-22").
util::Result<const model::PeelCycle*> find_cycle(const model::Catalogue& catalogue, std::string_view text);

// The latest PEEL assessment published by `as_of` (in `cycle`, when given).
std::optional<answers::PeelAssessment> latest_peel(const model::Dataset& dataset, const model::Date& as_of,
                                                   const model::PeelCycle* cycle = nullptr);

// The assessment published before `latest`, when it was in another cycle: its
// grades cannot be compared with the latest's as if equal.
std::optional<answers::PeelAssessment> earlier_in_other_cycle(const model::Dataset& dataset,
                                                              const answers::PeelAssessment& latest);

// The grade table of an assessment's cycle as of `as_of`: each area's latest
// judgement among the cycle's reports published by then (pillar years
// published effectiveness, efficiency and legitimacy separately), saying which
// report gave it and which it carried over.
answers::PeelTable peel_table(const model::Dataset& dataset, const answers::PeelAssessment& assessment,
                              const model::Date& as_of);

// Two assessments side by side, area by area (by area id).
answers::PeelComparison compare_peel(const answers::PeelAssessment& first, const answers::PeelAssessment& second,
                                     const model::Date& as_of);

}  // namespace hmicfrs::query
