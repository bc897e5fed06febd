// `update` end to end in process, on a copy of the West Midlands register:
// what it writes, and each refusal with its exact message, exit status, and the
// register's bytes unchanged.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include <hmicfrs/cli/run.hpp>

#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::run_cli;

// What a usage error ends with.
const std::string k_usage = "Run 'hmicfrs-track --help' for usage.\n";
constexpr std::string_view k_peel = "inspections/peel/peel-2021-22.yaml";

// A copy of the West Midlands register, and its files' bytes as copied.
class UpdateTest : public ::testing::Test {
 protected:
  UpdateTest() : m_copy("update", "examples/west-midlands") {}

  fs::path root() const { return m_copy.root(); }
  std::vector<std::string> changed_files() const { return m_copy.changed_files(); }

  test::RunResult update(std::vector<std::string> args,
                         const cli::Environment& environment = test::quiet_environment()) const {
    args.insert(args.begin(), {"--data", root().string(), "update"});
    return run_cli(args, environment);
  }

  // The refusal's standard error, once its status is checked and the register found unchanged.
  std::string refused(const std::vector<std::string>& args, int status) const {
    const test::RunResult result = update(args);
    EXPECT_EQ(result.status, status);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(changed_files(), std::vector<std::string>{});
    return result.err;
  }

  test::RegisterCopy m_copy;
};

TEST_F(UpdateTest, WritesTheEntryAndPrintsTheDiff) {
  const test::RunResult result =
      update({"peel-2021-22/AFI3", "--rag", "amber", "--note", "Audit shows 82% compliance", "--date", "2022-03-20"});
  EXPECT_EQ(result.status, cli::k_exit_ok);
  EXPECT_EQ(result.out,
            "--- a/inspections/peel/peel-2021-22.yaml\n"
            "+++ b/inspections/peel/peel-2021-22.yaml\n"
            "@@ -160,6 +160,9 @@\n"
            "         note: Compliance below the force's own standard\n"
            "       - date: 2022-02-21\n"
            "         note: New victim needs assessment built into the records system; compliance still low\n"
            "+      - date: 2022-03-20\n"
            "+        rag: amber\n"
            "+        note: Audit shows 82% compliance\n"
            " \n"
            "   - ref: AFI4\n"
            "     type: afi\n");
  EXPECT_EQ(result.err, "peel-2021-22/AFI3: entry dated 2022-03-20 added to " + (root() / k_peel).string() + "\n");
  EXPECT_EQ(changed_files(), std::vector<std::string>{std::string(k_peel)});
  // The finding shows it.
  const test::RunResult shown = run_cli({"--data", root().string(), "show", "peel-2021-22/AFI3", "--format", "json"});
  EXPECT_NE(shown.out.find("Audit shows 82% compliance"), std::string::npos);
}

TEST_F(UpdateTest, DatesTheEntryTodayWritesNothingOnADryRunAndTellsTheWarningsTheEntryAdds) {
  const test::RunResult result =
      update({"peel-2021-22/AFI4", "--status", "closed", "--rag", "green", "--note", "Done\nSigned off", "--dry-run"});
  EXPECT_EQ(result.status, cli::k_exit_ok);
  EXPECT_EQ(result.out,
            "--- a/inspections/peel/peel-2021-22.yaml\n"
            "+++ b/inspections/peel/peel-2021-22.yaml\n"
            "@@ -173,6 +173,12 @@\n"
            "         status: open\n"
            "         rag: amber\n"
            "         note: Outcome data review commissioned\n"
            "+      - date: 2026-01-15\n"
            "+        status: closed\n"
            "+        rag: green\n"
            "+        note: |-\n"
            "+          Done\n"
            "+          Signed off\n"
            " \n"
            "   - ref: AFI5\n"
            "     type: afi\n");
  EXPECT_EQ(result.err, (root() / k_peel).string() +
                            ":178:14: warning: a RAG rating applies only to open findings, not to status 'closed' "
                            "[rag-when-closed]\n0 errors, 1 warning\n");
  EXPECT_EQ(changed_files(), std::vector<std::string>{});
}

TEST_F(UpdateTest, KeepsANoteAsTheRegisterKeepsIt) {
  // Line breaks pasted from Windows, and white space ending a line or the note, which no literal block keeps.
  const test::RunResult result =
      update({"peel-2021-22/AFI4", "--note", "Done. \r\nSigned off\t\r\n\r\n", "--date", "2022-03-20", "--dry-run"});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_NE(
      result.out.find("+      - date: 2022-03-20\n+        note: |-\n+          Done.\n+          Signed off\n \n"),
      std::string::npos)
      << result.out;
}

