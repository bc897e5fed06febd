// The document writer for terminals, and the text helpers it shares.

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>
#include <sstream>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/printable.hpp>
#include <hmicfrs/util/utf8.hpp>
#include "colour.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::size_t k_column_gap = 2;

std::string padded(const std::string& text, std::size_t width, Align align) {
  const std::size_t fill = width > display_width(text) ? width - display_width(text) : 0;
  return align == Align::right ? std::string(fill, ' ') + text : text + std::string(fill, ' ');
}

// The pieces a line may break between: after a hyphen or slash with text on
// both sides ("peel-frameworks/." keeps its full stop).
std::vector<std::string_view> break_pieces(std::string_view word) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((word[i] == '-' || word[i] == '/') && i > start && i + 1 < word.size() &&
        std::isalnum(static_cast<unsigned char>(word[i + 1]))) {
      pieces.push_back(word.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  pieces.push_back(word.substr(start));
  return pieces;
}

std::size_t longest_piece(std::string_view text) {
  std::size_t longest = 0;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    for (const std::string_view piece : break_pieces(word)) longest = std::max(longest, display_width(piece));
  }
  return longest;
}

// On a terminal, an optional column that is empty in every row only takes room.
Table without_empty_columns(const Table& table) {
  if (table.rows.empty()) return table;
  std::vector<bool> used(table.columns.size(), false);
  for (std::size_t c = 0; c < table.columns.size(); ++c) used[c] = !table.columns[c].optional;
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) used[c] = used[c] || !row[c].text.empty();
  }
  Table out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (used[c]) out.columns.push_back(table.columns[c]);
  }
  for (const auto& row : table.rows) {
    std::vector<Cell> kept;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (used[c]) kept.push_back(row[c]);
    }
    out.rows.push_back(std::move(kept));
  }
  return out;
}

// Whether a column may be narrowed to fit: wrapped, or cut to one line.
bool gives_way(const Column& column) { return column.wraps || column.truncates; }

// The first line `text` wraps to at `width`, ending in "…" when there is more.
std::string one_line(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  const std::vector<std::string> lines = wrap(text, width > 1 ? width - 1 : 1);
  std::string first = lines.empty() ? std::string() : lines.front();
  while (!first.empty() && (first.back() == ' ' || first.back() == ',' || first.back() == ';')) first.pop_back();
  return first + "\u2026";
}

class TextWriter {
 public:
  TextWriter(std::ostream& out, const TextStyle& style) : m_out(out), m_style(style) {}

  void operator()(const Heading& heading) {
    const std::string text = heading.number.empty() ? heading.text : heading.number + " " + heading.text;
    std::size_t longest = 0;
    for (const std::string& line : wrap(text, m_style.width)) {
      m_out << line << "\n";
      longest = std::max(longest, display_width(line));
    }
    m_out << std::string(longest, heading.level == 1 ? '=' : '-') << "\n";
  }

  void operator()(const Paragraph& paragraph) {
    for (const std::string& line : wrap(paragraph.text, m_style.width)) m_out << line << "\n";
  }

  // User Markdown keeps its lines; a line too long for the terminal (a folded
  // YAML scalar) is wrapped, indented as it was.
  void operator()(const MarkdownText& text) {
    std::istringstream lines(text.markdown);
    std::vector<std::string> out;
    for (std::string line; std::getline(lines, line);) {
      const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
      const std::string lead(indent, ' ');
      const auto parts = wrap(line.substr(indent), m_style.width > indent + 20 ? m_style.width - indent : 20);
      if (parts.empty()) out.emplace_back();
      for (const std::string& part : parts) out.push_back(lead + part);
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    for (const std::string& line : out) m_out << line << "\n";
  }

  void operator()(const BulletList& list) {
    for (const std::string& item : list.items) hanging("- ", item);
  }

  void operator()(const References& references) {
    for (const Reference& r : references.items) hanging("- ", r.url.empty() ? r.text : r.text + " <" + r.url + ">");
  }

  void operator()(const RagChart&) {}

  void operator()(const Fields& fields) {
    std::size_t label_width = 0;
    for (const auto& [label, value] : fields.items) label_width = std::max(label_width, display_width(label) + 1);
    for (const auto& [label, value] : fields.items) hanging(padded(label + ":", label_width + 1, Align::left), value);
  }

  void operator()(const Table& full) {
    const Table table = without_empty_columns(full);
    const std::optional<std::vector<std::size_t>> fitted = fitted_widths(table);
    if (!fitted) return records(table);
    const std::vector<std::size_t>& widths = *fitted;
    std::vector<Cell> header;
    for (const Column& column : table.columns) header.emplace_back(column.header);
    write_row(table, widths, header);
    std::size_t rule = 0;
    for (const std::size_t w : widths) rule += w;
    m_out << std::string(rule + k_column_gap * (widths.size() - 1), '-') << "\n";
    for (const auto& row : table.rows) write_row(table, widths, row);
  }

 private:
  // `text` after `lead`, wrapped, later lines indented under the first.
  void hanging(const std::string& lead, const std::string& text) {
    const std::size_t indent = display_width(lead);
    const auto lines = wrap(text, m_style.width > indent + 20 ? m_style.width - indent : 20);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      m_out << (i == 0 ? lead : std::string(indent, ' ')) << lines[i] << "\n";
    }
    if (lines.empty()) m_out << lead << "\n";
  }

