#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/peel.hpp>
#include <hmicfrs/model/text.hpp>

namespace hmicfrs::model {

// A value together with where the data wrote it, for references that
// validation may have to point back at.
template <class T>
struct Located {
  T value{};
  diag::Location location;
};

// Who to contact about a paper.
struct Contact {
  std::string name;
  std::string title;
  std::string email;
  std::string phone;
};

// An area of the force's business that owns findings (declared in the config).
struct Portfolio {
  std::string id;
  std::string name;
  std::string lead;  // a role, e.g. "Assistant Chief Constable (Crime)"
  diag::Location location;
};

// One value of the register's priority dimension: internal audit's priorities, or the auditor a finding
// came from, as a force's tracker groups them besides portfolio.
struct Priority {
  std::string id;
  std::string name;
  diag::Location location;
};

// The register's priority dimension (`priorities` in the configuration): what the paper calls it, its values in
// order, and whether the tracker gives one table per value.
struct Priorities {
  std::string title = "Priority";
  std::vector<Priority> values;
  bool table_each = false;

  const Priority* find(std::string_view id) const;
};

// A document a paper lists among its background documents that is not an inspection report: an improvement
// plan, a previous paper.
struct BackgroundDocument {
  std::string title;
  std::string url;
  std::optional<Date> date;
  diag::Location location;
};

// Where to write to whoever holds a role that owns findings (`owners` in the
// configuration), for the messages `chase` drafts.
struct OwnerAddress {
  std::string role;   // as findings and history entries write `owner`
  std::string email;  // one address, name@domain
  diag::Location location;
};

// The spelling of ids (SPEC §3), one rule for the loader and the import: a slug is lower-case letters, digits
// and hyphens, with no hyphen at either end ("peel-2021-22"); a finding's ref starts with a letter or digit and
// holds letters, digits, '.' and '-' ("AFI3", "R1.2").
bool is_slug(std::string_view text);
bool is_finding_ref(std::string_view text);

// Whether `email` is one plain address, name@domain: no display name, brackets, spaces or a second address,
// so that nothing can be smuggled into the headers of the messages `chase` drafts, and no longer than an
// address may be (RFC 5321: 64 characters before the @, 254 in all).
bool is_plain_address(std::string_view email);

// When a finding takes a rating without one being written: while open and
// past the force's current target, or while it has one of the statuses.
struct RatingRule {
  bool overdue = false;
  std::vector<Status> statuses;
};

// One word of a register's rating vocabulary (SPEC §2).
struct Rating {
  std::string id;          // as history entries write it, e.g. "red"
  std::string label;       // the word every output prints, e.g. "Red"
  std::string meaning;     // what the force means by it
  std::string colour;      // "#rrggbb"
  Marks marks = Marks::open;  // given to open findings, to closed ones (GREEN = implemented), or to both
  bool attention = false;     // listed in full in the paper's section of outstanding findings rated red
  RatingRule derived_when;
  diag::Location location;

  bool marks_open() const { return marks != Marks::closed; }
  bool marks_closed() const { return marks != Marks::open; }
  // Whether a finding with this status may hold the rating.
  bool marks_status(Status status) const { return is_open(status) ? marks_open() : marks_closed(); }
};

// The colours a rating may name instead of writing "#rrggbb", in the order messages list them.
struct NamedColour {
  std::string_view name;
  std::string_view hex;
};
std::span<const NamedColour> named_colours();

// The grey a colour ("#rrggbb") prints as on a black-and-white copy, from 0 (black) to 255 (white): its luma,
// 0.3 R + 0.59 G + 0.11 B, as poppler's `pdftoppm -gray` and printers' drivers turn colour into grey.
int printed_grey(std::string_view hex);

// How far apart two ratings' greys must be to be told apart on a black-and-white copy.
inline constexpr int k_greys_apart = 40;

// The colour of findings not yet rated, beside `ratings` in a chart: of white and a few greys, the one whose
// grey is furthest from theirs (the lighter on a tie), so that it stays apart from each of them in print.
std::string unrated_colour(std::span<const std::string> rating_colours);

// The most ratings a register may declare (the loader refuses more).
inline constexpr std::size_t k_max_ratings = 100;

// How a register rates findings and names their statuses. The default is red,
// amber and green for open findings, red listed in full, statuses as named.
struct Vocabulary {
  std::vector<Rating> ratings;
  bool customised = false;                 // the register declares its own ratings
  std::vector<std::string> status_labels;  // indexed by Status

