// The paper as PDF (cli/pdf.cpp): the dates a PDF carries set to the meeting's, byte for byte, and every way the
// browser can fail, with a stand-in for Chromium that fails that way.

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli/errors.hpp"
#include "cli/pdf.hpp"
#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;

const model::Date k_meeting = *model::Date::parse("2022-03-31");

// A PDF as Chromium (Skia) writes one: its Info dictionary dated by the clock, and a cross-reference table.
std::string skia_pdf(std::string_view creation = "D:20261206032043+00'00'",
                     std::string_view modification = "D:20261206032043+00'00'") {
  return "%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/Producer (Skia/PDF m156)\n/CreationDate (" +
         std::string(creation) + ")\n/ModDate (" + std::string(modification) + ")>>\nendobj\nxref\n0 2\n" +
         "0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2 /Info 1 0 R>>\nstartxref\n150\n%%EOF\n";
}

TEST(DatedPdf, SetsTheInfoDatesToTheMeetingsInAsManyBytes) {
  const std::string before = skia_pdf();
  const auto after = cli::dated_pdf(before, k_meeting);
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(*after, skia_pdf("D:20220331000000+00'00'", "D:20220331000000+00'00'"));
  EXPECT_EQ(after->size(), before.size());
}

TEST(DatedPdf, KeepsEachDatesLengthWhateverItsForm) {
  const auto after = cli::dated_pdf(skia_pdf("D:20261206032043Z", "D:202612060320"), k_meeting);
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(*after, skia_pdf("D:20220331000000Z", "D:202203310000"));
}

TEST(DatedPdf, SetsXmpDatesToo) {
  const std::string xmp =
      "<xmp:CreateDate>2026-12-06T03:20:43+00:00</xmp:CreateDate><xmp:ModifyDate>2026-12-06T03:20:43Z"
      "</xmp:ModifyDate><rdf:Description xmp:MetadataDate=\"2026-12-06T03:20:43\"/>";
  const auto after = cli::dated_pdf(skia_pdf() + xmp, k_meeting);
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(*after, skia_pdf("D:20220331000000+00'00'", "D:20220331000000+00'00'") +
                        "<xmp:CreateDate>2022-03-31T00:00:00+00:00</xmp:CreateDate><xmp:ModifyDate>2022-03-31T00:00:00Z"
                        "</xmp:ModifyDate><rdf:Description xmp:MetadataDate=\"2022-03-31T00:00:00\"/>");
}

TEST(DatedPdf, LeavesAPdfWithoutDatesAsItIs) {
  const std::string undated = "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)>>\nendobj\n%%EOF\n";
  const auto after = cli::dated_pdf(undated, k_meeting);
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(*after, undated);
}

TEST(DatedPdf, RefusesADateItCannotReplaceByteForByte) {
  EXPECT_EQ(cli::dated_pdf(skia_pdf("D:2026"), k_meeting).error(),
            "its CreationDate (D:2026) is not a date it can replace");
  EXPECT_EQ(
      cli::dated_pdf("%PDF-1.4\n1 0 obj\n<</ModDate <443A32303236>>>\nendobj\ntrailer\n<</Info 1 0 R>>\n", k_meeting)
          .error(),
      "its ModDate is not written as a date in brackets");
}

// A register's words in the file, a link's address or the paper's title, may say "/ModDate (D:...)": only the
// Info dictionary's own dates are replaced.
TEST(DatedPdf, ReplacesOnlyTheInfoDictionarysOwnDates) {
  const std::string link = "3 0 obj\n<</URI (https://example.org/CreationDate/ModDate (D:2019\\) x)>>\nendobj\n";
  std::string before = skia_pdf();
  before.insert(before.find("xref"), link);
  before.replace(before.find("/Creator (Chromium)"), 19, "/Title (A /ModDate \\(D:2019\\) paper)");
  const auto after = cli::dated_pdf(before, k_meeting);
  ASSERT_TRUE(after.ok()) << after.error();
  std::string expected = skia_pdf("D:20220331000000+00'00'", "D:20220331000000+00'00'");
  expected.insert(expected.find("xref"), link);
  expected.replace(expected.find("/Creator (Chromium)"), 19, "/Title (A /ModDate \\(D:2019\\) paper)");
  EXPECT_EQ(*after, expected);
}

