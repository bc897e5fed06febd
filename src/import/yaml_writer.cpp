#include "yaml_writer.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace hmicfrs::import {
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

bool plain_safe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
  for (char c : text) {
    if (is_control(static_cast<unsigned char>(c))) return false;
  }
  return !looks_special(text);
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (is_control(static_cast<unsigned char>(c))) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Whether a literal block (|-) gives back exactly `text`: no control characters but line breaks, no
// indented first line, no white space ending a line (editors strip it) or the text.
bool literal_safe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.front() == '\n' || text.back() == '\n') return false;
  char previous = '\n';
  for (char c : text) {
    if (c == '\n' && (previous == ' ' || previous == '\t')) return false;
    if (c == '\t' && previous == '\n') return false;
    if (c != '\n' && is_control(static_cast<unsigned char>(c))) return false;
    previous = c;
  }
  return previous != ' ' && previous != '\t';
}

}  // namespace

std::string yaml_scalar(std::string_view text) { return plain_safe(text) ? std::string(text) : quoted(text); }

void YamlWriter::comment(int indent, std::string_view text) {
  m_out.append(static_cast<std::size_t>(indent), ' ');
  m_out += text.empty() ? "#" : "# ";
  m_out += text;
  m_out += '\n';
}

void YamlWriter::key(int indent, std::string_view key, bool item) {
  m_values += item ? 3 : 2;  // the key and its value, and an item's mapping
  if (item) {
    m_out.append(static_cast<std::size_t>(indent - 2), ' ');
    m_out += "- ";
  } else {
    m_out.append(static_cast<std::size_t>(indent), ' ');
  }
  m_out += key;
  m_out += ':';
}

void YamlWriter::open(int indent, std::string_view name, bool item) {
  key(indent, name, item);
  m_out += '\n';
}

void YamlWriter::commented_field(int indent, std::string_view name, std::string_view value, std::string_view comment) {
  key(indent, name, false);
  m_out += ' ';
  m_out += value.empty() ? std::string("\"\"") : yaml_scalar(value);
  m_out += "  # ";
  m_out += comment;
  m_out += '\n';
}

void YamlWriter::item(int indent, std::string_view value) {
  ++m_values;
  m_out.append(static_cast<std::size_t>(indent), ' ');
  m_out += "- ";
  m_out += yaml_scalar(value);
  m_out += '\n';
}

void YamlWriter::verbatim(int indent, std::string_view name, std::string_view value, bool item) {
  key(indent, name, item);
  m_out += ' ';
  m_out += value;
  m_out += '\n';
}

void YamlWriter::field(int indent, std::string_view name, std::string_view value, bool item) {
  key(indent, name, item);
  if (value.find('\n') != std::string_view::npos && literal_safe(value)) {
    m_out += " |-\n";
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t end = std::min(value.find('\n', start), value.size());
      if (end > start) {
        m_out.append(static_cast<std::size_t>(indent + 2), ' ');
        m_out += value.substr(start, end - start);
      }
      m_out += '\n';
      start = end + 1;
    }
    return;
  }
  m_out += ' ';
  m_out += yaml_scalar(value);
  m_out += '\n';
}

void write_ratings(YamlWriter& w, const model::Vocabulary& vocabulary) {
  w.open(0, "ratings");
  for (const model::Rating& rating : vocabulary.ratings) {
    w.verbatim(4, "id", rating.id, true);
    std::string label = rating.id;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (rating.label != label) w.field(4, "label", rating.label);
    if (!rating.meaning.empty()) w.field(4, "meaning", rating.meaning);
    // A colour by its name where it has one: "blue" reads better than "#58a6e8".
    std::string_view colour = rating.colour;
    for (const model::NamedColour& named : model::named_colours()) {
      if (named.hex == rating.colour) {
        colour = named.name;
        break;
      }
    }
    w.field(4, "colour", colour);
    if (rating.marks != model::Marks::open) w.verbatim(4, "marks", model::name_of(rating.marks));
    if (rating.attention) w.verbatim(4, "attention", "true");
    std::vector<std::string_view> conditions;
    if (rating.derived_when.overdue) conditions.push_back("overdue");
    for (model::Status status : rating.derived_when.statuses) conditions.push_back(model::name_of(status));
    if (!conditions.empty()) w.verbatim(4, "derived_when", fmt::format("[{}]", fmt::join(conditions, ", ")));
  }
}

}  // namespace hmicfrs::import
