// The workbook writer for Excel, with libxlsxwriter: a sheet per table, cells typed by their column's kind.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/render/labels.hpp>
#include <hmicfrs/util/utf8.hpp>
#include "colour.hpp"
#include "font_widths.hpp"

namespace hmicfrs::render {
namespace {

constexpr double k_widest_column = 60;  // characters; longer text wraps

// Excel's measures of a sheet in its default font, Calibri 11: a column's width
// is in digits of 7 pixels, a line of text is 15 points high, and no row is
// higher than 409 points. Wrapped text is measured in the wider of the fonts
// LibreOffice shows in Calibri's place (font_widths.hpp), wider than Calibri
// itself, against the column as Excel draws it (LibreOffice draws it wider, in
// its own font's digits): a row is never too short for its lines in either.
constexpr double k_digit_pixels = 7;
constexpr double k_em_pixels = 11.0 * 96 / 72;  // 11 points at 96 pixels an inch
constexpr double k_cell_padding = 2;            // pixels: a column's width less the text a cell shows
constexpr double k_line_points = 15;
constexpr double k_tallest_row = 409;
constexpr std::size_t k_header_most = 255;  // characters, codes included, in a page header or footer

// A date as Excel holds it (a month or a year as its first day), with the display format that says as much of it
// as is known: "21 February 2022", "May 2019", "2015", as the paper's prose writes them.
std::pair<lxw_datetime, const char*> excel_date(const model::Date& date) {
  const model::Date first = date.first_day();
  const char* format = date.has_day() ? "d mmmm yyyy" : date.has_month() ? "mmmm yyyy" : "yyyy";
  return {lxw_datetime{first.year(), static_cast<int>(first.month()), static_cast<int>(first.day()), 0, 0, 0}, format};
}

// A whole number, or a share written "24%" (as 0.24), and whether it was a share.
std::optional<std::pair<double, bool>> number_of(std::string_view text) {
  const bool share = !text.empty() && text.back() == '%';
  if (share) text.remove_suffix(1);
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return std::pair{share ? static_cast<double>(value) / 100 : static_cast<double>(value), share};
}

// A call that libxlsxwriter refused (a sheet past Excel's million rows, memory it could not get): the
// workbook would miss what it was asked to hold.
void check(lxw_error error) {
  if (error != LXW_NO_ERROR) {
    throw std::ios_base::failure(std::string("cannot write the workbook: ") + lxw_strerror(error));
  }
}

// What libxlsxwriter made, which it returns as a null pointer when it cannot.
template <class T>
T* made(T* made, std::string_view what) {
  if (made == nullptr) throw std::ios_base::failure(fmt::format("cannot write the workbook: cannot add {}", what));
  return made;
}

// The lines `text` takes wrapped in a column `width` digits wide, as a
// spreadsheet wraps it: at spaces, a word wider than the column broken between
// characters, and at each line break the text holds.
std::size_t wrapped_lines(std::string_view text, double width, bool bold) {
  const auto advance = [bold](char32_t code) { return static_cast<std::size_t>(font_advance(code, bold)); };
  // In 1/2048 em, as font_advance measures.
  const auto room =
      static_cast<std::size_t>(std::max(1.0, width * k_digit_pixels - k_cell_padding) * 2048 / k_em_pixels);
  const std::size_t space = font_advance(' ', bold);
  std::size_t lines = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view paragraph = text.substr(start, end - start);
    ++lines;
    std::size_t used = 0;  // of the line being filled
    for (std::size_t at = 0; at <= paragraph.size();) {
      const std::size_t word_end = std::min(paragraph.find(' ', at), paragraph.size());
      std::string_view word = paragraph.substr(at, word_end - at);
      std::size_t wide = util::measured(word, advance);
      if (used > 0 && used + space + wide <= room) {
        used += space + wide;
      } else {
        if (used > 0) ++lines;
        // A word wider than the column fills lines of its own, broken between characters.
        while (wide > room) {
          const std::size_t cut = std::max<std::size_t>(1, util::fitting_prefix(word, room, advance));
          wide -= util::measured(word.substr(0, cut), advance);
          word.remove_prefix(cut);
          ++lines;
        }
        used = wide;
      }
      at = word_end + 1;
    }
    start = end + 1;
  }
  return lines;
}

// Text for a section of a page header or footer, where '&' starts one of
// Excel's codes: each '&' doubled, and cut between characters, ending "…", to
// at most `budget` characters (counted as UTF-16 units, never fewer than
// libxlsxwriter counts).
std::string header_text(std::string_view text, std::size_t budget) {
  const auto units = [](char32_t code) { return code == '&' ? std::size_t{2} : util::utf16_units(code); };
  std::string_view kept = text;
  std::string_view ellipsis;
  if (util::measured(text, units) > budget) {
    kept = text.substr(0, util::fitting_prefix(text, budget == 0 ? 0 : budget - 1, units));
    ellipsis = "\u2026";
  }
  std::string out;
  for (const char c : kept) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out + std::string(ellipsis);
}

// The page header and footer of every sheet: the title at the top left, "Page N of M" at the foot's centre, and
// the marking at the right of both; within Excel's 255 characters, the marking kept whole before the title.
std::pair<std::string, std::string> header_and_footer(const PrintedPage& page) {
  constexpr std::string_view k_pages = "&CPage &P of &N";
  const std::string marking =
      page.marking.empty() ? "" : "&R" + header_text(page.marking, k_header_most - k_pages.size() - 2);
  std::string header = "&L" + header_text(page.title, k_header_most - 2 - util::measured(marking, util::utf16_units));
  return {header + marking, std::string(k_pages) + marking};
}

// Whether the underscore at `at` starts what a reader of a workbook takes for
// the escape of a character: "_x" (or "_X"), one to four hex digits and "_".
// Excel reads four digits; LibreOffice fewer too.
bool starts_escape(std::string_view text, std::size_t at) {
  if (at + 3 >= text.size() || (text[at + 1] != 'x' && text[at + 1] != 'X')) return false;
  std::size_t digits = 0;
  while (digits < 4 && at + 2 + digits < text.size() &&
         std::isxdigit(static_cast<unsigned char>(text[at + 2 + digits])) != 0) {
    ++digits;
  }
  return digits > 0 && at + 2 + digits < text.size() && text[at + 2 + digits] == '_';
}

// Text for a cell, as Excel reads it back: an underscore that starts what
// reads as an escape is itself written escaped ("_x005F_"). A cell holds at
// most 32,767 characters, which Excel counts in UTF-16 units of the text and
// libxlsxwriter in characters of what it is given, so longer text is cut
// between characters, where neither count passes the limit, and says so.
std::string cell_text(std::string_view text) {
  constexpr std::size_t k_most = 32'767;
  constexpr std::string_view k_cut = " [... cut: an Excel cell holds at most 32,767 characters]";
  constexpr std::string_view k_underscore = "_x005F_";
  // The text escaped up to `budget` in both counts; whether all of it fitted.
  const auto escaped = [&](std::size_t budget, std::string& out) {
    std::size_t units = 0, written = 0;
    for (std::size_t at = 0; at < text.size();) {
      const util::Character character = util::character_at(text, at);
      const bool escape = text[at] == '_' && starts_escape(text, at);
      const std::size_t width = escape ? k_underscore.size() : 1;
      if (units + util::utf16_units(character.code) > budget || written + width > budget) return false;
      units += util::utf16_units(character.code);
      written += width;
      out += escape ? k_underscore : text.substr(at, character.length);
      at += character.length;
    }
    return true;
  };
  std::string out;
  if (escaped(k_most, out)) return out;
  out.clear();
  escaped(k_most - k_cut.size(), out);
  return out + std::string(k_cut);
}

// "#rrggbb" as libxlsxwriter's colour.
lxw_color_t colour_of(std::string_view hex) {
  const Rgb rgb = rgb_of(hex);
  return (static_cast<lxw_color_t>(rgb.r) << 16) | (static_cast<lxw_color_t>(rgb.g) << 8) |
         static_cast<lxw_color_t>(rgb.b);
}

// A character as Excel compares sheet names, ignoring case: the upper and lower
// case of the Latin, Greek and Cyrillic alphabets fold together.
char32_t folded(char32_t code) {
  if (code >= 'A' && code <= 'Z') return code + 32;
  if (code >= 0xC0 && code <= 0xDE && code != 0xD7) return code + 32;
  if (code == 0x178) return 0xFF;
  if (code >= 0x100 && code <= 0x17F && code != 0x130 && code != 0x131 && code != 0x138 && code != 0x149) {
    const bool odd_pairs = (code >= 0x139 && code <= 0x148) || (code >= 0x179 && code <= 0x17E);
    return (code % 2 == (odd_pairs ? 1 : 0)) ? code + 1 : code;
  }
  if (code >= 0x391 && code <= 0x3AB && code != 0x3A2) return code + 32;
  if (code >= 0x410 && code <= 0x42F) return code + 32;
  if (code >= 0x400 && code <= 0x40F) return code + 80;
  return code;
}

std::u32string folded_name(std::string_view name) {
  std::u32string out;
  for (std::size_t at = 0; at < name.size();) {
    const util::Character character = util::character_at(name, at);
    out += folded(character.code);
    at += character.length;
  }
  return out;
}

// `name` cut between characters to at most `units` UTF-16 units, ending with
// neither an apostrophe (Excel refuses a name that does) nor a space.
std::string within(std::string_view name, std::size_t units) {
  name = name.substr(0, util::fitting_prefix(name, units, util::utf16_units));
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.remove_suffix(1);
  return std::string(name);
}

// A sheet name Excel accepts: none of []:*?/\, no apostrophe first or last, at
// most 31 UTF-16 units, unique in the workbook ignoring case, and never
// "History", which Excel keeps for itself.
std::string sheet_name(std::string_view wanted, std::set<std::u32string>& taken) {
  constexpr std::size_t k_most = 31;
  std::string cleaned;
  for (const char c : wanted) cleaned += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
  const std::size_t first = cleaned.find_first_not_of("' ");
  cleaned.erase(0, std::min(first, cleaned.size()));
  std::string base = within(cleaned, k_most);
  if (base.empty()) base = "Sheet";
  std::string name = base;
  for (int n = 2; folded_name(name) == U"history" || taken.count(folded_name(name)) != 0; ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    name = within(base, k_most - suffix.size()) + suffix;
  }
  taken.insert(folded_name(name));
  return name;
}

// The formats of a workbook, made once each: by number format, fill and wrapping.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : m_workbook(workbook) {}

