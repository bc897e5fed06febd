// The document writer for Word: Office Open XML parts, zipped.
//
// The parts are written as text. Every piece of user text goes through
// `xml_text`; styles are Word's own names (Heading1-3, ListBullet,
// ListNumber, Header, Footer, Hyperlink, Caption) and a few of ours (Table
// Text, Table Heading, Field List), so a clerk's template restyles the paper.
// The chart is a DrawingML bar chart with its numbers cached in the part: it
// stays editable in Word, prints sharp, and LibreOffice draws it too.

#include <algorithm>
#include <array>
#include <numeric>
#include <sstream>

#include <fmt/format.h>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/utf8.hpp>
#include "colour.hpp"
#include "font_widths.hpp"
#include "user_markdown.hpp"
#include "zip.hpp"

namespace hmicfrs::render {
namespace {

// A4 in twentieths of a point, with 20 mm margins all round (as README promises); the tables and the chart
// fill the width between them.
constexpr int k_page_width = 11906, k_page_height = 16838, k_margin = 1134;
constexpr int k_text_width = k_page_width - 2 * k_margin;
constexpr long k_emu_per_twip = 635;

// Text as XML character data or an attribute value: HTML's escapes are XML's too.
std::string xml_text(std::string_view text) { return escape_html(text); }

// "#rrggbb" as Word writes a colour: "RRGGBB".
std::string word_colour(std::string_view hex) {
  std::string out(hex.substr(hex.empty() || hex.front() != '#' ? 0 : 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// Run properties of an inline piece of user Markdown.
struct RunStyle {
  bool bold = false;
  bool italic = false;
  bool code = false;
  std::string_view colour = {};  // "#rrggbb"; empty: the style's
};

// One run of text; a line break in the text becomes a break in the run.
std::string run(std::string_view text, const RunStyle& style = {}) {
  // In the order the schema gives them (Word refuses a document whose properties are out of order).
  std::string properties;
  if (style.code) properties += "<w:rStyle w:val=\"Code\"/>";
  if (style.bold) properties += "<w:b/>";
  if (style.italic) properties += "<w:i/>";
  if (!style.colour.empty()) properties += fmt::format("<w:color w:val=\"{}\"/>", word_colour(style.colour));
  std::string out = "<w:r>";
  if (!properties.empty()) out += "<w:rPr>" + properties + "</w:rPr>";
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    out += "<w:t xml:space=\"preserve\">" + xml_text(text.substr(start, end - start)) + "</w:t>";
    if (end == std::string_view::npos) break;
    out += "<w:br/>";
    start = end + 1;
  }
  return out + "</w:r>";
}

std::string paragraph(std::string_view style, const std::string& runs, const std::string& more_properties = {}) {
  std::string properties = style.empty() ? "" : fmt::format("<w:pStyle w:val=\"{}\"/>", style);
  properties += more_properties;
  // A line each, so that the parts read (and diff) line by line; spaces between elements mean nothing in OOXML.
  return fmt::format("<w:p>{}{}</w:p>\n", properties.empty() ? "" : "<w:pPr>" + properties + "</w:pPr>", runs);
}

std::string inline_runs(const std::vector<user_markdown::Inline>& pieces, RunStyle style = {}) {
  std::string out;
  for (const user_markdown::Inline& piece : pieces) {
    if (piece.tag.empty()) {
      out += run(piece.text, style);
    } else if (piece.tag == "code") {
      out += run(piece.text, RunStyle{style.bold, style.italic, true});
    } else {
      RunStyle inner = style;
      (piece.tag == "strong" ? inner.bold : inner.italic) = true;
      out += inline_runs(piece.children, inner);
    }
  }
  return out;
}

// The tables' text is 9 point (TableText and TableHeading: w:sz 18, in half points).
constexpr long k_table_points = 9;

// The width in twips of `text` in the tables' font, as the wider of the fonts
// that stand in for Arial would set it.
long text_twips(std::string_view text, bool bold) {
  const std::size_t em_units = util::measured(text, [bold](char32_t code) { return font_advance(code, bold); });
  return (static_cast<long>(em_units) * k_table_points * 20 + 2047) / 2048;
}

// Column widths in twips that fill the text width: each column gets at least
// its longest word (so that no id, date, rating or status word, and no word
// of up to 20 characters, is broken for want of room) and, when the table
// has room for them all, each short cell of a column that does not wrap on
// one line; what is left is shared by how much more its longest cell would take.
std::vector<int> column_widths(const Table& table) {
  // Both cell margins (80 twips each), the borders, and room for a renderer's rounding.
  constexpr long k_padding = 220;
  constexpr std::size_t k_longest_kept_word = 20, k_longest_cell = 60;  // characters
  const std::size_t n = table.columns.size();
  std::vector<long> least(n, 0), one_line(n, 0), wanted(n, 0);
  const auto characters = [](char32_t) { return std::size_t{1}; };
  const auto measure = [&](std::size_t c, std::string_view text, bool bold) {
    // A column whose cells do not wrap (ids, dates, ratings, statuses, types) keeps each word whole, and,
    // room allowing, a cell of up to 20 characters ("Awaiting sign-off", "September 2022") on one line;
    // elsewhere a word longer than 20 characters may break, and asks for no more room than its first 20.
    const bool wraps = table.columns[c].wraps;
    const std::size_t kept = wraps ? k_longest_kept_word : std::string_view::npos;
    if (!wraps && util::measured(text, characters) <= k_longest_kept_word) {
      one_line[c] = std::max(one_line[c], text_twips(text, bold) + k_padding);
    }
    long longest_word = 0;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
      const std::string_view word = text.substr(start, end - start);
      longest_word =
          std::max(longest_word, text_twips(word.substr(0, util::fitting_prefix(word, kept, characters)), bold));
      start = end + 1;
    }
    least[c] = std::max(least[c], longest_word + k_padding);
    const std::string_view whole = text.substr(0, util::fitting_prefix(text, k_longest_cell, characters));
    wanted[c] = std::max(wanted[c], text_twips(whole, bold) + k_padding);
  };
  for (std::size_t c = 0; c < n; ++c) measure(c, table.columns[c].header, true);
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < n && c < row.size(); ++c) measure(c, row[c].text, false);
  }
  // Short cells on one line when every column's fit beside the others' longest words; else only words whole.
  std::vector<long> lines(n);
  for (std::size_t c = 0; c < n; ++c) lines[c] = std::max(least[c], one_line[c]);
  if (std::accumulate(lines.begin(), lines.end(), 0L) <= k_text_width) least = std::move(lines);
  for (std::size_t c = 0; c < n; ++c) wanted[c] = std::max(wanted[c], least[c]);
  const long sum_least = std::accumulate(least.begin(), least.end(), 0L);
  const long sum_wanted = std::accumulate(wanted.begin(), wanted.end(), 0L);
  std::vector<int> widths(n);
  for (std::size_t c = 0; c < n; ++c) {
    long width = 0;
    if (sum_least >= k_text_width) {
      width = least[c] * k_text_width / sum_least;  // too many long words: shrink them all alike
    } else if (sum_wanted <= k_text_width) {
      width = wanted[c] * k_text_width / sum_wanted;  // room for every cell on one line: share the rest likewise
    } else {
      width = least[c] + (wanted[c] - least[c]) * (k_text_width - sum_least) / (sum_wanted - sum_least);
    }
    widths[c] = static_cast<int>(width);
  }
  return widths;
}

constexpr std::string_view k_table_borders =
    "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:left w:val=\"single\" "
    "w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"888888\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:insideH "
    "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:insideV w:val=\"single\" w:sz=\"4\" "
    "w:space=\"0\" w:color=\"888888\"/></w:tblBorders>";

// The patterns laid over the series of a chart after the first, in turn, so
// that the series still differ in greyscale (as the HTML chart's do).
constexpr std::array<std::string_view, 5> k_patterns{"", "wdUpDiag", "pct20", "narHorz", "smCheck"};

// The chart part: stacked horizontal bars, one per category, a series per
// rating in its colour, the counts written on the bars and a key below.
std::string chart_part(const RagChart& chart) {
  const std::size_t n = chart.bars.size();
  std::string series;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const RagChart::Series& one = chart.series[s];
    const std::string colour = word_colour(one.colour);
    const std::string_view pattern = k_patterns[s % k_patterns.size()];
    const std::string fill =
        pattern.empty() ? fmt::format("<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>", colour)
                        : fmt::format(
                              "<a:pattFill prst=\"{}\"><a:fgClr><a:srgbClr val=\"{}\"/></a:fgClr><a:bgClr><a:srgbClr "
                              "val=\"{}\"/></a:bgClr></a:pattFill>",
                              pattern, word_colour(tint(text_colour_on(one.colour), 0.45)), colour);
    std::string categories, values;
    for (std::size_t b = 0; b < n; ++b) {
      categories += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", b, xml_text(chart.bars[b].label));
      const int value = s < chart.bars[b].values.size() ? chart.bars[b].values[s] : 0;
      if (value != 0) values += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", b, value);  // none: no label
    }
    const char column = static_cast<char>('B' + std::min<std::size_t>(s, 24));
    series += fmt::format(
        "<c:ser><c:idx val=\"{s}\"/><c:order val=\"{s}\"/><c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache>"
        "<c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        "<c:spPr>{fill}<a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"555555\"/></a:solidFill></a:ln></c:spPr>"
        "<c:invertIfNegative val=\"0\"/>"
        "<c:dLbls><c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></c:spPr><c:txPr><a:bodyPr/>"
        "<a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\" b=\"1\"><a:solidFill><a:srgbClr val=\"{text}\"/>"
        "</a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang=\"en-GB\"/></a:p></c:txPr><c:dLblPos val=\"ctr\"/>"
        "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
        "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val=\"{n}\"/>{categories}"
        "</c:strCache></c:strRef></c:cat>"
        "<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${last}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        "<c:ptCount val=\"{n}\"/>{values}</c:numCache></c:numRef></c:val></c:ser>\n",
        fmt::arg("s", s), fmt::arg("col", column), fmt::arg("name", xml_text(one.name)), fmt::arg("fill", fill),
        fmt::arg("colour", colour), fmt::arg("text", word_colour(text_colour_on(one.colour))), fmt::arg("last", n + 1),
        fmt::arg("n", n), fmt::arg("categories", categories), fmt::arg("values", values));
  }
  constexpr std::string_view k_font =
      "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\"><a:latin typeface=\"Arial\"/></a:defRPr>"
      "</a:pPr><a:endParaRPr lang=\"en-GB\"/></a:p></c:txPr>";
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>"
      "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>{series}"
      "<c:gapWidth val=\"40\"/><c:overlap val=\"100\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>"
      "<c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/>"
      "<c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>"
      "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"2\"/>"
      "<c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/>"
      "<c:noMultiLvlLbl val=\"0\"/></c:catAx>"
      "<c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
      "<c:axPos val=\"t\"/><c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D0D0D0\"/>"
      "</a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"0\" sourceLinked=\"0\"/>"
      "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
      "<c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
      "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/>"
      "<c:dispBlanksAs val=\"gap\"/></c:chart>{font}</c:chartSpace>\n",
      fmt::arg("series", series), fmt::arg("font", k_font));
}

