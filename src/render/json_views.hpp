#pragma once

// The JSON form of each view (documented in docs/json.md). Private to render/.

#include <ostream>

#include <nlohmann/json.hpp>

#include <hmicfrs/render/views.hpp>

namespace hmicfrs::render {

using Json = nlohmann::ordered_json;

// Pieces shared by the views and the paper.
Json date_json(const std::optional<model::Date>& date);
Json counts_json(const query::RagCounts& counts);
Json state_json(const query::FindingState& state);
Json finding_summary(const query::FindingRow& row);
Json findings_json(const std::vector<query::FindingRow>& rows);
Json period_json(const std::optional<model::Period>& period);
Json inspection_summary(const model::Inspection& inspection);
Json inspections_array(const std::vector<const model::Inspection*>& inspections);
Json refs_json(const std::vector<query::FindingRef>& refs);
Json assessment_json(const query::PeelAssessment& assessment);
Json graded_area_json(const query::GradedArea& area);
Json window_json(const query::Window& window);

// A data-file name as JSON, or null.
template <class E>
Json name_json(const std::optional<E>& value) {
  return value ? Json(model::name_of(*value)) : Json(nullptr);
}

// Writes `json` indented by two spaces, with a final line break.
void write_json(std::ostream& out, const Json& json);

Json status_json(const StatusView& view);
Json list_json(const ListView& view);
Json rag_json(const RagView& view);
Json finding_json(const FindingView& view);
Json inspection_json(const InspectionView& view);
Json peel_json(const PeelView& view);
Json peel_comparison_json(const PeelComparisonView& view);
Json inspections_json(const InspectionsView& view);
Json changes_json(const ChangesView& view);
Json committees_json(const CommitteesView& view);

}  // namespace hmicfrs::render
