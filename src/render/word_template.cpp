// A force's Word template, read as untrusted input: its styles and theme are
// parsed with pugixml (no DTD, no entities expanded) and held to what XML
// with namespaces requires, which pugixml alone does not check (one root
// element, no DOCTYPE, only XML's own entities, legal names, unique
// attributes, bound prefixes), then written back, so that a paper never
// carries what the template smuggled in, nor XML another program refuses.

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/text_rules.hpp>
#include <hmicfrs/util/utf8.hpp>
#include "zip.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::size_t k_part_limit = 8 << 20;
constexpr std::string_view k_xml_namespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view k_xmlns_namespace = "http://www.w3.org/2000/xmlns/";

// What a part's root must be: its prefixed name, and the namespace its prefix is bound to.
struct Root {
  std::string_view name;
  std::string_view name_space;
};
constexpr Root k_styles_root{"w:styles", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"};
constexpr Root k_theme_root{"a:theme", "http://schemas.openxmlformats.org/drawingml/2006/main"};

// "line 3, column 14" of byte `offset` in `text`, the column counted in characters.
std::string place(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t newline = before.rfind('\n');
  const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::string_view on_line = newline == std::string_view::npos ? before : before.substr(newline + 1);
  return fmt::format("line {}, column {}", line, util::measured(on_line, [](char32_t) { return std::size_t{1}; }) + 1);
}

// XML's name characters (XML 1.0, fifth edition, 2.3), the colon aside.
bool name_start(char32_t c) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
bool name_character(char32_t c) {
  return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

// Whether `name` is a name without a colon (an NCName).
bool is_local_name(std::string_view name) {
  for (std::size_t at = 0; at < name.size();) {
    const util::Character character = util::character_at(name, at);
    if (!(at == 0 ? name_start(character.code) : name_character(character.code))) return false;
    at += character.length;
  }
  return !name.empty();
}

// A qualified name split at its colon: prefix (empty when none) and local name; nothing when it is not one.
std::optional<std::pair<std::string_view, std::string_view>> qualified(std::string_view name) {
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) {
    if (!is_local_name(name)) return std::nullopt;
    return std::pair{std::string_view(), name};
  }
  const std::string_view prefix = name.substr(0, colon), local = name.substr(colon + 1);
  if (!is_local_name(prefix) || !is_local_name(local)) return std::nullopt;
  return std::pair{prefix, local};
}

// The offset of the first reference in raw (unescaped) text that names no
// character: without a DTD, which a Word part never has, only XML's five
// entities and references to XML's characters are well-formed.
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
    if (digits.empty()) return at;
    char32_t code = 0;
    for (const char c : digits) {
      const int digit = c >= '0' && c <= '9'          ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
      if (digit < 0) return at;
      code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      if (code > 0x10FFFF) return at;  // leading zeros may run on; the value may not
    }
    // XML's characters: tab, line ends, and the rest of Unicode but surrogates, U+FFFE and U+FFFF.
    const bool allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
    if (!allowed) return at;
  }
  return std::nullopt;
}

// Walks a part as written (references not replaced, line ends as they are, so
// that every value sits where it is in the part) and finds the first thing
// XML with namespaces forbids that pugixml lets through.
class NamespaceCheck : public pugi::xml_tree_walker {
 public:
  explicit NamespaceCheck(std::string_view part) : m_part(part) {}

  std::optional<std::pair<std::string, std::size_t>> problem;  // why, and where
  std::string root_namespace;                                  // the namespace the root's prefix is bound to

  bool for_each(pugi::xml_node& node) override {
    // Bindings made by elements this one is not inside no longer hold.
    while (!m_undo.empty() && m_undo.back().first >= depth()) {
      m_bindings[m_undo.back().second].pop_back();
      m_undo.pop_back();
    }
    if (node.type() == pugi::node_pcdata) {
      if (const auto at = unknown_reference(node.value())) fail(k_unknown_reference, offset_of(node.value(), *at));
      return !problem;
    }
    if (node.type() != pugi::node_element) return true;
    return element(node) && !problem;
  }

