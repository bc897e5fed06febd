#include <hmicfrs/util/printable.hpp>

#include <array>
#include <cstdio>

namespace hmicfrs::util {
namespace {

std::string hex_escape(unsigned value, bool unicode) {
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), unicode ? "\\u%04x" : "\\x%02x", value);
  return buffer.data();
}

// The length of the well-formed UTF-8 sequence at `i` and its code point, or 0.
std::size_t sequence_at(std::string_view s, std::size_t i, char32_t& code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                            : 0;
  if (length == 0 || i + length > s.size()) return 0;
  code = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

std::string escaped(std::string_view text, bool keep_line_feeds) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == '\n' && keep_line_feeds) {
      out += '\n';
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : hex_escape(c, false);
      ++i;
      continue;
    }
    char32_t code = 0;
    const std::size_t length = sequence_at(text, i, code);
    if (length == 0) {
      out += hex_escape(c, false);
      ++i;
      continue;
    }
    const bool control = (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
                         (code >= 0x2066 && code <= 0x2069) || code == 0x2028 || code == 0x2029;
    out += control ? hex_escape(code, true) : std::string(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text) { return escaped(text, false); }

std::string printable_lines(std::string_view text) { return escaped(text, true); }

}  // namespace hmicfrs::util
