// A terminal of any width: counts and grades that read at 60 and 40 columns, lines that never break inside a
// date, an id or an option, help wrapped to the same width, and the words the bash completion asks for.

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/render/document.hpp>

#include "support/golden.hpp"

namespace hmicfrs::cli {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

Environment columns(std::size_t width) {
  Environment environment = test::quiet_environment();
  environment.variable = [width](std::string_view name) -> std::optional<std::string> {
    return name == "COLUMNS" ? std::optional(std::to_string(width)) : std::nullopt;
  };
  return environment;
}

std::string at_width(std::size_t width, const std::vector<std::string>& args) {
  const test::RunResult result = run_cli(args, columns(width));
  EXPECT_EQ(result.status, k_exit_ok) << result.err;
  return result.out;
}

std::size_t widest(const std::string& text) {
  std::size_t most = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) most = std::max(most, render::display_width(line));
  return most;
}

const std::vector<std::string> k_west_midlands = {"--data", "examples/west-midlands", "--as-of", "2022-03-31"};

std::vector<std::string> west_midlands(std::vector<std::string> args) {
  args.insert(args.begin(), k_west_midlands.begin(), k_west_midlands.end());
  return args;
}

TEST(NarrowTerminal, StatusKeepsTheCommandsDateWhole) {
  const std::string status = at_width(60, west_midlands({"status"}));
  EXPECT_THAT(status, HasSubstr("\n... and 3 more: hmicfrs-track list --stale\n--as-of 2022-03-31\n"));
  EXPECT_THAT(at_width(40, west_midlands({"status"})),
              HasSubstr("\n... and 3 more: hmicfrs-track list\n--stale --as-of 2022-03-31\n"));
  EXPECT_LE(widest(status), 60u);
}

TEST(NarrowTerminal, ChaseKeepsTheDayToWriteByWhole) {
  EXPECT_THAT(at_width(80, {"--data", "examples/west-midlands", "--as-of", "2022-03-24", "chase"}),
              HasSubstr("\nAs of 2022-03-24: 11 findings for 6 owners. Unless an update is written by\n"
                        "2022-03-31, the paper will show each as its last column says.\n"));
  EXPECT_THAT(at_width(60, {"--data", "examples/west-midlands", "--as-of", "2022-03-24", "chase"}),
              HasSubstr("\nAs of 2022-03-24: 11 findings for 6 owners. Unless an update\n"
                        "is written by 2022-03-31, the paper will show each as its\n"
                        "last column says.\n"));
}

TEST(NarrowTerminal, RagIsASentencePerPortfolioWithEveryNumberAndItsLabel) {
  EXPECT_EQ(at_width(60, west_midlands({"rag"})),
            "Findings by RAG rating as of 2022-03-31\n"
            "=======================================\n"
            "Crime: 8 open (1 red, 5 amber, 2 green, 0 unrated);\n"
            "  1 closed; 9 in all\n"
            "Public Protection: 8 open (2 red, 3 amber, 3 green,\n"
            "  0 unrated); 0 closed; 8 in all\n"
            "Local Policing: 2 open (0 red, 2 amber, 0 green, 0 unrated);\n"
            "  2 closed; 4 in all\n"
            "Force Contact and Response: 1 open (0 red, 1 amber, 0 green,\n"
            "  0 unrated); 0 closed; 1 in all\n"
            "Criminal Justice Services: 3 open (0 red, 1 amber, 2 green,\n"
            "  0 unrated); 0 closed; 3 in all\n"
            "People and Organisational Development: 3 open (0 red,\n"
            "  1 amber, 2 green, 0 unrated); 0 closed; 3 in all\n"
            "Professional Standards: 1 open (0 red, 0 amber, 1 green,\n"
            "  0 unrated); 0 closed; 1 in all\n"
            "Security and Serious Organised Crime: 0 open (0 red,\n"
            "  0 amber, 0 green, 0 unrated); 2 closed; 2 in all\n"
            "Strategy, Finance and Change: 2 open (0 red, 2 amber,\n"
            "  0 green, 0 unrated); 0 closed; 2 in all\n"
            "Total: 28 open (3 red, 15 amber, 10 green, 0 unrated);\n"
            "  5 closed; 33 in all\n");
  const std::string narrowest = at_width(40, west_midlands({"rag"}));
  EXPECT_THAT(narrowest,
              HasSubstr("\nTotal: 28 open (3 red, 15 amber,\n  10 green, 0 unrated); 5 closed;\n  33 in all\n"));
  EXPECT_LE(widest(narrowest), 40u);
  // Wide enough, the table as it always was.
  EXPECT_THAT(at_width(100, west_midlands({"rag"})),
              HasSubstr("\nPortfolio                              Red  Amber  Green  Unrated  Open  Closed  Total\n"));
}

