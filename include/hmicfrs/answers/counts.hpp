#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::answers {

// How many closed findings closed one way: closed (or complete), achieved, superseded ...
struct ClosingCount {
  model::Status status = model::Status::closed;
  int count = 0;
};

// Findings counted by rating: open ones by their rating (or unrated), closed
// ones in all, by how they closed and by the ratings given to closed findings.
// A rating of both kinds counts open and closed findings alike; `rated_closed`
// says how many of them are closed, so that prose can tell the open from the closed.
// A cause of concern is counted through its recommendations, a re-issued
// finding through the earlier one: neither is counted again.
struct RagCounts {
  std::vector<int> rated;               // per rating, in the vocabulary's order: every finding with it
  std::vector<int> rated_closed;        // per rating, the closed findings of `rated`
  int unrated = 0;                      // open with no rating
  int closed = 0;                       // every closed finding
  std::vector<ClosingCount> closings;   // the closed ones by how they closed, in status order, none with no finding
  int completed = 0;                    // closed as done: closed or achieved; not superseded, declined, not monitored
  std::optional<int> percent_complete;  // completed as a rounded share of the total; none when there is none
  int open_count = 0;
  int not_formal = 0;  // of the total, the items a report raises without a formal finding (SPEC §2)
  int repeats = 0;     // not counted: findings that re-issue an earlier one, counted there
  int causes = 0;      // not counted: causes of concern, followed through their recommendations

  int open() const { return open_count; }
  int total() const { return open_count + closed; }
  int of(std::size_t rating) const { return rating < rated.size() ? rated[rating] : 0; }
  int closed_of(std::size_t rating) const { return rating < rated_closed.size() ? rated_closed[rating] : 0; }
  int open_of(std::size_t rating) const { return of(rating) - closed_of(rating); }
};

// What `rag --by` groups findings by; `report` is by inspection, with
// publication dates and the share completed.
enum class Grouping { portfolio, owner, inspection, type, status, report, priority };

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
  std::string_view heading;  // what the register calls the groups, when it names them (its priorities' title)
  std::vector<RagGroup> groups;
  RagCounts total;
  std::string_view force = {};  // the register's force, which a printed page names
};

}  // namespace hmicfrs::answers

namespace hmicfrs::model {
template <>
struct EnumInfo<answers::Grouping> {
  static constexpr std::string_view what = "grouping";
  static constexpr std::string_view names[] = {"portfolio", "owner",  "inspection", "type",
                                               "status",    "report", "priority"};
};
}  // namespace hmicfrs::model
