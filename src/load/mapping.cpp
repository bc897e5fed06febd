#include <hmicfrs/load/mapping.hpp>

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include <hmicfrs/load/yaml_tree.hpp>
#include "decode.hpp"
#include "fields.hpp"
#include "file_read.hpp"
#include "reader.hpp"

namespace hmicfrs::load {
namespace {

using diag::Code;

constexpr std::uintmax_t k_mapping_limit = 1u << 20;

// One column name, or a list of them.
std::vector<model::ColumnName> column_names(Reader& reader, const Node& node, std::string_view field) {
  std::vector<model::ColumnName> out;
  const auto add = [&](const Node& item) {
    if (auto name = reader.line(&item, field)) {
      if (name->empty()) {
        reader.diagnostics().error(reader.at(item), fmt::format("'{}' names an empty column", field),
                                   Code::invalid_value);
      } else {
        out.push_back({std::move(*name), reader.at(item)});
      }
    }
  };
  if (node.kind == Node::Kind::sequence) {
    for (const Node& item : node.items) add(item);
  } else {
    add(node);
  }
  return out;
}

// `values:`: per field of k_import_word_fields, the tracker's words to the register's.
void decode_values(Reader& reader, const Node& node, model::ImportMapping& mapping) {
  std::vector<Field> known;
  for (std::string_view field : model::k_import_word_fields) known.push_back({field});
  if (!reader.fields(node, "values", known)) return;
  for (const MapEntry& field : node.entries) {
    if (field.value.kind != Node::Kind::mapping) {
      reader.wrong_type(field.value, field.key, "a mapping of the tracker's words to the register's");
      continue;
    }
    auto& words = mapping.values[field.key];
    for (const MapEntry& word : field.value.entries) {
      auto value = reader.line(&word.value, word.key);
      if (!value) continue;
      // The register's own words are checked here; ratings, against the register's vocabulary, on import.
      const bool known =
          field.key == "type"     ? reader.choice_named<model::FindingType>(*value, reader.at(word.value)).has_value()
          : field.key == "status" ? reader.choice_named<model::Status>(*value, reader.at(word.value)).has_value()
          : field.key == "inspection_type"
              ? reader.choice_named<model::InspectionType>(*value, reader.at(word.value)).has_value()
              : true;
      if (known) {
        words.emplace(word.key, model::ImportMapping::Word{std::move(*value), reader.at(word.value)});
      }
    }
  }
}

}  // namespace

std::optional<model::ImportMapping> load_import_mapping(const std::filesystem::path& path,
                                                        diag::Diagnostics& diagnostics) {
  const auto shown = diag::source_name(path.generic_string());
  const FileRead file = read_regular_file(path, k_mapping_limit);
  if (file.problem != FileRead::Problem::none) {
    const std::string why = file.problem == FileRead::Problem::too_large   ? "it is over 1 MiB"
                            : file.problem == FileRead::Problem::directory ? "it is a directory"
                            : file.error != 0                              ? std::strerror(file.error)
                                                                           : "it is not a regular file";
    diagnostics.error(diag::file_location(shown), fmt::format("cannot read the mapping: {}", why), Code::read_error);
    return std::nullopt;
  }
  const auto root = parse_yaml(file.bytes, shown, Limits{}, diagnostics);
  if (!root) return std::nullopt;
  Reader reader(shown, diagnostics);
  if (root->kind == Node::Kind::null) {
    diagnostics.error(reader.at(*root), "the mapping is empty: `import --guess FILE` writes one to start from",
                      Code::empty_file);
    return std::nullopt;
  }
  if (!reader.fields(*root, "the mapping", k_mapping_fields)) return std::nullopt;
  model::ImportMapping mapping;
  mapping.location = reader.at(*root);
  if (const Node* sheet = root->find("sheet")) {
    mapping.sheet = reader.line(sheet, "sheet").value_or("");
    mapping.sheet_location = reader.at(*sheet);
  }
  mapping.header_row = reader.integer(root->find("header_row"), "header_row", 1, 1'048'576).value_or(0);
  if (const Node* names = root->find("register");
      names != nullptr && reader.fields(*names, "register", k_mapping_register_fields)) {
    mapping.force_name = reader.line(names->find("force"), "force").value_or("");
    mapping.committee_name = reader.line(names->find("committee"), "committee").value_or("");
  }
  if (const Node* columns = root->find("columns")) {
    std::vector<Field> known;
    for (std::string_view field : model::k_import_fields) known.push_back({field});
    if (reader.fields(*columns, "columns", known)) {
      for (const MapEntry& entry : columns->entries) {
        auto names = column_names(reader, entry.value, entry.key);
        if (!names.empty()) mapping.columns[entry.key] = std::move(names);
      }
    }
  }
  if (const Node* ignore = root->find("ignore")) mapping.ignore = column_names(reader, *ignore, "ignore");
  model::Vocabulary vocabulary;
  bool own_words = false;
  for (const MapEntry& entry : root->entries) {
    if (entry.key == "ratings") decode_ratings(reader, entry, vocabulary);
  }
  if (const Node* statuses = root->find("statuses");
      statuses != nullptr && reader.fields(*statuses, "statuses", k_status_label_fields)) {
    for (const MapEntry& entry : statuses->entries) {
      if (auto label = reader.line(&entry.value, entry.key)) {
        vocabulary.status_labels[static_cast<std::size_t>(*model::value_named<model::Status>(entry.key))] = *label;
        own_words = true;
      }
    }
  }
  if (vocabulary.customised || own_words) mapping.vocabulary = std::move(vocabulary);
  if (const Node* values = root->find("values")) decode_values(reader, *values, mapping);
  if (const Node* dates = root->find("dates");
      dates != nullptr && reader.fields(*dates, "dates", k_mapping_date_fields)) {
    if (const Node* formats = dates->find("formats")) mapping.date_formats = column_names(reader, *formats, "formats");
    mapping.default_year = reader.integer(dates->find("default_year"), "default_year", 1900, 2200);
  }
  if (const Node* defaults = root->find("defaults");
      defaults != nullptr && reader.fields(*defaults, "defaults", k_mapping_default_fields)) {
    mapping.default_inspection = reader.line(defaults->find("inspection"), "inspection").value_or("");
    if (reader.choice<model::InspectionType>(defaults->find("inspection_type"), "inspection_type")) {
      mapping.default_inspection_type = defaults->find("inspection_type")->text;
    }
    if (reader.choice<model::FindingType>(defaults->find("type"), "type"))
      mapping.default_type = defaults->find("type")->text;
  }
  return mapping;
}

}  // namespace hmicfrs::load
