// Reading trackers (CSV and Excel), their dates, and turning their rows into a
// register's files: exact values and exact diagnostics.

#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/import/csv.hpp>
#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/import/tracker.hpp>
#include <hmicfrs/import/xlsx.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/load/mapping.hpp>

#include "support/register.hpp"
#include "support/scratch.hpp"

namespace hmicfrs {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(HMICFRS_SOURCE_DIR) + "/tests/fixtures/import/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

auto csv(std::string_view text, diag::Diagnostics& diagnostics) -> import::Table {
  return import::read_csv(text, diag::source_name("t.csv"), diagnostics);
}

// Each row as "number: column=text ..." for comparing whole tables.
std::vector<std::string> rows(const import::Table& table) {
  std::vector<std::string> out;
  for (const import::Row& row : table.rows) {
    std::string line = std::to_string(row.number) + ":";
    for (const import::Cell& cell : row.cells) line += " " + import::column_letters(cell.column) + "=" + cell.text;
    out.push_back(line);
  }
  return out;
}

const import::Cell* cell(const import::Table& table, int row, int column) {
  for (const import::Row& r : table.rows) {
    if (r.number == row) return r.at(column);
  }
  return nullptr;
}

// ---- CSV

TEST(Csv, ReadsQuotedCellsDoubledQuotesAndLineBreaksInsideQuotesAsOneRow) {
  diag::Diagnostics d;
  const auto table =
      csv("\xEF\xBB\xBFRef;Title;Note\r\nR1;\"Say \"\"yes\"\"\";\"one\r\ntwo\"\r\n;;\r\nR2;Plain, with a comma;x", d);
  EXPECT_TRUE(d.empty());
  EXPECT_THAT(rows(table), ElementsAre("1: A=Ref B=Title C=Note", "2: A=R1 B=Say \"yes\" C=one\r\ntwo",
                                       "4: A=R2 B=Plain, with a comma C=x"));
}

TEST(Csv, TakesTheSeparatorTheFirstLinesUseMost) {
  diag::Diagnostics d;
  EXPECT_THAT(rows(csv("a,b,c\n1,2,3\n", d)), ElementsAre("1: A=a B=b C=c", "2: A=1 B=2 C=3"));
  EXPECT_THAT(rows(csv("a\tb\n1\t2\n", d)), ElementsAre("1: A=a B=b", "2: A=1 B=2"));
  EXPECT_THAT(rows(csv("a;b;c,d\n1;2;3,4\n", d)), ElementsAre("1: A=a B=b C=c,d", "2: A=1 B=2 C=3,4"));
}

TEST(Csv, ReadsWindows1252AndSaysSo) {
  diag::Diagnostics d;
  const auto table =
      csv("Title\n\x93Victims\x92 Code\x94 \x96 \xA3"
          "5\n",
          d);
  EXPECT_THAT(rows(table), ElementsAre("1: A=Title", "2: A=\u201cVictims\u2019 Code\u201d \u2013 \u00a35"));
  EXPECT_EQ(test::lines(d), test::asserted({"t.csv:1:1: note: the file is not UTF-8: it is read as Windows-1252, as "
                                            "Excel saves \"CSV (comma delimited)\" [encoding]"}));
}

TEST(Csv, ReadsAFileOfUtf8WithAStrayByteAsUtf8AndRefusesItAtTheByte) {
  // "Café" in UTF-8, and a lone 0xE8 (Latin-1's è) two records on: not Windows-1252, which would make "CafÃ©".
  diag::Diagnostics d;
  const auto table = csv("Ref,Title\nR1,Caf\xC3\xA9\nR2,\"Two\nlines\"\nR3,Cr\xE8me\n", d);
  // A stray byte is found in the file as it is, even where the cell it ends up in would read as UTF-8.
  diag::Diagnostics across;
  EXPECT_TRUE(csv("Ref,Owner\nR1,Caf\xC3\xA9\nR2,\"Own\xC3\"\xA9r\n", across).rows.empty());
  EXPECT_EQ(test::lines(across), test::asserted({"t.csv:3:2: error: B3: holds the byte 0xC3, which is not UTF-8, in a "
                                                 "file that is otherwise UTF-8: correct it, and save the file again as "
                                                 "\"CSV UTF-8 (comma delimited)\" [encoding]"}));
  EXPECT_TRUE(table.rows.empty());
  EXPECT_EQ(test::lines(d), test::asserted({"t.csv:4:2: error: B4: holds the byte 0xE8, which is not UTF-8, in a file "
                                            "that is otherwise UTF-8: correct it, and save the file again as \"CSV "
                                            "UTF-8 (comma delimited)\" [encoding]"}));
}

TEST(Csv, RefusesMoreCellsThanAnyTrackerHolds) {
  // A cell costs its Table far more than its one byte: a million of them, in rows of a thousand, are the most.
  std::string text;
  for (int row = 0; row < 1'000; ++row) {
    for (int column = 0; column < 1'000; ++column) text += "a,";
    text += "\n";
  }
  diag::Diagnostics within;
  EXPECT_EQ(csv(text, within).rows.size(), 1'000u);
  EXPECT_TRUE(within.empty());
  diag::Diagnostics beyond;
  EXPECT_TRUE(csv(text + "a\n", beyond).rows.empty());
  EXPECT_EQ(test::lines(beyond), test::asserted({"t.csv:1001:1: error: A1001: the file holds more than 1,000,000 "
                                                 "cells, more than any tracker: is it the right file? "
                                                 "[limit-exceeded]"}));
}

TEST(Csv, RefusesBytesWindows1252LeavesUndefinedAndUtf16) {
  diag::Diagnostics d;
  csv("Title\n\x81x\n", d);
  EXPECT_THAT(test::lines(d), ElementsAre(HasSubstr("note: the file is not UTF-8"),
                                          "t.csv:1:1: error: 1 byte of the file mean nothing in Windows-1252 (shown as "
                                          "\uFFFD): save it again as \"CSV UTF-8 (comma delimited)\" [encoding]"));
  diag::Diagnostics utf16;
  EXPECT_TRUE(csv(std::string("\xFF\xFEt\0i\0", 6), utf16).rows.empty());
  EXPECT_EQ(test::lines(utf16),
            std::vector<std::string>{"t.csv:1:1: error: the file is UTF-16 (\"Unicode text\"): "
                                     "save it again as \"CSV UTF-8 (comma delimited)\" [encoding]"});
}

TEST(Csv, RefusesAQuoteNeverClosedAtTheCellThatOpensIt) {
  diag::Diagnostics d;
  const auto table = csv("Ref,Title\nR1,\"Open quote\nR2,Next\n", d);
  EXPECT_TRUE(table.rows.empty());
  EXPECT_EQ(test::lines(d),
            test::asserted({"t.csv:2:2: error: B2: the quote that opens this cell is never closed, so the rest of the "
                            "file would be one cell: close it, or double a quote meant as text (\"\") "
                            "[spreadsheet-format]"}));
}

// ---- Dates

std::string read(std::string_view text, import::DateForms forms = {}) {
  import::DateProblem problem = import::DateProblem::none;
  const auto date = import::read_date(text, forms, problem);
  if (date) return date->iso();
  switch (problem) {
    case import::DateProblem::no_year: return "no year";
    case import::DateProblem::impossible: return "impossible";
    case import::DateProblem::no_such_quarter: return "no such quarter";
    default: return "not a date";
  }
}

TEST(Dates, ReadsTheFormsTrackersUseDayFirst) {
  EXPECT_EQ(read("31/03/2022"), "2022-03-31");
  EXPECT_EQ(read("1/4/2022"), "2022-04-01");
  EXPECT_EQ(read("31/03/22"), "2022-03-31");
  EXPECT_EQ(read("31.03.2022"), "2022-03-31");
  EXPECT_EQ(read("2022-03-31"), "2022-03-31");
  EXPECT_EQ(read("2022-03"), "2022-03");
  EXPECT_EQ(read("Mar-22"), "2022-03");
  EXPECT_EQ(read("September 2022"), "2022-09");
  EXPECT_EQ(read("Sept 22"), "2022-09");
  EXPECT_EQ(read("4th April 2022"), "2022-04-04");
  EXPECT_EQ(read(" w/c 4 April 2022 "), "2022-04-04");
  EXPECT_EQ(read("W/C 04/04/2022"), "2022-04-04");
  EXPECT_EQ(read("31/02/2022"), "impossible");
  EXPECT_EQ(read("4 April"), "no year");
  EXPECT_EQ(read("TBC"), "not a date");
  EXPECT_EQ(read("End of March 2024"), "2024-03");
  // A date saved as text with its time of day: the day.
  EXPECT_EQ(read("31/03/2025 00:00"), "2025-03-31");
  EXPECT_EQ(read("2025-03-31T00:00:00"), "2025-03-31");
  EXPECT_EQ(read("2025-03-31T09:30:00.000Z"), "2025-03-31");
  EXPECT_EQ(read("31/03/2025 9:30:15"), "2025-03-31");
  EXPECT_EQ(read("31/03/2025 25"), "not a date");
  EXPECT_EQ(read("w/c 4 April 2022 10:00"), "2022-04-04");
}

// A quarter is its last month: of the calendar year with one year, of the financial year from April with two.
TEST(Dates, ReadsAQuarterAsItsLastMonth) {
  EXPECT_EQ(read("Q2 2025"), "2025-06");
  EXPECT_EQ(read("q4 2025"), "2025-12");
  EXPECT_EQ(read("Q1 24/25"), "2024-06");
  EXPECT_EQ(read("Q3 24/25"), "2024-12");
  EXPECT_EQ(read("Q4 24/25"), "2025-03");
  EXPECT_EQ(read("Q3 2024/25"), "2024-12");
  EXPECT_EQ(read("Q4 2024/2025"), "2025-03");
  EXPECT_EQ(read("Q2 2024-25"), "2024-09");
  EXPECT_EQ(read("Q2 24-25"), "2024-09");
  EXPECT_EQ(read("Q5 2025"), "no such quarter");
  EXPECT_EQ(read("Q3 24/26"), "no such quarter");  // a financial year is two years in a row
  EXPECT_EQ(read("Q0 24/25"), "no such quarter");
  EXPECT_EQ(read("Q3"), "not a date");
  EXPECT_EQ(read("Q3 2099/00"), "impossible");  // its second year, 2100, is past those a register takes
  const std::vector<std::string> forms{"Q# YYYY"};
  EXPECT_EQ(read("Q1 2023", {forms, {}}), "2023-03");
  EXPECT_EQ(read("Q1 22/23", {forms, {}}), "not a date");
  const auto update = import::leading_date("Q3 24/25 - Training under way", {});
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->date.iso(), "2024-12");
  EXPECT_EQ(update->length, 8u);
}

TEST(Dates, ReadsTheMappingsFormsOnlyAndAYearItGives) {
  const std::vector<std::string> forms{"YYYY.MM.DD", "D MMMM"};
  EXPECT_EQ(read("2022.03.31", {forms, {}}), "2022-03-31");
  EXPECT_EQ(read("31/03/2022", {forms, {}}), "not a date");
  EXPECT_EQ(read("4 April", {forms, {}}), "no year");
  EXPECT_EQ(read("4 April", {forms, 2022}), "2022-04-04");
}

TEST(Dates, FindsTheDateALineStartsWithWhereAWordWouldEnd) {
  const auto dated = import::leading_date("12/01/2022 - Plan agreed", {});
  ASSERT_TRUE(dated.has_value());
  EXPECT_EQ(dated->date.iso(), "2022-01-12");
  EXPECT_EQ(dated->length, 10u);
  EXPECT_EQ(import::leading_date("w/c 14 March 2022: Intake confirmed", {})->length, 17u);
  EXPECT_FALSE(import::leading_date("2022 was a year", {}).has_value());
  EXPECT_FALSE(import::leading_date("12/01/20223", {}).has_value());
}

TEST(Dates, ReadsExcelSerialDaysWithLotusLeapDayAndThe1904Base) {
  EXPECT_EQ(import::excel_date(44651, false)->iso(), "2022-03-31");
  EXPECT_EQ(import::excel_date(44651.75, false)->iso(), "2022-03-31");  // a time of day is dropped
  EXPECT_EQ(import::excel_date(1, false)->iso(), "1900-01-01");
  EXPECT_EQ(import::excel_date(59, false)->iso(), "1900-02-28");
  EXPECT_FALSE(import::excel_date(60, false).has_value());  // 29 February 1900, which never was
  EXPECT_EQ(import::excel_date(61, false)->iso(), "1900-03-01");
  EXPECT_EQ(import::excel_date(43190, true)->iso(), "2022-04-01");
  EXPECT_FALSE(import::excel_date(-3, false).has_value());
  EXPECT_FALSE(import::excel_date(1e300, false).has_value());
}

// ---- Excel

TEST(Xlsx, ReadsTheSheetThatReadsMostLikeATrackerWithMergedCellsFilled) {
  diag::Diagnostics d;
  const auto table = import::read_xlsx(fixture("tracker.xlsx"), "tracker.xlsx", "", d);
  EXPECT_EQ(test::lines(d), test::asserted({"tracker.xlsx:1:1: note: sheet 'Actions' is read, as the one of Cover and "
                                            "Actions that reads most like a tracker; --sheet (or `sheet:` in the "
                                            "mapping) names another [spreadsheet-format]"}));
  EXPECT_EQ(*table.source, "tracker.xlsx[Actions]");
  EXPECT_EQ(cell(table, 1, 12)->text, "HMICFRS recommendations and areas for improvement \u2013 tracker");
  EXPECT_EQ(cell(table, 3, 4)->text, "Recommendation / AFI");
  EXPECT_EQ(cell(table, 7, 1)->text, "PEEL 2021/22");  // merged down from A4
  EXPECT_EQ(cell(table, 9, 12)->text, "Joint targeted area inspection \u2013 Solihull (2022)");
  const import::Cell* due = cell(table, 4, 7);
  EXPECT_TRUE(due->date);
  EXPECT_FALSE(due->month);
  EXPECT_EQ(due->text, "2022-12-31");
  EXPECT_TRUE(cell(table, 5, 7)->month);  // formatted mmm-yy
  EXPECT_EQ(cell(table, 5, 7)->text, "2022-09");
  EXPECT_FALSE(cell(table, 10, 7)->date);  // a bare number in a date column
  EXPECT_EQ(cell(table, 10, 7)->text, "44712");
  EXPECT_EQ(cell(table, 4, 10)->text.substr(0, 14), "14/01/2022 - R");
  EXPECT_EQ(cell(table, 8, 1), nullptr);  // the blank row
}

TEST(Xlsx, ReadsInlineAndRichStringsFormulaResultsBooleansErrorsAndThe1904Base) {
  diag::Diagnostics d;
  const auto table = import::read_xlsx(fixture("edge.xlsx"), "edge.xlsx", "Register", d);
  // F3's formula saved empty text, as Excel saves ""; F4's saved nothing, as python3-openpyxl writes formulas.
  EXPECT_EQ(test::lines(d), test::asserted({"edge.xlsx[Register]:4:6: note: 1 cell holds a formula whose value the "
                                            "workbook does not store (F4), read as empty: the program that wrote it "
                                            "did not work the value out; open the file in Excel or LibreOffice and "
                                            "save it to store the values [spreadsheet-format]"}));
  EXPECT_THAT(rows(table), ElementsAre("1: A=Ref B=Title C=Due D=Done E=Share",
                                       "3: A=R1 B=Agree a plan & report it C=2022-04-01 D=TRUE E=0.25",
                                       "4: A=R2 B=Pasted\r\nfrom mail _x0041_ \u00e9 C=#N/A"));  // Excel's escapes read
}

TEST(Xlsx, RefusesWhatIsNotAWorkbookAndASheetItDoesNotHave) {
  diag::Diagnostics d;
  import::read_xlsx("not a zip", "t.xlsx", "", d);
  import::read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "old.xlsx", "", d);
  import::read_xlsx(fixture("tracker.xlsx"), "tracker.xlsx", "Action", d);
  EXPECT_EQ(test::lines(d),
            (std::vector<std::string>{
                "t.xlsx:1:1: error: cannot read the workbook: it is not an Excel workbook (.xlsx): Not a zip archive "
                "[spreadsheet-format]",
                "old.xlsx:1:1: error: cannot read the workbook: it is an Excel 97-2003 workbook (.xls): open it in "
                "Excel or LibreOffice and save it as .xlsx [spreadsheet-format]",
                "tracker.xlsx:1:1: error: the workbook has no sheet 'Action': did you mean 'Actions'? (its sheets: "
                "Cover and Actions) [spreadsheet-format]"}));
}

TEST(Xlsx, RefusesAWorkbookWhosePartsDoNotHoldTogether) {
  diag::Diagnostics d;
  import::read_xlsx(fixture("bad-shared.xlsx"), "bad.xlsx", "", d);
  EXPECT_EQ(test::lines(d),
            std::vector<std::string>{"bad.xlsx:1:1: error: cannot read the workbook: cell B2 names shared string 7, "
                                     "which the workbook does not have [spreadsheet-format]"});
}

// ---- The mapping file

TEST(Mapping, IsReadWithTheRegistersStrictRules) {
  const test::ScratchDir scratch("mapping");
  const auto path = scratch.path() / "map.yaml";
  std::ofstream(path) << "colums:\n  title: Recommendation\n"
                         "columns:\n  titel: Recommendation\n  updates: [Update 1, Update 2]\n"
                         "values:\n  status: {Complete: finished, WIP: open}\n  rag: {G: green}\n"
                         "dates: {formats: [DD/MM/YYYY], default_year: 1066}\n"
                         "defaults: {type: afi, inspection_type: peel}\n"
                         "statuses: {closed: Complete}\n";
  diag::Diagnostics d;
  const auto mapping = load::load_import_mapping(path, d);
  d.sort();
  const std::string shown = path.generic_string();
  std::vector<std::string> lines = test::lines(d);
  for (std::string& line : lines) line.replace(0, shown.size(), "map.yaml");
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "map.yaml:1:1: error: unknown field 'colums' in the mapping: did you mean 'columns'? [unknown-field]",
                "map.yaml:4:3: error: unknown field 'titel' in columns: did you mean 'title'? [unknown-field]",
                "map.yaml:7:22: error: unknown status 'finished' (expected open, awaiting-sign-off, closed, achieved, "
                "superseded, declined or not-monitored) [invalid-value]",
                "map.yaml:8:3: error: unknown field 'rag' in values (known fields: type, status, rating, "
                "inspection_type) [unknown-field]",
                "map.yaml:9:46: error: expected a whole number from 1900 to 2200 for 'default_year', found '1066' "
                "[invalid-value]"}));
  ASSERT_TRUE(mapping.has_value());
  EXPECT_EQ(mapping->columns.at("updates").size(), 2u);
  EXPECT_EQ(mapping->values.at("status").at("WIP").value, "open");
  EXPECT_EQ(mapping->default_type, "afi");
  ASSERT_TRUE(mapping->vocabulary.has_value());
  EXPECT_EQ(mapping->vocabulary->label(model::Status::closed), "Complete");
}

