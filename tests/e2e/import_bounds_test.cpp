// No workbook or CSV can exhaust the import: workbooks made to multiply what
// they hold (a merged range, one shared string used by many cells, millions
// of empty strings, a part of whitespace) are refused where they are, or read,
// in a bounded memory; and the import never writes a register that would not
// load. The peak memory is asserted as built for use: the sanitizers, which
// the other suite runs the same inputs under, add a memory of their own.

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

// A workbook of one sheet, "Tracker", with the sheet's XML and, when given, its shared strings.
std::string workbook(const std::string& sheet_data, const std::string& shared_strings = {},
                     const std::string& after_data = {}) {
  render::ZipArchive zip("2022-01-01");
  constexpr std::string_view k_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  zip.add("xl/workbook.xml",
          fmt::format("<workbook xmlns=\"{}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                      "relationships\"><sheets><sheet name=\"Tracker\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                      "</workbook>",
                      k_main));
  zip.add("xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          "Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  if (!shared_strings.empty()) zip.add("xl/sharedStrings.xml", shared_strings);
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
  ProcessRun import(const std::string& bytes) {
    std::ofstream(m_scratch.path() / "tracker.xlsx", std::ios::binary) << bytes;
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
  const ProcessRun run = import(workbook(sheet, {}, "<mergeCells><mergeCell ref=\"A2:AX20000\"/></mergeCells>"));
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
  const ProcessRun run = import(workbook(sheet, strings));
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
  const ProcessRun run = import(workbook(k_header, strings));
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
  const ProcessRun many = import(workbook(k_header + "<row r=\"2\"" + attributes + "/>"));
  EXPECT_EQ(many.status, 1);
  EXPECT_THAT(many.err, HasSubstr("its part xl/worksheets/sheet1.xml holds more than 1,000,000 tags and attributes"));
  // 140,000 cells of numbers, within every bound, read (their rows then refused, as they name no report).
  std::string sheet = k_header;
  for (int row = 2; row <= 70'001; ++row) {
    sheet += fmt::format("<row r=\"{0}\"><c r=\"B{0}\"><v>{0}</v></c><c r=\"C{0}\"><v>1</v></c></row>", row);
  }
  const ProcessRun near = import(workbook(sheet));
  EXPECT_EQ(near.status, 1);
  EXPECT_THAT(near.err, ::testing::Not(HasSubstr("cannot read the workbook")));
  EXPECT_THAT(near.err, HasSubstr("Nothing written: 70000 of 70000 rows refused"));
}

TEST_F(ImportBounds, RefusesAPartOfWhitespaceBeyondTheLimitAndReadsOneWithin) {
  const ProcessRun beyond = import(workbook(k_header + std::string(64u << 20, ' ')));
  EXPECT_EQ(beyond.status, 1);
  EXPECT_EQ(beyond.err,
            "tracker.xlsx:1:1: error: cannot read the workbook: its part xl/worksheets/sheet1.xml "
            "unpacks to more than 16 MiB [spreadsheet-format]\n1 error, 0 warnings\nNothing written.\n");
  const std::string rows =
      "<row r=\"2\">" + text_cell("A2", "PEEL 2021/22") + text_cell("B2", "R1") + text_cell("C2", "Do it") + "</row>";
  const ProcessRun within = import(workbook(k_header + rows + std::string(15u << 20, ' ')));
  EXPECT_EQ(within.status, 0) << within.err;
}

}  // namespace
}  // namespace hmicfrs::test
