#include "text.hpp"

#include <hmicfrs/util/text_rules.hpp>

namespace hmicfrs::import {

bool holds_utf8_sequence(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) >= 0xC2 && util::utf8_sequence_length(bytes, i) != 0) return true;
  }
  return false;
}

bool is_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
    } else if (const std::size_t length = util::utf8_sequence_length(bytes, i); length != 0) {
      i += length;
    } else {
      return false;
    }
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  text = trimmed(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // A no-break space (U+00A0) is a space, and a zero-width space (U+200B) or joiner (U+2060) or a byte order
    // mark (U+FEFF) nothing: pasted from a web page or an e-mail, they cannot be seen.
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\xC2\xA0")) {
      space = true;
      ++i;
      continue;
    }
    if (rest.starts_with("\xE2\x80\x8B") || rest.starts_with("\xE2\x81\xA0") || rest.starts_with("\xEF\xBB\xBF")) {
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string unix_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string shortened(std::string_view text, std::size_t length) {
  if (text.size() <= length) return std::string(text);
  std::size_t end = length;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const std::size_t space = text.rfind(' ', end);
  if (space != std::string_view::npos && space > length / 2) end = space;
  return std::string(trimmed(text.substr(0, end))) + "\u2026";
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace hmicfrs::import
