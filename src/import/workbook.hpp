#pragma once

// What every reader of a workbook shares, whatever its format (an Excel
// workbook is a zip archive of XML parts, and so is an OpenDocument
// spreadsheet): the archive, its parts read and parsed within bounds,
// elements and attributes by local name, merged ranges filled, and the choice
// of sheet. A workbook is untrusted input. Private to import/.

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/import/table.hpp>

namespace hmicfrs::import {

// Bounds on what a workbook may make the import build, so that none can exhaust its memory: far above any
// force's tracker (a few thousand rows), far below what would.
constexpr std::size_t k_sheet_text_limit = 64u << 20;  // bytes of text a sheet's cells may hold, merged fills too
constexpr int k_last_row = 1'048'576;                  // as many rows as Excel allows
constexpr int k_last_column = 16'384;                  // as many columns as Excel allows

// A problem that makes the workbook unreadable, in words that follow "cannot read the workbook: "; caught once
// by the reader, which reports it with `unreadable_workbook`.
struct Unreadable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "1,000,000": a bound as a message gives it.
std::string grouped(std::size_t n);

// A workbook's zip archive, its parts read within bounds: how many it holds, how large each is and all are.
class Archive {
 public:
  // Opens `bytes`, which must outlive it; `kind` names what it should be ("an Excel workbook (.xlsx)").
  Archive(std::string_view bytes, std::string_view kind);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // The part's bytes; nothing when the workbook has no such part.
  std::optional<std::string> part(const std::string& name);

 private:
  zip_t* m_zip = nullptr;
  std::uint64_t m_unpacked = 0;  // bytes of the parts read so far
};

// A part of the workbook parsed in place: its bytes hold the tree's text, so they are not copied. Its tags and
// attributes are counted before it is parsed (a tree costs about a hundred bytes a tag), and no DTD is read.
class XmlPart {
 public:
  XmlPart(std::string bytes, const std::string& name);
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  pugi::xml_node root() const { return m_document.document_element(); }

 private:
  std::string m_bytes;
  pugi::xml_document m_document;
};

// An element's local name, whatever prefix the workbook gives its namespace.
std::string_view local(const pugi::xml_node& node);

// Child elements named `name` (any prefix).
template <class Each>
void children(const pugi::xml_node& node, std::string_view name, Each each) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && local(child) == name) each(child);
  }
}

// The first child element named `name` (any prefix), or an empty node.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);

// An attribute by local name (r:id is "id" in the relationships namespace).
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name);

// A rectangle of merged cells, by its first and last cells' (row, column).
struct MergedRange {
  std::pair<int, int> first;
  std::pair<int, int> last;
};

// Fills every cell a merged range covers with its first cell's value, within the rows and columns in use, as
// long as the cells filled and the text copied stay within bounds; `text` is what the sheet's cells hold.
void fill_merged(Table& table, const std::vector<MergedRange>& ranges, std::size_t text);

// The sheet to import of those `names` lists: the one named `wanted`, else, when `wanted` is empty, the one
// that reads most like a tracker, the first of equals (with a note saying so where there are several).
// `read(k)` reads the k-th. No sheet of that name: an error, and an empty table.
Table chosen_sheet(const std::vector<std::string_view>& names, const std::string& wanted,
                   const std::function<Table(std::size_t)>& read, const std::string& path,
                   diag::Diagnostics& diagnostics);

// The error of a workbook that cannot be read, at the whole file, and the empty table it gives.
Table unreadable_workbook(const std::string& path, const std::string& why, diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::import
