// The document writer for HTML: one self-contained page.

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include <hmicfrs/render/document.hpp>
#include "colour.hpp"
#include "user_markdown.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::string_view k_style = R"(
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
       max-width: 180mm; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .3em; }
h4 { font-size: 10.5pt; margin: 1em 0 .3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
li:last-child { break-before: avoid; page-break-before: avoid; }
dl.fields, figure { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10pt; page-break-inside: auto; }
th, td { border: 1px solid #888; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.number, th.number { text-align: right; }
td.keep { white-space: nowrap; }
tr { page-break-inside: avoid; }
dl.fields { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: .4em 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
figure { margin: .6em 0 1em; }
figcaption { font-size: 9.5pt; color: #333; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
)";

// Text as a CSS string literal: quotes, backslashes, angle brackets (which could end the style element),
// ampersands and control characters escaped as hexadecimal code points.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\{:x} ", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A4 pages, the running head at the top of each and "Page X of Y" at the bottom (CSS margin boxes); a protective
// marking, when there is one, centred above the running head and at the foot of each page, and on screen (where
// there are no pages) at the top and foot of the document.
std::string page_style(std::string_view running_head, std::string_view marking) {
  constexpr std::string_view k_font = R"(font: 8.5pt Arial, "Liberation Sans", Helvetica, sans-serif; color: #444;)";
  const std::string head = marking.empty() ? css_string(running_head)
                                           : fmt::format("{} \"\\A\" {}; white-space: pre-line", css_string(marking),
                                                         css_string(running_head));
  const std::string foot =
      marking.empty() ? "" : fmt::format("\n  @bottom-center {{ content: {}; {} }}", css_string(marking), k_font);
  std::string style = fmt::format(R"(
@page {{
  size: A4; margin: 20mm 16mm 18mm;
  @top-center {{ content: {}; {} }}{}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages);
                   {} }}
}})",
                                  head, k_font, foot, k_font);
  if (!marking.empty()) {
    style += R"(
p.marking { text-align: center; font-weight: bold; letter-spacing: .05em; margin: 0 0 1em; }
p.marking:last-child { margin: 2em 0 0; }
@media print { p.marking { display: none; } })";
  }
  return style;
}

// Inline pieces as HTML, user text escaped, appended to `out`.
void append_inline_html(std::string& out, const std::vector<user_markdown::Inline>& pieces) {
  for (const user_markdown::Inline& piece : pieces) {
    if (piece.tag.empty()) {
      append_escaped_html(out, piece.text);
      continue;
    }
    out.append("<").append(piece.tag).append(">");
    if (piece.tag == "code") {
      append_escaped_html(out, piece.text);
    } else {
      append_inline_html(out, piece.children);
    }
    out.append("</").append(piece.tag).append(">");
  }
}

// User-written Markdown as HTML, appended to `out`; nothing of the user's becomes markup.
void append_markdown_html(std::string& out, std::string_view markdown) {
  using Kind = user_markdown::Block::Kind;
  for (const user_markdown::Block& block : user_markdown::blocks(markdown)) {
    if (block.kind == Kind::paragraph) {
      out += "<p>";
      append_inline_html(out, user_markdown::inlines(block.items.front()));
      out += "</p>\n";
      continue;
    }
    out += block.kind == Kind::bullets ? "<ul>\n" : "<ol>\n";
    for (const std::string& item : block.items) {
      out += "<li>";
      append_inline_html(out, user_markdown::inlines(item));
      out += "</li>\n";
    }
    out += block.kind == Kind::bullets ? "</ul>\n" : "</ol>\n";
  }
}

// The patterns laid over the series of a chart, one each in turn, so that
// series of similar greys still differ when printed in black and white.
constexpr std::array<std::string_view, 5> k_patterns{
    "",  // the first series is plain
    "<path d=\"M0,6 L6,0\" stroke=\"{}\" stroke-width=\"1.5\"/>", "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"{}\"/>",
    "<path d=\"M0,3 L6,3\" stroke=\"{}\" stroke-width=\"1.2\"/>",
    "<path d=\"M0,0 L6,6 M0,6 L6,0\" stroke=\"{}\" stroke-width=\"1\"/>"};

