#include <hmicfrs/query/counts.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace hmicfrs::query {
namespace {

using answers::FindingRow;
using answers::Grouping;
using answers::RagCounts;

// A group's key, and where it sorts among the others.
struct GroupKey {
  std::size_t rank;  // position in the configured or enum order; alphabetical groups share 0
  std::string key;
  std::string label;
  std::optional<model::FindingType> type;

  bool operator<(const GroupKey& other) const { return std::tie(rank, key) < std::tie(other.rank, other.key); }
};

constexpr std::size_t k_last = static_cast<std::size_t>(-1);

GroupKey key_of(const FindingRow& row, Grouping grouping, const model::Config& config) {
  const model::Finding& finding = *row.finding;
  switch (grouping) {
    case Grouping::portfolio: {
      if (row.portfolio == nullptr) return {k_last, "", "(no portfolio)", {}};
      return {static_cast<std::size_t>(row.portfolio - config.portfolios.data()),
              row.portfolio->id,
              row.portfolio->name,
              {}};
    }
    case Grouping::owner:
      if (row.state.owner.empty()) return {k_last, "", "(no owner)", {}};
      return {0, row.state.owner, row.state.owner, {}};
    case Grouping::inspection: return {0, row.inspection->id, row.inspection->title, {}};
    case Grouping::type: {
      const std::string name(model::name_of(finding.type));
      return {static_cast<std::size_t>(finding.type), name, name, finding.type};
    }
  }
  return {k_last, "", "", {}};
}

void add(RagCounts& counts, const FindingRow& row) {
  if (!model::is_open(row.state.status)) {
    ++counts.closed;
  } else if (!row.state.rag) {
    ++counts.unrated;
  } else if (*row.state.rag == model::Rag::red) {
    ++counts.red;
  } else if (*row.state.rag == model::Rag::amber) {
    ++counts.amber;
  } else {
    ++counts.green;
  }
}

}  // namespace

RagCounts rag_total(const std::vector<FindingRow>& rows) {
  RagCounts counts;
  for (const FindingRow& row : rows) add(counts, row);
  return counts;
}

std::vector<answers::RagGroup> rag_by(const std::vector<FindingRow>& rows, Grouping grouping,
                                      const model::Config& config) {
  std::map<GroupKey, RagCounts> groups;
  for (const FindingRow& row : rows) add(groups[key_of(row, grouping, config)], row);
  std::vector<answers::RagGroup> out;
  for (const auto& [key, counts] : groups) out.push_back({key.key, key.label, key.type, counts});
  return out;
}

answers::RagBreakdown rag_breakdown(const std::vector<FindingRow>& rows, Grouping grouping, const model::Config& config,
                                    const model::Date& as_of) {
  return {as_of, grouping, rag_by(rows, grouping, config), rag_total(rows)};
}

}  // namespace hmicfrs::query
