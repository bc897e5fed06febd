#include <hmicfrs/query/changes.hpp>

#include <chrono>
#include <map>

#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

// The day before the first a register may hold (model::Date takes years from 1900).
const model::Date k_before_every_date = model::Date::from_ymd(std::chrono::year{1899} / 12 / 31);

// Unrated sorts first, then the ratings in the vocabulary's order.
std::size_t rank(const model::Vocabulary& vocabulary, const model::Rating* rating) {
  return rating == nullptr ? 0 : static_cast<std::size_t>(rating - vocabulary.ratings.data()) + 1;
}

bool same_date(const std::optional<model::Date>& a, const std::optional<model::Date>& b) {
  return a.has_value() == b.has_value() && (!a || *a == *b);
}

answers::FindingChange change_of(const model::Dataset& dataset, const model::Inspection& inspection,
                                 const model::Finding& finding, const answers::Window& window) {
  answers::FindingChange c{&inspection, &finding, {}, state_as_of(dataset, inspection, finding, window.until)};
  // A window with no start starts before every date a register may hold: its states known only as at a day in
  // it are where it starts from too.
  c.before = state_as_of(dataset, inspection, finding, window.after.value_or(k_before_every_date), window.until);
  c.added = !c.before.recorded;
  c.rag_moved = !c.added && model::is_open(c.before.status) && model::is_open(c.after.status) &&
                c.before.rating != c.after.rating;
  c.status_changed = !c.added && c.before.status != c.after.status;
  c.closed = model::is_open(c.before.status) && !model::is_open(c.after.status);
  c.allocated = window.after && c.before.owner.empty() && !c.after.owner.empty() && model::is_open(c.after.status);
  c.target_moved = !c.added && c.before.due && !same_date(c.before.due, c.after.due);
  return c;
}

std::vector<answers::RagMove> rag_moves(const model::Vocabulary& vocabulary,
                                        const std::vector<answers::FindingChange>& changes) {
  std::map<std::pair<std::size_t, std::size_t>, answers::RagMove> moves;
  for (const answers::FindingChange& change : changes) {
    if (!change.rag_moved) continue;
    answers::RagMove& move = moves[{rank(vocabulary, change.before.rating), rank(vocabulary, change.after.rating)}];
    move.from = change.before.rating;
    move.to = change.after.rating;
    ++move.count;
  }
  std::vector<answers::RagMove> out;
  for (const auto& [key, move] : moves) out.push_back(move);
  return out;
}

// Its latest entry in the window when that one gives a state as at a date: a state the window records only as
// at a day, which no dated entry after it changed.
const model::HistoryEntry* latest_as_at(const model::Finding& finding, const answers::Window& window) {
  const model::HistoryEntry* latest = nullptr;
  for (const model::HistoryEntry& entry : finding.history) {
    if (in_window(window, entry.date)) latest = &entry;
  }
  return latest != nullptr && latest->as_at ? latest : nullptr;
}

}  // namespace

answers::Movement movement_in(const model::Dataset& dataset, const answers::Window& window) {
  answers::Movement movement;
  movement.window = window;
  movement.vocabulary = &dataset.config.vocabulary;
  std::map<model::Date, int> as_at;
  for (const model::Inspection* inspection : inspections_by_id(dataset)) {
    for (const model::Finding& finding : inspection->findings) {
      answers::FindingChange change = change_of(dataset, *inspection, finding, window);
      // A cause of concern moves with its recommendations, a repeat with the earlier finding: each told once.
      if (!change.after.recorded || !change.after.counted()) continue;
      // A finding new in the window is told as added, whatever its state.
      if (const model::HistoryEntry* known = latest_as_at(finding, window); known != nullptr && !change.added) {
        ++as_at[known->date];
      }
      if (!(change.added || change.rag_moved || change.status_changed || change.allocated || change.target_moved)) {
        continue;
      }
      const std::size_t at = movement.changes.size();
      for (const auto& [made, list] : {std::pair{change.added, &movement.added},
                                       {change.rag_moved, &movement.rag_moved},
                                       {change.status_changed, &movement.status_changed},
                                       {change.closed, &movement.closed},
                                       {change.allocated, &movement.allocated},
                                       {change.target_moved, &movement.targets_moved}}) {
        if (made) list->push_back(at);
      }
      movement.changes.push_back(std::move(change));
    }
  }
  movement.rag_moves = rag_moves(dataset.config.vocabulary, movement.changes);
  std::map<model::Status, int> closings;
  for (const std::size_t at : movement.closed) ++closings[movement.changes[at].after.status];
  for (const auto& [status, count] : closings) movement.closings.push_back({status, count});
  for (const auto& [date, count] : as_at) movement.recorded_as_at.push_back({date, count});
  return movement;
}

}  // namespace hmicfrs::query
