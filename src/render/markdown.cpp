// The document writer for Markdown (GitHub and pandoc).

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {
namespace {

// Markdown text on one line (table cells, headings, list items).
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return escape_markdown(out);
}

// User-written Markdown: kept as written, except that raw HTML is shown, not
// run, a line cannot open a heading of its own inside the document's, and a
// link works only when it points at the web.
std::string sanitised(std::string_view markdown) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c == '<') {
      out += "&lt;";
    } else if (c == '#' && line_start) {
      out += "\\#";
    } else if (c == '[' && line_start && markdown.find("]:", i) < markdown.find('\n', i)) {
      // A link reference definition, "[name]: target": only web targets stay.
      const std::size_t target = markdown.find_first_not_of(' ', markdown.find("]:", i) + 2);
      out += target != std::string_view::npos && is_web_address(markdown.substr(target)) ? "[" : "\\[";
    } else if (c == '(' && i > 0 && markdown[i - 1] == ']' && !is_web_address(markdown.substr(i + 1))) {
      out += "\\(";  // "[text](javascript:...)" stays text
    } else {
      out += c;
    }
    line_start = c == '\n' || (line_start && c == ' ');
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
        out += '\\';
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
  bool first = true;
  for (const Block& block : document.blocks) {
    if (std::holds_alternative<RagChart>(block)) continue;  // the tables carry its numbers
    if (!first) out << "\n";
    std::visit(writer, block);
    first = false;
  }
}

}  // namespace hmicfrs::render