TEST_F(UpdateTest, WritesAFileReachedThroughALinkInsideTheRegisterAtItsTarget) {
  const fs::path target = root() / ".kept" / "peel-2021-22.yaml";
  fs::create_directories(target.parent_path());
  fs::rename(root() / k_peel, target);
  fs::create_symlink("../../.kept/peel-2021-22.yaml", root() / k_peel);
  const test::RunResult result = update({"peel-2021-22/AFI1", "--note", "Academy intake started"});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_TRUE(fs::is_symlink(root() / k_peel));
  EXPECT_EQ(result.out.substr(0, result.out.find("@@")),
            "--- a/.kept/peel-2021-22.yaml\n+++ b/.kept/peel-2021-22.yaml\n");  // as git apply finds it
  EXPECT_EQ(result.err, "peel-2021-22/AFI1: entry dated 2026-01-15 added to " +
                            (root() / ".kept/peel-2021-22.yaml").string() + "\n");
  const std::string written = read_text(target);
  EXPECT_NE(written.find("      - date: 2026-01-15\n        note: Academy intake started\n"), std::string::npos);
  EXPECT_EQ(written.size(), m_copy.copied(root() / k_peel).size() + 62);
}

TEST_F(UpdateTest, RefusesAFileReachedThroughALinkOutOfTheRegister) {
  const fs::path outside = m_copy.scratch() / "elsewhere.yaml";
  fs::rename(root() / k_peel, outside);
  fs::create_symlink(outside, root() / k_peel);
  m_copy.forget(root() / k_peel);
  const test::RunResult result = update({"peel-2021-22/AFI1", "--note", "Academy intake started"});
  EXPECT_EQ(result.status, cli::k_exit_io);
  EXPECT_EQ(result.err,
            (root() / k_peel).string() +
                ":1:1: error: is a symbolic link to a place outside the data directory, which is never read: "
                "copy what it holds into the register instead [read-error]\n1 error, 0 warnings\n"
                "hmicfrs-track: the register has errors: fix them first (hmicfrs-track validate lists "
                "them)\n");
  EXPECT_EQ(read_text(outside), read_text("examples/west-midlands/" + std::string(k_peel)));
}

TEST_F(UpdateTest, RefusesAnUnknownFindingWithTheNearestIds) {
  EXPECT_EQ(refused({"peel-2021-22/AFI33", "--note", "x"}, cli::k_exit_invalid_data),
            "hmicfrs-track: no finding 'peel-2021-22/AFI33' in the register: did you mean 'peel-2021-22/AFI3'?\n");
}

TEST_F(UpdateTest, RefusesARatingOrStatusOutsideTheVocabulary) {
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--rag", "amberr"}, cli::k_exit_invalid_data),
            "hmicfrs-track: --rag: 'amberr' is not a rating of this register: did you mean 'amber'? (its ratings: "
            "red, amber or green)\n");
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--status", "done"}, cli::k_exit_invalid_data),
            "hmicfrs-track: --status: 'done' is not a status (the statuses: open, awaiting-sign-off, closed, achieved, "
            "superseded, declined or not-monitored)\n");
}

TEST_F(UpdateTest, RefusesADateBeforeTheLastEntryOrAfterToday) {
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "x", "--date", "2022-02-20"}, cli::k_exit_invalid_data),
            "hmicfrs-track: --date 2022-02-20 is before the last entry of peel-2021-22/AFI3 (dated 2022-02-21, at " +
                (root() / k_peel).string() + ":161): an entry goes last, so it cannot be dated before that\n");
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "x", "--as-at", "2022-02-21"}, cli::k_exit_invalid_data),
            "hmicfrs-track: --as-at 2022-02-21 is before the last entry of peel-2021-22/AFI3 (dated 2022-02-21, at " +
                (root() / k_peel).string() +
                ":161): an entry goes last, so it cannot be dated before that (what was known as at a day goes "
                "before what happened on it)\n");
  EXPECT_EQ(
      refused({"peel-2021-22/AFI3", "--note", "x", "--date", "2026-01-16"}, cli::k_exit_usage),
      "hmicfrs-track: --date 2026-01-16 is after today (2026-01-15): an entry records what has happened\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "x", "--date", "2022-03"}, cli::k_exit_usage),
            "hmicfrs-track: --date: '2022-03' is not a day: write it as YYYY-MM-DD, as in 2022-03-14\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "x", "--as-of", "2022-03-31"}, cli::k_exit_usage),
            "hmicfrs-track: --as-of does not apply to update: its entry is dated by --date (or --as-at), and the "
            "register is checked as of today\n" +
                k_usage);
}

