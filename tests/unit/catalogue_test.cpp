#include <algorithm>
#include <string>
#include <vector>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "load/compiled_catalogue.hpp"
#include "load/decode.hpp"
#include "support/register.hpp"

namespace hmicfrs::load {
namespace {

using test::asserted;
using test::Register;

// The catalogue compiled at build time is data/peel-cycles.yaml as the register's decoder reads it today,
// field by field and location by location, and that reading finds nothing wrong.
TEST(BuiltinCatalogue, IsCompiledFromTheCatalogueFileAsTheDecoderReadsIt) {
  std::ifstream in("data/peel-cycles.yaml", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ASSERT_FALSE(bytes.str().empty());
  const auto path = diag::source_name("data/peel-cycles.yaml");
  diag::Diagnostics diagnostics;
  const auto tree = parse_yaml(bytes.str(), path, Limits{}, diagnostics);
  ASSERT_TRUE(tree.has_value());
  const std::vector<CycleDefinition> decoded = decode_peel_cycles(*tree, path, diagnostics);
  EXPECT_TRUE(diagnostics.items().empty());
  const std::vector<CycleDefinition> compiled = compiled_peel_cycles(path);
  ASSERT_EQ(compiled.size(), decoded.size());
  const auto at = [](const diag::Location& l) { return std::pair{l.line, l.column}; };
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const model::PeelCycle& want = decoded[i].cycle;
    const model::PeelCycle& got = compiled[i].cycle;
    EXPECT_EQ(std::tie(compiled[i].has_name, compiled[i].has_scale, compiled[i].has_areas_confirmed),
              std::tie(decoded[i].has_name, decoded[i].has_scale, decoded[i].has_areas_confirmed));
    EXPECT_EQ(std::tie(got.id, got.name, got.scale, got.source, got.note, got.areas_confirmed),
              std::tie(want.id, want.name, want.scale, want.source, want.note, want.areas_confirmed));
    EXPECT_EQ(at(got.location), at(want.location)) << want.id;
    ASSERT_EQ(got.areas.size(), want.areas.size()) << want.id;
    for (std::size_t a = 0; a < want.areas.size(); ++a) {
      const model::PeelArea& x = got.areas[a];
      const model::PeelArea& y = want.areas[a];
      EXPECT_EQ(std::tie(x.id, x.short_label, x.long_label, x.pillar, x.graded),
                std::tie(y.id, y.short_label, y.long_label, y.pillar, y.graded));
      EXPECT_EQ(at(x.location), at(y.location)) << y.id;
    }
  }
}

TEST(BuiltinCatalogue, LoadsWithoutAnyDiagnostic) {
  const auto result = Register().load();
  EXPECT_TRUE(result.diagnostics.empty());
  std::vector<std::string> ids;
  for (const auto& cycle : result.dataset.catalogue.cycles) ids.push_back(cycle.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"2014", "2015", "2016", "2017", "2018-19", "2021-22", "2023-25", "2025-27"}));
}

TEST(BuiltinCatalogue, UsesFourGradesUntil2018And19AndFiveFrom2021) {
  const auto catalogue = Register().load().dataset.catalogue;
  for (const auto& cycle : catalogue.cycles) {
    const bool five = cycle.id >= "2021";
    EXPECT_EQ(cycle.scale, five ? model::Scale::five_point : model::Scale::four_point) << cycle.id;
    EXPECT_FALSE(cycle.source.empty()) << cycle.id;
  }
}

TEST(BuiltinCatalogue, Has2021AreasAsThePapersLabelThem) {
  const auto catalogue = Register().load().dataset.catalogue;
  const model::PeelCycle& cycle = *catalogue.find("2021-22");
  EXPECT_EQ(cycle.areas.size(), 13u);
  EXPECT_EQ(std::count_if(cycle.areas.begin(), cycle.areas.end(), [](const auto& a) { return a.graded; }), 11);
  const model::PeelArea& victims = *cycle.find_area("supporting-victims");
  EXPECT_EQ(victims.short_label, "Supporting victims");
  EXPECT_EQ(victims.long_label, "Providing a service to victims of crime");
  EXPECT_EQ(cycle.find_area("good-use-of-resources")->long_label,
            "Strategic planning, organisational management and value for money");
  EXPECT_FALSE(cycle.find_area("armed-threats")->graded);
  EXPECT_FALSE(cycle.find_area("strategic-policing-requirement")->graded);
}