// The parts a document refers to beyond its body: links, charts and numbered lists.
struct Parts {
  std::vector<std::string> links;   // external targets, rId "link1" ...
  std::vector<std::string> charts;  // chart parts, rId "chart1" ...
  int numbered_lists = 0;           // each restarts at 1: numbering instances 2, 3 ...
};

class BodyWriter {
 public:
  explicit BodyWriter(Parts& parts) : m_parts(parts) {}

  std::string body;

  void operator()(const Heading& heading) {
    const int level = std::clamp(heading.level, 1, 3);
    const std::string text = heading.number.empty() ? heading.text : heading.number + " " + heading.text;
    body += paragraph(fmt::format("Heading{}", level), run(text));
  }
  void operator()(const Paragraph& text) { body += paragraph("", run(text.text)); }
  void operator()(const MarkdownText& text) {
    using Kind = user_markdown::Block::Kind;
    for (const user_markdown::Block& block : user_markdown::blocks(text.markdown)) {
      if (block.kind == Kind::paragraph) {
        body += paragraph("", inline_runs(user_markdown::inlines(block.items.front())));
        continue;
      }
      const std::string numbering = block.kind == Kind::numbered
                                        ? fmt::format("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{}\"/></w:numPr>",
                                                      2 + m_parts.numbered_lists++)
                                        : "";
      for (std::size_t i = 0; i < block.items.size(); ++i) {
        body += paragraph(block.kind == Kind::bullets ? "ListBullet" : "ListNumber",
                          inline_runs(user_markdown::inlines(block.items[i])),
                          keep_with_last(i, block.items.size()) + numbering);
      }
    }
  }
  void operator()(const BulletList& list) {
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      body += paragraph("ListBullet", run(list.items[i]), keep_with_last(i, list.items.size()));
    }
  }
  void operator()(const Fields& fields) {
    // Kept with the next line, each but the last, so a list never starts at the foot of a page; the last
    // is set off from what follows.
    for (std::size_t i = 0; i < fields.items.size(); ++i) {
      const auto& [label, value] = fields.items[i];
      body += paragraph("FieldList", run(label + ":", {true}) + "<w:r><w:tab/></w:r>" + run(value),
                        i + 1 < fields.items.size() ? "<w:keepNext/>" : "<w:spacing w:after=\"120\"/>");
    }
  }
  void operator()(const References& references) {
    for (std::size_t i = 0; i < references.items.size(); ++i) {
      const Reference& reference = references.items[i];
      const std::string keep = keep_with_last(i, references.items.size());
      if (!is_web_address(reference.url)) {
        body += paragraph("ListBullet", run(reference.text), keep);
        continue;
      }
      m_parts.links.push_back(reference.url);
      body += paragraph("ListBullet",
                        fmt::format("<w:hyperlink r:id=\"link{}\" w:history=\"1\"><w:r><w:rPr><w:rStyle "
                                    "w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>"
                                    "</w:hyperlink>",
                                    m_parts.links.size(), xml_text(reference.text)),
                        keep);
    }
  }
  void operator()(const RagChart& chart) {
    m_parts.charts.push_back(chart_part(chart));
    const std::size_t id = m_parts.charts.size();
    constexpr long k_inch = 914400;
    const long width = k_text_width * k_emu_per_twip;
    const long height = k_inch * 9 / 10 + static_cast<long>(chart.bars.size()) * k_inch * 3 / 10;
    body += paragraph(
        "",
        fmt::format("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{w}\" "
                    "cy=\"{h}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"Chart "
                    "{id}\" descr=\"{title}\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
                    "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"chart{id}\"/>"
                    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
                    fmt::arg("w", width), fmt::arg("h", height), fmt::arg("id", id),
                    fmt::arg("title", xml_text(chart.title))),
        "<w:keepNext/>");
    body += paragraph("Caption", run(chart.title));
  }
  void operator()(const Table& table) {
    const std::vector<int> widths = column_widths(table);
    body += fmt::format(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/>{}"
        "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" "
        "w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" "
        "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        std::accumulate(widths.begin(), widths.end(), 0), k_table_borders);
    for (const int width : widths) body += fmt::format("<w:gridCol w:w=\"{}\"/>", width);
    body += "</w:tblGrid>\n";
    // The header row repeats at the top of each page; no row is split across pages.
    body += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      body += cell(widths[c], Cell(table.columns[c].header, "#e8e8e8"), table.columns[c].align, "TableHeading");
    }
    body += "</w:tr>\n";
    for (const auto& row : table.rows) {
      body += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const Cell blank;
        const Cell& value = c < row.size() ? row[c] : blank;
        // A rating's cell: its colour in full behind its word, as in HTML, in the text colour that reads on it.
        body += cell(widths[c], value, table.columns[c].align, "TableText",
                     value.colour.empty() ? std::string_view() : text_colour_on(value.colour));
      }
      body += "</w:tr>\n";
    }
    // A table directly after another would join it: a paragraph keeps them apart.
    body += "</w:tbl>" + paragraph("TableSpacing", "");
  }

 private:
  // The item before a list's last is kept with it, so that no page holds the last item alone.
  static std::string keep_with_last(std::size_t item, std::size_t items) {
    return items >= 2 && item + 2 == items ? "<w:keepNext/>" : "";
  }

  static std::string cell(int width, const Cell& value, Align align, std::string_view style,
                          std::string_view text_colour = {}) {
    const std::string shading = value.colour.empty() ? ""
                                                     : fmt::format(
                                                           "<w:shd w:val=\"clear\" w:color=\"auto\" "
                                                           "w:fill=\"{}\"/>",
                                                           word_colour(value.colour));
    return fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}</w:tcPr>{}</w:tc>", width, shading,
                       paragraph(style, run(value.text, {.colour = text_colour}),
                                 align == Align::right ? "<w:jc w:val=\"right\"/>" : ""));
  }

  Parts& m_parts;
};

