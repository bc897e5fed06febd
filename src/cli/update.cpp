#include "update.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "errors.hpp"
#include "register_edits.hpp"

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

// --date or --as-at: a day.
model::Date entry_date(std::string_view option, const std::string& text) {
  const auto date = model::Date::parse(text);
  if (!date || !date->has_day()) {
    throw UsageError(fmt::format("{}: '{}' is not a day: write it as YYYY-MM-DD, as in 2022-03-14", option, text));
  }
  return *date;
}

// The entry the options describe, but for --by, before the register is read: a usage error for what no register
// would take.
edit::NewEntry entry_from_options(const UpdateOptions& o, const model::Date& today, model::Date& date) {
  for (const auto& [option, text] : {std::pair{"--note", &o.note}, std::pair{"--owner", &o.owner}}) {
    if (const auto why = unusable_text(*text)) throw UsageError(fmt::format("{}: {}", option, *why));
  }
  const std::string note = kept_note(o.note);
  if (o.rag.empty() && o.status.empty() && note.empty() && o.owner.empty() && o.due.empty() && o.by.empty()) {
    throw UsageError("an update records something: give --rag, --status, --note, --owner, --due or --by");
  }
  const bool as_at = !o.as_at.empty();
  date = o.date.empty() && !as_at ? today : entry_date(as_at ? "--as-at" : "--date", as_at ? o.as_at : o.date);
  if (today < date) {
    throw UsageError(fmt::format("{} {} is after today ({}): an entry records what has happened",
                                 as_at ? "--as-at" : "--date", date.iso(), today.iso()));
  }
  const bool superseded = o.status == "superseded";
  if (superseded && o.by.empty()) {
    throw UsageError("--status superseded needs --by: the finding that replaces this one");
  }
  if (!superseded && !o.by.empty()) throw UsageError("--by goes only with --status superseded");
  if (!o.due.empty()) {
    if (const auto due = model::Date::parse(o.due); !due || !due->has_month()) {
      throw UsageError(fmt::format("--due: '{}' is not a month or a day, as in 2022-09 or 2022-09-30", o.due));
    }
  }
  if (o.owner.find_first_of("\r\n") != std::string::npos) throw UsageError("--owner: an owner is one line");

  edit::NewEntry entry;
  entry.fields.push_back({as_at ? "as_at" : "date", date.iso(), true});
  if (!o.status.empty()) entry.fields.push_back({"status", o.status, false});
  if (!o.rag.empty()) entry.fields.push_back({"rag", o.rag, false});
  if (!o.owner.empty()) entry.fields.push_back({"owner", o.owner, false});
  if (!o.due.empty()) entry.fields.push_back({"due", o.due, true});
  if (!note.empty()) entry.fields.push_back({"note", note, false});
  return entry;
}

// The finding the id names, or the register's errors: an unknown finding, a rating or status it does not have, a
// date before its last entry.
answers::FindingRef finding_to_update(const model::Dataset& dataset, const UpdateOptions& o, const model::Date& date) {
  const auto ref = named_finding(dataset, o.id);
  if (!ref) throw DataError(no_finding(dataset, o.id));
  const model::Finding& finding = *ref->finding;
  if (!finding.repeats.value.empty()) {
    throw DataError(fmt::format("{} repeats {}, which is tracked in its place: update {}", finding.id.str(),
                                finding.repeats.value.str(), finding.repeats.value.str()));
  }
  if (!o.rag.empty()) {
    std::vector<std::string_view> ids;
    for (const model::Rating& rating : dataset.config.vocabulary.ratings) ids.push_back(rating.id);
    if (std::find(ids.begin(), ids.end(), o.rag) == ids.end()) {
      throw DataError(fmt::format("--rag: '{}' is not a rating of this register{} (its ratings: {})", o.rag,
                                  util::did_you_mean(o.rag, ids), util::join_alternatives(ids)));
    }
  }
  if (!o.status.empty() && !model::value_named<model::Status>(o.status)) {
    const auto known = model::names_of<model::Status>();
    throw DataError(fmt::format("--status: '{}' is not a status{} (the statuses: {})", o.status,
                                util::did_you_mean(o.status, known), util::join_alternatives(known)));
  }
  if (!finding.history.empty()) {
    const model::HistoryEntry& last = finding.history.back();
    const bool as_at = !o.as_at.empty();
    if (date < last.date || (date == last.date && as_at && !last.as_at)) {
      throw DataError(fmt::format(
          "{} {} is before the last entry of {} ({} {}, at {}:{}): an entry goes last, so it cannot be dated before "
          "that{}",
          as_at ? "--as-at" : "--date", date.iso(), finding.id.str(), last.as_at ? "as at" : "dated", last.date.iso(),
          last.location.path(), last.location.line,
          date == last.date ? " (what was known as at a day goes before what happened on it)" : ""));
    }
  }
  return *ref;
}

}  // namespace

void define_update(CLI::App& app, UpdateOptions& o) {
  app.add_option("FINDING", o.id, "The finding's id (inspection/ref)")->required();
  app.add_option("--rag", o.rag, "Its rating from this entry on: one of the register's ratings")->type_name("RATING");
  app.add_option("--status", o.status,
                 "Its status from this entry on: open, awaiting-sign-off, closed, achieved, superseded, declined or "
                 "not-monitored")
      ->type_name("STATUS");
  app.add_option("--by", o.by, "With --status superseded: the finding that replaces it")->type_name("FINDING");
  app.add_option("--note", o.note, "What happened; a note of several lines is written as a block")->type_name("TEXT");
  app.add_option("--owner", o.owner, "Its owner from this entry on")->type_name("OWNER");
  app.add_option("--due", o.due, "Its target from this entry on (YYYY-MM or YYYY-MM-DD); the note says why")
      ->type_name("DATE");
  auto* date = app.add_option("--date", o.date, "The day it happened (default: today)")->type_name("DATE");
  auto* as_at = app.add_option("--as-at", o.as_at,
                               "In place of --date: the day by which the state was known, when the day it came "
                               "about is not")
                    ->type_name("DATE");
  date->excludes(as_at);
  app.add_flag("--dry-run", o.dry_run, "Print the change as a diff and write nothing");
}

int run_update(const Session& session, const UpdateOptions& o) {
  if (!session.common().as_of.empty()) {
    throw UsageError(
        "--as-of does not apply to update: its entry is dated by --date (or --as-at), and the register is checked "
        "as of today");
  }
  model::Date date;
  edit::NewEntry entry = entry_from_options(o, session.environment().today, date);
  const Loaded& loaded = session.loaded();
  const answers::FindingRef ref = finding_to_update(loaded.result.dataset, o, date);
  if (!o.by.empty()) {  // the finding that replaces it, written by its id whatever the case it was given in
    const auto by = named_finding(loaded.result.dataset, o.by);
    if (!by) throw DataError("--by: " + no_finding(loaded.result.dataset, o.by));
    entry.fields.push_back({"by", by->finding->id.str(), false});
  }

  RegisterEdits edits(session);
  edits.add(*ref.finding, entry);
  edits.check(
      fmt::format("the entry was not added to {}: the register would have the errors above", ref.finding->id.str()));
  if (!o.dry_run) edits.refuse_unwritable();
  session.out() << edits.diff();
  if (o.dry_run) return k_exit_ok;
  edits.write();
  session.err() << fmt::format("{}: entry {} {} added to {}\n", ref.finding->id.str(),
                               o.as_at.empty() ? "dated" : "as at", date.iso(), edits.written_names().front());
  return k_exit_ok;
}

}  // namespace hmicfrs::cli
