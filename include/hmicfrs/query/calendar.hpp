#pragma once

#include <optional>
#include <vector>

#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// Inspections known by `window.until` (notified by then; without a
// notification date, once their first date has begun), in the documented
// order: by their first date (fieldwork, else notification, else
// publication), then id.
std::vector<const model::Inspection*> calendar(const model::Dataset& dataset, const answers::Window& window,
                                               answers::CalendarScope scope);

// `inspections`: the calendar, with each inspection's response when the register tracks responses.
answers::Calendar calendar_answer(const model::Dataset& dataset, const answers::Window& window,
                                  answers::CalendarScope scope);

// Whether the register gives the inspection no date at all: known of ("a joint inspection is expected"), but
// not notified, so never among the upcoming.
bool undated(const model::Inspection& inspection);

// Whether the inspection's fieldwork starts in `window`.
bool fieldwork_in(const model::Inspection& inspection, const answers::Window& window);

// Whether the inspection's report came out in `window`.
bool published_in(const model::Inspection& inspection, const answers::Window& window);

// Order of publication, then id: for lists of published reports (both must have a `published` date).
bool published_earlier(const model::Inspection* a, const model::Inspection* b);

// The inspection's first known date: its fieldwork start, else when notified, else published.
std::optional<model::Date> first_date(const model::Inspection& inspection);

}  // namespace hmicfrs::query