TEST(NarrowTerminal, RagOfAFourColourRegisterCountsTheClosedRatingsAfterClosed) {
  EXPECT_THAT(at_width(60, {"--data", "examples/four-colour", "--as-of", "2024-06-30", "rag"}),
              HasSubstr("\nCriminal Justice and Custody: 6 open (1 red, 4 amber,\n"
                        "  1 white, 0 unrated); 3 closed (1 red, 2 green); 9 in all\n"));
}

TEST(NarrowTerminal, RagByReportNamesThePublicationAndTheShareComplete) {
  EXPECT_THAT(at_width(60, west_midlands({"rag", "--by", "report"})),
              HasSubstr("\nPEEL 2018/19 – Integrated PEEL assessment of West Midlands\n"
                        "  Police: published 2019-05; 2 in all (1 open, 1 closed,\n"
                        "  1 done, 50% complete)\n"));
}

TEST(NarrowTerminal, PeelListsEachGradeThenItsAreas) {
  const std::string expected =
      "Outstanding: none\n"
      "Good:\n"
      "  - Preventing crime\n"
      "  - Recording data about crime\n"
      "  - Treatment of the public\n"
      "  - Disrupting serious organised crime\n"
      "  - Good use of resources\n"
      "Adequate:\n"
      "  - Responding to the public\n"
      "  - Managing offenders\n"
      "  - Developing a positive workplace\n"
      "Requires improvement:\n"
      "  - Investigating crime\n"
      "  - Supporting victims\n"
      "  - Protecting vulnerable people\n"
      "Inadequate: none\n";
  EXPECT_EQ(at_width(60, west_midlands({"peel"})),
            "PEEL 2021/22: PEEL 2021/22 – An inspection of West Midlands\n"
            "Police\n"
            "===========================================================\n"
            "Published in October 2021. 11 areas graded on the five-point\n"
            "scale; 2 not graded.\n"
            "\n" +
                expected +
                "\n"
                "Not graded\n"
                "----------\n"
                "- Meeting the strategic policing requirement\n"
                "- Protecting the public against armed threats\n");
  EXPECT_THAT(at_width(40, west_midlands({"peel"})), HasSubstr("\n" + expected));
  EXPECT_THAT(at_width(100, west_midlands({"peel"})),
              HasSubstr("\nOutstanding  Good                     Adequate                  Requires improvement      "
                        "Inadequate\n"));
}

TEST(NarrowTerminal, TablesWriteTheirOwnNarrowLayout) {
  render::Table counts{{{"Group", render::Align::left, true},
                        {"Red", render::Align::right, false, false, render::CellKind::number, false, "{} red"},
                        {"Open", render::Align::right, false, false, render::CellKind::number, false, "{} open"},
                        {"Note", render::Align::left, true, true},
                        {"Share"}},
                       {{"A group with a long name", "2", "3", "", "-"}, {"B", "0", "0", "", "50%"}},
                       render::Narrow::sentences,
                       0,
                       {{2, {1}}, {3}, {4}}};
  std::ostringstream out;
  render::write_text(out, render::Document{}.add(counts), {20, false});
  // The empty optional column is left out and the clauses follow; "-" holds no value.
  EXPECT_EQ(out.str(), "A group with a long\n  name: 3 open\n  (2 red)\nB: 0 open (0 red);\n  Share: 50%\n");
}

