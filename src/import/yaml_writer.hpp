#pragma once

// Writing the register's YAML as a newcomer would: block style, a field a
// line, values quoted only where YAML needs it, longer text as a literal
// block. Private to import/.

#include <string>
#include <string_view>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/yaml_text.hpp>

namespace hmicfrs::import {

using util::yaml_scalar;

class YamlWriter {
 public:
  // "# text" at `indent`.
  void comment(int indent, std::string_view text);
  // "key: value" at `indent`; an item's first field when `item` ("- key: value", the dash at indent - 2).
  void field(int indent, std::string_view key, std::string_view value, bool item = false);
  // "key: value  # comment", for a one-line value.
  void commented_field(int indent, std::string_view key, std::string_view value, std::string_view comment);
  // "key: value" with `value` written as it is: a date, an id, a name of the format's.
  void verbatim(int indent, std::string_view key, std::string_view value, bool item = false);
  // "- value": an item of a list of text.
  void item(int indent, std::string_view value);
  // "key:" opening a nested mapping or list.
  void open(int indent, std::string_view key, bool item = false);
  void blank_line() { m_out += '\n'; }
  std::string take() { return std::move(m_out); }
  // The values written so far as the loader counts them (keys, scalars, lists and mappings, the file's own).
  std::size_t values() const { return m_values; }

 private:
  void key(int indent, std::string_view key, bool item);
  std::string m_out;
  std::size_t m_values = 1;  // the file's mapping
};

// `ratings:` as the configuration writes it: each rating's id, label where it is not the id capitalised,
// meaning, colour, marks, attention and derived_when.
void write_ratings(YamlWriter& w, const model::Vocabulary& vocabulary);

}  // namespace hmicfrs::import
