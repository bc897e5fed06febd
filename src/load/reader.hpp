#pragma once

// Strict readers of tree values for the decoders: each reports what is wrong
// with a value, where, and carries on. Private to load/.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/load/yaml_tree.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/suggest.hpp>
#include "fields.hpp"

namespace hmicfrs::load {

// How much of a date must be given: its day; at least its month; or at least its year.
enum class Precision { day, month_or_day, year_month_or_day };

// The kinds of identifier the data uses, each with its own spelling rule.
enum class IdKind {
  slug,         // lower-case letters, digits and hyphens: "peel-2021-22"
  finding_ref,  // letters, digits, '.' and '-': "AFI3", "CoC1"
};

class Reader {
 public:
  Reader(diag::SourceName path, diag::Diagnostics& diagnostics) : m_path(std::move(path)), m_diagnostics(diagnostics) {}

  diag::Location at(const Node& node) const { return diag::file_location(m_path, node.line, node.column); }
  diag::Location at(const MapEntry& entry) const { return diag::file_location(m_path, entry.line, entry.column); }
  diag::Diagnostics& diagnostics() { return m_diagnostics; }

  // Checks that `node` is a mapping whose keys are among `known`: reports
  // others (suggesting the nearest; in {...}, text split off a value by an
  // unquoted ',') and required ones that are missing.
  // Returns false, having reported it, when `node` is not a mapping.
  bool fields(const Node& node, std::string_view what, std::span<const Field> known);

  // Reports that `node` is not what `what` must be ("a mapping", "text").
  void wrong_type(const Node& node, std::string_view field, std::string_view expected);

  // Each reader returns nothing, silently, for an absent field (nullptr), and
  // nothing, having reported why, for a value that is not acceptable.
  std::optional<std::string> text(const Node* node, std::string_view field);
  // Text that must fit on one line (a title, an owner, a name): a line break is an error.
  std::optional<std::string> line(const Node* node, std::string_view field);
  // A web address (http:// or https://), on one line, with no space in it.
  std::optional<std::string> web_address(const Node* node, std::string_view field);
  std::optional<model::Date> date(const Node* node, std::string_view field, Precision precision);
  // A date, or `undated`: an occasion known of whose date is not.
  std::optional<model::Occasion> occasion(const Node* node, std::string_view field, Precision precision);
  std::optional<int> integer(const Node* node, std::string_view field, int min, int max);
  std::optional<bool> boolean(const Node* node, std::string_view field);
  std::optional<std::string> id(const Node* node, std::string_view field, IdKind kind);
  std::optional<std::vector<std::string>> text_list(const Node* node, std::string_view field);  // items of one line

  // The located text of a reference to another record; checked later. A finding's references are Interned words (an
  // owner's, a rating's, a finding's id: words a register repeats).
  model::Located<std::string> reference(const Node* node, std::string_view field);
  model::Located<model::Interned> word_reference(const Node* node, std::string_view field);

  // A value of one of the enums of model/enums.hpp, by its data-file name.
  template <class E>
  std::optional<E> choice(const Node* node, std::string_view field) {
    const auto name = text(node, field);
    if (!name) return std::nullopt;
    return choice_named<E>(*name, at(*node));
  }

  template <class E>
  std::optional<E> choice_named(std::string_view name, const diag::Location& location) {
    if (const auto value = model::value_named<E>(name)) return value;
    const auto names = model::names_of<E>();
    const std::string expected = fmt::format("expected {}", util::join_alternatives(names));
    m_diagnostics.error(location,
                        fmt::format("unknown {} '{}'{} ({})", model::EnumInfo<E>::what, name,
                                    util::did_you_mean(name, names), expected),
                        diag::Code::invalid_value);
    return std::nullopt;
  }

 private:
  // Reports the keys from `first` on that an unquoted ',' split off the value
  // before them; returns the index of the last.
  std::size_t unquoted_comma(const Node& node, std::size_t first, std::span<const std::string_view> names);

  diag::SourceName m_path;
  diag::Diagnostics& m_diagnostics;
};

// A register's own ratings (the `ratings:` entry of the configuration, or of an import's mapping),
// replacing red, amber and green in `vocabulary` (decode.cpp).
void decode_ratings(Reader& reader, const MapEntry& entry, model::Vocabulary& vocabulary);

}  // namespace hmicfrs::load