 private:
  static constexpr const char* k_unknown_reference =
      "refers to an entity that is not one of XML's own five, which only a DOCTYPE could declare";

  bool element(const pugi::xml_node& node) {
    const auto name = qualified(node.name());
    if (!name) return fail(fmt::format("has an element whose name, '{}', XML does not allow", node.name()), node);
    // Its namespace declarations first: they hold for the element's own name and attributes.
    std::vector<std::string_view> names;
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const std::string_view attribute_name = attribute.name();
      names.push_back(attribute_name);
      const auto parts = qualified(attribute_name);
      if (!parts) {
        return fail(fmt::format("has an attribute whose name, '{}', XML does not allow", attribute_name), node);
      }
      if (const auto at = unknown_reference(attribute.value())) {
        return fail(k_unknown_reference, offset_of(attribute.value(), *at));
      }
      const bool declares = parts->first == "xmlns" || (parts->first.empty() && parts->second == "xmlns");
      if (!declares) continue;
      const std::string_view prefix = parts->first.empty() ? std::string_view() : parts->second;
      const std::string_view uri = attribute.value();
      if (prefix == "xmlns" || uri == k_xmlns_namespace || (prefix == "xml") != (uri == k_xml_namespace) ||
          (!prefix.empty() && uri.empty())) {
        return fail(fmt::format("binds a namespace as XML does not allow: {}=\"{}\"", attribute_name, uri), node);
      }
      m_bindings[std::string(prefix)].emplace_back(uri);
      m_undo.emplace_back(depth(), std::string(prefix));
    }
    if (!name->first.empty() && !bound(name->first)) {
      return fail(fmt::format("uses the prefix '{}', which no namespace declaration binds", name->first), node);
    }
    if (depth() == 0 && !name->first.empty()) root_namespace = *bound(name->first);
    // Every attribute once, by its name and by the namespace and local name it stands for.
    std::vector<std::string> expanded;
    for (const std::string_view attribute_name : names) {
      const auto parts = qualified(attribute_name);
      if (parts->first.empty() || parts->first == "xmlns") {
        expanded.emplace_back(attribute_name);
        continue;
      }
      const std::optional<std::string> uri = bound(parts->first);
      if (!uri) {
        return fail(fmt::format("uses the prefix '{}', which no namespace declaration binds", parts->first), node);
      }
      expanded.push_back(fmt::format("{{{}}}{}", *uri, parts->second));
    }
    std::sort(expanded.begin(), expanded.end());
    if (const auto twice = std::adjacent_find(expanded.begin(), expanded.end()); twice != expanded.end()) {
      return fail(fmt::format("gives an element the attribute {} twice", *twice), node);
    }
    return true;
  }

  // The namespace `prefix` is bound to where the walk is.
  std::optional<std::string> bound(std::string_view prefix) const {
    if (prefix == "xml") return std::string(k_xml_namespace);
    const auto it = m_bindings.find(std::string(prefix));
    if (it == m_bindings.end() || it->second.empty()) return std::nullopt;
    return std::string(it->second.back());
  }

  // The offset in the part of `value`, which pugixml parsed in place.
  std::size_t offset_of(const char* value, std::size_t inside) const {
    const char* begin = m_part.data();
    return value >= begin && value <= begin + m_part.size() ? static_cast<std::size_t>(value - begin) + inside : 0;
  }

  bool fail(std::string why, std::size_t offset) {
    if (!problem) problem = {std::move(why), offset};
    return false;
  }
  bool fail(std::string why, const pugi::xml_node& node) {
    return fail(std::move(why), static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0)));
  }

  std::string_view m_part;
  std::unordered_map<std::string, std::vector<std::string_view>> m_bindings;  // each prefix's bindings, innermost last
  std::vector<std::pair<int, std::string>> m_undo;                            // the depth each binding was made at
};

