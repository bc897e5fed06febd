// `collect` end to end in process, on a copy of the West Midlands register, from returned sheets saved as CSV (the
// workbooks themselves, filled in by openpyxl and LibreOffice, are collect_test.py's): what it writes and prints,
// what it skips, its conflicts, and each refusal with its exact diagnostics, exit status and the register's bytes
// unchanged.

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
using test::run_cli;

constexpr std::string_view k_peel = "inspections/peel/peel-2021-22.yaml";
// The columns collect reads, as an Updates sheet saved as CSV has them among the rest.
constexpr std::string_view k_header =
    "Owner,Finding,Title,Last entry,New rating,New status,Update note,Date of update\n";
const std::string k_refused =
    "hmicfrs-track: nothing written: 1 problem in the returned files; fix them, and run collect again\n";

class CollectTest : public ::testing::Test {
 protected:
  CollectTest() : m_copy("collect", "examples/west-midlands") {}

  fs::path root() const { return m_copy.root(); }

  // A returned sheet saved as CSV: the header, then `rows`.
  std::string returned(const std::string& name, const std::string& rows) const {
    const fs::path path = m_copy.scratch() / name;
    std::ofstream(path, std::ios::binary) << k_header << rows;
    return path.string();
  }

  test::RunResult collect(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--data", root().string(), "collect"});
    return run_cli(args, test::quiet_environment());
  }

  // The refusal's standard error, once its status is checked and the register found unchanged.
  std::string refused(const std::vector<std::string>& args, int status) const {
    const test::RunResult result = collect(args);
    EXPECT_EQ(result.status, status);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{});
    return result.err;
  }

  // The one diagnostic a refused file gives, checked whole: its location (the file, and the row and column of the
  // cell), and then the refusal.
  void expect_refused(const std::string& rows, const std::string& diagnostic) {
    const std::string file = returned("returned.csv", rows);
    const std::string expected = file + ":" + diagnostic + "\n1 error, 0 warnings\n" + k_refused;
    test::note_asserted_codes(expected);
    EXPECT_EQ(refused({file}, cli::k_exit_invalid_data), expected);
  }

  test::RegisterCopy m_copy;
};

TEST_F(CollectTest, RecordsEachFilledRowSkipsTheEmptyOnesAndPrintsTheDiffAndACommitMessage) {
  const std::string file = returned(
      "crime.csv",
      "Assistant Chief Constable (Crime),peel-2021-22/AFI3,Victims,2022-02-21,Amber,,Audit shows 82% compliance,"
      "12/03/2022\n"
      "Assistant Chief Constable (Crime),peel-2021-22/AFI4,Withdrawal,2021-11-08,,,,\n"
      "Assistant Chief Constable (Crime),peel-2021-22/NF4,Crime recording,2021-11-08,,closed,\"Audit passed;\r\nsigned "
      "off\",14/03/2022\n");
  const test::RunResult result = collect({file});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out,
            "2 updates from 1 owner, 0 conflicts, 1 skipped (1 empty, 0 already applied)\n"
            "\n"
            "--- a/inspections/peel/peel-2021-22.yaml\n"
            "+++ b/inspections/peel/peel-2021-22.yaml\n"
            "@@ -160,6 +160,9 @@\n"
            "         note: Compliance below the force's own standard\n"
            "       - date: 2022-02-21\n"
            "         note: New victim needs assessment built into the records system; compliance still low\n"
            "+      - date: 2022-03-12\n"
            "+        rag: amber\n"
            "+        note: Audit shows 82% compliance\n"
            " \n"
            "   - ref: AFI4\n"
            "     type: afi\n"
            "@@ -356,6 +359,11 @@\n"
            "         status: open\n"
            "         rag: green\n"
            "         note: Monthly audit continues\n"
            "+      - date: 2022-03-14\n"
            "+        status: closed\n"
            "+        note: |-\n"
            "+          Audit passed;\n"
            "+          signed off\n"
            " \n"
            "   - ref: NF5\n"
            "     type: not-formal\n"
            "\n"
            "Commit message:\n"
            "Record 2 updates from 1 owner, collected 2026-01-15\n");
  EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{std::string(k_peel)});

  // Again: both rows are the findings' last entries now, and nothing is written.
  const test::RunResult again = collect({file});
  EXPECT_EQ(again.status, cli::k_exit_ok);
  EXPECT_EQ(again.out,
            "0 updates from 0 owners, 0 conflicts, 3 skipped (1 empty, 2 already applied); nothing to write\n");
  const std::string skipped = file +
                              ":2:2: note: peel-2021-22/AFI3's last entry is this row's update: skipped, as already "
                              "applied [returned-update]\n" +
                              file +
                              ":4:2: note: peel-2021-22/NF4's last entry is this row's update: skipped, as already "
                              "applied [returned-update]\n0 errors, 0 warnings\n";
  test::note_asserted_codes(skipped);
  EXPECT_EQ(again.err, skipped);
}

