#pragma once

#include <string_view>

#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// What the inspectorate was called on `date`: HMIC until 18 July 2017, and
// HMICFRS from 19 July 2017, when it took on fire and rescue services.
std::string_view inspectorate_on(const model::Date& date);

// The paper for `meeting`, as of `as_of` (its cut-off, unless told otherwise).
answers::Paper assemble_paper(const model::Dataset& dataset, const answers::MeetingWindow& meeting,
                              const model::Date& as_of);

}  // namespace hmicfrs::query
