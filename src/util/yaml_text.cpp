#include <hmicfrs/util/yaml_text.hpp>

#include <algorithm>
#include <array>

namespace hmicfrs::util {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

// Words other YAML readers take for booleans, nulls or numbers: quoted, so that every tool reads text.
bool looks_special(std::string_view text) {
  std::string lower;
  for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}) {
    if (lower == word) return true;
  }
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (std::string_view("+-._:eE").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digit;
}

bool plain_safe(std::string_view text, YamlContext context) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
  if (context == YamlContext::flow && text.find_first_of(",[]{}") != std::string_view::npos) return false;
  for (char c : text) {
    if (is_control(static_cast<unsigned char>(c))) return false;
  }
  return !looks_special(text);
}

std::string quoted(std::string_view text) {
  constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (const auto byte = static_cast<unsigned char>(c); is_control(byte)) {
          out += "\\x";
          out += k_hex[byte >> 4];
          out += k_hex[byte & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string yaml_scalar(std::string_view text, YamlContext context) {
  return plain_safe(text, context) ? std::string(text) : quoted(text);
}

bool literal_block_safe(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.front() == ' ' || text.front() == '\n' || text.back() == '\n') return false;
  char previous = '\n';
  for (char c : text) {
    if (c == '\n' && (previous == ' ' || previous == '\t')) return false;
    if (c == '\t' && previous == '\n') return false;
    if (c != '\n' && is_control(static_cast<unsigned char>(c))) return false;
    previous = c;
  }
  return previous != ' ' && previous != '\t';
}

std::string literal_block_lines(std::string_view text, int indent, std::string_view newline) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) {
      out.append(static_cast<std::size_t>(indent), ' ');
      out += text.substr(start, end - start);
    }
    out += newline;
    start = end + 1;
  }
  return out;
}

}  // namespace hmicfrs::util
