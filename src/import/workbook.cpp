#include "workbook.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::import {
namespace {

using diag::Code;

constexpr std::uint64_t k_part_limit = 16u << 20;      // bytes of one part, unpacked
constexpr std::uint64_t k_parts_limit = 64u << 20;     // bytes of all the parts read, unpacked
constexpr zip_int64_t k_entries_limit = 10'000;        // parts in the archive (a tracker has a dozen)
constexpr std::size_t k_tags_limit = 1'000'000;        // tags (elements' starts and ends) and attributes in a part
constexpr std::size_t k_merged_cells_limit = 200'000;  // cells merged ranges may fill

// How much a sheet reads like a tracker: its best header row's score.
std::size_t tracker_likeness(const Table& table) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < table.rows.size() && i < 20; ++i) best = std::max(best, header_score(table.rows[i]));
  return best;
}

// The cells the merged ranges fill, each a copy of its range's first cell, as (row, cell) in row and column
// order; Unreadable past the bounds.
std::vector<std::pair<int, Cell>> merged_fills(const Table& table, const std::vector<MergedRange>& ranges,
                                               std::size_t text) {
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
        if (fills.size() >= k_merged_cells_limit || text > k_sheet_text_limit) {
          throw Unreadable(
              fmt::format("its merged cells would fill more than {} cells, or copy more than {} MiB of "
                          "text: unmerge them",
                          grouped(k_merged_cells_limit), k_sheet_text_limit >> 20));
        }
        fills.emplace_back(r, *source).second.column = c;
      }
    }
  }
  std::stable_sort(fills.begin(), fills.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.column < b.second.column;
  });
  return fills;
}

}  // namespace

std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

Archive::Archive(std::string_view bytes, std::string_view kind) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (m_zip == nullptr) {
    if (source != nullptr) zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Unreadable(fmt::format("it is not {}: {}", kind, why));
  }
  zip_error_fini(&error);
  if (zip_get_num_entries(m_zip, 0) > k_entries_limit) {
    zip_discard(std::exchange(m_zip, nullptr));  // the destructor of an object never made does not run
    throw Unreadable(fmt::format("it holds more than {} parts, more than any workbook", grouped(k_entries_limit)));
  }
}

Archive::~Archive() {
  if (m_zip != nullptr) zip_discard(m_zip);
}

std::optional<std::string> Archive::part(const std::string& name) {
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

XmlPart::XmlPart(std::string bytes, const std::string& name) : m_bytes(std::move(bytes)) {
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

std::string_view local(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local(c) == name) return c;
  }
  return {};
}

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    const auto colon = an.find(':');
    if ((colon == std::string_view::npos ? an : an.substr(colon + 1)) == name) return a;
  }
  return {};
}

void fill_merged(Table& table, const std::vector<MergedRange>& ranges, std::size_t text) {
  if (ranges.empty() || table.rows.empty()) return;
  std::vector<std::pair<int, Cell>> fills = merged_fills(table, ranges, text);
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

Table chosen_sheet(const std::vector<std::string_view>& names, const std::string& wanted,
                   const std::function<Table(std::size_t)>& read, const std::string& path,
                   diag::Diagnostics& diagnostics) {
  const auto whole_file = diag::file_location(diag::source_name(path));
  if (!wanted.empty()) {
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k] == wanted) return read(k);
    }
    diagnostics.error(whole_file,
                      fmt::format("the workbook has no sheet '{}'{} (its sheets: {})", wanted,
                                  util::did_you_mean(wanted, names), util::join_alternatives(names, " and ")),
                      Code::spreadsheet_format);
    return Table{diag::source_name(path), {}, {}, {}};
  }
  Table best = read(0);
  std::size_t best_score = tracker_likeness(best);
  for (std::size_t k = 1; k < names.size(); ++k) {
    Table table = read(k);
    if (const std::size_t score = tracker_likeness(table); score > best_score) {
      best = std::move(table);
      best_score = score;
    }
  }
  if (names.size() > 1) {
    diagnostics.note(whole_file,
                     fmt::format("sheet '{}' is read, as the one of {} that reads most like a tracker; --sheet (or "
                                 "`sheet:` in the mapping) names another",
                                 best.sheet, util::join_alternatives(names, " and ")),
                     Code::spreadsheet_format);
  }
  return best;
}

Table unreadable_workbook(const std::string& path, const std::string& why, diag::Diagnostics& diagnostics) {
  diagnostics.error(diag::file_location(diag::source_name(path)), "cannot read the workbook: " + why,
                    Code::spreadsheet_format);
  return Table{diag::source_name(path), {}, {}, {}};
}

}  // namespace hmicfrs::import
