#include <hmicfrs/model/text.hpp>

#include <memory>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace hmicfrs::model {

std::ostream& operator<<(std::ostream& out, const PackedText& text) { return out << text.view(); }

fmt::format_context::iterator format_text(const fmt::formatter<std::string_view>& as_string, const PackedText& text,
                                          fmt::format_context& context) {
  return as_string.format(text.view(), context);
}

std::size_t PackedText::packed_size(std::string_view text) {
  if (text.size() >= UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
  return sizeof(std::uint32_t) + text.size() + 1;
}

const char* PackedText::pack(std::string_view text, char* storage) {
  const auto size = static_cast<std::uint32_t>(text.size());
  std::memcpy(storage, &size, sizeof size);
  std::memcpy(storage + sizeof size, text.data(), text.size());
  storage[sizeof size + text.size()] = '\0';
  return storage + sizeof size;
}

namespace {

// The blocks every thread's words are kept in. They are never freed (a word
// outlives the records that name it, and the process ends soon after a run);
// the list keeps them reachable, so a leak checker sees them as kept.
class Blocks {
 public:
  char* allocate(std::size_t size) {
    auto block = std::make_unique<char[]>(size);
    char* start = block.get();
    const std::lock_guard lock(m_mutex);
    m_blocks.push_back(std::move(block));
    return start;
  }

 private:
  std::mutex m_mutex;
  std::vector<std::unique_ptr<char[]>> m_blocks;
};

Blocks& blocks() {
  static Blocks* const all = new Blocks;  // never destroyed: a word may be read while statics are torn down
  return *all;
}

// One thread's words: an open-addressed table of the words it has made, so
// that making one takes no lock. Two threads may each keep a copy of a word.
class Words {
 public:
  // `text` packed, found among the words made before or added to them.
  template <class Pack>
  const char* find_or_add(std::string_view text, Pack pack) {
    if (m_slots.size() < 2 * (m_used + 1)) grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<std::string_view>()(text) & mask;; i = (i + 1) & mask) {
      if (m_slots[i] == nullptr) {
        ++m_used;
        return m_slots[i] = pack(text, storage(text));
      }
      if (unpacked(m_slots[i]) == text) return m_slots[i];
    }
  }

 private:
  static constexpr std::size_t k_block_size = 64 * 1024;

  static std::string_view unpacked(const char* text) {
    std::uint32_t size = 0;
    std::memcpy(&size, text - sizeof size, sizeof size);
    return {text, size};
  }

  // Room for `text` packed, in the current block or a new one.
  char* storage(std::string_view text) {
    const std::size_t needed = sizeof(std::uint32_t) + text.size() + 1;
    if (needed > k_block_size / 4) return blocks().allocate(needed);  // a long word takes a block of its own
    if (needed > m_left) {
      m_free = blocks().allocate(k_block_size);
      m_left = k_block_size;
    }
    char* at = m_free;
    m_free += needed;
    m_left -= needed;
    return at;
  }

  void grow() {
    std::vector<const char*> old(std::max<std::size_t>(64, 2 * m_slots.size()), nullptr);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const char* word : old) {
      if (word == nullptr) continue;
      std::size_t i = std::hash<std::string_view>()(unpacked(word)) & mask;
      while (m_slots[i] != nullptr) i = (i + 1) & mask;
      m_slots[i] = word;
    }
  }

  std::vector<const char*> m_slots;
  std::size_t m_used = 0;
  char* m_free = nullptr;
  std::size_t m_left = 0;
};

}  // namespace

Interned::Interned(std::string_view text) {
  if (text.empty()) return;
  packed_size(text);  // refuses a word too long to pack before any is stored
  thread_local Words words;
  m_text = words.find_or_add(text, &PackedText::pack);
}

Text::Text(std::string_view text) {
  if (text.empty()) return;
  m_text = pack(text, new char[packed_size(text)]);
}

Text::~Text() {
  if (!is_empty_text(m_text)) delete[](m_text - sizeof(std::uint32_t));
}

}  // namespace hmicfrs::model
