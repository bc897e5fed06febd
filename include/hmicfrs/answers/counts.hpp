#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::answers {

// Findings counted by rating: open ones by their rating (or unrated), closed
// ones in all and by the ratings given to closed findings. A cause of concern
// is counted through its recommendations, a re-issued finding through the
// earlier one: neither is counted again.
struct RagCounts {
  std::vector<int> rated;  // per rating, in the vocabulary's order
  int unrated = 0;         // open with no rating
  int closed = 0;          // every closed finding
  int open_count = 0;

  int open() const { return open_count; }
  int total() const { return open_count + closed; }
  int of(std::size_t rating) const { return rating < rated.size() ? rated[rating] : 0; }
};

// What `rag --by` groups findings by; `report` is by inspection, with
// publication dates and the share completed.
enum class Grouping { portfolio, owner, inspection, type, status, report };

// One group's counts: `key` is its id (a portfolio id, an owner, an inspection
// id, a finding type's or a status's name), `label` what the register calls it.
struct RagGroup {
  std::string key;
  std::string label;
  std::optional<model::FindingType> type;         // when grouped by type
  const model::Inspection* inspection = nullptr;  // when grouped by report
  RagCounts counts;
};

// `rag`: counts by rating per group, and their total.
struct RagBreakdown {
  model::Date as_of;
  const model::Vocabulary* vocabulary = nullptr;
  Grouping grouping = Grouping::portfolio;
  std::vector<RagGroup> groups;
  RagCounts total;
};

}  // namespace hmicfrs::answers

namespace hmicfrs::model {
template <>
struct EnumInfo<answers::Grouping> {
  static constexpr std::string_view what = "grouping";
  static constexpr std::string_view names[] = {"portfolio", "owner", "inspection", "type", "status", "report"};
};
}  // namespace hmicfrs::model
