#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/render/diagnostics.hpp>

namespace hmicfrs::render {
namespace {

// A file's name is kept once, whichever thread names it first: the loader's threads name files as they read them.
TEST(SourceName, IsOneCopyPerNameAcrossThreads) {
  std::vector<diag::SourceName> first(500), second(500);
  const auto name_all = [](std::vector<diag::SourceName>& out) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = diag::source_name(fmt::format("inspections/f{}.yaml", i));
  };
  std::thread one(name_all, std::ref(first));
  std::thread two(name_all, std::ref(second));
  one.join();
  two.join();
  EXPECT_EQ(first, second);
  EXPECT_EQ(*first[7], "inspections/f7.yaml");
  EXPECT_NE(first[7], first[8]);
  EXPECT_EQ(diag::file_location(first[7], 3, 4).path(), "inspections/f7.yaml");
  EXPECT_EQ(diag::Location{}.path(), "");
}

diag::Diagnostics sample() {
  const auto file = diag::source_name("inspections/a.yaml");
  diag::Diagnostics diagnostics;
  auto& d = diagnostics.error(diag::file_location(file, 3, 5), "duplicate key 'title'", diag::Code::yaml_duplicate_key);
  d.notes.push_back({diag::file_location(file, 1, 1), "'title' first appears here"});
  // A location without a line (none of the loader's have one) prints as the path alone.
  diagnostics.warning(diag::Location{file, 0, 0}, "not a file of the register", diag::Code::unrecognised_file);
  return diagnostics;
}

TEST(DiagnosticsText, WritesGccStyleLinesAndACount) {
  std::ostringstream out;
  write_diagnostics_text(out, sample(), false);
  EXPECT_EQ(out.str(),
            "inspections/a.yaml:3:5: error: duplicate key 'title' [duplicate-key]\n"
            "inspections/a.yaml:1:1: note: 'title' first appears here\n"
            "inspections/a.yaml: warning: not a file of the register [unrecognised-file]\n"
            "1 error, 1 warning\n");
}

TEST(DiagnosticsText, ColoursSeveritiesWhenAsked) {
  std::ostringstream out;
  write_diagnostics_text(out, sample(), true);
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "\x1b[1minspections/a.yaml:3:5:\x1b[0m \x1b[1;31merror:\x1b[0m duplicate key 'title' [duplicate-key]");
}

TEST(DiagnosticsText, CountsInPlainEnglish) {
  diag::Diagnostics none;
  EXPECT_EQ(count_line(none), "0 errors, 0 warnings");
  diag::Diagnostics diagnostics = sample();
  diagnostics.error({}, "x", diag::Code::read_error);
  diagnostics.warning({}, "y", diag::Code::read_error);
  EXPECT_EQ(count_line(diagnostics), "2 errors, 2 warnings");
}

TEST(DiagnosticsJson, GivesTheSameAsAnArray) {
  std::ostringstream out;
  write_diagnostics_json(out, sample());
  const auto json = nlohmann::json::parse(out.str());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[0], nlohmann::json::parse(R"({"file": "inspections/a.yaml", "line": 3, "column": 5,
      "severity": "error", "code": "duplicate-key", "message": "duplicate key 'title'",
      "notes": [{"file": "inspections/a.yaml", "line": 1, "column": 1, "message": "'title' first appears here"}]})"));
  EXPECT_TRUE(json[1]["line"].is_null());
  EXPECT_EQ(json[1]["severity"], "warning");
}

TEST(Diagnostics, SortByPathLineAndColumn) {
  const auto a = diag::source_name("a.yaml");
  const auto b = diag::source_name("b.yaml");
  diag::Diagnostics diagnostics;
  diagnostics.error(diag::file_location(b, 1, 1), "b1", diag::Code::yaml_syntax);
  diagnostics.error(diag::file_location(a, 10, 2), "a10", diag::Code::yaml_syntax);
  diagnostics.error(diag::file_location(a, 9, 30), "a9", diag::Code::yaml_syntax);
  diagnostics.error(diag::file_location(a, 10, 1), "a10-1", diag::Code::yaml_syntax);
  diagnostics.sort();
  std::vector<std::string> order;
  for (const auto& d : diagnostics.items()) order.push_back(d.message);
  EXPECT_EQ(order, (std::vector<std::string>{"a9", "a10-1", "a10", "b1"}));
}

TEST(Documentation, ExplainsEveryCode) {
  std::ifstream in("docs/diagnostics.md");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(text.empty());
  for (const diag::Code code : diag::all_codes()) {
    EXPECT_NE(text.find(fmt::format("| `{}` |", diag::code_name(code))), std::string::npos)
        << "docs/diagnostics.md does not explain [" << diag::code_name(code) << "]";
  }
}

}  // namespace
}  // namespace hmicfrs::render
