#include <hmicfrs/query/calendar.hpp>

#include <algorithm>
#include <tuple>

#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

// Known once notified; without a notification date, once its first date has begun
// (so that a register entered later does not leak into an earlier paper).
bool known_by(const model::Inspection& inspection, const model::Date& date) {
  if (inspection.notified) return happened_by(*inspection.notified, date);
  const auto first = first_date(inspection);
  return !first || first->first_day() <= date;
}

bool upcoming(const model::Inspection& inspection, const model::Date& date) {
  if (undated(inspection)) return false;  // known of, but not notified
  if (inspection.published && happened_by(*inspection.published, date)) return false;
  return !inspection.fieldwork || date < inspection.fieldwork->from.first_day();
}

}  // namespace

bool undated(const model::Inspection& inspection) {
  // A draft in, even on a day nobody wrote down, is more than an inspection expected.
  const auto dated = [](const std::optional<model::Occasion>& o) { return o && o->dated(); };
  return !inspection.notified && !inspection.fieldwork && !inspection.published && !inspection.publication_expected &&
         !dated(inspection.draft_expected) && !inspection.draft_received &&
         std::none_of(inspection.events.begin(), inspection.events.end(),
                      [](const model::InspectionEvent& e) { return e.when.dated(); });
}

answers::Calendar calendar_answer(const model::Dataset& dataset, const answers::Window& window,
                                  answers::CalendarScope scope) {
  answers::Calendar out{window, scope, calendar(dataset, window, scope), {}};
  if (tracks_responses(dataset)) {
    for (const model::Inspection* inspection : out.inspections) {
      out.responses.push_back(response_of(dataset.config, *inspection, window.until));
    }
  }
  return out;
}

bool fieldwork_in(const model::Inspection& inspection, const answers::Window& window) {
  return inspection.fieldwork && in_window(window, inspection.fieldwork->from);
}

bool published_in(const model::Inspection& inspection, const answers::Window& window) {
  return inspection.published && in_window(window, *inspection.published);
}

bool published_earlier(const model::Inspection* a, const model::Inspection* b) {
  return std::tie(*a->published, a->id) < std::tie(*b->published, b->id);
}

std::optional<model::Date> first_date(const model::Inspection& inspection) {
  if (inspection.fieldwork) return inspection.fieldwork->from;
  if (inspection.notified) return inspection.notified;
  return inspection.published;
}

std::vector<const model::Inspection*> calendar(const model::Dataset& dataset, const answers::Window& window,
                                               answers::CalendarScope scope) {
  std::vector<const model::Inspection*> out;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (!known_by(inspection, window.until)) continue;
    if (scope == answers::CalendarScope::upcoming && !upcoming(inspection, window.until)) continue;
    if (scope == answers::CalendarScope::active && !fieldwork_in(inspection, window) &&
        !published_in(inspection, window)) {
      continue;
    }
    out.push_back(&inspection);
  }
  std::sort(out.begin(), out.end(), [](const model::Inspection* a, const model::Inspection* b) {
    const auto da = first_date(*a);
    const auto db = first_date(*b);
    if (da != db) return !da || (db && *da < *db);  // undated first
    return a->id < b->id;
  });
  return out;
}

}  // namespace hmicfrs::query
