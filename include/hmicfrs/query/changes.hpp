#pragma once

#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The findings that changed in `window` (new, re-rated, or with another
// status), in the order of findings_as_of, with their totals.
answers::Movement movement_in(const model::Dataset& dataset, const answers::Window& window);

}  // namespace hmicfrs::query
