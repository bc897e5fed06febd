#include <hmicfrs/query/peel.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {
namespace {

using answers::PeelAssessment;

// An assessment's gradings by area id (an area is graded once: a repeated key is refused on loading).
std::map<std::string_view, const model::Grading*> gradings_by_area(const PeelAssessment& assessment) {
  std::map<std::string_view, const model::Grading*> out;
  for (const model::Grading& grading : assessment.inspection->gradings->areas)
    out.emplace(grading.area.value, &grading);
  return out;
}

std::optional<model::Grade> grade_in(const std::map<std::string_view, const model::Grading*>& gradings,
                                     std::string_view area_id) {
  const auto it = gradings.find(area_id);
  return it == gradings.end() ? std::nullopt : std::optional(it->second->grade.value);
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

std::optional<PeelAssessment> earlier_in_other_cycle(const model::Dataset& dataset, const PeelAssessment& latest) {
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
  if (earlier && earlier->cycle == latest.cycle) return std::nullopt;
  return earlier;
}

answers::PeelTable peel_table(const model::Dataset& dataset, const PeelAssessment& assessment,
                              const model::Date& as_of) {
  answers::PeelTable table{assessment, {}, {}, {}, 0, {}, {}};
  for (const model::Grade grade : model::grades_of(assessment.cycle->scale)) table.columns.push_back({grade, {}});
  // The cycle's reports out by the date, oldest first: a later report's judgement of an area replaces an earlier's.
  for (const model::Inspection& inspection : dataset.inspections) {
    if (inspection.type == model::InspectionType::peel && inspection.gradings && inspection.published &&
        happened_by(*inspection.published, as_of) &&
        dataset.catalogue.find(inspection.gradings->cycle.value) == assessment.cycle) {
      table.reports.push_back(&inspection);
    }
  }
  std::sort(table.reports.begin(), table.reports.end(), published_earlier);
  std::map<std::string_view, std::pair<const model::Grading*, const model::Inspection*>> latest;
  for (const model::Inspection* report : table.reports) {
    for (const model::Grading& grading : report->gradings->areas) latest[grading.area.value] = {&grading, report};
  }
  for (const model::PeelArea& area : assessment.cycle->areas) {
    const auto it = latest.find(area.id);
    if (it == latest.end()) {  // a force is assessed on a subset of the cycle's areas
      table.not_recorded.push_back(&area);
      continue;
    }
    const auto [grading, report] = it->second;
    const model::Inspection* carried =
        grading->carried_over_from.value.empty() ? nullptr : dataset.find_inspection(grading->carried_over_from.value);
    answers::GradedArea graded{&area, grading->grade.value, grading->narrative.str(), report, carried};
    if (!grading->carried_over_from.value.empty()) table.carried_over.push_back(graded);
    const auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                     [&](const auto& c) { return c.first == graded.grade; });
    if (column == table.columns.end()) {
      table.not_graded.push_back(graded);
    } else {
      column->second.push_back(graded);
      ++table.graded;
    }
  }
  return table;
}

answers::PeelComparison compare_peel(const PeelAssessment& first, const PeelAssessment& second,
                                     const model::Date& as_of) {
  answers::PeelComparison comparison{
      as_of, first, second, first.cycle != second.cycle, first.cycle->scale != second.cycle->scale, {}};
  const auto first_gradings = gradings_by_area(first);
  const auto second_gradings = gradings_by_area(second);
  std::set<std::string_view> listed;
  for (const PeelAssessment* side : {&first, &second}) {
    for (const model::PeelArea& area : side->cycle->areas) {
      const auto first_grade = grade_in(first_gradings, area.id);
      const auto second_grade = grade_in(second_gradings, area.id);
      if ((!first_grade && !second_grade) || !listed.insert(area.id).second) continue;
      comparison.areas.push_back({area.id, area.short_label, first_grade, second_grade});
    }
  }
  return comparison;
}

}  // namespace hmicfrs::query
