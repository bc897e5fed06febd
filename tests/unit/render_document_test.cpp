#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/labels.hpp>
#include "render/colour.hpp"
#include "render/zip.hpp"

namespace hmicfrs::render {
namespace {

std::string text_of(const Document& d, std::size_t width = 80, bool color = false) {
  std::ostringstream out;
  write_text(out, d, TextStyle{width, color});
  return out.str();
}

std::string markdown_of(const Document& d) {
  std::ostringstream out;
  write_markdown(out, d);
  return out.str();
}

TEST(Wrap, BreaksAtSpacesOnlyAndCutsAWordLongerThanTheLineAfterAHyphenSlashOrComma) {
  EXPECT_THAT(wrap("one two three four", 9), ::testing::ElementsAre("one two", "three", "four"));
  // A date, an id, an option: never broken while it fits a line.
  EXPECT_THAT(wrap("written by 2022-03-31, the paper", 14),
              ::testing::ElementsAre("written by", "2022-03-31,", "the paper"));
  EXPECT_THAT(wrap("see peel-2021-22/AFI3 now", 20), ::testing::ElementsAre("see", "peel-2021-22/AFI3", "now"));
  // An option with its value, and a date in words, are not broken apart while they fit a line.
  EXPECT_THAT(wrap("list --stale --as-of 2022-03-31", 22),
              ::testing::ElementsAre("list --stale", "--as-of 2022-03-31"));
  EXPECT_THAT(wrap("the paper for 31 March 2022), --strict), 2", 20),
              ::testing::ElementsAre("the paper for", "31 March 2022),", "--strict), 2"));
  EXPECT_THAT(wrap("overdue since May 2024.", 18), ::testing::ElementsAre("overdue since", "May 2024."));
  // Wider than the line together: word by word.
  EXPECT_THAT(wrap("on 30 September 2022", 9), ::testing::ElementsAre("on 30", "September", "2022"));
  // Longer than the line: cut after its last hyphen, slash or comma that fits, the first piece after the line's words.
  EXPECT_THAT(wrap("mental-health-criminal-justice-2021/R1", 16),
              ::testing::ElementsAre("mental-health-", "criminal-", "justice-2021/R1"));
  EXPECT_THAT(wrap("Source: https://example.org/publication/peel-2023", 20),
              ::testing::ElementsAre("Source: https://", "example.org/", "publication/peel-", "2023"));
  EXPECT_THAT(wrap("TEXT:{portfolio,owner,inspection}", 20),
              ::testing::ElementsAre("TEXT:{portfolio,", "owner,inspection}"));
  EXPECT_THAT(wrap("supercalifragilistic", 8), ::testing::ElementsAre("supercal", "ifragili", "stic"));
  EXPECT_THAT(wrap("first\nsecond line", 80), ::testing::ElementsAre("first", "second line"));
  EXPECT_THAT(wrap("café crème brûlée", 10), ::testing::ElementsAre("café crème", "brûlée"));
  EXPECT_THAT(wrap("-leading and trailing-", 80), ::testing::ElementsAre("-leading and trailing-"));
}

// HTML and XML escaping looks at eight bytes at a time where it can: every byte
// value, at every place in and around such a word, is escaped as one at a time would.
TEST(EscapeHtml, EscapesEveryByteWhereverItStands) {
  const auto one_at_a_time = [](std::string_view text) {
    std::string out;
    for (const char c : text) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
      }
    }
    return out;
  };
  EXPECT_EQ(escape_html("Tom & Jerry's <b>\"bold\"</b>\x01\tend\n"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt;\tend\n");
  EXPECT_EQ(escape_html("caf\xc3\xa9 cr\xc3\xa8me, \xe2\x80\x9cquoted\xe2\x80\x9d"),
            "caf\xc3\xa9 cr\xc3\xa8me, \xe2\x80\x9cquoted\xe2\x80\x9d");
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(19, 'a');
      text.insert(at, 1, static_cast<char>(byte));
      ASSERT_EQ(escape_html(text), one_at_a_time(text)) << "byte " << byte << " at " << at;
      text.resize(at + 1);  // ending on it
      ASSERT_EQ(escape_html(text), one_at_a_time(text)) << "byte " << byte << " ending " << at;
    }
  }
}

