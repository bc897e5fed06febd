#include <hmicfrs/import/xlsx.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pugixml.hpp>

#include <hmicfrs/import/dates.hpp>
#include "text.hpp"
#include "workbook.hpp"

namespace hmicfrs::import {
namespace {

constexpr std::size_t k_sheets_limit = 256;  // sheets read to find the tracker

// Text with Excel's escapes read: "_xHHHH_" is the character U+HHHH (Excel writes a carriage return as
// "_x000D_"), and "_x005F_" an underscore, so that "_x005F_x000D_" is that text itself.
std::string unescaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 2),
                    text.begin() + static_cast<std::ptrdiff_t>(i + 6), hex)) {
      append_utf8(out, static_cast<char32_t>(std::stoul(std::string(text.substr(i + 2, 4)), nullptr, 16)));
      i += 6;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s, leaving out phonetic runs, Excel's
// escapes read.
std::string string_item(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (local(c) == "t") out += c.text().get();
    if (local(c) == "r") out += child(c, "t").text().get();
  }
  return out.find("_x") == std::string::npos ? out : unescaped(out);
}

// Whether a number format shows a date, and whether it shows the day.
struct DateFormat {
  bool date = false;
  bool day = false;
};

DateFormat date_format(int id, const std::map<int, std::string>& custom) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return {true, id != 17};
  const auto it = custom.find(id);
  if (it == custom.end()) return {};
  // Letters outside quotes, brackets and escapes: d and y mean a date ("[h]:mm" and "0.0" do not).
  bool quoted = false, bracket = false, has_d = false, has_y = false;
  const std::string& code = it->second;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == 'd' || c == 'D') has_d = true;
    if (c == 'y' || c == 'Y') has_y = true;
  }
  return {has_d || has_y, has_d};
}

// "B12" as a row and column; nothing when it is not a reference within the sheet's bounds.
std::optional<std::pair<int, int>> reference(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) ++i;
  const auto column = column_number(text.substr(0, i));
  if (!column || i == text.size() || i + 7 < text.size()) return std::nullopt;
  int row = 0;
  const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), row);
  if (ec != std::errc{} || end != text.data() + text.size() || row < 1 || row > k_last_row) return std::nullopt;
  return std::pair{row, *column};
}

// A number as the sheet shows it in General format: shortest, without ".0".
std::string number_text(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

struct Sheet {
  std::string name;
  std::string part;  // e.g. xl/worksheets/sheet1.xml
};

// What every sheet of a workbook shares: its sheets, shared strings and date styles.
struct Workbook {
  std::vector<Sheet> sheets;
  std::vector<std::string> shared;
  std::vector<DateFormat> styles;  // by cellXfs index
  bool base_1904 = false;
};

Workbook read_workbook(Archive& archive) {
  auto workbook_xml = archive.part("xl/workbook.xml");
  if (!workbook_xml) throw Unreadable("it has no xl/workbook.xml: is it an Excel workbook saved as .xlsx?");
  const XmlPart workbook(std::move(*workbook_xml), "xl/workbook.xml");
  const pugi::xml_node root = workbook.root();
  Workbook out;
  const std::string_view base = attribute(child(root, "workbookPr"), "date1904").value();
  out.base_1904 = base == "1" || base == "true";
  std::map<std::string, std::string> targets;  // relationship id -> part
  if (auto rels_xml = archive.part("xl/_rels/workbook.xml.rels")) {
    const XmlPart rels(std::move(*rels_xml), "xl/_rels/workbook.xml.rels");
    children(rels.root(), "Relationship", [&](const pugi::xml_node& rel) {
      const std::string target = attribute(rel, "Target").value();
      targets[attribute(rel, "Id").value()] = target.starts_with("/") ? target.substr(1) : "xl/" + target;
    });
  }
  children(child(root, "sheets"), "sheet", [&](const pugi::xml_node& sheet) {
    const auto part = targets.find(attribute(sheet, "id").value());
    if (part == targets.end())
      throw Unreadable(fmt::format("its sheet '{}' has no part", attribute(sheet, "name").value()));
    out.sheets.push_back({attribute(sheet, "name").value(), part->second});
  });
  if (out.sheets.empty()) throw Unreadable("it has no sheets");
  if (out.sheets.size() > k_sheets_limit) {
    throw Unreadable(fmt::format("it has more than {} sheets, more than any tracker", k_sheets_limit));
  }
  if (auto sst = archive.part("xl/sharedStrings.xml")) {
    const XmlPart document(std::move(*sst), "xl/sharedStrings.xml");
    children(document.root(), "si", [&](const pugi::xml_node& si) { out.shared.push_back(string_item(si)); });
  }
  if (auto styles_xml = archive.part("xl/styles.xml")) {
    const XmlPart document(std::move(*styles_xml), "xl/styles.xml");
    std::map<int, std::string> custom;
    children(child(document.root(), "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
      custom[attribute(f, "numFmtId").as_int(-1)] = attribute(f, "formatCode").value();
    });
    // Each format read once, however many styles use it.
    std::map<int, DateFormat> formats;
    children(child(document.root(), "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
      const int id = attribute(xf, "numFmtId").as_int(0);
      auto it = formats.find(id);
      if (it == formats.end()) it = formats.emplace(id, date_format(id, custom)).first;
      out.styles.push_back(it->second);
    });
  }
  return out;
}

// A numeric cell's value: its number, shown as a day (or a month) where its style formats it as a date.
void read_number(const pugi::xml_node& c, std::string_view digits, const Workbook& workbook, int row, Cell& cell) {
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size()) {
    throw Unreadable(fmt::format("cell {} holds '{}' as a number", cell_name(row, cell.column), digits));
  }
  cell.number = value;
  cell.text = number_text(value);
  const auto style = attribute(c, "s").as_uint(0);
  if (style < workbook.styles.size() && workbook.styles[style].date) {
    if (const auto date = excel_date(value, workbook.base_1904)) {
      cell.date = true;
      cell.month = !workbook.styles[style].day;
      cell.text = cell.month ? date->iso().substr(0, 7) : date->iso();
    }
  }
}