// Stacked horizontal bars, one per category, with the counts written on them
// in black or white, whichever contrasts more with the series' colour.
std::string chart_svg(const RagChart& chart) {
  constexpr int k_label_width = 230;
  constexpr int k_bar_area = 380;
  constexpr int k_row = 24;
  constexpr int k_top = 8;
  constexpr int k_key_width = 110;
  constexpr int k_keys_per_line = 4;
  int most = 1;
  for (const RagChart::Bar& bar : chart.bars) {
    int sum = 0;
    for (const int v : bar.values) sum += v;
    most = std::max(most, sum);
  }
  const int key_lines = (static_cast<int>(chart.series.size()) + k_keys_per_line - 1) / k_keys_per_line;
  const int height = k_top + k_row * static_cast<int>(chart.bars.size()) + 20 * key_lines + 14;
  const int width = k_label_width + k_bar_area + 40;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" "
      "aria-label=\"{t}\" font-family=\"Arial, 'Liberation Sans', Helvetica, sans-serif\" font-size=\"11\">\n<defs>",
      fmt::arg("w", width), fmt::arg("h", height), fmt::arg("t", escape_html(chart.title)));
  // A series' fill: its colour, and from the second on a pattern in the colour its text is written in.
  std::vector<std::string> fills;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const RagChart::Series& series = chart.series[s];
    const std::string_view pattern = k_patterns[s % k_patterns.size()];
    if (pattern.empty()) {
      fills.push_back(series.colour);
      continue;
    }
    svg += fmt::format(
        "<pattern id=\"series{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
        "height=\"6\" fill=\"{}\"/>{}</pattern>",
        s, series.colour, fmt::format(fmt::runtime(pattern), tint(text_colour_on(series.colour), 0.45)));
    fills.push_back(fmt::format("url(#series{})", s));
  }
  svg += "</defs>\n";
  int y = k_top;
  for (const RagChart::Bar& bar : chart.bars) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", k_label_width - 8, y + 15,
                       escape_html(bar.label));
    int x = k_label_width;
    for (std::size_t s = 0; s < bar.values.size() && s < chart.series.size(); ++s) {
      const int value = bar.values[s];
      if (value == 0) continue;
      const RagChart::Series& series = chart.series[s];
      const int w = std::max(1, value * k_bar_area / most);
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\" stroke=\"#555\" stroke-width=\"0.5\">"
          "<title>{}: {} {}</title></rect>\n",
          x, y, w, fills[s], escape_html(bar.label), value, escape_html(series.name));
      if (w >= 16) {
        // The count on a plain patch of the series' colour, so the pattern does not cut into it.
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" "
            "text-anchor=\"middle\" fill=\"{}\" font-weight=\"bold\">{}</text>\n",
            x + w / 2 - 7, y + 3, series.colour, x + w / 2, y + 13, text_colour_on(series.colour), value);
      }
      x += w;
    }
    y += k_row;
  }
  // The key names every series, so that the chart reads without colour.
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const int key_x = k_label_width + static_cast<int>(s % k_keys_per_line) * k_key_width;
    const int key_y = y + 10 + static_cast<int>(s / k_keys_per_line) * 20;
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#555\" "
        "stroke-width=\"0.5\"/>",
        key_x, key_y, fills[s]);
    svg +=
        fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", key_x + 16, key_y + 10, escape_html(chart.series[s].name));
  }
  return svg + "</svg>\n";
}

