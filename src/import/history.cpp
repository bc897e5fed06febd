#include "history.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include <hmicfrs/import/dates.hpp>
#include "columns.hpp"
#include "text.hpp"
#include "value_readers.hpp"

namespace hmicfrs::import {
namespace {

using diag::Code;

// "12/01/2022 - Plan agreed", "12/01/2022: ...", "12/01/2022 \u2013 ...": the separators after a date, which
// are not the note's.
std::string_view without_separators(std::string_view text) {
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view separator : {":", "-", "\u2013", "\u2014"}) {
      if (text.starts_with(separator)) text = trimmed(text.substr(separator.size())), cut = true;
    }
  }
  return text;
}

// A line without the bullets that start it ("-", "*", "\u2022").
std::string_view without_bullets(std::string_view line) {
  while (!line.empty() && (line.front() == '-' || line.front() == '*' || line.starts_with("\u2022"))) {
    line.remove_prefix(line.starts_with("\u2022") ? 3 : 1);
    line = trimmed(line);
  }
  return line;
}

void append_line(std::string& text, std::string_view line) {
  text += text.empty() ? std::string(line) : "\n" + std::string(line);
}

// The entries of one cell of updates, added to `out`; `before` gets its lines before the first date. True when
// the cell starts an entry.
bool cell_entries(const Value& cell, const DateForms& forms, std::vector<model::HistoryEntry>& out,
                  std::string& before) {
  bool started = false;
  std::string note;  // the latest entry's note, line by line
  const auto finish_note = [&] {
    if (started) out.back().note = note;
  };
  std::size_t start = 0;
  while (start <= cell.text.size()) {
    const std::size_t end = std::min(cell.text.find('\n', start), cell.text.size());
    std::string_view line = trimmed(std::string_view(cell.text).substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    const std::string_view body = without_bullets(line);
    if (const auto dated = leading_date(body, forms); dated && dated->date.has_day()) {
      finish_note();
      model::HistoryEntry entry;
      entry.date = dated->date;
      out.push_back(std::move(entry));
      note = without_separators(trimmed(body.substr(dated->length)));
      started = true;
    } else {
      append_line(started ? note : before, line);
    }
  }
  finish_note();
  return started;
}

// The row's status and rating, as the register's words; a rating column that says "Closed" or "Complete"
// gives the status, where no status column does.
void read_state(RowContext& row, std::optional<model::Status>& status, std::string& rating) {
  if (const Value v = row.value("status")) {
    if (const auto name = register_word(row, v, "status")) {
      status = model::value_named<model::Status>(*name);
    } else {
      unknown_word(row, v, "status");
    }
  }
  if (const Value v = row.value("rating")) {
    if (const auto name = register_word(row, v, "rating")) {
      rating = *name;
      // A rating only closed findings take (BRAG's Blue: complete) closes one whose status cell is empty.
      const model::Rating* given = row.import.vocabulary.find(rating);
      if (!status && given != nullptr && !given->marks_open()) status = model::Status::closed;
    } else if (const auto as_status = register_word(row, v, "status")) {
      if (!status) status = model::value_named<model::Status>(*as_status);
    } else {
      unknown_word(row, v, "rating");
    }
  }
}

// The entry of `day` that the row's state goes into: one that says nothing else, else a new one.
model::HistoryEntry& entry_of_day(std::vector<model::HistoryEntry>& history, model::Date day, const Value& note) {
  model::HistoryEntry* same = nullptr;
  for (model::HistoryEntry& entry : history) {
    if (entry.date == day && (!note || entry.note.empty() || entry.note == note.text)) same = &entry;
  }
  if (same == nullptr) {
    history.push_back(model::HistoryEntry{});
    same = &history.back();
    same->date = day;
  }
  return *same;
}

}  // namespace

std::vector<model::HistoryEntry> dated_updates(RowContext& row, std::string& undated) {
  std::vector<model::HistoryEntry> out;
  for (const Value& cell : row.values("updates")) {
    std::string before;  // lines before the first date
    const bool started = cell_entries(cell, row.import.forms, out, before);
    if (before.empty()) continue;
    if (const auto day = started ? std::nullopt : header_date(row.import, cell.cell->column)) {
      // A column of one quarter's updates ("Update Mar-22"): its cell is that update.
      model::HistoryEntry entry;
      entry.date = *day;
      entry.note = before;
      out.push_back(std::move(entry));
    } else {
      undated += undated.empty() ? before : "\n" + before;
    }
  }
  return out;
}

void add_state_entry(RowContext& row, std::vector<model::HistoryEntry>& history) {
  std::optional<model::Status> status;
  std::string rating;
  read_state(row, status, rating);
  const Value note = row.value("note");
  const Value updated = row.value("updated");
  std::optional<model::Date> day = updated ? cell_date(row, updated, true) : std::nullopt;
  if (!status && rating.empty() && !note) {
    if (updated && day) row.extras.push_back({updated.cell->column, updated.text});
    return;
  }
  if (!day && updated) return;  // reported
  model::HistoryEntry* state = nullptr;
  if (day) {
    state = &entry_of_day(history, *day, note);
  } else {
    // A state with no day of its own is known as at the day the user gives: never today, never the day of the
    // row's latest update (the tracker may have been brought up to date since), never a guess.
    row.import.undated_rows.push_back(row.number);
    if (!row.import.options.as_of) return;
    const model::Date as_of = *row.import.options.as_of;
    const auto latest =
        std::max_element(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    if (latest != history.end() && as_of < latest->date) {
      row.error(row.import.table.at(row.number, 1),
                fmt::format("row {}: its state is known as at {} (--as-of), before its latest dated update, {}: give "
                            "--as-of the day the tracker was last brought up to date",
                            row.number, as_of.iso(), latest->date.iso()),
                Code::date_order);
      return;
    }
    state = &history.emplace_back();
    state->date = as_of;
    state->as_at = true;
  }
  model::HistoryEntry& entry = *state;
  const model::Rating* given = row.import.vocabulary.find(rating);
  if (given != nullptr && status && !given->marks_status(*status)) {
    // "Complete" and "Green": a closed finding carries no rating of open findings (rag-when-closed), nor an
    // open one a rating of closed findings ("On track" and "Blue").
    const Value cell = row.value("rating");
    row.import.diagnostics.note(
        row.at(cell),
        fmt::format("{}: '{}' rates {} findings and this one is {}, so no rating is written", row.cell_text(cell),
                    cell.text, given->marks_open() ? "open" : "closed", model::name_of(*status)),
        Code::rag_when_closed);
    rating.clear();
  }
  entry.status = status;
  entry.rag.value = rating;
  if (note && entry.note.empty()) entry.note = note.text;
}

}  // namespace hmicfrs::import