TEST(FindChromium, TakesTheFirstBrowserInPathOrder) {
  const ScratchDir dir("find-chromium");
  for (const char* name : {"a/google-chrome", "b/chromium", "b/chromium-browser", "c/chromium"}) {
    fs::create_directories((dir.path() / name).parent_path());
    std::ofstream(dir.path() / name) << "#!/bin/sh\n";
    fs::permissions(dir.path() / name, fs::perms::owner_all);
  }
  const std::string a = (dir.path() / "a").string(), b = (dir.path() / "b").string(), c = (dir.path() / "c").string();
  EXPECT_EQ(cli::find_chromium(a + ":" + b + ":" + c), b + "/chromium");
  EXPECT_EQ(cli::find_chromium(a), a + "/google-chrome");
  // A directory of that name, or a file that may not be run, is no browser; an empty entry is not the current
  // directory.
  fs::create_directories(dir.path() / "d" / "chromium");
  std::ofstream(dir.path() / "e" / "chromium") << "";
  EXPECT_EQ(cli::find_chromium((dir.path() / "d").string() + "::" + (dir.path() / "e").string()), std::nullopt);
  EXPECT_EQ(cli::find_chromium(""), std::nullopt);
}

// A stand-in for Chromium: a shell script that does `body`, with --print-to-pdf=FILE's file in $out.
class FakeChromium {
 public:
  explicit FakeChromium(std::string_view body) : m_dir("fake-chromium") {
    m_path = m_dir.path() / "chromium";
    std::ofstream(m_path) << "#!/bin/sh\nfor a in \"$@\"; do case $a in --print-to-pdf=*) out=${a#--print-to-pdf=};; "
                             "--user-data-dir=*) printf '%s' \"${a#--user-data-dir=}\" > "
                          << (m_dir.path() / "profile").string() << ";; esac; done\n"
                          << body << "\n";
    fs::permissions(m_path, fs::perms::owner_all);
  }
  cli::PdfPrinter printer(std::chrono::seconds timeout = std::chrono::seconds(120)) const {
    return cli::PdfPrinter{m_path.string(), m_dir.path().string(), timeout, "'paper.pdf'"};
  }
  std::string message(std::string_view how, const std::string& output = "'paper.pdf'") const {
    return "cannot write " + output + ": Chromium (" + m_path.string() +
           ") could not print the paper: " + std::string(how) +
           "; install the chromium package: apt-get install chromium";
  }
  // The profile it was given, which must be gone once the print is over.
  fs::path profile() const { return read_text(m_dir.path() / "profile"); }

 private:
  ScratchDir m_dir;
  fs::path m_path;
};

std::string failure(const cli::PdfPrinter& printer) {
  try {
    cli::print_pdf("<!DOCTYPE html><title>x</title>", k_meeting, printer);
  } catch (const cli::IoError& error) {
    EXPECT_EQ(error.status(), 3);
    return error.what();
  }
  return "no failure";
}

TEST(PrintPdf, PrintsThroughTheBrowserAndDatesItsPdf) {
  const FakeChromium chromium("printf '%s' \"" + skia_pdf() + "\" > \"$out\"");
  EXPECT_EQ(cli::print_pdf("<!DOCTYPE html>", k_meeting, chromium.printer()),
            skia_pdf("D:20220331000000+00'00'", "D:20220331000000+00'00'"));
  // Its profile was a temporary one, in a directory removed afterwards.
  EXPECT_FALSE(chromium.profile().empty());
  EXPECT_FALSE(fs::exists(chromium.profile().parent_path()));
}

TEST(PrintPdf, ABrowserThatFailsIsExit3NamingThePackage) {
  const FakeChromium chromium("exit 21");
  EXPECT_EQ(failure(chromium.printer()), chromium.message("it exited with status 21"));
  EXPECT_FALSE(fs::exists(chromium.profile().parent_path()));
}

TEST(PrintPdf, ABrowserThatWritesNoPdfFails) {
  const FakeChromium nothing("exit 0");
  EXPECT_EQ(failure(nothing.printer()), nothing.message("it wrote no PDF"));
  const FakeChromium empty(": > \"$out\"");
  EXPECT_EQ(failure(empty.printer()), empty.message("it wrote no PDF"));
  const FakeChromium other("echo '<html>' > \"$out\"");
  EXPECT_EQ(failure(other.printer()), other.message("it wrote a file that is not a PDF"));
}

