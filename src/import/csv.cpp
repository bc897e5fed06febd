#include <hmicfrs/import/csv.hpp>

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include <hmicfrs/util/text_rules.hpp>

#include "text.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

// Windows-1252's characters for 0x80 to 0x9F (0 where it has none); from 0xA0 it is Latin-1.
constexpr std::array<char16_t, 32> k_cp1252{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                            0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Bytes of Windows-1252 as UTF-8; the five bytes it leaves undefined become U+FFFD, and `undefined` counts them.
std::string from_cp1252(std::string_view bytes, std::size_t& undefined) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char byte : bytes) {
    const auto b = static_cast<unsigned char>(byte);
    if (b < 0x80) {
      out += byte;
    } else if (b < 0xA0) {
      const char16_t c = k_cp1252[b - 0x80];
      if (c == 0) ++undefined;
      append_utf8(out, c == 0 ? U'\uFFFD' : c);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

// The separator the first lines use most outside quotes: ',', ';' or tab.
char separator_of(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0, lines = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size() && lines < 20; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
    if (c == '\n') ++lines;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

// The file's text to cut into cells: without its byte order mark, converted from Windows-1252 (with a note)
// only when nothing of it reads as UTF-8; `converted` holds a conversion. `stray` is set to where the first
// byte that is not UTF-8 lies in a file that is otherwise UTF-8 (else npos), to be reported in its cell.
std::string_view decoded(std::string_view bytes, const Table& table, diag::Diagnostics& diagnostics,
                         std::string& converted, std::size_t& stray) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // Windows-1252 only when no character of the file reads as UTF-8: a file of both is UTF-8 with a stray byte,
  // reported where it is rather than turning every other character into two.
  const bool stray_bytes = !is_utf8(bytes) && holds_utf8_sequence(bytes);
  stray = std::string_view::npos;
  if (stray_bytes) {
    for (stray = 0; static_cast<unsigned char>(bytes[stray]) < 0x80 || util::utf8_sequence_length(bytes, stray) != 0;) {
      stray += std::max<std::size_t>(1, util::utf8_sequence_length(bytes, stray));
    }
  }
  if (is_utf8(bytes) || stray_bytes) return bytes;
  std::size_t undefined = 0;
  converted = from_cp1252(bytes, undefined);
  diagnostics.note(table.at(1, 1),
                   "the file is not UTF-8: it is read as Windows-1252, as Excel saves \"CSV (comma delimited)\"",
                   Code::encoding);
  if (undefined > 0) {
    diagnostics.error(table.at(1, 1),
                      fmt::format("{} byte{} of the file mean nothing in Windows-1252 (shown as \uFFFD): save it "
                                  "again as \"CSV UTF-8 (comma delimited)\"",
                                  undefined, undefined == 1 ? "" : "s"),
                      Code::encoding);
  }
  return converted;
}

// Cuts a file's text into the table's rows of cells, as a spreadsheet opening the file numbers them.
class CsvCutter {
 public:
  CsvCutter(Table& table, diag::Diagnostics& diagnostics, std::string_view text, std::size_t stray)
      : m_table(table), m_diagnostics(diagnostics), m_text(text), m_separator(separator_of(text)), m_stray(stray) {}

  // Cuts the whole text; false (reported) when a quote is never closed.
  bool cut() {
    std::size_t i = 0;
    while (i < m_text.size()) {
      if (i == m_stray) m_stray_cell = {m_row, m_column};
      const char c = m_text[i];
      if (c == '"' && m_cell.empty() && !m_quoted_cell) {
        if (!quoted_cell(i)) return false;
        continue;  // text after the closing quote, if any, is kept as written
      }
      if (c == m_separator) {
        end_cell();
      } else if (c == '\r' || c == '\n') {
        end_row();
        if (c == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n') ++i;
      } else {
        m_cell += c;
      }
      ++i;
    }
    end_row();
    return true;
  }

  // Whether the file holds more cells than any tracker (reported).
  bool too_many() const { return m_too_many; }
  // The cell that holds the stray byte, if any: (row, column).
  const std::optional<std::pair<int, int>>& stray_cell() const { return m_stray_cell; }

 private:
  // A cell costs far more than its bytes: a file of one-character cells is bounded by their number.
  static constexpr std::size_t k_cells_limit = 1'000'000;

  void end_cell() {
    if (!m_cell.empty() && ++m_cells > k_cells_limit && !m_too_many) {
      m_too_many = true;
      m_diagnostics.error(m_table.at(m_row, m_column),
                          fmt::format("{}: the file holds more than 1,000,000 cells, more than any tracker: is it "
                                      "the right file?",
                                      cell_name(m_row, m_column)),
                          Code::limit_exceeded);
    }
    if (!m_cell.empty() && !m_too_many) {
      m_current.cells.push_back(Cell{m_column, std::move(m_cell), std::nullopt, false, false, {}});
    }
    m_cell.clear();
    m_quoted_cell = false;
    ++m_column;
  }

  void end_row() {
    end_cell();
    if (!m_current.cells.empty()) m_table.rows.push_back(std::move(m_current));
    m_current = Row{++m_row, {}};
    m_column = 1;
  }

  // A quoted cell from the quote at `i`: up to the quote not doubled; line breaks are part of it. `i` ends past
  // the closing quote; false (reported) when there is none.
  bool quoted_cell(std::size_t& i) {
    const int opened_row = m_row, opened_column = m_column;
    m_quoted_cell = true;
    ++i;
    while (i < m_text.size()) {
      if (i == m_stray) m_stray_cell = {opened_row, opened_column};
      if (m_text[i] == '"') {
        if (i + 1 < m_text.size() && m_text[i + 1] == '"') {
          m_cell += '"';
          i += 2;
          continue;
        }
        ++i;
        return true;
      }
      m_cell += m_text[i++];
    }
    m_diagnostics.error(m_table.at(opened_row, opened_column),
                        fmt::format("{}: the quote that opens this cell is never closed, so the rest of the file "
                                    "would be one cell: close it, or double a quote meant as text (\"\")",
                                    cell_name(opened_row, opened_column)),
                        Code::spreadsheet_format);
    return false;
  }

  Table& m_table;
  diag::Diagnostics& m_diagnostics;
  const std::string_view m_text;
  const char m_separator;
  const std::size_t m_stray;
  int m_row = 1, m_column = 1;
  Row m_current{1, {}};
  std::string m_cell;
  bool m_quoted_cell = false;
  std::size_t m_cells = 0;
  bool m_too_many = false;
  std::optional<std::pair<int, int>> m_stray_cell;
};

}  // namespace

Table read_csv(std::string_view bytes, diag::SourceName source, diag::Diagnostics& diagnostics) {
  Table table;
  table.source = std::move(source);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    diagnostics.error(table.at(1, 1),
                      "the file is UTF-16 (\"Unicode text\"): save it again as \"CSV UTF-8 (comma delimited)\"",
                      Code::encoding);
    return table;
  }
  std::string converted;
  std::size_t stray = std::string_view::npos;
  const std::string_view text = decoded(bytes, table, diagnostics, converted, stray);
  CsvCutter cutter(table, diagnostics, text, stray);
  if (!cutter.cut() || cutter.too_many()) {
    table.rows.clear();
    return table;
  }
  if (const auto& stray_cell = cutter.stray_cell()) {
    const auto [stray_row, stray_column] = *stray_cell;
    diagnostics.error(table.at(stray_row, stray_column),
                      fmt::format("{}: holds the byte 0x{:02X}, which is not UTF-8, in a file that is otherwise UTF-8: "
                                  "correct it, and save the file again as \"CSV UTF-8 (comma delimited)\"",
                                  cell_name(stray_row, stray_column), static_cast<unsigned char>(text[stray])),
                      Code::encoding);
    table.rows.clear();
  }
  return table;
}

}  // namespace hmicfrs::import
