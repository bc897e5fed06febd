#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>

namespace hmicfrs::model {

// The kinds of inspection and report a force deals with (SPEC §2).
enum class InspectionType {
  peel,
  national_thematic,
  joint_thematic,
  jtai,
  child_protection,
  custody,
  crime_data_integrity,
  super_complaint,
  home_secretary_commission,
  other,
};

// What happened to an inspection besides its fieldwork and its report.
enum class EventKind { hot_debrief, suspended, resumed, revisit };

// How closely HMICFRS monitors a force: routinely ("scan"), or in its enhanced phase ("engage"), when a cause of
// concern is not being dealt with, overseen by its Policing Performance Oversight Group.
enum class MonitoringPhase { scan, engage };

// How a force took part in an inspection.
enum class Involvement { inspected, data_request, not_inspected };

enum class FindingType { cause_of_concern, recommendation, afi, not_formal };

// Whom a finding is aimed at.
enum class Scope { force, all_forces };

// A finding's state (SPEC §2): open and awaiting sign-off are open; closed
// (by the force), achieved (confirmed by the inspectorate), superseded,
// declined (not accepted) and not monitored are closed.
enum class Status : std::uint8_t { open, awaiting_sign_off, closed, achieved, superseded, declined, not_monitored };

// Which findings a rating is given to: open ones, closed ones, or both (RED = will not be implemented, given to
// a declined finding as well as to an open one past its target).
enum class Marks : std::uint8_t { open, closed, both };

// When a paper gives a PEEL report's narratives in full: at the first paper
// after its publication (then its grade table and progress), at every paper, or never.
enum class Narratives { first_paper, always, never };

// How a paper's tables write dates: in words as its prose does ("May 2019"), or as the data does ("2019-05").
enum class PaperDates { words, iso };

// Where an action under a finding stands: open, or closed (done, or closed below 100 % for the reason its entry
// gives).
enum class ActionStatus : std::uint8_t { open, closed };

// PEEL grades, best first; not_graded belongs to every scale.
enum class Grade { outstanding, good, adequate, requires_improvement, inadequate, not_graded };

// Four grades up to 2018/19; five (adding adequate) from 2021/22.
enum class Scale { four_point, five_point };

// The parts of a committee paper that a meeting may add notes to (SPEC §6).
// `responses` comes last: no paper has it unless the register chooses it.
enum class Section { purpose, peel, activity, notified, published, review, tracker, red, decision, responses };

// The names an enum's values take in the data files, and what the enum is
// called in messages. Specialised below for every enum above.
template <class E>
struct EnumInfo;

#define HMICFRS_ENUM_INFO(E, WHAT, ...)                        \
  template <>                                                  \
  struct EnumInfo<E> {                                         \
    static constexpr std::string_view what = WHAT;             \
    static constexpr std::string_view names[] = {__VA_ARGS__}; \
  };

HMICFRS_ENUM_INFO(InspectionType, "inspection type", "peel", "national-thematic", "joint-thematic", "jtai",
                  "child-protection", "custody", "crime-data-integrity", "super-complaint", "home-secretary-commission",
                  "other")
HMICFRS_ENUM_INFO(Involvement, "involvement", "inspected", "data-request", "not-inspected")
HMICFRS_ENUM_INFO(EventKind, "event", "hot-debrief", "suspended", "resumed", "revisit")
HMICFRS_ENUM_INFO(MonitoringPhase, "monitoring phase", "scan", "engage")
HMICFRS_ENUM_INFO(FindingType, "finding type", "cause-of-concern", "recommendation", "afi", "not-formal")
HMICFRS_ENUM_INFO(Scope, "scope", "force", "all-forces")
HMICFRS_ENUM_INFO(Status, "status", "open", "awaiting-sign-off", "closed", "achieved", "superseded", "declined",
                  "not-monitored")
HMICFRS_ENUM_INFO(ActionStatus, "action status", "open", "closed")
HMICFRS_ENUM_INFO(Marks, "kind of finding a rating marks", "open", "closed", "both")
HMICFRS_ENUM_INFO(Narratives, "choice of PEEL narratives", "first-paper", "always", "never")
HMICFRS_ENUM_INFO(PaperDates, "way of writing dates", "words", "iso")
HMICFRS_ENUM_INFO(Grade, "grade", "outstanding", "good", "adequate", "requires-improvement", "inadequate", "not-graded")
HMICFRS_ENUM_INFO(Scale, "grade scale", "four-point", "five-point")
HMICFRS_ENUM_INFO(Section, "paper section", "purpose", "peel", "activity", "notified", "published", "review", "tracker",
                  "red", "decision", "responses")

#undef HMICFRS_ENUM_INFO

// The data-file name of a value, e.g. "awaiting-sign-off".
template <class E>
constexpr std::string_view name_of(E value) {
  return EnumInfo<E>::names[static_cast<std::size_t>(value)];
}

// Every data-file name of an enum, in declaration order.
template <class E>
constexpr std::span<const std::string_view> names_of() {
  return EnumInfo<E>::names;
}

// The value a data-file name stands for, matched exactly.
template <class E>
constexpr std::optional<E> value_named(std::string_view name) {
  for (std::size_t i = 0; i < std::size(EnumInfo<E>::names); ++i) {
    if (EnumInfo<E>::names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Open and awaiting sign-off count as open; the rest are closed.
constexpr bool is_open(Status status) { return status == Status::open || status == Status::awaiting_sign_off; }

// The grades of a scale, best first, without not_graded.
std::span<const Grade> grades_of(Scale scale);

// Whether `grade` may be awarded in a cycle graded on `scale`.
bool scale_allows(Scale scale, Grade grade);

}  // namespace hmicfrs::model
