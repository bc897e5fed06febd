#include <hmicfrs/query/detail.hpp>

#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

// The catalogue's cycle of the inspection's gradings, if both exist.
const model::PeelCycle* cycle_of(const model::Dataset& dataset, const model::Inspection& inspection) {
  return inspection.gradings ? dataset.catalogue.find(inspection.gradings->cycle.value) : nullptr;
}

}  // namespace

std::optional<answers::FindingDetail> finding_detail(const model::Dataset& dataset, const answers::FindingRef& ref,
                                                     const model::Date& as_of) {
  const model::Finding& finding = *ref.finding;
  answers::FindingDetail detail{
      as_of, &dataset.config.vocabulary, row_of(dataset, *ref.inspection, finding, as_of), {}, {}, {}};
  if (!detail.row.state.recorded) return std::nullopt;
  if (!finding.area.value.empty()) {
    const model::PeelCycle* cycle = cycle_of(dataset, *ref.inspection);
    const model::PeelArea* area = cycle != nullptr ? cycle->find_area(finding.area.value) : nullptr;
    detail.area = area != nullptr ? area->long_label : finding.area.value;
  }
  for (const model::HistoryEntry& entry : finding.history) {
    if (in_effect(entry, as_of)) detail.history.push_back(&entry);
  }
  detail.links = links_of(dataset, ref);
  return detail;
}

const model::Inspection* continued(const model::Dataset& dataset, const model::Inspection& inspection) {
  if (!inspection.counts || inspection.counts->continuing_from.value.empty()) return nullptr;
  return dataset.find_inspection(inspection.counts->continuing_from.value);
}

answers::InspectionDetail inspection_detail(const model::Dataset& dataset, const model::Inspection& inspection,
                                            const model::Date& as_of) {
  answers::InspectionDetail detail{as_of, &dataset.config.vocabulary,     &inspection, {}, {},
                                   {},    continued(dataset, inspection), std::nullopt};
  if (inspection.gradings) {
    const model::PeelCycle* cycle = cycle_of(dataset, inspection);
    detail.cycle = cycle != nullptr ? cycle->name : inspection.gradings->cycle.value;
    for (const model::Grading& g : inspection.gradings->areas) {
      const model::PeelArea* area = cycle != nullptr ? cycle->find_area(g.area.value) : nullptr;
      detail.grades.push_back(
          {area != nullptr ? area->short_label : g.area.value, g.grade.value, g.carried_over_from.value});
    }
  }
  for (const model::Finding& finding : inspection.findings) {
    answers::FindingRow row = row_of(dataset, inspection, finding, as_of);
    if (row.state.recorded) detail.rows.push_back(std::move(row));
  }
  detail.response = response_of(dataset.config, inspection, as_of);
  return detail;
}

}  // namespace hmicfrs::query
