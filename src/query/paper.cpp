#include <hmicfrs/query/paper.hpp>

#include <algorithm>

#include <hmicfrs/query/calendar.hpp>

namespace hmicfrs::query {
namespace {

void add_once(std::vector<const model::Inspection*>& list, const model::Inspection* inspection) {
  if (std::find(list.begin(), list.end(), inspection) == list.end()) list.push_back(inspection);
}

// The assessment before `latest` in time, when it used another grade scale.
std::optional<PeelAssessment> earlier_on_other_scale(const model::Dataset& dataset, const PeelAssessment& latest) {
  std::optional<PeelAssessment> earlier;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (&inspection == latest.inspection || inspection.type != model::InspectionType::peel || !inspection.gradings ||
        !inspection.published || !(*inspection.published < *latest.inspection->published)) {
      continue;
    }
    const model::PeelCycle* cycle = dataset.catalogue.find(inspection.gradings->cycle.value);
    if (cycle == nullptr) continue;
    if (!earlier || *earlier->inspection->published < *inspection.published)
      earlier = PeelAssessment{&inspection, cycle};
  }
  if (earlier && earlier->cycle->scale == latest.cycle->scale) return std::nullopt;
  return earlier;
}

}  // namespace

Paper assemble_paper(const model::Dataset& dataset, const MeetingWindow& meeting, const model::Date& as_of) {
  Paper paper;
  paper.dataset = &dataset;
  paper.meeting = meeting.meeting;
  paper.window = Window{meeting.window.after, as_of};
  paper.rows = findings_as_of(dataset, as_of);

  if (const auto latest = latest_peel(dataset, as_of)) {
    paper.peel = peel_table(*latest);
    paper.earlier_peel_on_other_scale = earlier_on_other_scale(dataset, *latest);
    std::copy_if(paper.rows.begin(), paper.rows.end(), std::back_inserter(paper.peel_findings),
                 [&](const FindingRow& row) { return row.inspection == latest->inspection; });
    add_once(paper.background, latest->inspection);
  }

  for (const model::Inspection* inspection : calendar(dataset, paper.window, CalendarScope::all)) {
    if (inspection->fieldwork && paper.window.contains(inspection->fieldwork->from))
      paper.activity.push_back(inspection);
    if (inspection->published && paper.window.contains(*inspection->published)) {
      (inspection->type == model::InspectionType::peel ? paper.published_peel : paper.published).push_back(inspection);
    }
  }
  paper.notified = calendar(dataset, {std::nullopt, as_of}, CalendarScope::upcoming);

  paper.by_portfolio = rag_by(paper.rows, Grouping::portfolio, dataset);
  paper.total = rag_total(paper.rows);
  paper.changes = changes_in(dataset, paper.window);
  for (const FindingRow& row : paper.rows) {
    if (row.overdue) paper.overdue.push_back(row);
    if (row.stale) paper.stale.push_back(row);
    if (model::is_open(row.state.status) && row.state.rag == model::Rag::red) {
      paper.red.push_back(row);
      if (row.inspection->published) add_once(paper.background, row.inspection);
    }
  }
  for (const model::Inspection* inspection : paper.published) add_once(paper.background, inspection);
  for (const model::Inspection* inspection : paper.published_peel) add_once(paper.background, inspection);
  std::sort(paper.background.begin(), paper.background.end(),
            [](const model::Inspection* a, const model::Inspection* b) {
              return std::tie(*a->published, a->id) < std::tie(*b->published, b->id);
            });
  return paper;
}

}  // namespace hmicfrs::query