  lxw_format* header() {
    if (m_header == nullptr) {
      m_header = made(workbook_add_format(m_workbook), "a cell format");
      format_set_bold(m_header);
      format_set_bg_color(m_header, 0xE8E8E8);
      format_set_border(m_header, LXW_BORDER_THIN);
      format_set_text_wrap(m_header);
      format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
    }
    return m_header;
  }

  // A cell's format; `locked` false for a cell the reader fills in on a protected sheet.
  lxw_format* cell(const std::string& number_format, const std::string& fill, bool wraps, bool bold = false,
                   bool locked = true) {
    auto& format = m_cells[{number_format, fill, wraps, bold, locked}];
    if (format == nullptr) {
      format = made(workbook_add_format(m_workbook), "a cell format");
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
      if (bold) format_set_bold(format);
      if (!number_format.empty()) format_set_num_format(format, number_format.c_str());
      if (!fill.empty()) {
        format_set_bg_color(format, colour_of(fill));
        format_set_font_color(format, colour_of(text_colour_on(fill)));
      }
      if (wraps) format_set_text_wrap(format);
      if (!locked) {
        format_set_unlocked(format);
        // A cell to fill in shows as one: a pale yellow, as forms mark theirs, light in grey too.
        if (fill.empty()) format_set_bg_color(format, 0xFFF7D6);
      }
    }
    return format;
  }

