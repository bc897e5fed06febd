// `import FILE --add` end to end in process, on a copy of the West Midlands register: a new report's findings
// appended to the file the liaison officer made for it, every other byte kept; a report the register lacks written
// as a new file; and each refusal with its exact message, exit status and the register's bytes unchanged.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <hmicfrs/cli/run.hpp>

#include "support/coverage.hpp"
#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::run_cli;

constexpr std::string_view k_vetting = "inspections/thematic/vetting-2022.yaml";
// The file a liaison officer makes the day a report is published: what it is, before its findings are listed.
constexpr std::string_view k_made =
    "# Made the day it was published; the findings follow from the force's tracker.\n"
    "id: vetting-2022\n"
    "type: national-thematic\n"
    "title: An inspection of vetting, misconduct and misogyny in the police service\n"
    "published: 2022-11-02\n";
constexpr std::string_view k_header = "Ref,Report,Type,Recommendation,Owner,Portfolio,Due date\n";

class ImportAddTest : public ::testing::Test {
 protected:
  ImportAddTest() : m_copy("import-add", "examples/west-midlands") {
    std::ofstream(root() / k_vetting, std::ios::binary) << k_made;
    m_copy.forget(root() / k_vetting);
  }

  fs::path root() const { return m_copy.root(); }

  std::string tracker(const std::string& rows) const {
    const fs::path path = m_copy.scratch() / "vetting.csv";
    std::ofstream(path, std::ios::binary) << k_header << rows;
    return path.string();
  }

  test::RunResult add(const std::string& file, std::vector<std::string> more = {}) const {
    std::vector<std::string> args{"--data", root().string(), "import", file, "--add"};
    args.insert(args.end(), more.begin(), more.end());
    return run_cli(args, test::quiet_environment());
  }

  // Nothing written: every file as copied, and the report's file as made.
  void expect_unchanged() const {
    EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{"(a file was added or removed)"});
    EXPECT_EQ(read_text(root() / k_vetting), k_made);
    EXPECT_FALSE(fs::exists(root() / "inspections" / "custody-2023.yaml"));
  }

  test::RegisterCopy m_copy;
};

TEST_F(ImportAddTest, AppendsToTheReportsFileAndWritesANewFileForAReportTheRegisterLacks) {
  const std::string file = tracker(
      "AFI1,vetting-2022,AFI,Check vetting decisions for consistency,Director of People,people,2023-03\n"
      "AFI2,vetting-2022,AFI,Record the reasons for vetting decisions,Director of People,people,2023-06\n"
      "R1,custody-2023,Recommendation,Review custody records weekly,Director of People,people,2023-09\n");
  const test::RunResult result = add(file);
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  const std::string appended =
      "\n"
      "findings:\n"
      "  # From vetting.csv, row 2\n"
      "  - ref: AFI1\n"
      "    type: afi\n"
      "    title: Check vetting decisions for consistency\n"
      "    owner: Director of People\n"
      "    portfolio: people\n"
      "    due: 2023-03\n"
      "\n"
      "  # From vetting.csv, row 3\n"
      "  - ref: AFI2\n"
      "    type: afi\n"
      "    title: Record the reasons for vetting decisions\n"
      "    owner: Director of People\n"
      "    portfolio: people\n"
      "    due: 2023-06\n";
  EXPECT_EQ(read_text(root() / k_vetting), std::string(k_made) + appended);
  EXPECT_EQ(read_text(root() / "inspections" / "custody-2023.yaml"),
            "# From vetting.csv, row 4.\nid: custody-2023\ntype: custody\ntitle: custody-2023\n\nfindings:\n  # row 4\n"
            "  - ref: R1\n    type: recommendation\n    title: Review custody records weekly\n"
            "    owner: Director of People\n    portfolio: people\n    due: 2023-09\n");
  EXPECT_EQ(result.out.substr(0, result.out.find("\n\n")),
            "3 findings from vetting.csv: 2 findings to reports the register has; 1 finding in 1 new report file");
  EXPECT_NE(result.out.find("--- a/inspections/thematic/vetting-2022.yaml\n+++ b/inspections/thematic/"
                            "vetting-2022.yaml\n@@ -3,3 +3,20 @@\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("--- /dev/null\n+++ b/inspections/custody-2023.yaml\n@@ -0,0 +1,13 @@\n"),
            std::string::npos);
  EXPECT_TRUE(result.out.ends_with("\nCommit message:\nAdd 3 findings from vetting.csv\n")) << result.out;
  // Only the report's own file changed; the register reads the findings.
  m_copy.forget(root() / "inspections" / "custody-2023.yaml");
  EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{"(a file was added or removed)"});
  const test::RunResult shown = run_cli({"--data", root().string(), "show", "vetting-2022/AFI2"});
  EXPECT_EQ(shown.status, cli::k_exit_ok);
  EXPECT_NE(shown.out.find("Record the reasons for vetting decisions"), std::string::npos);
}

