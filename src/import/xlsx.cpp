#include <hmicfrs/import/xlsx.hpp>

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::import {
namespace {

using diag::Code;

// Bounds on what a workbook may make the import build, so that none can exhaust its memory: far above any
// force's tracker (a few thousand rows), far below what would. A part is parsed in place, and its tree costs
// about a hundred bytes a tag.
constexpr std::uint64_t k_part_limit = 16u << 20;      // bytes of one part, unpacked
constexpr std::size_t k_tags_limit = 1'000'000;        // tags (elements' starts and ends) and attributes in a part
constexpr std::size_t k_merged_cells_limit = 200'000;  // cells merged ranges may fill
constexpr std::size_t k_text_limit = 64u << 20;        // bytes of text a sheet's cells may hold, merged fills too
constexpr std::uint64_t k_parts_limit = 64u << 20;     // bytes of all the parts read, unpacked
constexpr zip_int64_t k_entries_limit = 10'000;        // parts in the archive (a tracker has a dozen)
constexpr std::size_t k_sheets_limit = 256;            // sheets read to find the tracker
constexpr int k_last_row = 1'048'576;
constexpr int k_last_column = 16'384;

// "1,000,000": a bound as a message gives it.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

// A problem that makes the workbook unreadable; caught once in read_xlsx.
struct Unreadable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (m_zip == nullptr) {
      if (source != nullptr) zip_source_free(source);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      throw Unreadable("it is not an Excel workbook (.xlsx): " + why);
    }
    zip_error_fini(&error);
    if (zip_get_num_entries(m_zip, 0) > k_entries_limit) {
      zip_discard(std::exchange(m_zip, nullptr));  // the destructor of an object never made does not run
      throw Unreadable(fmt::format("it holds more than {} parts, more than any workbook", grouped(k_entries_limit)));
    }
  }
  ~Archive() {
    if (m_zip != nullptr) zip_discard(m_zip);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // The part's bytes; nothing when the workbook has no such part.
  std::optional<std::string> part(const std::string& name) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_zip, name.c_str(), 0, &stat) != 0) return std::nullopt;
    if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > k_part_limit) {
      throw Unreadable(fmt::format("its part {} unpacks to more than {} MiB", name, k_part_limit >> 20));
    }
    m_unpacked += stat.size;
    if (m_unpacked > k_parts_limit) {
      throw Unreadable(
          fmt::format("its parts unpack to more than {} MiB together, more than any tracker", k_parts_limit >> 20));
    }
    zip_file_t* file = zip_fopen(m_zip, name.c_str(), 0);
    if (file == nullptr) throw Unreadable(fmt::format("its part {} cannot be unpacked: {}", name, zip_strerror(m_zip)));
    std::string bytes(stat.size, '\0');
    const zip_int64_t read = zip_fread(file, bytes.data(), bytes.size());
    char extra = 0;
    const zip_int64_t more = read >= 0 ? zip_fread(file, &extra, 1) : 0;
    zip_fclose(file);
    if (read != static_cast<zip_int64_t>(bytes.size()) || more != 0) {
      throw Unreadable(fmt::format("its part {} is damaged", name));
    }
    return bytes;
  }

 private:
  zip_t* m_zip = nullptr;
  std::uint64_t m_unpacked = 0;  // bytes of the parts read so far
};

// A part of the workbook parsed in place: its bytes hold the tree's text, so they are not copied.
class XmlPart {
 public:
  XmlPart(std::string bytes, const std::string& name) : m_bytes(std::move(bytes)) {
    // Each '<' starts a tag and each '=' may give an attribute: each costs the tree a node.
    const auto nodes = static_cast<std::size_t>(
        std::count_if(m_bytes.begin(), m_bytes.end(), [](char c) { return c == '<' || c == '='; }));
    if (nodes > k_tags_limit) {
      throw Unreadable(fmt::format("its part {} holds more than {} tags and attributes, more than any tracker", name,
                                   grouped(k_tags_limit)));
    }
    // No DTD is read: entities beyond XML's five are never expanded.
    const pugi::xml_parse_result result =
        m_document.load_buffer_inplace(m_bytes.data(), m_bytes.size(), pugi::parse_default);
    if (!result) throw Unreadable(fmt::format("its part {} is not well-formed XML: {}", name, result.description()));
  }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  pugi::xml_node root() const { return m_document.document_element(); }

