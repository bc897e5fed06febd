// Actions under a finding: where each stands as of a date, the finding's progress, and the rule that rates it.

#include <hmicfrs/query/actions.hpp>

#include <algorithm>

namespace hmicfrs::query {

answers::ActionState action_state(const model::Action& action, std::string_view finding_owner,
                                  const model::Date& as_of) {
  answers::ActionState state;
  state.action = &action;
  state.owner = action.owner.empty() ? finding_owner : action.owner.view();
  for (const model::ActionEntry& entry : action.history) {
    if (as_of < entry.date) break;  // oldest first
    state.latest = &entry;
    if (entry.status) state.status = *entry.status;
    if (entry.percent) state.percent = *entry.percent;
    if (!entry.note.empty()) state.noted = &entry;
  }
  state.overdue = state.status == model::ActionStatus::open && action.due && action.due->last_day() < as_of;
  return state;
}

std::vector<answers::ActionState> action_states(const model::Finding& finding, std::string_view finding_owner,
                                                const model::Date& as_of) {
  std::vector<answers::ActionState> out;
  out.reserve(finding.actions.size());
  for (const model::Action& action : finding.actions) out.push_back(action_state(action, finding_owner, as_of));
  return out;
}

std::optional<double> actions_complete(const model::Finding& finding, const model::Date& as_of) {
  if (finding.actions.empty()) return std::nullopt;
  int total = 0;
  for (const model::Action& action : finding.actions) total += action_state(action, {}, as_of).counted_percent();
  return static_cast<double>(total) / static_cast<double>(finding.actions.size());
}

std::optional<std::size_t> matching_action_rule(const std::vector<model::ActionRule>& rules, double complete,
                                                bool overdue) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const model::ActionRule& rule = rules[i];
    if (rule.below && !(complete < *rule.below)) continue;
    if (rule.up_to && complete > *rule.up_to) continue;
    if (rule.overdue && !overdue) continue;
    return i;
  }
  return std::nullopt;
}

bool has_actions(const model::Dataset& dataset) {
  return std::any_of(dataset.inspections.begin(), dataset.inspections.end(), [](const model::Inspection& i) {
    return std::any_of(i.findings.begin(), i.findings.end(),
                       [](const model::Finding& f) { return !f.actions.empty(); });
  });
}

}  // namespace hmicfrs::query
