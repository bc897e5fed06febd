#pragma once

// What the edits of a register's file share: the file's bytes as lines, its YAML tree parsed, and trees compared.
// Private to edit/.

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/load/yaml_tree.hpp>

namespace hmicfrs::edit::file_text {

using load::Node;

inline constexpr std::size_t npos = std::string_view::npos;
inline constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// The bytes of a file as lines: where each starts and ends, how far it is indented, what ends it.
class Lines {
 public:
  explicit Lines(std::string_view bytes) : m_bytes(bytes) {}

  // The first byte of the line holding `offset` (after a byte order mark on the first line).
  std::size_t start(std::size_t offset) const {
    const std::size_t newline = offset == 0 ? npos : m_bytes.rfind('\n', offset - 1);
    if (newline != npos) return newline + 1;
    return m_bytes.starts_with(k_bom) ? k_bom.size() : 0;
  }
  // Where the line holding `offset` ends: its line break's first byte, or the end of the file.
  std::size_t end(std::size_t offset) const {
    const std::size_t newline = m_bytes.find('\n', offset);
    if (newline == npos) return m_bytes.size();
    return newline > 0 && m_bytes[newline - 1] == '\r' ? newline - 1 : newline;
  }
  // The first byte of the line after the one holding `offset`; the end of the file when there is none.
  std::size_t next(std::size_t offset) const {
    const std::size_t newline = m_bytes.find('\n', offset);
    return newline == npos ? m_bytes.size() : newline + 1;
  }
  // The column (from 0) of `offset` in its line, in bytes: the same as characters in an indentation.
  int column(std::size_t offset) const { return static_cast<int>(offset - start(offset)); }
  // The spaces that begin the line starting at `line`.
  int indent(std::size_t line) const {
    std::size_t at = line;
    while (at < m_bytes.size() && m_bytes[at] == ' ') ++at;
    return static_cast<int>(at - line);
  }
  bool blank(std::size_t line) const {
    for (std::size_t at = line; at < m_bytes.size() && m_bytes[at] != '\n'; ++at) {
      if (m_bytes[at] != ' ' && m_bytes[at] != '\t' && m_bytes[at] != '\r') return false;
    }
    return true;
  }
  // The line break that follows a line's end ("\r\n", "\n"), else the file's first, else "\n".
  std::string_view newline(std::size_t line_end) const {
    if (line_end < m_bytes.size()) return m_bytes.substr(line_end, m_bytes[line_end] == '\r' ? 2 : 1);
    const std::size_t first = m_bytes.find('\n');
    if (first == npos) return "\n";
    return first > 0 && m_bytes[first - 1] == '\r' ? "\r\n" : "\n";
  }
  // The end of the last line, from the one holding `from` on, that belongs to a block node there: lines holding
  // only white space are passed over, and the first line indented less than `indent` ends the node, unless it is a
  // comment (which belongs to no node: one that is indented less is passed over, one indented as much is kept with
  // the node).
  std::size_t block_end(std::size_t from, int indent) const {
    std::size_t last = end(from);
    for (std::size_t line = next(from); line < m_bytes.size(); line = next(line)) {
      if (blank(line)) continue;
      const int spaces = this->indent(line);
      if (spaces < indent) {
        if (at(line + static_cast<std::size_t>(spaces)) == '#') continue;
        break;
      }
      last = end(line);
    }
    return last;
  }
  // The end of the blank lines that follow the line ending at `end`; `end` itself when none do.
  std::size_t after_blank_lines(std::size_t end) const {
    std::size_t last = end;
    for (std::size_t line = next(end); line < m_bytes.size() && blank(line); line = next(line)) last = this->end(line);
    return last;
  }
  char at(std::size_t offset) const { return offset < m_bytes.size() ? m_bytes[offset] : '\0'; }

 private:
  std::string_view m_bytes;
};

// Whether the key at `offset` ("history:", "findings:") is followed on its line by nothing but a comment.
bool nothing_after_key(std::string_view bytes, const Lines& lines, std::size_t offset);

// Parses a file's bytes; nothing when the parser finds any error, which `why` then says.
std::optional<Node> parsed(std::string_view bytes, std::string* why = nullptr);

// Whether two trees say the same: kinds, texts, keys and items, wherever they sit.
bool same(const Node& a, const Node& b);

// The "-" that begins a block list's item, found back from the item over white space (the item itself when there is
// none).
std::size_t dash_offset(std::string_view bytes, const Node& item);

}  // namespace hmicfrs::edit::file_text
