#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::query {

// A span of time "since" one date "up to and including" another.
struct Window {
  std::optional<model::Date> after;  // exclusive; none means from the beginning
  model::Date until;                 // inclusive

  // Whether something dated `when` happened in the window (a month date counts
  // once the whole month has passed, as in happened_by).
  bool contains(const model::Date& when) const;
};

// A meeting with the window its paper covers: after the previous paper's
// cut-off, up to and including its own.
struct MeetingWindow {
  const model::Meeting* meeting = nullptr;
  Window window;
};

// Every meeting in date order, each with its window.
std::vector<MeetingWindow> meeting_windows(const model::Dataset& dataset);

// The meeting `text` names: its id, its date (YYYY-MM-DD) or its month
// (YYYY-MM, when one meeting falls in it).
util::Result<MeetingWindow> find_meeting(const model::Dataset& dataset, std::string_view text);

}  // namespace hmicfrs::query
