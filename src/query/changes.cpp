#include <hmicfrs/query/changes.hpp>

#include <map>

#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

// Unrated sorts before red, amber and green.
int rank(const std::optional<model::Rag>& rag) { return rag ? static_cast<int>(*rag) + 1 : 0; }

answers::FindingChange change_of(const model::Inspection& inspection, const model::Finding& finding,
                                 const answers::Window& window) {
  answers::FindingChange c{&inspection, &finding, {}, state_as_of(inspection, finding, window.until)};
  if (window.after) c.before = state_as_of(inspection, finding, *window.after);
  c.added = !c.before.recorded;
  c.rag_moved =
      !c.added && model::is_open(c.before.status) && model::is_open(c.after.status) && c.before.rag != c.after.rag;
  c.status_changed = !c.added && c.before.status != c.after.status;
  c.closed = model::is_open(c.before.status) && !model::is_open(c.after.status);
  return c;
}

std::vector<answers::RagMove> rag_moves(const std::vector<answers::FindingChange>& changes) {
  std::map<std::pair<int, int>, answers::RagMove> moves;
  for (const answers::FindingChange& change : changes) {
    if (!change.rag_moved) continue;
    answers::RagMove& move = moves[{rank(change.before.rag), rank(change.after.rag)}];
    move.from = change.before.rag;
    move.to = change.after.rag;
    ++move.count;
  }
  std::vector<answers::RagMove> out;
  for (const auto& [key, move] : moves) out.push_back(move);
  return out;
}

}  // namespace

answers::Movement movement_in(const model::Dataset& dataset, const answers::Window& window) {
  answers::Movement movement{window, {}, {}, 0, 0, 0};
  for (const model::Inspection* inspection : inspections_by_id(dataset)) {
    for (const model::Finding& finding : inspection->findings) {
      answers::FindingChange change = change_of(*inspection, finding, window);
      if (!change.after.recorded || !(change.added || change.rag_moved || change.status_changed)) continue;
      movement.added += change.added ? 1 : 0;
      movement.rag_moved += change.rag_moved ? 1 : 0;
      movement.closed += change.closed ? 1 : 0;
      movement.changes.push_back(std::move(change));
    }
  }
  movement.rag_moves = rag_moves(movement.changes);
  return movement;
}

}  // namespace hmicfrs::query