TEST_F(CollectTest, DatesARowWithoutADateAsAtTheDayItIsCollectedAndWritesNothingOnADryRun) {
  const std::string file = returned(
      "crime.csv", "Assistant Chief Constable (Crime),peel-2021-22/AFI4,Withdrawal,2021-11-08, GREEN\u00A0,,,\n");
  const test::RunResult result = collect({file, "--dry-run"});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_EQ(result.out,
            "1 update from 1 owner, 0 conflicts, 0 skipped (0 empty, 0 already applied)\n"
            "\n"
            "--- a/inspections/peel/peel-2021-22.yaml\n"
            "+++ b/inspections/peel/peel-2021-22.yaml\n"
            "@@ -173,6 +173,8 @@\n"
            "         status: open\n"
            "         rag: amber\n"
            "         note: Outcome data review commissioned\n"
            "+      - as_at: 2026-01-15\n"
            "+        rag: green\n"
            " \n"
            "   - ref: AFI5\n"
            "     type: afi\n"
            "\n"
            "Nothing written (--dry-run). Commit message, once written:\n"
            "Record 1 update from 1 owner, collected 2026-01-15\n");
  EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{});
}

TEST_F(CollectTest, ReportsAFindingChangedSinceItsWorkbookWasWrittenAndAppliesTheOtherRows) {
  const std::string file =
      returned("crime.csv",
               "Assistant Chief Constable (Crime),peel-2021-22/AFI3,Victims,2021-11-08,Green,,Done,2022-03-12\n"
               "Assistant Chief Constable (Crime),peel-2021-22/AFI4,Withdrawal,2021-11-08,Red,,Stalled,2022-03-12\n");
  const test::RunResult result = collect({file});
  EXPECT_EQ(result.status, cli::k_exit_ok);
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "1 update from 1 owner, 1 conflict, 0 skipped (0 empty, 0 already applied)");
  const std::string conflict =
      file +
      ":2:2: warning: peel-2021-22/AFI3 changed after the workbook was written (its last entry then: 2021-11-08); "
      "its last entry now, dated 2022-02-21 at " +
      (root() / k_peel).string() +
      ":161, says \"New victim needs assessment built into the records system; compliance still l...\"; the row's "
      "update, Green: \"Done\", is not applied: if it still holds, record it with `hmicfrs-track update` "
      "[update-conflict]\n0 errors, 1 warning\n";
  test::note_asserted_codes(conflict);
  EXPECT_EQ(result.err, conflict);
  EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{std::string(k_peel)});
}

TEST_F(CollectTest, ReportsAFindingWhoseEntriesWereTakenOutAsAConflict) {
  // A finding with no history now, which the returned sheet says had an entry.
  const fs::path extra = root() / "inspections" / "other" / "extra-2022.yaml";
  std::ofstream(extra) << "id: extra-2022\ntype: other\ntitle: Extra\npublished: 2022-01-10\nfindings:\n"
                          "  - ref: R1\n    type: recommendation\n    title: Do it\n";
  m_copy.forget(extra);
  const std::string file = returned("extra.csv", "X,extra-2022/R1,T,2022-02-01,Amber,,Begun,2022-03-01\n");
  const test::RunResult result = collect({file});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_EQ(result.out,
            "0 updates from 0 owners, 1 conflict, 0 skipped (0 empty, 0 already applied); nothing to write\n");
  EXPECT_EQ(result.err, file +
                            ":2:2: warning: extra-2022/R1 changed after the workbook was written (its last entry then: "
                            "2022-02-01); its last entry now, none; the row's update, Amber: \"Begun\", is not "
                            "applied: if it still holds, record it with `hmicfrs-track update` [update-conflict]\n"
                            "0 errors, 1 warning\n");
}

