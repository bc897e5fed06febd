#pragma once

#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The paper for `meeting`, as of `as_of` (its cut-off, unless told otherwise).
answers::Paper assemble_paper(const model::Dataset& dataset, const answers::MeetingWindow& meeting,
                              const model::Date& as_of);

}  // namespace hmicfrs::query
