#pragma once

#include <string_view>
#include <vector>

#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::query {

// Whether something dated `when` happened in `window` (a month date counts
// once the whole month has passed, as in happened_by).
bool in_window(const answers::Window& window, const model::Date& when);

// Every meeting in date order, each with its window.
std::vector<answers::MeetingWindow> meeting_windows(const model::Dataset& dataset);

// The meeting `text` names: its id, its date (YYYY-MM-DD) or its month
// (YYYY-MM, when one meeting falls in it).
util::Result<answers::MeetingWindow> find_meeting(const model::Dataset& dataset, std::string_view text);

}  // namespace hmicfrs::query