// A part of the template, checked and written back as one element, or why it cannot be.
util::Result<std::string> checked_part(std::string_view bytes, std::string_view name, const Root& root,
                                       std::vector<std::string>* style_ids) {
  const auto problem = [&](std::string_view why, std::optional<std::size_t> offset = std::nullopt) {
    return util::Error{fmt::format("its part {}{} {}", name,
                                   offset ? fmt::format(", at {},", place(bytes, *offset)) : std::string(), why)};
  };
  // Every fault but a bidirectional mark, which XML may hold, wherever it stands after one.
  for (std::size_t from = 0; from < bytes.size();) {
    const auto fault = util::first_text_fault(bytes.substr(from));
    if (!fault) break;
    if (fault->kind != util::TextFault::Kind::bidi) {
      return problem("is not UTF-8 text of XML's characters (no control characters, U+FFFE or U+FFFF)",
                     from + fault->offset);
    }
    from += fault->offset + 3;  // a bidirectional mark takes three bytes
  }
  // Each '<' starts a tag and each '=' may give an attribute: each costs a tree a node, so they are bounded
  // before the part is parsed, far above a Word template's styles (tens of thousands).
  constexpr std::size_t k_most_nodes = 1'000'000;
  if (static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) { return c == '<' || c == '='; })) >
      k_most_nodes) {
    return problem("holds more than 1,000,000 tags and attributes, more than any Word template");
  }
  // First as written, every node kept, no reference replaced and no line end changed, to find what a Word
  // part must not hold where it is.
  std::string raw(bytes);
  pugi::xml_document as_written;
  // (No line end folded, in text or in an attribute: a place found in the tree is the place in the part.)
  const unsigned everything =
      (pugi::parse_default & ~pugi::parse_escapes & ~pugi::parse_eol & ~pugi::parse_wconv_attribute) |
      pugi::parse_doctype | pugi::parse_fragment | pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi;
  const pugi::xml_parse_result read =
      as_written.load_buffer_inplace(raw.data(), raw.size(), everything, pugi::encoding_utf8);
  if (!read) return problem(fmt::format("is not well-formed XML: {}", read.description()), read.offset);
  std::size_t elements = 0;
  for (const pugi::xml_node node : as_written.children()) {
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
    switch (node.type()) {
      case pugi::node_element:
        if (++elements > 1) return problem("holds a second element after its root", at);
        break;
      case pugi::node_doctype:
        return problem("holds a DOCTYPE, which no Word part has: its entities could reach outside the file", at);
      case pugi::node_pcdata:
      case pugi::node_cdata: {
        // Where the text's first character that is not a space is; pugixml gives where the text starts.
        const std::string_view text = node.value();
        return problem("holds text outside its root element",
                       at + std::min(text.find_first_not_of(" \t\r\n"), text.size()));
      }
      default: break;  // the declaration, comments and processing instructions, which are not written back
    }
  }
  if (elements == 0) return problem("holds no element");
  NamespaceCheck check(raw);
  as_written.traverse(check);
  if (check.problem) return problem(check.problem->first, check.problem->second);
  const std::string_view top = as_written.document_element().name();
  if (top != root.name || check.root_namespace != root.name_space) {
    return problem(fmt::format("is not {} in the namespace {}, but {}{}", root.name, root.name_space, top,
                               check.root_namespace.empty() ? "" : " in " + check.root_namespace));
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
  // An empty root is written with an end tag, before which the paper adds its own styles.
  if (!document.document_element().first_child()) document.document_element().append_child(pugi::node_pcdata);
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
  auto checked_styles = checked_part(*styles, "word/styles.xml", k_styles_root, &out.style_ids);
  if (!checked_styles) return util::Error{checked_styles.error()};
  out.styles = std::move(checked_styles).value();
  constexpr std::string_view k_theme = "word/theme/theme1.xml";
  if (const auto theme = zip_entry(bytes, k_theme, k_part_limit)) {
    auto checked_theme = checked_part(*theme, k_theme, k_theme_root, nullptr);
    if (!checked_theme) return util::Error{checked_theme.error()};
    out.theme = std::move(checked_theme).value();
  } else if (zip_holds(bytes, k_theme)) {
    return util::Error{fmt::format("its part {} cannot be unpacked, or is larger than 8 MiB", k_theme)};
  }
  return out;
}

}  // namespace hmicfrs::render
