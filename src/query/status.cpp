#include <hmicfrs/query/status.hpp>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>

namespace hmicfrs::query {

answers::Status status_of(const model::Dataset& dataset, const model::Date& as_of) {
  const std::vector<answers::FindingRow> rows = findings_as_of(dataset, as_of);
  return answers::Status{dataset.config.force_name,
                         as_of,
                         &dataset.config.vocabulary,
                         rag_total(rows, dataset.config.vocabulary),
                         dataset.config.stale_after_days,
                         outstanding(rows),
                         calendar(dataset, {std::nullopt, as_of}, answers::CalendarScope::upcoming)};
}

}  // namespace hmicfrs::query
