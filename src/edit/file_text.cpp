#include "file_text.hpp"

#include <hmicfrs/diag/diagnostic.hpp>

namespace hmicfrs::edit::file_text {

std::optional<Node> parsed(std::string_view bytes, std::string* why) {
  diag::Diagnostics diagnostics;
  std::optional<Node> tree = load::parse_yaml(bytes, diag::source_name("edited"), load::Limits{}, diagnostics);
  if (diagnostics.has_errors()) {
    if (why != nullptr) {
      for (const diag::Diagnostic& d : diagnostics.items()) {
        if (d.severity == diag::Severity::error) {
          *why = d.message;
          break;
        }
      }
    }
    return std::nullopt;
  }
  return tree;
}

bool same(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i])) return false;
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i].key != b.entries[i].key || !same(a.entries[i].value, b.entries[i].value)) return false;
  }
  return true;
}

bool nothing_after_key(std::string_view bytes, const Lines& lines, std::size_t offset) {
  std::size_t at = bytes.find(':', offset);
  if (at == npos) return false;
  for (++at; at < lines.end(offset); ++at) {
    if (bytes[at] == '#') return true;
    if (bytes[at] != ' ' && bytes[at] != '\t') return false;
  }
  return true;
}

std::size_t dash_offset(std::string_view bytes, const Node& item) {
  std::size_t at = item.offset;
  while (at > 0 && std::string_view(" \t\r\n").find(bytes[at - 1]) != npos) --at;
  return at > 0 && bytes[at - 1] == '-' ? at - 1 : item.offset;
}

}  // namespace hmicfrs::edit::file_text
