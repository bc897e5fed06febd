// Runs the built hmicfrs-track as a user would: its own process, its own
// working directory, real exit statuses.

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "process.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(Binary, PrintsHelp) {
  const ProcessRun run = run_binary({"--help"});
  EXPECT_EQ(run.status, 0);
  EXPECT_THAT(run.out, HasSubstr("Usage: hmicfrs-track"));
  EXPECT_THAT(run.out, HasSubstr("validate"));
}

TEST(Binary, RejectsAnUnknownCommandWithStatusTwo) {
  const ProcessRun run = run_binary({"frobnicate"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "hmicfrs-track: unknown command 'frobnicate'\nRun 'hmicfrs-track --help' for usage.\n");
}

TEST(Binary, ValidatesTheExample) {
  const ProcessRun run = run_binary({"validate", "--strict", "--data", "examples/west-midlands"});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
}

TEST(Binary, FindsItsDataDirectoryFromInsideTheRegister) {
  for (const char* inside : {"inspections", "inspections/peel"}) {
    const ProcessRun run = run_binary({"validate", "--strict"}, {k_source / "examples" / "west-midlands" / inside});
    EXPECT_EQ(run.status, 0) << inside << "\n" << run.out << run.err;
    EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
  }
}

TEST(Binary, FindsItsDataDirectoryFromItsRoot) {
  const ProcessRun run = run_binary({"validate", "--strict"}, {k_source / "examples" / "west-midlands"});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
}

TEST(Binary, FindsADataFolderBesideIt) {
  const ScratchDir scratch("project");
  const fs::path& project = scratch.path();
  fs::create_directories(project / "docs");
  fs::copy(k_source / "examples" / "minimal", project / "data", fs::copy_options::recursive);
  const ProcessRun run = run_binary({"validate"}, {project / "docs"});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
}

TEST(Binary, SaysWhereToLookWhenThereIsNoRegister) {
  const ProcessRun run = run_binary({"validate"}, {"/"});
  EXPECT_EQ(run.status, 3);
  EXPECT_THAT(run.err, HasSubstr("no data directory found: pass --data DIR, set HMICFRS_TRACK_DATA"));
}

TEST(Binary, GivesTheSameBytesWhateverTheTimeZoneOrLocale) {
  const std::vector<std::vector<std::string>> commands = {{"status", "--format", "json"},
                                                          {"list"},
                                                          {"rag", "--by", "owner"},
                                                          {"peel", "--compare", "2018-19"},
                                                          {"changes", "--committee", "2022-03", "--format", "md"},
                                                          {"inspections", "--format", "csv"}};
  for (auto args : commands) {
    args.insert(args.begin(), {"--data", "examples/west-midlands", "--as-of", "2022-03-31"});
    const ProcessRun first = run_binary(args, {k_source, {"TZ=Pacific/Kiritimati", "LC_ALL=C.UTF-8"}});
    const ProcessRun second = run_binary(args, {k_source, {"TZ=America/Los_Angeles", "LC_ALL=C", "LANG=de_DE.UTF-8"}});
    EXPECT_EQ(first.status, 0) << first.err;
    EXPECT_FALSE(first.out.empty());
    EXPECT_EQ(first.out, second.out) << args[4];
  }
}

// Each defect of tests/fixtures/invalid/inspections/, dropped into a copy of
// the example register, with the diagnostic that must name it.
struct Defect {
  std::vector<std::string> files;
  std::string expected;
};

class DefectInACopy : public ::testing::TestWithParam<Defect> {};

TEST_P(DefectInACopy, IsReportedAtItsLineWithinASecond) {
  const Defect& defect = GetParam();
  const ScratchDir scratch("copy");
  const fs::path copy = scratch.path() / "register";
  fs::copy(k_source / "examples" / "west-midlands", copy, fs::copy_options::recursive);
  for (const std::string& file : defect.files) {
    fs::copy_file(k_source / "tests" / "fixtures" / "invalid" / "inspections" / file, copy / "inspections" / file);
  }
  const ProcessRun run = run_binary({"validate", "--as-of", "2022-03-31"}, {copy});
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr(defect.expected + "\n"));
  EXPECT_LT(run.seconds, 1.0);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DefectInACopy,
    ::testing::Values(
        Defect{{"yaml-syntax.yaml"},
               "inspections/yaml-syntax.yaml:5:10: error: '[' is not closed: expected ']', or ',' before the next item "
               "[yaml-syntax]"},
        Defect{{"tab-indent.yaml"},
               "inspections/tab-indent.yaml:6:1: error: tab character in indentation: YAML indents with spaces only "
               "[yaml-tab]"},
        Defect{{"duplicate-key.yaml"},
               "inspections/duplicate-key.yaml:5:1: error: duplicate key 'title' [duplicate-key]"},
        Defect{{"alias.yaml"},
               "inspections/alias.yaml:3:8: error: anchors (&title) are not allowed: write each value out in full "
               "[yaml-anchor]"},
        Defect{{"second-document.yaml"},
               "inspections/second-document.yaml:4:1: error: a second YAML document ('---') is not allowed: put each "
               "record in a file of its own [multiple-documents]"},
        Defect{{"only-comma.yaml"},
               "inspections/only-comma.yaml:1:1: error: unexpected ',': commas and closing brackets belong inside "
               "[...] or {...} [yaml-syntax]"},
        Defect{{"nested-brackets.yaml"},
               "inspections/nested-brackets.yaml:1:33: error: nesting deeper than 64 levels [limit-exceeded]"},
        Defect{{"invalid-utf8.yaml"},
               "inspections/invalid-utf8.yaml:3:33: error: invalid UTF-8 (byte 0xE9): save the file as UTF-8; it may "
               "have been saved as Latin-1 or Windows-1252 [encoding]"},
        Defect{{"impossible-date.yaml"},
               "inspections/impossible-date.yaml:4:12: error: '2022-02-30' is not a date: February 2022 has 28 days "
               "[invalid-date]"},
        Defect{{"adequate-in-2017.yaml"},
               "inspections/adequate-in-2017.yaml:9:17: error: grade 'adequate' is not on the four-point scale of PEEL "
               "2017 (expected outstanding, good, requires-improvement, inadequate or not-graded) "
               "[grade-not-in-scale]"},
        Defect{{"rag-amberish.yaml"},
               "inspections/rag-amberish.yaml:11:47: error: unknown RAG rating 'amberish': did you mean 'amber'? "
               "(expected red, amber or green) [invalid-value]"},
        Defect{{"superseded-by-nothing.yaml"},
               "inspections/superseded-by-nothing.yaml:12:52: error: 'by' names no finding: there is no "
               "'fixture-superseded/R9': did you mean 'fixture-superseded/R1'? [unknown-reference]"},
        Defect{{"duplicate-id-first.yaml", "duplicate-id-second.yaml"},
               "inspections/duplicate-id-second.yaml:1:5: error: duplicate inspection id 'fixture-duplicate' "
               "[duplicate-id]\ninspections/duplicate-id-first.yaml:1:5: note: first defined here"}));

}  // namespace
}  // namespace hmicfrs::test
