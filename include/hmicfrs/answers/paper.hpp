#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/oversight.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/window.hpp>

// The committee paper (SPEC §6) as answers: one answer type per section, each
// computed by the function its entry in query's section table names
// (`k_sections` in `query/paper.cpp`), worded by the overload of its type in render/.

namespace hmicfrs::answers {

// An inspection's date as the paper gives it: a month-only date that has begun
// by the paper's date is a record of when, not a plan, and needs no "date TBC".
struct PaperDate {
  model::Date date;
  bool begun = false;  // its first day is on or before the paper's date
};

// A period as the paper gives it.
struct PaperPeriod {
  PaperDate from;
  std::optional<PaperDate> to;
};

// "Purpose of report".
struct PurposeSection {
  std::string text;  // the configuration's, else the usual one
};

// A PEEL inspection known and not yet published.
struct PeelInProgress {
  const model::Inspection* inspection = nullptr;
  std::optional<PaperDate> notified;
  std::optional<PaperPeriod> fieldwork;
  bool draft_in = false;             // its draft report has come: its summary and findings are told
  std::vector<FindingRow> findings;  // those the register records by the paper's date
};

// A PEEL report without grades (the pillar reports of 2015, a report that made no graded judgement), with
// its findings.
struct UngradedPeelReport {
  const model::Inspection* inspection = nullptr;
  bool summary_quoted = false;  // the first paper after its publication quotes its summary
  std::vector<FindingRow> findings;
  RagCounts finding_counts;
};

// "PEEL inspection": the latest assessment with grades, else the PEEL reports without them.
struct PeelSection {
  struct Graded {
    PeelTable table;
    std::optional<PeelAssessment> earlier_in_other_cycle;  // the one before, when in another cycle (or scale)
    bool scales_differ = false;                            // that one graded on another scale
    bool narratives = true;                                // in full: the first paper after publication
    bool has_narratives = false;                           // the register holds a narrative for some area
    std::vector<FindingRow> findings;                      // the findings of every report of the cycle
    RagCounts finding_counts;
    std::vector<const model::Inspection*> summaries;  // its reports whose summaries are quoted: at the
                                                      // first paper after their publication
  };
  std::optional<Graded> graded;
  std::vector<UngradedPeelReport> ungraded;  // PEEL reports out by the date without grades, since the latest graded
  std::vector<PeelInProgress> in_progress;         // PEEL inspections known and not yet published
  std::optional<Monitoring> monitoring;            // when the register records the force's monitoring phase
};

// A phase of an inspection's fieldwork, dated as the paper gives it.
struct PhaseTold {
  const model::FieldworkPhase* phase = nullptr;
  PaperPeriod when;
};

// An inspection active in the paper's window, with what of its timeline fell in it.
struct Activity {
  const model::Inspection* inspection = nullptr;
  std::optional<PaperPeriod> fieldwork;
  std::optional<PaperPeriod> published;                       // once its report is out by the paper's date
  std::vector<PhaseTold> phases;                              // phases begun in the window: done or under way
  std::vector<const model::InspectionEvent*> events;          // hot debriefs, suspensions, resumptions in the window
  std::vector<PhaseTold> phases_to_come;                      // not begun by the paper's date
  std::vector<const model::InspectionEvent*> events_to_come;  // planned: a resumption, a debrief
  std::optional<model::Occasion> draft_expected;              // while no draft has come and no report is out
  std::optional<PaperPeriod> publication_expected;            // while no report is out
};

// A draft report received by the paper's date and not yet published.
struct Draft {
  const model::Inspection* inspection = nullptr;
  std::optional<PaperDate> received;  // none: the register does not say when
  std::optional<PaperPeriod> publication_expected;
  std::optional<PaperPeriod> fieldwork;
  const model::Inspection* continuing_from = nullptr;  // the inspection its counts say it continues
};

// An inspection notified and not yet started, with when it is due, phase by phase where it has phases.
struct Notified {
  const model::Inspection* inspection = nullptr;
  std::optional<PaperPeriod> fieldwork;
  std::vector<PhaseTold> phases;
};

// "Inspections notified", alone or told with the activity.
struct NotifiedSection {
  std::vector<Notified> inspections;
  std::vector<const model::Inspection*> undated;  // known of with no date at all: expected, not notified
};

// The inspections notified, told in the activity section when the paper has no section of its own for them.
struct NotifiedTold {
  std::string title;  // the notified section's title
  std::string note;   // the meeting's own words for it, if any
  NotifiedSection list;
};

// "Inspection activity since the last committee".
struct ActivitySection {
  std::vector<Activity> activity;       // fieldwork (or its timeline) in the window
  std::vector<Draft> drafts;            // draft reports received by the date, not yet published
  std::optional<NotifiedTold> notified;
};

// A report published in the paper's window, with its findings.
struct PublishedReport {
  const model::Inspection* inspection = nullptr;
  PaperPeriod published;
  std::vector<FindingRow> findings;
  bool all_national = false;                           // every finding is made to all forces
  const model::Inspection* continuing_from = nullptr;  // the inspection its counts say it continues
};

// "Reports published since the last committee".
struct PublishedSection {
  std::string inspectorate;
  std::vector<const model::Inspection*> peel;  // PEEL reports out in the window, covered with PEEL
  int peel_section = 0;                        // the number of the section that covers them; 0: none
  std::vector<PublishedReport> reports;        // the others, in the order they came out
};

// A finding of a report under review, with what its row shows.
struct ReviewedFinding {
  FindingRow row;
  const model::HistoryEntry* latest_note = nullptr;  // the latest entry that holds a note
  std::optional<PaperDate> due;                      // its current target
  FindingLinks links;                                // what it answers, repeats, supersedes, relates to
};

// The findings of a report under review that the register groups under one theme.
struct ReviewTheme {
  std::string_view name;              // empty: the findings with no theme
  std::vector<std::size_t> findings;  // positions in the report's findings, in its order
};

// A report the meeting goes through finding by finding.
struct ReviewedReport {
  const model::Inspection* inspection = nullptr;
  std::optional<PaperDate> published;
  std::vector<ReviewedFinding> findings;  // every finding recorded by the date, in the order of the report
  RagCounts counts;
  std::vector<ReviewTheme> themes;  // in the order each theme first appears; none when no finding has a theme
};

// "Reports under review".
struct ReviewSection {
  std::vector<ReviewedReport> reports;
};

// An open finding counted with actions, with how many of them are closed and overdue.
struct FindingActions {
  FindingRow row;
  int closed = 0;
  int overdue = 0;
};

// The tracker's actions: how many of the open counted findings' actions are open, closed and overdue, and each such
// finding in row order. A cause of concern's and a repeat's findings are counted where their state is, and have no
// actions of their own.
struct TrackerActions {
  int open = 0;
  int closed = 0;
  int overdue = 0;
  std::vector<FindingActions> findings;
};

// "Recommendation tracker": the register's counts, its movement in the window, what is overdue and stale.
struct TrackerSection {
  std::vector<RagGroup> by_portfolio;
  std::vector<RagGroup> by_status;  // awaiting allocation first, then statuses in order
  std::vector<RagGroup> by_report;  // with publication dates and the share completed
  std::vector<RagGroup> by_priority;  // when the register declares priorities, each of them
  // When the register asks for a table per priority: each priority's findings by portfolio.
  struct PriorityTable {
    const model::Priority* priority = nullptr;
    std::vector<RagGroup> by_portfolio;
    RagCounts total;
  };
  std::vector<PriorityTable> per_priority;
  std::string_view priority_title;  // what the register calls its priorities
  RagCounts total;
  Movement movement;  // in the window
  std::vector<FindingRow> overdue;
  std::vector<FindingRow> stale;
  int stale_after_days = 0;
  std::optional<TrackerActions> actions;  // when the register's open findings have actions
};

// An outstanding finding the paper gives in full: why it has its rating, and what it answers or repeats.
struct RedFinding {
  FindingRow row;
  const model::Finding* cause_of_concern = nullptr;      // the cause of concern it answers, quoted with it
  FindingLinks links;                                    // what it repeats, supersedes, relates to, both ways
  std::optional<PaperDate> due;                          // its current target
  std::optional<PaperDate> inspectorate_due;             // the deadline the inspectorate set, if any
  const model::HistoryEntry* latest_update = nullptr;    // the latest note, unless its entry is the one that wrote
                                                         // its rating or moved its target (shown with those)
};

// "Outstanding findings assessed red" (or with whichever ratings the vocabulary marks `attention`).
struct RedSection {
  std::vector<std::string> attention;  // the ratings listed in full, as the register labels them
  std::vector<RedFinding> findings;
  std::vector<RedFinding> not_implemented;  // declined, with one of those ratings: will not be implemented
};

// "Recommendation to the Committee", its contact officer and background documents.
struct DecisionSection {
  std::string decision;      // the configuration's, else the usual one
  model::Contact contact;    // the meeting's, else the configuration's
  std::vector<const model::Inspection*> background;  // every report the paper mentions, by publication then id
  std::vector<const model::BackgroundDocument*>
      documents;  // the register's own: the configuration's, then the meeting's
};

using SectionBody = std::variant<PurposeSection, PeelSection, ActivitySection, NotifiedSection, PublishedSection,
                                 ReviewSection, TrackerSection, RedSection, DecisionSection, ResponsesSection>;

// One numbered section of the paper: its answer, under the title query gave it.
struct PaperSection {
  model::Section id = model::Section::purpose;
  int number = 0;
  std::string title;
  std::string note;  // the meeting's own words for it (Markdown), if any
  SectionBody body;
};

// Everything one meeting's paper reports, gathered as of its cut-off.
struct Paper {
  const model::Meeting* meeting = nullptr;
  const model::Vocabulary* vocabulary = nullptr;
  Window window;  // since the last committee, up to this paper's date

  std::string title;
  std::string committee;
  std::string force;
  std::string inspectorate;  // its name on the paper's date: HMIC before 19 July 2017, else HMICFRS
  model::PaperDates dates = model::PaperDates::words;  // how its tables write dates
  bool has_actions = false;  // some finding of the register has actions: its workbook's findings give their progress

  std::vector<PaperSection> sections;  // the register's or meeting's choice, else the usual layout, in order

  const model::Date& as_of() const { return window.until; }
};

}  // namespace hmicfrs::answers
