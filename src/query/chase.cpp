#include <hmicfrs/query/chase.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::query {
namespace {

constexpr int k_default_days = 28;

model::Date days_after(const model::Date& date, int days) {
  return model::Date::from_ymd(std::chrono::year_month_day(date.first_day().sys_days() + std::chrono::days(days)));
}

// Why `row` is chased, or nothing when it is not.
std::optional<answers::ChaseItem> chase_item(const model::Dataset& dataset, const answers::FindingRow& row,
                                             const model::Date& until) {
  if (!row.state.counted() || !model::is_open(row.state.status)) return std::nullopt;
  answers::ChaseItem item{row, row_of(dataset, *row.inspection, *row.finding, until)};
  const model::Rating* rating = item.at_cut_off.state.rating;
  item.needs_attention = rating != nullptr && rating->attention;
  item.overdue = row.overdue;
  item.due_soon = !row.overdue && item.at_cut_off.overdue;
  item.stale = item.at_cut_off.stale;
  item.unrated = row.state.rating == nullptr;
  if (!(item.needs_attention || item.overdue || item.due_soon || item.stale || item.unrated)) return std::nullopt;
  return item;
}

}  // namespace

util::Result<answers::Chase> chase(const model::Dataset& dataset, const model::Date& as_of,
                                   const ChaseOptions& options) {
  answers::Chase out;
  out.as_of = as_of;
  out.config = &dataset.config;
  out.by_portfolio = options.by_portfolio;
  for (const answers::MeetingWindow& window : meeting_windows(dataset)) {
    if (window.meeting->cut_off() >= as_of) {
      out.meeting = window.meeting;
      break;
    }
  }
  out.until = options.within_days ? days_after(as_of, *options.within_days)
              : out.meeting       ? out.meeting->cut_off()
                                  : days_after(as_of, k_default_days);
  out.ends_at_paper = out.meeting != nullptr && out.until == out.meeting->cut_off();
  out.reply_by = out.until;
  if (out.meeting != nullptr) {
    const model::Date paper_reply_by = out.meeting->as_of
                                           ? *out.meeting->as_of
                                           : days_after(out.meeting->date, -dataset.config.reply_days_before_meeting);
    out.reply_by = std::min(out.until, paper_reply_by);
  }
  out.reply_late = out.reply_by < as_of;

  // Grouped as `rag --by owner` (or portfolio) groups, and in its order. Every group of an open finding,
  // chased or not, is known, so that a name given to --owner is checked against the register.
  const answers::Grouping grouping = options.by_portfolio ? answers::Grouping::portfolio : answers::Grouping::owner;
  const TextSearch wanted(options.owner);
  std::map<GroupKey, answers::ChaseGroup> groups;
  std::map<GroupKey, std::string> role_of;  // whose address a group's message goes to: the owner, or the lead
  std::set<std::string_view> names;
  bool any_named = false;
  const std::vector<answers::FindingRow> rows = findings_as_of(dataset, as_of);  // the groups' keys view them
  const auto group_of = [&](const GroupKey& key, const answers::FindingRow& row) -> answers::ChaseGroup& {
    answers::ChaseGroup& group = groups[key];
    group.name = std::string(key.label);
    role_of[key] = options.by_portfolio ? (row.portfolio != nullptr ? row.portfolio->lead : "") : std::string(key.key);
    return group;
  };
  for (const answers::FindingRow& row : rows) {
    if (!model::is_open(row.state.status)) continue;
    GroupKey key = group_key(row, grouping, dataset.config);
    names.insert(key.label);
    if (wanted.found_in(key.label)) {
      any_named = true;
      if (auto item = chase_item(dataset, row, out.until)) group_of(key, row).items.push_back(std::move(*item));
    }
    // An action goes to whoever owns it: its own owner, else its finding's (or, by portfolio, to its finding's).
    for (const answers::ActionState& action : row.actions) {
      if (action.status != model::ActionStatus::open || !action.action->due) continue;
      const bool due_soon = !action.overdue && !(out.until < action.action->due->last_day());
      if (!action.overdue && !due_soon) continue;
      const GroupKey action_key = options.by_portfolio ? key : owner_key(action.owner);
      names.insert(action_key.label);
      if (!wanted.found_in(action_key.label)) continue;
      any_named = true;
      group_of(action_key, row).actions.push_back({row.finding, action, due_soon});
    }
  }
  // The commissioner's office is asked about responses, as an owner is about findings.
  const model::Config& config = dataset.config;
  out.commissioner = config.commissioner && !config.commissioner->title.empty() ? config.commissioner->title
                     : config.commissioner && !config.commissioner->name.empty()
                         ? config.commissioner->name
                         : std::string(answers::k_commissioner_office);
  if (config.commissioner) out.commissioner_email = config.commissioner->email;
  out.tracks_responses = tracks_responses(dataset);
  if (out.tracks_responses) {
    names.insert(out.commissioner);
    if (wanted.found_in(out.commissioner)) {
      any_named = true;
      out.responses = responses_to_chase(dataset, as_of, out.until);
    }
  }
  if (!options.owner.empty() && !any_named) {
    std::vector<std::string_view> known(names.begin(), names.end());
    return util::Error{fmt::format("no open finding's {} holds '{}'{}", options.by_portfolio ? "portfolio" : "owner",
                                   options.owner, util::did_you_mean(options.owner, known))};
  }
  for (auto& [key, group] : groups) {
    group.role = role_of[key];
    if (const model::OwnerAddress* address = dataset.config.find_owner(group.role)) group.email = address->email;
    out.groups.push_back(std::move(group));
  }
  return out;
}

}  // namespace hmicfrs::query
