#include <hmicfrs/model/word.hpp>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace hmicfrs::model {
namespace {

// The blocks every thread's words are kept in. They are never freed (words
// outlive the records that name them, and the process ends soon after a run);
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
// that interning takes no lock. Two threads may each keep a copy of a word.
class Interner {
 public:
  const char* intern(std::string_view text) {
    if (m_slots.size() < 2 * (m_used + 1)) grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<std::string_view>()(text) & mask;; i = (i + 1) & mask) {
      const char* slot = m_slots[i];
      if (slot == nullptr) {
        ++m_used;
        return m_slots[i] = store(text);
      }
      if (stored(slot) == text) return slot;
    }
  }

 private:
  static constexpr std::size_t k_block_size = 64 * 1024;

  static std::string_view stored(const char* text) {
    std::uint32_t size = 0;
    std::memcpy(&size, text - sizeof size, sizeof size);
    return {text, size};
  }

  // Copies `text` into a block, after its size and before a NUL.
  const char* store(std::string_view text) {
    const std::size_t needed = sizeof(std::uint32_t) + text.size() + 1;
    char* at = nullptr;
    if (needed > k_block_size / 4) {
      at = blocks().allocate(needed);  // a long word takes a block of its own
    } else {
      if (needed > m_left) {
        m_free = blocks().allocate(k_block_size);
        m_left = k_block_size;
      }
      at = m_free;
      m_free += needed;
      m_left -= needed;
    }
    const auto size = static_cast<std::uint32_t>(text.size());
    std::memcpy(at, &size, sizeof size);
    std::memcpy(at + sizeof size, text.data(), text.size());
    at[sizeof size + text.size()] = '\0';
    return at + sizeof size;
  }

  void grow() {
    std::vector<const char*> old(std::max<std::size_t>(64, 2 * m_slots.size()), nullptr);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const char* word : old) {
      if (word == nullptr) continue;
      std::size_t i = std::hash<std::string_view>()(stored(word)) & mask;
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

Word::Word(std::string_view text) {
  if (text.empty()) return;
  // The loader bounds a scalar at 1 MiB; nothing else makes words.
  if (text.size() > UINT32_MAX) throw std::length_error("a word of 4 GiB or more");
  thread_local Interner interner;
  m_text = interner.intern(text);
}

}  // namespace hmicfrs::model
