#include <hmicfrs/util/text_rules.hpp>

namespace hmicfrs::util {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto continuation = [&](std::size_t k, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return k < s.size() && byte(k) >= low && byte(k) <= high;
  };
  const unsigned char lead = byte(i);
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (lead == 0xE0) return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0;
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    return continuation(i + 1) && continuation(i + 2) ? 3 : 0;
  }
  if (lead == 0xED) return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0;
  if (lead == 0xF0) return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  if (lead >= 0xF1 && lead <= 0xF3) {
    return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  if (lead == 0xF4) return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  return 0;
}

std::optional<TextFault> first_text_fault(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == 0) return TextFault{TextFault::Kind::nul, i, 0};
      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
        return TextFault{TextFault::Kind::control, i, c};
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return TextFault{TextFault::Kind::invalid_utf8, i, c};
    if (length == 3 && c == 0xE2) {
      const char32_t code = 0x2000 + ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) +
                            (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      if ((code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069)) {
        return TextFault{TextFault::Kind::bidi, i, code};
      }
    }
    // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
    if (length == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        static_cast<unsigned char>(text[i + 2]) >= 0xBE) {
      return TextFault{TextFault::Kind::noncharacter, i,
                       static_cast<char32_t>(0xFFC0 + (static_cast<unsigned char>(text[i + 2]) & 0x3F))};
    }
    // C1 control characters (U+0080 to U+009F) are valid UTF-8 but not YAML text.
    if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      return TextFault{TextFault::Kind::control, i, static_cast<unsigned char>(text[i + 1])};
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace hmicfrs::util
