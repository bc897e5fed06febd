#include "collect.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <variant>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/import/dates.hpp>
#include <hmicfrs/import/returned.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/model/returns.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/suggest.hpp>
#include <hmicfrs/util/utf8.hpp>

#include "errors.hpp"
#include "register_edits.hpp"

namespace hmicfrs::cli {
namespace {

namespace returns = model::returns;
using diag::Code;
using import::ReturnedRow;
using import::ReturnedValue;

// `text` without the white space a cell may hold around its words: spaces, tabs, line breaks, no-break spaces
// (U+00A0, U+202F) and a byte order mark (U+FEFF), which a spreadsheet shows as nothing.
std::string_view trimmed(std::string_view text) {
  constexpr std::string_view k_spaces[] = {" ", "\t", "\r", "\n", "\u00A0", "\u202F", "\uFEFF"};
  for (bool cut = true; cut;) {
    cut = false;
    for (const std::string_view space : k_spaces) {
      if (text.starts_with(space)) text.remove_prefix(space.size()), cut = true;
      if (text.ends_with(space)) text.remove_suffix(space.size()), cut = true;
    }
  }
  return text;
}

// Words compared as a spreadsheet's reader sees them: case, white space around them, and a space or a hyphen, aside.
std::string folded(std::string_view word) {
  word = trimmed(word);
  std::string out;
  for (const char c : word) {
    out += c == ' ' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// One row's update, checked: the finding it names and the entry it makes.
struct Update {
  const import::ReturnedWorkbook* workbook = nullptr;
  const ReturnedRow* row = nullptr;
  const model::Finding* finding = nullptr;
  edit::NewEntry entry;
  model::Date date;
  bool as_at = false;
  const model::Rating* rating = nullptr;
  std::optional<model::Status> status;
  std::string note;
  bool conflict = false;
};

// Text quoted in a message: its first line, up to 80 characters.
std::string shortened(std::string_view text) {
  const std::string_view line = text.substr(0, text.find('\n'));
  const std::string_view shown =
      line.substr(0, util::fitting_prefix(line, 77, [](char32_t) { return std::size_t{1}; }));
  return std::string(shown) + (shown.size() < text.size() ? "..." : "");
}

// What an update says, for a report: "Green, Closed: \"Audit shows 82% compliance\"".
std::string described(const model::Rating* rating, std::optional<model::Status> status, std::string_view note,
                      const model::Vocabulary& vocabulary) {
  std::vector<std::string> parts;
  if (rating != nullptr) parts.push_back(rating->label);
  if (status) parts.push_back(vocabulary.label(*status));
  std::string out = fmt::format("{}", fmt::join(parts, ", "));
  if (!note.empty()) out += fmt::format("{}\"{}\"", parts.empty() ? "" : ": ", shortened(note));
  return out.empty() ? std::string("nothing") : out;
}

// A date written as numbers, "03/07/2022": its two first numbers and its year (of two digits, this century).
std::optional<std::tuple<unsigned, unsigned, int>> numeric_date(std::string_view text) {
  unsigned parts[3] = {0, 0, 0};
  std::size_t digits[3] = {0, 0, 0};
  std::size_t part = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++digits[part] > 4) return std::nullopt;
      parts[part] = parts[part] * 10 + static_cast<unsigned>(c - '0');
    } else if ((c == '/' || c == '.' || c == '-') && part < 2 && digits[part] > 0 && i + 1 < text.size() &&
               text[i + 1] != c) {
      ++part;
    } else if (c == ' ' && part == 2 && digits[2] > 0) {
      break;  // a time of day after it, as a spreadsheet saves a date and time
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || digits[0] > 2 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4)) return std::nullopt;
  const int year = static_cast<int>(digits[2] == 2 ? 2000 + parts[2] : parts[2]);
  if (year < 1900) return std::nullopt;  // no update of a register's is older: not a date to read
  return std::tuple{parts[0], parts[1], year};
}

enum class DayOrder { unknown, day_first, month_first };

// Which number a file's dates write first, as its own dates show: one whose first number is over 12 is day first,
// whose second is, month first; nothing when none does, or they disagree.
DayOrder day_order(const import::ReturnedWorkbook& workbook) {
  bool day_first = false;
  bool month_first = false;
  for (const ReturnedRow& row : workbook.rows) {
    for (const ReturnedValue* value : {&row.due, &row.date}) {
      if (value->date) continue;
      if (const auto parts = numeric_date(trimmed(value->text))) {
        day_first = day_first || std::get<0>(*parts) > 12;
        month_first = month_first || std::get<1>(*parts) > 12;
      }
    }
  }
  return day_first == month_first ? DayOrder::unknown : day_first ? DayOrder::day_first : DayOrder::month_first;
}

class Collector {
 public:
  Collector(const Session& session, diag::Diagnostics& diagnostics)
      : m_dataset(session.dataset()), m_today(session.environment().today), m_diagnostics(diagnostics) {}

