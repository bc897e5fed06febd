#include "reader.hpp"

#include <algorithm>
#include <cctype>

#include <hmicfrs/util/slug.hpp>

namespace hmicfrs::load {
namespace {

using diag::Code;

}  // namespace

bool Reader::fields(const Node& node, std::string_view what, std::span<const Field> known) {
  if (node.kind != Node::Kind::mapping) {
    m_diagnostics.error(at(node), fmt::format("expected a mapping for {}, found {}", what, describe(node.kind)),
                        Code::wrong_type);
    return false;
  }
  std::vector<std::string_view> names;
  names.reserve(known.size());
  for (const Field& field : known) names.push_back(field.name);

  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const MapEntry& entry = node.entries[i];
    if (std::find(names.begin(), names.end(), entry.key) != names.end()) continue;
    // "rag:red" in {...} is one key with no value, not a field with its value.
    if (const std::size_t colon = entry.key.find(':');
        colon != std::string::npos && entry.value.kind == Node::Kind::null &&
        std::find(names.begin(), names.end(), std::string_view(entry.key).substr(0, colon)) != names.end()) {
      const std::string_view field = std::string_view(entry.key).substr(0, colon);
      m_diagnostics.error(at(entry),
                          fmt::format("no space after the ':' in '{}': write '{}: {}'", entry.key, field,
                                      std::string_view(entry.key).substr(colon + 1)),
                          Code::yaml_syntax);
      continue;
    }
    // In {...}, an unquoted ',' ends a value: the rest becomes a key of its own, with no value.
    if (node.flow && i > 0 && entry.value.kind == Node::Kind::null &&
        node.entries[i - 1].value.kind == Node::Kind::scalar) {
      i = unquoted_comma(node, i, names);
      continue;
    }
    const std::string hint = util::did_you_mean(entry.key, names);
    m_diagnostics.error(at(entry),
                        !hint.empty() ? fmt::format("unknown field '{}' in {}{}", entry.key, what, hint)
                                      : fmt::format("unknown field '{}' in {} (known fields: {})", entry.key, what,
                                                    util::join_alternatives(names, ", ")),
                        Code::unknown_field);
  }
  for (const Field& field : known) {
    if (field.required && node.find(field.name) == nullptr) {
      m_diagnostics.error(at(node), fmt::format("missing required field '{}' in {}", field.name, what),
                          Code::missing_field);
    }
  }
  return true;
}

std::size_t Reader::unquoted_comma(const Node& node, std::size_t first, std::span<const std::string_view> names) {
  const MapEntry& split = node.entries[first - 1];
  std::string whole = split.value.text;
  std::size_t last = first;
  for (; last < node.entries.size(); ++last) {
    const MapEntry& piece = node.entries[last];
    if (piece.value.kind != Node::Kind::null || std::find(names.begin(), names.end(), piece.key) != names.end()) break;
    whole += ", " + piece.key;
  }
  m_diagnostics.error(at(node.entries[first]),
                      fmt::format("'{}' holds a ',' that ends its value here: put the whole value in quotes: "
                                  "{}: \"{}\"",
                                  split.key, split.key, whole),
                      Code::unquoted_comma);
  return last - 1;
}

void Reader::wrong_type(const Node& node, std::string_view field, std::string_view expected) {
  m_diagnostics.error(at(node), fmt::format("expected {} for '{}', found {}", expected, field, describe(node.kind)),
                      Code::wrong_type);
}

std::optional<std::string> Reader::text(const Node* node, std::string_view field) {
  if (node == nullptr) return std::nullopt;
  if (node->kind != Node::Kind::scalar) {
    wrong_type(*node, field, "text");
    return std::nullopt;
  }
  return node->text;
}

