#pragma once

// The JSON form of each view (documented in docs/json.md). Private to render/.

#include <ostream>

#include <nlohmann/json.hpp>

#include <hmicfrs/render/views.hpp>

namespace hmicfrs::render {

using Json = nlohmann::ordered_json;

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
