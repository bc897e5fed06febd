#include <filesystem>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/golden.hpp"

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
  EXPECT_EQ(result.out,
            "validate\nstatus\nrag\nlist\nshow\npeel\ninspections\nchanges\ncommittees\nreport\nschema\ninit\n");
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
