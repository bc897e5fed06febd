// The document writer for Markdown (GitHub and pandoc).

#include <algorithm>
#include <vector>

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {
namespace {

// Markdown text on one line (table cells, headings, list items).
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return escape_markdown(out);
}

// Whether a link in user Markdown may point at `target` (what follows "(" or
// "]:"): a web or mail address.
bool is_link_target(std::string_view target) { return is_web_address(target) || target.starts_with("mailto:"); }

// Where each line's content starts, past indentation, quote markers (">") and list markers ("-", "1.").
std::size_t content_start(std::string_view text, std::size_t line) {
  std::size_t i = line;
  for (bool more = true; more && i < text.size();) {
    more = false;
    while (i < text.size() && (text[i] == ' ' || text[i] == '>')) ++i, more = true;
    if (i + 1 < text.size() && (text[i] == '-' || text[i] == '*' || text[i] == '+') && text[i + 1] == ' ') {
      i += 2;
      more = true;
    }
    std::size_t digits = i;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > i && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
        text[digits + 1] == ' ') {
      i = digits + 2;
      more = true;
    }
  }
  return i;
}

// User-written Markdown, which may emphasise, list and link to web and mail
// addresses, and nothing else: raw HTML is shown, not run; a line cannot open
// a heading or a fenced div of its own; pandoc's {attributes} are text; an
// image is text; a link, or a link reference definition anywhere (even
// inside a quote or a list), works only when it points at the web or a mail
// address. One pass, in time linear in the text.
std::string sanitised(std::string_view markdown) {
  // The next ']' at or after each position, found once from the end.
  std::vector<std::size_t> next_close(markdown.size() + 1, std::string_view::npos);
  for (std::size_t i = markdown.size(); i-- > 0;) next_close[i] = markdown[i] == ']' ? i : next_close[i + 1];
  std::string out;
  out.reserve(markdown.size());
  std::size_t block = content_start(markdown, 0);
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    const std::string_view rest = markdown.substr(i);
    if (c == '<') {
      out += "&lt;";
    } else if (c == '{' || c == '}') {
      out += '\\';
      out += c;
    } else if (i == block && (c == '#' || rest.starts_with(":::"))) {
      out += '\\';
      out += c;
    } else if (c == '!' && rest.starts_with("![")) {
      out += "\\!";
    } else if (c == '[') {
      // "[name]: target" defines a link anywhere; it stays only when the target may be linked to.
      const std::size_t close = next_close[i + 1];
      const bool definition =
          close != std::string_view::npos && close + 1 < markdown.size() && markdown[close + 1] == ':';
      const std::size_t target = definition ? markdown.find_first_not_of(" \t", close + 2) : std::string_view::npos;
      out += definition && (target == std::string_view::npos || !is_link_target(markdown.substr(target))) ? "\\[" : "[";
    } else if (c == '(' && i > 0 && markdown[i - 1] == ']' && !is_link_target(markdown.substr(i + 1))) {
      out += "\\(";  // "[text](javascript:...)" stays text
    } else {
      out += c;
    }
    if (c == '\n') block = content_start(markdown, i + 1);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class MarkdownWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : m_out(out) {}

  void operator()(const Heading& heading) {
    m_out << std::string(static_cast<std::size_t>(std::max(heading.level, 1)), '#') << " "
          << (heading.number.empty() ? "" : heading.number + " ") << one_line(heading.text) << "\n";
  }
  void operator()(const References& references) {
    for (const Reference& r : references.items) {
      if (is_web_address(r.url) && r.url.find_first_of(" <>()") == std::string::npos) {
        m_out << "- [" << one_line(r.text) << "](" << r.url << ")\n";
      } else {
        m_out << "- " << one_line(r.text) << "\n";
      }
    }
  }
  void operator()(const RagChart&) {}
  void operator()(const Paragraph& paragraph) { m_out << escape_markdown(paragraph.text) << "\n"; }
  void operator()(const MarkdownText& text) { m_out << sanitised(text.markdown) << "\n"; }
  void operator()(const BulletList& list) {
    for (const std::string& item : list.items) m_out << "- " << one_line(item) << "\n";
  }
  void operator()(const Fields& fields) {
    for (const auto& [label, value] : fields.items)
      m_out << "- **" << one_line(label) << ":** " << one_line(value) << "\n";
  }
  void operator()(const Table& table) {
    m_out << "|";
    for (const Column& column : table.columns) m_out << " " << one_line(column.header) << " |";
    m_out << "\n|";
    for (const Column& column : table.columns) m_out << (column.align == Align::right ? " ---: |" : " --- |");
    m_out << "\n";
    for (const auto& row : table.rows) {
      m_out << "|";
      for (const Cell& cell : row) {
        if (!cell.text.empty()) m_out << " " << one_line(cell.text);
        m_out << " |";
      }
      m_out << "\n";
    }
  }

 private:
  std::ostream& m_out;
};

}  // namespace

bool is_web_address(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

std::string escape_markdown(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '@':  // so that no address becomes a link of its own
      case '{':  // nor text pandoc's {attributes}
      case '}':
        out += '\\';
        out += c;
        break;
      case ':':
        // ":::" at the start of a line would open a pandoc fenced div.
        if (line_start && text.substr(i).starts_with(":::")) out += '\\';
        out += c;
        break;
      case '#':
      case '+':
      case '-':
      case '=':
        // Only at the start of a line do these make a heading, list or rule.
        if (line_start) out += '\\';
        out += c;
        break;
      default: out += c;
    }
    // "1. " at the start of a line would begin an ordered list.
    if (line_start && c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
        out.append(text.substr(i + 1, j - i - 1));
        out += '\\';
        out += text[j];
        i = j;
      }
    }
    line_start = c == '\n' || (line_start && c == ' ');
  }
  return out;
}

void write_markdown(std::ostream& out, const Document& document) {
  MarkdownWriter writer(out);
  // A protective marking is the first line and the last, as on every page of a marked paper.
  const std::string marking = escape_markdown(document.marking);
  if (!marking.empty()) out << marking << "\n\n";
  bool first = true;
  for (const Block& block : document.blocks) {
    if (std::holds_alternative<RagChart>(block)) continue;  // the tables carry its numbers
    if (!first) out << "\n";
    std::visit(writer, block);
    first = false;
  }
  if (!marking.empty()) out << "\n" << marking << "\n";
}

}  // namespace hmicfrs::render
