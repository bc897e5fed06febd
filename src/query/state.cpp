#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {

bool happened_by(const model::Date& when, const model::Date& as_of) { return when.last_day() <= as_of; }

bool in_effect(const model::HistoryEntry& entry, const model::Date& as_of) { return !(as_of < entry.date); }

answers::FindingState state_as_of(const model::Inspection& inspection, const model::Finding& finding,
                                  const model::Date& as_of) {
  answers::FindingState state;
  state.owner = finding.owner;
  state.due = finding.due;
  for (const model::HistoryEntry& entry : finding.history) {
    if (!in_effect(entry, as_of)) {
      ++state.later_entries;
      continue;
    }
    if (entry.status) state.status = *entry.status;
    if (entry.rag) state.rag = entry.rag;
    if (!model::is_open(state.status)) state.rag.reset();
    if (entry.owner) state.owner = *entry.owner;
    if (entry.due) state.due = entry.due;
    state.latest = &entry;
  }
  state.recorded = state.latest != nullptr || (inspection.published && happened_by(*inspection.published, as_of));
  return state;
}

}  // namespace hmicfrs::query