TEST_F(UpdateTest, RefusesAnEntryThatSaysNothingOrPairsSupersessionWrongly) {
  EXPECT_EQ(
      refused({"peel-2021-22/AFI3"}, cli::k_exit_usage),
      "hmicfrs-track: an update records something: give --rag, --status, --note, --owner, --due or --by\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--status", "superseded"}, cli::k_exit_usage),
            "hmicfrs-track: --status superseded needs --by: the finding that replaces this one\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--by", "peel-2021-22/AFI4"}, cli::k_exit_usage),
            "hmicfrs-track: --by goes only with --status superseded\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--due", "soon"}, cli::k_exit_usage),
            "hmicfrs-track: --due: 'soon' is not a month or a day, as in 2022-09 or 2022-09-30\n" + k_usage);
}

TEST_F(UpdateTest, RefusesWhatNoRegisterFileMayHold) {
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "bell\a"}, cli::k_exit_usage),
            "hmicfrs-track: --note: holds a control character (U+0007), which no register file may hold: remove it\n" +
                k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", "caf\xE9"}, cli::k_exit_usage),
            "hmicfrs-track: --note: holds a byte that is not UTF-8 (0xE9): write it in UTF-8\n" + k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--note", std::string((1u << 20) + 1, 'x')}, cli::k_exit_usage),
            "hmicfrs-track: --note: holds 1048577 bytes, more than the 1 MiB a register's value may hold: shorten "
            "it\n" +
                k_usage);
  EXPECT_EQ(refused({"peel-2021-22/AFI3", "--owner", "Head of\nCrime"}, cli::k_exit_usage),
            "hmicfrs-track: --owner: an owner is one line\n" + k_usage);
}

TEST_F(UpdateTest, RefusesAnEntryTheRegisterWouldNotValidate) {
  // The finding that supersedes it, named in any case, is written by its id; a finding cannot supersede itself: the
  // usual located error, in the file as it would be.
  EXPECT_EQ(
      refused({"peel-2021-22/AFI3", "--status", "superseded", "--by", "PEEL-2021-22/afi3", "--date", "2022-03-20"},
              cli::k_exit_invalid_data),
      (root() / k_peel).string() +
          ":165:13: error: supersession cycle: peel-2021-22/AFI3 -> peel-2021-22/AFI3 [supersession-cycle]\n"
          "1 error, 0 warnings\n"
          "hmicfrs-track: the entry was not added to peel-2021-22/AFI3: the register would have the errors "
          "above\n");
  EXPECT_EQ(
      refused({"peel-2021-22/AFI3", "--status", "superseded", "--by", "peel-2021-22/AFI99"}, cli::k_exit_invalid_data),
      "hmicfrs-track: --by: no finding 'peel-2021-22/AFI99' in the register: did you mean "
      "'peel-2021-22/AFI9'?\n");
}

TEST_F(UpdateTest, RefusesAFileThatChangedWhileTheUpdateWasMade) {
  // Another editor saves the file after update has read it and before it replaces it.
  cli::Environment environment = test::quiet_environment();
  const fs::path file = root() / k_peel;
  environment.while_editing = [&](const std::string& path) {
    EXPECT_EQ(fs::path(path), fs::canonical(file));
    std::ofstream(path, std::ios::app) << "# saved meanwhile\n";
  };
  const test::RunResult result = update({"peel-2021-22/AFI3", "--note", "x"}, environment);
  EXPECT_EQ(result.status, cli::k_exit_invalid_data);
  EXPECT_EQ(result.err,
            "hmicfrs-track: " + file.string() + " changed while the change was made; nothing written: run it again\n");
  EXPECT_EQ(read_text(file), m_copy.copied(file) + "# saved meanwhile\n");
}

}  // namespace
}  // namespace hmicfrs

namespace hmicfrs::test {
namespace {

// An entry whose rating a rule of `action_ratings` overrides is written, and the user is told which rule wins.
TEST(UpdateActions, TellsWhenAnActionRuleOverridesTheRatingWritten) {
  const RegisterCopy copy("update-actions", "examples/oversight");
  const RunResult result = run_cli({"--data", copy.root().string(), "update", "peel-2023-25/AFI1", "--rag", "red",
                                    "--note", "Establishment stalled", "--date", "2024-10-01", "--dry-run"},
                                   quiet_environment());
  EXPECT_EQ(result.status, cli::k_exit_ok);
  // Today (2026-01-15 in tests) its actions stand at (100 + 5 + 100) / 3 = 68%: rule 3, amber.
  EXPECT_EQ(result.err, (copy.root() / "inspections/peel/peel-2023-25.yaml").string() +
                            ":127:14: note: as of 2026-01-15, 'peel-2023-25/AFI1' is rated amber by action rule 3 "
                            "(actions at most 75% complete), not red as written here [action-rating]\n"
                            "0 errors, 0 warnings\n");
}

}  // namespace
}  // namespace hmicfrs::test