  // A table too wide for the terminal even with its text wrapped, one row a
  // block: the columns that do not wrap (ids, ratings, dates) on one line, the
  // first as it is and the others after their headers, then each other
  // column's header and text below it, indented.
  void records(const Table& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::vector<Cell>& row = table.rows[r];
      if (r > 0) m_out << "\n";
      // The pieces that do not wrap, each whole, on as few lines as the width allows.
      std::string line;
      std::size_t used = 0;
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (gives_way(table.columns[c]) || row[c].text.empty()) continue;
        const std::string lead = line.empty() ? "" : table.columns[c].header + ": ";
        const std::size_t width = display_width(lead) + display_width(row[c].text);
        if (!line.empty() && used + k_column_gap + width > m_style.width) {
          m_out << line << "\n";
          line = "  ";
          used = 2;
        } else if (!line.empty()) {
          line += std::string(k_column_gap, ' ');
          used += k_column_gap;
        }
        line += lead + coloured(row[c], row[c].text);
        used += width;
      }
      m_out << line << "\n";
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (gives_way(table.columns[c]) && !row[c].text.empty())
          hanging("  " + table.columns[c].header + ": ", row[c].text);
      }
    }
  }

  // `shown` in the terminal colour of `cell`'s rating, when colour is asked for.
  std::string coloured(const Cell& cell, const std::string& shown) const {
    const std::string_view code = ansi_of(cell.colour);
    if (!m_style.color || code.empty() || shown.empty()) return shown;
    return std::string(code) + shown + "\x1b[0m";
  }

  // Each column as wide as its widest cell; then the widest wrapping column
  // gives way, one character at a time, until the table fits, but not below
  // its longest unbreakable piece unless that piece is very long. Columns
  // that do not wrap (ids, which must stay whole to be copied) keep their
  // width. Nothing when the table cannot fit so: it is written as records.
  std::optional<std::vector<std::size_t>> fitted_widths(const Table& table) const {
    std::vector<std::size_t> widths;
    std::vector<std::size_t> narrowest;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      std::size_t width = display_width(table.columns[c].header);
      std::size_t floor = longest_piece(table.columns[c].header);
      for (const auto& row : table.rows) {
        for (const std::string& line : wrap(row[c].text, std::string::npos))
          width = std::max(width, display_width(line));
        floor = std::max(floor, longest_piece(row[c].text));
      }
      widths.push_back(width);
      // A word longer than a third of the terminal is cut rather than let the table overflow; a column cut
      // to one line may go down to a few words.
      narrowest.push_back(table.columns[c].truncates ? std::min<std::size_t>(width, 12)
                                                     : std::min(floor, std::max<std::size_t>(12, m_style.width / 3)));
    }
    const auto total = [&] {
      return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_column_gap * (widths.size() - 1);
    };
    const auto narrow_to = [&](const std::vector<std::size_t>& floors) {
      while (total() > m_style.width) {
        std::size_t widest = widths.size();
        for (std::size_t c = 0; c < widths.size(); ++c) {
          if (gives_way(table.columns[c]) && widths[c] > floors[c] &&
              (widest == widths.size() || widths[c] > widths[widest])) {
            widest = c;
          }
        }
        if (widest == widths.size()) return;  // nothing left to narrow
        --widths[widest];
      }
    };
    narrow_to(narrowest);
    if (total() > m_style.width) return std::nullopt;
    return widths;
  }

  void write_row(const Table& table, const std::vector<std::size_t>& widths, const std::vector<Cell>& row) {
    std::vector<std::vector<std::string>> cells;
    std::size_t height = 1;
    for (std::size_t c = 0; c < row.size(); ++c) {
      cells.push_back(table.columns[c].truncates ? std::vector{one_line(row[c].text, widths[c])}
                                                 : wrap(row[c].text, widths[c]));
      height = std::max(height, cells.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string part = line < cells[c].size() ? cells[c][line] : std::string();
        const bool last = c + 1 == row.size();
        std::string shown =
            last && table.columns[c].align == Align::left ? part : padded(part, widths[c], table.columns[c].align);
        text += part.empty() ? shown : coloured(row[c], shown);
        if (!last) text += std::string(k_column_gap, ' ');
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      m_out << text << "\n";
    }
  }

  std::ostream& m_out;
  const TextStyle& m_style;
};

