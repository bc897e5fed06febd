#pragma once

#include <optional>
#include <string>

#include <hmicfrs/answers/chase.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::query {

struct ChaseOptions {
  std::optional<int> within_days;  // the window; none: until the next meeting's cut-off (28 days when none is listed)
  std::string owner;               // only the owners (or portfolios) whose name holds this, ignoring case
  bool by_portfolio = false;
};

// The open findings to chase as of `as_of`, per owner (or portfolio): rated
// red by the end of the window, overdue, due by its end, stale by its end, or
// unrated. Causes of concern and repeats are chased through the findings that
// carry them. An `owner` that names no owner (or portfolio) of the register
// is an error that lists the nearest.
util::Result<answers::Chase> chase(const model::Dataset& dataset, const model::Date& as_of,
                                   const ChaseOptions& options);

}  // namespace hmicfrs::query