 private:
  lxw_workbook* m_workbook;
  lxw_format* m_header = nullptr;
  std::map<std::tuple<std::string, std::string, bool, bool, bool>, lxw_format*> m_cells;
};

// What a cell shows: a date in words, as its format shows it ("as at 8 June 2017"), else its text.
std::string shown_text(const Cell& cell, const Column& column) {
  if (column.kind == CellKind::date && cell.date) return (cell.as_at ? "as at " : "") + in_words(*cell.date);
  return cell.text;
}

// Each sheet printed landscape on A4, one page wide and as many long as it takes, its header row on every page,
// under the page's header and over its footer.
void set_up_pages(lxw_worksheet* sheet, const std::pair<std::string, std::string>& header_footer) {
  constexpr std::uint8_t k_a4 = 9;
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, k_a4);
  worksheet_fit_to_pages(sheet, 1, 0);
  check(worksheet_repeat_rows(sheet, 0, 0));
  check(worksheet_set_header(sheet, header_footer.first.c_str()));
  check(worksheet_set_footer(sheet, header_footer.second.c_str()));
}

// The hidden sheet of drop-down lists too long for a cell's own validation, which Excel holds to 255 characters
// with no comma in a word: a column a list, each read through a range.
class Lists {
 public:
  explicit Lists(std::string name) : m_name(std::move(name)) {}