TEST(TextTables, FitEightyColumnsByWrappingTheWideColumns) {
  Table table{{{"Id"}, {"Title", Align::left, true}, {"N", Align::right}}, {}};
  table.rows.push_back({"a-1", std::string(30, 'x') + " " + std::string(60, 'y'), "7"});
  table.rows.push_back({"a-22", "short", "12"});
  const std::string text = text_of(Document{}.add(table));
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(display_width(line), 80u) << line;
  EXPECT_THAT(text, ::testing::StartsWith("Id    Title"));
  EXPECT_THAT(text, ::testing::HasSubstr("\na-22  short" + std::string(67, ' ') + "12\n"));
}

TEST(TextTables, LeaveOutOptionalColumnsThatAreEmptyInEveryRow) {
  Table table{{{"A"}, {"Empty", Align::left, false, true}, {"Kept"}, {"B"}}, {{"1", "", "", "2"}}};
  EXPECT_EQ(text_of(Document{}.add(table)), "A  Kept  B\n----------\n1        2\n");
}

TEST(TextTables, ColourRatingsOnlyWhenAsked) {
  Table table{{{"RAG"}}, {{Cell("Red", "#c00000")}}};
  EXPECT_EQ(text_of(Document{}.add(table), 80, true), "RAG\n---\n\x1b[31mRed\x1b[0m\n");
  EXPECT_EQ(text_of(Document{}.add(table), 80, false), "RAG\n---\nRed\n");
}

// Whatever colour a register gives a rating, the words on it read at 4.5:1 or better (WCAG AA): the chart's
// counts in black or white, a table cell's text (#111) on its light tint.
TEST(Colours, KeepTextReadableOnAnyRatingColour) {
  for (int r = 0; r < 256; r += 17) {
    for (int g = 0; g < 256; g += 17) {
      for (int b = 0; b < 256; b += 17) {
        const std::string colour = fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
        const Rgb fill = rgb_of(colour);
        EXPECT_GE(contrast(fill, rgb_of(text_colour_on(colour))), 4.5) << colour;
        EXPECT_GE(contrast(rgb_of(tint(colour, 0.3)), rgb_of("#111111")), 4.5) << colour;
      }
    }
  }
  EXPECT_EQ(text_colour_on("#c00000"), "#ffffff");  // the default red
  EXPECT_EQ(text_colour_on("#ffc20e"), "#000000");  // amber: white on it was 2.2:1
  EXPECT_EQ(ansi_of("#ffc20e"), "\x1b[33m");
  EXPECT_EQ(ansi_of("#2e8b3e"), "\x1b[32m");
  EXPECT_EQ(ansi_of("#ffffff"), "\x1b[37m");
}

TEST(HtmlChart, NamesEverySeriesAndPatternsAllButTheFirst) {
  RagChart chart{
      "Open findings", {{"Red", "#c00000"}, {"Amber", "#ffc20e"}, {"White", "#ffffff"}}, {{"Crime", {1, 2, 3}}}};
  std::ostringstream out;
  write_html(out, Document{}.add(chart), "t");
  const std::string html = out.str();
  EXPECT_THAT(html, ::testing::HasSubstr("<text x=\"246\" y=\"52\">Red</text>"));
  EXPECT_THAT(html, ::testing::HasSubstr(">White</text>"));
  EXPECT_THAT(html, ::testing::Not(::testing::HasSubstr("id=\"series0\"")));
  EXPECT_THAT(html, ::testing::HasSubstr("<pattern id=\"series1\""));
  EXPECT_THAT(html, ::testing::HasSubstr("<pattern id=\"series2\""));
  // Counts on the red in white, on amber and white in black.
  EXPECT_THAT(html, ::testing::HasSubstr("fill=\"#ffffff\" font-weight=\"bold\">1</text>"));
  EXPECT_THAT(html, ::testing::HasSubstr("fill=\"#000000\" font-weight=\"bold\">2</text>"));
}