// Writes each block into a buffer, escaping text as it goes, and passes it to the stream in large pieces, so
// that a large paper costs a stream insertion per buffer rather than one per piece.
class HtmlWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : m_out(out) { m_html.reserve(k_flush_at + 4096); }
  ~HtmlWriter() { flush(); }
  HtmlWriter(const HtmlWriter&) = delete;
  HtmlWriter& operator=(const HtmlWriter&) = delete;

  void operator()(const Heading& heading) {
    const char level = static_cast<char>('0' + std::clamp(heading.level, 1, 6));
    html("<h").put(level).html(">");
    if (!heading.number.empty()) text(heading.number).html(" ");
    text(heading.text).html("</h").put(level).html(">\n");
  }
  void operator()(const Paragraph& paragraph) {
    html("<p>");
    std::string_view rest = paragraph.text;
    for (bool first = true; !rest.empty() || first; first = false) {
      const std::size_t end = std::min(rest.find('\n'), rest.size());
      if (!first) html("<br>\n");
      text(rest.substr(0, end));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    html("</p>\n");
  }
  void operator()(const MarkdownText& markdown) {
    append_markdown_html(m_html, markdown.markdown);
    flushed();
  }
  void operator()(const BulletList& list) {
    html("<ul>\n");
    for (const std::string& item : list.items) html("<li>").text(item).html("</li>\n");
    html("</ul>\n");
  }
  void operator()(const Fields& fields) {
    html("<dl class=\"fields\">\n");
    for (const auto& [label, value] : fields.items)
      html("<dt>").text(label).html("</dt><dd>").text(value).html("</dd>\n");
    html("</dl>\n");
  }
  void operator()(const References& references) {
    html("<ul>\n");
    for (const Reference& r : references.items) {
      if (is_web_address(r.url)) {
        html("<li><a href=\"").text(r.url).html("\">").text(r.text).html("</a></li>\n");
      } else {
        html("<li>").text(r.text).html("</li>\n");
      }
    }
    html("</ul>\n");
  }
  void operator()(const RagChart& chart) {
    html("<figure>\n").html(chart_svg(chart)).html("<figcaption>").text(chart.title).html("</figcaption>\n</figure>\n");
  }
  void operator()(const Table& table) {
    html("<table>\n<thead><tr>");
    for (const Column& column : table.columns) {
      html(column.align == Align::right ? "<th class=\"number\">" : "<th>").text(column.header).html("</th>");
    }
    html("</tr></thead>\n<tbody>\n");
    for (const auto& row : table.rows) {
      html("<tr>");
      for (std::size_t c = 0; c < row.size(); ++c) {
        html("<td");
        // Ids, dates, ratings and statuses are never broken at their hyphens; numbers are never broken.
        if (table.columns[c].align == Align::right) {
          html(" class=\"number\"");
        } else if (!table.columns[c].wraps) {
          html(" class=\"keep\"");
        }
        if (!row[c].colour.empty()) html(" style=\"").html(cell_style(row[c].colour)).html("\"");
        html(">").text(row[c].text).html("</td>");
      }
      html("</tr>\n");
    }
    html("</tbody>\n</table>\n");
  }

 private:
  static constexpr std::size_t k_flush_at = 1u << 16;

  // A rating cell's fill, its colour in full so that ratings stay apart printed in grey, and the text that reads
  // on it; worked out once per colour: a tracker repeats a handful of colours many times.
  const std::string& cell_style(const std::string& colour) {
    auto it = m_cell_styles.find(colour);
    if (it == m_cell_styles.end()) {
      it =
          m_cell_styles.emplace(colour, fmt::format("background: {}; color: {}", colour, text_colour_on(colour))).first;
    }
    return it->second;
  }

  HtmlWriter& html(std::string_view markup) {
    m_html.append(markup);
    return flushed();
  }
  HtmlWriter& put(char c) {
    m_html.push_back(c);
    return *this;
  }
  HtmlWriter& text(std::string_view plain) {
    append_escaped_html(m_html, plain);
    return flushed();
  }
  HtmlWriter& flushed() {
    if (m_html.size() >= k_flush_at) flush();
    return *this;
  }
  void flush() {
    m_out.write(m_html.data(), static_cast<std::streamsize>(m_html.size()));
    m_html.clear();
  }

  std::ostream& m_out;
  std::string m_html;
  std::map<std::string, std::string, std::less<>> m_cell_styles;
};

}  // namespace

void append_escaped_html(std::string& out, std::string_view text) {
  // The characters that go as they are: all but the five HTML gives meaning
  // to, and control characters (which the loader rejects anyway), which
  // neither HTML nor XML may hold and are left out.
  static constexpr auto k_plain = [] {
    std::array<bool, 256> plain{};
    for (std::size_t c = 0x20; c < 256; ++c) plain[c] = true;
    for (const unsigned char c : {'\t', '\n', '\r'}) plain[c] = true;
    for (const unsigned char c : {'&', '<', '>', '"', '\''}) plain[c] = false;
    return plain;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t run = i;
    while (i < text.size() && k_plain[static_cast<unsigned char>(text[i])]) ++i;
    out.append(text.substr(run, i - run));
    if (i == text.size()) break;
    switch (text[i++]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: break;  // a control character
    }
  }
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_html(out, text);
  return out;
}

void write_html(std::ostream& out, const Document& document, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(title) << "</title>\n<style>"
      << page_style(document.running_head.empty() ? title : document.running_head, document.marking) << k_style
      << "</style>\n</head>\n<body>\n";
  const std::string marking =
      document.marking.empty() ? "" : "<p class=\"marking\">" + escape_html(document.marking) + "</p>\n";
  out << marking;
  {
    HtmlWriter writer(out);
    for (const Block& block : document.blocks) std::visit(writer, block);
  }
  out << marking << "</body>\n</html>\n";
}

}  // namespace hmicfrs::render
