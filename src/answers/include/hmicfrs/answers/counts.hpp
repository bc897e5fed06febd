#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>

namespace hmicfrs::answers {

// Findings counted by rating: open ones by RAG (or unrated), the rest closed.
struct RagCounts {
  int red = 0;
  int amber = 0;
  int green = 0;
  int unrated = 0;
  int closed = 0;

  int open() const { return red + amber + green + unrated; }
  int total() const { return open() + closed; }
};

// What `rag --by` groups findings by.
enum class Grouping { portfolio, owner, inspection, type };

// One group's counts: `key` is its id (a portfolio id, an owner, an inspection
// id or a finding type's name), `label` what the register calls it.
struct RagGroup {
  std::string key;
  std::string label;
  std::optional<model::FindingType> type;  // when grouped by type
  RagCounts counts;
};

// `rag`: counts by rating per group, and their total.
struct RagBreakdown {
  model::Date as_of;
  Grouping grouping = Grouping::portfolio;
  std::vector<RagGroup> groups;
  RagCounts total;
};

}  // namespace hmicfrs::answers

namespace hmicfrs::model {
template <>
struct EnumInfo<answers::Grouping> {
  static constexpr std::string_view what = "grouping";
  static constexpr std::string_view names[] = {"portfolio", "owner", "inspection", "type"};
};
}  // namespace hmicfrs::model
