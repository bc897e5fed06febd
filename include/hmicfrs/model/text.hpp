#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/core.h>

namespace hmicfrs::model {

// Characters kept after their size (4 bytes) and before a NUL, reached by one
// pointer: 8 bytes in a record where a std::string takes 32. Interned and Text
// differ only in who owns the characters. Both compare by their text.
class PackedText {
 public:
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

  // Templates in both operands, so that each is an exact match: a comparison
  // with a std::string_view either way round is then not ambiguous with the
  // standard library's, which would convert the Interned word.
  template <std::derived_from<PackedText> Self, class Other>
  requires std::convertible_to<const Other&, std::string_view>
  friend bool operator==(const Self& a, const Other& b) { return a.view() == std::string_view(b); }
  template <std::derived_from<PackedText> Self, class Other>
  requires std::convertible_to<const Other&, std::string_view>
  friend std::strong_ordering operator<=>(const Self& a, const Other& b) { return a.view() <=> std::string_view(b); }
  friend std::ostream& operator<<(std::ostream& out, const PackedText& text);

 protected:
  PackedText() = default;
  ~PackedText() = default;
  PackedText(const PackedText&) = default;
  PackedText& operator=(const PackedText&) = default;

  // Where `text` goes in `storage` (at least packed_size(text) bytes): the pointer to keep.
  static const char* pack(std::string_view text, char* storage);
  // The bytes `text` takes packed; a std::length_error from 4 GiB (the loader bounds a scalar at 1 MiB).
  static std::size_t packed_size(std::string_view text);
  static bool is_empty_text(const char* text) { return text == k_empty + sizeof(std::uint32_t); }

  static constexpr char k_empty[sizeof(std::uint32_t) + 1] = {};
  const char* m_text = k_empty + sizeof(std::uint32_t);
};

// A word a register writes again and again: an owner, a portfolio, a rating,
// a PEEL area, a finding's ref, a reference to a finding. Each is kept once
// per thread that makes it, for as long as the process lives; a national
// register names its forty-odd owners and four ratings hundreds of thousands
// of times, each time in one pointer.
class Interned : public PackedText {
 public:
  Interned() = default;
  Interned(std::string_view text);  // NOLINT(google-explicit-constructor): a word is its text
  Interned(const char* text) : Interned(std::string_view(text)) {}
  Interned(const std::string& text) : Interned(std::string_view(text)) {}
};

// Wording a register holds once: a title, a finding's text, a note, a
// summary, an id. Read and written whole, never edited in place; owned, in
// one pointer.
class Text : public PackedText {
 public:
  Text() = default;
  Text(std::string_view text);  // NOLINT(google-explicit-constructor): a text is its characters
  Text(const char* text) : Text(std::string_view(text)) {}
  Text(const std::string& text) : Text(std::string_view(text)) {}
  Text(const Text& other) : Text(other.view()) {}
  Text(Text&& other) noexcept { std::swap(m_text, other.m_text); }
  Text& operator=(Text other) noexcept {
    std::swap(m_text, other.m_text);
    return *this;
  }
  ~Text();
};

// What the formatter below does, in text.cpp: this header then needs only
// fmt/core.h, where formatting a string is declared, not fmt/format.h, where
// it is defined (and which is slow to compile in every file that includes it).
fmt::format_context::iterator format_text(const fmt::formatter<std::string_view>& as_string, const PackedText& text,
                                          fmt::format_context& context);

}  // namespace hmicfrs::model

// An Interned or Text formats as its text, with a string's specifications ({:<16}).
template <class T>
struct fmt::formatter<T, char, std::enable_if_t<std::is_base_of_v<hmicfrs::model::PackedText, T>>>
    : fmt::formatter<std::string_view> {
  fmt::format_context::iterator format(const hmicfrs::model::PackedText& text, fmt::format_context& context) const {
    return hmicfrs::model::format_text(*this, text, context);
  }
};

template <>
struct std::hash<hmicfrs::model::Interned> {
  std::size_t operator()(const hmicfrs::model::Interned& word) const noexcept {
    return std::hash<std::string_view>()(word.view());
  }
};
