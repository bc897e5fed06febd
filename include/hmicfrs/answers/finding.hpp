#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::answers {

// A finding as it stood on a date: the fold of its history entries in effect
// by then, starting from open, unrated, with the finding's own owner and due date.
struct FindingState {
  bool recorded = false;  // it exists by then: its report is out, or it has an entry
  model::Status status = model::Status::open;
  const model::Rating* rating = nullptr;          // of the register's vocabulary; none: unrated
  bool rating_derived = false;                    // given by the vocabulary's rule, not written
  bool derived_for_overdue = false;               // the rule that gave it is the target having passed
  const model::HistoryEntry* rated_by = nullptr;  // the entry that wrote the rating, when written
  std::string_view owner;          // the finding's or an entry's, in the register; empty: awaiting allocation
  std::optional<model::Date> due;  // the force's current target
  const model::HistoryEntry* target_moved_by = nullptr;  // the last entry that moved the target
  const model::HistoryEntry* latest = nullptr;           // the last entry folded in
  const model::HistoryEntry* noted = nullptr;  // the last entry folded in that holds a note: the latest note, which
                                               // a later entry of a status or rating alone does not hide
  std::size_t later_entries = 0;                         // entries dated after the date, left out
  bool follows_recommendations = false;                  // a cause of concern whose state is theirs
  const model::Finding* tracked_as = nullptr;            // the earlier finding this one repeats, whose state it has
  const model::ActionRule* action_rule = nullptr;        // the rule of `action_ratings` that gave its rating

  // Whether it counts as a finding of its own: a cause of concern is counted through its
  // recommendations, and a re-issued finding through the earlier one.
  bool counted() const { return !follows_recommendations && tracked_as == nullptr; }
};

// A percentage as papers show it and action rules compare it: to a whole per cent, halves up ("62.5" is 63).
inline int whole_percent(double percent) { return static_cast<int>(std::floor(percent + 0.5)); }

// An action under a finding as it stood on a date.
struct ActionState {
  const model::Action* action = nullptr;
  model::ActionStatus status = model::ActionStatus::open;
  int percent = 0;                            // the latest progress written, 0 before any
  std::string_view owner;                     // its own, else the finding's as of the date; empty: nobody
  bool overdue = false;                       // open and past its due date, under an open finding
  const model::ActionEntry* latest = nullptr;  // the last entry in effect
  const model::ActionEntry* noted = nullptr;   // the latest entry with a note

  // What it counts for in its finding's progress: a closed action counts 100.
  int counted_percent() const { return status == model::ActionStatus::closed ? 100 : percent; }
};

// A finding with its state on the as-of date and what follows from it.
struct FindingRow {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
  const model::Portfolio* portfolio = nullptr;  // the declared portfolio it names, if any
  FindingState state;
  bool awaiting_allocation = false;        // counted, open and with nobody to own it, whatever its status says
  bool overdue = false;                    // open and its due date has passed
  bool stale = false;                      // open and not updated for the configured number of days
  std::optional<model::Date> last_update;  // its latest entry (or its actions'), else its report's publication
  bool last_update_as_at = false;          // that entry gives its state as at the date, not a change on it
  std::optional<int> days_since_update;
  std::vector<ActionState> actions;        // its actions, when it has any, in file order
  std::optional<double> actions_complete;  // the unweighted mean of their counted progress, per cent
};

// The open findings that need the committee's eye, each list in row order.
struct Outstanding {
  std::vector<FindingRow> needing_attention;  // open, with a rating the vocabulary marks `attention` (red by default)
  std::vector<FindingRow> overdue;            // open and past their due date
  std::vector<FindingRow> stale;              // open and not updated recently
};

// A finding together with its inspection.
struct FindingRef {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
};

// How a finding connects to others, both ways, each list in the order of
// finding ids. Supersession counts whenever the history says so, whatever the date.
struct FindingLinks {
  std::vector<FindingRef> superseded_by;     // findings named by its `by`
  std::vector<FindingRef> supersedes;        // findings whose `by` names it
  std::vector<FindingRef> related;           // findings its `related` names
  std::vector<FindingRef> related_from;      // findings whose `related` names it
  std::vector<FindingRef> cause_of_concern;  // the cause of concern it answers
  std::vector<FindingRef> answered_by;       // recommendations answering it, when it is a cause of concern
  std::vector<FindingRef> repeats;           // the earlier finding it re-issues, tracked there
  std::vector<FindingRef> repeated_in;       // later findings that re-issue it
};

// `show` of a finding: everything about it as of a date, names resolved.
struct FindingDetail {
  model::Date as_of;
  const model::Vocabulary* vocabulary = nullptr;
  FindingRow row;
  std::string area;                                 // its PEEL area's long label (its id when unknown); or empty
  std::vector<const model::HistoryEntry*> history;  // the entries in effect by the date, oldest first
  FindingLinks links;
};

// `list`: the findings that pass the filters.
struct FindingList {
  model::Date as_of;
  const model::Vocabulary* vocabulary = nullptr;
  std::vector<FindingRow> rows;
  std::string_view force = {};  // the register's force, which a printed page names
  bool actions = false;         // `list --actions`: the actions of these findings, one a row
  bool has_actions = false;     // some finding of the register has actions: a workbook gives each one's progress
};

}  // namespace hmicfrs::answers