 private:
  std::string m_bytes;
  pugi::xml_document m_document;
};

// An element's local name, whatever prefix the workbook gives its namespace.
std::string_view local(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Child elements named `name` (any prefix).
template <class Each>
void children(const pugi::xml_node& node, std::string_view name, Each each) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && local(child) == name) each(child);
  }
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local(c) == name) return c;
  }
  return {};
}

// An attribute by local name (r:id is "id" in the relationships namespace).
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    const auto colon = an.find(':');
    if ((colon == std::string_view::npos ? an : an.substr(colon + 1)) == name) return a;
  }
  return {};
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s, leaving out phonetic runs.
std::string string_item(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (local(c) == "t") out += c.text().get();
    if (local(c) == "r") out += child(c, "t").text().get();
  }
  return out;
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

// Fills every cell a merged range covers with its first cell's value, within the rows and columns in use, as
// long as the cells filled and the text copied stay within bounds; `text` is what the sheet's cells hold.
void fill_merged(Table& table, const std::vector<std::pair<std::pair<int, int>, std::pair<int, int>>>& ranges,
                 std::size_t text) {
  if (ranges.empty() || table.rows.empty()) return;
  int last_column = 0;
  for (const Row& row : table.rows) last_column = std::max(last_column, row.cells.back().column);
  const int last_row = table.rows.back().number;
  std::vector<std::pair<int, Cell>> fills;  // row, cell
  for (const auto& [first, last] : ranges) {
    const auto source_row = std::lower_bound(table.rows.begin(), table.rows.end(), first.first,
                                             [](const Row& r, int n) { return r.number < n; });
    if (source_row == table.rows.end() || source_row->number != first.first) continue;
    const Cell* source = source_row->at(first.second);
    if (source == nullptr) continue;
    for (int r = first.first; r <= std::min(last.first, last_row); ++r) {
      for (int c = first.second; c <= std::min(last.second, last_column); ++c) {
        if (r == first.first && c == first.second) continue;
        text += source->text.size();
        if (fills.size() >= k_merged_cells_limit || text > k_text_limit) {
          throw Unreadable(
              fmt::format("its merged cells would fill more than {} cells, or copy more than {} MiB of "
                          "text: unmerge them",
                          grouped(k_merged_cells_limit), k_text_limit >> 20));
        }
        fills.emplace_back(r, *source).second.column = c;
      }
    }
  }
  std::stable_sort(fills.begin(), fills.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.column < b.second.column;
  });
  // Merge the filled cells into the rows, a cell the sheet itself holds winning.
  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  std::size_t f = 0;
  for (Row& row : table.rows) {
    for (; f < fills.size() && fills[f].first < row.number; ++f) {
      if (rows.empty() || rows.back().number != fills[f].first) rows.push_back(Row{fills[f].first, {}});
      if (rows.back().cells.empty() || rows.back().cells.back().column != fills[f].second.column) {
        rows.back().cells.push_back(std::move(fills[f].second));
      }
    }
    for (; f < fills.size() && fills[f].first == row.number; ++f) row.cells.push_back(std::move(fills[f].second));
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    row.cells.erase(std::unique(row.cells.begin(), row.cells.end(),
                                [](const Cell& a, const Cell& b) { return a.column == b.column; }),
                    row.cells.end());
    rows.push_back(std::move(row));
  }
  table.rows = std::move(rows);
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
      const std::string_view type = attribute(c, "t").value();
      const pugi::xml_node v = child(c, "v");
      Cell cell{column, {}, std::nullopt, false, false};
      if (type == "s") {
        const long long index = v.text().as_llong(-1);
        if (index < 0 || static_cast<std::size_t>(index) >= workbook.shared.size()) {
          throw Unreadable(fmt::format("cell {} names shared string {}, which the workbook does not have",
                                       cell_name(row_number, column), v.text().get()));
        }
        cell.text = workbook.shared[static_cast<std::size_t>(index)];
      } else if (type == "inlineStr") {
        cell.text = string_item(child(c, "is"));
      } else if (type == "b") {
        cell.text = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e" || type == "d") {
        cell.text = v.text().get();
      } else if (v) {
        double value = 0;
        const std::string_view digits = v.text().get();
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc{} || end != digits.data() + digits.size()) {
          throw Unreadable(fmt::format("cell {} holds '{}' as a number", cell_name(row_number, column), digits));
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
      text += cell.text.size();
      if (text > k_text_limit) {
        throw Unreadable(
            fmt::format("its sheet '{}' holds more than {} MiB of text by row {}, more than any "
                        "tracker: is it the right file?",
                        sheet.name, k_text_limit >> 20, row_number));
      }
      if (!cell.text.empty()) row.cells.push_back(std::move(cell));
    });
    if (!row.cells.empty()) table.rows.push_back(std::move(row));
  });
  std::vector<std::pair<std::pair<int, int>, std::pair<int, int>>> ranges;
  children(child(worksheet, "mergeCells"), "mergeCell", [&](const pugi::xml_node& m) {
    const std::string_view ref = attribute(m, "ref").value();
    const auto colon = ref.find(':');
    const auto first = reference(ref.substr(0, colon));
    const auto last = colon == std::string_view::npos ? first : reference(ref.substr(colon + 1));
    if (!first || !last || last->first < first->first || last->second < first->second) {
      throw Unreadable(fmt::format("its sheet '{}' merges '{}', which is not a range", sheet.name, ref));
    }
    ranges.emplace_back(*first, *last);
  });
  fill_merged(table, ranges, text);
  return table;
}

