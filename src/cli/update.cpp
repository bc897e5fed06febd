#include "update.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/util/suggest.hpp>
#include <hmicfrs/util/text_rules.hpp>

#include "errors.hpp"
#include "files.hpp"

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

// What no value of a register may hold (as the loader refuses it), for an option's text: a usage error.
void refuse_unusable(std::string_view option, const std::string& text) {
  if (text.size() > model::k_most_value_bytes) {
    throw UsageError(fmt::format("{}: holds {} bytes, more than the 1 MiB a register's value may hold: shorten it",
                                 option, text.size()));
  }
  const auto fault = util::first_text_fault(text);
  if (!fault) return;
  const auto code = static_cast<unsigned>(fault->code);
  if (fault->kind == util::TextFault::Kind::invalid_utf8) {
    throw UsageError(fmt::format("{}: holds a byte that is not UTF-8 (0x{:02X}): write it in UTF-8", option, code));
  }
  throw UsageError(fmt::format("{}: holds a {} (U+{:04X}), which no register file may hold: remove it", option,
                               fault->kind == util::TextFault::Kind::bidi           ? "bidirectional control character"
                               : fault->kind == util::TextFault::Kind::noncharacter ? "noncharacter"
                                                                                    : "control character",
                               code));
}

// A note as the register keeps it: line breaks as LF (a note pasted from Windows has CR LF), no white space at the
// end of a line or of the note, which editors strip and a literal block cannot keep.
std::string kept_note(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      if (text[i] == '\n') {
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      }
      out += text[i];
    }
  }
  while (!out.empty() && std::string_view(" \t\n").find(out.back()) != std::string_view::npos) out.pop_back();
  return out;
}

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
  refuse_unusable("--note", o.note);
  refuse_unusable("--owner", o.owner);
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

// The finding an id names: exactly, else but for case; nothing when none.
std::optional<answers::FindingRef> named_finding(const model::Dataset& dataset, const std::string& id) {
  const std::string named = query::id_named(dataset, id);
  return query::find_finding(dataset, named.empty() ? id : named);
}

// "no finding 'X' in the register: did you mean 'Y'?", for the error of an id that names none.
std::string no_finding(const model::Dataset& dataset, std::string_view id) {
  std::vector<std::string_view> ids;
  for (const model::Inspection& inspection : dataset.inspections) {
    for (const model::Finding& finding : inspection.findings) ids.push_back(finding.id.view());
  }
  return fmt::format("no finding '{}' in the register{}", id, util::did_you_mean(id, ids));
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

// A file's bytes, at most as many as the loader reads from a file; else an IoError naming it.
std::string read_bytes(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw IoError(fmt::format("cannot read '{}': {}", path.string(), ec.message()));
  if (size > model::k_most_file_bytes) {
    throw IoError(fmt::format("'{}' is larger than a register's file may be; nothing written", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in || in.peek() != std::ifstream::traits_type::eof()) {
    throw IoError(fmt::format("cannot read '{}' whole: it changed as it was read; nothing written", path.string()));
  }
  return bytes;
}

// An IoError when the file, or the folder its replacement is written in, cannot be written: said before the diff,
// so that nothing reads as done that is not.
void refuse_unwritable(const fs::path& target, const std::string& written) {
  if (::access(target.c_str(), W_OK) != 0) {
    throw IoError(fmt::format("{} cannot be written ({}); nothing written", written, std::strerror(errno)));
  }
  if (::access(target.parent_path().c_str(), W_OK | X_OK) != 0) {
    throw IoError(
        fmt::format("{}: its folder cannot be written ({}), and the file is replaced through a new file "
                    "beside it; nothing written",
                    written, std::strerror(errno)));
  }
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

  // The file as the register's walk found it, and where it really is: a link inside the register is written
  // at its target; one that leads outside was refused by the loader, and is refused here too.
  const fs::path shown = ref.finding->location.path();
  const fs::path base = loaded.root.empty() ? fs::path(".") : loaded.root;
  const fs::path relative = shown.lexically_relative(base).lexically_normal();
  std::error_code target_error;
  std::error_code base_error;
  const fs::path target = fs::canonical(base / relative, target_error);
  const fs::path real_base = fs::canonical(base, base_error);
  if (target_error || base_error || !inside(target, real_base)) {
    throw IoError(fmt::format("{}: cannot tell where it is inside the register; nothing written", shown.string()));
  }
  // The file written, as the user names the register: its own path, or the link's target's.
  const fs::path written_relative = target.lexically_relative(real_base);
  const std::string written = (loaded.root / written_relative).string();
  const std::string before = read_bytes(target);

  auto added = edit::add_history_entry(before, ref.finding->ref.str(), entry);
  if (!added) {
    throw DataError(
        fmt::format("{}: cannot add the entry to {}: {}", shown.string(), ref.finding->id.str(), added.error()));
  }
  session.require_valid_with(
      load::SourceFile{relative, added->bytes},
      fmt::format("the entry was not added to {}: the register would have the errors above", ref.finding->id.str()));
  if (!o.dry_run) refuse_unwritable(target, written);
  session.out() << edit::unified_diff(before, added->bytes, written_relative.generic_string());
  if (o.dry_run) return k_exit_ok;

  if (session.environment().while_editing) session.environment().while_editing(target.string());
  if (read_bytes(target) != before) {
    throw DataError(fmt::format("{} changed while the update was made; nothing written: run it again", written));
  }
  write_file_atomically(target, added->bytes);
  session.err() << fmt::format("{}: entry {} {} added to {}\n", ref.finding->id.str(),
                               o.as_at.empty() ? "dated" : "as at", date.iso(), written);
  return k_exit_ok;
}

}  // namespace hmicfrs::cli
