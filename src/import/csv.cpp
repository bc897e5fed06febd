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

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

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
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string converted;
  // Windows-1252 only when no character of the file reads as UTF-8: a file of both is UTF-8 with a stray byte,
  // reported where it is rather than turning every other character into two.
  const bool stray_bytes = !is_utf8(bytes) && holds_utf8_sequence(bytes);
  // Where the first stray byte is, and the cell it falls in once the rows are read.
  std::size_t stray = std::string_view::npos;
  if (stray_bytes) {
    for (stray = 0; static_cast<unsigned char>(bytes[stray]) < 0x80 || util::utf8_sequence_length(bytes, stray) != 0;) {
      stray += std::max<std::size_t>(1, util::utf8_sequence_length(bytes, stray));
    }
  }
  std::optional<std::pair<int, int>> stray_cell;
  if (!is_utf8(bytes) && !stray_bytes) {
    std::size_t undefined = 0;
    converted = from_cp1252(bytes, undefined);
    bytes = converted;
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
  }
  const char separator = separator_of(bytes);

  int row = 1, column = 1;
  Row current{1, {}};
  std::string cell;
  bool quoted_cell = false;
  // A cell costs far more than its bytes: a file of one-character cells is bounded by their number.
  constexpr std::size_t k_cells_limit = 1'000'000;
  std::size_t cells = 0;
  bool too_many = false;
  const auto end_cell = [&] {
    if (!cell.empty() && ++cells > k_cells_limit && !too_many) {
      too_many = true;
      diagnostics.error(table.at(row, column),
                        fmt::format("{}: the file holds more than 1,000,000 cells, more than any tracker: is it the "
                                    "right file?",
                                    cell_name(row, column)),
                        Code::limit_exceeded);
    }
    if (!cell.empty() && !too_many) current.cells.push_back(Cell{column, std::move(cell), std::nullopt, false, false});
    cell.clear();
    quoted_cell = false;
    ++column;
  };
  const auto end_row = [&] {
    end_cell();
    if (!current.cells.empty()) table.rows.push_back(std::move(current));
    current = Row{++row, {}};
    column = 1;
  };
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (i == stray) stray_cell = {row, column};
    const char c = bytes[i];
    if (c == '"' && cell.empty() && !quoted_cell) {
      // A quoted cell: up to the quote not doubled; line breaks are part of it.
      const int opened_row = row, opened_column = column;
      quoted_cell = true;
      ++i;
      bool closed = false;
      while (i < bytes.size()) {
        if (i == stray) stray_cell = {opened_row, opened_column};
        if (bytes[i] == '"') {
          if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        cell += bytes[i++];
      }
      if (!closed) {
        diagnostics.error(table.at(opened_row, opened_column),
                          fmt::format("{}: the quote that opens this cell is never closed, so the rest of the file "
                                      "would be one cell: close it, or double a quote meant as text (\"\")",
                                      cell_name(opened_row, opened_column)),
                          Code::spreadsheet_format);
        table.rows.clear();
        return table;
      }
      continue;  // text after the closing quote, if any, is kept as written
    }
    if (c == separator) {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      end_row();
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      cell += c;
    }
    ++i;
  }
  end_row();
  if (too_many) {
    table.rows.clear();
    return table;
  }
  if (stray_cell) {
    const auto [stray_row, stray_column] = *stray_cell;
    diagnostics.error(table.at(stray_row, stray_column),
                      fmt::format("{}: holds the byte 0x{:02X}, which is not UTF-8, in a file that is otherwise UTF-8: "
                                  "correct it, and save the file again as \"CSV UTF-8 (comma delimited)\"",
                                  cell_name(stray_row, stray_column), static_cast<unsigned char>(bytes[stray])),
                      Code::encoding);
    table.rows.clear();
  }
  return table;
}

}  // namespace hmicfrs::import