// Lines of one paragraph (no line break in it), built in one pass.
class LineBreaker {
 public:
  LineBreaker(std::size_t width, std::vector<std::string>& lines) : m_width(width), m_lines(lines) {}

  // Adds a piece of a word, after a space when `spaced` and the line is not empty.
  void add(std::string_view piece, bool spaced) {
    const std::size_t width = display_width(piece);
    const std::size_t gap = spaced && !m_line.empty() ? 1 : 0;
    if (!m_line.empty() && m_used + gap + width > m_width) {
      finish();
    } else if (gap > 0) {
      m_line += ' ';
      m_used += 1;
    }
    if (width <= m_width - m_used) {
      m_line += piece;
      m_used += width;
      return;
    }
    // A piece longer than a line is cut between characters into lines as full as the width allows.
    if (!m_line.empty()) finish();
    while (!piece.empty()) {
      std::size_t take = util::fitting_prefix(piece, m_width, util::terminal_columns);
      if (take == 0) take = util::character_at(piece, 0).length;  // a character wider than the line
      m_line = piece.substr(0, take);
      m_used = util::measured(m_line, util::terminal_columns);
      piece.remove_prefix(take);
      if (!piece.empty()) finish();
    }
  }

  void finish() {
    m_lines.push_back(std::exchange(m_line, {}));
    m_used = 0;
  }

  bool empty() const { return m_line.empty(); }

 private:
  std::size_t m_width;
  std::vector<std::string>& m_lines;
  std::string m_line;
  std::size_t m_used = 0;
};

}  // namespace

std::size_t display_width(std::string_view text) { return util::measured(text, util::terminal_columns); }

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view paragraph = text.substr(start, end - start);
    LineBreaker breaker(width, lines);
    constexpr std::string_view k_spaces = " \t\r\v\f";
    for (std::size_t i = paragraph.find_first_not_of(k_spaces); i < paragraph.size();) {
      const std::size_t word_end = std::min(paragraph.find_first_of(k_spaces, i), paragraph.size());
      bool first_piece = true;
      for (const std::string_view piece : break_pieces(paragraph.substr(i, word_end - i))) {
        breaker.add(piece, first_piece);
        first_piece = false;
      }
      i = paragraph.find_first_not_of(k_spaces, word_end);
    }
    if (!breaker.empty() || paragraph.empty()) breaker.finish();
    if (end == text.size()) break;
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

namespace {

// Every text of a block made printable, line feeds kept: nothing the register
// or a file name holds can drive the terminal.
struct MakePrintable {
  void operator()(std::string& text) const { text = util::printable_lines(text); }
  void operator()(Heading& b) const { (*this)(b.text); }
  void operator()(Paragraph& b) const { (*this)(b.text); }
  void operator()(MarkdownText& b) const { (*this)(b.markdown); }
  void operator()(BulletList& b) const {
    for (std::string& item : b.items) (*this)(item);
  }
  void operator()(Fields& b) const {
    for (auto& [label, value] : b.items) (*this)(value);
  }
  void operator()(References& b) const {
    for (Reference& r : b.items) {
      (*this)(r.text);
      (*this)(r.url);
    }
  }
  void operator()(RagChart&) const {}
  void operator()(Table& b) const {
    for (auto& row : b.rows) {
      for (Cell& cell : row) (*this)(cell.text);
    }
  }
};

}  // namespace

void write_text(std::ostream& out, const Document& original, const TextStyle& style) {
  Document document = original;
  for (Block& block : document.blocks) std::visit(MakePrintable{}, block);
  TextWriter writer(out, style);
  // A protective marking is the first line and the last, as on every page of a marked paper.
  const std::string marking = util::printable(document.marking);
  if (!marking.empty()) out << marking << "\n\n";
  const Block* previous = nullptr;
  for (const Block& block : document.blocks) {
    if (std::holds_alternative<RagChart>(block)) continue;  // the tables carry its numbers
    if (previous != nullptr && !std::holds_alternative<Heading>(*previous)) out << "\n";
    std::visit(writer, block);
    previous = &block;
  }
  if (!marking.empty()) out << "\n" << marking << "\n";
}

}  // namespace hmicfrs::render