  void workbook(const import::ReturnedWorkbook& workbook) {
    if (workbook.has_record) check_register(workbook);
    m_order = day_order(workbook);
    for (const ReturnedRow& row : workbook.rows) {
      if (!row.filled()) {
        ++m_empty;
        continue;
      }
      if (auto update = checked(workbook, row)) add(std::move(*update));
    }
  }

  std::vector<Update>& updates() { return m_updates; }
  std::size_t empty() const { return m_empty; }
  std::size_t applied() const { return m_applied; }
  std::size_t repeated() const { return m_repeated; }

 private:
  void error(const ReturnedValue& at, std::string_view header, const std::string& message) {
    m_diagnostics.error(at.at, fmt::format("{} ({}): {}", at.cell, header, message), Code::returned_update);
  }

  // A workbook written from another register: its force or committee is not this register's.
  void check_register(const import::ReturnedWorkbook& workbook) {
    const model::Config& config = m_dataset.config;
    if (workbook.force == config.force_name && workbook.committee == config.committee_name) return;
    m_diagnostics.error(
        workbook.record_at,
        fmt::format("the workbook was written from another register, for {} and its {}; this register is {}'s, for "
                    "its {}: collect it into the register chase wrote it from",
                    workbook.force, workbook.committee, config.force_name, config.committee_name),
        Code::returned_workbook);
  }

  // A cell the owner fills in that holds a formula: refused, its text kept out of the register.
  bool formula(const ReturnedValue& value, std::string_view header) {
    if (value.formula.empty() && !value.formula_unsaved) return false;
    error(value, header,
          value.formula.empty()
              ? std::string("holds a formula, which collect does not take: type the update as text")
              : fmt::format("holds a formula (={}), which collect does not take: type the update as text",
                            shortened(value.formula)));
    return true;
  }

  const model::Rating* rating_named(const ReturnedValue& value) {
    const std::string word = folded(value.text);
    std::vector<std::string_view> labels;
    for (const model::Rating& rating : m_dataset.config.vocabulary.ratings) {
      if (folded(rating.label) == word || folded(rating.id) == word) return &rating;
      labels.push_back(rating.label);
    }
    error(value, returns::k_new_rating,
          fmt::format("'{}' is not a rating of this register{} (its ratings: {})", value.text,
                      util::did_you_mean(value.text, labels), util::join_alternatives(labels, " and ")));
    return nullptr;
  }

  std::optional<model::Status> status_named(const ReturnedValue& value) {
    const model::Vocabulary& vocabulary = m_dataset.config.vocabulary;
    const std::string word = folded(value.text);
    std::vector<std::string_view> labels;
    for (const std::string_view name : model::names_of<model::Status>()) {
      const model::Status status = *model::value_named<model::Status>(name);
      if (folded(vocabulary.label(status)) == word || folded(name) == word) {
        if (status != model::Status::superseded) return status;
        error(value, returns::k_new_status,
              "a finding superseded names the finding that replaces it, which a workbook cannot: record it with "
              "`hmicfrs-track update FINDING --status superseded --by ID`");
        return std::nullopt;
      }
      if (status != model::Status::superseded) labels.push_back(vocabulary.label(status));
    }
    error(value, returns::k_new_status,
          fmt::format("'{}' is not a status{} (the statuses: {})", value.text, util::did_you_mean(value.text, labels),
                      util::join_alternatives(labels, " and ")));
    return std::nullopt;
  }

