#include "yaml_writer.hpp"

#include <hmicfrs/util/yaml_text.hpp>

#include <cctype>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace hmicfrs::import {
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
  if (util::literal_block_safe(value)) {
    m_out += " |-\n";
    m_out += util::literal_block_lines(value, indent + 2);
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
