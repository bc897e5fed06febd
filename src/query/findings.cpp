#include <hmicfrs/query/findings.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

using answers::FindingRow;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// A filter with its searches prepared once for all the rows it is applied to.
struct PreparedFilter {
  const FindingFilter& filter;
  TextSearch owner;
  TextSearch grep;
  const model::Date& as_of;

  // Notes count only once written: an entry after the as-of date is not searched.
  bool grep_matches(const FindingRow& row) const {
    const model::Finding& f = *row.finding;
    if (grep.found_in(f.id) || grep.found_in(f.title) || grep.found_in(f.text) || grep.found_in(row.state.owner)) {
      return true;
    }
    return std::any_of(f.history.begin(), f.history.end(),
                       [&](const model::HistoryEntry& e) { return in_effect(e, as_of) && grep.found_in(e.note); });
  }

  bool matches(const FindingRow& row) const {
    const model::Finding& f = *row.finding;
    const answers::FindingState& s = row.state;
    const bool open = model::is_open(s.status);
    if (filter.openness == FindingFilter::Openness::open && !open) return false;
    if (filter.openness == FindingFilter::Openness::closed && open) return false;
    if (filter.filters_rag()) {
      const bool rated_match = s.rating != nullptr && filter.rags.count(s.rating->id) > 0;
      const bool unrated_match = filter.unrated && open && s.rating == nullptr && s.counted();
      if (!rated_match && !unrated_match) return false;
    }
    if (!filter.statuses.empty() && filter.statuses.count(s.status) == 0) return false;
    if (!filter.types.empty() && filter.types.count(f.type) == 0) return false;
    if (!filter.portfolios.empty() && filter.portfolios.count(f.portfolio.value.str()) == 0) return false;
    if (!filter.inspections.empty() && filter.inspections.count(row.inspection->id) == 0) return false;
    if (!filter.owner.empty() && !owner.found_in(s.owner)) return false;
    if (filter.overdue && !row.overdue) return false;
    if (filter.stale && !row.stale) return false;
    if (!filter.grep.empty() && !grep_matches(row)) return false;
    return true;
  }
};

}  // namespace

TextSearch::TextSearch(std::string_view part) : m_border(part.size() + 1, 0) {
  m_part.reserve(part.size());
  for (const char c : part) m_part += lower(c);
  // m_border[i]: the length of the longest proper border of the first i characters.
  for (std::size_t i = 1, k = 0; i < m_part.size(); ++i) {
    while (k > 0 && m_part[i] != m_part[k]) k = m_border[k];
    if (m_part[i] == m_part[k]) ++k;
    m_border[i + 1] = k;
  }
}

bool TextSearch::found_in(std::string_view text) const {
  if (m_part.empty()) return true;
  for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
    const char c = lower(text[i]);
    while (k > 0 && c != m_part[k]) k = m_border[k];
    if (c == m_part[k]) ++k;
    if (k == m_part.size()) return true;
  }
  return false;
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
  row.state = state_as_of(dataset, inspection, finding, as_of);
  if (!row.state.recorded) return row;
  const bool open = model::is_open(row.state.status);
  // The report's publication as the register gives it ("December 2015"); its days counted from its last day.
  row.last_update = row.state.latest ? std::optional(row.state.latest->date) : inspection.published;
  row.last_update_as_at = row.state.latest != nullptr && row.state.latest->as_at;
  if (!finding.actions.empty()) {
    row.actions = action_states(finding, row.state.owner, as_of);
    row.actions_complete = actions_complete(finding, as_of);
    for (answers::ActionState& action : row.actions) {
      action.overdue = action.overdue && open;  // a closed finding's actions are no longer chased
      // Progress on an action is an update of its finding.
      if (action.latest != nullptr && row.last_update->last_day() < action.latest->date) {
        row.last_update = action.latest->date;
        row.last_update_as_at = false;
      }
    }
  }
  row.days_since_update = static_cast<int>((as_of.sys_days() - row.last_update->last_day().sys_days()).count());
  // What is counted once is chased once: a cause of concern through its recommendations, a repeat through the earlier.
  const bool counted = row.state.counted();
  row.awaiting_allocation = counted && open && row.state.owner.empty();
  row.overdue = counted && is_overdue(row.state, as_of);
  row.stale = counted && open && *row.days_since_update > dataset.config.stale_after_days;
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
  // An inspection's rows sit together: found by its id, then by the inspection itself (should two share an id).
  const std::string_view id = inspection.id;
  const auto first =
      std::partition_point(rows.begin(), rows.end(), [&](const FindingRow& row) { return row.inspection->id < id; });
  const auto last =
      std::partition_point(first, rows.end(), [&](const FindingRow& row) { return row.inspection->id == id; });
  std::vector<FindingRow> out;
  std::copy_if(first, last, std::back_inserter(out),
               [&](const FindingRow& row) { return row.inspection == &inspection; });
  return out;
}

answers::Outstanding outstanding(const std::vector<FindingRow>& rows) {
  answers::Outstanding out;
  for (const FindingRow& row : rows) {
    if (row.state.counted() && model::is_open(row.state.status) && row.state.rating != nullptr &&
        row.state.rating->attention) {
      out.needing_attention.push_back(row);
    }
    if (row.overdue) out.overdue.push_back(row);
    if (row.stale) out.stale.push_back(row);
  }
  return out;
}

std::vector<FindingRow> filtered(const std::vector<FindingRow>& rows, const FindingFilter& filter,
                                 const model::Date& as_of) {
  std::vector<FindingRow> out;
  const PreparedFilter prepared{filter, TextSearch(filter.owner), TextSearch(filter.grep), as_of};
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(out),
               [&](const FindingRow& row) { return prepared.matches(row); });
  return out;
}

}  // namespace hmicfrs::query