  // The day the row gives, or, when it gives none, today's as the day the state was known by.
  std::optional<std::pair<model::Date, bool>> date_of(const ReturnedValue& value) {
    const std::string_view text = trimmed(value.text);
    if (text.empty()) return std::pair{m_today, true};
    std::optional<model::Date> date;
    if (value.date) {
      date = model::Date::parse(text).ok() ? std::optional(*model::Date::parse(text)) : std::nullopt;
    } else if (const auto parts = numeric_date(text); parts && m_order != DayOrder::day_first) {
      // Typed or saved as numbers: day first, as England writes dates, unless the file's own dates say month first
      // (a spreadsheet saving CSV in its American locale); when nothing says, a date that reads both ways is refused.
      const auto [first, second, year] = *parts;
      const bool ambiguous = first >= 1 && second >= 1 && first <= 12 && second <= 12 && first != second;
      if (m_order == DayOrder::unknown && ambiguous) {
        error(value, returns::k_update_date,
              fmt::format("'{}' could be {} {} or {} {} {}, and no date of the file says whether it writes the day "
                          "or the month first: type it with the month in words, as {} {} {}",
                          text, first, model::month_name(second), second, model::month_name(first), year, first,
                          model::month_name(second), year));
        return std::nullopt;
      }
      const bool month_first = m_order == DayOrder::month_first || (m_order == DayOrder::unknown && second > 12);
      const std::chrono::year_month_day day{std::chrono::year{year} / std::chrono::month{month_first ? first : second} /
                                            std::chrono::day{month_first ? second : first}};
      // A day the register can hold, as it reads one.
      if (day.ok() && model::Date::parse(model::Date::from_ymd(day).iso()).ok()) date = model::Date::from_ymd(day);
    } else {
      import::DateProblem problem = import::DateProblem::none;
      date = import::read_date(text, import::DateForms{}, problem);
    }
    if (!date || !date->has_day()) {
      error(value, returns::k_update_date,
            fmt::format("'{}' is not a day: type it as 21/03/2022, or leave it empty to record the update as at "
                        "the day it is collected",
                        value.text));
      return std::nullopt;
    }
    if (m_today < *date) {
      error(value, returns::k_update_date,
            fmt::format("{} is after today ({}): an update records what has happened", date->iso(), m_today.iso()));
      return std::nullopt;
    }
    return std::pair{*date, false};
  }

  std::optional<Update> checked(const import::ReturnedWorkbook& workbook, const ReturnedRow& row) {
    const auto ref = named_finding(m_dataset, row.finding.text);
    if (!ref) {
      error(row.finding, returns::k_finding,
            fmt::format("no finding '{}' in the register{}: was the workbook written from another register?",
                        row.finding.text, finding_ids().did_you_mean(row.finding.text)));
      return std::nullopt;
    }
    const model::Finding& finding = *ref->finding;
    if (!finding.repeats.value.empty()) {
      error(row.finding, returns::k_finding,
            fmt::format("{} repeats {}, which is tracked in its place: record the update there", finding.id.str(),
                        finding.repeats.value.str()));
      return std::nullopt;
    }
    Update update;
    update.workbook = &workbook;
    update.row = &row;
    update.finding = &finding;
    bool ok = true;
    for (const auto& [value, header] :
         {std::pair{&row.rating, returns::k_new_rating}, std::pair{&row.status, returns::k_new_status},
          std::pair{&row.note, returns::k_update_note}, std::pair{&row.date, returns::k_update_date}}) {
      ok = !formula(*value, header) && ok;
    }
    if (!ok) return std::nullopt;
    if (!trimmed(row.rating.text).empty()) ok = (update.rating = rating_named(row.rating)) != nullptr && ok;
    if (!trimmed(row.status.text).empty()) ok = (update.status = status_named(row.status)).has_value() && ok;
    if (const auto why = unusable_text(row.note.text)) {
      error(row.note, returns::k_update_note, *why);
      ok = false;
    }
    update.note = kept_note(trimmed(row.note.text));
    const auto date = date_of(row.date);
    if (!date || !ok) return std::nullopt;
    std::tie(update.date, update.as_at) = *date;
    if (update.rating == nullptr && !update.status && update.note.empty()) {
      error(row.date, returns::k_update_date,
            "the row gives a date and nothing to record: fill in its new rating, status or note, or clear the date");
      return std::nullopt;
    }

    if (already_applied(update)) {
      ++m_applied;
      m_diagnostics.note(
          row.finding.at,
          fmt::format("{}'s last entry is this row's update: skipped, as already applied", finding.id.str()),
          Code::returned_update);
      return std::nullopt;
    }
    if (changed_since_written(update)) return update;
    if (!finding.history.empty()) {
      const model::HistoryEntry& last = finding.history.back();
      if (update.date < last.date || (update.date == last.date && update.as_at && !last.as_at)) {
        error(row.date, returns::k_update_date,
              update.as_at
                  ? fmt::format("a row without a date is recorded as at today, which goes before {}'s last entry ({} "
                                "{}): give the row the day of its update",
                                finding.id.str(), last.as_at ? "as at" : "dated", last.date.iso())
                  : fmt::format("{} is before {}'s last entry ({} {}): an update goes last; correct the date",
                                update.date.iso(), finding.id.str(), last.as_at ? "as at" : "dated", last.date.iso()));
        return std::nullopt;
      }
    }
    update.entry.fields.push_back({update.as_at ? "as_at" : "date", update.date.iso(), true});
    if (update.status) update.entry.fields.push_back({"status", std::string(model::name_of(*update.status)), false});
    if (update.rating != nullptr) update.entry.fields.push_back({"rag", update.rating->id, false});
    if (!update.note.empty()) update.entry.fields.push_back({"note", update.note, false});
    return update;
  }

