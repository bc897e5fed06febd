// The JSON Schemas of schemas/ must say what the loader accepts: the same
// fields, the same required ones, the same enum values.

#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/model/enums.hpp>
#include "load/fields.hpp"

namespace hmicfrs::load {
namespace {

using nlohmann::json;

json schema(const std::string& kind) {
  std::ifstream in("schemas/" + kind + ".schema.json");
  return json::parse(in);
}

// Where each record's object schema is: the file and its $defs entry ("" for the root).
const std::map<std::string_view, std::pair<std::string, std::string>> k_places{
    {"configuration", {"config", ""}},
    {"force", {"config", "force"}},
    {"committee", {"config", "committee"}},
    {"paper", {"config", "paper"}},
    {"contact", {"config", "contact"}},
    {"portfolio", {"config", "portfolio"}},
    {"owner", {"config", "owner"}},
    {"rag", {"config", "rag"}},
    {"rating", {"config", "rating"}},
    {"statuses", {"config", "statuses"}},
    {"section", {"config", "section"}},
    {"thresholds", {"config", "thresholds"}},
    {"committees", {"committees", ""}},
    {"meeting", {"committees", "meeting"}},
    {"inspection", {"inspection", ""}},
    {"fieldwork", {"inspection", "fieldwork"}},
    {"phase", {"inspection", "phase"}},
    {"event", {"inspection", "event"}},
    {"gradings", {"inspection", "gradings"}},
    {"counts", {"inspection", "counts"}},
    {"continuing", {"inspection", "continuing"}},
    {"grading", {"inspection", "grading"}},
    {"finding", {"inspection", "finding"}},
    {"history-entry", {"inspection", "history-entry"}},
    {"peel-cycles", {"peel-framework", ""}},
    {"peel-cycle", {"peel-framework", "peel-cycle"}},
    {"peel-area", {"peel-framework", "peel-area"}},
    {"background-document", {"config", "background-document"}},
    {"priorities", {"config", "priorities"}},
    {"priority", {"config", "priority"}},
    {"supersession", {"inspection", "supersession"}},
    {"response", {"inspection", "response"}},
    {"responses", {"config", "responses"}},
    {"monitoring", {"config", "monitoring"}},
    {"action-rule", {"config", "action-rule"}},
    {"action", {"inspection", "action"}},
    {"action-entry", {"inspection", "action-entry"}},
};

// The object schema of a record; fieldwork's is the object branch of its oneOf.
json object_schema(const std::string& kind, const std::string& def) {
  json s = schema(kind);
  if (!def.empty()) s = s["$defs"][def];
  if (s.contains("oneOf")) {
    for (const json& branch : s["oneOf"]) {
      if (branch.value("type", "") == "object") return branch;
    }
  }
  return s;
}

TEST(Schemas, DescribeTheFieldsTheLoaderAccepts) {
  for (const RecordFields& record : k_records) {
    SCOPED_TRACE(std::string(record.record));
    const auto& [kind, def] = k_places.at(record.record);
    const json s = object_schema(kind, def);
    std::set<std::string> fields, required, schema_fields, schema_required;
    for (const Field& f : record.fields) {
      fields.emplace(f.name);
      if (f.required) required.emplace(f.name);
    }
    for (const auto& [name, _] : s["properties"].items()) schema_fields.insert(name);
    for (const json& name : s.value("required", json::array())) schema_required.insert(name.get<std::string>());
    EXPECT_EQ(schema_fields, fields);
    EXPECT_EQ(schema_required, required);
    EXPECT_EQ(s["additionalProperties"], false);
  }
}

template <class E>
std::vector<std::string> names() {
  const auto n = model::names_of<E>();
  return {n.begin(), n.end()};
}

std::vector<std::string> enum_at(const json& node) { return node["enum"].get<std::vector<std::string>>(); }

TEST(Schemas, ListTheSameEnumValuesAsTheModel) {
  const json inspection = schema("inspection");
  const json& finding = inspection["$defs"]["finding"]["properties"];
  const json& history = inspection["$defs"]["history-entry"]["properties"];
  EXPECT_EQ(enum_at(inspection["properties"]["type"]), names<model::InspectionType>());
  EXPECT_EQ(enum_at(inspection["properties"]["involvement"]), names<model::Involvement>());
  EXPECT_EQ(enum_at(inspection["$defs"]["event"]["properties"]["event"]), names<model::EventKind>());
  EXPECT_EQ(enum_at(schema("config")["$defs"]["monitoring"]["properties"]["phase"]), names<model::MonitoringPhase>());
  EXPECT_EQ(enum_at(finding["type"]), names<model::FindingType>());
  EXPECT_EQ(enum_at(finding["scope"]), names<model::Scope>());
  EXPECT_EQ(enum_at(inspection["$defs"]["action-entry"]["properties"]["status"]), names<model::ActionStatus>());
  EXPECT_EQ(enum_at(history["status"]), names<model::Status>());
  EXPECT_EQ(history["rag"]["type"], "string");  // a rating of the register's own vocabulary
  EXPECT_EQ(enum_at(schema("config")["$defs"]["rating"]["properties"]["marks"]), names<model::Marks>());
  EXPECT_EQ(enum_at(schema("config")["$defs"]["paper"]["properties"]["peel_narratives"]), names<model::Narratives>());
  EXPECT_EQ(enum_at(schema("config")["$defs"]["section"]["oneOf"][0]), names<model::Section>());
  EXPECT_EQ(enum_at(inspection["$defs"]["grading"]["properties"]["grade"]), names<model::Grade>());
  EXPECT_EQ(enum_at(schema("peel-framework")["$defs"]["peel-cycle"]["properties"]["scale"]), names<model::Scale>());
  const json committees = schema("committees");
  std::set<std::string> sections;
  for (const auto& [name, _] : committees["$defs"]["meeting"]["properties"]["notes"]["properties"].items()) {
    sections.insert(name);
  }
  const auto section_names = names<model::Section>();
  EXPECT_EQ(sections, std::set<std::string>(section_names.begin(), section_names.end()));
}

}  // namespace
}  // namespace hmicfrs::load