constexpr std::string_view k_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view k_namespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"";

// Our styles, by id: each is added to a template's styles when the template lacks it.
struct StyleDefinition {
  std::string_view id;
  std::string_view xml;
};
constexpr std::array<StyleDefinition, 16> k_styles{{
    {"Normal",
     "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
     "<w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:style>"},
    {"Heading1",
     "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"0\" "
     "w:after=\"160\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"34\"/></w:rPr></w:style>"},
    {"Heading2",
     "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val=\"single\" "
     "w:sz=\"4\" w:space=\"1\" w:color=\"999999\"/></w:pBdr><w:spacing w:before=\"360\" w:after=\"120\"/>"
     "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>"},
    {"Heading3",
     "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" "
     "w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr></w:style>"},
    {"ListBullet",
     "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn "
     "w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/>"
     "<w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>"},
    {"ListNumber",
     "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn "
     "w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>"
     "</w:style>"},
    {"FieldList",
     "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"FieldList\"><w:name w:val=\"Field List\"/>"
     "<w:basedOn w:val=\"Normal\"/><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"2268\"/></w:tabs><w:spacing "
     "w:after=\"20\"/><w:ind w:left=\"2268\" w:hanging=\"2268\"/></w:pPr></w:style>"},
    {"TableText",
     "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
     "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" "
     "w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"},
    {"TableHeading",
     "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeading\"><w:name w:val=\"Table "
     "Heading\"/><w:basedOn w:val=\"TableText\"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"},
    {"TableSpacing",
     "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableSpacing\"><w:name w:val=\"Table "
     "Spacing\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"120\" "
     "w:lineRule=\"exact\"/></w:pPr></w:style>"},
    {"Caption",
     "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"200\"/></w:pPr><w:rPr><w:i/>"
     "<w:color w:val=\"333333\"/><w:sz w:val=\"18\"/></w:rPr></w:style>"},
    {"Header",
     "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:color w:val=\"444444\"/>"
     "<w:sz w:val=\"17\"/></w:rPr></w:style>"},
    {"Footer",
     "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
     "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:color w:val=\"444444\"/>"
     "<w:sz w:val=\"17\"/></w:rPr></w:style>"},
    {"Hyperlink",
     "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color "
     "w:val=\"0B4F9C\"/><w:u w:val=\"single\"/></w:rPr></w:style>"},
    {"Code",
     "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Code\"><w:name w:val=\"Code\"/><w:rPr>"
     "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/></w:rPr></w:style>"},
    {"TableGrid",
     "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
     "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:left w:val=\"single\" w:sz=\"4\" "
     "w:space=\"0\" w:color=\"888888\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
     "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:insideH w:val=\"single\" "
     "w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
     "w:color=\"888888\"/></w:tblBorders></w:tblPr></w:style>"},
}};