  // The validation offering `choices`: inline when it can be, else from a range of this sheet.
  void offer(lxw_data_validation& validation, const std::vector<std::string>& choices,
             std::vector<const char*>& inline_choices, std::string& formula) {
    std::size_t units = choices.empty() ? 0 : choices.size() - 1;  // the commas
    bool plain = true;
    for (const std::string& choice : choices) {
      units += util::measured(choice, util::utf16_units);
      plain = plain && choice.find_first_of(",\"") == std::string::npos;
    }
    if (plain && units <= 255) {
      for (const std::string& choice : choices) inline_choices.push_back(choice.c_str());
      inline_choices.push_back(nullptr);
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = const_cast<char**>(inline_choices.data());
      return;
    }
    const std::size_t column = m_lists.size();
    m_lists.push_back(choices);
    const std::string letters = column_letters(column);
    formula = fmt::format("='{}'!${}$1:${}${}", m_name, letters, letters, std::max<std::size_t>(1, choices.size()));
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = formula.data();
  }

  // The sheet, hidden, when any list needed it.
  void write(lxw_workbook* workbook) const {
    if (m_lists.empty()) return;
    lxw_worksheet* sheet = made(workbook_add_worksheet(workbook, m_name.c_str()), "the sheet of lists");
    for (std::size_t c = 0; c < m_lists.size(); ++c) {
      for (std::size_t r = 0; r < m_lists[c].size(); ++r) {
        check(worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                     cell_text(m_lists[c][r]).c_str(), nullptr));
      }
    }
    worksheet_hide(sheet);
  }

 private:
  // "A" for 0, "Z" for 25, "AA" for 26.
  static std::string column_letters(std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
  }

  std::string m_name;
  std::vector<std::vector<std::string>> m_lists;
};

// A column's cells filled in by the reader: its drop-down list, or dates only in a date column.
void validate_fill_in(lxw_worksheet* sheet, const Column& column, lxw_col_t c, lxw_row_t last_row, Lists& lists) {
  lxw_data_validation validation{};
  std::vector<const char*> inline_choices;
  std::string formula;
  std::string message;
  if (!column.choices.empty()) {
    lists.offer(validation, column.choices, inline_choices, formula);
    message = "Choose from the list, or leave the cell empty.";
  } else if (column.kind == CellKind::date) {
    validation.validate = LXW_VALIDATION_TYPE_DATE;
    validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    validation.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
    validation.maximum_datetime = lxw_datetime{2099, 12, 31, 0, 0, 0};
    message = "Type a date, as 21/03/2022, or leave the cell empty.";
  } else {
    return;
  }
  validation.ignore_blank = LXW_VALIDATION_ON;
  validation.error_title = const_cast<char*>("Not a value this column takes");
  validation.error_message = message.data();
  check(worksheet_data_validation_range(sheet, 1, c, last_row, c, &validation));
}

