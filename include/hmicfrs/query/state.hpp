#pragma once

#include <optional>
#include <string>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// Whether something dated `when` has surely happened by `as_of`: a month
// date ("2022-05") only once the whole month has passed.
bool happened_by(const model::Date& when, const model::Date& as_of);

// A finding as it stood on a date: the fold of its history entries dated on
// or before that date, starting from open, unrated, with the finding's own
// owner and due date.
struct FindingState {
  bool recorded = false;  // it exists by then: its report is out, or it has an entry
  model::Status status = model::Status::open;
  std::optional<model::Rag> rag;  // only while open
  std::string owner;
  std::optional<model::Date> due;
  std::string superseded_by;
  const model::HistoryEntry* latest = nullptr;  // the last entry folded in
  std::size_t later_entries = 0;                // entries dated after the date, left out
};

// The state of `finding` (of `inspection`) as of `as_of`.
FindingState state_as_of(const model::Inspection& inspection, const model::Finding& finding, const model::Date& as_of);

}  // namespace hmicfrs::query
