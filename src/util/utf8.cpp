#include <hmicfrs/util/text_rules.hpp>
#include <hmicfrs/util/utf8.hpp>

namespace hmicfrs::util {

Character character_at(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {1, lead};
  const std::size_t length = utf8_sequence_length(text, at);
  if (length == 0) return {};
  char32_t code = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  return {length, code};
}

std::size_t terminal_columns(char32_t code) {
  // Combining marks sit on the character before them.
  const bool combining = (code >= 0x0300 && code <= 0x036F) || (code >= 0x1AB0 && code <= 0x1AFF) ||
                         (code >= 0x1DC0 && code <= 0x1DFF) || (code >= 0x20D0 && code <= 0x20FF) ||
                         (code >= 0xFE20 && code <= 0xFE2F);
  return combining ? 0 : 1;
}

}  // namespace hmicfrs::util