void write_sheet(lxw_worksheet* sheet, const Table& table, Formats& formats, Lists& lists) {
  const auto columns = static_cast<lxw_col_t>(table.columns.size());
  const std::size_t first_total = table.rows.size() - std::min(table.totals, table.rows.size());
  std::vector<double> widths(table.columns.size(), 6);
  const auto measure = [&](std::size_t c, std::string_view text) {
    widths[c] = std::min(k_widest_column, std::max(widths[c], static_cast<double>(display_width(text)) + 2));
  };
  for (lxw_col_t c = 0; c < columns; ++c) {
    check(worksheet_write_string(sheet, 0, c, cell_text(table.columns[c].header).c_str(), formats.header()));
    measure(c, table.columns[c].header);
  }
  bool fill_in = false;
  for (lxw_col_t c = 0; c < columns; ++c) {
    const Column& column = table.columns[c];
    if (!column.fill_in) continue;
    fill_in = true;
    // Room to write in: a note's column wide, a date's or a word's as wide as it shows.
    std::size_t widest_choice = 0;
    for (const std::string& choice : column.choices) widest_choice = std::max(widest_choice, display_width(choice));
    const double room = column.wraps ? k_widest_column : column.kind == CellKind::date ? 18 : widest_choice + 4.0;
    widths[c] = std::max(widths[c], room);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    // A totals row is bold.
    const bool bold = r >= first_total;
    for (lxw_col_t c = 0; c < columns; ++c) {
      const Column& column = table.columns[c];
      static const Cell k_empty;
      const Cell& cell = c < table.rows[r].size() ? table.rows[r][c] : k_empty;
      // The reader's cells, unlocked, empty ones too, a date's showing a date once typed.
      const bool locked = !column.fill_in || bold;
      // A rating's colour in full, as in the papers, so that ratings stay apart printed in grey.
      const std::string& fill = cell.colour;
      measure(c, shown_text(cell, column));
      if (cell.text.empty()) {
        if (!locked) {
          const std::string format = column.kind == CellKind::date ? "d mmmm yyyy" : "";
          check(worksheet_write_blank(sheet, row, c, formats.cell(format, fill, column.wraps, bold, false)));
        } else if (!fill.empty() || bold) {
          check(worksheet_write_blank(sheet, row, c, formats.cell("", fill, false, bold)));
        }
        continue;
      }
      if (column.kind == CellKind::date && cell.date) {
        auto [datetime, format] = excel_date(*cell.date);
        // A date a state was known by shows as such, and stays a date to sort and filter by.
        const std::string shown = cell.as_at ? "\"as at \"" + std::string(format) : std::string(format);
        check(worksheet_write_datetime(sheet, row, c, &datetime, formats.cell(shown, fill, false, bold, locked)));
        continue;
      }
      if (column.kind == CellKind::number) {
        if (const auto number = number_of(cell.text)) {
          check(worksheet_write_number(sheet, row, c, number->first,
                                       formats.cell(number->second ? "0%" : "0", fill, false, bold, locked)));
          continue;
        }
      }
      check(worksheet_write_string(sheet, row, c, cell_text(cell.text).c_str(),
                                   formats.cell("", fill, column.wraps, bold, locked)));
    }
  }
  for (lxw_col_t c = 0; c < columns; ++c) check(worksheet_set_column(sheet, c, c, widths[c], nullptr));
  // Each row as tall as its most wrapped cell, so that no line is hidden or drawn over the next row: neither
  // Excel nor LibreOffice sizes a row to its wrapped text on opening a file.
  const auto set_height = [&](lxw_row_t row, std::size_t lines) {
    if (lines > 1) check(worksheet_set_row(sheet, row, std::min(k_tallest_row, k_line_points * lines), nullptr));
  };
  std::size_t header_lines = 1;
  for (lxw_col_t c = 0; c < columns; ++c) {
    header_lines = std::max(header_lines, wrapped_lines(table.columns[c].header, widths[c], true));
  }
  set_height(0, header_lines);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::size_t lines = 1;
    for (lxw_col_t c = 0; c < columns && c < table.rows[r].size(); ++c) {
      const Cell& cell = table.rows[r][c];
      const Column& column = table.columns[c];
      if (!column.wraps || cell.text.empty() || column.kind != CellKind::text) continue;
      lines = std::max(lines, wrapped_lines(cell.text, widths[c], r >= first_total));
    }
    set_height(static_cast<lxw_row_t>(r + 1), lines);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (columns > 0) {
    // The header and the data rows: a totals row stays in view whatever the filter hides.
    check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(first_total), static_cast<lxw_col_t>(columns - 1)));
  }
  if (fill_in) {
    if (first_total > 0) {
      for (lxw_col_t c = 0; c < columns; ++c) {
        if (table.columns[c].fill_in) {
          validate_fill_in(sheet, table.columns[c], c, static_cast<lxw_row_t>(first_total), lists);
        }
      }
    }
    // Locked, the rest cannot be changed by mistake; no password, since nothing in it is secret. The reader may
    // still filter, and widen and heighten columns and rows.
    lxw_protection protection{};
    protection.format_columns = LXW_TRUE;
    protection.format_rows = LXW_TRUE;
    protection.autofilter = LXW_TRUE;
    worksheet_protect(sheet, nullptr, &protection);
  }
}

}  // namespace

