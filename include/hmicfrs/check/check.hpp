#pragma once

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::check {

// What the cross-record checks need to know besides the records.
struct CheckOptions {
  model::Date as_of;
  // Some inspection file could not be loaded, so a reference may name a
  // finding that exists but was not read: such errors then say so.
  bool incomplete = false;
};

// Checks the rules of SPEC §7 that span records or files (unique ids,
// references, PEEL grades against their cycle, supersession, causes of
// concern) and those that depend on the as-of date (unrated open findings,
// history after the date).
void check_dataset(const model::Dataset& dataset, const CheckOptions& options, diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::check
