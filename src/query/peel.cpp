#include <hmicfrs/query/peel.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

using answers::PeelAssessment;

std::optional<model::Grade> grade_of(const PeelAssessment& assessment, std::string_view area_id) {
  for (const model::Grading& grading : assessment.inspection->gradings->areas) {
    if (grading.area.value == area_id) return grading.grade.value;
  }
  return std::nullopt;
}

}  // namespace

util::Result<const model::PeelCycle*> find_cycle(const model::Catalogue& catalogue, std::string_view text) {
  if (const model::PeelCycle* exact = catalogue.find(text)) return exact;
  std::vector<const model::PeelCycle*> starting;
  std::string known;
  for (const model::PeelCycle& cycle : catalogue.cycles) {
    if (cycle.id.starts_with(text)) starting.push_back(&cycle);
    known += (known.empty() ? "" : ", ") + cycle.id;
  }
  if (starting.size() == 1 && !text.empty()) return starting.front();
  return util::Error{fmt::format("no PEEL cycle '{}' (cycles: {})", text, known)};
}

std::optional<PeelAssessment> latest_peel(const model::Dataset& dataset, const model::Date& as_of,
                                          const model::PeelCycle* cycle) {
  std::optional<PeelAssessment> latest;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (inspection.type != model::InspectionType::peel || !inspection.gradings || !inspection.published ||
        !happened_by(*inspection.published, as_of)) {
      continue;
    }
    const model::PeelCycle* its_cycle = dataset.catalogue.find(inspection.gradings->cycle.value);
    if (its_cycle == nullptr || (cycle != nullptr && its_cycle != cycle)) continue;
    const auto later = [&](const model::Inspection& a, const model::Inspection& b) {
      return std::tie(*a.published, a.id) > std::tie(*b.published, b.id);
    };
    if (!latest || later(inspection, *latest->inspection)) latest = PeelAssessment{&inspection, its_cycle};
  }
  return latest;
}

std::optional<PeelAssessment> earlier_on_other_scale(const model::Dataset& dataset, const PeelAssessment& latest) {
  std::optional<PeelAssessment> earlier;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (&inspection == latest.inspection || inspection.type != model::InspectionType::peel || !inspection.gradings ||
        !inspection.published || !(*inspection.published < *latest.inspection->published)) {
      continue;
    }
    const model::PeelCycle* cycle = dataset.catalogue.find(inspection.gradings->cycle.value);
    if (cycle == nullptr) continue;
    if (!earlier || *earlier->inspection->published < *inspection.published) {
      earlier = PeelAssessment{&inspection, cycle};
    }
  }
  if (earlier && earlier->cycle->scale == latest.cycle->scale) return std::nullopt;
  return earlier;
}

answers::PeelTable peel_table(const PeelAssessment& assessment) {
  answers::PeelTable table{assessment, {}, {}, 0};
  for (const model::Grade grade : model::grades_of(assessment.cycle->scale)) table.columns.push_back({grade, {}});
  for (const model::PeelArea& area : assessment.cycle->areas) {
    for (const model::Grading& grading : assessment.inspection->gradings->areas) {
      if (grading.area.value != area.id) continue;
      answers::GradedArea graded{&area, grading.grade.value, grading.narrative};
      const auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                       [&](const auto& c) { return c.first == graded.grade; });
      if (column == table.columns.end()) {
        table.not_graded.push_back(graded);
      } else {
        column->second.push_back(graded);
        ++table.graded;
      }
    }
  }
  return table;
}

answers::PeelComparison compare_peel(const PeelAssessment& first, const PeelAssessment& second,
                                     const model::Date& as_of) {
  answers::PeelComparison comparison{as_of, first, second, first.cycle->scale != second.cycle->scale, {}};
  for (const PeelAssessment* side : {&first, &second}) {
    for (const model::PeelArea& area : side->cycle->areas) {
      const bool listed = std::any_of(comparison.areas.begin(), comparison.areas.end(),
                                      [&](const answers::AreaComparison& a) { return a.id == area.id; });
      const auto first_grade = grade_of(first, area.id);
      const auto second_grade = grade_of(second, area.id);
      if (listed || (!first_grade && !second_grade)) continue;
      comparison.areas.push_back({area.id, area.short_label, first_grade, second_grade});
    }
  }
  return comparison;
}

}  // namespace hmicfrs::query