void write_xlsx(std::ostream& out, const std::vector<Sheet>& sheets, const PrintedPage& page) {
  // libxlsxwriter writes to a named file: a private temporary one, read back and removed.
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string directory = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  std::string path = directory + "/hmicfrs-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    // The failure's text ends with the system's reason: "...: Permission denied".
    throw std::ios_base::failure(
        fmt::format("an Excel workbook is written through a temporary file, and none can be made in {} (set TMPDIR "
                    "to a directory you can write to)",
                    directory),
        std::error_code(errno, std::generic_category()));
  }
  ::close(fd);
  const auto remove =
      std::unique_ptr<const char, void (*)(const char*)>(path.c_str(), [](const char* p) { std::remove(p); });

  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  // Until it is closed, which frees it, the workbook is freed when a call fails.
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> workbook(
      made(workbook_new_opt(path.c_str(), &options), "its first part"), lxw_workbook_free);
  // A fixed creation date, so that the same tables give the same workbook.
  lxw_doc_properties properties{};
  properties.created = 315532800;  // 1980-01-01, the earliest date a zip entry can carry
  check(workbook_set_properties(workbook.get(), &properties));
  Formats formats(workbook.get());
  const auto header_footer = header_and_footer(page);
  std::set<std::u32string> taken;
  std::vector<std::string> names;
  for (const Sheet& sheet : sheets) names.push_back(sheet_name(sheet.name, taken));
  Lists lists(sheet_name("Lists", taken));
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    lxw_worksheet* worksheet =
        made(workbook_add_worksheet(workbook.get(), names[s].c_str()), fmt::format("the sheet '{}'", names[s]));
    write_sheet(worksheet, sheets[s].table, formats, lists);
    set_up_pages(worksheet, header_footer);
    if (sheets[s].hidden) worksheet_hide(worksheet);
  }
  lists.write(workbook.get());
  check(workbook_close(workbook.release()));
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad() || bytes.empty()) throw std::ios_base::failure("cannot read back the workbook from " + path);
  }
  // Gone before the bytes are written: writing may block on a pipe, or end the process.
  std::remove(path.c_str());
  out << bytes;
}

}  // namespace hmicfrs::render
