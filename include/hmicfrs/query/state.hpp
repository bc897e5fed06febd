#pragma once

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// Whether something dated `when` has surely happened by `as_of`: a month
// date ("2022-05") only once the whole month has passed.
bool happened_by(const model::Date& when, const model::Date& as_of);

// Whether a history entry counts as of a date: it is dated on or before it.
// Every answer "as of" a date follows this one rule.
bool in_effect(const model::HistoryEntry& entry, const model::Date& as_of);

// Whether a finding in `state` is past the force's current target on `as_of`.
bool is_overdue(const answers::FindingState& state, const model::Date& as_of);

// The first rating of the vocabulary whose rule `state` meets on `as_of`, if any.
const model::Rating* derived_rating(const model::Vocabulary& vocabulary, const answers::FindingState& state,
                                    const model::Date& as_of);

// The state of `finding` (of `inspection`) as of `as_of`: the fold of its
// history, with the rating its register's vocabulary derives, else the one
// written. A cause of concern follows the recommendations answering it; a
// finding that repeats an earlier one takes that one's state.
answers::FindingState state_as_of(const model::Dataset& dataset, const model::Inspection& inspection,
                                  const model::Finding& finding, const model::Date& as_of);

// Its state as of `as_of` with the entries known only as at a date up to
// `known_by` applied too: the state a window opening at `as_of` and closing at
// `known_by` starts from, so that a state recorded as at a date in the window
// is never told as a change in it (its day is not known).
answers::FindingState state_as_of(const model::Dataset& dataset, const model::Inspection& inspection,
                                  const model::Finding& finding, const model::Date& as_of, const model::Date& known_by);

}  // namespace hmicfrs::query
