#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/window.hpp>

namespace hmicfrs::answers {

// The paper's account of the latest PEEL assessment.
struct PeelSection {
  PeelTable table;
  std::optional<PeelAssessment> earlier_in_other_cycle;  // the one before, when in another cycle (or scale)
  std::vector<FindingRow> findings;                      // the assessment's findings
  RagCounts finding_counts;
};

// A report published in the paper's window, with its findings.
struct PublishedReport {
  const model::Inspection* inspection = nullptr;
  std::vector<FindingRow> findings;
  bool all_national = false;                           // every finding is made to all forces
  const model::Inspection* continuing_from = nullptr;  // the inspection its counts say it continues
};

// An inspection active in the paper's window, with what of its timeline fell in it.
struct Activity {
  const model::Inspection* inspection = nullptr;
  std::vector<const model::FieldworkPhase*> phases;           // phases begun in the window: done or under way
  std::vector<const model::InspectionEvent*> events;          // hot debriefs, suspensions, resumptions in the window
  std::vector<const model::FieldworkPhase*> phases_to_come;   // not begun by the paper's date
  std::vector<const model::InspectionEvent*> events_to_come;  // planned: a resumption, a debrief
  bool published = false;                                     // its report is out by the paper's date
  std::optional<model::Date> draft_expected;                  // while no draft has come and no report is out
};

// A report the meeting goes through finding by finding.
struct ReviewedReport {
  const model::Inspection* inspection = nullptr;
  std::vector<FindingRow> findings;  // every finding recorded by the date, in the order of the report
  RagCounts counts;
};

// An outstanding finding the paper gives in full: why it has its rating, and what it answers or repeats.
struct RedFinding {
  FindingRow row;
  const model::Finding* cause_of_concern = nullptr;  // the cause of concern it answers, quoted with it
  std::vector<FindingRef> repeated_in;               // later reports that re-issued it
};

// Everything one meeting's paper reports (SPEC §6), gathered as of its cut-off.
struct Paper {
  const model::Meeting* meeting = nullptr;
  const model::Vocabulary* vocabulary = nullptr;
  Window window;  // since the last committee, up to this paper's date

  std::string title;
  std::string committee;
  std::string force;
  std::string inspectorate;  // its name on the paper's date: HMIC before 19 July 2017, else HMICFRS
  std::string purpose;       // the configuration's, else the usual one
  std::string decision;      // likewise
  model::Contact contact;    // the meeting's, else the configuration's
  int stale_after_days = 0;

  std::vector<model::PaperSection> sections;  // the register's or meeting's choice, else the usual layout
  bool notified_with_activity = true;         // inspections notified are told in the activity section
  bool peel_narratives = true;                // the PEEL narratives in full (the first paper after publication)

  std::optional<PeelSection> peel;                         // the latest PEEL assessment with grades
  std::vector<const model::Inspection*> peel_ungraded;     // PEEL reports out by the date, none with grades recorded
  std::vector<const model::Inspection*> peel_in_progress;  // PEEL inspections known and not yet published
  std::vector<Activity> activity;                          // fieldwork (or its timeline) in the window
  std::vector<const model::Inspection*> drafts;            // draft reports received by the date, not yet published
  std::vector<const model::Inspection*> notified;          // notified, not yet started
  std::vector<PublishedReport> published;                  // reports out in the window (PEEL aside)
  std::vector<const model::Inspection*> published_peel;    // PEEL reports out in the window, covered with PEEL
  std::vector<ReviewedReport> review;                      // reports the meeting names to go through in full

  // The tracker.
  std::vector<RagGroup> by_portfolio;
  std::vector<RagGroup> by_status;  // awaiting allocation first, then statuses in order
  std::vector<RagGroup> by_report;  // with publication dates, for the share completed
  RagCounts total;
  Movement movement;  // in the window
  Outstanding outstanding;
  std::vector<RedFinding> red;  // the outstanding findings with a rating listed in full

  std::vector<const model::Inspection*> background;  // every report the paper mentions, by publication date then id

  const model::Date& as_of() const { return window.until; }
};

}  // namespace hmicfrs::answers
