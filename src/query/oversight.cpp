// The commissioner's responses to reports and the force's monitoring phase, as of a date.

#include <hmicfrs/query/oversight.hpp>

#include <algorithm>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

using answers::ResponseStanding;

int days_between(const model::Date& from, const model::Date& to) {
  return static_cast<int>((to.sys_days() - from.sys_days()).count());
}

// Overdue first, then by the reports' publication.
bool chased_first(const answers::ResponseState& a, const answers::ResponseState& b) {
  const bool a_over = a.standing == ResponseStanding::overdue, b_over = b.standing == ResponseStanding::overdue;
  if (a_over != b_over) return a_over;
  return published_earlier(a.inspection, b.inspection);
}

// The last of the 56 days that begin on `day`.
model::Date last_of_56(const model::Date& day) {
  return model::Date::from_ymd(
      std::chrono::year_month_day{day.sys_days() + std::chrono::days{model::k_response_days - 1}});
}

bool by_publication(const answers::ResponseState& a, const answers::ResponseState& b) {
  return published_earlier(a.inspection, b.inspection);
}

}  // namespace

bool tracks_responses(const model::Dataset& dataset) {
  return dataset.config.responses_from ||
         std::any_of(dataset.inspections.begin(), dataset.inspections.end(),
                     [](const model::Inspection& inspection) { return inspection.response.has_value(); });
}

bool response_tracked(const model::Config& config, const model::Inspection& inspection) {
  const model::Date duty = model::response_duty_from();
  // A report known by its month or year alone is taken as before a day that falls inside it only when it says so.
  if (inspection.response) return !inspection.published || !(inspection.published->last_day() < duty);
  if (!config.responses_from || !inspection.published) return false;
  const model::Date from = std::max(duty, config.responses_from->value);
  return !(inspection.published->first_day() < from);
}

std::optional<answers::ResponseState> response_of(const model::Config& config, const model::Inspection& inspection,
                                                  const model::Date& as_of) {
  if (!response_tracked(config, inspection)) return std::nullopt;
  answers::ResponseState state;
  state.inspection = &inspection;
  const model::ReportResponse* record = inspection.response ? &*inspection.response : nullptr;
  if (record != nullptr) state.note = record->note;
  // A report the force was not inspected for does not name it: tracked through `responses.from`, it needs none.
  if ((record != nullptr && !record->required) ||
      (record == nullptr && inspection.involvement == model::Involvement::not_inspected)) {
    state.standing = ResponseStanding::not_required;
    return state;
  }
  if (!inspection.published || !happened_by(*inspection.published, as_of)) {
    state.standing = ResponseStanding::awaiting_report;
    return state;
  }
  if (inspection.published->has_day()) state.due = last_of_56(*inspection.published);
  state.due_by = last_of_56(inspection.published->last_day());
  if (record != nullptr && record->published && happened_by(*record->published, as_of)) {
    state.standing = ResponseStanding::published;
    state.published = record->published;
    state.url = record->url;
    // Late only when surely late: from the latest the last day can be to the earliest the response can have come.
    const int late = days_between(*state.due_by, record->published->first_day());
    if (late > 0) {
      state.days_over = late;
      state.at_least = !state.due || !record->published->has_day();
    }
  } else if (*state.due_by < as_of) {
    state.standing = ResponseStanding::overdue;
    state.days_over = days_between(*state.due_by, as_of);
    state.at_least = !state.due;
  } else {
    state.standing = ResponseStanding::due;
    if (state.due) state.days_left = days_between(as_of, *state.due);
  }
  return state;
}

std::vector<answers::ResponseState> responses_to_chase(const model::Dataset& dataset, const model::Date& as_of,
                                                       const model::Date& until) {
  std::vector<answers::ResponseState> out;
  for (const model::Inspection& inspection : dataset.inspections) {
    auto state = response_of(dataset.config, inspection, as_of);
    if (!state) continue;
    // A last day not yet known is asked about once it may have come: its earliest, the month's first day + 55.
    const auto earliest_due = [&] { return last_of_56(inspection.published->first_day()); };
    if (state->standing == ResponseStanding::overdue ||
        (state->standing == ResponseStanding::due && !(until < state->due.value_or(earliest_due())))) {
      out.push_back(*state);
    }
  }
  std::sort(out.begin(), out.end(), chased_first);
  return out;
}

answers::ResponsesSection responses_in(const model::Dataset& dataset, const answers::Window& window) {
  answers::ResponsesSection out;
  for (const model::Inspection& inspection : dataset.inspections) {
    auto state = response_of(dataset.config, inspection, window.until);
    if (!state) continue;
    switch (state->standing) {
      case ResponseStanding::due: out.due.push_back(*state); break;
      case ResponseStanding::overdue: out.overdue.push_back(*state); break;
      case ResponseStanding::published:
        if (in_window(window, *state->published)) out.published.push_back(*state);
        break;
      case ResponseStanding::awaiting_report:
      case ResponseStanding::not_required: break;
    }
  }
  for (auto* list : {&out.due, &out.published, &out.overdue}) std::sort(list->begin(), list->end(), by_publication);
  return out;
}

std::optional<answers::Monitoring> monitoring_in(const model::Config& config, const answers::Window& window) {
  if (config.monitoring.empty()) return std::nullopt;
  answers::Monitoring out;
  for (const model::MonitoringChange& change : config.monitoring) {
    if (window.until < change.date) break;
    if (in_window(window, change.date)) out.changes.push_back({&change, out.current});
    out.current = &change;
  }
  return out;
}

}  // namespace hmicfrs::query
