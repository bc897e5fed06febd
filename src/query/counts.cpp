#include <hmicfrs/query/counts.hpp>

#include <algorithm>
#include <map>

namespace hmicfrs::query {
namespace {

// A group's key, and where it sorts among the others.
struct GroupKey {
  std::size_t rank;  // position in the configured or enum order; alphabetical groups share 0
  std::string key;
  std::string label;

  bool operator<(const GroupKey& other) const { return std::tie(rank, key) < std::tie(other.rank, other.key); }
};

constexpr std::size_t k_last = static_cast<std::size_t>(-1);

GroupKey key_of(const FindingRow& row, Grouping grouping, const model::Dataset& dataset) {
  const model::Finding& finding = *row.finding;
  switch (grouping) {
    case Grouping::portfolio: {
      const auto& portfolios = dataset.config.portfolios;
      const auto it = std::find_if(portfolios.begin(), portfolios.end(),
                                   [&](const model::Portfolio& p) { return p.id == finding.portfolio.value; });
      if (it == portfolios.end()) return {k_last, "", "(no portfolio)"};
      return {static_cast<std::size_t>(it - portfolios.begin()), it->id, it->name};
    }
    case Grouping::owner:
      if (row.state.owner.empty()) return {k_last, "", "(no owner)"};
      return {0, row.state.owner, row.state.owner};
    case Grouping::inspection: return {0, row.inspection->id, row.inspection->title};
    case Grouping::type:
      return {static_cast<std::size_t>(finding.type), std::string(model::name_of(finding.type)),
              std::string(model::name_of(finding.type))};
  }
  return {k_last, "", ""};
}

}  // namespace

void RagCounts::add(const FindingRow& row) {
  if (!model::is_open(row.state.status)) {
    ++closed;
  } else if (!row.state.rag) {
    ++unrated;
  } else if (*row.state.rag == model::Rag::red) {
    ++red;
  } else if (*row.state.rag == model::Rag::amber) {
    ++amber;
  } else {
    ++green;
  }
}

std::vector<RagGroup> rag_by(const std::vector<FindingRow>& rows, Grouping grouping, const model::Dataset& dataset) {
  std::map<GroupKey, RagCounts> groups;
  for (const FindingRow& row : rows) groups[key_of(row, grouping, dataset)].add(row);
  std::vector<RagGroup> out;
  for (const auto& [key, counts] : groups) out.push_back({key.key, key.label, counts});
  return out;
}

RagCounts rag_total(const std::vector<FindingRow>& rows) {
  RagCounts counts;
  for (const FindingRow& row : rows) counts.add(row);
  return counts;
}

}  // namespace hmicfrs::query
