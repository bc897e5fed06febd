#include <hmicfrs/import/guess.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/model/register.hpp>
#include "text.hpp"
#include "words.hpp"
#include "yaml_writer.hpp"

namespace hmicfrs::import {
namespace {

// Fields a tracker gives once per row; the others (text, updates) take several columns.
bool single(std::string_view field) { return field != "text" && field != "updates" && field != "ignore"; }

bool date_field(std::string_view field) {
  return field == "due" || field == "inspectorate_due" || field == "updated" || field == "published";
}

bool word_field(std::string_view field) {
  return std::find(model::k_import_word_fields.begin(), model::k_import_word_fields.end(), field) !=
         model::k_import_word_fields.end();
}

// "custody-2017/R1": an id as the register writes it.
bool looks_like_id(std::string_view text) {
  const auto slash = text.find('/');
  return slash != std::string_view::npos && model::is_slug(text.substr(0, slash)) &&
         model::is_finding_ref(text.substr(slash + 1));
}

// Each column's values below the header row, leaving out headings merged across the table.
std::map<int, std::vector<const Cell*>> values_by_column(const Table& table, int header_row) {
  std::map<int, std::vector<const Cell*>> out;
  for (const Row& row : table.rows) {
    if (row.number <= header_row || (is_heading_row(row) && row.cells.size() > 1)) continue;
    for (const Cell& cell : row.cells) {
      if (!trimmed(cell.text).empty()) out[cell.column].push_back(&cell);
    }
  }
  return out;
}

}  // namespace

std::size_t header_score(const Row& row) {
  // Distinct fields, so that a title merged across the top of the sheet counts once.
  std::set<std::string_view> fields;
  for (const Cell& cell : row.cells) {
    if (const auto guess = cell.number ? std::nullopt : field_for_header(cell.text)) fields.insert(guess->field);
  }
  return fields.size();
}

bool is_heading_row(const Row& row) {
  std::set<std::string_view> distinct;
  for (const Cell& cell : row.cells) {
    if (const std::string_view text = trimmed(cell.text); !text.empty()) distinct.insert(text);
  }
  return distinct.size() == 1;
}

int find_header_row(const Table& table) {
  int best = 0, first_wide = 0;
  std::size_t best_score = 0;
  for (std::size_t i = 0; i < table.rows.size() && i < 20; ++i) {
    const Row& row = table.rows[i];
    const std::size_t score = header_score(row);
    if (score > best_score) best = row.number, best_score = score;
    if (first_wide == 0 && row.cells.size() >= 2) first_wide = row.number;
  }
  if (best_score >= 2) return best;
  if (first_wide != 0) return first_wide;
  return table.rows.empty() ? 1 : table.rows.front().number;
}

namespace {

// A cell of text that starts with a date and goes on ("12/01/2022 - Policy drafted"): a dated update.
bool dated_update(const Cell& cell) {
  if (cell.date) return false;
  const std::string_view text = trimmed(cell.text);
  const auto date = leading_date(text, {});
  return date && !trimmed(text.substr(date->length)).empty();
}

// What a column's values say of its field: finding ids, or dated updates where its header says notes or
// nothing.
void guess_from_values(GuessedColumn& guess, const std::vector<const Cell*>& values, bool several_updates) {
  const std::size_t ids = static_cast<std::size_t>(
      std::count_if(values.begin(), values.end(), [](const Cell* c) { return looks_like_id(trimmed(c->text)); }));
  if (!values.empty() && ids * 5 >= values.size() * 4 && (guess.field.empty() || guess.field == "title")) {
    guess.field = "id";
    guess.why = "its values are finding ids (report/ref)";
  }
  if (guess.field == "note" && date_within(guess.header, {})) {
    guess.field = "updates";
    guess.why = "its header names the date of its updates";
  }
  if (guess.field == "note" || guess.field.empty()) {
    const std::size_t dated = static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [](const Cell* c) { return dated_update(*c); }));
    if (!values.empty() && dated * 2 >= values.size()) {
      guess.field = "updates";
      guess.why = "its cells start with dates";
    }
  }
  if (guess.field == "note" && several_updates) {
    guess.field = "updates";
    guess.why = "one of several update columns";
  }
}

