#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hmicfrs::model {

// The position of each id among a list of records (the first, when an id
// repeats), so that finding a record by id costs log n, not n. An index built
// for another number of records than the list holds is not used.
class IdIndex {
 public:
  // Indexes `records` by `id_of(record)`.
  template <class Records, class IdOf>
  void build(const Records& records, IdOf id_of) {
    m_positions.clear();
    for (std::size_t i = 0; i < records.size(); ++i) m_positions.emplace(std::string(id_of(records[i])), i);
    m_size = records.size();
  }

  // Whether the index was built for `size` records.
  bool covers(std::size_t size) const { return m_size == size && (size == 0 || !m_positions.empty()); }

  std::optional<std::size_t> find(std::string_view id) const {
    const auto it = m_positions.find(id);
    return it == m_positions.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  std::map<std::string, std::size_t, std::less<>> m_positions;
  std::size_t m_size = static_cast<std::size_t>(-1);
};

}  // namespace hmicfrs::model