  // The finding's last entry is this row's update: recorded by an earlier run (a row without a date matches
  // whatever day it was recorded as at).
  bool already_applied(const Update& update) const {
    if (update.finding->history.empty()) return false;
    const model::HistoryEntry& last = update.finding->history.back();
    const model::Rating* rating = last.rating ? &m_dataset.config.vocabulary.ratings[*last.rating] : nullptr;
    const bool same_day = update.as_at ? last.as_at : (!last.as_at && last.date == update.date);
    return same_day && rating == update.rating && last.status == update.status && last.note.view() == update.note;
  }

  // A finding with an entry the workbook did not show: a conflict, reported with both versions, not applied.
  bool changed_since_written(Update& update) {
    const model::Finding& finding = *update.finding;
    const ReturnedRow& row = *update.row;
    const std::string now = returns::last_entry_stamp(finding);
    const bool entries_differ = row.recorded && row.recorded->entries != finding.history.size();
    if (row.last_entry.text == now && !entries_differ) return false;
    update.conflict = true;
    const model::Vocabulary& vocabulary = m_dataset.config.vocabulary;
    // Its last entry now (none, when its entries were taken out since).
    std::string last_now = "none";
    if (!finding.history.empty()) {
      const model::HistoryEntry& last = finding.history.back();
      const model::Rating* rating = last.rating ? &vocabulary.ratings[*last.rating] : nullptr;
      last_now =
          fmt::format("{} {} at {}:{}, says {}", last.as_at ? "as at" : "dated", last.date.iso(), last.location.path(),
                      last.location.line, described(rating, last.status, last.note.view(), vocabulary));
    }
    // The entries counted too, when the last entry's day is the same: another entry made that day.
    const std::string then =
        (row.last_entry.text.empty() ? std::string("none") : row.last_entry.text) +
        (entries_differ && row.last_entry.text == now
             ? fmt::format(", of {} entries; it has {} now", row.recorded->entries, finding.history.size())
             : std::string());
    m_diagnostics.warning(
        row.finding.at,
        fmt::format("{} changed after the workbook was written (its last entry then: {}); its last entry now, {}; "
                    "the row's update, {}, is not applied: if it still holds, record it with `hmicfrs-track update`",
                    finding.id.str(), then, last_now, described(update.rating, update.status, update.note, vocabulary)),
        Code::update_conflict);
    return true;
  }

  // Two rows updating one finding: neither is applied, since neither can be said to be the later; unless they say
  // the same (a workbook and its copy), which is recorded once.
  void add(Update update) {
    const auto [at, first] = m_by_finding.emplace(update.finding, m_updates.size());
    if (!first) {
      Update& earlier = m_updates[at->second];
      if (earlier.entry.fields == update.entry.fields && !earlier.conflict) {
        m_diagnostics.note(update.row->finding.at,
                           fmt::format("{}: the same update as {} row {}, recorded once", update.finding->id.str(),
                                       earlier.workbook->path, earlier.row->number),
                           Code::returned_update);
        ++m_repeated;
        return;
      }
      m_diagnostics.warning(
          update.row->finding.at,
          fmt::format("{} is updated by {} row {} too; neither update is applied: keep one row, and run collect again",
                      update.finding->id.str(), earlier.workbook->path, earlier.row->number),
          Code::update_conflict);
      earlier.conflict = true;
      update.conflict = true;
    }
    m_updates.push_back(std::move(update));
  }