// What the columns guessed so far have settled: the fields taken, the headers listed, and whether update
// columns have been seen more than once.
struct GuessState {
  std::set<std::string> taken;
  std::set<std::string> named;  // headers already listed (a merged header covers several columns)
  bool several_updates = false;
};

// A field of one value per row that an earlier column already gives: a second note column makes every note
// column one of updates; any other field's second column is kept as text.
void settle_repeated_field(GuessedMapping& out, GuessedColumn& guess, GuessState& state) {
  if (!single(guess.field) || guess.field.empty() || !state.taken.contains(guess.field) ||
      state.named.contains(folded(guess.header))) {
    return;
  }
  if (guess.field == "note") {
    // Several update columns ("Update 1", "Update 2"): each a dated update.
    for (GuessedColumn& earlier : out.columns) {
      if (earlier.field == "note") earlier.field = "updates";
    }
    auto& notes = out.mapping.columns["note"];
    auto& updates = out.mapping.columns["updates"];
    updates.insert(updates.begin(), notes.begin(), notes.end());
    out.mapping.columns.erase("note");
    state.taken.erase("note");
    state.several_updates = true;
    guess.field = "updates";
    guess.why = "one of several update columns";
  } else {
    guess.why = fmt::format("'{}' is read from an earlier column, so this one is kept as text", guess.field);
    guess.field.clear();
  }
}

// The column in the mapping, under its field or as ignored, named by its header (else its letters).
void map_column(GuessedMapping& out, const GuessedColumn& guess, GuessState& state) {
  if (!guess.field.empty() && !state.named.contains(folded(guess.header))) {
    const std::string name = guess.header.empty() ? column_letters(guess.column) : guess.header;
    if (guess.field == "ignore") {
      out.mapping.ignore.push_back({name, {}});
    } else {
      out.mapping.columns[guess.field].push_back({name, {}});
    }
    state.taken.insert(guess.field);
  }
  if (!guess.header.empty()) state.named.insert(folded(guess.header));
}

// The ratings the mapping gives the register: a BRAG tracker's four colours when its rating column says
// "Blue" (or "B"), else the usual three.
const model::Vocabulary& guess_vocabulary(GuessedMapping& out, const GuessedColumn& guess,
                                          const std::vector<const Cell*>& values) {
  static const model::Vocabulary k_usual;
  const bool blue = guess.field == "rating" && std::any_of(values.begin(), values.end(), [](const Cell* c) {
                      const std::string word = folded(trimmed(c->text));
                      return word == "blue" || word == "b";
                    });
  if (blue && !out.mapping.vocabulary) out.mapping.vocabulary = brag_vocabulary();
  return out.mapping.vocabulary ? *out.mapping.vocabulary : k_usual;
}

// The distinct words of a column of words (at most 40), each with the register's word for it, if known.
void guess_words(GuessedMapping& out, const GuessedColumn& guess, const std::vector<const Cell*>& values) {
  const model::Vocabulary& vocabulary = guess_vocabulary(out, guess, values);
  std::set<std::string> seen;
  for (const Cell* value : values) {
    const std::string word(trimmed(value->text));
    if (seen.size() >= 40 || !seen.insert(folded(word)).second) continue;
    out.words.push_back({guess.field, word, builtin_word(guess.field, folded(word), vocabulary)});
  }
}

// The built-in forms a column of dates' text is written in, and (at most five) texts none reads.
void guess_date_forms(GuessedMapping& out, const std::vector<const Cell*>& values) {
  for (const Cell* value : values) {
    if (value->date || value->number) continue;
    bool read = false;
    for (const std::string& form : default_date_forms()) {
      DateProblem problem = DateProblem::none;
      if (read_date(value->text, DateForms{std::span(&form, 1), {}}, problem)) {
        if (std::find(out.date_forms.begin(), out.date_forms.end(), form) == out.date_forms.end()) {
          out.date_forms.push_back(form);
          if (form.starts_with("Q#")) out.quarters.emplace_back(trimmed(value->text));
        }
        read = true;
        break;
      }
    }
    if (!read && out.unread_dates.size() < 5) out.unread_dates.emplace_back(trimmed(value->text));
  }
}