// How much a sheet reads like a tracker: its best header row's score.
std::size_t tracker_likeness(const Table& table) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < table.rows.size() && i < 20; ++i) best = std::max(best, header_score(table.rows[i]));
  return best;
}

}  // namespace

Table read_xlsx(std::string_view bytes, const std::string& path, const std::string& sheet,
                diag::Diagnostics& diagnostics) {
  const auto whole_file = diag::file_location(diag::source_name(path));
  const auto fail = [&](const std::string& why) {
    diagnostics.error(whole_file, "cannot read the workbook: " + why, Code::spreadsheet_format);
    return Table{diag::source_name(path), {}, {}};
  };
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return fail("it is an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx");
  }
  try {
    Archive archive(bytes);
    const Workbook workbook = read_workbook(archive);
    if (!sheet.empty()) {
      for (const Sheet& s : workbook.sheets) {
        if (s.name == sheet) return read_sheet(archive, workbook, s, path);
      }
      std::vector<std::string_view> names;
      for (const Sheet& s : workbook.sheets) names.push_back(s.name);
      diagnostics.error(whole_file,
                        fmt::format("the workbook has no sheet '{}'{} (its sheets: {})", sheet,
                                    util::did_you_mean(sheet, names), util::join_alternatives(names, " and ")),
                        Code::spreadsheet_format);
      return Table{diag::source_name(path), {}, {}};
    }
    // No sheet named: the one that reads most like a tracker, the first of equals.
    Table best = read_sheet(archive, workbook, workbook.sheets.front(), path);
    std::size_t best_score = tracker_likeness(best);
    for (std::size_t k = 1; k < workbook.sheets.size(); ++k) {
      Table table = read_sheet(archive, workbook, workbook.sheets[k], path);
      if (const std::size_t score = tracker_likeness(table); score > best_score) {
        best = std::move(table);
        best_score = score;
      }
    }
    if (workbook.sheets.size() > 1) {
      std::vector<std::string_view> names;
      for (const Sheet& s : workbook.sheets) names.push_back(s.name);
      diagnostics.note(whole_file,
                       fmt::format("sheet '{}' is read, as the one of {} that reads most like a tracker; --sheet (or "
                                   "`sheet:` in the mapping) names another",
                                   best.sheet, util::join_alternatives(names, " and ")),
                       Code::spreadsheet_format);
    }
    return best;
  } catch (const Unreadable& e) {
    return fail(e.what());
  }
}

}  // namespace hmicfrs::import