TEST_F(CollectTest, RefusesARowWithoutADateForAFindingUpdatedToday) {
  // What was known as at a day goes before what happened on it: an undated row cannot follow an entry of today.
  const fs::path extra = root() / "inspections" / "other" / "extra-2022.yaml";
  std::ofstream(extra) << "id: extra-2022\ntype: other\ntitle: Extra\npublished: 2022-01-10\nfindings:\n"
                          "  - ref: R1\n    type: recommendation\n    title: Do it\n    history:\n"
                          "      - {date: 2026-01-15, status: open, rag: red}\n";
  m_copy.forget(extra);
  const std::string file = returned("extra.csv", "X,extra-2022/R1,T,2026-01-15,Amber,,Begun,\n");
  const std::string expected =
      file +
      ":2:8: error: H2 (Date of update): a row without a date is recorded as at today, which goes before "
      "extra-2022/R1's last entry (dated 2026-01-15): give the row the day of its update [returned-update]\n"
      "1 error, 0 warnings\n" +
      k_refused;
  const std::string before = test::read_text(extra);
  const test::RunResult result = collect({file});
  EXPECT_EQ(result.status, cli::k_exit_invalid_data);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, expected);
  EXPECT_EQ(test::read_text(extra), before);
}

TEST_F(CollectTest, AppliesNeitherOfTwoRowsUpdatingOneFinding) {
  const std::string first =
      returned("crime.csv", "Assistant Chief Constable (Crime),peel-2021-22/AFI4,Withdrawal,2021-11-08,Red,,,\n");
  const std::string second = returned("portfolio.csv", "Crime,peel-2021-22/AFI4,Withdrawal,2021-11-08,Green,,,\n");
  const test::RunResult result = collect({first, second});
  EXPECT_EQ(result.status, cli::k_exit_ok);
  EXPECT_EQ(result.out,
            "0 updates from 0 owners, 2 conflicts, 0 skipped (0 empty, 0 already applied); nothing to write\n");
  EXPECT_EQ(result.err, second + ":2:2: warning: peel-2021-22/AFI4 is updated by " + first +
                            " row 2 too; neither update is applied: keep one row, and run collect again "
                            "[update-conflict]\n0 errors, 1 warning\n");
  EXPECT_EQ(m_copy.changed_files(), std::vector<std::string>{});
}

TEST_F(CollectTest, RefusesAFindingTheRegisterDoesNotHave) {
  expect_refused("X,peel-2021-22/AFI33,T,2022-02-21,Red,,,\n",
                 "2:2: error: B2 (Finding): no finding 'peel-2021-22/AFI33' in the register: did you mean "
                 "'peel-2021-22/AFI3'?: was the workbook written from another register? [returned-update]");
}

TEST_F(CollectTest, RefusesAWordTheRegisterDoesNotHave) {
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Ambre,,,\n",
                 "2:5: error: E2 (New rating): 'Ambre' is not a rating of this register: did you mean 'Amber'? (its "
                 "ratings: Red, Amber and Green) [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,,Finished,,\n",
                 "2:6: error: F2 (New status): 'Finished' is not a status (the statuses: Open, Awaiting sign-off, "
                 "Closed, Achieved, Declined and Not monitored) [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,,Superseded,,\n",
                 "2:6: error: F2 (New status): a finding superseded names the finding that replaces it, which a "
                 "workbook cannot: record it with `hmicfrs-track update FINDING --status superseded --by ID` "
                 "[returned-update]");
}

TEST_F(CollectTest, RefusesADateThatIsNotADayIsAfterTodayOrBeforeTheLastEntry) {
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Red,,,March 2022\n",
                 "2:8: error: H2 (Date of update): 'March 2022' is not a day: type it as 21/03/2022, or leave it "
                 "empty to record the update as at the day it is collected [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Red,,,00/05/2022\n",
                 "2:8: error: H2 (Date of update): '00/05/2022' is not a day: type it as 21/03/2022, or leave it "
                 "empty to record the update as at the day it is collected [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Red,,,16/01/2026\n",
                 "2:8: error: H2 (Date of update): 2026-01-16 is after today (2026-01-15): an update records what "
                 "has happened [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Red,,,20/02/2022\n",
                 "2:8: error: H2 (Date of update): 2022-02-20 is before peel-2021-22/AFI3's last entry (dated "
                 "2022-02-21): an update goes last; correct the date [returned-update]");
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,,,,20/03/2022\n",
                 "2:8: error: H2 (Date of update): the row gives a date and nothing to record: fill in its new "
                 "rating, status or note, or clear the date [returned-update]");
}