// A tracker of one kind of finding says so in its wording column's header ("Recommendation").
void guess_default_type(GuessedMapping& out) {
  if (out.mapping.columns.contains("type") || !out.mapping.columns.contains("title")) return;
  const std::string header = folded(out.mapping.columns["title"].front().name);
  if (header == "recommendation" || header == "recommendations") out.mapping.default_type = "recommendation";
  if (header == "afi" || header == "area for improvement" || header == "areas for improvement") {
    out.mapping.default_type = "afi";
  }
}

// The columns the header row and the values below it show: each with a header or a value.
std::set<int> columns_in_use(const Row* header, const std::map<int, std::vector<const Cell*>>& by_column) {
  std::set<int> columns;
  if (header != nullptr) {
    for (const Cell& cell : header->cells) columns.insert(cell.column);
  }
  for (const auto& [column, values] : by_column) columns.insert(column);
  return columns;
}

// A register's own list (`list -o list.xlsx`): finding ids ("custody-2019/R1") beside the reports' names. The ids
// give each report's id, and the report column, of names rather than ids, the report's title.
void take_report_ids_from_finding_ids(GuessedMapping& out, const std::map<int, std::vector<const Cell*>>& by_column) {
  auto& columns = out.mapping.columns;
  if (!columns.contains("id") || !columns.contains("inspection") || columns.contains("inspection_title")) return;
  for (GuessedColumn& guess : out.columns) {
    if (guess.field != "inspection") continue;
    const auto found = by_column.find(guess.column);
    if (found == by_column.end()) return;
    const std::vector<const Cell*>& values = found->second;
    const auto ids =
        std::count_if(values.begin(), values.end(), [](const Cell* c) { return model::is_slug(trimmed(c->text)); });
    if (static_cast<std::size_t>(ids) * 5 >= values.size() * 4) return;
    guess.field = "inspection_title";
    guess.why = "its values are reports' names, and each report's id is in the finding ids";
    columns["inspection_title"] = std::move(columns["inspection"]);
    columns.erase("inspection");
    return;
  }
}

}  // namespace

GuessedMapping guess_mapping(const Table& table, int header_row) {
  GuessedMapping out;
  if (header_row == 0) header_row = find_header_row(table);
  out.mapping.header_row = header_row;
  out.mapping.sheet = table.sheet;
  const Row* header = nullptr;
  for (const Row& row : table.rows) {
    if (row.number == header_row) header = &row;
  }
  const auto by_column = values_by_column(table, header_row);
  GuessState state;
  static const std::vector<const Cell*> k_none;
  for (const int column : columns_in_use(header, by_column)) {
    const Cell* cell = header != nullptr ? header->at(column) : nullptr;
    const auto found = by_column.find(column);
    const std::vector<const Cell*>& values = found == by_column.end() ? k_none : found->second;
    GuessedColumn guess{column, cell != nullptr ? std::string(trimmed(cell->text)) : std::string(), {}, {}};
    if (const auto by_header = field_for_header(guess.header)) {
      guess.field = by_header->field;
      guess.why = fmt::format("its header says '{}'", by_header->keyword);
    }
    guess_from_values(guess, values, state.several_updates);
    settle_repeated_field(out, guess, state);
    map_column(out, guess, state);
    if (word_field(guess.field)) guess_words(out, guess, values);
    if (date_field(guess.field)) guess_date_forms(out, values);
    out.columns.push_back(std::move(guess));
  }
  take_report_ids_from_finding_ids(out, by_column);
  guess_default_type(out);
  return out;
}

