#pragma once

#include <optional>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {

// A finding's state at both ends of a window: just before it (at `after`) and
// at its end (`until`).
struct FindingChange {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
  FindingState before;
  FindingState after;

  // Recorded in the window: its report came out, or its first entry was made.
  bool is_new() const { return !before.recorded; }
  // Open at both ends, with a different rating (or none) at the end.
  bool rag_moved() const;
  // Recorded before, with another status at the end.
  bool status_changed() const { return !is_new() && before.status != after.status; }
  // Open before (or new), not open at the end: closed, superseded or no longer monitored.
  bool closed() const { return model::is_open(before.status) && !model::is_open(after.status); }
};

// The findings that changed in `window`, in the order of findings_as_of.
std::vector<FindingChange> changes_in(const model::Dataset& dataset, const Window& window);

// How many open findings moved from one rating to another ("3 amber -> green").
struct RagMove {
  std::optional<model::Rag> from;  // none: unrated
  std::optional<model::Rag> to;
  int count = 0;
};

// The RAG moves of `changes`, summed, ordered by from then to (unrated first, then red, amber, green).
std::vector<RagMove> rag_moves(const std::vector<FindingChange>& changes);

}  // namespace hmicfrs::query
