// The document writer for terminals, and the text helpers it shares.

#include <algorithm>
#include <array>
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

// The width of the longest word of `text`: where a line may break, spaces only.
std::size_t longest_word(std::string_view text) {
  std::size_t longest = 0;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) longest = std::max(longest, display_width(word));
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
  Table out{{}, {}, table.narrow, table.least_width};
  std::vector<std::size_t> kept_at(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    kept_at[c] = out.columns.size();
    if (used[c]) out.columns.push_back(table.columns[c]);
  }
  // A sentence's clauses name the columns kept, where they now stand.
  for (const Clause& clause : table.clauses) {
    if (!used[clause.head]) continue;
    Clause& kept = out.clauses.emplace_back(Clause{kept_at[clause.head]});
    for (const std::size_t c : clause.parts) {
      if (used[c]) kept.parts.push_back(kept_at[c]);
    }
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
    if (!fitted) {
      switch (table.narrow) {
        case Narrow::records: return records(table);
        case Narrow::sentences: return sentences(table);
        case Narrow::lists: return lists(table);
      }
    }
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
  // block: the row's first cell, then the other columns that do not wrap (ids,
  // ratings, dates) after their headers, each whole, on as few lines as the
  // width allows, then each other column's header and text below it, indented.
  void records(const Table& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::vector<Cell>& row = table.rows[r];
      if (r > 0) m_out << "\n";
      // The first cell names the row: its words may wrap, as a name in a wrapping column does.
      std::vector<Piece> pieces = row.empty() ? std::vector<Piece>() : words_of(row[0]);
      for (std::size_t c = 1; c < row.size(); ++c) {
        if (gives_way(table.columns[c]) || row[c].text.empty()) continue;
        pieces.push_back({row[c].text, row[c].colour, table.columns[c].header + ": ", "", k_column_gap});
      }
      flow(pieces);
      for (std::size_t c = 1; c < row.size(); ++c) {
        if (gives_way(table.columns[c]) && !row[c].text.empty())
          hanging("  " + table.columns[c].header + ": ", row[c].text);
      }
    }
  }

  // A table too wide for the terminal, one row a sentence: its first cell, then its clauses, each number with its
  // words ("8 open (1 red, 5 amber, 2 green, 0 unrated); 1 closed; 9 in all"). A cell that is empty or "-" holds no
  // value and is left out.
  void sentences(const Table& table) {
    const auto has_value = [](const Cell& cell) { return !cell.text.empty() && cell.text != "-"; };
    for (const std::vector<Cell>& row : table.rows) {
      std::vector<Piece> pieces = words_of(Cell(row.front().text));
      if (pieces.empty()) pieces.push_back({});
      pieces.back().after = ":";
      std::size_t clauses = 0;
      for (const Clause& clause : table.clauses) {
        std::vector<std::size_t> shown;
        for (const std::size_t c : clause.parts) {
          if (has_value(row[c])) shown.push_back(c);
        }
        const bool head = has_value(row[clause.head]);
        if (!head && shown.empty()) continue;
        if (clauses++ > 0) pieces.back().after += ";";
        if (head) pieces.push_back(phrase(table.columns[clause.head], row[clause.head]));
        for (std::size_t i = 0; i < shown.size(); ++i) {
          Piece part = phrase(table.columns[shown[i]], row[shown[i]]);
          if (i == 0 && head) part.before = "(";
          if (i + 1 < shown.size()) part.after = ",";
          if (i + 1 == shown.size() && head) part.after = ")";
          pieces.push_back(std::move(part));
        }
      }
      flow(pieces);
    }
  }

  // A table too wide for the terminal, one column a list: its header, then its cells, one a line, or "none".
  void lists(const Table& table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      std::vector<std::string> items;
      for (const auto& row : table.rows) {
        if (!row[c].text.empty()) items.push_back(row[c].text);
      }
      if (items.empty()) {
        hanging("", table.columns[c].header + ": none");
        continue;
      }
      hanging("", table.columns[c].header + ":");
      for (const std::string& item : items) hanging("  - ", item);
    }
  }

  // A piece of a line that is never broken unless it is wider than the line: its text (in its colour) between
  // words that are not coloured ("(" and ",").
  struct Piece {
    std::string text;
    std::string colour = {};
    std::string before = {};
    std::string after = {};
    std::size_t gap = 1;  // the spaces before it, after another piece on its line
  };

  // The words of a cell, each a piece.
  static std::vector<Piece> words_of(const Cell& cell) {
    std::vector<Piece> pieces;
    std::istringstream words{cell.text};
    for (std::string word; words >> word;) pieces.push_back({word, cell.colour});
    return pieces;
  }

  // How a cell reads in a sentence: as its column's phrase says, else after the column's header.
  static Piece phrase(const Column& column, const Cell& cell) {
    if (column.phrase.empty()) return {cell.text, cell.colour, column.header + ": "};
    const std::size_t at = column.phrase.find("{}");
    if (at == std::string::npos) return {column.phrase, cell.colour};
    return {column.phrase.substr(0, at) + cell.text + column.phrase.substr(at + 2), cell.colour};
  }

  // `pieces` on as few lines as the width allows, later lines indented by two.
  void flow(const std::vector<Piece>& pieces) {
    constexpr std::size_t k_indent = 2;
    std::string line;
    std::size_t used = 0;
    bool fresh = true;  // nothing on the line yet but its indent
    for (const Piece& piece : pieces) {
      const std::size_t width = display_width(piece.before) + display_width(piece.text) + display_width(piece.after);
      if (!fresh && used + piece.gap + width > m_style.width) {
        m_out << line << "\n";
        line = std::string(k_indent, ' ');
        used = k_indent;
        fresh = true;
      } else if (!fresh) {
        line += std::string(piece.gap, ' ');
        used += piece.gap;
      }
      fresh = false;
      if (used + width <= m_style.width) {
        line += piece.before + coloured(piece, piece.text) + piece.after;
        used += width;
        continue;
      }
      // Wider than a line on its own: wrapped as text is, its colour left out.
      const std::vector<std::string> parts =
          wrap(piece.before + piece.text + piece.after, m_style.width > k_indent ? m_style.width - k_indent : 1);
      for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        m_out << line << parts[i] << "\n";
        line = std::string(k_indent, ' ');
      }
      line += parts.empty() ? std::string() : parts.back();
      used = display_width(line);
    }
    m_out << line << "\n";
  }

  // `shown` in the terminal colour of `cell`'s rating, when colour is asked for.
  template <class Coloured>
  std::string coloured(const Coloured& cell, const std::string& shown) const {
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
      std::size_t floor = longest_word(table.columns[c].header);
      for (const auto& row : table.rows) {
        for (const std::string& line : wrap(row[c].text, std::string::npos))
          width = std::max(width, display_width(line));
        floor = std::max(floor, longest_word(row[c].text));
      }
      widths.push_back(width);
      // A word longer than a third of the terminal is cut rather than let the table overflow; a column cut
      // to one line may go down to a few words.
      narrowest.push_back(table.columns[c].truncates
                              ? std::min<std::size_t>(width, 12)
                              : std::max(std::min(floor, std::max<std::size_t>(12, m_style.width / 3)),
                                         std::min(width, table.least_width)));
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

  // Adds a word, after a space when the line is not empty.
  void add(std::string_view piece) {
    const std::size_t width = display_width(piece);
    const std::size_t gap = m_line.empty() ? 0 : 1;
    if (m_used + gap + width <= m_width) {
      if (gap > 0) m_line += ' ';
      m_line += piece;
      m_used += gap + width;
      return;
    }
    if (width <= m_width) {  // on a line of its own
      finish();
      m_line = piece;
      m_used = width;
      return;
    }
    // A word longer than a line (an address) is cut into lines as full as the width allows, the first after what
    // the line holds: after its last hyphen, slash or comma that fits, else between characters.
    if (gap > 0) {
      const std::size_t room = m_width > m_used + gap ? m_width - m_used - gap : 0;
      const std::size_t take = cut(piece, room, false);
      if (take > 0) {
        m_line += ' ';
        m_line += piece.substr(0, take);
        piece.remove_prefix(take);
      }
      finish();
    }
    while (!piece.empty()) {
      const std::size_t take = cut(piece, m_width, true);
      m_line = piece.substr(0, take);
      m_used = util::measured(m_line, util::terminal_columns);
      piece.remove_prefix(take);
      if (!piece.empty()) finish();
    }
  }

  // How much of `word` goes on a line with `room` columns: up to its last hyphen, slash or comma that fits, else (when
  // `anywhere`) as many characters as fit, at least one.
  static std::size_t cut(std::string_view word, std::size_t room, bool anywhere) {
    const std::size_t fits = util::fitting_prefix(word, room, util::terminal_columns);
    if (fits >= word.size()) return word.size();
    const std::size_t mark = word.substr(0, fits).find_last_of("-/,");
    if (mark != std::string_view::npos && mark > 0) return mark + 1;
    if (!anywhere) return 0;
    return fits > 0 ? fits : util::character_at(word, 0).length;  // a character wider than the line
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

namespace {

bool is_month(std::string_view word) {
  static constexpr std::array<std::string_view, 12> k_months{"January",   "February", "March",    "April",
                                                             "May",       "June",     "July",     "August",
                                                             "September", "October",  "November", "December"};
  return std::find(k_months.begin(), k_months.end(), word) != k_months.end();
}

bool is_day(std::string_view word) {
  return !word.empty() && word.size() <= 2 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A year, with what may close a phrase after it ("2022", "2022.", "2022)").
bool is_year(std::string_view word) {
  return word.size() >= 4 && std::all_of(word.begin(), word.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         word.find_first_not_of(".,;:)]", 4) == std::string_view::npos;
}

// An option of a command line: "--as-of", "-o"; not a dash alone, a negative number, nor one ending a phrase
// ("--strict),").
bool is_option(std::string_view word) {
  return word.size() >= 2 && word[0] == '-' && (word[1] == '-' || std::isalpha(static_cast<unsigned char>(word[1]))) &&
         std::all_of(word.begin(), word.end(),
                     [](char c) { return c == '-' || std::isalnum(static_cast<unsigned char>(c)); });
}

// Whether a line must not break between `word` and `next`: a date in words ("31 March 2022", "May 2024"), and an
// option with its value ("--as-of 2022-03-31"), read as one.
bool kept_together(std::string_view word, std::string_view next) {
  if (is_day(word) && is_month(next)) return true;
  if (is_month(word) && is_year(next)) return true;
  return is_option(word) && !is_option(next);
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view paragraph = text.substr(start, end - start);
    LineBreaker breaker(width, lines);
    constexpr std::string_view k_spaces = " \t\r\v\f";
    std::vector<std::string_view> words;
    for (std::size_t i = paragraph.find_first_not_of(k_spaces); i < paragraph.size();) {
      const std::size_t word_end = std::min(paragraph.find_first_of(k_spaces, i), paragraph.size());
      words.push_back(paragraph.substr(i, word_end - i));
      i = paragraph.find_first_not_of(k_spaces, word_end);
    }
    // Words kept together go on one line as one piece when it fits a line; a piece wider than that, word by word.
    for (std::size_t w = 0; w < words.size();) {
      std::size_t last = w;
      while (last + 1 < words.size() && kept_together(words[last], words[last + 1])) ++last;
      std::string piece(words[w]);
      for (std::size_t k = w + 1; k <= last; ++k) (piece += ' ') += words[k];
      if (last == w || util::measured(piece, util::terminal_columns) > width) {
        for (std::size_t k = w; k <= last; ++k) breaker.add(words[k]);
      } else {
        breaker.add(piece);
      }
      w = last + 1;
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