namespace {

// The columns each field is read from, with why each was guessed, and the usual fields no column gives.
void write_columns(YamlWriter& w, const GuessedMapping& guess) {
  const model::ImportMapping& m = guess.mapping;
  w.comment(0, "The register's fields, each from a column named by its header (or its letter).");
  w.open(0, "columns");
  for (std::string_view field : model::k_import_fields) {
    const auto it = m.columns.find(field);
    if (it == m.columns.end()) continue;
    std::vector<std::string> letters;
    std::string why;
    for (const GuessedColumn& c : guess.columns) {
      for (const model::ColumnName& name : it->second) {
        if (c.field == field && (c.header == name.name || column_letters(c.column) == name.name)) {
          letters.push_back(column_letters(c.column));
          if (why.empty()) why = c.why;
        }
      }
    }
    const std::string where =
        fmt::format("column{} {}: {}", letters.size() == 1 ? "" : "s", fmt::join(letters, ", "), why);
    if (it->second.size() == 1) {
      w.commented_field(2, field, it->second.front().name, where);
    } else {
      w.open(2, field);
      w.comment(4, where);
      for (const model::ColumnName& name : it->second) w.item(4, name.name);
    }
  }
  for (std::string_view field : model::k_import_fields) {
    // The fields most trackers have, said when missing; the rest (text, cause_of_concern ...) are extras.
    static constexpr std::array<std::string_view, 12> k_usual{"inspection", "published", "ref",       "type",
                                                              "title",      "owner",     "portfolio", "due",
                                                              "status",     "rating",    "updated",   "updates"};
    const bool from_id = m.columns.contains("id") && (field == "ref" || field == "inspection");
    const bool usual = std::find(k_usual.begin(), k_usual.end(), field) != k_usual.end();
    if (!m.columns.contains(field) && !from_id && usual) {
      w.comment(2, fmt::format("{}: no column found", field));
    }
  }
}

// The columns kept as text, and those ignored.
void write_other_columns(YamlWriter& w, const GuessedMapping& guess) {
  std::vector<const GuessedColumn*> kept;
  for (const GuessedColumn& c : guess.columns) {
    if (c.field.empty()) kept.push_back(&c);
  }
  if (!kept.empty()) {
    w.blank_line();
    w.comment(0, "Columns neither listed above nor ignored go into each finding's text under their header:");
    for (const GuessedColumn* c : kept) {
      w.comment(0, fmt::format("  {} '{}'{}", column_letters(c->column), c->header.empty() ? "(no header)" : c->header,
                               c->why.empty() ? "" : fmt::format(" ({})", c->why)));
    }
  }
  if (!guess.mapping.ignore.empty()) {
    w.blank_line();
    w.comment(0, "Columns left out on purpose: the tool works out whether a finding is overdue.");
    w.open(0, "ignore");
    for (const model::ColumnName& name : guess.mapping.ignore) w.item(2, name.name);
  }
}

// The ratings the register takes, when they are not the usual three.
void write_ratings_guessed(YamlWriter& w, const model::ImportMapping& m) {
  if (!m.vocabulary || !m.vocabulary->customised) return;
  w.blank_line();
  w.comment(0, "The tracker rates in four colours (BRAG): Blue for a finding complete, which closes one");
  w.comment(0, "whose status cell is empty. The register takes these ratings; change their wording here.");
  write_ratings(w, *m.vocabulary);
}

// The tracker's words, each as the register's, those it does not know commented out.
void write_words(YamlWriter& w, const GuessedMapping& guess) {
  if (guess.words.empty()) return;
  w.blank_line();
  w.comment(0, "The tracker's words, each as the register's. Lines commented out are words the tool");
  w.comment(0, "does not know: write the register's word for each, or the import refuses the row.");
  w.open(0, "values");
  const model::Vocabulary vocabulary = guess.mapping.vocabulary.value_or(model::Vocabulary{});
  for (std::string_view field : model::k_import_word_fields) {
    bool opened = false;
    for (const GuessedWord& word : guess.words) {
      if (word.field != field) continue;
      if (!opened) w.open(2, field), opened = true;
      if (word.value) {
        w.verbatim(4, yaml_scalar(word.word), word.value->empty() ? "\"\"" : *word.value);
      } else if (field == "rating" && builtin_word("status", folded(word.word), vocabulary)) {
        w.comment(4, fmt::format("{}: a status, not a rating: the finding gets no rating, and this status where "
                                 "its status cell is empty",
                                 word.word));
      } else {
        w.comment(4, fmt::format("{}: ?   # one of {}", yaml_scalar(word.word),
                                 fmt::join(register_values(field, vocabulary), ", ")));
      }
    }
  }
}

// The forms of date the tracker's dates read in, and those no built-in form reads, as a commented example.
void write_dates(YamlWriter& w, const GuessedMapping& guess) {
  w.blank_line();
  w.comment(0, "Dates: without a list of forms, the built-in ones are tried (day first: 31/03/2022,");
  w.comment(0, "31 March 2022, Mar-22, w/c 4 April 2022, 2022-03-31 ...).");
  if (!guess.date_forms.empty()) {
    w.comment(0, fmt::format("This tracker's dates read as: {}.", fmt::join(guess.date_forms, ", ")));
  }
  for (const std::string& quarter : guess.quarters) {
    DateProblem problem = DateProblem::none;
    const auto date = read_date(quarter, {}, problem);
    if (!date) continue;
    const bool financial = quarter.find_first_of("/-") != std::string::npos;
    w.comment(0, fmt::format("'{}' is read as its quarter's last month, {}: a quarter of {}.", quarter, date->iso(),
                             financial ? "the financial year (Q1 is April to June)" : "the calendar year"));
  }
  std::vector<std::string_view> words, unread;
  for (const std::string& text : guess.unread_dates) {
    (text.find_first_of("0123456789") == std::string::npos ? words : unread).push_back(text);
  }
  if (!words.empty()) {
    w.comment(0, fmt::format("Words in date columns ('{}') are kept in the finding's text.", fmt::join(words, "', '")));
  }
  if (!unread.empty()) {
    w.comment(0, fmt::format("No built-in form reads: '{}'. Give their forms, or fix them in the tracker:",
                             fmt::join(unread, "', '")));
  }
  w.comment(0, "dates:");
  w.comment(0, "  formats: [DD/MM/YYYY, MMM-YY, w/c D MMMM YYYY]");
  w.comment(0, "  default_year: 2022        # for dates written without a year");
}

// The defaults for what the tracker has no column for: commented out unless a default was guessed; then the
// block is live and its other lines commented within it.
void write_defaults(YamlWriter& w, const model::ImportMapping& m) {
  w.blank_line();
  w.comment(0, "What the tracker has no column for:");
  const bool live = !m.default_type.empty();
  const auto suggestion = [&](std::string_view line) {
    live ? w.comment(2, line) : w.comment(0, fmt::format("  {}", line));
  };
  live ? w.open(0, "defaults") : w.comment(0, "defaults:");
  if (!m.columns.contains("inspection") && !m.columns.contains("id")) {
    suggestion("inspection: peel-2021-22   # every row's report (no column names one)");
  }
  suggestion("inspection_type: other     # else from the report's title (PEEL, JTAI, custody ...)");
  if (live) {
    w.commented_field(2, "type", m.default_type,
                      fmt::format("where the ref does not say: the wording's column is headed '{}'",
                                  m.columns.at("title").front().name));
  } else {
    suggestion("type: recommendation       # else from the ref (R1, AFI2, CoC1)");
  }
}

}  // namespace

std::string mapping_yaml(const GuessedMapping& guess, const Table& table, std::string_view source) {
  YamlWriter w;
  const model::ImportMapping& m = guess.mapping;
  w.comment(0, fmt::format("How {} becomes a register: guessed by `hmicfrs-track import --guess`", source));
  w.comment(0, fmt::format("from its header row (row {}) and its values. Check every line, then run", m.header_row));
  w.comment(0, fmt::format("  hmicfrs-track import {} --map THIS-FILE --into NEW-DIRECTORY", source));
  w.comment(0, "docs/import.md says what each field means.");
  w.blank_line();
  if (!table.sheet.empty()) w.field(0, "sheet", table.sheet);
  w.verbatim(0, "header_row", std::to_string(m.header_row));
  w.blank_line();
  w.comment(0, "Who the register belongs to, as papers print it:");
  w.comment(0, "register:");
  w.comment(0, "  force: Example Constabulary");
  w.comment(0, "  committee: Joint Audit Committee");
  w.blank_line();
  write_columns(w, guess);
  write_other_columns(w, guess);
  write_ratings_guessed(w, m);
  write_words(w, guess);
  write_dates(w, guess);
  write_defaults(w, m);
  return w.take();
}

}  // namespace hmicfrs::import
