// Runs the built hmicfrs-track as a user would: its own process, its own
// working directory, real exit statuses.

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/golden.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path k_source = HMICFRS_SOURCE_DIR;

// What a run of the binary printed and returned, and how long it took.
struct TimedRun : RunResult {
  double seconds = 0;
};

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the binary in `cwd` with `args` and a clean, colourless environment,
// plus the `variables` given ("TZ=UTC").
TimedRun run_binary(const std::vector<std::string>& args, const fs::path& cwd = k_source,
                    const std::vector<std::string>& variables = {}) {
  const fs::path err_file = fs::temp_directory_path() / fmt::format("hmicfrs-e2e-{}.err", getpid());
  std::string command = "cd " + quoted(cwd.string()) + " && env -u HMICFRS_TRACK_DATA NO_COLOR=1";
  for (const std::string& variable : variables) command += " " + quoted(variable);
  command += " " + quoted(HMICFRS_TRACK_BINARY);
  for (const std::string& arg : args) command += " " + quoted(arg);
  command += " 2>" + quoted(err_file.string());
  TimedRun run;
  const auto start = std::chrono::steady_clock::now();
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
  const int raw = pclose(pipe);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.err = read_text(err_file);
  fs::remove(err_file);
  return run;
}

TEST(Binary, PrintsHelp) {
  const TimedRun run = run_binary({"--help"});
  EXPECT_EQ(run.status, 0);
  EXPECT_THAT(run.out, HasSubstr("Usage: hmicfrs-track"));
  EXPECT_THAT(run.out, HasSubstr("validate"));
}

TEST(Binary, RejectsAnUnknownCommandWithStatusTwo) {
  const TimedRun run = run_binary({"frobnicate"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "hmicfrs-track: unknown command 'frobnicate'\nRun 'hmicfrs-track --help' for usage.\n");
}

TEST(Binary, ValidatesTheExample) {
  const TimedRun run = run_binary({"validate", "--strict", "--data", "examples/west-midlands"});
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
}

TEST(Binary, FindsItsDataDirectoryFromInsideTheRegister) {
  for (const char* inside : {"inspections", "inspections/peel"}) {
    const TimedRun run = run_binary({"validate", "--strict"}, k_source / "examples" / "west-midlands" / inside);
    EXPECT_EQ(run.status, 0) << inside << "\n" << run.out << run.err;
    EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
  }
}

TEST(Binary, FindsItsDataDirectoryFromItsRoot) {
  const TimedRun run = run_binary({"validate", "--strict"}, k_source / "examples" / "west-midlands");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "0 errors, 0 warnings\n");
}

TEST(Binary, FindsADataFolderBesideIt) {
  const fs::path project = fs::temp_directory_path() / fmt::format("hmicfrs-project-{}", getpid());
  fs::remove_all(project);
  fs::create_directories(project / "docs");
  fs::copy(k_source / "examples" / "minimal", project / "data", fs::copy_options::recursive);
  const TimedRun run = run_binary({"validate"}, project / "docs");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  fs::remove_all(project);
}

TEST(Binary, SaysWhereToLookWhenThereIsNoRegister) {
  const TimedRun run = run_binary({"validate"}, "/");
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
    const TimedRun first = run_binary(args, k_source, {"TZ=Pacific/Kiritimati", "LC_ALL=C.UTF-8"});
    const TimedRun second = run_binary(args, k_source, {"TZ=America/Los_Angeles", "LC_ALL=C", "LANG=de_DE.UTF-8"});
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
  const fs::path copy = fs::temp_directory_path() / fmt::format("hmicfrs-copy-{}", getpid());
  fs::remove_all(copy);
  fs::copy(k_source / "examples" / "west-midlands", copy, fs::copy_options::recursive);
  for (const std::string& file : defect.files) {
    fs::copy_file(k_source / "tests" / "fixtures" / "invalid" / "inspections" / file, copy / "inspections" / file);
  }
  const TimedRun run = run_binary({"validate", "--as-of", "2022-03-31"}, copy);
  fs::remove_all(copy);
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