std::string built_in_styles() {
  std::string out = std::string(k_declaration) +
                    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" "
                    "w:eastAsia=\"Arial\" w:cs=\"Arial\"/><w:color w:val=\"111111\"/><w:sz w:val=\"21\"/>"
                    "<w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault/>"
                    "</w:docDefaults>";
  for (const StyleDefinition& style : k_styles) (out += style.xml) += '\n';
  return out + "</w:styles>\n";
}

// A template's styles (written back by `word_template_from`, so ending with
// its root's end tag) with ours added for every id it does not define.
std::string merged_styles(const WordTemplate& word_template) {
  std::string styles = word_template.styles;
  std::string missing;
  for (const StyleDefinition& style : k_styles) {
    const auto& ids = word_template.style_ids;
    if (std::find(ids.begin(), ids.end(), style.id) == ids.end()) (missing += style.xml) += '\n';
  }
  const std::size_t end = styles.rfind("</w:styles>");
  if (end != std::string::npos) styles.insert(end, missing);
  return styles;
}

std::string numbering_part(int numbered_lists) {
  std::string out = std::string(k_declaration) +
                    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl "
                    "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/>"
                    "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                    "</w:abstractNum>"
                    "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl "
                    "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
                    "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  for (int list = 0; list < numbered_lists; ++list) {
    out += fmt::format(
        "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
        "w:val=\"1\"/></w:lvlOverride></w:num>",
        2 + list);
  }
  return out + "</w:numbering>\n";
}

