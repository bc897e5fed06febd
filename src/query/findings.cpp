#include <hmicfrs/query/findings.hpp>

#include <algorithm>
#include <cctype>

#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

using answers::FindingRow;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Notes count only once written: an entry after the as-of date is not searched.
bool grep_matches(const FindingRow& row, std::string_view part, const model::Date& as_of) {
  const model::Finding& f = *row.finding;
  if (contains_ignoring_case(f.id, part) || contains_ignoring_case(f.title, part) ||
      contains_ignoring_case(f.text, part) || contains_ignoring_case(row.state.owner, part)) {
    return true;
  }
  return std::any_of(f.history.begin(), f.history.end(), [&](const model::HistoryEntry& e) {
    return in_effect(e, as_of) && contains_ignoring_case(e.note, part);
  });
}

}  // namespace

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  const auto it = std::search(text.begin(), text.end(), part.begin(), part.end(),
                              [](char a, char b) { return lower(a) == lower(b); });
  return it != text.end();
}

std::vector<const model::Inspection*> inspections_by_id(const model::Dataset& dataset) {
  std::vector<const model::Inspection*> inspections;
  for (const model::Inspection& inspection : dataset.inspections) inspections.push_back(&inspection);
  std::sort(inspections.begin(), inspections.end(),
            [](const model::Inspection* a, const model::Inspection* b) { return a->id < b->id; });
  return inspections;
}

FindingRow row_of(const model::Dataset& dataset, const model::Inspection& inspection, const model::Finding& finding,
                  const model::Date& as_of) {
  FindingRow row;
  row.inspection = &inspection;
  row.finding = &finding;
  row.portfolio = dataset.config.find_portfolio(finding.portfolio.value);
  row.state = state_as_of(inspection, finding, as_of);
  if (!row.state.recorded) return row;
  const bool open = model::is_open(row.state.status);
  row.last_update =
      row.state.latest ? std::optional(row.state.latest->date) : std::optional(inspection.published->last_day());
  row.days_since_update = static_cast<int>((as_of.sys_days() - row.last_update->sys_days()).count());
  row.overdue = open && row.state.due && row.state.due->last_day() < as_of;
  row.stale = open && *row.days_since_update > dataset.config.stale_after_days;
  return row;
}

std::vector<FindingRow> findings_as_of(const model::Dataset& dataset, const model::Date& as_of) {
  std::vector<FindingRow> rows;
  for (const model::Inspection* inspection : inspections_by_id(dataset)) {
    for (const model::Finding& finding : inspection->findings) {
      FindingRow row = row_of(dataset, *inspection, finding, as_of);
      if (row.state.recorded) rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<FindingRow> rows_of(const std::vector<FindingRow>& rows, const model::Inspection& inspection) {
  std::vector<FindingRow> out;
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(out),
               [&](const FindingRow& row) { return row.inspection == &inspection; });
  return out;
}

answers::Outstanding outstanding(const std::vector<FindingRow>& rows) {
  answers::Outstanding out;
  for (const FindingRow& row : rows) {
    if (model::is_open(row.state.status) && row.state.rag == model::Rag::red) out.red.push_back(row);
    if (row.overdue) out.overdue.push_back(row);
    if (row.stale) out.stale.push_back(row);
  }
  return out;
}

bool matches(const FindingRow& row, const FindingFilter& filter, const model::Date& as_of) {
  const model::Finding& f = *row.finding;
  const answers::FindingState& s = row.state;
  const bool open = model::is_open(s.status);
  if (filter.openness == FindingFilter::Openness::open && !open) return false;
  if (filter.openness == FindingFilter::Openness::closed && open) return false;
  if (filter.filters_rag()) {
    const bool rated_match = s.rag && open && filter.rags.count(*s.rag) > 0;
    const bool unrated_match = filter.unrated && open && !s.rag;
    if (!rated_match && !unrated_match) return false;
  }
  if (!filter.statuses.empty() && filter.statuses.count(s.status) == 0) return false;
  if (!filter.types.empty() && filter.types.count(f.type) == 0) return false;
  if (!filter.portfolios.empty() && filter.portfolios.count(f.portfolio.value) == 0) return false;
  if (!filter.inspections.empty() && filter.inspections.count(row.inspection->id) == 0) return false;
  if (!filter.owner.empty() && !contains_ignoring_case(s.owner, filter.owner)) return false;
  if (filter.overdue && !row.overdue) return false;
  if (filter.stale && !row.stale) return false;
  if (!filter.grep.empty() && !grep_matches(row, filter.grep, as_of)) return false;
  return true;
}

std::vector<FindingRow> filtered(const std::vector<FindingRow>& rows, const FindingFilter& filter,
                                 const model::Date& as_of) {
  std::vector<FindingRow> out;
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(out),
               [&](const FindingRow& row) { return matches(row, filter, as_of); });
  return out;
}

}  // namespace hmicfrs::query
