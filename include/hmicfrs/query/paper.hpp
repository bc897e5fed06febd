#pragma once

#include <optional>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/peel.hpp>

namespace hmicfrs::query {

// Everything one meeting's paper reports (SPEC §6), gathered as of its cut-off.
struct Paper {
  const model::Dataset* dataset = nullptr;
  const model::Meeting* meeting = nullptr;
  Window window;  // since the last committee, up to this paper's date

  // 2. The latest PEEL assessment, its findings, and the one before it when
  // that was graded on another scale (so the paper can warn).
  std::optional<PeelTable> peel;
  std::vector<FindingRow> peel_findings;
  std::optional<PeelAssessment> earlier_peel_on_other_scale;

  std::vector<const model::Inspection*> activity;        // 3. fieldwork in the window
  std::vector<const model::Inspection*> notified;        // 4. notified, not yet started
  std::vector<const model::Inspection*> published;       // 5. reports out in the window (PEEL aside)
  std::vector<const model::Inspection*> published_peel;  // 5. PEEL reports out in the window, covered in 2

  // 6. The tracker.
  std::vector<FindingRow> rows;  // every finding recorded by the date
  std::vector<RagGroup> by_portfolio;
  RagCounts total;
  std::vector<FindingChange> changes;  // in the window
  std::vector<FindingRow> overdue;
  std::vector<FindingRow> stale;

  std::vector<FindingRow> red;  // 7. open and rated red

  // 8. Every report the paper mentions, by publication date then id.
  std::vector<const model::Inspection*> background;

  const model::Date& as_of() const { return window.until; }
};

// The paper for `meeting`, as of `as_of` (its cut-off, unless told otherwise).
Paper assemble_paper(const model::Dataset& dataset, const MeetingWindow& meeting, const model::Date& as_of);

}  // namespace hmicfrs::query
