#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::cli {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Environment with_variables(std::map<std::string, std::string> variables, bool terminal = false) {
  Environment environment = test::quiet_environment();
  environment.variable = [variables](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(std::string(name));
    return it == variables.end() ? std::nullopt : std::optional(it->second);
  };
  environment.stdout_is_terminal = terminal;
  return environment;
}

TEST(Cli, ValidatesTheExamplesCleanly) {
  // Each register at the dates of its papers and today's.
  const std::vector<std::pair<const char*, std::vector<const char*>>> registers = {
      {"examples/west-midlands", {"2021-12-22", "2022-03-31", "2026-11-22"}},
      {"examples/minimal", {"2021-12-22", "2022-03-31", "2026-11-22"}},
      {"examples/pillar-era", {"2017-06-09", "2018-03-23", "2026-11-22"}},
      {"examples/four-colour", {"2024-03-08", "2024-06-14", "2026-11-22"}}};
  for (const auto& [example, dates] : registers) {
    for (const char* as_of : dates) {
      const auto result = run_cli({"validate", "--strict", "--data", example, "--as-of", as_of});
      EXPECT_EQ(result.status, k_exit_ok) << example << " " << as_of << "\n" << result.out;
      EXPECT_THAT(result.out, ::testing::EndsWith("0 errors, 0 warnings\n"));
      EXPECT_EQ(result.err, "");
    }
  }
}

TEST(Cli, FailsOnErrorsAndOnWarningsWhenStrict) {
  EXPECT_EQ(run_cli({"validate", "--data", "tests/fixtures/invalid"}).status, k_exit_invalid_data);
  const std::vector<std::string> warn_only = {"validate", "--data", "examples/minimal", "--as-of", "2022-02-28"};
  EXPECT_EQ(run_cli(warn_only).status, k_exit_ok);
  auto strict = warn_only;
  strict.push_back("--strict");
  EXPECT_EQ(run_cli(strict).status, k_exit_invalid_data);
}

TEST(Cli, FindsTheDataDirectoryFromTheEnvironment) {
  const auto result = run_cli({"validate"}, with_variables({{"HMICFRS_TRACK_DATA", "examples/minimal"}}));
  EXPECT_EQ(result.status, k_exit_ok) << result.err;
  const auto flag_wins = run_cli({"validate", "--data", "tests/fixtures/invalid"},
                                 with_variables({{"HMICFRS_TRACK_DATA", "examples/minimal"}}));
  EXPECT_EQ(flag_wins.status, k_exit_invalid_data);
}

TEST(Cli, ExitsThreeWhenTheDataCannotBeRead) {
  const auto result = run_cli({"validate", "--data", "no/such/dir"});
  EXPECT_EQ(result.status, k_exit_io);
  EXPECT_EQ(result.err, "hmicfrs-track: cannot read the data directory 'no/such/dir': No such file or directory\n");
  EXPECT_EQ(result.out, "");
}

// An environment whose every lookup throws `E`: a failure from deep inside a command.
template <class E>
Environment failing_with(E error) {
  Environment environment = test::quiet_environment();
  environment.variable = [error](std::string_view) -> std::optional<std::string> { throw error; };
  return environment;
}

TEST(Cli, TellsAProgrammingErrorFromAnInputOutputFailure) {
  const auto bug = run_cli({"status"}, failing_with(std::logic_error("an answer without a form")));
  EXPECT_EQ(bug.status, k_exit_internal);
  EXPECT_EQ(bug.err,
            "hmicfrs-track: internal error: an answer without a form (this is a bug in hmicfrs-track: please report "
            "it)\n");
  const auto io = run_cli({"status"}, failing_with(std::filesystem::filesystem_error(
                                          "cannot list", "x", std::make_error_code(std::errc::permission_denied))));
  EXPECT_EQ(io.status, k_exit_io);
  EXPECT_THAT(io.err, StartsWith("hmicfrs-track: filesystem error: cannot list"));
  EXPECT_EQ(run_cli({"status"}, failing_with(std::bad_alloc())).err, "hmicfrs-track: out of memory\n");
}

TEST(Cli, ListsItsCommandsForTheCompletion) {
  const auto result = run_cli({"--list-commands"});
  EXPECT_EQ(result.status, k_exit_ok);
  EXPECT_EQ(
      result.out,
      "validate\nstatus\nrag\nlist\nchase\nshow\nupdate\ncollect\npeel\ninspections\nchanges\ncommittees\nreport\n"
      "schema\n"
      "init\nim"
      "port\n");
}

