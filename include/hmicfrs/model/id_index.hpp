#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hmicfrs/model/text.hpp>

namespace hmicfrs::model {

// The position of each id among a list of records (the first, when an id
// repeats), so that finding a record by id costs log n, not n. An index built
// for another number of records than the list holds is not used. A sorted
// array of Words, not a tree of strings: 16 bytes an id rather than 80.
class IdIndex {
 public:
  // Indexes `records` by `id_of(record)`.
  template <class Records, class IdOf>
  void build(const Records& records, IdOf id_of) {
    m_positions.clear();
    m_positions.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) m_positions.emplace_back(Interned(id_of(records[i])), i);
    // Stable, so that of the records an id names the first comes first.
    std::stable_sort(m_positions.begin(), m_positions.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    m_size = records.size();
  }

  // Whether the index was built for `size` records.
  bool covers(std::size_t size) const { return m_size == size && m_positions.size() == size; }

  std::optional<std::size_t> find(std::string_view id) const {
    const auto it = std::lower_bound(m_positions.begin(), m_positions.end(), id,
                                     [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it == m_positions.end() || it->first != id ? std::nullopt : std::optional(it->second);
  }

 private:
  std::vector<std::pair<Interned, std::size_t>> m_positions;  // by id, then position
  std::size_t m_size = static_cast<std::size_t>(-1);
};

}  // namespace hmicfrs::model
