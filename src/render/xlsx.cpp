// The workbook writer for Excel, with libxlsxwriter: a sheet per table, cells typed by their column's kind.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>

#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/utf8.hpp>
#include "colour.hpp"

namespace hmicfrs::render {
namespace {

constexpr double k_widest_column = 60;  // characters; longer text wraps

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

  lxw_format* cell(const std::string& number_format, const std::string& fill, bool wraps) {
    auto& format = m_cells[{number_format, fill, wraps}];
    if (format == nullptr) {
      format = made(workbook_add_format(m_workbook), "a cell format");
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
      if (!number_format.empty()) format_set_num_format(format, number_format.c_str());
      if (!fill.empty()) {
        format_set_bg_color(format, colour_of(fill));
        format_set_font_color(format, colour_of(text_colour_on(fill)));
      }
      if (wraps) format_set_text_wrap(format);
    }
    return format;
  }

 private:
  lxw_workbook* m_workbook;
  lxw_format* m_header = nullptr;
  std::map<std::tuple<std::string, std::string, bool>, lxw_format*> m_cells;
};

void write_sheet(lxw_worksheet* sheet, const Table& table, Formats& formats) {
  const auto columns = static_cast<lxw_col_t>(table.columns.size());
  std::vector<double> widths(table.columns.size(), 6);
  const auto measure = [&](std::size_t c, std::string_view text) {
    widths[c] = std::min(k_widest_column, std::max(widths[c], static_cast<double>(display_width(text)) + 2));
  };
  for (lxw_col_t c = 0; c < columns; ++c) {
    check(worksheet_write_string(sheet, 0, c, cell_text(table.columns[c].header).c_str(), formats.header()));
    measure(c, table.columns[c].header);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (lxw_col_t c = 0; c < columns && c < table.rows[r].size(); ++c) {
      const Cell& cell = table.rows[r][c];
      const Column& column = table.columns[c];
      // A rating's colour in full, as in the papers, so that ratings stay apart printed in grey.
      const std::string& fill = cell.colour;
      measure(c, cell.text);
      if (cell.text.empty()) {
        if (!fill.empty()) check(worksheet_write_blank(sheet, row, c, formats.cell("", fill, false)));
        continue;
      }
      if (column.kind == CellKind::date && cell.date) {
        auto [datetime, format] = excel_date(*cell.date);
        // A date a state was known by shows as such, and stays a date to sort and filter by.
        const std::string shown = cell.as_at ? "\"as at \"" + std::string(format) : std::string(format);
        check(worksheet_write_datetime(sheet, row, c, &datetime, formats.cell(shown, fill, false)));
        continue;
      }
      if (column.kind == CellKind::number) {
        if (const auto number = number_of(cell.text)) {
          check(worksheet_write_number(sheet, row, c, number->first,
                                       formats.cell(number->second ? "0%" : "0", fill, false)));
          continue;
        }
      }
      check(worksheet_write_string(sheet, row, c, cell_text(cell.text).c_str(), formats.cell("", fill, column.wraps)));
    }
  }
  for (lxw_col_t c = 0; c < columns; ++c) check(worksheet_set_column(sheet, c, c, widths[c], nullptr));
  worksheet_freeze_panes(sheet, 1, 0);
  if (columns > 0) {
    check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                               static_cast<lxw_col_t>(columns - 1)));
  }
}

}  // namespace

void write_xlsx(std::ostream& out, const std::vector<Sheet>& sheets) {
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
  std::set<std::u32string> taken;
  for (const Sheet& sheet : sheets) {
    const std::string name = sheet_name(sheet.name, taken);
    write_sheet(made(workbook_add_worksheet(workbook.get(), name.c_str()), fmt::format("the sheet '{}'", name)),
                sheet.table, formats);
  }
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
