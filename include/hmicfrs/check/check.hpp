#pragma once

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::check {

// Checks the rules of SPEC §7 that span records or files (unique ids,
// references, PEEL grades against their cycle, supersession, causes of
// concern) and those that depend on the as-of date (unrated open findings,
// history after the date).
void check_dataset(const model::Dataset& dataset, const model::Date& as_of, diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::check
