#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The group a row falls in under `grouping`, as `rag --by` and `chase`
// group, and where it sorts among the others.
struct GroupKey {
  std::size_t rank;  // position in the configured or enum order; alphabetical groups share 0
  // Views of the register, the configuration or the row, so that making a key per row copies no words. It lives
  // no longer than the rows it was made from.
  std::string_view key;
  std::string_view label;
  std::optional<model::FindingType> type;
  const model::Inspection* inspection;

  bool operator<(const GroupKey& other) const { return std::tie(rank, key) < std::tie(other.rank, other.key); }
};
GroupKey group_key(const answers::FindingRow& row, answers::Grouping grouping, const model::Config& config);
// The key of an owner's group (an empty role: "(no owner)", last), as group_key gives it by owner.
GroupKey owner_key(std::string_view owner);

// The counts of all `rows`: open ones by rating, the rest closed.
answers::RagCounts rag_total(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary);

// The counts of `rows` per group, in the documented order: portfolios as the
// configuration declares them, types as SPEC lists them, statuses in their
// order after "awaiting allocation", reports by publication, owners and
// inspections alphabetically;
// findings without a portfolio or owner last.
// With `declared_rows`, each portfolio or priority the configuration declares is a row, with findings or without:
// for counts of the whole register, not of a filtered part of it.
std::vector<answers::RagGroup> rag_by(const std::vector<answers::FindingRow>& rows, answers::Grouping grouping,
                                      const model::Config& config, bool declared_rows = false);

// `rag`: the counts of `rows` grouped, with their total.
answers::RagBreakdown rag_breakdown(const std::vector<answers::FindingRow>& rows, answers::Grouping grouping,
                                    const model::Config& config, const model::Date& as_of, bool declared_rows = false);

}  // namespace hmicfrs::query
