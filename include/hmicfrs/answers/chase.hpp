#pragma once

#include <string>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/oversight.hpp>

namespace hmicfrs::answers {

// One finding to chase, with every reason to, and how the next paper will
// show it if nothing is written before the cut-off.
struct ChaseItem {
  FindingRow row;                // as of the as-of date
  FindingRow at_cut_off;         // as of the end of the window: what the paper will show
  bool needs_attention = false;  // the paper will list it in full with the findings rated red (or so marked)
  bool overdue = false;          // past its target already
  bool due_soon = false;         // not yet past its target, but will be by the end of the window
  bool stale = false;            // not updated for the configured days by the end of the window
  bool unrated = false;          // open, with no rating
};

// An action to chase: open, and past its due date or due by the end of the window.
struct ChaseAction {
  const model::Finding* finding = nullptr;
  ActionState action;
  bool due_soon = false;  // not yet past its due date, but will be by the end of the window
};

// The findings one owner (or one portfolio) is asked about.
struct ChaseGroup {
  std::string name;              // the owner's role, or the portfolio's name, as `rag --by` labels them
  std::string role;              // whose address the message needs: the owner, or the portfolio's lead (may be empty)
  std::string email;             // the role's, from the configuration's `owners`; empty when it gives none
  std::vector<ChaseItem> items;  // in the order of finding lists
  // The actions they own (their own, else their finding's owner's), or a portfolio's findings have, to chase.
  std::vector<ChaseAction> actions;
};

// `chase`: whom to ask for an update before the next paper, and about what.
struct Chase {
  model::Date as_of;
  model::Date until;                        // the end of the window: the next paper's cut-off, or --within
  const model::Meeting* meeting = nullptr;  // the next meeting, when the register lists one
  bool ends_at_paper = false;               // `until` is that meeting's cut-off: what findings show then, its paper shows
  // The day owners are asked to reply by: the meeting's `as_of` when it gives one, else the configured days before it
  // (never the meeting day, too late to write a reply into the paper); the end of the window when that comes first,
  // or when no meeting is listed.
  model::Date reply_by;
  bool reply_late = false;  // `reply_by` is before `as_of`: the reply is asked for as soon as possible
  const model::Config* config = nullptr;
  bool by_portfolio = false;
  std::vector<ChaseGroup> groups;  // in the order of `rag --by owner` (or portfolio)
  bool tracks_responses = false;   // the register tracks the commissioner's responses to reports
  // The responses to ask the commissioner's office about: overdue, or due by `until` (or on a day not yet known).
  std::vector<ResponseState> responses;
  std::string commissioner;  // the office's name: the configuration's `commissioner` title or name, else the usual
  std::string commissioner_email;  // its address; empty when the configuration gives none
};

// What the commissioner's office is called when the configuration does not say.
inline constexpr std::string_view k_commissioner_office = "Office of the Police and Crime Commissioner";

}  // namespace hmicfrs::answers