  Vocabulary();

  // The rating with this id, or none.
  const Rating* find(std::string_view id) const;
  // What the register calls a status: "Closed", or its own word ("Archived").
  const std::string& label(Status status) const;
  // The labels of the ratings it marks `attention` (listed in full in the paper), in its order.
  std::vector<std::string> attention_labels() const;
};

// The commissioner's response to inspection reports (s55(5A) Police Act 1996, inserted by s37(2) Policing and
// Crime Act 2017): the comments of the local policing body, with the chief officer's, published before the end of
// the 56 days beginning with the day the report is published, so the last day is publication + 55. The duty applies
// to reports published from 2 May 2017, the day SI 2017/399 reg. 4(a) brought s37 into force.
inline constexpr int k_response_days = 56;
Date response_duty_from();

// What the register says of a report's response (its `response:`).
struct ReportResponse {
  bool required = true;  // false: the force is not a subject of the report
  std::optional<Date> published;
  std::string url;
  Text note;
  diag::Location location;
};

// One change of the force's monitoring phase (`monitoring` in the configuration), from its day on.
struct MonitoringChange {
  Date date;
  MonitoringPhase phase = MonitoringPhase::scan;
  std::string reason;  // why HMICFRS moved the force
  std::string letter;  // the letter's web address, when published
  diag::Location location;
};

// One rule of `action_ratings`: the rating a finding with actions takes when the mean of its actions' progress is
// under `below` per cent, or at most `up_to` (half-open: [0, below) or [0, up_to]), and, with `overdue`, the
// finding is past its target. The rules are tried in order and the first that matches gives the rating.
struct ActionRule {
  Located<std::string> rating;  // a rating id of the vocabulary, for open findings (checked as the file is read)
  std::optional<int> below;
  std::optional<int> up_to;
  bool overdue = false;
  int number = 0;  // its place in the file's list, from 1, as messages and `show` name it
  diag::Location location;
};

// What a rule asks, as messages and `show` word it: "actions under 50% complete and past its target", "any other
// finding with actions" for a rule that asks nothing.
std::string action_rule_condition(const ActionRule& rule);

// A section a paper has, with its title when the register gives its own.
struct PaperSection {
  Section section = Section::purpose;
  std::string title;  // empty: the usual one
  diag::Location location;
};

// hmicfrs-track.yaml: who the register belongs to and how papers are written.
struct Config {
  std::string force_name;
  std::string force_short_name;
  std::string committee_name;
  std::string committee_short_name;
  std::string paper_title = "HMICFRS Update";
  std::string inspectorate;  // the name papers use; empty: HMIC or HMICFRS, as the paper's date has it
  // The protective marking of everything written from the register ("OFFICIAL-SENSITIVE"); empty: none.
  std::string marking;
  std::string purpose;
  std::string decision;
  std::vector<BackgroundDocument> background;  // listed in every paper besides the reports it mentions
  std::vector<PaperSection> sections;  // the paper's sections in order; empty: the usual layout
  Narratives peel_narratives = Narratives::first_paper;
  PaperDates paper_dates = PaperDates::words;  // how the paper's tables write dates
  Located<std::string> word_template;  // a .docx or .dotx in the register whose styles Word papers take
  Contact contact;
  std::vector<Portfolio> portfolios;
  Priorities priorities;
  std::vector<OwnerAddress> owners;
  Vocabulary vocabulary;
  int stale_after_days = 90;
  int reply_days_before_meeting = 14;  // `chase` asks for updates this many days before a meeting that gives no as_of
  // Responses to reports are tracked for every report published from this day (besides those with `response:`).
  std::optional<Located<Date>> responses_from;
  std::optional<Contact> commissioner;       // the commissioner's office, to whom `chase` addresses responses due
  std::vector<MonitoringChange> monitoring;  // oldest first
  std::vector<ActionRule> action_ratings;    // how a finding's actions rate it, in order; empty: they do not
  diag::Location location;
  IdIndex portfolio_index;