// The running head is printed by CSS: nothing in it can end the string, or the style element.
TEST(HtmlPages, NumberEveryPageAndCarryTheRunningHeadSafely) {
  Document d;
  d.running_head = "Paper \"A\" \\ </style><script>alert(1)</script> & co";
  std::ostringstream out;
  write_html(out, d, "t");
  const std::string html = out.str();
  EXPECT_THAT(html,
              ::testing::HasSubstr("@top-center { content: \"Paper \\22 A\\22  \\5c  \\3c /style\\3e \\3c script\\3e "
                                   "alert(1)\\3c /script\\3e  \\26  co\";"));
  EXPECT_THAT(html, ::testing::HasSubstr("content: \"Page \" counter(page) \" of \" counter(pages);"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("</style>"), html.rfind("</style>"));  // only the one that closes it
}

// A protective marking is centred at the top and foot of every printed page (margin boxes) and, on screen, at the
// top and foot of the page; escaped as the running head is. Without one, there is none.
TEST(HtmlPages, CarryTheMarkingAtTheTopAndFootOfEveryPage) {
  Document d;
  d.running_head = "Head";
  d.marking = "OFFICIAL-SENSITIVE <b>";
  d.add(Paragraph{"Text."});
  std::ostringstream out;
  write_html(out, d, "t");
  const std::string html = out.str();
  EXPECT_THAT(html, ::testing::HasSubstr("@top-center { content: \"OFFICIAL-SENSITIVE \\3c b\\3e \" \"\\A\" \"Head\"; "
                                         "white-space: pre-line; font:"));
  EXPECT_THAT(html, ::testing::HasSubstr("@bottom-center { content: \"OFFICIAL-SENSITIVE \\3c b\\3e \"; font:"));
  EXPECT_THAT(html, ::testing::HasSubstr("<body>\n<p class=\"marking\">OFFICIAL-SENSITIVE &lt;b&gt;</p>\n<p>Text.</p>\n"
                                         "<p class=\"marking\">OFFICIAL-SENSITIVE &lt;b&gt;</p>\n</body>"));
  EXPECT_THAT(html, ::testing::HasSubstr("@media print { p.marking { display: none; } }"));

  std::ostringstream unmarked;
  write_html(unmarked, Document{}.add(Paragraph{"Text."}), "t");
  EXPECT_EQ(unmarked.str().find("marking"), std::string::npos);
  EXPECT_EQ(unmarked.str().find("@bottom-center"), std::string::npos);
}

TEST(TextDocuments, UnderlineHeadingsAndHangBullets) {
  Document d;
  d.add(Heading{1, "Title"}).add(Paragraph{"Some text."}).add(Heading{2, "Part"}).add(BulletList{{"one", "two"}});
  d.add(Fields{{{"Owner", "Head of Crime"}, {"Due", "2022-05"}}});
  EXPECT_EQ(text_of(d),
            "Title\n=====\nSome text.\n\nPart\n----\n- one\n- two\n\nOwner: Head of Crime\nDue:   2022-05\n");
}

TEST(Markdown, EscapesUserTextSoItShowsAsWritten) {
  EXPECT_EQ(escape_markdown("a | b"), "a \\| b");
  EXPECT_EQ(escape_markdown("# not a heading"), "\\# not a heading");
  EXPECT_EQ(escape_markdown("x # y"), "x # y");
  EXPECT_EQ(escape_markdown("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
  EXPECT_EQ(escape_markdown("*bold* and _it_ and `code` and C:\\path"),
            "\\*bold\\* and \\_it\\_ and \\`code\\` and C:\\\\path");
  EXPECT_EQ(escape_markdown("1. not a list"), "1\\. not a list");
  EXPECT_EQ(escape_markdown("- not a bullet"), "\\- not a bullet");
  EXPECT_EQ(escape_markdown("2022-03-31"), "2022-03-31");
  EXPECT_EQ(escape_markdown("[link](http://x)"), "\\[link\\](http://x)");
  EXPECT_EQ(escape_markdown("Title {onclick=x}"), "Title \\{onclick=x\\}");
  EXPECT_EQ(escape_markdown("::: div"), "\\::: div");
}

TEST(Markdown, WritesPipeTablesAndKeepsUserMarkdownButNotRawHtml) {
  Document d;
  d.add(Heading{2, "A | B"});
  d.add(Table{{{"Name"}, {"N", Align::right}}, {{"x|y", "1"}, {"line\nbreak", "2"}}});
  d.add(MarkdownText{"Some *emphasis* and <b>html</b>.\n"});
  EXPECT_EQ(markdown_of(d),
            "## A \\| B\n\n| Name | N |\n| --- | ---: |\n| x\\|y | 1 |\n| line break | 2 |\n\n"
            "Some *emphasis* and &lt;b>html&lt;/b>.\n");
}

TEST(Markdown, KeepsOnlyWebLinksInUserMarkdown) {
  const auto md = [](std::string text) { return markdown_of(Document{}.add(MarkdownText{std::move(text)})); };
  EXPECT_EQ(md("See [the report](https://example.org/r)."), "See [the report](https://example.org/r).\n");
  EXPECT_EQ(md("A [trap](javascript:alert(1))."), "A [trap]\\(javascript:alert(1)).\n");
  EXPECT_EQ(md("[r]: javascript:alert(1)\n[s]: https://example.org"),
            "\\[r]: javascript:alert(1)\n[s]: https://example.org\n");
  EXPECT_EQ(md("<https://example.org>"), "&lt;https://example.org>\n");
  // Definitions are found inside quotes and lists too; a mail address may be linked to.
  EXPECT_EQ(md("> [q]: javascript:x\n- [l]: data:text/html,x\n1. [o]: mailto:a@example.org"),
            "> \\[q]: javascript:x\n- \\[l]: data:text/html,x\n1. [o]: mailto:a@example.org\n");
  // Pandoc's attributes, fenced divs and images stay text.
  EXPECT_EQ(md("a [span]{onclick=x} and `c`{=html}"), "a [span]\\{onclick=x\\} and `c`\\{=html\\}\n");
  EXPECT_EQ(md("::: {.note}\ninside\n:::"), "\\::: \\{.note\\}\ninside\n\\:::\n");
  EXPECT_EQ(md("![i](https://example.org/i.png)"), "\\![i](https://example.org/i.png)\n");
}

TEST(Csv, NeutralisesSpreadsheetFormulas) {
  std::ostringstream out;
  write_csv(out, Table{{{"a"}}, {{"=1+1"}, {"+44 121"}, {"-2"}, {"@SUM(A1)"}, {"plain = text"}, {"\tTAB"}}});
  EXPECT_EQ(out.str(), "a\r\n'=1+1\r\n'+44 121\r\n'-2\r\n'@SUM(A1)\r\nplain = text\r\n'\tTAB\r\n");
}

TEST(Text, CountsCombiningMarksAsNoColumns) {
  EXPECT_EQ(display_width("Cafe\u0301"), 4u);
  EXPECT_EQ(display_width("Café"), 4u);
  EXPECT_EQ(display_width("الشرطة"), 6u);
}

TEST(Csv, QuotesWhatNeedsQuotingAndEndsLinesWithCrLf) {
  std::ostringstream out;
  write_csv(out, Table{{{"a"}, {"b"}}, {{"plain", "with, comma"}, {"say \"hi\"", "two\nlines"}}});
  EXPECT_EQ(out.str(), "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
}

// The marking above the running head and below the page number, centred and bold; none without one.
TEST(Word, CarriesTheMarkingInTheHeaderAndFooter) {
  Document document;
  document.running_head = "Head";
  document.marking = "OFFICIAL";
  std::ostringstream marked;
  write_docx(marked, document, "T");
  const std::string marking =
      "<w:p><w:pPr><w:pStyle w:val=\"{}\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>"
      "<w:t xml:space=\"preserve\">OFFICIAL</w:t></w:r></w:p>\n";
  const auto header = zip_entry(marked.str(), "word/header1.xml", 1 << 20);
  const auto footer = zip_entry(marked.str(), "word/footer1.xml", 1 << 20);
  ASSERT_TRUE(header.has_value() && footer.has_value());
  EXPECT_THAT(*header, ::testing::HasSubstr(fmt::format(fmt::runtime(marking), "Header") +
                                            "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t "
                                            "xml:space=\"preserve\">Head</w:t></w:r></w:p>\n</w:hdr>"));
  EXPECT_THAT(*footer, ::testing::EndsWith("</w:fldSimple></w:p>\n" + fmt::format(fmt::runtime(marking), "Footer") +
                                           "</w:ftr>\n"));

  document.marking.clear();
  std::ostringstream unmarked;
  write_docx(unmarked, document, "T");
  for (const char* part : {"word/header1.xml", "word/footer1.xml"}) {
    const auto xml = zip_entry(unmarked.str(), part, 1 << 20);
    ASSERT_TRUE(xml.has_value());
    EXPECT_EQ(xml->find("OFFICIAL"), std::string::npos) << part;
    EXPECT_EQ(xml->find("center"), std::string::npos) << part;
  }
}

// 20 mm margins all round; a list's last item is kept with the one before it, and no other is.
TEST(Word, HasTwentyMillimetreMarginsAndKeepsAListsLastTwoItemsTogether) {
  Document document;
  document.add(BulletList{{"one", "two", "three"}});
  document.add(MarkdownText{"1. a\n2. b"});
  document.add(References{{{"r1", ""}, {"r2", "https://example.org"}}});
  document.add(BulletList{{"alone"}});
  std::ostringstream out;
  write_docx(out, document, "T");
  const auto body = zip_entry(out.str(), "word/document.xml", 1 << 20);
  ASSERT_TRUE(body.has_value());
  EXPECT_THAT(*body, ::testing::HasSubstr("<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
                                          "w:left=\"1134\" "));
  const auto item = [](std::string_view style, std::string_view more, std::string_view text) {
    return fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t>", style,
                       more, text);
  };
  EXPECT_THAT(*body, ::testing::HasSubstr(item("ListBullet", "", "one")));
  EXPECT_THAT(*body, ::testing::HasSubstr(item("ListBullet", "<w:keepNext/>", "two")));
  EXPECT_THAT(*body, ::testing::HasSubstr(item("ListBullet", "", "three")));
  EXPECT_THAT(*body,
              ::testing::HasSubstr(item(
                  "ListNumber", "<w:keepNext/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>", "a")));
  EXPECT_THAT(*body, ::testing::HasSubstr(item("ListBullet", "<w:keepNext/>", "r1")));
  EXPECT_THAT(*body, ::testing::HasSubstr(item("ListBullet", "", "alone")));
}

}  // namespace
}  // namespace hmicfrs::render

namespace hmicfrs::render {
namespace {

// The document builders take answers, not a register: each can be tested with values made up on the spot.
TEST(Documents, BuildAViewFromItsAnswerAlone) {
  model::Meeting meeting;
  meeting.id = "2022-03";
  meeting.date = *model::Date::parse("2022-03-31");
  meeting.agenda_item = "06";
  const answers::Committees committees{{{&meeting, {model::Date::parse("2021-12-22").value(), meeting.date}}}};
  EXPECT_EQ(text_of(to_document(committees)),
            "Committee meetings\n==================\n"
            "Meeting  Date        Agenda item  Cut-off     Window\n"
            "-------------------------------------------------------------------------------\n"
            "2022-03  2022-03-31  06           2022-03-31  after 2021-12-22 up to 2022-03-31\n");
  const model::Vocabulary vocabulary;
  answers::Movement quiet;
  quiet.window = {std::nullopt, meeting.date};
  quiet.vocabulary = &vocabulary;
  EXPECT_EQ(markdown_of(to_document(quiet)),
            "# Changes up to 2022-03-31\n\n"
            "0 new findings; 0 RAG movements; 0 closed, superseded or no longer monitored.\n\n"
            "## New findings (0)\n\nNo finding was added.\n\n"
            "## RAG movements (0)\n\nNo open finding changed its rating.\n\n"
            "## Status changes (0)\n\nNo finding changed its status.\n");
}

}  // namespace
}  // namespace hmicfrs::render

namespace hmicfrs::render {
namespace {

// Excel holds at most 32,767 characters in a cell: longer text is cut where the cell says so, never dropped.
TEST(Excel, CutsTextTooLongForACellAndSaysSo) {
  Table table{{{"Note", Align::left, true}}, {{std::string(40'000, 'x') + "tail"}, {"short"}}};
  std::ostringstream out;
  write_xlsx(out, {Sheet{"Notes", table}});
  const auto strings = zip_entry(out.str(), "xl/sharedStrings.xml", 1 << 20);
  ASSERT_TRUE(strings.has_value());
  EXPECT_THAT(*strings, ::testing::HasSubstr("x [... cut: an Excel cell holds at most 32,767 characters]"));
  EXPECT_THAT(*strings, ::testing::Not(::testing::HasSubstr("tail")));
  EXPECT_THAT(*strings, ::testing::HasSubstr(">short<"));
}

model::Date day(std::string_view text) { return *model::Date::parse(text); }

// A date is written as far as the register knows it, and a month or year is "to be confirmed" only while it has
// not begun: "Published: 2019-05", not "2019-05 (TBC)", in a paper of 2022.
TEST(DateWords, ReadAsFarAsTheRegisterKnowsThem) {
  EXPECT_EQ(in_words(day("2022-02-21")), "21 February 2022");
  EXPECT_EQ(in_words(day("2019-05")), "May 2019");
  EXPECT_EQ(in_words(day("2015")), "2015");
  EXPECT_EQ(on_date(day("2015")), "in 2015");
  EXPECT_EQ(on_date(day("2019-05")), "in May 2019");
  EXPECT_EQ(on_date(day("2022-02-21")), "on 21 February 2022");
  EXPECT_EQ(long_date(day("2022-05")), "May 2022 (date TBC)");
  EXPECT_EQ(long_date(day("2022-04-04").with_week_commencing()), "week commencing 4 April 2022");
  EXPECT_EQ(when(day("2019-05"), day("2022-03-31")), "2019-05");
  EXPECT_EQ(when(day("2022-03"), day("2022-03-31")), "2022-03");  // begun: a record of when, not a plan
  EXPECT_EQ(when(day("2022-05"), day("2022-03-31")), "2022-05 (TBC)");
  EXPECT_EQ(when(day("2023"), day("2022-03-31")), "2023 (TBC)");
  EXPECT_EQ(date_phrase({day("2015"), true}), "2015");
  EXPECT_EQ(date_phrase({day("2022-05"), false}), "May 2022 (date TBC)");
  EXPECT_EQ(date_cell(day("2017-06-08"), DateStyle::words, true).text, "as at 8 June 2017");
  EXPECT_EQ(date_cell(day("2017-06-08"), DateStyle::iso, true).text, "as at 2017-06-08");
  const Cell words = date_cell(day("2019-05"), DateStyle::words);
  EXPECT_EQ(words.text, "May 2019");
  EXPECT_EQ(words.date, day("2019-05"));
  EXPECT_EQ(date_cell(day("2019-05"), DateStyle::iso).text, "2019-05");
}

// Excel holds a date column's cells as dates (a month or a year as its first day), each shown as far as it is
// known, whatever the cell's text says.
TEST(Excel, HoldsDatesAsDatesShownAsFarAsTheyAreKnown) {
  Table table{{{"Published", Align::left, false, false, CellKind::date}},
              {{date_cell(day("2022-02-21"), DateStyle::words)},
               {date_cell(day("2019-05"), DateStyle::words)},
               {date_cell(day("2015"), DateStyle::iso)},
               {date_cell(day("2017-06-08"), DateStyle::words, true)},
               {Cell("not a date")}}};
  std::ostringstream out;
  write_xlsx(out, {Sheet{"Reports", table}});
  const auto sheet = zip_entry(out.str(), "xl/worksheets/sheet1.xml", 1 << 20);
  const auto styles = zip_entry(out.str(), "xl/styles.xml", 1 << 20);
  ASSERT_TRUE(sheet.has_value());
  ASSERT_TRUE(styles.has_value());
  // Days since 30 December 1899: 21 February 2022, 1 May 2019, 1 January 2015.
  // ... and 8 June 2017, a state's as-at date, shown as one.
  for (const char* serial : {"<v>44613</v>", "<v>43586</v>", "<v>42005</v>", "<v>42894</v>"}) {
    EXPECT_THAT(*sheet, ::testing::HasSubstr(serial));
  }
  for (const char* format : {"formatCode=\"d mmmm yyyy\"", "formatCode=\"mmmm yyyy\"", "formatCode=\"yyyy\"",
                             "formatCode=\"&quot;as at &quot;d mmmm yyyy\""}) {
    EXPECT_THAT(*styles, ::testing::HasSubstr(format));
  }
}

// Word's parts are written by hand: the same document gives the same bytes, and user text stays text.
TEST(Word, EscapesUserTextAndGivesTheSameBytesEveryTime) {
  Document document;
  document.add(Heading{1, "A <b>&</b> \"title\""});
  document.add(MarkdownText{"**bold** and <script>x</script>\n\n1. one\n2. two"});
  document.date = "2022-03-31";
  std::ostringstream first, second;
  write_docx(first, document, "T");
  write_docx(second, document, "T");
  EXPECT_EQ(first.str(), second.str());
  const auto body = zip_entry(first.str(), "word/document.xml", 1 << 20);
  ASSERT_TRUE(body.has_value());
  EXPECT_THAT(*body, ::testing::HasSubstr("A &lt;b&gt;&amp;&lt;/b&gt; &quot;title&quot;"));
  EXPECT_THAT(*body, ::testing::HasSubstr("<w:b/></w:rPr><w:t xml:space=\"preserve\">bold</w:t>"));
  EXPECT_THAT(*body, ::testing::HasSubstr("&lt;script&gt;x&lt;/script&gt;"));
  EXPECT_THAT(*body, ::testing::HasSubstr("<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/>"));
  const auto core = zip_entry(first.str(), "docProps/core.xml", 1 << 20);
  ASSERT_TRUE(core.has_value());
  EXPECT_THAT(*core, ::testing::HasSubstr("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-03-31T00:00:00Z"));
}

}  // namespace
}  // namespace hmicfrs::render