std::string content_types(std::size_t charts, bool theme) {
  std::string out =
      std::string(k_declaration) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
      "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>";
  if (theme) {
    out +=
        "<Override PartName=\"/word/theme/theme1.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>";
  }
  for (std::size_t chart = 1; chart <= charts; ++chart) {
    out += fmt::format(
        "<Override PartName=\"/word/charts/chart{}.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>",
        chart);
  }
  return out + "</Types>\n";
}

std::string document_relationships(const Parts& parts, bool theme) {
  constexpr std::string_view k_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string out = std::string(k_declaration) +
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  const auto relationship = [&](std::string_view id, std::string_view type, std::string_view target) {
    out += fmt::format("<Relationship Id=\"{}\" Type=\"{}{}\" Target=\"{}\"/>", id, k_type, type, target);
  };
  relationship("styles", "styles", "styles.xml");
  relationship("numbering", "numbering", "numbering.xml");
  relationship("settings", "settings", "settings.xml");
  relationship("header1", "header", "header1.xml");
  relationship("footer1", "footer", "footer1.xml");
  if (theme) relationship("theme", "theme", "theme/theme1.xml");
  for (std::size_t chart = 1; chart <= parts.charts.size(); ++chart) {
    relationship(fmt::format("chart{}", chart), "chart", fmt::format("charts/chart{}.xml", chart));
  }
  for (std::size_t link = 1; link <= parts.links.size(); ++link) {
    out += fmt::format("<Relationship Id=\"link{}\" Type=\"{}hyperlink\" Target=\"{}\" TargetMode=\"External\"/>", link,
                       k_type, xml_text(parts.links[link - 1]));
  }
  return out + "</Relationships>\n";
}