TEST_F(CollectTest, ReadsDatesAsTheFileWritesThemAndRefusesOneThatReadsBothWays) {
  // Month first, as LibreOffice saves CSV in its American locale: the second row's 14 says so.
  const std::string file = returned("american.csv",
                                    "X,peel-2021-22/AFI3,T,2022-02-21,Amber,,,03/12/2022\n"
                                    "X,peel-2021-22/AFI4,T,2021-11-08,Amber,,,03/14/2022\n");
  const test::RunResult result = collect({file, "--dry-run"});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_NE(result.out.find("+      - date: 2022-03-12\n+        rag: amber\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("+      - date: 2022-03-14\n+        rag: amber\n"), std::string::npos) << result.out;
  // Nothing says which: refused, rather than read as either.
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,Red,,,03/12/2022\n",
                 "2:8: error: H2 (Date of update): '03/12/2022' could be 3 December or 12 March 2022, and no date of "
                 "the file says whether it writes the day or the month first: type it with the month in words, as 3 "
                 "December 2022 [returned-update]");
}

TEST_F(CollectTest, RecordsTheSameUpdateFromTwoFilesOnceAndReadsAFileNamedTwiceOnce) {
  const std::string row = "Crime,peel-2021-22/AFI4,Withdrawal,2021-11-08,Green,,Done,2022-03-01\n";
  const std::string first = returned("crime.csv", row);
  const std::string copy = returned("copy.csv", row);
  const test::RunResult result = collect({first, copy, first});
  EXPECT_EQ(result.status, cli::k_exit_ok) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "1 update from 1 owner, 0 conflicts, 1 skipped (0 empty, 0 already applied, 1 the same as another file's)");
  EXPECT_EQ(result.err, copy + ":2:2: note: peel-2021-22/AFI4: the same update as " + first +
                            " row 2, recorded once [returned-update]\n0 errors, 0 warnings\n");
}

TEST_F(CollectTest, RefusesTextNoRegisterFileMayHold) {
  expect_refused("X,peel-2021-22/AFI3,T,2022-02-21,,,Bell \a,\n",
                 "2:7: error: G2 (Update note): holds a control character (U+0007), which no register file may "
                 "hold: remove it [returned-update]");
}

TEST_F(CollectTest, RefusesASheetWithoutItsColumnsAndCountsEveryProblem) {
  const fs::path file = m_copy.scratch() / "edited.csv";
  std::ofstream(file) << "Finding,New rating,Update note,Date of update\npeel-2021-22/AFI3,Red,x,\n";
  const std::string expected =
      file.string() +
      ":1:1: error: the header row has no column 'Last entry': the first row of a returned sheet is the one chase "
      "wrote, and its headers are locked; take a fresh workbook from chase [returned-workbook]\n" +
      file.string() +
      ":1:1: error: the header row has no column 'New status': the first row of a returned sheet is the one chase "
      "wrote, and its headers are locked; take a fresh workbook from chase [returned-workbook]\n"
      "2 errors, 0 warnings\n"
      "hmicfrs-track: nothing written: 2 problems in the returned files; fix them, and run collect again\n";
  test::note_asserted_codes(expected);
  EXPECT_EQ(refused({file.string()}, cli::k_exit_invalid_data), expected);
}

TEST_F(CollectTest, RefusesAFileOfAnotherKindOrThatCannotBeRead) {
  EXPECT_EQ(refused({"README.md"}, cli::k_exit_usage),
            "hmicfrs-track: README.md: collect reads the .xlsx workbooks chase wrote, and .csv files saved from "
            "their 'Updates' sheet\nRun 'hmicfrs-track --help' for usage.\n");
  const std::string missing = (m_copy.scratch() / "missing.xlsx").string();
  EXPECT_EQ(refused({missing}, cli::k_exit_io),
            "hmicfrs-track: cannot read " + missing + ": No such file or directory; nothing written\n");
  const fs::path not_a_workbook = m_copy.scratch() / "renamed.xlsx";
  std::ofstream(not_a_workbook) << k_header;
  EXPECT_EQ(refused({not_a_workbook.string()}, cli::k_exit_invalid_data),
            not_a_workbook.string() +
                ":1:1: error: cannot read the workbook: it is not an Excel workbook (.xlsx): Not a zip archive "
                "[spreadsheet-format]\n1 error, 0 warnings\n"
                "hmicfrs-track: nothing written: 1 problem in the returned files; fix them, and run collect again\n");
  EXPECT_EQ(refused({"--as-of", "2022-03-31", not_a_workbook.string()}, cli::k_exit_usage),
            "hmicfrs-track: --as-of does not apply to collect: each update is dated by its row (or as at the day "
            "it is collected), and the register is checked as of today\nRun 'hmicfrs-track --help' for usage.\n");
}

}  // namespace
}  // namespace hmicfrs
