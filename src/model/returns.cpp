#include <hmicfrs/model/returns.hpp>

namespace hmicfrs::model::returns {

std::string last_entry_stamp(const Finding& finding) {
  if (finding.history.empty()) return "none";
  const HistoryEntry& last = finding.history.back();
  return (last.as_at ? "as at " : "") + last.date.iso();
}

}  // namespace hmicfrs::model::returns
