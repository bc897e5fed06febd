#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace hmicfrs::model {

// A word a register writes again and again: an owner, a portfolio, a rating,
// a PEEL area, a reference to a finding. Each is kept once per thread that
// reads it and lives as long as the process, so a Word is one pointer (8
// bytes, where a std::string takes 32 and, past 15 characters, a block of its
// own). A national register names its forty-odd owners and four ratings
// hundreds of thousands of times. Words compare by their text.
class Word {
 public:
  Word() = default;
  Word(std::string_view text);  // NOLINT(google-explicit-constructor): a word is its text
  Word(const char* text) : Word(std::string_view(text)) {}
  Word(const std::string& text) : Word(std::string_view(text)) {}

  std::size_t size() const {
    std::uint32_t size = 0;
    std::memcpy(&size, m_text - sizeof size, sizeof size);
    return size;
  }
  bool empty() const { return size() == 0; }
  const char* data() const { return m_text; }  // ends with a NUL
  std::string_view view() const { return {m_text, size()}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }

  friend bool operator==(const Word& a, const Word& b) { return a.m_text == b.m_text || a.view() == b.view(); }
  friend std::strong_ordering operator<=>(const Word& a, const Word& b) { return a.view() <=> b.view(); }
  template <class Text>
  requires std::convertible_to<const Text&, std::string_view>
  friend bool operator==(const Word& a, const Text& b) { return a.view() == std::string_view(b); }
  template <class Text>
  requires std::convertible_to<const Text&, std::string_view>
  friend std::strong_ordering operator<=>(const Word& a, const Text& b) { return a.view() <=> std::string_view(b); }

  friend std::ostream& operator<<(std::ostream& out, const Word& word) { return out << word.view(); }

 private:
  // Each word is stored as its size (4 bytes), its characters and a NUL; this points at the characters.
  static constexpr char k_empty[sizeof(std::uint32_t) + 1] = {};
  const char* m_text = k_empty + sizeof(std::uint32_t);
};

}  // namespace hmicfrs::model

template <>
struct fmt::formatter<hmicfrs::model::Word> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const hmicfrs::model::Word& word, Context& context) const {
    return fmt::formatter<std::string_view>::format(word.view(), context);
  }
};

template <>
struct std::hash<hmicfrs::model::Word> {
  std::size_t operator()(const hmicfrs::model::Word& word) const noexcept {
    return std::hash<std::string_view>()(word.view());
  }
};
