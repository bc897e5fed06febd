#include <hmicfrs/query/state.hpp>

#include <algorithm>

#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/links.hpp>

namespace hmicfrs::query {
namespace {

// The fold of a finding's own history entries in effect by `as_of`, with the rating written last, kept
// while the finding stays open or stays closed.
answers::FindingState folded(const model::Dataset& dataset, const model::Inspection& inspection,
                             const model::Finding& finding, const model::Date& as_of, const model::Date& known_by) {
  const model::Vocabulary& vocabulary = dataset.config.vocabulary;
  answers::FindingState state;
  state.owner = finding.owner;
  state.due = finding.due;
  bool any_in_effect = false;
  // A report superseded as a whole supersedes, on that day, each of its findings still open then: applied in date
  // order among the entries, so that a later entry can reopen one.
  // Not a cause of concern, which follows its recommendations, nor a finding a later report re-issued, which that
  // report carries on.
  const model::ReportSupersession* report_superseded =
      inspection.superseded && !(as_of < inspection.superseded->date) &&
              finding.type != model::FindingType::cause_of_concern && !finding.repeated_later
          ? &*inspection.superseded
          : nullptr;
  const auto supersede_report = [&] {
    if (model::is_open(state.status)) {
      state.status = model::Status::superseded;
      state.rating = nullptr;
      state.rated_by = nullptr;
    }
    report_superseded = nullptr;
  };
  for (const model::HistoryEntry& entry : finding.history) {
    if (!in_effect(entry, as_of) && !(entry.as_at && in_effect(entry, known_by))) {
      ++state.later_entries;
      continue;
    }
    // On its day, after what was known as at that day and before what was dated on it.
    if (report_superseded != nullptr &&
        (report_superseded->date < entry.date || (report_superseded->date == entry.date && !entry.as_at))) {
      supersede_report();
    }
    any_in_effect = any_in_effect || in_effect(entry, as_of);
    const bool was_open = model::is_open(state.status);
    if (entry.status) state.status = *entry.status;
    // Opening or closing leaves the old rating behind, unless the entry gives a new one.
    if (was_open != model::is_open(state.status)) {
      state.rating = nullptr;
      state.rated_by = nullptr;
    }
    if (entry.rating) {
      state.rating = &vocabulary.ratings[*entry.rating];
      state.rated_by = &entry;
    }
    if (entry.owner) state.owner = *entry.owner;
    if (entry.due) {
      // Setting a target where there was none is not moving it.
      if (state.due && !(*state.due == *entry.due)) state.target_moved_by = &entry;
      state.due = entry.due;
    }
    state.latest = &entry;
    if (!entry.note.empty()) state.noted = &entry;
  }
  if (report_superseded != nullptr) supersede_report();
  // A rating for open findings does not outlive the finding's closing, nor one for closed findings its reopening;
  // a rating of both kinds stands either way.
  if (state.rating != nullptr && !state.rating->marks_status(state.status)) {
    state.rating = nullptr;
    state.rated_by = nullptr;
  }
  // Recorded by `as_of` itself: a state known only as at a later day does not make a finding older than it is.
  state.recorded = any_in_effect || (inspection.published && happened_by(*inspection.published, as_of));
  return state;
}

// A cause of concern is open while any recommendation answering it is open, and closed once they all are.
void follow_recommendations(const model::Dataset& dataset, const model::Inspection& inspection,
                            const model::Finding& cause, const model::Date& as_of, const model::Date& known_by,
                            answers::FindingState& state) {
  state.follows_recommendations = true;
  state.rating = nullptr;
  state.rated_by = nullptr;
  bool any = false;
  bool any_open = false;
  for (const std::size_t position : inspection.answering(cause.ref)) {
    const model::Finding& recommendation = inspection.findings[position];
    if (recommendation.type == model::FindingType::cause_of_concern) continue;  // never itself, however named
    const answers::FindingState answer = state_as_of(dataset, inspection, recommendation, as_of, known_by);
    if (!answer.recorded) continue;
    any = true;
    any_open = any_open || model::is_open(answer.status);
  }
  if (!any) return;
  if (any_open) {
    state.status = model::Status::open;
  } else if (model::is_open(state.status)) {
    state.status = model::Status::closed;
  }
}

}  // namespace

bool happened_by(const model::Date& when, const model::Date& as_of) { return when.last_day() <= as_of; }

bool in_effect(const model::HistoryEntry& entry, const model::Date& as_of) { return !(as_of < entry.date); }

bool is_overdue(const answers::FindingState& state, const model::Date& as_of) {
  return model::is_open(state.status) && state.due && state.due->last_day() < as_of;
}

const model::Rating* derived_rating(const model::Vocabulary& vocabulary, const answers::FindingState& state,
                                    const model::Date& as_of) {
  const bool overdue = is_overdue(state, as_of);
  for (const model::Rating& rating : vocabulary.ratings) {
    const model::RatingRule& rule = rating.derived_when;
    if ((rule.overdue && overdue) ||
        std::find(rule.statuses.begin(), rule.statuses.end(), state.status) != rule.statuses.end()) {
      return &rating;
    }
  }
  return nullptr;
}

answers::FindingState state_as_of(const model::Dataset& dataset, const model::Inspection& inspection,
                                  const model::Finding& finding, const model::Date& as_of) {
  return state_as_of(dataset, inspection, finding, as_of, as_of);
}

answers::FindingState state_as_of(const model::Dataset& dataset, const model::Inspection& inspection,
                                  const model::Finding& finding, const model::Date& as_of,
                                  const model::Date& known_by) {
  answers::FindingState state = folded(dataset, inspection, finding, as_of, known_by);
  // A re-issued finding is tracked on the earlier one: it takes that one's state, once it is itself recorded.
  if (!finding.repeats.value.empty()) {
    const auto earlier = find_finding(dataset, resolve_reference(finding.repeats.value, inspection));
    if (earlier && earlier->finding != &finding && earlier->finding->repeats.value.empty()) {
      const bool recorded = state.recorded;
      state = state_as_of(dataset, *earlier->inspection, *earlier->finding, as_of, known_by);
      state.recorded = recorded;
      state.tracked_as = earlier->finding;
      return state;
    }
  }
  if (finding.type == model::FindingType::cause_of_concern) {
    follow_recommendations(dataset, inspection, finding, as_of, known_by, state);
    return state;
  }
  if (const model::Rating* derived = derived_rating(dataset.config.vocabulary, state, as_of)) {
    state.rating = derived;
    state.rating_derived = true;
    state.derived_for_overdue = derived->derived_when.overdue && is_overdue(state, as_of);
  } else if (const auto& rules = dataset.config.action_ratings;
             !rules.empty() && !finding.actions.empty() && model::is_open(state.status)) {
    // The vocabulary's rules come first; then the register's rules on its actions, over a rating written.
    const int complete = answers::whole_percent(*actions_complete(finding, as_of));
    if (const auto rule = matching_action_rule(rules, complete, is_overdue(state, as_of))) {
      if (const model::Rating* rating = dataset.config.vocabulary.find(rules[*rule].rating.value)) {
        state.rating = rating;
        state.rating_derived = true;
        state.action_rule = &rules[*rule];
      }
    }
  }
  return state;
}

}  // namespace hmicfrs::query
