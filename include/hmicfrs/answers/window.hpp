#pragma once

#include <optional>
#include <vector>

#include <hmicfrs/answers/oversight.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::answers {

// A span of time "since" one date "up to and including" another.
struct Window {
  std::optional<model::Date> after;  // exclusive; none means from the beginning
  model::Date until;                 // inclusive
};

// A meeting with the window its paper covers: after the previous paper's
// cut-off, up to and including its own.
struct MeetingWindow {
  const model::Meeting* meeting = nullptr;
  Window window;
};

// `committees`: every meeting in date order, each with its window.
struct Committees {
  std::vector<MeetingWindow> meetings;
};

// Which inspections the calendar lists.
enum class CalendarScope {
  all,       // every inspection known by the date
  upcoming,  // known and given some date, with fieldwork not yet started (or not yet dated) and no report
  active,    // fieldwork started, or report published, in a window
};

// `inspections`: the calendar, in the order of query::calendar.
struct Calendar {
  Window window;  // `after` set for --since
  CalendarScope scope = CalendarScope::all;
  std::vector<const model::Inspection*> inspections;
  // Beside each inspection, its response, when the register tracks responses at all (else empty).
  std::vector<std::optional<ResponseState>> responses;
};

}  // namespace hmicfrs::answers

namespace hmicfrs::model {
template <>
struct EnumInfo<answers::CalendarScope> {
  static constexpr std::string_view what = "calendar scope";
  static constexpr std::string_view names[] = {"all", "upcoming", "since"};
};
}  // namespace hmicfrs::model