// A protective marking as the header and footer give it: on a line of its own, centred, in bold.
std::string marking_paragraph(std::string_view style, std::string_view marking) {
  return paragraph(style, run(marking, {true}), "<w:jc w:val=\"center\"/>");
}

// The running head, below the marking when there is one.
std::string header_part(std::string_view running_head, std::string_view marking) {
  return fmt::format("{}<w:hdr {}>{}{}</w:hdr>\n", k_declaration, k_namespaces,
                     marking.empty() ? "" : marking_paragraph("Header", marking),
                     paragraph("Header", run(running_head)));
}

// "Page X of Y", above the marking when there is one.
std::string footer_part(std::string_view marking) {
  const auto field = [](std::string_view name) {
    return fmt::format("<w:fldSimple w:instr=\" {} \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple>", name);
  };
  return fmt::format("{}<w:ftr {}>{}{}</w:ftr>\n", k_declaration, k_namespaces,
                     paragraph("Footer", run("Page ") + field("PAGE") + run(" of ") + field("NUMPAGES")),
                     marking.empty() ? "" : marking_paragraph("Footer", marking));
}

std::string core_properties(std::string_view title, std::string_view date) {
  std::string out = std::string(k_declaration) +
                    "<cp:coreProperties "
                    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += "<dc:title>" + xml_text(title) + "</dc:title><dc:language>en-GB</dc:language>";
  if (!date.empty()) {
    out += fmt::format(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}T00:00:00Z</dcterms:created>"
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}T00:00:00Z</dcterms:modified>",
        xml_text(date));
  }
  return out + "</cp:coreProperties>\n";
}