TEST(PrintPdf, ABrowserKilledBySignalFails) {
  const FakeChromium chromium("kill -9 $$");
  EXPECT_EQ(failure(chromium.printer()), chromium.message("it was killed by signal 9"));
}

TEST(PrintPdf, ABrowserThatTakesTooLongIsStoppedWithWhatItStarted) {
  // The browser and a child of its own both sleep: both are stopped, and the run does not wait for either.
  const FakeChromium chromium("sleep 30 & sleep 30");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(failure(chromium.printer(std::chrono::seconds(1))),
            "cannot write 'paper.pdf': Chromium (" + chromium.printer().chromium +
                ") could not print the paper: it took more than 1 second and was stopped; try again, or install "
                "the chromium package: apt-get install chromium");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_FALSE(fs::exists(chromium.profile().parent_path()));
}

// `report -o FILE.pdf` with `path` as $PATH and the temporary files in `temporary`.
RunResult report_pdf(const std::string& path, const fs::path& temporary, const fs::path& output,
                     bool terminal = false) {
  cli::Environment environment = quiet_environment();
  environment.variable = [=](std::string_view name) -> std::optional<std::string> {
    if (name == "PATH") return path;
    if (name == "TMPDIR") return temporary.string();
    return std::nullopt;
  };
  environment.stdout_is_terminal = terminal;
  std::vector<std::string> args{"--data", "examples/west-midlands", "report", "--committee", "2022-03"};
  if (output.empty()) {
    args.insert(args.end(), {"--format", "pdf"});
  } else {
    args.insert(args.end(), {"-o", output.string()});
  }
  return run_cli(args, environment);
}

TEST(ReportPdf, WithoutChromiumIsExit3NamingThePackageAndWritesNothing) {
  const ScratchDir dir("no-chromium");
  const auto result = report_pdf("/nonexistent:" + dir.path().string(), dir.path(), dir.path() / "paper.pdf");
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err, "hmicfrs-track: cannot write '" + (dir.path() / "paper.pdf").string() +
                            "': a PDF is printed by Chromium, and none of chromium, chromium-browser or google-chrome "
                            "is on PATH: install the chromium package: apt-get install chromium\n");
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(ReportPdf, IsNotWrittenToATerminal) {
  const ScratchDir dir("pdf-terminal");
  const auto result = report_pdf("", dir.path(), {}, true);
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(result.err,
            "hmicfrs-track: a pdf file is not for a terminal: give -o FILE.pdf, or redirect the output\n"
            "Run 'hmicfrs-track --help' for usage.\n");
}

TEST(ReportPdf, IsWrittenAtomicallyDatedTheMeetingsDay) {
  const FakeChromium chromium("printf '%s' \"" + skia_pdf() + "\" > \"$out\"");
  const ScratchDir dir("pdf-written");
  const fs::path paper = dir.path() / "paper.pdf";
  const std::string path = fs::path(chromium.printer().chromium).parent_path().string();
  const auto written = report_pdf(path, dir.path(), paper);
  EXPECT_EQ(written.status, 0) << written.err;
  EXPECT_EQ(read_text(paper), skia_pdf("D:20220331000000+00'00'", "D:20220331000000+00'00'"));
  // To standard output, when it is not a terminal.
  const auto out = report_pdf(path, dir.path(), {});
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(out.out, read_text(paper));
  // Nothing is left beside it: neither the temporary file it was written through nor the browser's files.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(ReportPdf, AFailedPrintLeavesTheFileAsItWas) {
  const FakeChromium chromium("exit 1");
  const ScratchDir dir("pdf-failed");
  const fs::path paper = dir.path() / "paper.pdf";
  std::ofstream(paper) << "the last paper";
  const auto failed = report_pdf(fs::path(chromium.printer().chromium).parent_path().string(), dir.path(), paper);
  EXPECT_EQ(failed.status, 3);
  EXPECT_EQ(failed.err,
            "hmicfrs-track: " + chromium.message("it exited with status 1", "'" + paper.string() + "'") + "\n");
  EXPECT_EQ(read_text(paper), "the last paper");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace hmicfrs::test