// A cell's value as the sheet shows it, by its type: a shared or inline string, a boolean, a formula's text or
// an error, else a number.
Cell read_cell(const pugi::xml_node& c, const Workbook& workbook, int row, int column) {
  const std::string_view type = attribute(c, "t").value();
  const pugi::xml_node v = child(c, "v");
  Cell cell{column, {}, std::nullopt, false, false, {}};
  if (type == "s") {
    const long long index = v.text().as_llong(-1);
    if (index < 0 || static_cast<std::size_t>(index) >= workbook.shared.size()) {
      throw Unreadable(fmt::format("cell {} names shared string {}, which the workbook does not have",
                                   cell_name(row, column), v.text().get()));
    }
    cell.text = workbook.shared[static_cast<std::size_t>(index)];
  } else if (type == "inlineStr") {
    cell.text = string_item(child(c, "is"));
  } else if (type == "b") {
    cell.text = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
  } else if (type == "str" || type == "e" || type == "d") {
    cell.text = v.text().get();
  } else if (const std::string_view digits = v.text().get(); !digits.empty()) {
    read_number(c, digits, workbook, row, cell);
  }
  return cell;
}

// A formula whose value was never saved: no value at all, or an empty one where the value would be a number
// (Excel saves a formula's empty text as an empty string value, t="str").
bool unsaved_formula(const pugi::xml_node& c) {
  if (!child(c, "f")) return false;
  const pugi::xml_node v = child(c, "v");
  const std::string_view type = attribute(c, "t").value();
  return !v || ((type.empty() || type == "n") && std::string_view(v.text().get()).empty());
}

// A row's cells, each at the column its reference gives (else the next), their text added to `text`, which
// is bounded; formulas with no saved value added to `unsaved`.
Row read_sheet_row(const pugi::xml_node& row_node, int row_number, const Workbook& workbook, const Sheet& sheet,
                   std::size_t& text, std::vector<std::pair<int, int>>& unsaved) {
  Row row{row_number, {}};
  int column = 0;
  children(row_node, "c", [&](const pugi::xml_node& c) {
    const std::string_view ref = attribute(c, "r").value();
    if (!ref.empty()) {
      const auto at = reference(ref);
      if (!at || at->first != row_number || at->second <= column) {
        throw Unreadable(
            fmt::format("its sheet '{}' has a cell '{}' out of place in row {}", sheet.name, ref, row_number));
      }
      column = at->second;
    } else if (++column > k_last_column) {
      throw Unreadable("its sheet has more columns than Excel allows");
    }
    Cell cell = read_cell(c, workbook, row_number, column);
    if (const pugi::xml_node f = child(c, "f")) cell.formula = f.text().get();
    if (unsaved_formula(c)) unsaved.emplace_back(row_number, column);
    text += cell.text.size() + cell.formula.size();
    if (text > k_sheet_text_limit) {
      throw Unreadable(
          fmt::format("its sheet '{}' holds more than {} MiB of text by row {}, more than any "
                      "tracker: is it the right file?",
                      sheet.name, k_sheet_text_limit >> 20, row_number));
    }
    if (!cell.text.empty()) row.cells.push_back(std::move(cell));
  });
  return row;
}

