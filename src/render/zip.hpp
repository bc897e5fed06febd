#pragma once

// Zip archives in memory, for the Office formats. Private to render/.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hmicfrs::render {

// An archive built in memory. Every entry carries the same date, so that the
// same entries always give the same bytes.
class ZipArchive {
 public:
  // `date` is "YYYY-MM-DD"; anything else (or a year before 1980) dates the entries 1 January 1980.
  explicit ZipArchive(std::string_view date) : m_date(date) {}

  void add(std::string name, std::string content) { m_entries.emplace_back(std::move(name), std::move(content)); }

  // The archive's bytes, its entries deflated in the order they were added.
  std::string bytes() const;

 private:
  std::string m_date;
  std::vector<std::pair<std::string, std::string>> m_entries;
};

// The content of the entry `name` in the archive `bytes`; nothing when
// `bytes` is not a zip archive, has no such entry, or the entry unpacks to
// more than `limit` bytes.
std::optional<std::string> zip_entry(std::string_view bytes, std::string_view name, std::size_t limit);

// Whether the archive `bytes` has an entry `name`, whatever it unpacks to.
bool zip_holds(std::string_view bytes, std::string_view name);

}  // namespace hmicfrs::render
