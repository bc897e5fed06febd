#include "value_readers.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/util/suggest.hpp>
#include <hmicfrs/util/text_rules.hpp>
#include "text.hpp"
#include "words.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Text read as a date in one of the mapping's forms; a cell of text that reads as none is reported.
std::optional<model::Date> text_date(RowContext& row, const Value& v, bool day_only) {
  DateProblem problem = DateProblem::none;
  std::optional<model::Date> out = read_date(v.text, row.import.forms, problem);
  if (out) return out;
  if (!has_digit(v.text) && !day_only) {
    row.import.diagnostics.warning(
        row.at(v), fmt::format("{}: '{}' is not a date, so it is kept in the finding's text", row.cell_text(v), v.text),
        Code::invalid_date);
    row.extras.push_back({v.cell->column, v.text});
    return std::nullopt;
  }
  const std::string why =
      problem == DateProblem::no_year      ? "it has no year: give the year under `dates: default_year:` in the "
                                             "mapping, or write it in the tracker"
      : problem == DateProblem::impossible ? "there is no such day"
      : problem == DateProblem::no_such_quarter
          ? "there is no such quarter: Q1 to Q4, of one year (Q2 2025) or of a financial year of two years in a row "
            "(Q3 24/25)"
          : fmt::format(
                "no form of date reads it: add its form under `dates: formats:` in the mapping (the "
                "built-in ones are day first, such as {})",
                fmt::join(std::span(default_date_forms()).first(4), ", "));
  row.error(row.at(v), fmt::format("{}: '{}' is not a date: {}", row.cell_text(v), v.text, why), Code::invalid_date);
  return std::nullopt;
}

}  // namespace

bool unusable(diag::Diagnostics& diagnostics, const std::string& text, const diag::Location& location,
              const std::string& where) {
  if (text.size() > model::k_most_value_bytes) {
    diagnostics.error(location,
                      fmt::format("{}: holds {} bytes, more than the 1 MiB a register's value may hold: shorten it",
                                  where, text.size()),
                      Code::limit_exceeded);
    return true;
  }
  const auto fault = util::first_text_fault(text);
  if (!fault) return false;
  const auto code = static_cast<unsigned>(fault->code);
  diagnostics.error(
      location,
      fault->kind == util::TextFault::Kind::invalid_utf8
          ? fmt::format("{}: holds a byte that is not UTF-8 (0x{:02X}): save the workbook again", where, code)
          : fmt::format("{}: holds a {} (U+{:04X}), which no register file may hold: remove it", where,
                        fault->kind == util::TextFault::Kind::bidi           ? "bidirectional control character"
                        : fault->kind == util::TextFault::Kind::noncharacter ? "noncharacter"
                                                                             : "control character",
                        code),
      fault->kind == util::TextFault::Kind::invalid_utf8 ? Code::encoding : Code::control_character);
  return true;
}

void refuse_unusable_cells(RowContext& row) {
  for (const Cell& cell : row.row.cells) {
    if (unusable(row.import.diagnostics, cell.text, row.import.table.at(row.number, cell.column),
                 row.import.columns.cell_text(row.number, cell.column))) {
      row.failed = true;
    }
  }
}

std::optional<model::Date> cell_date(RowContext& row, const Value& v, bool day_only) {
  std::optional<model::Date> out;
  if (v.cell->date) {
    if (auto day = model::Date::parse(v.cell->text)) out = *day;
  } else if (v.cell->number) {
    // A number in a date column is a day Excel counts, when it is one of this era's.
    if (*v.cell->number >= 10'000 && *v.cell->number < 100'000) out = excel_date(*v.cell->number, false);
  } else {
    out = text_date(row, v, day_only);
    if (!out) return std::nullopt;  // reported, or kept in the text
  }
  if (!out) {
    row.error(row.at(v), fmt::format("{}: {} is not a date Excel writes", row.cell_text(v), v.text),
              Code::invalid_date);
    return std::nullopt;
  }
  if (day_only && !out->has_day()) {
    row.error(row.at(v), fmt::format("{}: '{}' names a month: an update needs its day", row.cell_text(v), v.text),
              Code::invalid_date);
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> register_word(RowContext& row, const Value& v, std::string_view field) {
  const std::string key = folded(v.text);
  const model::ImportMapping& mapping = row.import.mapping;
  if (const auto words = mapping.values.find(field); words != mapping.values.end()) {
    for (const auto& [word, meaning] : words->second) {
      if (folded(word) != key) continue;
      if (field == "rating" && !meaning.value.empty() && row.import.vocabulary.find(meaning.value) == nullptr) {
        row.error(meaning.location,
                  fmt::format("'{}' is not one of the register's ratings ({})", meaning.value,
                              util::join_alternatives(register_values("rating", row.import.vocabulary))),
                  Code::rating_vocabulary);
        return std::nullopt;
      }
      return meaning.value;
    }
  }
  if (auto builtin = builtin_word(field, key, row.import.vocabulary)) return builtin;
  return std::nullopt;
}

void unknown_word(RowContext& row, const Value& v, std::string_view field) {
  const auto known = register_values(field, row.import.vocabulary);
  // A slip ("Compete") is nearest one of the words the import knows; else one of the register's own.
  std::vector<std::string_view> words = builtin_words(field);
  if (const auto mapped = row.import.mapping.values.find(field); mapped != row.import.mapping.values.end()) {
    for (const auto& [word, meaning] : mapped->second) words.push_back(word);
  }
  words.insert(words.end(), known.begin(), known.end());
  row.error(row.at(v),
            fmt::format("{}: '{}' is not a {} the import knows{}: map it under `values: {}:` in the mapping to one "
                        "of {}",
                        row.cell_text(v), v.text, field == "inspection_type" ? "report type" : field,
                        util::did_you_mean(v.text, words), field, util::join_alternatives(known)),
            Code::invalid_value);
}

}  // namespace hmicfrs::import