TEST(HelpAtTheTerminalsWidth, WrapsAndListsTheGlobalOptions) {
  EXPECT_EQ(at_width(60, {"validate", "--help"}),
            "Check every file of the register and list every problem\n"
            "Usage: hmicfrs-track validate [OPTIONS]\n"
            "\n"
            "Options:\n"
            "  -h,--help             Print this help message and exit\n"
            "  --strict              Fail (exit 1) on warnings as well as\n"
            "                        errors\n"
            "  --format TEXT:{text,json}\n"
            "                        Output: text (GCC-style lines) or\n"
            "                        json\n"
            "\n"
            "Global options (before or after the command):\n"
            "  --data DIR            The register's directory (default:\n"
            "                        $HMICFRS_TRACK_DATA, else the\n"
            "                        nearest directory upwards holding\n"
            "                        hmicfrs-track.yaml)\n"
            "  --as-of DATE          Answer as of this date, YYYY-MM-DD\n"
            "                        (default: today)\n"
            "  --color TEXT:{auto,always,never}\n"
            "                        Colour the output: auto (on a\n"
            "                        terminal, unless NO_COLOR), always\n"
            "                        or never\n"
            "  --no-pager            On a terminal, do not page long text\n"
            "                        output through $PAGER (default: less\n"
            "                        -FRX)\n"
            "  --no-cache            Parse every file afresh: neither\n"
            "                        read nor write the parse cache (also\n"
            "                        HMICFRS_TRACK_CACHE=0)\n"
            "\n"
            "Example:\n"
            "  hmicfrs-track validate --data examples/west-midlands\n"
            "  --strict\n"
            "\n"
            "Exit status: 0 valid, 1 errors (or warnings with --strict),\n"
            "2 usage, 3 unreadable.\n");
}

TEST(HelpAtTheTerminalsWidth, EveryCommandListsTheGlobalOptionsItTakes) {
  const std::string program = at_width(80, {"--help"});
  for (const std::string command : {"validate", "status", "rag", "list", "chase", "show", "peel", "inspections",
                                    "changes", "committees", "report", "schema", "init", "import"}) {
    EXPECT_THAT(program, HasSubstr("\n  " + command)) << command;
    for (const std::size_t width : {40, 60, 100}) {
      const std::string help = at_width(width, {command, "--help"});
      EXPECT_LE(widest(help), width) << command << " at " << width << ":\n" << help;
      const std::size_t globals = help.find("\nGlobal options (before or after the");
      ASSERT_NE(globals, std::string::npos) << command;
      for (const std::string option : {"--data DIR", "--as-of DATE", "--color", "--no-pager", "--no-cache"}) {
        EXPECT_NE(help.find("\n  " + option, globals), std::string::npos) << command << " " << option;
      }
      EXPECT_EQ(help.find("--complete"), std::string::npos) << command;  // hidden: for the completion only
    }
  }
}

TEST(CompletionWords, ComeFromTheRegister) {
  const std::vector<std::string> data = {"--data", "examples/west-midlands"};
  const auto words = [&](const std::string& kind) {
    std::vector<std::string> args = data;
    args.insert(args.end(), {"--complete", kind});
    return at_width(80, args);
  };
  EXPECT_EQ(words("portfolios"),
            "crime\ncriminal-justice\nforce-contact\nlocal-policing\npeople\nprofessional-standards\n"
            "public-protection\nsecurity\nstrategy\n");
  EXPECT_EQ(words("owners"),
            "Assistant Chief Constable (Crime)\nAssistant Chief Constable (Local Policing)\n"
            "Assistant Chief Constable (Security)\nChief Superintendent (Force Contact)\n"
            "Director of Commercial Services\nDirector of People\nHead of Criminal Justice Services\n"
            "Head of Professional Standards\nHead of Public Protection\n");
  EXPECT_EQ(words("cycles"), "2014\n2015\n2016\n2017\n2018-19\n2021-22\n2023-25\n2025-27\n");
  EXPECT_THAT(words("findings"), HasSubstr("\npeel-2021-22/AFI1\npeel-2021-22/AFI10\n"));
  const test::RunResult unknown = run_cli({"--complete", "owner"});
  EXPECT_EQ(unknown.status, k_exit_usage);
  EXPECT_EQ(unknown.err,
            "hmicfrs-track: --complete: no kind 'owner': did you mean 'owners'? (kinds: portfolios, owners, findings, "
            "cycles)\nRun 'hmicfrs-track --help' for usage.\n");
  EXPECT_EQ(run_cli({"--data", "examples/west-midlands", "--complete", "owners", "status"}).status, k_exit_usage);
}

}  // namespace
}  // namespace hmicfrs::cli
