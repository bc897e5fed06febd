#pragma once

// Cutting UTF-8 text only between characters. Every writer that wraps or cuts
// text (the terminal, e-mail, Word, Excel) finds its cut points here and
// supplies its own measure of a character's width: terminal columns, bytes,
// UTF-16 units, twips of a font.

#include <cstddef>
#include <string_view>

namespace hmicfrs::util {

// One character of UTF-8 text: its length in bytes and its code point. A byte
// that starts no well-formed sequence is a character of its own (U+FFFD), so
// that a cut never falls inside a sequence and never loops.
struct Character {
  std::size_t length = 1;
  char32_t code = 0xFFFD;
};

// The character that starts at byte `at` of `text` (`at` < `text.size()`).
Character character_at(std::string_view text, std::size_t at);

// The length in bytes of the longest start of `text` whose characters,
// measured by `measure` (char32_t -> std::size_t), add up to at most
// `budget`: a cut point that never falls inside a character. Linear in the
// bytes it takes.
template <class Measure>
std::size_t fitting_prefix(std::string_view text, std::size_t budget, Measure measure) {
  std::size_t used = 0, end = 0;
  while (end < text.size()) {
    const Character character = character_at(text, end);
    const std::size_t width = measure(character.code);
    if (width > budget - used) break;
    used += width;
    end += character.length;
  }
  return end;
}

// The total measure of `text`'s characters.
template <class Measure>
std::size_t measured(std::string_view text, Measure measure) {
  std::size_t total = 0;
  for (std::size_t at = 0; at < text.size();) {
    const Character character = character_at(text, at);
    total += measure(character.code);
    at += character.length;
  }
  return total;
}

// Measures, for `fitting_prefix` and `measured`.
// The columns a character takes on a terminal: none for a combining mark, else one.
std::size_t terminal_columns(char32_t code);
// The bytes a character takes in UTF-8.
inline std::size_t utf8_bytes(char32_t code) { return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4; }
// The UTF-16 code units a character takes (Excel counts its limits in them).
inline std::size_t utf16_units(char32_t code) { return code > 0xFFFF ? 2 : 1; }

}  // namespace hmicfrs::util
