// The document writer for HTML: one self-contained page.

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {
namespace {

constexpr std::string_view k_style = R"(
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
       max-width: 180mm; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .3em; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10pt; page-break-inside: auto; }
th, td { border: 1px solid #888; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.number, th.number { text-align: right; }
tr { page-break-inside: avoid; }
dl.fields { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: .4em 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
.rag-red { background: #f4c7c3; }
.rag-amber { background: #fde6b0; }
.rag-green { background: #c9e7cb; }
figure { margin: .6em 0 1em; }
figcaption { font-size: 9.5pt; color: #333; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
)";

std::string_view tone_class(Tone tone) {
  switch (tone) {
    case Tone::red: return "rag-red";
    case Tone::amber: return "rag-amber";
    case Tone::green: return "rag-green";
    case Tone::plain: return "";
  }
  return "";
}

// Inline Markdown of one paragraph, already HTML-escaped: **strong**, *em*,
// _em_ and `code`. Markers without a partner stay as written.
std::string inline_markdown(const std::string& escaped) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_markers{
      {{"**", "strong"}, {"`", "code"}, {"*", "em"}, {"_", "em"}}};
  std::string out;
  std::size_t i = 0;
  while (i < escaped.size()) {
    bool matched = false;
    for (const auto& [marker, tag] : k_markers) {
      if (escaped.compare(i, marker.size(), marker) != 0) continue;
      const std::size_t end = escaped.find(marker, i + marker.size());
      if (end == std::string::npos || end == i + marker.size()) continue;
      const std::string inner = escaped.substr(i + marker.size(), end - i - marker.size());
      out += fmt::format("<{}>{}</{}>", tag, tag == "code" ? inner : inline_markdown(inner), tag);
      i = end + marker.size();
      matched = true;
      break;
    }
    if (!matched) out += escaped[i++];
  }
  return out;
}

// User-written Markdown as HTML: paragraphs, bullet and numbered lists, and
// inline emphasis. Everything else stays text; nothing of the user's becomes markup.
std::string markdown_to_html(std::string_view markdown) {
  std::vector<std::vector<std::string>> blocks(1);
  std::istringstream lines{std::string(markdown)};
  for (std::string line; std::getline(lines, line);) {
    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  const auto bullet = [](const std::string& line) {
    const std::size_t start = line.find_first_not_of(' ');
    return line.compare(start, 2, "- ") == 0 || line.compare(start, 2, "* ") == 0 ? start + 2 : std::string::npos;
  };
  const auto numbered = [](const std::string& line) {
    const std::size_t start = line.find_first_not_of(' ');
    std::size_t i = start;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) != 0) ++i;
    return i > start && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' '
               ? i + 2
               : std::string::npos;
  };
  std::string out;
  for (const auto& block : blocks) {
    if (block.empty()) continue;
    const bool is_bullets = bullet(block.front()) != std::string::npos;
    const bool is_numbered = !is_bullets && numbered(block.front()) != std::string::npos;
    if (!is_bullets && !is_numbered) {
      std::string text;
      for (const std::string& line : block) text += (text.empty() ? "" : " ") + line;
      out += "<p>" + inline_markdown(escape_html(text)) + "</p>\n";
      continue;
    }
    // Items start at a marker; other lines continue the item before them.
    std::vector<std::string> items;
    for (const std::string& line : block) {
      const std::size_t text = is_bullets ? bullet(line) : numbered(line);
      if (text != std::string::npos || items.empty()) {
        items.push_back(line.substr(text == std::string::npos ? 0 : text));
      } else {
        items.back() += " " + line.substr(line.find_first_not_of(' '));
      }
    }
    out += is_bullets ? "<ul>\n" : "<ol>\n";
    for (const std::string& item : items) out += "<li>" + inline_markdown(escape_html(item)) + "</li>\n";
    out += is_bullets ? "</ul>\n" : "</ol>\n";
  }
  return out;
}

// Stacked horizontal bars, one per category, with the counts written on them.
std::string chart_svg(const RagChart& chart) {
  constexpr int k_label_width = 230;
  constexpr int k_bar_area = 380;
  constexpr int k_row = 24;
  constexpr int k_top = 8;
  int most = 1;
  for (const RagChart::Bar& bar : chart.bars) most = std::max(most, bar.red + bar.amber + bar.green + bar.unrated);
  const int height = k_top + k_row * static_cast<int>(chart.bars.size()) + 34;
  const int width = k_label_width + k_bar_area + 40;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" "
      "aria-label=\"{t}\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">\n",
      fmt::arg("w", width), fmt::arg("h", height), fmt::arg("t", escape_html(chart.title)));
  struct Segment {
    std::string_view name;
    std::string_view fill;
  };
  constexpr std::array<Segment, 4> k_segments{
      {{"Red", "#c0392b"}, {"Amber", "#e6a117"}, {"Green", "#2e8b3e"}, {"Unrated", "#bbbbbb"}}};
  int y = k_top;
  for (const RagChart::Bar& bar : chart.bars) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", k_label_width - 8, y + 15,
                       escape_html(bar.label));
    int x = k_label_width;
    const std::array<int, 4> values{bar.red, bar.amber, bar.green, bar.unrated};
    for (std::size_t s = 0; s < values.size(); ++s) {
      if (values[s] == 0) continue;
      const int w = std::max(1, values[s] * k_bar_area / most);
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\" stroke=\"#fff\"><title>{}: {} "
          "{}</title></rect>\n",
          x, y, w, k_segments[s].fill, escape_html(bar.label), values[s], k_segments[s].name);
      if (w >= 14) {
        svg +=
            fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\" font-weight=\"bold\">{}</text>\n",
                        x + w / 2, y + 13, values[s]);
      }
      x += w;
    }
    y += k_row;
  }
  // The key, so that the chart reads without colour too: each segment is labelled by name.
  int key_x = k_label_width;
  for (const Segment& segment : k_segments) {
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", key_x, y + 10, segment.fill);
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", key_x + 16, y + 20, segment.name);
    key_x += 80;
  }
  return svg + "</svg>\n";
}

class HtmlWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : m_out(out) {}

  void operator()(const Heading& heading) {
    const int level = std::clamp(heading.level, 1, 6);
    m_out << "<h" << level << ">"
          << escape_html(heading.number.empty() ? heading.text : heading.number + " " + heading.text) << "</h" << level
          << ">\n";
  }
  void operator()(const Paragraph& paragraph) {
    m_out << "<p>";
    std::istringstream lines(paragraph.text);
    bool first = true;
    for (std::string line; std::getline(lines, line); first = false)
      m_out << (first ? "" : "<br>\n") << escape_html(line);
    m_out << "</p>\n";
  }
  void operator()(const MarkdownText& text) { m_out << markdown_to_html(text.markdown); }
  void operator()(const BulletList& list) {
    m_out << "<ul>\n";
    for (const std::string& item : list.items) m_out << "<li>" << escape_html(item) << "</li>\n";
    m_out << "</ul>\n";
  }
  void operator()(const Fields& fields) {
    m_out << "<dl class=\"fields\">\n";
    for (const auto& [label, value] : fields.items) {
      m_out << "<dt>" << escape_html(label) << "</dt><dd>" << escape_html(value) << "</dd>\n";
    }
    m_out << "</dl>\n";
  }
  void operator()(const References& references) {
    m_out << "<ul>\n";
    for (const Reference& r : references.items) {
      if (is_web_address(r.url)) {
        m_out << "<li><a href=\"" << escape_html(r.url) << "\">" << escape_html(r.text) << "</a></li>\n";
      } else {
        m_out << "<li>" << escape_html(r.text) << "</li>\n";
      }
    }
    m_out << "</ul>\n";
  }
  void operator()(const RagChart& chart) {
    m_out << "<figure>\n"
          << chart_svg(chart) << "<figcaption>" << escape_html(chart.title) << "</figcaption>\n</figure>\n";
  }
  void operator()(const Table& table) {
    m_out << "<table>\n<thead><tr>";
    for (const Column& column : table.columns) {
      m_out << (column.align == Align::right ? "<th class=\"number\">" : "<th>") << escape_html(column.header)
            << "</th>";
    }
    m_out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
      m_out << "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        std::string classes(tone_class(row[c].tone));
        if (table.columns[c].align == Align::right) classes += classes.empty() ? "number" : " number";
        m_out << (classes.empty() ? std::string("<td>") : "<td class=\"" + classes + "\">") << escape_html(row[c].text)
              << "</td>";
      }
      m_out << "</tr>\n";
    }
    m_out << "</tbody>\n</table>\n";
  }

 private:
  std::ostream& m_out;
};

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_html(std::ostream& out, const Document& document, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(title) << "</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n";
  HtmlWriter writer(out);
  for (const Block& block : document.blocks) std::visit(writer, block);
  out << "</body>\n</html>\n";
}

}  // namespace hmicfrs::render