  // Every finding's id, indexed for suggestions once a row names one the register lacks.
  const util::Suggester& finding_ids() {
    if (!m_finding_ids) {
      std::vector<std::string_view> ids;
      for (const model::Inspection& inspection : m_dataset.inspections) {
        for (const model::Finding& finding : inspection.findings) ids.push_back(finding.id.view());
      }
      m_finding_ids = std::make_unique<util::Suggester>(std::move(ids));
    }
    return *m_finding_ids;
  }

  const model::Dataset& m_dataset;
  model::Date m_today;
  std::unique_ptr<util::Suggester> m_finding_ids;
  DayOrder m_order = DayOrder::unknown;  // the workbook being read's
  diag::Diagnostics& m_diagnostics;
  std::vector<Update> m_updates;
  std::map<const model::Finding*, std::size_t> m_by_finding;
  std::size_t m_empty = 0;
  std::size_t m_applied = 0;
  std::size_t m_repeated = 0;  // rows making the same update as another file's
};

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

void define_collect(CLI::App& app, CollectOptions& o) {
  app.add_option("FILE", o.files, "The workbooks returned (.xlsx), or their Updates sheets saved as .csv")->required();
  app.add_flag("--dry-run", o.dry_run, "Check every file and print the change as a diff; write nothing");
}

int run_collect(const Session& session, const CollectOptions& o) {
  if (!session.common().as_of.empty()) {
    throw UsageError(
        "--as-of does not apply to collect: each update is dated by its row (or as at the day it is collected), "
        "and the register is checked as of today");
  }
  diag::Diagnostics diagnostics;
  std::vector<import::ReturnedWorkbook> workbooks;
  std::set<std::filesystem::path> read;  // each file once, however it is named
  for (const std::string& file : o.files) {
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::weakly_canonical(file, ec);
    if (!ec && !read.insert(real).second) continue;
    auto read = import::read_returned(file, diagnostics);
    if (auto* problem = std::get_if<import::TrackerFileProblem>(&read)) {
      if (problem->kind == import::TrackerFileProblem::Kind::not_a_tracker) throw UsageError(problem->message);
      throw IoError(problem->message + "; nothing written");
    }
    workbooks.push_back(std::move(std::get<import::ReturnedWorkbook>(read)));
  }
  Collector collector(session, diagnostics);
  if (!diagnostics.has_errors()) {
    for (const import::ReturnedWorkbook& workbook : workbooks) collector.workbook(workbook);
  }
  diagnostics.sort();
  if (!diagnostics.empty()) render::write_diagnostics_text(session.err(), diagnostics, false);
  if (diagnostics.has_errors()) {
    throw DataError(fmt::format("nothing written: {} in the returned files; fix them, and run collect again",
                                counted(diagnostics.count(diag::Severity::error), "problem", "problems")));
  }

  RegisterEdits edits(session);
  std::size_t applied = 0;
  std::size_t conflicts = 0;
  std::set<std::string> groups;
  for (const Update& update : collector.updates()) {
    if (update.conflict) {
      ++conflicts;
      continue;
    }
    edits.add(*update.finding, update.entry);
    ++applied;
    groups.insert(update.row->group.text.empty() ? update.finding->owner.str() : update.row->group.text);
  }
  const std::size_t skipped = collector.empty() + collector.applied() + collector.repeated();
  const std::string summary = fmt::format(
      "{} from {}, {}, {} skipped ({} empty, {} already applied{})", counted(applied, "update", "updates"),
      counted(groups.size(), "owner", "owners"), counted(conflicts, "conflict", "conflicts"), skipped,
      collector.empty(), collector.applied(),
      collector.repeated() == 0 ? std::string() : fmt::format(", {} the same as another file's", collector.repeated()));
  if (applied == 0) {
    session.out() << summary << "; nothing to write\n";
    return k_exit_ok;
  }
  edits.check("nothing written: the register would have the errors above with the updates");
  if (!o.dry_run) edits.refuse_unwritable();
  session.out() << summary << "\n\n" << edits.diff() << "\n";
  const std::string commit = fmt::format("Record {} from {}, collected {}", counted(applied, "update", "updates"),
                                         counted(groups.size(), "owner", "owners"), session.environment().today.iso());
  if (o.dry_run) {
    session.out() << "Nothing written (--dry-run). Commit message, once written:\n" << commit << "\n";
    return k_exit_ok;
  }
  edits.write();
  session.out() << "Commit message:\n" << commit << "\n";
  return k_exit_ok;
}

}  // namespace hmicfrs::cli
