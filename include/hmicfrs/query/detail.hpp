#pragma once

#include <optional>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/status.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// `show` of a finding as of `as_of`: none when it is not recorded by then
// (its report is not out and it has no history by that date).
std::optional<answers::FindingDetail> finding_detail(const model::Dataset& dataset, const answers::FindingRef& finding,
                                                     const model::Date& as_of);

// The earlier inspection whose findings `inspection`'s counts say it continues, if the register has it.
const model::Inspection* continued(const model::Dataset& dataset, const model::Inspection& inspection);

// `show` of an inspection as of `as_of`.
answers::InspectionDetail inspection_detail(const model::Dataset& dataset, const model::Inspection& inspection,
                                            const model::Date& as_of);

}  // namespace hmicfrs::query
