#include <hmicfrs/query/status.hpp>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/oversight.hpp>

namespace hmicfrs::query {

answers::Status status_of(const model::Dataset& dataset, const model::Date& as_of) {
  const std::vector<answers::FindingRow> rows = findings_as_of(dataset, as_of);
  answers::Status status{dataset.config.force_name,
                         as_of,
                         &dataset.config.vocabulary,
                         rag_total(rows, dataset.config.vocabulary),
                         dataset.config.stale_after_days,
                         outstanding(rows),
                         calendar(dataset, {std::nullopt, as_of}, answers::CalendarScope::upcoming),
                         false,
                         {},
                         std::nullopt};
  status.tracks_responses = tracks_responses(dataset);
  if (status.tracks_responses) {
    const model::Date ahead = model::Date::from_ymd(
        std::chrono::year_month_day{as_of.sys_days() + std::chrono::days{answers::k_responses_ahead}});
    status.responses = responses_to_chase(dataset, as_of, ahead);
  }
  status.monitoring = monitoring_in(dataset.config, {as_of, as_of});  // the phase as of the date, no changes
  return status;
}

}  // namespace hmicfrs::query