// The sheet's merged ranges ("A1:C1").
std::vector<MergedRange> merged_ranges(const pugi::xml_node& worksheet, const Sheet& sheet) {
  std::vector<MergedRange> ranges;
  children(child(worksheet, "mergeCells"), "mergeCell", [&](const pugi::xml_node& m) {
    const std::string_view ref = attribute(m, "ref").value();
    const auto colon = ref.find(':');
    const auto first = reference(ref.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : reference(ref.substr(colon + 1));
    if (!first || !last || last->first < first->first || last->second < first->second) {
      throw Unreadable(fmt::format("its sheet '{}' merges '{}', which is not a range", sheet.name, ref));
    }
    ranges.push_back(MergedRange{*first, *last});
  });
  return ranges;
}

// One sheet's rows, merged ranges filled.
Table read_sheet(Archive& archive, const Workbook& workbook, const Sheet& sheet, const std::string& path) {
  Table table;
  table.sheet = sheet.name;
  table.source = diag::source_name(fmt::format("{}[{}]", path, sheet.name));
  auto sheet_xml = archive.part(sheet.part);
  if (!sheet_xml) throw Unreadable(fmt::format("its sheet '{}' is missing ({})", sheet.name, sheet.part));
  const XmlPart document(std::move(*sheet_xml), sheet.part);
  const pugi::xml_node worksheet = document.root();
  int row_number = 0;
  std::size_t text = 0;  // what the cells hold: one shared string may be given to any number of them
  children(child(worksheet, "sheetData"), "row", [&](const pugi::xml_node& row_node) {
    const int given = attribute(row_node, "r").as_int(0);
    if (given != 0 && (given <= row_number || given > k_last_row)) {
      throw Unreadable(fmt::format("its sheet '{}' numbers a row {} after row {}", sheet.name, given, row_number));
    }
    row_number = given != 0 ? given : row_number + 1;
    if (row_number > k_last_row) throw Unreadable("its sheet has more rows than Excel allows");
    Row row = read_sheet_row(row_node, row_number, workbook, sheet, text, table.unsaved_formulas);
    if (!row.cells.empty()) table.rows.push_back(std::move(row));
  });
  fill_merged(table, merged_ranges(worksheet, sheet), text);
  return table;
}

// One note for the cells whose formulas have no saved value: read as empty, which only a spreadsheet program
// can put right. The cells are named as runs down each column ("J6:J9, J11:J13"), the first few.
void note_unsaved_formulas(Table& table, diag::Diagnostics& diagnostics) {
  std::vector<std::pair<int, int>>& cells = table.unsaved_formulas;
  if (cells.empty()) return;
  std::sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) {
    return std::pair{a.second, a.first} < std::pair{b.second, b.first};
  });
  constexpr std::size_t k_runs_named = 8;
  std::vector<std::string> runs;
  std::size_t more = 0;
  for (std::size_t i = 0; i < cells.size();) {
    std::size_t j = i;
    while (j + 1 < cells.size() && cells[j + 1].second == cells[i].second && cells[j + 1].first == cells[j].first + 1)
      ++j;
    const std::string first = cell_name(cells[i].first, cells[i].second);
    if (runs.size() < k_runs_named) {
      runs.push_back(j == i ? first : fmt::format("{}:{}", first, cell_name(cells[j].first, cells[j].second)));
    } else {
      more += j - i + 1;
    }
    i = j + 1;
  }
  const auto& [row, column] = cells.front();
  diagnostics.note(
      table.at(row, column),
      fmt::format("{} hold{} a formula whose value the workbook does not store ({}{}), read as empty: "
                  "the program that wrote it did not work the value out; open the file in Excel or "
                  "LibreOffice and save it to store the values",
                  cells.size() == 1 ? "1 cell" : fmt::format("{} cells", cells.size()), cells.size() == 1 ? "s" : "",
                  fmt::join(runs, ", "), more == 0 ? "" : fmt::format(" and {} more", more)),
      diag::Code::spreadsheet_format);
}

}  // namespace

Table read_xlsx(std::string_view bytes, const std::string& path, const std::string& sheet,
                diag::Diagnostics& diagnostics) {
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return unreadable_workbook(
        path, "it is an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx",
        diagnostics);
  }
  try {
    Archive archive(bytes, "an Excel workbook (.xlsx)");
    const Workbook workbook = read_workbook(archive);
    std::vector<std::string_view> names;
    for (const Sheet& s : workbook.sheets) names.push_back(s.name);
    Table table = chosen_sheet(
        names, sheet, [&](std::size_t k) { return read_sheet(archive, workbook, workbook.sheets[k], path); }, path,
        diagnostics);
    note_unsaved_formulas(table, diagnostics);
    return table;
  } catch (const Unreadable& e) {
    return unreadable_workbook(path, e.what(), diagnostics);
  }
}

}  // namespace hmicfrs::import
