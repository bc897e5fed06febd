#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/window.hpp>

namespace hmicfrs::answers {

// A finding's state at both ends of a window, and what changed between them.
struct FindingChange {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
  FindingState before;          // just before the window (at `after`)
  FindingState after;           // at its end (`until`)
  bool added = false;           // recorded in the window: its report came out, or its first entry was made
  bool rag_moved = false;       // open at both ends, with another rating (or none) at the end
  bool status_changed = false;  // recorded before, with another status at the end
  bool closed = false;          // open before (or new), not open at the end
  bool allocated = false;       // open and without an owner before (or new without one), with one at the end
  bool target_moved = false;    // recorded before with a target, which moved
};

// How many findings had their state recorded as at one date (the day it came about not known): changes
// nobody dated, which the movement does not tell as changes.
struct AsAtCount {
  model::Date date;
  int count = 0;
};

// How many open findings moved from one rating to another ("3 amber -> green").
struct RagMove {
  const model::Rating* from = nullptr;  // none: unrated
  const model::Rating* to = nullptr;
  int count = 0;
};

// `changes`, and the paper's movement since the last committee: the findings
// that changed in a window, in finding order, and each kind of change as the
// positions in `changes` of the findings that made it, so that every list and
// every count is taken once, here.
struct Movement {
  Window window;
  const model::Vocabulary* vocabulary = nullptr;
  std::vector<FindingChange> changes;
  std::vector<std::size_t> added;           // recorded in the window
  std::vector<std::size_t> rag_moved;       // open at both ends, with another rating
  std::vector<std::size_t> status_changed;  // recorded before, with another status
  std::vector<std::size_t> closed;          // closed in the window, superseded or no longer monitored included
  std::vector<std::size_t> allocated;       // given an owner
  std::vector<std::size_t> targets_moved;   // their target moved
  std::vector<RagMove> rag_moves;           // ordered by from then to: unrated first, then the vocabulary's order
  std::vector<ClosingCount> closings;       // the closed ones by how they closed, in status order
  std::vector<AsAtCount> recorded_as_at;    // findings whose state the window records only as at a date, by date
};

}  // namespace hmicfrs::answers