constexpr std::string_view k_package_relationships =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"document\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/><Relationship Id=\"core\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/></Relationships>\n";

constexpr std::string_view k_settings =
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
    "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
    "w:val=\"15\"/></w:compat></w:settings>\n";

}  // namespace

void write_docx(std::ostream& out, const Document& document, const std::string& title,
                const WordTemplate* word_template) {
  Parts parts;
  BodyWriter writer(parts);
  for (const Block& block : document.blocks) std::visit(writer, block);

  const std::string styles = word_template != nullptr ? merged_styles(*word_template) : built_in_styles();
  std::optional<std::string> theme;
  if (word_template != nullptr && !word_template->theme.empty()) theme = word_template->theme;

  const std::string section = fmt::format(
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"header1\"/><w:footerReference w:type=\"default\" "
      "r:id=\"footer1\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{m}\" w:right=\"{m}\" w:bottom=\"{m}\" "
      "w:left=\"{m}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
      k_page_width, k_page_height, fmt::arg("m", k_margin));

  ZipArchive archive(document.date);
  archive.add("[Content_Types].xml", content_types(parts.charts.size(), theme.has_value()));
  archive.add("_rels/.rels", std::string(k_declaration) + std::string(k_package_relationships));
  archive.add("docProps/core.xml", core_properties(title, document.date));
  archive.add("word/document.xml", fmt::format("{}<w:document {}><w:body>{}{}</w:body></w:document>\n", k_declaration,
                                               k_namespaces, writer.body, section));
  archive.add("word/_rels/document.xml.rels", document_relationships(parts, theme.has_value()));
  archive.add("word/styles.xml", styles);
  archive.add("word/numbering.xml", numbering_part(parts.numbered_lists));
  archive.add("word/settings.xml", std::string(k_declaration) + std::string(k_settings));
  archive.add("word/header1.xml",
              header_part(document.running_head.empty() ? title : document.running_head, document.marking));
  archive.add("word/footer1.xml", footer_part(document.marking));
  if (theme) archive.add("word/theme/theme1.xml", std::move(*theme));
  for (std::size_t chart = 1; chart <= parts.charts.size(); ++chart) {
    archive.add(fmt::format("word/charts/chart{}.xml", chart), std::move(parts.charts[chart - 1]));
  }
  out << archive.bytes();
}

}  // namespace hmicfrs::render
