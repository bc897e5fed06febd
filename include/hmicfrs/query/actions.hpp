#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// An action as of `as_of`: the fold of its entries dated by then, from open at 0 %, owned by `finding_owner`
// unless it names its own.
answers::ActionState action_state(const model::Action& action, std::string_view finding_owner,
                                  const model::Date& as_of);

// Every action of a finding as of `as_of`, in file order.
std::vector<answers::ActionState> action_states(const model::Finding& finding, std::string_view finding_owner,
                                                const model::Date& as_of);

// "Actions complete (%)" as of `as_of`: the unweighted mean of the actions' counted progress (a closed action counts
// 100); none for a finding without actions. Nothing is allocated: the rules ask it each time a state is asked for.
std::optional<double> actions_complete(const model::Finding& finding, const model::Date& as_of);

// The first rule of `action_ratings` that a finding with actions `complete` per cent done, overdue or not, meets;
// none when no rule does. Returns its position from 0. Callers give the percentage as shown (whole_percent), so
// that a finding shown 50% complete is not rated as under 50.
std::optional<std::size_t> matching_action_rule(const std::vector<model::ActionRule>& rules, double complete,
                                                bool overdue);

// Whether any finding of the register has actions.
bool has_actions(const model::Dataset& dataset);

}  // namespace hmicfrs::query