TEST(RegisterCatalogue, AddsCyclesAndAreas) {
  const auto result =
      Register()
          .file("peel-frameworks/local.yaml",
                "cycles:\n"
                "  - id: 2025-27\n    areas:\n      - {id: investigating-crime, short: Investigating crime}\n"
                "  - id: 2030-32\n    name: PEEL 2030–32\n    scale: five-point\n"
                "    areas: [{id: leadership, short: Leadership, graded: false}]\n")
          .load();
  EXPECT_TRUE(result.diagnostics.empty());
  const model::PeelCycle& extended = *result.dataset.catalogue.find("2025-27");
  ASSERT_EQ(extended.areas.size(), 2u);
  EXPECT_EQ(extended.areas[1].long_label, "Investigating crime");
  const model::PeelCycle& added = *result.dataset.catalogue.find("2030-32");
  EXPECT_EQ(added.name, "PEEL 2030–32");
  EXPECT_FALSE(added.areas[0].graded);
}

TEST(RegisterCatalogue, ReportsContradictionsWithTheCatalogue) {
  EXPECT_EQ(Register()
                .file("peel-frameworks/local.yaml",
                      "cycles:\n"
                      "  - id: 2021-22\n    scale: four-point\n    areas: [{id: preventing-crime, short: Again}]\n"
                      "  - id: 2030-32\n    areas: [{id: a, short: A, graded: maybe}]\n")
                .diagnostics(),
            asserted({"peel-frameworks/local.yaml:2:9: error: PEEL cycle '2021-22' is graded on the five-point scale, "
                      "not four-point [invalid-value]",
                      "<built-in>/peel-cycles.yaml:120:9: note: the cycle is defined here",
                      "peel-frameworks/local.yaml:4:18: error: duplicate area 'preventing-crime' in PEEL cycle "
                      "'2021-22' [duplicate-id]",
                      "<built-in>/peel-cycles.yaml:129:14: note: first defined here",
                      "peel-frameworks/local.yaml:5:9: error: missing required field 'name' in PEEL cycle '2030-32', "
                      "which is not a built-in one [missing-field]",
                      "peel-frameworks/local.yaml:5:9: error: missing required field 'scale' in PEEL cycle '2030-32', "
                      "which is not a built-in one [missing-field]",
                      "peel-frameworks/local.yaml:6:39: error: expected true or false for 'graded', found 'maybe' "
                      "[invalid-value]"}));
}

TEST(BuiltinCatalogue, SaysWhichAreaListsAreNotConfirmed) {
  const auto catalogue = Register().load().dataset.catalogue;
  std::vector<std::string> unconfirmed;
  for (const auto& cycle : catalogue.cycles) {
    if (!cycle.areas_confirmed) unconfirmed.push_back(cycle.id);
  }
  EXPECT_EQ(unconfirmed, std::vector<std::string>{"2025-27"});
}

TEST(RegisterCatalogue, NotesAnAreaAddedToAConfirmedCycleAndWarnsWhenItLooksLikeASlip) {
  EXPECT_EQ(Register()
                .file("peel-frameworks/local.yaml",
                      "cycles:\n"
                      "  - id: 2021-22\n    areas:\n"
                      "      - {id: local-priority, short: Local priority}\n"
                      "      - {id: preventing-crme, short: Preventing crime}\n")
                .diagnostics(),
            asserted({"peel-frameworks/local.yaml:4:14: note: area 'local-priority' is this register's own addition "
                      "to PEEL 2021/22, whose areas the catalogue holds as confirmed (`peel --areas --cycle 2021-22` "
                      "lists them) [area-added]",
                      "peel-frameworks/local.yaml:5:14: warning: area 'preventing-crme' is this register's own "
                      "addition to PEEL 2021/22, whose areas the catalogue holds as confirmed (`peel --areas --cycle "
                      "2021-22` lists them): did you mean 'preventing-crime'? [area-added]"}));
}

TEST(RegisterCatalogue, MayMarkItsOwnCycleUnconfirmedOrConfirmABuiltInOne) {
  const auto result = Register()
                          .file("peel-frameworks/local.yaml",
                                "cycles:\n"
                                "  - id: 2030-32\n    name: PEEL 2030–32\n    scale: five-point\n"
                                "    areas_confirmed: false\n    areas: [{id: leadership, short: Leadership}]\n"
                                "  - id: 2025-27\n    areas_confirmed: true\n"
                                "    areas: [{id: investigating-crime, short: Investigating crime}]\n")
                          .load();
  EXPECT_TRUE(result.diagnostics.empty());  // 2025-27 was unconfirmed when the area came
  EXPECT_FALSE(result.dataset.catalogue.find("2030-32")->areas_confirmed);
  EXPECT_TRUE(result.dataset.catalogue.find("2025-27")->areas_confirmed);
}

}  // namespace
}  // namespace hmicfrs::load
