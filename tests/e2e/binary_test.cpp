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

// `validate` of a copy of the example register with each fixture (a path under
// tests/fixtures/) dropped in at its place in the register.
ProcessRun validate_copy_with(const std::vector<std::pair<fs::path, fs::path>>& fixtures) {
  const ScratchDir scratch("copy");
  const fs::path copy = scratch.path() / "register";
  fs::copy(k_source / "examples" / "west-midlands", copy, fs::copy_options::recursive);
  for (const auto& [fixture, place] : fixtures) {
    fs::create_directories((copy / place).parent_path());
    fs::copy_file(k_source / "tests" / "fixtures" / fixture, copy / place);
  }
  return run_binary({"validate", "--as-of", "2022-03-31"}, {copy});
}

// How long `validate` takes is the benchmark's to measure (bench/), never a test's: a loaded machine is slow.
TEST_P(DefectInACopy, IsReportedAtItsLine) {
  const Defect& defect = GetParam();
  std::vector<std::pair<fs::path, fs::path>> fixtures;
  for (const std::string& file : defect.files) {
    fixtures.emplace_back(fs::path("invalid") / "inspections" / file, fs::path("inspections") / file);
  }
  const ProcessRun run = validate_copy_with(fixtures);
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr(defect.expected + "\n"));
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
        Defect{
            {"alias.yaml"},
            "inspections/alias.yaml:3:8: error: anchors (&title) are not allowed: write each value out in full; if it "
            "is text, put it in quotes: title: \"&title Anchors are not allowed\" [yaml-anchor]"},
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

// The mistakes of someone new to YAML, each in a file of tests/fixtures/hand-edits/ dropped into a copy
// of the example register: each fails validate with the whole of what it says, which names the fix.
struct HandEdit {
  std::string file;    // in tests/fixtures/hand-edits/
  std::string target;  // where it goes in the register
  std::string expected;
};

class HandEditInACopy : public ::testing::TestWithParam<HandEdit> {};