  const Portfolio* find_portfolio(std::string_view id) const;
  // The address of the role, compared ignoring case; none when `owners` does not give it.
  const OwnerAddress* find_owner(std::string_view role) const;
};

// One meeting of the committee (committees.yaml).
struct Meeting {
  std::string id;  // e.g. "2022-03"
  Date date;
  std::string agenda_item;
  std::optional<Date> as_of;             // the paper's cut-off; the meeting date when absent
  std::optional<Date> previous_cut_off;  // start of the window when the previous meeting is not listed
  std::optional<Contact> contact;
  std::map<Section, std::string> notes;      // Markdown per paper section
  std::vector<Located<std::string>> review;  // reports to go through finding by finding, in this order
  std::vector<PaperSection> sections;        // replaces the configuration's choice for this paper
  std::vector<BackgroundDocument> background;  // this paper's own background documents, after the configuration's
  diag::Location location;

  Date cut_off() const { return as_of.value_or(date); }
};

// A dated step in a finding's life; absent fields leave the state unchanged.
// An entry `as_at` a date holds from that date like any other, but says when
// the state was known, not when it changed: no answer reports it as a change
// on that day.
struct HistoryEntry {
  // The small fields first, so that they pack into 16 bytes, and words as Words and Text (8 bytes each): a
  // national register holds hundreds of thousands of entries.
  Date date;
  std::optional<Date> due;  // the force's target moved; the note says why
  std::optional<Status> status;
  std::optional<std::uint8_t> rating;  // the rating's position in the vocabulary (k_max_ratings at most); none when
                                       // absent or unknown
  bool as_at = false;  // `as_at` in the data: the state was known by `date`, the day it came about is not
  Located<Interned> rag;               // the rating as written, one of the vocabulary's ids once checked
  Located<Interned> by;                // the superseding finding, with status superseded
  std::optional<Interned> owner;       // allocated (or reallocated) to
  Text note;
  diag::Location location;
};

// A dated step of an action: its status, how far it has got, and why.
struct ActionEntry {
  Date date;
  std::optional<ActionStatus> status;
  std::optional<int> percent;  // complete, 0 to 100
  Text note;
  diag::Location location;
};

// One of the actions a force turns a finding into, with its own owner, target and history.
struct Action {
  Interned id;  // unique within its finding, e.g. "A1"
  Text title;
  Interned owner;  // empty: the finding's owner
  std::optional<Date> due;
  std::vector<ActionEntry> history;  // oldest first
  diag::Location location;           // of the id
};

// A cause of concern, recommendation, area for improvement or informal item.
struct Finding {
  Interned ref;  // unique within its inspection, e.g. "AFI3"
  Text id;       // unique in the register: "<inspection id>/<ref>"
  FindingType type = FindingType::recommendation;
  Scope scope = Scope::force;
  Text title;
  Text text;  // Markdown
  Interned owner;
  Located<Interned> portfolio;
  Located<Interned> priority;              // of the configuration's priority dimension
  Interned theme;                          // a heading the report's findings are grouped under ("Domestic abuse")
  Located<Interned> cause_of_concern;      // ref or id of the cause of concern it answers
  Located<Interned> area;                  // PEEL area of the inspection's gradings
  std::optional<Date> due;                 // the force's own target, which history entries may move
  std::optional<Date> inspectorate_due;    // the inspectorate's deadline, when it set one
  Located<Interned> repeats;               // an earlier finding this one re-issues, tracked there and counted once
  bool repeated_later = false;             // a later finding re-issues this one (set by Dataset::index)
  std::vector<Located<Interned>> related;  // continuity with earlier findings
  std::vector<HistoryEntry> history;       // oldest first
  std::vector<Action> actions;             // what the force does about it, in file order
  diag::Location location;                 // of the ref
};

// When fieldwork happens: one date (a day, a week commencing, a month TBC) or a range.
struct Period {
  Date from;
  std::optional<Date> to;
};

// One phase of an inspection's fieldwork: a crime-file review, the main
// fieldwork, a return visit, each with its own dates.
struct FieldworkPhase {
  std::string label;
  Period period;
  Text note;  // Markdown, quoted where the paper reports the phase
  diag::Location location;
};

// A dated step of an inspection's timeline besides its phases: a hot debrief,
// a suspension (with why), a resumption.
struct InspectionEvent {
  EventKind kind = EventKind::hot_debrief;
  Occasion when;
  Text note;  // the reason for a suspension, or what was said
  diag::Location location;
};

// The grade awarded to one PEEL area, with narrative where the data has it.
struct Grading {
  Located<std::string> area;
  Located<Grade> grade;
  Text narrative;                          // Markdown
  Located<std::string> carried_over_from;  // the earlier assessment whose judgement this keeps, if any
};

// A PEEL assessment's grades in one cycle.
struct Gradings {
  Located<std::string> cycle;
  std::vector<Grading> areas;  // in file order
};

// How many findings of each type a report states it makes, which a register
// can record before (or without) transcribing them one by one; and how many
// of those continue findings of an earlier inspection. A count the register
// leaves out is not given (empty), which is not the same as none: the JSON
// writes it as null, and the counts are checked against the findings
// transcribed only for the types they give.
struct FindingCounts {
  struct ByType {
    std::optional<int> causes_of_concern;
    std::optional<int> recommendations;
    std::optional<int> afis;
  };
  ByType made;
  ByType continuing;
  Located<std::string> continuing_from;  // the earlier inspection, when the report names it
  diag::Location location;
};

// A whole report superseded by a later one: from `date`, its findings still open are superseded.
struct ReportSupersession {
  Located<std::string> by;  // the later inspection's id
  Date date;
  diag::Location location;
};

// One inspection or report, with what it found.
struct Inspection {
  std::string id;
  InspectionType type = InspectionType::other;
  Text title;
  std::string short_name;  // how the paper names its findings: "PEEL 2021/22" gives "PEEL 2021/22 AFI 3"
  std::vector<std::string> inspectorates;
  Involvement involvement = Involvement::inspected;
  std::vector<std::string> other_forces;
  std::optional<Date> notified;
  std::optional<Period> fieldwork;     // its whole span: the one period given, or its phases' first to last day
  std::vector<FieldworkPhase> phases;  // when fieldwork is given as phases, in order
  std::vector<InspectionEvent> events;
  std::optional<Occasion> draft_expected;
  std::optional<Occasion> draft_received;
  std::optional<Date> publication_expected;
  std::optional<Date> published;
  std::string url;
  Text summary;  // Markdown
  std::optional<Gradings> gradings;
  std::optional<FindingCounts> counts;  // as the report states them
  std::optional<ReportSupersession> superseded;
  std::optional<ReportResponse> response;
  std::vector<Finding> findings;
  diag::Location location;                                               // of the id
  IdIndex finding_index;                                                 // by ref
  std::multimap<std::string, std::size_t, std::less<>> answering_index;  // cause of concern's ref -> recommendations

  const Finding* find_finding(std::string_view ref) const;
  // The positions of the recommendations that answer the cause of concern `ref`, in file order.
  std::vector<std::size_t> answering(std::string_view ref) const;
};

// A whole register, as loaded.
struct Dataset {
  Config config;
  std::vector<Meeting> meetings;
  std::vector<Inspection> inspections;  // in path order
  Catalogue catalogue;
  IdIndex inspection_index;

  const Inspection* find_inspection(std::string_view id) const;
  // How many findings the inspections hold, all told.
  std::size_t finding_count() const;

  // Builds every record's index, once the records are all in place: lookups
  // by id then cost log n rather than n.
  void index();
};

}  // namespace hmicfrs::model
