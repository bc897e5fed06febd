// A force's Word template, read as untrusted input: its styles and theme are
// parsed with pugixml (no DTD, no entities expanded), checked to be one
// well-formed element each, and written back, so that a paper never carries
// what the template smuggled in.

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/text_rules.hpp>
#include "zip.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::size_t k_part_limit = 8 << 20;

// "line 3, column 14" of byte `offset` in `text`, the column counted in characters.
std::string place(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::string_view on_line = before.substr(line_start);
  const std::size_t column =
      static_cast<std::size_t>(std::count_if(on_line.begin(), on_line.end(),
                                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; })) +
      1;
  return fmt::format("line {}, column {}", line, column);
}

// The first reference in raw (unescaped) XML text that names no character:
// only XML's five entities and character references are well-formed without
// a DTD, which a Word part never has.
std::optional<std::size_t> unknown_reference(std::string_view raw) {
  for (std::size_t at = raw.find('&'); at != std::string_view::npos; at = raw.find('&', at + 1)) {
    const std::string_view rest = raw.substr(at + 1);
    const std::size_t end = rest.find(';');
    if (end == std::string_view::npos) return at;
    const std::string_view name = rest.substr(0, end);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") continue;
    if (name.size() < 2 || name[0] != '#') return at;
    const bool hex = name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) return at;
    char32_t code = 0;
    for (const char c : digits) {
      const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && c >= 'a' && c <= 'f'               ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F'               ? c - 'A' + 10
                                                                    : -1;
      if (digit < 0) return at;
      code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    // XML's characters: tab, line ends, and the rest of Unicode but surrogates and U+FFFE, U+FFFF.
    const bool allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
    if (!allowed) return at;
  }
  return std::nullopt;
}

// The offset of the first text or attribute value under `document` that holds a
// reference naming no character.
std::optional<std::size_t> first_unknown_reference(pugi::xml_document& document, std::string_view part) {
  struct Walker : pugi::xml_tree_walker {
    std::string_view part;
    std::optional<std::size_t> found;
    // The offset in the part of `value`, which pugixml parsed in place.
    std::size_t offset_of(const char* value, std::size_t inside) const {
      const auto* begin = part.data();
      return value >= begin && value <= begin + part.size() ? static_cast<std::size_t>(value - begin) + inside
                                                            : static_cast<std::size_t>(0);
    }
    bool for_each(pugi::xml_node& node) override {
      if (auto at = unknown_reference(node.value())) {
        found = offset_of(node.value(), *at);
        return false;
      }
      for (const pugi::xml_attribute attribute : node.attributes()) {
        if (auto at = unknown_reference(attribute.value())) {
          found = offset_of(attribute.value(), *at);
          return false;
        }
      }
      return true;
    }
  } walker;
  walker.part = part;
  document.traverse(walker);
  return walker.found;
}

// A part of the template, checked and written back as one element, or why it cannot be.
util::Result<std::string> checked_part(std::string_view bytes, std::string_view name, std::string_view root,
                                       std::vector<std::string>* style_ids) {
  const auto problem = [&](std::string_view why, std::optional<std::size_t> offset = std::nullopt) {
    return util::Error{fmt::format("its part {}{} {}", name,
                                   offset ? fmt::format(", at {},", place(bytes, *offset)) : std::string(), why)};
  };
  if (const auto fault = util::first_text_fault(bytes)) {
    if (fault->kind == util::TextFault::Kind::nul || fault->kind == util::TextFault::Kind::control ||
        fault->kind == util::TextFault::Kind::invalid_utf8) {
      return problem("is not UTF-8 text without control characters", fault->offset);
    }
  }
  // First as written, every node kept and no reference replaced, to find what a Word part must not hold.
  const std::string raw(bytes);
  pugi::xml_document as_written;
  const unsigned everything = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_doctype |
                              pugi::parse_fragment | pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi;
  const pugi::xml_parse_result read =
      as_written.load_buffer_inplace(const_cast<char*>(raw.data()), raw.size(), everything, pugi::encoding_utf8);
  if (!read) return problem(fmt::format("is not well-formed XML: {}", read.description()), read.offset);
  std::size_t elements = 0;
  for (const pugi::xml_node node : as_written.children()) {
    switch (node.type()) {
      case pugi::node_element:
        if (++elements > 1) return problem("holds a second element after its root", node.offset_debug());
        break;
      case pugi::node_doctype:
        return problem("holds a DOCTYPE, which no Word part has: its entities could reach outside the file",
                       node.offset_debug());
      case pugi::node_pcdata:
      case pugi::node_cdata: {
        // The text's first character that is not a space, where pugixml gives where the text starts.
        const std::string_view text = node.value();
        const std::size_t spaces = std::min(text.find_first_not_of(" \t\r\n"), text.size());
        return problem("holds text outside its root element", node.offset_debug() + static_cast<long>(spaces));
      }
      default: break;  // the declaration, comments and processing instructions, which are not written back
    }
  }
  const pugi::xml_node top = as_written.document_element();
  if (elements == 0) return problem("holds no element");
  if (std::string_view(top.name()) != root) return problem(fmt::format("is not {} but {}", root, top.name()));
  if (const auto at = first_unknown_reference(as_written, raw)) {
    return problem("refers to an entity that is not one of XML's own five, which only a DOCTYPE could declare", *at);
  }
  // Then read for what it means, and written back as pugixml writes XML.
  pugi::xml_document document;
  if (!document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return problem("is not well-formed XML");
  }
  if (style_ids != nullptr) {
    for (const pugi::xml_node style : document.document_element().children("w:style")) {
      style_ids->emplace_back(style.attribute("w:styleId").value());
    }
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  out << "\n";
  return out.str();
}

}  // namespace

util::Result<WordTemplate> word_template_from(std::string_view bytes) {
  if (!zip_entry(bytes, "[Content_Types].xml", k_part_limit)) {
    return util::Error{"it is not a Word file (.docx or .dotx)"};
  }
  const auto styles = zip_entry(bytes, "word/styles.xml", k_part_limit);
  if (!styles) return util::Error{"it holds no styles (word/styles.xml), or they are larger than 8 MiB"};
  WordTemplate out;
  auto checked_styles = checked_part(*styles, "word/styles.xml", "w:styles", &out.style_ids);
  if (!checked_styles) return util::Error{checked_styles.error()};
  out.styles = std::move(checked_styles).value();
  if (const auto theme = zip_entry(bytes, "word/theme/theme1.xml", k_part_limit)) {
    auto checked_theme = checked_part(*theme, "word/theme/theme1.xml", "a:theme", nullptr);
    if (!checked_theme) return util::Error{checked_theme.error()};
    out.theme = std::move(checked_theme).value();
  }
  return out;
}

}  // namespace hmicfrs::render
