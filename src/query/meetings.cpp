#include <hmicfrs/query/meetings.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {

using answers::MeetingWindow;
using answers::Window;

bool in_window(const Window& window, const model::Date& when) {
  return happened_by(when, window.until) && !(window.after && happened_by(when, *window.after));
}

std::vector<MeetingWindow> meeting_windows(const model::Dataset& dataset) {
  std::vector<const model::Meeting*> meetings;
  for (const model::Meeting& meeting : dataset.meetings) meetings.push_back(&meeting);
  std::stable_sort(meetings.begin(), meetings.end(),
                   [](const model::Meeting* a, const model::Meeting* b) { return a->date < b->date; });
  std::vector<MeetingWindow> out;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    std::optional<model::Date> after = meetings[i]->previous_cut_off;
    if (!after && i > 0) after = meetings[i - 1]->cut_off();
    out.push_back({meetings[i], Window{after, meetings[i]->cut_off()}});
  }
  return out;
}

util::Result<MeetingWindow> find_meeting(const model::Dataset& dataset, std::string_view text) {
  const std::vector<MeetingWindow> windows = meeting_windows(dataset);
  for (const MeetingWindow& w : windows) {
    if (w.meeting->id == text) return w;
  }
  std::vector<MeetingWindow> matching;
  if (const auto date = model::Date::parse(text)) {
    for (const MeetingWindow& w : windows) {
      const model::Date& day = w.meeting->date;
      // A month or a year stands for every day in it.
      const bool same = !(day < date->first_day()) && !(date->last_day() < day);
      if (same) matching.push_back(w);
    }
  }
  if (matching.size() == 1) return matching.front();
  std::string known;
  for (const MeetingWindow& w : windows) known += (known.empty() ? "" : ", ") + w.meeting->id;
  if (matching.size() > 1) {
    return util::Error{fmt::format("'{}' matches {} meetings: give the meeting id ({})", text, matching.size(), known)};
  }
  return util::Error{fmt::format("no meeting '{}' in committees.yaml (meetings: {})", text,
                                 known.empty() ? std::string("none") : known)};
}

}  // namespace hmicfrs::query