// Every YAML example of docs/import.md is a mapping the import reads as it stands, so that one copied from
// the guide works.
TEST(Mapping, TheGuidesExamplesAreMappingsAsTheyStand) {
  std::ifstream in(std::string(HMICFRS_SOURCE_DIR) + "/docs/import.md");
  const std::string guide{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const test::ScratchDir scratch("guide");
  std::size_t examples = 0;
  for (std::size_t at = guide.find("```yaml\n"); at != std::string::npos; at = guide.find("```yaml\n", at)) {
    at += 8;
    const std::size_t end = guide.find("```", at);
    ASSERT_NE(end, std::string::npos);
    const auto path = scratch.path() / fmt::format("example-{}.yaml", ++examples);
    std::ofstream(path) << guide.substr(at, end - at);
    diag::Diagnostics d;
    const auto mapping = load::load_import_mapping(path, d);
    EXPECT_TRUE(d.empty()) << "example " << examples << ": " << test::lines(d).front();
    ASSERT_TRUE(mapping.has_value());
    EXPECT_FALSE(mapping->columns.empty());
    at = end + 3;
  }
  EXPECT_EQ(examples, 1u);
}

// ---- Rows into a register

struct Imported {
  import::ImportedRegister result;
  std::vector<std::string> diagnostics;
};

Imported import_csv(std::string_view text, const model::ImportMapping& mapping) {
  diag::Diagnostics d;
  const import::Table table = csv(text, d);
  Imported out;
  out.result = import::import_tracker(table, mapping, {test::date("2022-03-24"), "t.csv"}, d);
  d.sort();
  out.diagnostics = test::lines(d);
  return out;
}

Imported import_csv(std::string_view text) {
  diag::Diagnostics d;
  return import_csv(text, import::guess_mapping(csv(text, d)).mapping);
}

TEST(ImportTracker, NeverWritesAFileOrAValueTheLoaderWouldRefuse) {
  // Two cells of 600 KB each, with no field of their own: kept in the finding's text, together over 1 MiB.
  const std::string long_cells = "Report,Ref,Recommendation,Context,Background\nPEEL 2021,R1,Do it," +
                                 std::string(600'000, 'c') + "," + std::string(600'000, 'b') + "\n";
  const Imported value = import_csv(long_cells);
  EXPECT_TRUE(value.result.files.empty());
  EXPECT_THAT(
      value.diagnostics,
      ::testing::Contains(test::asserted({"t.csv:2:1: error: row 2: the finding's text, made of the row's cells "
                                          "that have no field of their own, would hold 1200031 bytes, more "
                                          "than the 1 MiB a register's value may hold: shorten the row's "
                                          "longest cells [limit-exceeded]"})
                              .front()));
  // Twenty rows of one report, each well within the bounds, but together more than a file may hold.
  std::string many_rows = "Report,Ref,Recommendation,Context\n";
  for (int row = 1; row <= 20; ++row) {
    many_rows += fmt::format("PEEL 2021,R{},Do it,{}\n", row, std::string(900'000, 'c'));
  }
  const Imported file = import_csv(many_rows);
  EXPECT_TRUE(file.result.files.empty());
  EXPECT_THAT(file.diagnostics,
              ::testing::Contains("t.csv:2:1: error: report 'peel-2021' (rows 2 to 21) would make a file of 18 MiB, "
                                  "more than the 16 MiB a register's file may hold: give some of its rows a report of "
                                  "their own [limit-exceeded]"));
}

TEST(ImportTracker, RefusesMoreUpdatesThanAnyForceKeepsAndAFileOfMoreValuesThanALoaderTakes) {
  // Each of a row's update lines is a dated entry: past 200,000 in all, the tracker is not a force's.
  const auto updates = [](int rows, int lines) {
    std::string text = "Report,Ref,Recommendation,Updates\n";
    for (int row = 1; row <= rows; ++row) {
      text += fmt::format("PEEL 2021,R{},Do it,\"", row);
      for (int line = 0; line < lines; ++line) text += fmt::format("{:02}/02/2022 - s{}\n", line % 28 + 1, line);
      text += "\"\n";
    }
    return text;
  };
  const Imported too_many = import_csv(updates(5, 45'000));
  EXPECT_TRUE(too_many.result.files.empty());
  EXPECT_THAT(too_many.diagnostics,
              ::testing::Contains("t.csv:6:1: error: row 6: the tracker holds more than 50,000 rows, or its updates "
                                  "more than 200,000 dated entries, more than any force's: is it the right file? "
                                  "(Nothing is written.) [limit-exceeded]"));
  // 200,000 entries of four findings, within that bound, make one file of more values than the loader takes.
  const Imported one_file = import_csv(updates(4, 50'000));
  EXPECT_TRUE(one_file.result.files.empty());
  EXPECT_THAT(one_file.diagnostics,
              ::testing::Contains(HasSubstr("t.csv:2:1: error: report 'peel-2021' (rows 2 to 5) would make a file of "
                                            "1000")));
}

TEST(ImportTracker, MakesAFileNameOfALongReportTitleThatAFileSystemTakes) {
  const std::string title =
      "Joint targeted area inspection of the multi-agency response to children and families "
      "who need help, in the county, with its partners, over three hundred characters long " +
      std::string(150, 'x');
  const Imported imported = import_csv("Report,Ref,Recommendation\n\"" + title + "\",R1,Do it\n");
  ASSERT_EQ(imported.result.files.size(), 3u) << ::testing::PrintToString(imported.diagnostics);
  EXPECT_EQ(imported.result.files[2].first,
            "inspections/joint-targeted-area-inspection-of-the-multi-agency-response-to-children-and.yaml");
  EXPECT_THAT(imported.result.files[2].second, HasSubstr("title: " + title.substr(0, 40)));
}

TEST(ImportTracker, TakesOnlyTheYearsARegistersDatesTake) {
  const Imported late = import_csv("Report,Ref,Recommendation,Due date\nPEEL 2021,R1,Do it,31/12/2199\n");
  EXPECT_TRUE(late.result.files.empty());
  EXPECT_THAT(late.diagnostics, ::testing::Contains(HasSubstr("t.csv:2:4: error: D2 (Due date)")));
}

std::string file(const Imported& imported, const std::string& path) {
  for (const auto& [name, text] : imported.result.files) {
    if (name == path) return text;
  }
  return "(no " + path + ")";
}

TEST(Tracker, WritesEachReportAsANewcomerWouldWithEveryValueKept) {
  const auto imported = import_csv(
      "Report,Ref,Recommendation,Owner,Directorate,Target date,RAG,Status,Updates,Notes\n"
      "Custody 2019,R1,\"Review: each use of force #1\",Head of Custody,Criminal Justice,31/12/2020,A,In progress,"
      "\"03/02/2020 - Form changed\nw/c 4 May 2020: First review held\nand minuted\n20/05/2021 \u2013 Signed off\","
      "Board paper in May\n"
      ",R2,2022,Awaiting allocation,Criminal Justice,Mar-22,G,Complete,,\n");
  EXPECT_EQ(imported.diagnostics,
            (std::vector<std::string>{
                // Row 2's status and rating have no day of their own, though its updates have theirs.
                "t.csv:2:1: note: rows 2-3 give a status, rating or note with no date: written as at 2022-03-24, the "
                "date given with --as-of; map the column of update dates as `updated` to keep the tracker's own "
                "[missing-field]",
                "t.csv:3:7: note: G3 (RAG): 'G' rates open findings and this one is closed, so no rating is written "
                "[rag-when-closed]"}));
  EXPECT_EQ(file(imported, "inspections/custody-2019.yaml"),
            "# From t.csv, rows 2-3.\n"
            "id: custody-2019\n"
            "type: custody\n"
            "title: Custody 2019\n"
            "\n"
            "findings:\n"
            "  # row 2\n"
            "  - ref: R1\n"
            "    type: recommendation\n"
            "    title: \"Review: each use of force #1\"\n"
            "    text: \"**Notes:** Board paper in May\"\n"
            "    owner: Head of Custody\n"
            "    portfolio: criminal-justice\n"
            "    due: 2020-12-31\n"
            "    history:\n"
            "      - date: 2020-02-03\n"
            "        note: Form changed\n"
            "      - date: 2020-05-04\n"
            "        note: |-\n"
            "          First review held\n"
            "          and minuted\n"
            "      - date: 2021-05-20\n"
            "        note: Signed off\n"
            "      - as_at: 2022-03-24\n"
            "        status: open\n"
            "        rag: amber\n"
            "\n"
            "  # row 3\n"
            "  - ref: R2\n"
            "    type: recommendation\n"
            "    title: \"2022\"\n"
            "    portfolio: criminal-justice\n"
            "    due: 2022-03\n"
            "    history:\n"
            "      - as_at: 2022-03-24\n"
            "        status: closed\n");
  EXPECT_EQ(file(imported, "hmicfrs-track.yaml"),
            "# Written by `hmicfrs-track import` from t.csv. Add the contact officer, each\n"
            "# portfolio's lead and the committee's meetings: docs/data-format.md.\n"
            "schema_version: 1\n"
            "force:\n"
            "  name: Your force\n"
            "committee:\n"
            "  name: Audit committee\n"
            "portfolios:\n"
            "  - id: criminal-justice\n"
            "    name: Criminal Justice\n");
  EXPECT_EQ(imported.result.summary.findings, 2u);
  EXPECT_EQ(imported.result.summary.carried, 1u);  // row 3 names no report: it is the one above
  EXPECT_EQ(imported.result.summary.kept_as_text, std::vector<std::string>{"J 'Notes'"});
}

TEST(Tracker, DeclaresEachOwnersAddressOnceForChase) {
  const auto imported = import_csv(
      "Report,Ref,Recommendation,Owner,Owner email,Last updated,Status\n"
      "Custody 2019,R1,Review it,Head of Custody,custody@example.org,01/02/2022,Open\n"
      "Custody 2019,R2,Do it,head of custody,other@example.org,01/02/2022,Open\n"
      "Custody 2019,R3,Do more,,lost@example.org,01/02/2022,Open\n");
  EXPECT_EQ(imported.diagnostics,
            (std::vector<std::string>{
                "t.csv:3:5: warning: E3 (Owner email): 'head of custody' was given the address custody@example.org "
                "before: the first is kept [duplicate-id]",
                "t.csv:2:5: note: the first is here",
                "t.csv:4:5: warning: E4 (Owner email): the address 'lost@example.org' has no owner beside it, so it "
                "is kept in the text [missing-field]"}));
  EXPECT_THAT(file(imported, "hmicfrs-track.yaml"),
              HasSubstr("owners:\n  - role: Head of Custody\n    email: custody@example.org\nportfolios: []\n"));
}

TEST(Tracker, DatesAnUpdateColumnsCellsByItsHeaderAndKeepsQuotesAfterADate) {
  const auto imported = import_csv(
      "Report,Ref,Recommendation,Update Jan-22,Update Mar-22\n"
      "Custody 2019,R1,Do it,Plan drafted,\"21/03/2022 \u201cAgreed\u201d by the board\"\n");
  EXPECT_EQ(imported.diagnostics,
            std::vector<std::string>{"t.csv:1:4: note: D 'Update Jan-22': an update in this column without a date of "
                                     "its own is dated 2022-01-01, from the header [missing-field]"});
  EXPECT_THAT(file(imported, "inspections/custody-2019.yaml"),
              HasSubstr("    history:\n"
                        "      - date: 2022-01-01\n"
                        "        note: Plan drafted\n"
                        "      - date: 2022-03-21\n"
                        "        note: \u201cAgreed\u201d by the board\n"));
}

TEST(Tracker, ReportsEachCellItCannotReadAndWritesNothing) {
  model::ImportMapping mapping;
  mapping.columns["inspection"] = {{"Report", {}}};
  mapping.columns["ref"] = {{"Ref", {}}};
  mapping.columns["title"] = {{"Title", {}}};
  mapping.columns["status"] = {{"Status", {}}};
  mapping.columns["due"] = {{"Due", {}}};
  mapping.columns["type"] = {{"Type", {}}};
  const auto imported = import_csv(
      "Report,Ref,Type,Title,Status,Due\n"
      "PEEL 2021/22,AFI1,AFI,Do it,Compete,31/13/2022\n"
      "PEEL 2021/22,AFI1,AFI,Do it again,Open,\n"
      ",,Recomendation,,Open,4 April\n"
      "PEEL 2021/22,AFI2,AFI,Fine,Open,Dec-22\n"
      "PEEL 2021/22,AFI3,AFI,Odd \x1b text,Open,\n"
      "Custody 2019,R1,R,Fine,,\n",
      mapping);
  EXPECT_TRUE(imported.result.files.empty());
  EXPECT_EQ(imported.result.summary.refused, 4u);
  EXPECT_EQ(
      imported.diagnostics,
      test::asserted(
          {"t.csv:2:5: error: E2 (Status): 'Compete' is not a status the import knows: did you mean 'complete'?: map "
           "it under `values: status:` in the mapping to one of open, awaiting-sign-off, closed, achieved, "
           "superseded, declined or not-monitored [invalid-value]",
           "t.csv:2:6: error: F2 (Due): '31/13/2022' is not a date: there is no such day [invalid-date]",
           "t.csv:3:2: error: row 3: report 'peel-2021-22' already has a finding 'AFI1': give each its own reference "
           "[duplicate-id]",
           "t.csv:2:2: note: that one is here",
           "t.csv:4:1: error: row 4 has no wording: its title cell is empty [missing-field]",
           "t.csv:4:1: warning: row 4 has no reference: written as 'row-4'; give the report's own number (R1, AFI3) "
           "when you have it [missing-field]",
           "t.csv:4:3: error: C4 (Type): 'Recomendation' is not a type the import knows: did you mean "
           "'recommendation'?: map it under `values: type:` in the mapping to one of cause-of-concern, "
           "recommendation, afi or not-formal [invalid-value]",
           "t.csv:4:6: error: F4 (Due): '4 April' is not a date: it has no year: give the year under `dates: "
           "default_year:` in the mapping, or write it in the tracker [invalid-date]",
           "t.csv:5:1: note: row 5 gives a status, rating or note with no date: written as at 2022-03-24, the date "
           "given with --as-of; map the column of update dates as `updated` to keep the tracker's own "
           "[missing-field]",
           "t.csv:6:4: error: D6 (Title): holds a control character (U+001B), which no register file may hold: "
           "remove it [control-character]",
           "t.csv:7:1: warning: report 'custody-2019' has no publication date and 1 of its findings no dated update, "
           "so they show nowhere until it has one: map a column as `published`, or add `published:` to "
           "inspections/custody-2019.yaml [missing-field]"}));
}

// A header names the values kept in a finding's text, so it is held to the rule its values are: a NUL in a
// header cell was once written into the text as an escape that the register could not then load (found by fuzzing).
TEST(Tracker, RefusesAHeaderHoldingWhatNoRegisterFileMayHold) {
  constexpr char k_tracker[] = "Ref,Title,Notes\x01 here,Due\0\nR1,Do it,x,2022-06-30\n";
  const auto imported = import_csv(std::string(k_tracker, sizeof k_tracker - 1));
  EXPECT_TRUE(imported.result.files.empty());
  EXPECT_EQ(imported.diagnostics,
            test::asserted({"t.csv:1:3: error: C1 (a header): holds a control character (U+0001), which no register "
                            "file may hold: remove it [control-character]",
                            "t.csv:1:4: error: D1 (a header): holds a control character (U+0000), which no register "
                            "file may hold: remove it [control-character]"}));
}

TEST(Tracker, NamesTheColumnAMappingWantsThatTheHeaderRowLacks) {
  model::ImportMapping mapping;
  mapping.columns["title"] = {{"Recomendation", diag::file_location(diag::source_name("m.yaml"), 3, 10)}};
  const auto imported = import_csv("Ref,Recommendation\nR1,Do it\n", mapping);
  EXPECT_TRUE(imported.result.files.empty());
  EXPECT_EQ(imported.diagnostics,
            std::vector<std::string>{"m.yaml:3:10: error: no column 'Recomendation' in the header row (row 1 of "
                                     "t.csv): did you mean 'Recommendation'? [unknown-reference]"});
}

TEST(Tracker, SaysWhichRowsHeaderLacksAWordingColumnWhenTheMappingIsGuessed) {
  const auto imported = import_csv("Ref,Owner\nR1,Head of Crime\n");
  EXPECT_TRUE(imported.result.files.empty());
  EXPECT_EQ(imported.result.summary.rows, 0u);
  EXPECT_EQ(imported.diagnostics,
            std::vector<std::string>{"t.csv:1:1: error: no header in row 1 reads like the findings' wording "
                                     "(\"Recommendation\", \"Title\", \"Description\"): write a mapping that names "
                                     "that column as `title` (`import --guess` starts one) [missing-field]"});
}

TEST(Tracker, ReadsAHeadingRowAsTheReportOfTheRowsBelowAndLinksACauseOfConcernToTheRecommendationsAfterIt) {
  const auto imported = import_csv(
      "Ref,Type,Title,RAG,Last updated\n"
      "Child protection inspection 2024,,,,\n"
      "CoC1,Cause of concern,Referrals reach social care too late,,\n"
      "R1,Recommendation,Refer within 24 hours,Red,20/05/2024\n"
      "R2,Recommendation,Measure referral times,Amber,20/05/2024\n"
      "AFI1,AFI,Hear the voice of the child,Amber,20/05/2024\n");
  EXPECT_THAT(imported.diagnostics,
              ElementsAre("t.csv:2:1: note: row 2 is read as the heading of report 'child-protection-inspection-2024', "
                          "whose rows follow it: its text is the report's title [spreadsheet-format]",
                          "t.csv:3:1: warning: report 'child-protection-inspection-2024' has no publication date and "
                          "1 of its findings no dated update, so they show nowhere until it has one: map a column as "
                          "`published`, or add `published:` to inspections/child-protection-inspection-2024.yaml "
                          "[missing-field]",
                          "t.csv:3:1: note: row 3: cause of concern 'CoC1' is read as answered by the recommendations "
                          "after it: R1 and R2 [cause-of-concern-without-recommendation]"));
  const std::string inspection = file(imported, "inspections/child-protection-inspection-2024.yaml");
  EXPECT_THAT(inspection, HasSubstr("type: child-protection\n"));
  EXPECT_THAT(inspection, HasSubstr("  - ref: R2\n    type: recommendation\n    title: Measure referral times\n"
                                    "    cause_of_concern: CoC1\n"));
  EXPECT_THAT(inspection, Not(HasSubstr("  - ref: AFI1\n    type: afi\n    title: Hear the voice of the child\n"
                                        "    cause_of_concern")));
}

// Whatever text a cell holds, the register's loader reads back exactly that from the files written.
// A heading over one report's rows is its title, and the name its rows give its short name; a heading over
// several reports' rows titles none; a row of one value with nothing below it (a key) and the rows above the
// header are each noted by row, never passed over unsaid.
TEST(Tracker, TakesAReportsTitleFromItsHeadingAndNotesTheRowsItDoesNotRead) {
  const auto imported = import_csv(
      "Kingsmere Constabulary tracker,,,\n"
      "Report,Ref,Recommendation,Status\n"
      "PEEL 2021/22: An inspection of Kingsmere,,,\n"
      "PEEL 2021/22,AFI 1,Answer calls sooner,Off track\n"
      "PEEL 2021/22,AFI 2,Supervise investigations,Archived\n"
      "National thematic reports,,,\n"
      "VAWG 2021,Rec 3,Make it a priority,Ongoing\n"
      "Stalking 2024,R1,Respond to stalking,Not started\n"
      ",,,\n"
      "Key: Blue = complete,,,\n");
  EXPECT_THAT(
      imported.diagnostics,
      ElementsAre(
          "t.csv:1:1: note: row 1, above the header row, is not read as a finding: 'Kingsmere Constabulary tracker' "
          "[spreadsheet-format]",
          "t.csv:3:1: note: row 3 is read as the heading of report 'peel-2021-22', whose rows follow it: its text is "
          "the report's title, and 'PEEL 2021/22', as its rows name it, its short name [spreadsheet-format]",
          "t.csv:4:1: note: rows 4-5 and 7-8 give a status, rating or note with no date: written as at 2022-03-24, the "
          "date given with --as-of; map the column of update dates as `updated` to keep the tracker's own "
          "[missing-field]",
          "t.csv:4:2: warning: B4 (Ref): reference 'AFI 1' is written 'AFI1' (a ref starts with a letter or digit and "
          "holds letters, digits, '.' and '-') [invalid-id]",
          "t.csv:5:2: warning: B5 (Ref): reference 'AFI 2' is written 'AFI2' (a ref starts with a letter or digit and "
          "holds letters, digits, '.' and '-') [invalid-id]",
          "t.csv:6:1: note: row 6 is read as a heading over the rows of 2 reports (vawg-2021 and stalking-2024), so "
          "it is the title of none: 'National thematic reports' [spreadsheet-format]",
          "t.csv:7:2: warning: B7 (Ref): reference 'Rec 3' is written 'Rec3' (a ref starts with a letter or digit and "
          "holds letters, digits, '.' and '-') [invalid-id]",
          "t.csv:10:1: note: row 10 is not read: it is one value with no finding below it, such as a key or a "
          "footnote: 'Key: Blue = complete' [spreadsheet-format]"));
  EXPECT_EQ(imported.result.summary.headings, 2u);
  EXPECT_EQ(imported.result.summary.footnotes, 1u);
  EXPECT_EQ(imported.result.summary.findings, 4u);
  const std::string peel = file(imported, "inspections/peel-2021-22.yaml");
  EXPECT_THAT(peel, HasSubstr("title: \"PEEL 2021/22: An inspection of Kingsmere\"\nshort_name: PEEL 2021/22\n"));
  EXPECT_THAT(peel, HasSubstr("  - ref: AFI1\n"));
  EXPECT_THAT(peel, HasSubstr("      - as_at: 2022-03-24\n        status: closed\n"));  // Archived
  EXPECT_THAT(file(imported, "inspections/vawg-2021.yaml"), HasSubstr("title: VAWG 2021\n\nfindings:"));
  EXPECT_THAT(file(imported, "inspections/stalking-2024.yaml"), HasSubstr("title: Stalking 2024\n\nfindings:"));
}

// A heading with a count a formula works out beside it is a heading still; a pillar under a report's heading,
// and "Recommendations", head its rows but do not title it; a heading under "National thematic reports" titles
// its report; a row of totals is noted, not read; words with no-break spaces are the words.
TEST(Tracker, ReadsHeadingsWithCountsSubHeadingsAndTotalsAsAForcesTrackerHasThem) {
  const auto imported = import_csv(
      "Report,Ref,Recommendation,Status,Notes\n"
      "PEEL 2021/22: An inspection of Kingsmere,PEEL 2021/22: An inspection of Kingsmere,"
      "PEEL 2021/22: An inspection of Kingsmere,,2 findings\n"
      "Investigating crime,,,,\n"
      "PEEL 2021/22,AFI1,Supervise investigations,On\u00a0track,\n"
      "Recommendations,,,,\n"
      "PEEL 2021/22,R1,Answer calls,Complete\u00a0,\n"
      "National thematic reports,,,,\n"
      "\"Vetting, misconduct and misogyny\",,,,\n"
      "Vetting 2022,R1,Review vetting,Open,\n"
      "Total,2,,,\n");
  EXPECT_THAT(
      imported.diagnostics,
      ElementsAre(
          "t.csv:2:1: note: row 2 is read as a heading, as its first value is in no other of its report, ref and "
          "wording cells: the counts beside it are not read: E2 '2 findings' [spreadsheet-format]",
          "t.csv:2:1: note: row 2 is read as the heading of report 'peel-2021-22', whose rows follow it: its text is "
          "the report's title, and 'PEEL 2021/22', as its rows name it, its short name [spreadsheet-format]",
          "t.csv:3:1: note: row 3 is read as a heading: the rows below it belong to report 'peel-2021-22' "
          "[spreadsheet-format]",
          "t.csv:4:1: note: rows 4, 6 and 9 give a status, rating or note with no date: written as at 2022-03-24, the "
          "date given with --as-of; map the column of update dates as `updated` to keep the tracker's own "
          "[missing-field]",
          "t.csv:5:1: note: row 5 is read as a heading: the rows below it belong to report 'peel-2021-22' "
          "[spreadsheet-format]",
          "t.csv:7:1: note: row 7 is read as a heading: the rows below it belong to report 'vetting-2022' "
          "[spreadsheet-format]",
          "t.csv:8:1: note: row 8 is read as the heading of report 'vetting-2022', whose rows follow it: its text is "
          "the report's title, and 'Vetting 2022', as its rows name it, its short name [spreadsheet-format]",
          "t.csv:10:1: note: row 10 is not read: it reads as a row of totals ('Total') [spreadsheet-format]"));
  EXPECT_EQ(imported.result.summary.findings, 3u);
  EXPECT_EQ(imported.result.summary.footnotes, 1u);
  EXPECT_THAT(file(imported, "inspections/peel-2021-22.yaml"),
              HasSubstr("title: \"PEEL 2021/22: An inspection of Kingsmere\"\nshort_name: PEEL 2021/22\n"));
  EXPECT_THAT(file(imported, "inspections/vetting-2022.yaml"),
              HasSubstr("title: Vetting, misconduct and misogyny\nshort_name: Vetting 2022\n"));
}

// The words trackers use: statuses (Archived is closed, as a 2017 committee paper of the seed force has it;
// Off track is open) and BRAG ratings, whose Blue gives the register a fourth rating that closes a finding.
TEST(Guess, KnowsTheWordsTrackersUseAndBragsBlue) {
  diag::Diagnostics d;
  const auto guess = import::guess_mapping(
      csv("Ref,Recommendation,Status,BRAG\n"
          "R1,a,Archived,Blue\nR2,b,Complete,G\nR3,c,Completed,A\nR4,d,Implemented,R\nR5,e,Discharged,Blue\n"
          "R6,f,On track,G\nR7,g,Ongoing,A\nR8,h,In progress,R\nR9,i,Not started,R\nR10,j,Off track,R\n"
          "R11,k,Awaiting review,\n",
          d));
  std::vector<std::string> words;
  for (const import::GuessedWord& word : guess.words) {
    words.push_back(fmt::format("{} {} -> {}", word.field, word.word, word.value.value_or("?")));
  }
  EXPECT_THAT(words,
              ElementsAre("status Archived -> closed", "status Complete -> closed", "status Completed -> closed",
                          "status Implemented -> closed", "status Discharged -> achieved", "status On track -> open",
                          "status Ongoing -> open", "status In progress -> open", "status Not started -> open",
                          "status Off track -> open", "status Awaiting review -> ?", "rating Blue -> blue",
                          "rating G -> green", "rating A -> amber", "rating R -> red"));
  ASSERT_TRUE(guess.mapping.vocabulary.has_value());
  std::vector<std::string> ratings;
  for (const model::Rating& rating : guess.mapping.vocabulary->ratings) ratings.push_back(rating.id);
  EXPECT_THAT(ratings, ElementsAre("red", "amber", "green", "blue"));
  EXPECT_EQ(guess.mapping.vocabulary->ratings.back().marks, model::Marks::closed);
  EXPECT_EQ(guess.mapping.columns.at("rating").front().name, "BRAG");
  // Letters alone: B is Blue, and no other rating starts with it.
  const auto letters = import::guess_mapping(csv("Ref,Title,RAG\nR1,a,B\nR2,b,G\n", d));
  ASSERT_TRUE(letters.mapping.vocabulary.has_value());
  EXPECT_EQ(letters.words.front().value, "blue");
  EXPECT_FALSE(import::guess_mapping(csv("Ref,Title,RAG\nR1,a,G\n", d)).mapping.vocabulary.has_value());
}

// A column whose header says nothing of its field but whose cells start with dates is a column of updates; a
// column of bare dates is not.
TEST(Guess, TakesAColumnOfDatedUpdatesForUpdatesWhateverItsHeader) {
  diag::Diagnostics d;
  const auto guess =
      import::guess_mapping(csv("Ref,Recommendation,Position statement,Raised\n"
                                "R1,a,\"12/01/2023 - Plan agreed\nMore work\n03/04/2023 - 60% trained\",12/01/2022\n"
                                "R2,b,05/11/2024 Letters redesigned,13/01/2022\nR3,c,,14/01/2022\n",
                                d));
  EXPECT_EQ(guess.mapping.columns.at("updates").front().name, "Position statement");
  EXPECT_FALSE(guess.mapping.columns.contains("note"));
  EXPECT_EQ(guess.columns.at(3).field, "");  // "Raised": dates with nothing after them are kept as text
}

TEST(Tracker, WritesTextTheLoaderReadsBackExactly) {
  std::mt19937 random(20221201);
  const std::vector<std::string> pieces{"a",   "Z",    "0", " ",   "  ",   ":",      ": ",     "#", " #", "-",
                                        "- ",  "?",    "'", "\"",  "\\",   "|",      ">",      "%", "@",  "`",
                                        "!",   "&",    "*", ",",   "[",    "]",      "{",      "}", "\n", "\n\n",
                                        "yes", "null", "~", "1.5", "0x1F", "\u00e9", "\u2013", "\t"};
  for (int round = 0; round < 300; ++round) {
    std::string title, text;
    const int title_pieces = 1 + static_cast<int>(random() % 6), text_pieces = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < title_pieces; ++i) title += pieces[random() % pieces.size()];
    for (int i = 0; i < text_pieces; ++i) text += pieces[random() % pieces.size()];
    std::string cell_title = title, cell_text = text;
    for (std::string* s : {&cell_title, &cell_text}) {
      std::string quoted = "\"";
      for (char c : *s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      *s = quoted + "\"";
    }
    const std::string tracker =
        "Report,Ref,Type,Title,Text\nPEEL 2021/22,R1,Recommendation," + cell_title + "," + cell_text + "\n";
    const auto imported = import_csv(tracker);
    if (imported.result.files.empty()) continue;  // a title with nothing but spaces has no wording: refused
    std::vector<load::SourceFile> sources;
    for (const auto& [path, content] : imported.result.files) sources.push_back({path, content});
    const load::LoadResult loaded = load::load_sources("r", std::move(sources));
    ASSERT_FALSE(loaded.diagnostics.has_errors()) << test::lines(loaded.diagnostics).front() << "\n"
                                                  << file(imported, "inspections/peel-2021-22.yaml");
    const model::Finding& finding = loaded.dataset.inspections.at(0).findings.at(0);
    // What the import makes of the cells: trimmed, tabs as spaces; a blank title takes the text's place; a
    // wording on several lines gives its first line as the title and goes whole before the text.
    const auto trim = [](std::string s) {
      std::replace(s.begin(), s.end(), '\t', ' ');
      const auto first = s.find_first_not_of(" \n");
      return first == std::string::npos ? std::string() : s.substr(first, s.find_last_not_of(" \n") - first + 1);
    };
    std::string wording = trim(title), expected_text = trim(text);
    if (wording.empty()) std::swap(wording, expected_text);
    std::string expected_title = trim(wording.substr(0, wording.find('\n')));
    if (expected_title != wording) expected_text = expected_text.empty() ? wording : wording + "\n\n" + expected_text;
    EXPECT_EQ(finding.title, expected_title) << tracker;
    EXPECT_EQ(finding.text, expected_text) << tracker;
  }
}

}  // namespace
}  // namespace hmicfrs