TEST(Cli, ExitsTwoOnUsageErrors) {
  const auto unknown = run_cli({"valdate"});
  EXPECT_EQ(unknown.status, k_exit_usage);
  EXPECT_EQ(unknown.err,
            "hmicfrs-track: unknown command 'valdate': did you mean 'validate'?\n"
            "Run 'hmicfrs-track --help' for usage.\n");
  EXPECT_EQ(run_cli({}).status, k_exit_usage);
  EXPECT_EQ(run_cli({"validate", "--frobnicate"}).status, k_exit_usage);
  EXPECT_EQ(run_cli({"validate", "--format", "xml"}).status, k_exit_usage);
  EXPECT_EQ(run_cli({"--color", "sometimes", "validate"}).status, k_exit_usage);
  const auto bad_date = run_cli({"validate", "--data", "examples/minimal", "--as-of", "2022-02-30"});
  EXPECT_EQ(bad_date.status, k_exit_usage);
  EXPECT_EQ(bad_date.err,
            "hmicfrs-track: --as-of: '2022-02-30' is not a date: February 2022 has 28 days\n"
            "Run 'hmicfrs-track --help' for usage.\n");
  EXPECT_THAT(run_cli({"validate", "--data", "examples/minimal", "--as-of", "2022-02"}).err,
              StartsWith("hmicfrs-track: --as-of: '2022-02' needs a day, as in 2022-02-01\n"));
}

TEST(Cli, TakesGlobalOptionsBeforeOrAfterTheCommand) {
  EXPECT_EQ(run_cli({"--data", "examples/minimal", "validate"}).status, k_exit_ok);
  EXPECT_EQ(run_cli({"validate", "--data", "examples/minimal", "--color", "never"}).status, k_exit_ok);
}

TEST(Cli, HelpsAndTellsItsVersion) {
  const auto help = run_cli({"--help"});
  EXPECT_EQ(help.status, k_exit_ok);
  EXPECT_THAT(help.out, HasSubstr("validate"));
  const auto validate_help = run_cli({"validate", "--help"});
  EXPECT_EQ(validate_help.status, k_exit_ok);
  EXPECT_THAT(validate_help.out, HasSubstr("--strict"));
  EXPECT_THAT(validate_help.out,
              HasSubstr("Example:\n  hmicfrs-track validate --data examples/west-midlands --strict"));
  const auto version = run_cli({"--version"});
  EXPECT_EQ(version.status, k_exit_ok);
  EXPECT_EQ(version.out, "hmicfrs-track " HMICFRS_TEST_VERSION "\n");
}

TEST(Cli, FitsTextToTheTerminalThenColumnsThenEighty) {
  const std::vector<std::string> args = {
      "--data", "examples/west-midlands", "--as-of", "2022-03-31", "--color", "never", "list"};
  const auto widest = [](const std::string& text) {
    std::size_t most = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) most = std::max(most, line.size());
    return most;
  };
  EXPECT_LE(widest(run_cli(args).out), 80u);
  EXPECT_GT(widest(run_cli(args, with_variables({{"COLUMNS", "160"}})).out), 120u);
  EXPECT_LE(widest(run_cli(args, with_variables({{"COLUMNS", "160"}})).out), 160u);
  Environment terminal = with_variables({{"COLUMNS", "160"}}, true);
  terminal.terminal_width = 100;  // the terminal's own width wins over COLUMNS
  EXPECT_LE(widest(run_cli(args, terminal).out), 100u);
  // Not a number: ignored.
  EXPECT_EQ(run_cli(args, with_variables({{"COLUMNS", "wide"}})).out, run_cli(args).out);
  // An id is never broken across lines: too narrow for the table, each finding is a block under its id.
  const std::string narrow = run_cli(args, with_variables({{"COLUMNS", "60"}})).out;
  EXPECT_THAT(narrow, HasSubstr("\nmental-health-criminal-justice-2021/R1  RAG: Amber\n"
                                "  Due: 2022-09\n"
                                "  Title: Train investigators on vulnerability, including\n"
                                "         that of suspects\n"
                                "  Owner: Director of People\n"));
  EXPECT_LE(widest(narrow), 60u);
}

TEST(Cli, PagesLongTextOnATerminalThroughPager) {
  test::ScratchDir scratch("pager");
  const std::string paged = (scratch.path() / "paged.txt").string();
  const std::vector<std::string> args = {"--data", "examples/west-midlands", "--as-of", "2022-03-31", "list"};
  const auto result = run_cli(args, with_variables({{"PAGER", "cat > '" + paged + "'"}}, true));
  EXPECT_EQ(result.status, k_exit_ok);
  EXPECT_EQ(result.out, "");  // it went to the pager
  std::ifstream in(paged);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("34 findings as of 2022-03-31"));
  // --no-pager, PAGER=cat, not a terminal, or JSON: straight out.
  auto no_pager = args;
  no_pager.insert(no_pager.begin(), "--no-pager");
  EXPECT_THAT(run_cli(no_pager, with_variables({{"PAGER", "false"}}, true)).out, HasSubstr("34 findings"));
  EXPECT_THAT(run_cli(args, with_variables({{"PAGER", "cat"}}, true)).out, HasSubstr("34 findings"));
  EXPECT_THAT(run_cli(args, with_variables({{"PAGER", "false"}}, false)).out, HasSubstr("34 findings"));
  auto json = args;
  json.insert(json.end(), {"--format", "json"});
  EXPECT_THAT(run_cli(json, with_variables({{"PAGER", "false"}}, true)).out, HasSubstr("\"count\": 34"));
  // A pager that is not installed (the shell's 127): the text is not lost.
  EXPECT_THAT(run_cli(args, with_variables({{"PAGER", "no-such-pager-here 2>/dev/null"}}, true)).out,
              HasSubstr("34 findings"));
}