TEST_P(HandEditInACopy, FailsValidateWithAMessageThatSaysWhatToDo) {
  const HandEdit& edit = GetParam();
  const ProcessRun run = validate_copy_with({{fs::path("hand-edits") / edit.file, edit.target}});
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_EQ(run.out, edit.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Newcomers, HandEditInACopy,
    ::testing::Values(
        HandEdit{"ampersand-at-start.yaml", "inspections/ampersand-at-start.yaml",
                 "inspections/ampersand-at-start.yaml:9:12: error: anchors (&Co) are not allowed: write each value out "
                 "in full; if it is text, put it in quotes: title: \"&Co Record the reasons for every strip search\" "
                 "[yaml-anchor]\n"
                 "inspections/ampersand-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"apostrophe-in-single-quotes.yaml", "inspections/apostrophe-in-single-quotes.yaml",
                 "inspections/apostrophe-in-single-quotes.yaml:9:31: error: the value of 'title' is in single quotes "
                 "and holds an apostrophe, which ends it: write the apostrophe twice (''), or put the value in double "
                 "quotes: title: \"Record the officer's reasons for every strip search\" [yaml-syntax]\n"
                 "inspections/apostrophe-in-single-quotes.yaml:9:31: note: new to YAML? yaml-primer.md (docs/ in the "
                 "source; /usr/share/doc/hmicfrs-track/ once the package is installed) shows how "
                 "to write these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"at-sign-at-start.yaml", "inspections/at-sign-at-start.yaml",
                 "inspections/at-sign-at-start.yaml:9:12: error: the value of 'title' starts with '@', which YAML "
                 "keeps for itself: put the whole value in quotes: title: \"@custody Record the reasons for every "
                 "strip search\" [yaml-syntax]\n"
                 "inspections/at-sign-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"backtick-at-start.yaml", "inspections/backtick-at-start.yaml",
                 "inspections/backtick-at-start.yaml:9:12: error: the value of 'title' starts with '`', which YAML "
                 "keeps for itself: put the whole value in quotes: title: \"`custody` Record the reasons for every "
                 "strip search\" [yaml-syntax]\n"
                 "inspections/backtick-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"bang-at-start.yaml", "inspections/bang-at-start.yaml",
                 "inspections/bang-at-start.yaml:9:12: error: YAML tags such as '!Important' are not used in these "
                 "files: remove it; if it is text, put it in quotes: title: \"!Important Record the reasons for every "
                 "strip search\" [yaml-tag]\n"
                 "inspections/bang-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write these "
                 "files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"brace-at-start.yaml", "inspections/brace-at-start.yaml",
                 "inspections/brace-at-start.yaml:9:12: error: the value of 'title' starts with '{', which YAML reads "
                 "as the start of a mapping: put the whole value in quotes: title: \"{Draft} Record the reasons for "
                 "every strip search\" [yaml-syntax]\n"
                 "inspections/brace-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"bracket-at-start.yaml", "inspections/bracket-at-start.yaml",
                 "inspections/bracket-at-start.yaml:9:12: error: the value of 'title' starts with '[', which YAML "
                 "reads as the start of a list: put the whole value in quotes: title: \"[Draft] Record the reasons for "
                 "every strip search\" [yaml-syntax]\n"
                 "inspections/bracket-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"comma-in-note.yaml", "inspections/comma-in-note.yaml",
                 "inspections/comma-in-note.yaml:14:83: error: 'note' holds a ',' that ends its value here: put the "
                 "whole value in quotes: note: \"Contract under review, new provider from April\" [unquoted-comma]\n"
                 "inspections/comma-in-note.yaml:14:83: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"dash-missing-indented.yaml", "inspections/dash-missing-indented.yaml",
                 "inspections/dash-missing-indented.yaml:19:5: error: 'ref' starts this item of the list again: is the "
                 "'- ' that starts a new item missing before it? [duplicate-key]\n"
                 "inspections/dash-missing-indented.yaml:7:5: note: the item before it starts here\n"
                 "inspections/dash-missing-indented.yaml:19:5: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to "
                 "write these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"dash-missing.yaml", "inspections/dash-missing.yaml",
                 "inspections/dash-missing.yaml:19:3: error: the items of this list start with '- ' at this "
                 "indentation: is it missing before 'ref'? Write '- ref: R2' [yaml-syntax]\n"
                 "inspections/dash-missing.yaml:19:3: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write these "
                 "files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"finding-for-findings.yaml", "inspections/finding-for-findings.yaml",
                 "inspections/finding-for-findings.yaml:6:1: error: unknown field 'finding' in an inspection: did you "
                 "mean 'findings'? [unknown-field]\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"histroy-for-history.yaml", "inspections/histroy-for-history.yaml",
                 "inspections/histroy-for-history.yaml:7:10: warning: open finding 'fixture-hand-edit/R1' has no RAG "
                 "rating as of 2022-03-31 [unrated-open-finding]\n"
                 "inspections/histroy-for-history.yaml:13:5: error: unknown field 'histroy' in a finding: did you mean "
                 "'history'? [unknown-field]\n"
                 "1 error, 1 warning\n"},
        HandEdit{"missing-colon.yaml", "inspections/missing-colon.yaml",
                 "inspections/missing-colon.yaml:10:10: error: no ':' after 'owner': write 'owner: Head of Custody' "
                 "[yaml-syntax]\n"
                 "inspections/missing-colon.yaml:10:10: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"no-space-after-colon-inline.yaml", "inspections/no-space-after-colon-inline.yaml",
                 "inspections/no-space-after-colon-inline.yaml:7:10: warning: open finding 'fixture-hand-edit/R1' has "
                 "no RAG rating as of 2022-03-31 [unrated-open-finding]\n"
                 "inspections/no-space-after-colon-inline.yaml:14:42: error: no space after the ':' in 'rag:amber': "
                 "write 'rag: amber' [yaml-syntax]\n"
                 "inspections/no-space-after-colon-inline.yaml:14:42: note: new to YAML? yaml-primer.md (docs/ in the "
                 "source; /usr/share/doc/hmicfrs-track/ once the package is installed) shows how "
                 "to write these files and explains this message\n"
                 "1 error, 1 warning\n"},
        HandEdit{"no-space-after-colon.yaml", "inspections/no-space-after-colon.yaml",
                 "inspections/no-space-after-colon.yaml:16:13: error: no space after the ':' in 'rag:amber': write "
                 "'rag: amber' [yaml-syntax]\n"
                 "inspections/no-space-after-colon.yaml:16:13: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to "
                 "write these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"ower-for-owner.yaml", "inspections/ower-for-owner.yaml",
                 "inspections/ower-for-owner.yaml:10:5: error: unknown field 'ower' in a finding: did you mean "
                 "'owner'? [unknown-field]\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"percent-at-start.yaml", "inspections/percent-at-start.yaml",
                 "inspections/percent-at-start.yaml:9:12: error: the value of 'title' starts with '%', which YAML "
                 "keeps for itself: put the whole value in quotes: title: \"%20 Record the reasons for every strip "
                 "search\" [yaml-syntax]\n"
                 "inspections/percent-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"pipe-with-text.yaml", "inspections/pipe-with-text.yaml",
                 "inspections/pipe-with-text.yaml:17:15: error: '|' starts a block of text on the lines below it: put "
                 "the text on the next lines, indented under 'note', or put the whole value in quotes [yaml-syntax]\n"
                 "inspections/pipe-with-text.yaml:17:15: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"quote-in-double-quotes.yaml", "inspections/quote-in-double-quotes.yaml",
                 "inspections/quote-in-double-quotes.yaml:9:24: error: the value of 'title' is in double quotes and "
                 "holds a '\"', which ends it: write it as \\\" inside, or put the value in single quotes: title: "
                 "'Record the \"reasons\" for every strip search' [yaml-syntax]\n"
                 "inspections/quote-in-double-quotes.yaml:9:24: note: new to YAML? yaml-primer.md (docs/ in the "
                 "source; /usr/share/doc/hmicfrs-track/ once the package is installed) shows how to "
                 "write these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"rag-capitalised.yaml", "inspections/rag-capitalised.yaml",
                 "inspections/rag-capitalised.yaml:16:14: error: unknown RAG rating 'Amber': did you mean 'amber'? "
                 "(case matters) (expected red, amber or green) [invalid-value]\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"star-at-start.yaml", "inspections/star-at-start.yaml",
                 "inspections/star-at-start.yaml:9:12: error: the value of 'title' starts with '*', which YAML reads "
                 "as an alias: put the whole value in quotes: title: \"*Urgent* record the reasons for every strip "
                 "search\" [yaml-syntax]\n"
                 "inspections/star-at-start.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write these "
                 "files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"tab-indent.yaml", "inspections/tab-indent.yaml",
                 "inspections/tab-indent.yaml:10:1: error: tab character in indentation: YAML indents with spaces only "
                 "[yaml-tab]\n"
                 "inspections/tab-indent.yaml:10:1: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write these "
                 "files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"uk-date.yaml", "inspections/uk-date.yaml",
                 "inspections/uk-date.yaml:5:12: error: '14/02/2022' is not a date as these files write them "
                 "(YYYY-MM-DD, YYYY-MM or YYYY): write 2022-02-14 [invalid-date]\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"unclosed-quote-at-end.yaml", "inspections/unclosed-quote-at-end.yaml",
                 "inspections/unclosed-quote-at-end.yaml:21:12: error: the quote that opens here is never closed: end "
                 "the value with \" [yaml-syntax]\n"
                 "inspections/unclosed-quote-at-end.yaml:21:12: note: new to YAML? yaml-primer.md (docs/ in the "
                 "source; /usr/share/doc/hmicfrs-track/ once the package is installed) shows how to "
                 "write these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"unclosed-quote-mid.yaml", "inspections/unclosed-quote-mid.yaml",
                 "inspections/unclosed-quote-mid.yaml:9:12: error: the quoted value that opens here runs on to line "
                 "10, which reads like a field: is its closing \" missing at the end of this line? [yaml-syntax]\n"
                 "inspections/unclosed-quote-mid.yaml:9:12: note: new to YAML? yaml-primer.md (docs/ in the source; "
                 "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write "
                 "these files and explains this message\n"
                 "1 error, 0 warnings\n"},
        HandEdit{"inspection/custody-2017.yaml", "inspection/custody-2017.yaml",
                 "inspection/custody-2017.yaml:1:1: error: the register reads no file here, so what this one holds "
                 "would be lost: did you mean inspections/? (it reads hmicfrs-track.yaml, committees.yaml, "
                 "inspections/**/*.yaml and peel-frameworks/*.yaml) [unrecognised-file]\n"
                 "1 error, 0 warnings\n"}));

}  // namespace
}  // namespace hmicfrs::test
