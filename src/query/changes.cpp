#include <hmicfrs/query/changes.hpp>

#include <algorithm>
#include <map>

#include <hmicfrs/query/findings.hpp>

namespace hmicfrs::query {
namespace {

// Unrated sorts before red, amber and green.
int rank(const std::optional<model::Rag>& rag) { return rag ? static_cast<int>(*rag) + 1 : 0; }

}  // namespace

bool FindingChange::rag_moved() const {
  return !is_new() && model::is_open(before.status) && model::is_open(after.status) && before.rag != after.rag;
}

std::vector<FindingChange> changes_in(const model::Dataset& dataset, const Window& window) {
  std::vector<FindingChange> out;
  for (const model::Inspection* inspection : inspections_by_id(dataset)) {
    for (const model::Finding& finding : inspection->findings) {
      FindingChange change;
      change.inspection = inspection;
      change.finding = &finding;
      change.after = state_as_of(*inspection, finding, window.until);
      if (window.after) change.before = state_as_of(*inspection, finding, *window.after);
      if (!change.after.recorded) continue;
      if (change.is_new() || change.rag_moved() || change.status_changed()) out.push_back(change);
    }
  }
  return out;
}

std::vector<RagMove> rag_moves(const std::vector<FindingChange>& changes) {
  std::map<std::pair<int, int>, RagMove> moves;
  for (const FindingChange& change : changes) {
    if (!change.rag_moved()) continue;
    RagMove& move = moves[{rank(change.before.rag), rank(change.after.rag)}];
    move.from = change.before.rag;
    move.to = change.after.rag;
    ++move.count;
  }
  std::vector<RagMove> out;
  for (const auto& [key, move] : moves) out.push_back(move);
  return out;
}

}  // namespace hmicfrs::query