TEST(Cli, AnswersToCheckAndHelpCommand) {
  EXPECT_EQ(run_cli({"check", "--data", "examples/minimal", "--as-of", "2022-03-31"}).out,
            run_cli({"validate", "--data", "examples/minimal", "--as-of", "2022-03-31"}).out);
  const auto help = run_cli({"help", "report"});
  EXPECT_EQ(help.status, k_exit_ok);
  EXPECT_EQ(help.out, run_cli({"report", "--help"}).out);
  EXPECT_EQ(run_cli({"help"}).out, run_cli({"--help"}).out);
  const auto unknown = run_cli({"help", "repot"});
  EXPECT_EQ(unknown.status, k_exit_usage);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command 'repot': did you mean 'report'?"));
}

// The PEEL catalogue is built in: `peel --areas` lists it outside any register (no --data, no
// HMICFRS_TRACK_DATA, none found upwards), as it does in a register that adds nothing to it; the grade table
// still needs a register.
TEST(Cli, ListsThePeelAreasWithoutARegister) {
  const test::ScratchDir scratch("no-register");
  const std::filesystem::path source = std::filesystem::current_path();
  const std::string in_minimal = run_cli({"--data", "examples/minimal", "peel", "--areas"}).out;
  std::filesystem::current_path(scratch.path());
  const auto areas = run_cli({"peel", "--areas", "--cycle", "2025"});
  const auto every_cycle = run_cli({"peel", "--areas"});
  const auto json = run_cli({"peel", "--areas", "--format", "json"});
  const auto to_file = run_cli({"peel", "--areas", "--cycle", "2021-22", "-o", "areas.csv"});
  const std::string written = test::read_text(scratch.path() / "areas.csv");
  const auto grades = run_cli({"peel"});
  std::filesystem::current_path(source);

  EXPECT_EQ(areas.status, k_exit_ok) << areas.err;
  EXPECT_EQ(areas.err, "");
  EXPECT_THAT(areas.out, HasSubstr("PEEL 2025–27 (2025-27, five-point scale)\n"
                                   "----------------------------------------\n"));
  EXPECT_THAT(areas.out, HasSubstr("Area id     Short label                      Graded\n"
                                   "---------------------------------------------------\n"
                                   "leadership  Leadership and force management  yes\n"));
  EXPECT_EQ(every_cycle.status, k_exit_ok) << every_cycle.err;
  EXPECT_EQ(every_cycle.out, in_minimal);
  EXPECT_THAT(every_cycle.out, HasSubstr("strategic-policing-requirement  Strategic policing requirement      no\n"
                                         "armed-threats                   Armed threats                       no\n"));
  ASSERT_EQ(json.status, k_exit_ok) << json.err;
  std::vector<std::string> cycles;
  const nlohmann::json listed = nlohmann::json::parse(json.out);
  for (const auto& cycle : listed["cycles"]) cycles.push_back(cycle["id"]);
  EXPECT_EQ(cycles,
            (std::vector<std::string>{"2014", "2015", "2016", "2017", "2018-19", "2021-22", "2023-25", "2025-27"}));
  EXPECT_EQ(to_file.status, k_exit_ok) << to_file.err;
  EXPECT_THAT(written, HasSubstr("2021-22,armed-threats,Armed threats,"));
  EXPECT_EQ(grades.status, k_exit_io);
  EXPECT_EQ(grades.err,
            "hmicfrs-track: no data directory found: pass --data DIR, set HMICFRS_TRACK_DATA, or run inside a "
            "register (a directory holding hmicfrs-track.yaml)\n");
}

TEST(Cli, ColoursOnlyOnATerminalWithoutNoColor) {
  const std::vector<std::string> args = {"validate", "--data", "tests/fixtures/invalid"};
  const std::string escape = "\x1b[";
  EXPECT_THAT(run_cli(args, with_variables({}, true)).out, HasSubstr(escape));
  EXPECT_THAT(run_cli(args, with_variables({{"NO_COLOR", "1"}}, true)).out, ::testing::Not(HasSubstr(escape)));
  EXPECT_THAT(run_cli(args, with_variables({{"TERM", "dumb"}}, true)).out, ::testing::Not(HasSubstr(escape)));
  EXPECT_THAT(run_cli(args, with_variables({}, false)).out, ::testing::Not(HasSubstr(escape)));
  auto always = args;
  always.insert(always.begin(), {"--color", "always"});
  EXPECT_THAT(run_cli(always, with_variables({}, false)).out, HasSubstr(escape));
  auto never = args;
  never.insert(never.begin(), {"--color", "never"});
  EXPECT_THAT(run_cli(never, with_variables({}, true)).out, ::testing::Not(HasSubstr(escape)));
}

}  // namespace
}  // namespace hmicfrs::cli
