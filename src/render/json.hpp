#pragma once

// The JSON of every answer, the views' and the paper's (documented in
// docs/json.md). Private to render/.

#include <ostream>

#include <nlohmann/json.hpp>

#include <hmicfrs/answers/chase.hpp>
#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/status.hpp>
#include <hmicfrs/answers/window.hpp>

namespace hmicfrs::render {

using Json = nlohmann::ordered_json;

Json to_json(const answers::Status& status);
Json to_json(const answers::FindingList& list);
Json to_json(const answers::RagBreakdown& breakdown);
Json to_json(const answers::FindingDetail& detail);
Json to_json(const answers::InspectionDetail& detail);
Json to_json(const answers::PeelGrades& grades);
Json to_json(const answers::PeelComparison& comparison);
Json to_json(const answers::PeelAreas& areas);
Json to_json(const answers::Calendar& calendar);
Json to_json(const answers::Movement& movement);
Json to_json(const answers::Committees& committees);
Json to_json(const answers::Paper& paper);
Json to_json(const answers::Chase& chase);

// Writes `json` indented by two spaces, with a final line break.
void write_json(std::ostream& out, const Json& json);

}  // namespace hmicfrs::render