TEST_F(ImportAddTest, RefusesARefTheRegistersReportHasNamingBothPlaces) {
  ASSERT_EQ(add(tracker("AFI1,vetting-2022,AFI,Check vetting,Director of People,people,2023-03\n")).status,
            cli::k_exit_ok);
  const std::string once = read_text(root() / k_vetting);
  const std::string file = tracker(
      "AFI1,vetting-2022,AFI,Check vetting,Director of People,people,2023-03\n"
      "AFI1,peel-2021-22,AFI,Again,Director of People,people,2023-03\n");
  const test::RunResult result = add(file);
  EXPECT_EQ(result.status, cli::k_exit_invalid_data);
  EXPECT_EQ(result.out, "");
  const std::string expected =
      "No --map: the columns are guessed from the header row; `hmicfrs-track import --guess " + file +
      "` writes the guess as a mapping to check and edit.\n" + file +
      ":2:1: error: vetting-2022/AFI1 is in the register already, at " + (root() / k_vetting).string() +
      ":9: leave its row out, or give it a ref of its own [duplicate-id]\n" + file +
      ":3:1: error: peel-2021-22/AFI1 is in the register already, at " +
      (root() / "inspections/peel/peel-2021-22.yaml").string() +
      ":108: leave its row out, or give it a ref of its own [duplicate-id]\n"
      "2 errors, 0 warnings\nhmicfrs-track: nothing written: fix the tracker's rows above, and import again\n";
  test::note_asserted_codes(expected);
  EXPECT_EQ(result.err, expected);
  EXPECT_EQ(read_text(root() / k_vetting), once);
}

TEST_F(ImportAddTest, WritesNothingWhenTheRegisterWouldHaveErrors) {
  // A rating the register does not have: the tracker says Blue, which gives an imported register BRAG.
  const fs::path path = m_copy.scratch() / "blue.csv";
  std::ofstream(path) << "Ref,Report,Type,Recommendation,Owner,Portfolio,Due date,RAG status\n"
                         "AFI1,vetting-2022,AFI,Check vetting,Director of People,people,2023-03,Blue\n";
  const test::RunResult result =
      run_cli({"--data", root().string(), "--as-of", "2022-11-30", "import", path.string(), "--add"},
              test::quiet_environment());
  EXPECT_EQ(result.status, cli::k_exit_invalid_data);
  EXPECT_EQ(result.out, "");
  // Located where the entry would be: the file as the import would have made it.
  EXPECT_TRUE(result.err.ends_with((root() / k_vetting).string() +
                                   ":18:14: error: unknown RAG rating 'blue' (expected red, amber or green) "
                                   "[invalid-value]\n1 error, 0 warnings\nhmicfrs-track: nothing written: the "
                                   "register would have the errors above with the tracker's findings\n"))
      << result.err;
  expect_unchanged();
}

TEST_F(ImportAddTest, NamesTheRegistersReportsAndPortfoliosAsPeopleDo) {
  // The report by its title, a portfolio by its name, each in another case; a ref in another case is the same ref.
  const fs::path path = m_copy.scratch() / "named.csv";
  std::ofstream(path) << "Ref,Report,Type,Recommendation,Owner,Portfolio,Due date\n"
                         "AFI1,\"AN INSPECTION OF VETTING, MISCONDUCT AND MISOGYNY IN THE POLICE SERVICE\",AFI,Check "
                         "vetting,Director of People,people and organisational development,2023-03\n";
  const test::RunResult named = add(path.string());
  EXPECT_EQ(named.status, cli::k_exit_ok) << named.err;
  EXPECT_NE(read_text(root() / k_vetting)
                .find("  - ref: AFI1\n    type: afi\n    title: Check vetting\n    owner: "
                      "Director of People\n    portfolio: people\n"),
            std::string::npos)
      << read_text(root() / k_vetting);
  EXPECT_EQ(named.out.substr(0, named.out.find('\n')),
            "1 finding from named.csv: 1 finding to reports the register has");
  const test::RunResult again = add(tracker("afi1,vetting-2022,AFI,Again,Director of People,people,2023-03\n"));
  EXPECT_EQ(again.status, cli::k_exit_invalid_data);
  EXPECT_NE(again.err.find(":2:1: error: vetting-2022/AFI1 is in the register already, at "), std::string::npos)
      << again.err;
  // A portfolio the register lacks: at the tracker's cell, before anything else.
  const std::string unknown = tracker("AFI9,vetting-2022,AFI,Check,Director of People,Vetting Unit,2023-03\n");
  const test::RunResult refused = add(unknown);
  EXPECT_EQ(refused.status, cli::k_exit_invalid_data);
  EXPECT_NE(refused.err.find(unknown + ":2:6: error: F2 (Portfolio): 'Vetting Unit' is not a portfolio of the "
                                       "register: add it to `portfolios` in hmicfrs-track.yaml, or name one it has "
                                       "[unknown-reference]\n"),
            std::string::npos)
      << refused.err;
}

TEST_F(ImportAddTest, TakesNeitherIntoNorGuess) {
  const std::string file = tracker("AFI1,vetting-2022,AFI,Check vetting,Director of People,people,2023-03\n");
  for (const std::string option : {"--guess", "--into"}) {
    std::vector<std::string> more{option};
    if (option == "--into") more.push_back((m_copy.scratch() / "new").string());
    const test::RunResult result = add(file, more);
    EXPECT_EQ(result.status, cli::k_exit_usage);
    EXPECT_EQ(result.err,
              "hmicfrs-track: --add adds to the register in reach: leave out --into and --guess\nRun 'hmicfrs-track "
              "--help' for usage.\n");
  }
  expect_unchanged();
}

}  // namespace
}  // namespace hmicfrs
