// No workbook or CSV can exhaust the import: workbooks made to multiply what
// they hold (a merged range, one shared string used by many cells, millions
// of empty strings, a part of whitespace) are refused where they are, or read,
// in a bounded memory; and the import never writes a register that would not
// load. The peak memory is asserted as built for use: the sanitizers, which
// the other suite runs the same inputs under, add a memory of their own.

#include <malloc.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "process.hpp"
#include "render/zip.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr long k_most_memory_kb = 256 << 10;

// What a workbook holds besides its sheet.
struct Extras {
  std::string shared_strings = {};  // xl/sharedStrings.xml
  std::string after_data = {};      // after the sheet's data: merged ranges
  std::string styles = {};          // xl/styles.xml
  int sheets = 1;                   // sheets, every one of them the same part
  int parts = 0;                    // empty parts besides
};

// A workbook whose sheets ("Tracker", "Tracker 2" ...) are all the one part of `sheet_data`.
std::string workbook(const std::string& sheet_data, const Extras& extras = {}) {
  render::ZipArchive zip("2022-01-01");
  constexpr std::string_view k_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  std::string sheets;
  for (int n = 1; n <= extras.sheets; ++n) {
    sheets +=
        fmt::format("<sheet name=\"Tracker{}\" sheetId=\"{}\" r:id=\"rId1\"/>", n == 1 ? "" : fmt::format(" {}", n), n);
  }
  zip.add("xl/workbook.xml",
          fmt::format("<workbook xmlns=\"{}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                      "relationships\"><sheets>{}</sheets></workbook>",
                      k_main, sheets));
  zip.add("xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          "Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  if (!extras.shared_strings.empty()) zip.add("xl/sharedStrings.xml", extras.shared_strings);
  if (!extras.styles.empty()) zip.add("xl/styles.xml", extras.styles);
  for (int n = 0; n < extras.parts; ++n) zip.add(fmt::format("xl/empty/{}.xml", n), "");
  const std::string& after_data = extras.after_data;
  zip.add("xl/worksheets/sheet1.xml", fmt::format("<worksheet xmlns=\"{}\"><sheetData>{}</sheetData>{}</worksheet>",
                                                  k_main, sheet_data, after_data));
  return zip.bytes();
}

// A cell of inline text.
std::string text_cell(std::string_view reference, std::string_view text) {
  return fmt::format("<c r=\"{}\" t=\"inlineStr\"><is><t>{}</t></is></c>", reference, text);
}

const std::string k_header =
    "<row r=\"1\">" + text_cell("A1", "Report") + text_cell("B1", "Ref") + text_cell("C1", "Recommendation") + "</row>";

class ImportBounds : public ::testing::Test {
 protected:
  // `import` of the workbook into a new register; the register must not be written unless the import succeeds.
  // The workbook's bytes are let go first: a child's peak memory counts what the test held when it forked.
  ProcessRun import(std::string bytes) {
    std::ofstream(m_scratch.path() / "tracker.xlsx", std::ios::binary) << bytes;
    std::string().swap(bytes);
    ::malloc_trim(0);
    RunOptions options;
    options.cwd = m_scratch.path();
    const ProcessRun run = run_binary({"--as-of", "2022-03-31", "import", "tracker.xlsx", "--into", "out"}, options);
    EXPECT_FALSE(run.timed_out);
    std::cout << fmt::format("{}: exit {} in {:.3f} s, peak {} KiB\n",
                             ::testing::UnitTest::GetInstance()->current_test_info()->name(), run.status, run.seconds,
                             run.peak_rss_kb);
#ifndef HMICFRS_SANITIZED
    EXPECT_LT(run.peak_rss_kb, k_most_memory_kb) << "peak memory of the import";
#endif
    if (run.status != 0) {
      EXPECT_FALSE(fs::exists(m_scratch.path() / "out"));
    }
    return run;
  }

  ScratchDir m_scratch{"import-bounds"};
};

TEST_F(ImportBounds, RefusesAMergedRangeThatWouldCopyALongValueIntoThousandsOfCells) {
  // A2 holds 30,000 characters, merged over A2:AX20000, a million cells in use (AX20000 holds a value).
  const std::string sheet = k_header + "<row r=\"2\">" + text_cell("A2", std::string(30'000, 'x')) + "</row>" +
                            "<row r=\"20000\">" + text_cell("AX20000", "x") + "</row>";
  std::string run_book = workbook(sheet, {.after_data = "<mergeCells><mergeCell ref=\"A2:AX20000\"/></mergeCells>"});
  const ProcessRun run = import(std::move(run_book));
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "tracker.xlsx:1:1: error: cannot read the workbook: its merged cells would fill more than "
            "200,000 cells, or copy more than 64 MiB of text: unmerge them [spreadsheet-format]\n"
            "1 error, 0 warnings\nNothing written.\n");
}

TEST_F(ImportBounds, RefusesOneLongSharedStringUsedByThousandsOfCells) {
  const std::string strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" +
                              std::string(100'000, 'y') + "</t></si></sst>";
  std::string sheet = k_header;
  for (int row = 2; row <= 50'001; ++row)
    sheet += fmt::format("<row r=\"{0}\"><c r=\"C{0}\" t=\"s\"><v>0</v></c></row>", row);
  std::string run_book = workbook(sheet, {.shared_strings = strings});
  const ProcessRun run = import(std::move(run_book));
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "tracker.xlsx:1:1: error: cannot read the workbook: its sheet 'Tracker' holds more than 64 MiB "
            "of text by row 673, more than any tracker: is it the right file? [spreadsheet-format]\n"
            "1 error, 0 warnings\nNothing written.\n");
}

TEST_F(ImportBounds, RefusesMillionsOfEmptySharedStrings) {
  std::string strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (int i = 0; i < 3'000'000; ++i) strings += "<si/>";
  strings += "</sst>";
  std::string run_book = workbook(k_header, {.shared_strings = strings});
  std::string().swap(strings);  // the test holds no more than it must while the import runs
  const ProcessRun run = import(std::move(run_book));
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "tracker.xlsx:1:1: error: cannot read the workbook: its part xl/sharedStrings.xml holds more "
            "than 1,000,000 tags and attributes, more than any tracker [spreadsheet-format]\n"
            "1 error, 0 warnings\nNothing written.\n");
}

TEST_F(ImportBounds, RefusesAPartOfAttributesAndReadsOneNearItsBounds) {
  // Attributes cost a node each as tags do: a few tags with a million attributes are refused.
  std::string attributes;
  for (int i = 0; i < 1'000'000; ++i) attributes += fmt::format(" a{}=\"\"", i);
  std::string many_book = workbook(k_header + "<row r=\"2\"" + attributes + "/>");
  std::string().swap(attributes);  // the test holds no more than it must while the import runs
  const ProcessRun many = import(std::move(many_book));
  EXPECT_EQ(many.status, 1);
  EXPECT_THAT(many.err, HasSubstr("its part xl/worksheets/sheet1.xml holds more than 1,000,000 tags and attributes"));
  // 80,000 cells of numbers, within every bound, read (their rows then refused, as they name no report).
  std::string sheet = k_header;
  for (int row = 2; row <= 40'001; ++row) {
    sheet += fmt::format("<row r=\"{0}\"><c r=\"B{0}\"><v>{0}</v></c><c r=\"C{0}\"><v>1</v></c></row>", row);
  }
  std::string near_book = workbook(sheet);
  std::string().swap(sheet);  // the test holds no more than it must while the import runs
  const ProcessRun near = import(std::move(near_book));
  EXPECT_EQ(near.status, 1);
  EXPECT_THAT(near.err, ::testing::Not(HasSubstr("cannot read the workbook")));
  EXPECT_THAT(near.err, HasSubstr("Nothing written: 40000 of 40000 rows refused"));
}

TEST_F(ImportBounds, RefusesMorePartsOrSheetsThanAnyTrackerAndReadsEachOnlySoFar) {
  std::string parts_book = workbook(k_header, {.parts = 10'001});
  const ProcessRun parts = import(std::move(parts_book));
  EXPECT_EQ(parts.status, 1);
  EXPECT_THAT(parts.err, HasSubstr("error: cannot read the workbook: it holds more than 10,000 parts, more than any "
                                   "workbook [spreadsheet-format]"));
  std::string sheets_book = workbook(k_header, {.sheets = 257});
  const ProcessRun sheets = import(std::move(sheets_book));
  EXPECT_EQ(sheets.status, 1);
  EXPECT_THAT(sheets.err, HasSubstr("error: cannot read the workbook: it has more than 256 sheets, more than any "
                                    "tracker [spreadsheet-format]"));
  // Ten sheets that are all one part of 10 MiB: read to choose among them, they unpack to 100 MiB in all.
  std::string same_part_book = workbook(k_header + std::string(10u << 20, ' '), {.sheets = 10});
  const ProcessRun same_part = import(std::move(same_part_book));
  EXPECT_EQ(same_part.status, 1);
  EXPECT_THAT(same_part.err, HasSubstr("error: cannot read the workbook: its parts unpack to more than 64 MiB "
                                       "together, more than any tracker [spreadsheet-format]"));
}

TEST_F(ImportBounds, ReadsEachNumberFormatOnceHoweverManyStylesUseIt) {
  // A format code of 4 MB that 250,000 styles use: read once, not once a style.
  std::string styles =
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>"
      "<numFmt numFmtId=\"164\" formatCode=\"" +
      std::string(4'000'000, '0') + "\"/></numFmts><cellXfs>";
  for (int i = 0; i < 250'000; ++i) styles += "<xf numFmtId=\"164\"/>";
  styles += "</cellXfs></styleSheet>";
  const std::string rows =
      "<row r=\"2\">" + text_cell("A2", "PEEL 2021/22") + text_cell("B2", "R1") + text_cell("C2", "Do it") + "</row>";
  std::string run_book = workbook(k_header + rows, {.styles = styles});
  std::string().swap(styles);  // the test holds no more than it must while the import runs
  const ProcessRun run = import(std::move(run_book));
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_LT(run.seconds, 20);
}

TEST_F(ImportBounds, RefusesAPartOfWhitespaceBeyondTheLimitAndReadsOneWithin) {
  std::string beyond_book = workbook(k_header + std::string(64u << 20, ' '));
  const ProcessRun beyond = import(std::move(beyond_book));
  EXPECT_EQ(beyond.status, 1);
  EXPECT_EQ(beyond.err,
            "tracker.xlsx:1:1: error: cannot read the workbook: its part xl/worksheets/sheet1.xml "
            "unpacks to more than 16 MiB [spreadsheet-format]\n1 error, 0 warnings\nNothing written.\n");
  const std::string rows =
      "<row r=\"2\">" + text_cell("A2", "PEEL 2021/22") + text_cell("B2", "R1") + text_cell("C2", "Do it") + "</row>";
  std::string within_book = workbook(k_header + rows + std::string(15u << 20, ' '));
  const ProcessRun within = import(std::move(within_book));
  EXPECT_EQ(within.status, 0) << within.err;
}

}  // namespace
}  // namespace hmicfrs::test
