#pragma once

#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/meetings.hpp>

namespace hmicfrs::query {

// Which inspections `inspections` lists.
enum class CalendarScope {
  all,       // every inspection known by the date
  upcoming,  // known, with fieldwork not yet started (or not yet dated) and no report
  active,    // fieldwork started, or report published, in a window
};

// Inspections known by `window.until` (notified by then; without a
// notification date, once their first date has begun), in the documented
// order: by their first date (fieldwork, else notification, else
// publication), then id.
std::vector<const model::Inspection*> calendar(const model::Dataset& dataset, const Window& window,
                                               CalendarScope scope);

// The inspection's first known date: its fieldwork start, else when notified, else published.
std::optional<model::Date> first_date(const model::Inspection& inspection);

}  // namespace hmicfrs::query