std::optional<std::string> Reader::line(const Node* node, std::string_view field) {
  auto value = text(node, field);
  if (value && value->find_first_of("\r\n") != std::string::npos) {
    m_diagnostics.error(at(*node),
                        fmt::format("'{}' must be one line: write it without line breaks (longer text has its own "
                                    "field, such as 'text' or 'summary')",
                                    field),
                        Code::invalid_value);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::web_address(const Node* node, std::string_view field) {
  auto value = line(node, field);
  if (!value) return std::nullopt;
  const bool web = value->starts_with("https://") || value->starts_with("http://");
  if (!web || value->find_first_of(" \t<>\"") != std::string::npos) {
    m_diagnostics.error(at(*node),
                        fmt::format("'{}' must be a web address, starting https:// or http://, with no space or "
                                    "quote in it",
                                    field),
                        Code::invalid_value);
    return std::nullopt;
  }
  return value;
}

std::optional<model::Date> Reader::date(const Node* node, std::string_view field, Precision precision) {
  const auto written = text(node, field);
  if (!written) return std::nullopt;
  auto parsed = model::Date::parse(*written);
  if (!parsed) {
    m_diagnostics.error(at(*node), parsed.error(), Code::invalid_date);
    return std::nullopt;
  }
  if (precision == Precision::day && !parsed->has_day()) {
    m_diagnostics.error(at(*node), fmt::format("'{}' needs a day: '{}' is dated to the day", *written, field),
                        Code::invalid_date);
    return std::nullopt;
  }
  if (precision == Precision::month_or_day && !parsed->has_month()) {
    m_diagnostics.error(
        at(*node),
        fmt::format("'{}' needs a month: '{}' is dated to the month at least ({}-MM)", *written, field, *written),
        Code::invalid_date);
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::optional<model::Occasion> Reader::occasion(const Node* node, std::string_view field, Precision precision) {
  if (node != nullptr && node->kind == Node::Kind::scalar && node->text == "undated") return model::Occasion{};
  auto date = this->date(node, field, precision);
  if (!date) return std::nullopt;
  return model::Occasion{*date};
}

std::optional<int> Reader::integer(const Node* node, std::string_view field, int min, int max) {
  const auto written = text(node, field);
  if (!written) return std::nullopt;
  const bool digits =
      !written->empty() && written->size() <= 9 &&
      std::all_of(written->begin(), written->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  const int value = digits ? std::stoi(*written) : -1;
  if (!digits || value < min || value > max) {
    m_diagnostics.error(
        at(*node), fmt::format("expected a whole number from {} to {} for '{}', found '{}'", min, max, field, *written),
        Code::invalid_value);
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Node* node, std::string_view field) {
  const auto written = text(node, field);
  if (!written) return std::nullopt;
  if (*written == "true") return true;
  if (*written == "false") return false;
  m_diagnostics.error(at(*node), fmt::format("expected true or false for '{}', found '{}'", field, *written),
                      Code::invalid_value);
  return std::nullopt;
}

std::optional<std::string> Reader::id(const Node* node, std::string_view field, IdKind kind) {
  auto written = text(node, field);
  if (!written) return std::nullopt;
  if (kind == IdKind::slug && !model::is_slug(*written)) {
    const std::string hint = util::slugified(*written);  // what a slug was probably meant to be
    m_diagnostics.error(at(*node),
                        fmt::format("'{}' is not a valid {}: use lower-case letters, digits and hyphens{}", *written,
                                    field, hint.empty() ? "" : fmt::format(", e.g. '{}'", hint)),
                        Code::invalid_id);
    return std::nullopt;
  }
  if (kind == IdKind::finding_ref && !model::is_finding_ref(*written)) {
    m_diagnostics.error(
        at(*node),
        fmt::format("'{}' is not a valid {}: use letters, digits, '.' and '-', e.g. 'AFI3'", *written, field),
        Code::invalid_id);
    return std::nullopt;
  }
  return written;
}

std::optional<std::vector<std::string>> Reader::text_list(const Node* node, std::string_view field) {
  if (node == nullptr) return std::nullopt;
  if (node->kind != Node::Kind::sequence) {
    wrong_type(*node, field, "a list");
    return std::nullopt;
  }
  std::vector<std::string> out;
  out.reserve(node->items.size());
  for (const Node& item : node->items) {
    if (auto value = line(&item, field)) out.push_back(std::move(*value));
  }
  return out;
}

model::Located<std::string> Reader::reference(const Node* node, std::string_view field) {
  model::Located<std::string> out;
  if (auto value = text(node, field)) out = {std::move(*value), at(*node)};
  return out;
}

model::Located<model::Interned> Reader::word_reference(const Node* node, std::string_view field) {
  model::Located<model::Interned> out;
  if (const auto value = text(node, field)) out = {model::Interned(*value), at(*node)};
  return out;
}

}  // namespace hmicfrs::load
