// What a register's own words can do to the writers: cuts that keep characters
// whole, sheet names and cells Excel accepts, addresses and lines e-mail
// allows. Every writer is given the words an attacker or a careless paste
// would give it, and what it wrote is read back.

#include <filesystem>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/render/document.hpp>
#include <hmicfrs/render/output.hpp>
#include <hmicfrs/util/text_rules.hpp>
#include <hmicfrs/util/utf8.hpp>

#include "render/zip.hpp"
#include "support/coverage.hpp"
#include "support/golden.hpp"
#include "support/register.hpp"
#include "support/scratch.hpp"

namespace hmicfrs {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Characters of one to four bytes, two of them combining marks, a few times over.
const std::string k_mixed = [] {
  std::string one = "a\u00e9\u20ac\U0001F600e\u0301\u4e2d-/ z\u0308";
  std::string out;
  for (int i = 0; i < 4; ++i) out += one;
  return out;
}();

bool is_character_boundary(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

TEST(Utf8Cut, FitsTheLongestStartWithinEveryBudgetAndNeverCutsACharacter) {
  const auto measures = std::vector<std::pair<const char*, std::size_t (*)(char32_t)>>{
      {"columns", util::terminal_columns}, {"bytes", util::utf8_bytes}, {"utf-16", util::utf16_units}};
  for (const auto& [name, measure] : measures) {
    const std::size_t total = util::measured(k_mixed, measure);
    for (std::size_t budget = 0; budget <= total + 1; ++budget) {
      const std::size_t cut = util::fitting_prefix(k_mixed, budget, measure);
      ASSERT_TRUE(is_character_boundary(k_mixed, cut)) << name << " " << budget;
      EXPECT_LE(util::measured(std::string_view(k_mixed).substr(0, cut), measure), budget) << name << " " << budget;
      if (cut < k_mixed.size()) {  // the next character would not have fitted
        const std::size_t next = cut + util::character_at(k_mixed, cut).length;
        EXPECT_GT(util::measured(std::string_view(k_mixed).substr(0, next), measure), budget) << name << " " << budget;
      }
    }
  }
  EXPECT_EQ(util::measured("\u00e9\u20ac\U0001F600", util::utf8_bytes), 9u);
  EXPECT_EQ(util::measured("\u00e9\u20ac\U0001F600", util::utf16_units), 4u);
  EXPECT_EQ(util::measured("e\u0301", util::terminal_columns), 1u);
  // A byte that starts no character is one character of its own, and the cut moves past it.
  EXPECT_EQ(util::character_at("\xff"
                               "a",
                               0)
                .length,
            1u);
  EXPECT_EQ(util::character_at("\xe2\x82", 0).length, 1u);
  // Such a byte measures as U+FFFD does: never less than a writer will write in its place.
  EXPECT_EQ(util::fitting_prefix("\xe2\x82\xac\xe2\x82", 2, util::utf8_bytes), 0u);
  EXPECT_EQ(util::fitting_prefix("\xe2\x82\xac\xe2\x82", 5, util::utf8_bytes), 3u);
  EXPECT_EQ(util::fitting_prefix("\xe2\x82\xac\xe2\x82", 6, util::utf8_bytes), 4u);
}

TEST(Utf8Cut, TheTerminalWrapKeepsEveryCharacterWholeAtEveryWidth) {
  for (std::size_t width = 1; width <= render::display_width(k_mixed) + 1; ++width) {
    std::string joined;
    for (const std::string& line : render::wrap(k_mixed, width)) {
      EXPECT_FALSE(util::first_text_fault(line).has_value()) << width << ": " << line;
      EXPECT_LE(render::display_width(line), width) << width << ": " << line;
      joined += line;
    }
    std::string expected = k_mixed;
    std::erase(expected, ' ');
    std::erase(joined, ' ');
    EXPECT_EQ(joined, expected) << width;
  }
}

// The names of a workbook's sheets, as Excel reads them from its workbook part.
std::vector<std::string> sheet_names(const std::string& workbook) {
  const auto part = render::zip_entry(workbook, "xl/workbook.xml", 1 << 20);
  EXPECT_TRUE(part.has_value());
  std::vector<std::string> names;
  constexpr std::string_view k_start = "<sheet name=\"";
  for (std::size_t at = part->find(k_start); at != std::string::npos; at = part->find(k_start, at)) {
    at += k_start.size();
    names.push_back(part->substr(at, part->find('"', at) - at));
  }
  return names;
}

std::string workbook_of(const std::vector<render::Sheet>& sheets) {
  std::ostringstream out;
  render::write_xlsx(out, sheets);
  return out.str();
}

render::Sheet one_cell(std::string name, std::string text) {
  render::Table table{{{"Text"}}, {}};
  table.add_row(std::move(text));
  return {std::move(name), std::move(table)};
}

TEST(ExcelSheets, AreNamedAsExcelAllowsWhateverTheRegisterCallsThem) {
  const std::string long_name = "R\u00e9sum\u00e9 des recommandations! \U0001F600\U0001F600 et cetera";
  const std::string workbook =
      workbook_of({one_cell("'Won't do'", "a"), one_cell("History", "b"), one_cell("Red: [a/b]?*\\", "c"),
                   one_cell(" red   A B", "d"), one_cell(long_name, "e"), one_cell(long_name, "f"), one_cell("''", "g"),
                   one_cell("\u00c9tat", "h"), one_cell("\u00e9tat", "i")});
  // Excel's forbidden characters become spaces; at most 31 UTF-16 units each, where an emoji takes two and is
  // never cut in half; unique ignoring case; never "History".
  EXPECT_THAT(sheet_names(workbook),
              ElementsAre("Won't do", "History (2)", "Red   a b", "red   A B (2)",
                          "R\u00e9sum\u00e9 des recommandations! \U0001F600",
                          "R\u00e9sum\u00e9 des recommandations! (2)", "Sheet", "\u00c9tat", "\u00e9tat (2)"));
}

TEST(ExcelCells, HoldWhatTheRegisterHoldsAsExcelReadsIt) {
  // Text that looks like Excel's own escape of a character is written so that it reads back as written.
  const std::string workbook = workbook_of({one_cell("Escapes", "Line_x000D_break and _x005f_ and _x00_ and _xABCG_")});
  const auto strings = render::zip_entry(workbook, "xl/sharedStrings.xml", 1 << 20);
  ASSERT_TRUE(strings.has_value());
  EXPECT_THAT(*strings, HasSubstr(">Line_x005F_x000D_break and _x005F_x005f_ and _x005F_x00_ and _xABCG_<"));

  // A cell holds at most 32,767 UTF-16 units: a longer text is cut between characters, and says so.
  std::string emoji;
  for (int i = 0; i < 20'000; ++i) emoji += "\U0001F600";
  const std::string cut =
      render::zip_entry(workbook_of({one_cell("Long", "x" + emoji)}), "xl/sharedStrings.xml", 1 << 22).value();
  const std::string note = " [... cut: an Excel cell holds at most 32,767 characters]";
  const std::size_t kept_pairs = (32'767 - note.size() - 1) / 2;
  EXPECT_THAT(cut, HasSubstr(">x" + emoji.substr(0, kept_pairs * 4) + note + "<"));
}

TEST(ExcelCells, AreCutWhereNeitherExcelNorLibxlsxwriterCountsPastTheLimit) {
  // 4,680 escapes of seven characters each read back as 32,760 characters, but libxlsxwriter counts the 32,760
  // plus six for each escaped underscore: the cut falls between escapes, before either count passes 32,767.
  std::string escapes;
  for (int i = 0; i < 4'680; ++i) escapes += "_x0041_";
  const std::string workbook = workbook_of({one_cell("Escapes", escapes)});
  const std::string strings = render::zip_entry(workbook, "xl/sharedStrings.xml", 1 << 22).value();
  const std::string note = " [... cut: an Excel cell holds at most 32,767 characters]";
  std::string kept;
  for (std::size_t i = 0; i < (32'767 - note.size()) / 13; ++i) kept += "_x005F_x0041_";
  EXPECT_THAT(strings, HasSubstr(">" + kept + note + "<"));
  // LibreOffice reads one to four digits as an escape, and either case of x: each underscore before one is
  // escaped too; one that starts no escape is written as it is.
  const std::string short_ones = render::zip_entry(workbook_of({one_cell("Short", "_x4_ _X04_ _x004_ _x_ _xG_ x_")}),
                                                   "xl/sharedStrings.xml", 1 << 20)
                                     .value();
  EXPECT_THAT(short_ones, HasSubstr(">_x005F_x4_ _x005F_X04_ _x005F_x004_ _x_ _xG_ x_<"));
}

// The text between <tag> and </tag> in `part`, or "" when it has none.
std::string element(const std::string& part, const std::string& tag) {
  const std::size_t start = part.find("<" + tag + ">");
  if (start == std::string::npos) return "";
  const std::size_t from = start + tag.size() + 2;
  return part.substr(from, part.find("</" + tag + ">", from) - from);
}

std::string sheet_part(const std::string& workbook, int sheet = 1) {
  return render::zip_entry(workbook, fmt::format("xl/worksheets/sheet{}.xml", sheet), 1 << 22).value();
}

TEST(ExcelPages, PrintLandscapeOneWideWithTheTitleAndMarkingAsText) {
  std::ostringstream out;
  render::write_xlsx(
      out, {one_cell("One", "a"), one_cell("Two", "b")},
      {"Avon & Somerset Constabulary \u2014 HMICFRS findings as of 31 March 2022", "OFFICIAL-SENSITIVE"});
  for (const int sheet : {1, 2}) {
    const std::string part = sheet_part(out.str(), sheet);
    // '&' is Excel's escape in a header: the force's own is doubled, and no clock (&D, &T) is printed.
    EXPECT_EQ(element(part, "oddHeader"),
              "&amp;LAvon &amp;&amp; Somerset Constabulary \u2014 HMICFRS findings as of 31 March "
              "2022&amp;ROFFICIAL-SENSITIVE");
    EXPECT_EQ(element(part, "oddFooter"), "&amp;CPage &amp;P of &amp;N&amp;ROFFICIAL-SENSITIVE");
    EXPECT_THAT(part, HasSubstr("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
    EXPECT_THAT(part, HasSubstr("<pageSetUpPr fitToPage=\"1\"/>"));
  }
  const std::string workbook = render::zip_entry(out.str(), "xl/workbook.xml", 1 << 20).value();
  EXPECT_THAT(workbook, HasSubstr(">One!$1:$1</definedName>"));
  EXPECT_THAT(workbook, HasSubstr(">Two!$1:$1</definedName>"));
  // Without a marking, the title alone above and the page number below.
  std::ostringstream plain;
  render::write_xlsx(plain, {one_cell("One", "a")}, {"Kingsmere Constabulary \u2014 HMICFRS findings", ""});
  EXPECT_EQ(element(sheet_part(plain.str()), "oddHeader"), "&amp;LKingsmere Constabulary \u2014 HMICFRS findings");
  EXPECT_EQ(element(sheet_part(plain.str()), "oddFooter"), "&amp;CPage &amp;P of &amp;N");
}

TEST(ExcelPages, KeepTheHeaderWithinExcelsLimitAndTheMarkingWhole) {
  // 255 characters at most, codes and escapes included: a longer title is cut between characters, never inside
  // "&&", and the marking kept whole.
  std::string title;
  for (int i = 0; i < 60; ++i) title += "A&\u00e9\U0001F600";
  std::ostringstream out;
  render::write_xlsx(out, {one_cell("One", "a")}, {title, "OFFICIAL-SENSITIVE PERSONAL"});
  std::string header = element(sheet_part(out.str()), "oddHeader");
  for (std::size_t at = header.find("&amp;"); at != std::string::npos; at = header.find("&amp;", at)) {
    header.replace(at, 5, "&");
  }
  EXPECT_TRUE(header.ends_with("\u2026&ROFFICIAL-SENSITIVE PERSONAL")) << header;
  EXPECT_EQ(util::measured(header, util::utf16_units), 255u) << header;
  // What was kept is the title's start, escaped, never half of a "&&" or of a character.
  const std::string kept = header.substr(2, header.find("\u2026") - 2);
  std::string escaped;
  for (const char c : title) escaped += c == '&' ? std::string("&&") : std::string(1, c);
  EXPECT_TRUE(escaped.starts_with(kept)) << kept;
  EXPECT_EQ((kept.size() - kept.find_last_not_of('&') - 1) % 2, 0u) << kept;
  EXPECT_FALSE(util::first_text_fault(kept).has_value()) << kept;
}

// The style index of the cell `ref` ("A4") in a sheet's part, or "" when the cell is not written.
std::string style_of(const std::string& part, const std::string& ref) {
  const std::string start = "<c r=\"" + ref + "\" s=\"";
  const std::size_t at = part.find(start);
  if (at == std::string::npos) return "";
  return part.substr(at + start.size(), part.find('"', at + start.size()) - at - start.size());
}

TEST(ExcelTotals, AreBoldAndOutsideTheFilter) {
  render::Table table{{{"Portfolio"}, {"Open", render::Align::right, false, false, render::CellKind::number}}, {}};
  table.add_row("Crime", "3");
  table.add_row("Custody", "");
  table.add_row("Total", "3");
  table.totals = 1;
  std::ostringstream out;
  render::write_xlsx(out, {{"Counts", table}});
  const std::string part = sheet_part(out.str());
  // The filter covers the header and the data rows; the totals row is below it.
  EXPECT_THAT(part, HasSubstr("<autoFilter ref=\"A1:B3\"/>"));
  // Its cells take formats of their own, which make their text bold (the first bold font is the header's).
  EXPECT_NE(style_of(part, "A4"), "");
  EXPECT_NE(style_of(part, "A4"), style_of(part, "A2"));
  EXPECT_NE(style_of(part, "B4"), style_of(part, "B2"));
  EXPECT_EQ(style_of(part, "B3"), "");  // an empty data cell is not written
  const std::string styles = render::zip_entry(out.str(), "xl/styles.xml", 1 << 20).value();
  const std::size_t cell_xfs = styles.find("<cellXfs");
  const std::string xfs = styles.substr(cell_xfs, styles.find("</cellXfs>") - cell_xfs);
  std::vector<std::string> fonts;
  for (std::size_t at = xfs.find("<xf "); at != std::string::npos; at = xfs.find("<xf ", at + 1)) {
    const std::size_t font = xfs.find("fontId=\"", at) + 8;
    fonts.push_back(xfs.substr(font, xfs.find('"', font) - font));
  }
  const std::string header_font = fonts.at(std::stoul(style_of(part, "A1")));
  EXPECT_NE(header_font, "0");
  EXPECT_EQ(fonts.at(std::stoul(style_of(part, "A4"))), header_font);
  EXPECT_EQ(fonts.at(std::stoul(style_of(part, "B4"))), header_font);
  EXPECT_EQ(fonts.at(std::stoul(style_of(part, "A2"))), "0");
}

TEST(ExcelRows, AreAsTallAsTheirWrappedLines) {
  render::Table table{{{"Id"}, {"Note", render::Align::left, true}}, {}};
  table.add_row("one", "short");
  std::string long_note;
  for (int i = 0; i < 40; ++i) long_note += "implementation ";
  table.add_row("two", long_note);
  table.add_row("three", "a\nb\nc");
  std::string huge;
  for (int i = 0; i < 2'000; ++i) huge += "word ";
  table.add_row("four", huge);
  std::ostringstream out;
  render::write_xlsx(out, {{"Notes", table}});
  const std::string part = sheet_part(out.str());
  // One line: Excel's own height. 40 words of about 14 characters in a column 60 digits wide: at least 10 lines
  // of 15 points. Three lines for three paragraphs; and no row higher than Excel's 409 points.
  EXPECT_THAT(part, HasSubstr("<row r=\"2\" spans=\"1:2\">"));
  const std::string tall = "<row r=\"3\" spans=\"1:2\" ht=\"";
  const std::size_t at = part.find(tall);
  ASSERT_NE(at, std::string::npos) << part;
  EXPECT_GE(std::stod(part.substr(at + tall.size())), 150.0);
  EXPECT_THAT(part, HasSubstr("<row r=\"4\" spans=\"1:2\" ht=\"45\" customHeight=\"1\">"));
  EXPECT_THAT(part, HasSubstr("<row r=\"5\" spans=\"1:2\" ht=\"409\" customHeight=\"1\">"));
}

TEST(ExcelWorkbook, AFailedCallIsAnInputOutputFailureAndLeavesNoTemporaryFile) {
  const test::ScratchDir scratch("xlsx-tmp");
  const char* previous = std::getenv("TMPDIR");
  const std::string kept = previous != nullptr ? previous : "";
  setenv("TMPDIR", scratch.path().c_str(), 1);
  render::Table wide;
  wide.columns.resize(16'385, render::Column{"C"});  // one more than Excel's 16,384 columns
  std::ostringstream out;
  try {
    render::write_xlsx(out, {{"Wide", wide}});
    ADD_FAILURE() << "a sheet of 16,385 columns was written";
  } catch (const std::ios_base::failure& failure) {
    EXPECT_THAT(failure.what(), ::testing::StartsWith("cannot write the workbook: Worksheet row or column index out "
                                                      "of range"));
  }
  previous != nullptr ? setenv("TMPDIR", kept.c_str(), 1) : unsetenv("TMPDIR");
  EXPECT_TRUE(fs::is_empty(scratch.path()));
  EXPECT_EQ(out.str(), "");
}

TEST(RegisterText, HoldsNoNoncharacterThatNoPaperOrWorkbookCouldHold) {
  EXPECT_EQ(test::Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: Test\uffff}\ncommittee: {name: Joint Audit Committee}\n")
                .diagnostics(),
            test::asserted({"hmicfrs-track.yaml:2:19: error: noncharacter U+FFFF is not allowed: no paper or "
                            "workbook can hold it; remove it [control-character]"}));
}

// A register whose owner has an address beyond ASCII, and whose findings' words are long and not ASCII.
load::LoadResult mail_register(const std::string& contact_email, const std::string& title) {
  return test::Register()
      .file("hmicfrs-track.yaml",
            "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
            "contact: {name: J\u00f6rg Liaison, email: " +
                contact_email +
                "}\nportfolios:\n  - {id: crime, name: Crime}\n"
                "owners:\n  - {role: Head of Crime, email: j\u00fcrgen@polizei.example}\n")
      .file("inspections/x.yaml",
            "id: thematic-x\ntype: national-thematic\ntitle: T\npublished: 2021-10-01\nfindings:\n"
            "  - ref: R1\n    type: recommendation\n    title: " +
                title +
                "\n    owner: Head of Crime\n    history:\n"
                "      - {date: 2021-11-01, status: open, rag: red, note: Started}\n"
                "  - ref: R2\n    type: recommendation\n    title: T\n    owner: Head of People\n    history:\n"
                "      - {date: 2021-11-01, status: open, rag: red, note: Started}\n")
      .load("2022-03-31");
}

TEST(EmailDrafts, WriteAddressesBeyondAsciiRawAndNeverCutACharacter) {
  std::string long_word;
  for (int i = 0; i < 700; ++i) long_word += "\u00e9\u20ac\U0001F600";  // 6,300 bytes, no space
  const auto result = mail_register("liaison@example.org", "Short words then " + long_word + " and more");
  ASSERT_FALSE(result.diagnostics.has_errors()) << test::lines(result.diagnostics).front();
  const auto chase = query::chase(result.dataset, test::date("2022-03-24"), {});
  ASSERT_TRUE(chase.ok()) << chase.error();
  const std::vector<render::EmailMessage> messages = render::to_messages(*chase);
  ASSERT_EQ(messages.size(), 2u);
  const std::string& text = messages[0].text;
  EXPECT_THAT(text, HasSubstr("\r\nFrom: =?UTF-8?B?SsO2cmcgTGlhaXNvbg==?= <liaison@example.org>\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nTo: j\u00fcrgen@polizei.example\r\n"));
  std::size_t lines = 0, longest = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string_view line = std::string_view(text).substr(start, end - start);
    EXPECT_FALSE(util::first_text_fault(line).has_value()) << "line " << lines << " is cut inside a character";
    longest = std::max(longest, line.size());
    ++lines;
    start = end + 2;
  }
  EXPECT_LE(longest, 998u);  // RFC 5322's limit
  EXPECT_GE(longest, 890u);  // the long word takes whole lines of its own
  EXPECT_THAT(text, HasSubstr("\r\n   " + long_word.substr(0, 900) + "\r\n   " + long_word.substr(900, 900) + "\r\n"));
}

// Every line of a message: its length in bytes at most RFC 5322's 998, and no character cut.
void expect_lines_whole(const std::string& text) {
  std::size_t start = 0;
  for (std::size_t end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    const std::string_view line = std::string_view(text).substr(start, end - start);
    EXPECT_LE(line.size(), 998u) << line.substr(0, 60);
    EXPECT_FALSE(util::first_text_fault(line).has_value()) << line.substr(0, 60);
    start = end + 2;
  }
  EXPECT_EQ(start, text.size()) << "the text ends without a line end";
}

TEST(EmailDrafts, NeverLetANameBecomeAnAddressOrALineRunPastItsLimit) {
  // A name written as an encoded word, with an address after it, stays a name: quoted.
  const auto smuggled = mail_register("liaison@example.org", "T");
  model::Config config = smuggled.dataset.config;
  const auto chase = [&](const model::Config& with) {
    load::LoadResult copy = mail_register("liaison@example.org", "T");
    copy.dataset.config = with;
    const auto answer = query::chase(copy.dataset, test::date("2022-03-24"), {});
    return render::to_messages(*answer).at(0).text;
  };
  config.contact.name = "=?UTF-8?B?Q0VP?= <ceo@evil.example>, Bob";
  EXPECT_THAT(chase(config),
              HasSubstr("\r\nFrom: \"=?UTF-8?B?Q0VP?= <ceo@evil.example>, Bob\" <liaison@example.org>\r\n"));
  // A long name is encoded in words of lines of their own.
  config.contact.name = std::string(1200, 'n');
  const std::string long_name = chase(config);
  expect_lines_whole(long_name);
  EXPECT_THAT(long_name, HasSubstr("\r\nFrom: =?UTF-8?B?"));
  EXPECT_THAT(long_name, HasSubstr("?=\r\n =?UTF-8?B?"));
  // The subject names the committee: folded before a space within 78 characters, and encoded when longer than a
  // header may be.
  config.contact.name = "Liaison";
  config.committee_name.clear();
  for (int i = 0; i < 30; ++i) config.committee_name += "Joint Audit ";
  const std::string subject = chase(config);
  const std::size_t from = subject.find("\r\nSubject: ") + 2;
  const std::size_t to = subject.find("\r\nMessage-ID: ");
  for (std::size_t start = from, end = 0; start < to; start = end + 2) {
    end = subject.find("\r\n", start);
    EXPECT_LE(end - start, 78u) << subject.substr(start, end - start);
    EXPECT_EQ(subject[start], start == from ? 'S' : ' ');
  }
  EXPECT_GT(std::count(subject.begin() + from, subject.begin() + to, '\n'), 3);
  config.committee_name = std::string(1200, 'c');
  expect_lines_whole(chase(config));
  // Words of combining marks take no width, and still make lines of no more than 900 bytes.
  std::string marks = "a";
  for (int i = 0; i < 200; ++i) marks += "\u0301";
  std::string title;
  for (int i = 0; i < 8; ++i) title += marks + " ";
  const auto result = mail_register("liaison@example.org", title);
  ASSERT_FALSE(result.diagnostics.has_errors()) << test::lines(result.diagnostics).front();
  const auto answer = query::chase(result.dataset, test::date("2022-03-24"), {});
  const std::string text = render::to_messages(*answer).at(0).text;
  expect_lines_whole(text);
  EXPECT_THAT(text, HasSubstr("\r\n   " + marks + " " + marks + "\r\n"));  // two words of 401 bytes a line
}

TEST(EmailDrafts, TakeNoAddressLongerThanAnAddressMayBe) {
  const std::string local(65, 'l');
  EXPECT_EQ(test::lines(mail_register(local + "@example.org", "T").diagnostics),
            (test::asserted({"hmicfrs-track.yaml:4:38: error: email '" + local +
                             "@example.org' is not one address: write it as name@domain, with no name or brackets "
                             "around it, at most 64 characters before the @ and 254 in all [invalid-value]"})));
  EXPECT_TRUE(mail_register(std::string(64, 'l') + "@" + std::string(189, 'd'), "T").diagnostics.empty());
  EXPECT_FALSE(mail_register(std::string(64, 'l') + "@" + std::string(190, 'd'), "T").diagnostics.empty());
}

TEST(EmailDrafts, TakeOnlyOnePlainAddressForTheContact) {
  const auto result = mail_register("\"liaison@example.org, all@example.org\"", "T");
  EXPECT_EQ(test::lines(result.diagnostics),
            (test::asserted({"hmicfrs-track.yaml:4:38: error: email 'liaison@example.org, "
                             "all@example.org' is not one address: write it as name@domain, with no "
                             "name or brackets around it, at most 64 characters before the @ and 254 in all "
                             "[invalid-value]"})));
}

TEST(EmailDrafts, SayWhichOwnersHaveNoAddressAndWhatToAdd) {
  const test::ScratchDir scratch("eml");
  fs::copy("examples/west-midlands", scratch.path() / "register", fs::copy_options::recursive);
  const auto result = test::run_cli({"--data", (scratch.path() / "register").string(), "--as-of", "2022-03-24", "chase",
                                     "--format", "eml", "-o", (scratch.path() / "mail").string()});
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.out, "6 messages written to " + (scratch.path() / "mail").string() + "\n");
  EXPECT_EQ(result.err,
            "warning: 3 of 6 messages have no To: address: hmicfrs-track.yaml gives none for\n"
            "  Chief Superintendent (Force Contact)\n"
            "  Director of Commercial Services\n"
            "  Director of People\n"
            "Add each under owners:, as in\n"
            "  owners:\n"
            "    - role: \"Chief Superintendent (Force Contact)\"\n"
            "      email: name@example.org\n");
  const auto by_portfolio =
      test::run_cli({"--data", (scratch.path() / "register").string(), "--as-of", "2022-03-24", "chase", "--by",
                     "portfolio", "--format", "eml", "-o", (scratch.path() / "by-portfolio").string()});
  EXPECT_EQ(by_portfolio.status, 0);
  EXPECT_EQ(by_portfolio.err,
            "warning: 3 of 6 messages have no To: address: hmicfrs-track.yaml gives none for\n"
            "  Force Contact and Response: its lead, Chief Superintendent (Force Contact)\n"
            "  People and Organisational Development: its lead, Director of People\n"
            "  Strategy, Finance and Change: its lead, Director of Commercial Services\n"
            "Add each under owners:, as in\n"
            "  owners:\n"
            "    - role: \"Chief Superintendent (Force Contact)\"\n"
            "      email: name@example.org\n");
}

}  // namespace
}  // namespace hmicfrs
