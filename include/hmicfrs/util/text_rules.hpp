#pragma once

// What text a register's files may hold: UTF-8 without control characters
// (tab, line feed and carriage return aside), bidirectional overrides or the
// noncharacters U+FFFE and U+FFFF. One
// rule for the loader, which reads the files, and the import, which writes them.

#include <cstddef>
#include <optional>
#include <string_view>

namespace hmicfrs::util {

struct TextFault {
  enum class Kind {
    nul,           // U+0000
    control,       // C0 or C1 control character, or DEL
    invalid_utf8,  // `code` is the byte
    bidi,          // an override or isolate (U+202A to U+202E, U+2066 to U+2069), which can reorder what shows
    noncharacter,  // U+FFFE or U+FFFF, which neither YAML nor XML (so no Word or Excel file) may hold
  };
  Kind kind = Kind::control;
  std::size_t offset = 0;  // of the fault's first byte
  char32_t code = 0;
};

// The first fault in `text`, if any.
std::optional<TextFault> first_text_fault(std::string_view text);

// Length of the UTF-8 sequence starting at `i`, or 0 when it is malformed
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace hmicfrs::util
