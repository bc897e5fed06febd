#pragma once

#include <hmicfrs/answers/status.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// `status`: the register's counts, its red, overdue and stale findings, and
// the inspections notified and not yet started, as of `as_of`.
answers::Status status_of(const model::Dataset& dataset, const model::Date& as_of);

}  // namespace hmicfrs::query
