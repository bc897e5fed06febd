#include <hmicfrs/query/counts.hpp>

#include <hmicfrs/query/calendar.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace hmicfrs::query {
namespace {

using answers::FindingRow;
using answers::Grouping;
using answers::RagCounts;

constexpr std::size_t k_last = static_cast<std::size_t>(-1);

}  // namespace

GroupKey owner_key(std::string_view owner) {
  if (owner.empty()) return {k_last, "", "(no owner)", {}, nullptr};
  return {0, owner, owner, {}, nullptr};
}

GroupKey group_key(const FindingRow& row, Grouping grouping, const model::Config& config) {
  const model::Finding& finding = *row.finding;
  switch (grouping) {
    case Grouping::portfolio: {
      if (row.portfolio == nullptr) return {k_last, "", "(no portfolio)", {}, nullptr};
      return {static_cast<std::size_t>(row.portfolio - config.portfolios.data()),
              row.portfolio->id,
              row.portfolio->name,
              {},
              nullptr};
    }
    case Grouping::priority: {
      const model::Priority* priority = config.priorities.find(finding.priority.value);
      if (priority == nullptr) return {k_last, "", "(none given)", {}, nullptr};
      return {static_cast<std::size_t>(priority - config.priorities.values.data()),
              priority->id,
              priority->name,
              {},
              nullptr};
    }
    case Grouping::owner: return owner_key(row.state.owner);
    case Grouping::inspection: return {0, row.inspection->id, row.inspection->title, {}, nullptr};
    case Grouping::report: return {0, row.inspection->id, row.inspection->title, {}, row.inspection};
    case Grouping::type: {
      const std::string_view name = model::name_of(finding.type);
      return {static_cast<std::size_t>(finding.type), name, name, finding.type, nullptr};
    }
    case Grouping::status: {
      if (row.awaiting_allocation) {
        return {0, "awaiting-allocation", "Awaiting allocation", {}, nullptr};
      }
      return {static_cast<std::size_t>(row.state.status) + 1,
              model::name_of(row.state.status),
              config.vocabulary.label(row.state.status),
              {},
              nullptr};
    }
  }
  return {k_last, "", "", {}, nullptr};
}

namespace {

RagCounts empty_counts(const model::Vocabulary& vocabulary) {
  RagCounts counts;
  counts.rated.assign(vocabulary.ratings.size(), 0);
  counts.rated_closed.assign(vocabulary.ratings.size(), 0);
  return counts;
}

void add(RagCounts& counts, const FindingRow& row, const model::Vocabulary& vocabulary) {
  if (row.state.tracked_as != nullptr) ++counts.repeats;
  if (row.state.follows_recommendations) ++counts.causes;
  if (!row.state.counted()) return;
  if (row.finding->type == model::FindingType::not_formal) ++counts.not_formal;
  if (model::is_open(row.state.status)) {
    ++counts.open_count;
    if (row.state.rating == nullptr) ++counts.unrated;
  } else {
    ++counts.closed;
    const auto closing = std::find_if(counts.closings.begin(), counts.closings.end(),
                                      [&](const answers::ClosingCount& c) { return c.status == row.state.status; });
    if (closing != counts.closings.end()) {
      ++closing->count;
    } else {
      counts.closings.insert(std::upper_bound(counts.closings.begin(), counts.closings.end(), row.state.status,
                                              [](model::Status s, const answers::ClosingCount& c) { return s < c.status; }),
                             {row.state.status, 1});
    }
    // Done, as "% complete" counts: not a finding overtaken, declined or no longer monitored.
    if (row.state.status == model::Status::closed || row.state.status == model::Status::achieved) ++counts.completed;
  }
  // Under its rating, open or closed: a closed finding rated by a rating of both kinds counts there as well as
  // under closed.
  if (row.state.rating != nullptr) {
    const auto at = static_cast<std::size_t>(row.state.rating - vocabulary.ratings.data());
    ++counts.rated[at];
    if (!model::is_open(row.state.status)) ++counts.rated_closed[at];
  }
}

// The share completed, once every finding is counted.
RagCounts& finished(RagCounts& counts) {
  if (counts.total() > 0) counts.percent_complete = (100 * counts.completed + counts.total() / 2) / counts.total();
  return counts;
}

}  // namespace

RagCounts rag_total(const std::vector<FindingRow>& rows, const model::Vocabulary& vocabulary) {
  RagCounts counts = empty_counts(vocabulary);
  for (const FindingRow& row : rows) add(counts, row, vocabulary);
  return finished(counts);
}

std::vector<answers::RagGroup> rag_by(const std::vector<FindingRow>& rows, Grouping grouping,
                                      const model::Config& config, bool declared_rows) {
  std::map<GroupKey, RagCounts> groups;
  // The portfolios and priorities the register declares are each a row, with findings or without.
  if (declared_rows && grouping == Grouping::portfolio) {
    for (std::size_t i = 0; i < config.portfolios.size(); ++i) {
      const model::Portfolio& p = config.portfolios[i];
      groups.emplace(GroupKey{i, p.id, p.name, {}, nullptr}, empty_counts(config.vocabulary));
    }
  }
  if (declared_rows && grouping == Grouping::priority) {
    for (std::size_t i = 0; i < config.priorities.values.size(); ++i) {
      const model::Priority& p = config.priorities.values[i];
      groups.emplace(GroupKey{i, p.id, p.name, {}, nullptr}, empty_counts(config.vocabulary));
    }
  }
  for (const FindingRow& row : rows) {
    if (!row.state.counted()) continue;
    GroupKey key = group_key(row, grouping, config);
    auto it = groups.find(key);
    if (it == groups.end()) it = groups.emplace(std::move(key), empty_counts(config.vocabulary)).first;
    add(it->second, row, config.vocabulary);
  }
  std::vector<answers::RagGroup> out;
  out.reserve(groups.size());
  for (auto& [key, counts] : groups) {
    out.push_back({std::string(key.key), std::string(key.label), key.type, key.inspection, std::move(finished(counts))});
  }
  // Reports in the order they came out, as every list of reports.
  if (grouping == Grouping::report) {
    std::stable_sort(out.begin(), out.end(), [](const answers::RagGroup& a, const answers::RagGroup& b) {
      return published_earlier(a.inspection, b.inspection);
    });
  }
  return out;
}

answers::RagBreakdown rag_breakdown(const std::vector<FindingRow>& rows, Grouping grouping, const model::Config& config,
                                    const model::Date& as_of, bool declared_rows) {
  return {as_of,
          &config.vocabulary,
          grouping,
          grouping == Grouping::priority ? std::string_view(config.priorities.title) : std::string_view(),
          rag_by(rows, grouping, config, declared_rows),
          rag_total(rows, config.vocabulary),
          config.force_name};
}

}  // namespace hmicfrs::query
