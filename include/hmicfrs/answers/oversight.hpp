#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <hmicfrs/model/register.hpp>

// What the force and its commissioner answer for beside the findings: the commissioner's response to each report
// (s55 Police Act 1996) and the phase in which HMICFRS monitors the force.

namespace hmicfrs::answers {

// Where the commissioner's response to a report stands on a date.
enum class ResponseStanding {
  awaiting_report,  // the report is not out yet: the 56 days have not begun
  not_required,     // the register says the force is not a subject of the report
  due,              // the report is out and the response is not published, its last day not passed
  overdue,          // its last day has passed with no response published
  published,
};

// The commissioner's response to one report, as of a date.
struct ResponseState {
  const model::Inspection* inspection = nullptr;
  ResponseStanding standing = ResponseStanding::due;
  // The last day of the 56, publication + 55: known once the register gives the report's publication as a day.
  std::optional<model::Date> due;
  // The latest the last day can be: `due`, or for a report known by its month (or year) the last day after its
  // last day; once past, the response is surely overdue.
  std::optional<model::Date> due_by;
  std::optional<model::Date> published;  // the response's publication, when published
  int days_left = 0;                     // due: days from the date to the last day (0 on the day)
  // overdue: days since `due_by`; published: days from `due_by` to the response's publication (its first day), late.
  int days_over = 0;
  bool at_least = false;  // `days_over` counts from a day not exactly known: the response is that late at least
  std::string_view note;  // the register's note on it (Markdown), if any
  std::string_view url;   // where it is, once published by the date
};

// The paper's "Responses to reports": as of its cut-off, the responses outstanding, those published in its window
// and those overdue, each in the order of publication of the reports.
struct ResponsesSection {
  std::vector<ResponseState> due;
  std::vector<ResponseState> published;
  std::vector<ResponseState> overdue;
};

// A change of monitoring phase, with the phase it left.
struct MonitoringStep {
  const model::MonitoringChange* change = nullptr;
  const model::MonitoringChange* before = nullptr;  // none for the register's first phase
};

// The force's monitoring phase as of a date, and its changes in a window.
struct Monitoring {
  const model::MonitoringChange* current = nullptr;  // none before the register's first phase
  std::vector<MonitoringStep> changes;               // in the window, oldest first
};

}  // namespace hmicfrs::answers

namespace hmicfrs::model {
template <>
struct EnumInfo<answers::ResponseStanding> {
  static constexpr std::string_view what = "response standing";
  static constexpr std::string_view names[] = {"awaiting-report", "not-required", "due", "overdue", "published"};
};
}  // namespace hmicfrs::model
