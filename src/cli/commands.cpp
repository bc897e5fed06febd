#include "commands.hpp"

#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/import/tracker.hpp>
#include <hmicfrs/import/tracker_file.hpp>
#include <hmicfrs/load/mapping.hpp>
#include <hmicfrs/load/schemas.hpp>
#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/detail.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/query/status.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/docs.hpp>
#include <hmicfrs/util/printable.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "collect.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "import_add.hpp"
#include "update.hpp"

namespace hmicfrs::cli {
namespace {

using render::Format;

constexpr std::array k_documents{Format::text, Format::markdown, Format::json};
constexpr std::array k_tables{Format::text, Format::markdown, Format::json, Format::csv};
constexpr std::array k_papers{Format::markdown, Format::text, Format::html, Format::json,
                              Format::docx,     Format::pdf,  Format::xlsx};
// The views a chaser takes into a spreadsheet: findings, and counts by rating.
constexpr std::array k_sheets{Format::text, Format::markdown, Format::json, Format::csv, Format::xlsx};
constexpr std::array k_chase{Format::text, Format::markdown, Format::json, Format::xlsx, Format::eml};

// ": did you mean 'x'?" for a near miss among `candidates`.
std::string hint(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return util::did_you_mean(word, views);
}

// Values of an enum option, by their data-file names.
template <class E>
std::set<E> enum_values(std::string_view option, const std::vector<std::string>& names) {
  std::set<E> out;
  for (const std::string& name : names) {
    const auto value = model::value_named<E>(name);
    if (!value) {
      const auto known = model::names_of<E>();
      throw UsageError(fmt::format("{}: unknown {} '{}'{} (expected {})", option, model::EnumInfo<E>::what, name,
                                   util::did_you_mean(name, known), util::join_alternatives(known)));
    }
    out.insert(*value);
  }
  return out;
}

// Ids that must name records of the register.
std::set<std::string> known_ids(std::string_view option, const std::vector<std::string>& ids,
                                const std::vector<std::string>& known, std::string_view what) {
  for (const std::string& id : ids) {
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      throw UsageError(fmt::format("{}: no {} '{}'{}", option, what, id, hint(id, known)));
    }
  }
  return {ids.begin(), ids.end()};
}

// The ratings --rag names, each one of the register's.
std::set<std::string> rating_ids(const std::vector<std::string>& names, const model::Vocabulary& vocabulary) {
  std::vector<std::string_view> ids;
  for (const model::Rating& rating : vocabulary.ratings) ids.push_back(rating.id);
  for (const std::string& name : names) {
    if (std::find(ids.begin(), ids.end(), name) != ids.end()) continue;
    throw UsageError(fmt::format("--rag: unknown {} '{}'{} (expected {})",
                                 vocabulary.customised ? "rating" : "RAG rating", name, util::did_you_mean(name, ids),
                                 util::join_alternatives(ids)));
  }
  return {names.begin(), names.end()};
}

// The filters `list` and `rag` share (SPEC §5).
struct FilterOptions {
  std::vector<std::string> rags;
  std::vector<std::string> statuses;
  std::vector<std::string> types;
  std::vector<std::string> portfolios;
  std::vector<std::string> inspections;
  std::string owner;
  std::string grep;
  bool overdue = false;
  bool stale = false;
  bool open = false;
  bool closed = false;
};

// The filter the options describe; contradictory options are a usage error.
query::FindingFilter finding_filter(const FilterOptions& o, const model::Dataset& dataset) {
  query::FindingFilter filter;
  std::vector<std::string> rags = o.rags;
  const auto unrated = std::find(rags.begin(), rags.end(), "unrated");
  if (unrated != rags.end()) {
    filter.unrated = true;
    rags.erase(unrated);
  }
  filter.rags = rating_ids(rags, dataset.config.vocabulary);
  filter.statuses = enum_values<model::Status>("--status", o.statuses);
  filter.types = enum_values<model::FindingType>("--type", o.types);
  std::vector<std::string> portfolios, inspections;
  for (const model::Portfolio& p : dataset.config.portfolios) portfolios.push_back(p.id);
  for (const model::Inspection& i : dataset.inspections) inspections.push_back(i.id);
  filter.portfolios = known_ids("--portfolio", o.portfolios, portfolios, "portfolio");
  filter.inspections = known_ids("--inspection", o.inspections, inspections, "inspection");
  filter.owner = o.owner;
  filter.grep = o.grep;
  filter.overdue = o.overdue;
  filter.stale = o.stale;
  filter.openness = o.open     ? query::FindingFilter::Openness::open
                    : o.closed ? query::FindingFilter::Openness::closed
                               : query::FindingFilter::Openness::any;

  const auto contradiction = [](std::string_view why) {
    return UsageError(fmt::format("contradictory filters: {}", why));
  };
  if (o.open && o.closed) throw contradiction("--open and --closed");
  // Only ratings the vocabulary gives to closed findings (alone or with open ones) go with --closed.
  const bool open_rating = filter.unrated || std::any_of(filter.rags.begin(), filter.rags.end(), [&](const auto& id) {
                             return !dataset.config.vocabulary.find(id)->marks_closed();
                           });
  if (o.closed && (open_rating || o.overdue || o.stale)) {
    throw contradiction("--closed with --rag, --overdue or --stale, which only open findings have");
  }
  const bool any_open_status = std::any_of(filter.statuses.begin(), filter.statuses.end(), model::is_open);
  const bool any_closed_status =
      std::any_of(filter.statuses.begin(), filter.statuses.end(), [](model::Status s) { return !model::is_open(s); });
  if (!filter.statuses.empty() && ((o.open && !any_open_status) || (o.closed && !any_closed_status))) {
    throw contradiction("--status names no status that --open or --closed allows");
  }
  if (!filter.statuses.empty() && !any_open_status && (open_rating || o.overdue || o.stale)) {
    throw contradiction("--status names only closed statuses, but --rag, --overdue or --stale need open findings");
  }
  return filter;
}

// The findings of the register as of the session's date that pass `filters`.
std::vector<answers::FindingRow> filtered_rows(const Session& session, const FilterOptions& filters) {
  const model::Dataset& dataset = session.dataset();
  const query::FindingFilter filter = finding_filter(filters, dataset);
  return query::filtered(query::findings_as_of(dataset, session.as_of()), filter, session.as_of());
}

// --since DATE, which must come before the as-of date.
model::Date since_date(const Session& session, const std::string& text) {
  const model::Date since = date_option("--since", text);
  if (session.as_of() <= since) {
    throw UsageError(fmt::format("--since {} is not before the as-of date {}", since.iso(), session.as_of().iso()));
  }
  return since;
}

// The meeting --committee names, with the window of its paper.
answers::MeetingWindow committee_meeting(const Session& session, const std::string& committee) {
  auto meeting = query::find_meeting(session.dataset(), committee);
  if (!meeting) throw UsageError(fmt::format("--committee: {}", meeting.error()));
  return *meeting;
}

void define_filters(CLI::App& app, FilterOptions& f) {
  const auto list = [&](const std::string& name, std::vector<std::string>& values, const std::string& what) {
    app.add_option(name, values, what)->delimiter(',')->type_name("LIST");
  };
  list("--rag", f.rags,
       "Findings with these ratings: the register's own, red, amber and green by default, or unrated "
       "(comma-separated)");
  // The values from the enums' own names, so that help never falls behind them.
  list("--status", f.statuses,
       fmt::format("Findings in these statuses: {}", fmt::join(model::names_of<model::Status>(), ", ")));
  list("--type", f.types,
       fmt::format("Findings of these types: {}", fmt::join(model::names_of<model::FindingType>(), ", ")));
  list("--portfolio", f.portfolios, "Findings of these portfolios (ids from hmicfrs-track.yaml)");
  list("--inspection", f.inspections, "Findings of these inspections (ids)");
  app.add_option("--owner", f.owner, "Findings whose owner contains TEXT (any case)")->type_name("TEXT");
  app.add_option("--grep", f.grep, "Findings whose id, title, text, owner or notes contain TEXT (any case)")
      ->type_name("TEXT");
  app.add_flag("--overdue", f.overdue, "Open findings past their due date");
  app.add_flag("--stale", f.stale, "Open findings not updated for the configured number of days");
  app.add_flag("--open", f.open, "Open findings only (open or awaiting sign-off)");
  app.add_flag("--closed", f.closed, "Closed, superseded or unmonitored findings only");
}

// ---- validate

struct ValidateOptions {
  bool strict = false;
  std::string format;  // text or json
};

void define_validate(CLI::App& app, ValidateOptions& o) {
  app.add_flag("--strict", o.strict, "Fail (exit 1) on warnings as well as errors");
  app.add_option("--format", o.format, "Output: text (GCC-style lines) or json")
      ->check(CLI::IsMember({"text", "json"}));
}

int run_validate(const Session& session, const ValidateOptions& o) {
  const Loaded& loaded = session.loaded();
  const diag::Diagnostics& diagnostics = loaded.result.diagnostics;
  if (o.format == "json") {
    render::write_diagnostics_json(session.out(), diagnostics);
  } else {
    render::write_diagnostics_text(session.out(), diagnostics, session.color());
  }
  if (loaded.result.read_failure) return k_exit_io;
  const bool strict = o.strict && diagnostics.count(diag::Severity::warning) > 0;
  return diagnostics.has_errors() || strict ? k_exit_invalid_data : k_exit_ok;
}

// ---- status, list, rag, show

int run_status(const Session& session) {
  session.emit(query::status_of(session.dataset(), session.as_of()));
  return k_exit_ok;
}

struct ListOptions {
  FilterOptions filters;
  bool actions = false;
};

void define_list(CLI::App& app, ListOptions& o) {
  define_filters(app, o.filters);
  app.add_flag("--actions", o.actions, "The actions under the findings listed, one a row");
}

int run_list(const Session& session, const ListOptions& o) {
  const model::Config& config = session.dataset().config;
  session.emit(answers::FindingList{session.as_of(), &config.vocabulary, filtered_rows(session, o.filters),
                                    config.force_name, o.actions, query::has_actions(session.dataset())});
  return k_exit_ok;
}

struct RagOptions {
  std::string by = "portfolio";
  FilterOptions filters;
};

void define_rag(CLI::App& app, RagOptions& o) {
  const auto groupings = model::names_of<answers::Grouping>();
  app.add_option("--by", o.by, "Group by portfolio (default), owner, inspection, type, status, report or priority")
      ->check(CLI::IsMember(std::vector<std::string>(groupings.begin(), groupings.end())));
  define_filters(app, o.filters);
}

int run_rag(const Session& session, const RagOptions& o) {
  const auto grouping = model::value_named<answers::Grouping>(o.by);
  if (!grouping) throw UsageError(fmt::format("--by: unknown grouping '{}'", o.by));
  if (*grouping == answers::Grouping::priority && session.dataset().config.priorities.values.empty()) {
    throw UsageError(
        "--by priority: this register declares no priorities; list them under 'priorities' in "
        "hmicfrs-track.yaml, or group by another dimension");
  }
  // Counts of the whole register keep a row for each declared portfolio or priority; a filtered part, its own.
  const FilterOptions& f = o.filters;
  const bool unfiltered = f.rags.empty() && f.statuses.empty() && f.types.empty() && f.portfolios.empty() &&
                          f.inspections.empty() && f.owner.empty() && f.grep.empty() && !f.overdue && !f.stale &&
                          !f.open && !f.closed;
  session.emit(query::rag_breakdown(filtered_rows(session, o.filters), *grouping, session.dataset().config,
                                    session.as_of(), unfiltered));
  return k_exit_ok;
}

struct ChaseOptions {
  std::optional<int> within;
  std::string owner;
  std::string by = "owner";
};

void define_chase(CLI::App& app, ChaseOptions& o) {
  app.add_option("--within", o.within,
                 "Look DAYS ahead: findings due or going stale by then (default: until the next meeting's cut-off, "
                 "else 28 days)")
      ->check(CLI::Range(1, 3650))
      ->type_name("DAYS");
  app.add_option("--owner", o.owner, "Only the owners (or portfolios) whose name holds this, ignoring case");
  app.add_option("--by", o.by, "Ask each owner (default) or each portfolio")
      ->check(CLI::IsMember(std::vector<std::string>{"owner", "portfolio"}));
}

int run_chase(const Session& session, const ChaseOptions& o) {
  const auto chase = query::chase(session.dataset(), session.as_of(), {o.within, o.owner, o.by == "portfolio"});
  if (!chase) throw UsageError("--owner: " + chase.error());
  const CommonOptions& output = session.common();
  // A workbook for each owner to fill in, when -o names a folder rather than a .xlsx file.
  std::string extension = std::filesystem::path(output.file).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const bool workbooks = session.format() == Format::xlsx && !output.file.empty() && extension != ".xlsx";
  if (session.format() == Format::eml || workbooks) {
    if (output.format.empty()) {  // from -o's extension: a file was meant, and a directory would be written
      throw UsageError(fmt::format("-o {}: eml writes a directory of messages, one per owner: give --format eml -o DIR",
                                   output.file));
    }
    std::vector<std::pair<std::string, std::string>> files;
    for (render::NamedFile& file :
         workbooks ? render::to_workbooks(*chase, session.marking()) : render::to_messages(*chase)) {
      files.emplace_back(std::move(file.file_name), std::move(file.text));
    }
    session.write_directory(files);
    const std::string_view kind = workbooks ? "workbook" : "message";
    session.out() << fmt::format(
        "{} written to {}\n", files.size() == 1 ? fmt::format("1 {}", kind) : fmt::format("{} {}s", files.size(), kind),
        output.file);
    session.err() << util::printable_lines(workbooks ? render::left_out_of_workbooks(*chase)
                                                     : render::unaddressed_warning(*chase));
    return k_exit_ok;
  }
  session.emit(*chase);
  return k_exit_ok;
}

struct ShowOptions {
  std::string id;
};

void define_show(CLI::App& app, ShowOptions& o) {
  app.add_option("ID", o.id, "A finding id (inspection/ref) or an inspection id")->required();
}

int run_show(const Session& session, const ShowOptions& o) {
  const model::Dataset& dataset = session.dataset();
  const std::string& asked = o.id;
  // Ids are matched exactly, else ignoring case when that names one record.
  const std::string named_id = query::id_named(dataset, asked);
  const std::string& id = named_id.empty() ? asked : named_id;
  if (const model::Inspection* inspection = dataset.find_inspection(id)) {
    session.emit(query::inspection_detail(dataset, *inspection, session.as_of()));
    return k_exit_ok;
  }
  if (const auto ref = query::find_finding(dataset, id)) {
    const auto detail = query::finding_detail(dataset, *ref, session.as_of());
    if (!detail) {
      throw UsageError(fmt::format("'{}' is not recorded by {}: its report is not out and it has no history by then",
                                   id, session.as_of().iso()));
    }
    session.emit(*detail);
    return k_exit_ok;
  }
  // Suggest among the inspection ids, or among the findings of the named inspection.
  std::vector<std::string> candidates;
  const std::size_t slash = id.find('/');
  const model::Inspection* named = slash == std::string::npos ? nullptr : dataset.find_inspection(id.substr(0, slash));
  if (named != nullptr) {
    for (const model::Finding& f : named->findings) candidates.push_back(f.id.str());
  } else {
    for (const model::Inspection& i : dataset.inspections) candidates.push_back(i.id);
  }
  std::sort(candidates.begin(), candidates.end());
  throw UsageError(fmt::format("no inspection or finding '{}'{}", id, hint(id, candidates)));
}

// ---- peel

struct PeelOptions {
  std::string cycle;
  std::string compare;
  bool areas = false;
};

void define_peel(CLI::App& app, PeelOptions& o) {
  app.add_option("--cycle", o.cycle, "The latest assessment in this cycle (default: the latest of all)")
      ->type_name("CYCLE");
  app.add_option("--compare", o.compare, "Set it beside the latest assessment in this cycle")->type_name("CYCLE");
  app.add_flag("--areas", o.areas,
               "List the areas of every cycle (or of --cycle) with the ids gradings use; outside a register, those "
               "of the built-in catalogue");
}

// The cycle an option names in `catalogue`, or none when it is not given; a usage error when it names none.
const model::PeelCycle* cycle_option(const model::Catalogue& catalogue, std::string_view option,
                                     const std::string& text) {
  if (text.empty()) return nullptr;
  auto cycle = query::find_cycle(catalogue, text);
  if (!cycle) throw UsageError(fmt::format("{}: {}", option, cycle.error()));
  return *cycle;
}

int run_peel(const Session& session, const PeelOptions& o) {
  if (o.areas) {
    // The catalogue is built in, so its areas need no register: Session::catalogue is the register's when one is
    // named or found (its peel-frameworks/ add cycles and areas), else the built-in one.
    const model::Catalogue& catalogue = session.catalogue();
    (void)session.as_of();  // unused by the list, but a malformed --as-of is refused as for every command
    const model::PeelCycle* cycle = cycle_option(catalogue, "--cycle", o.cycle);
    if (cycle_option(catalogue, "--compare", o.compare) != nullptr) {
      throw UsageError("--areas lists areas: it does not go with --compare");
    }
    answers::PeelAreas areas;
    for (const model::PeelCycle& c : catalogue.cycles) {
      if (cycle == nullptr || &c == cycle) areas.cycles.push_back(&c);
    }
    session.emit(areas);
    return k_exit_ok;
  }
  const model::Dataset& dataset = session.dataset();
  const model::Date as_of = session.as_of();
  const model::PeelCycle* cycle = cycle_option(dataset.catalogue, "--cycle", o.cycle);
  const model::PeelCycle* compare = cycle_option(dataset.catalogue, "--compare", o.compare);

  const auto first = query::latest_peel(dataset, as_of, cycle);
  if (compare != nullptr) {
    const auto second = query::latest_peel(dataset, as_of, compare);
    if (first && second) {
      session.emit(query::compare_peel(*first, *second, as_of));
      return k_exit_ok;
    }
    cycle = first ? compare : cycle;  // say which side has no assessment
  }
  session.emit(answers::PeelGrades{
      as_of, cycle,
      compare != nullptr || !first ? std::nullopt : std::optional(query::peel_table(dataset, *first, as_of))});
  return k_exit_ok;
}

// ---- inspections, changes, committees

struct InspectionsOptions {
  bool upcoming = false;
  std::string since;
};

void define_inspections(CLI::App& app, InspectionsOptions& o) {
  CLI::Option* upcoming = app.add_flag("--upcoming", o.upcoming, "Only those notified and not yet started");
  app.add_option("--since", o.since, "Only those with fieldwork or a report after DATE")
      ->type_name("DATE")
      ->excludes(upcoming);
}

int run_inspections(const Session& session, const InspectionsOptions& o) {
  const answers::Window window{o.since.empty() ? std::nullopt : std::optional(since_date(session, o.since)),
                               session.as_of()};
  const answers::CalendarScope scope = o.upcoming         ? answers::CalendarScope::upcoming
                                       : !o.since.empty() ? answers::CalendarScope::active
                                                          : answers::CalendarScope::all;
  session.emit(query::calendar_answer(session.dataset(), window, scope));
  return k_exit_ok;
}

struct ChangesOptions {
  std::string since;
  std::string committee;
};

void define_changes(CLI::App& app, ChangesOptions& o) {
  CLI::Option* since = app.add_option("--since", o.since, "After DATE, up to the as-of date")->type_name("DATE");
  app.add_option("--committee", o.committee, "The window of this meeting's paper")->type_name("ID")->excludes(since);
}

int run_changes(const Session& session, const ChangesOptions& o) {
  if (o.since.empty() == o.committee.empty()) throw UsageError("changes needs one of --since DATE or --committee ID");
  const answers::Window window = o.committee.empty() ? answers::Window{since_date(session, o.since), session.as_of()}
                                                     : committee_meeting(session, o.committee).window;
  session.emit(query::movement_in(session.dataset(), window));
  return k_exit_ok;
}

int run_committees(const Session& session) {
  session.emit(answers::Committees{query::meeting_windows(session.dataset())});
  return k_exit_ok;
}

// ---- report

struct ReportOptions {
  std::string committee;
};

void define_report(CLI::App& app, ReportOptions& o) {
  app.add_option("--committee", o.committee, "The meeting (required)")->type_name("ID")->required();
}

int run_report(const Session& session, const ReportOptions& o) {
  // Errors do not depend on the date (only warnings and notes do), so the
  // register is checked once, before the paper's date is known.
  const answers::MeetingWindow meeting = committee_meeting(session, o.committee);
  // As of the meeting's cut-off, unless --as-of says otherwise.
  const model::Date as_of = session.common().as_of.empty() ? meeting.meeting->cut_off() : session.as_of();
  if (meeting.window.after && as_of <= *meeting.window.after) {
    throw UsageError(fmt::format("--as-of {} is not after the previous paper's cut-off {}", as_of.iso(),
                                 meeting.window.after->iso()));
  }
  session.emit(query::assemble_paper(session.dataset(), meeting, as_of));
  return k_exit_ok;
}

// ---- schema, init

struct SchemaOptions {
  std::string kind;
};

void define_schema(CLI::App& app, SchemaOptions& o) {
  app.add_option("KIND", o.kind, "config, committees, inspection or peel-framework");
}

int run_schema(const Session& session, const SchemaOptions& o) {
  const std::string& kind = o.kind;
  const auto all = load::schemas();
  if (kind.empty()) {
    session.out() << "The JSON Schema (draft 2020-12) of each kind of data file:\n";
    for (const load::Schema& s : all) session.out() << fmt::format("  {:<16}{}\n", s.kind, s.files);
    session.out() << "Print one with: hmicfrs-track schema KIND\n";
    return k_exit_ok;
  }
  for (const load::Schema& s : all) {
    if (s.kind == kind) {
      session.out() << s.json;
      return k_exit_ok;
    }
  }
  std::vector<std::string> kinds;
  for (const load::Schema& s : all) kinds.emplace_back(s.kind);
  throw UsageError(fmt::format("no schema '{}'{} (kinds: {})", kind, hint(kind, kinds), fmt::join(kinds, ", ")));
}

struct InitOptions {
  std::string directory;
};

void define_init(CLI::App& app, InitOptions& o) {
  app.add_option("DIR", o.directory, "The new register's directory")->required();
}

int run_init(const Session& session, const InitOptions& o) {
  namespace fs = std::filesystem;
  const std::string& directory = o.directory;
  if (directory.empty()) throw UsageError("init needs the new register's directory, as in: init my-register");
  bool has_git = false;
  const fs::path target = new_register_directory(directory, "init", has_git);
  // Everything is written beside the target first, then moved into place:
  // a failure leaves no half-written register.
  std::vector<std::pair<std::string, std::string>> files;
  for (const load::StarterFile& file : load::starter_register()) files.emplace_back(file.path, file.text);
  write_directory_atomically(target, files);
  std::ostream& out = session.out();
  const std::string where = target.generic_string();
  out << fmt::format("Created a register in {}{}:\n", where, has_git ? ", beside the .git it held" : "");
  for (const load::StarterFile& file : load::starter_register()) {
    if (!file.path.starts_with(".")) out << "  " << (target / file.path).generic_string() << "\n";
  }
  out << fmt::format(
      "Each file names its schema (in {}) for editors.\n"
      "Next:\n"
      "  1. In {}, write your force, committee, contact officer and portfolios.\n"
      "  2. Add a file per inspection under {}/, as the example there shows.\n"
      "  3. Check the register: hmicfrs-track --data {} validate\n"
      "New to YAML? {} shows how to write these files.\n",
      (target / ".schemas").generic_string(), (target / "hmicfrs-track.yaml").generic_string(),
      (target / "inspections").generic_string(), where, util::guide("yaml-primer.md"));
  return k_exit_ok;
}

// ---- import

struct ImportOptions {
  std::string tracker;  // the spreadsheet
  std::string into;     // the new register's directory
  std::string map;      // the mapping file
  std::string sheet;    // the workbook's sheet
  bool guess = false;   // write a starting mapping instead
  bool add = false;     // add the tracker's findings to the register in reach instead
};

void define_import(CLI::App& app, ImportOptions& o) {
  app.add_option("FILE", o.tracker, "The tracker: a .csv or .xlsx file")->required();
  app.add_option("--into", o.into, "The new register's directory (new or empty)");
  app.add_option("--map", o.map, "The mapping file: which column holds what, and what the tracker's words mean");
  app.add_option("--sheet", o.sheet,
                 "The workbook's sheet (default: the mapping's, else the one that reads most like a tracker)");
  app.add_flag("--guess", o.guess, "Write a starting mapping, every guess commented, instead of importing");
  app.add_flag("--add", o.add,
               "Add the tracker's findings to the register (--data, or the one found from here): to the files of the "
               "reports it has, and new files for those it lacks");
}

// The tracker's rows: a file the import does not read is a usage error, one it cannot read an I/O error. (The
// return type trails: clang-format reads a line that starts with `import::` as a module import.)
auto read_tracker(const std::string& file, const std::string& sheet, diag::Diagnostics& diagnostics) -> import::Table {
  auto read = import::read_tracker(file, sheet, diagnostics);
  if (const auto* problem = std::get_if<import::TrackerFileProblem>(&read)) {
    if (problem->kind == import::TrackerFileProblem::Kind::not_a_tracker) throw UsageError(problem->message);
    throw IoError(problem->message);
  }
  return std::get<import::Table>(std::move(read));
}

// --guess writes to standard output and --into names the new register's directory: one of them, not both.
void require_one_destination(const ImportOptions& o) {
  if (o.guess && !o.into.empty()) throw UsageError("--guess writes a mapping to standard output: leave out --into");
  if (o.add && (o.guess || !o.into.empty())) {
    throw UsageError("--add adds to the register in reach: leave out --into and --guess");
  }
  if (!o.guess && !o.add && o.into.empty()) {
    throw UsageError(
        fmt::format("import needs the new register's directory, as in: import {} --into my-register", o.tracker));
  }
}

// Prints the import's diagnostics, sorted, then `what` when given, and fails: nothing is written.
int refuse_import(const Session& session, diag::Diagnostics& diagnostics, std::string_view what = {}) {
  diagnostics.sort();
  render::write_diagnostics_text(session.err(), diagnostics, false);
  if (!what.empty()) session.err() << what << "\n";
  return k_exit_invalid_data;
}

// --guess: the mapping the table suggests, every guess commented, on standard output.
int write_guessed_mapping(const Session& session, const import::Table& table, int header_row, const std::string& source,
                          diag::Diagnostics& diagnostics) {
  const import::GuessedMapping guess = import::guess_mapping(table, header_row);
  diagnostics.sort();
  if (!diagnostics.empty()) render::write_diagnostics_text(session.err(), diagnostics, false);
  session.out() << import::mapping_yaml(guess, table, source);
  return k_exit_ok;
}

// Without --map: the mapping guessed from the header row, with a note of how to see and edit it.
model::ImportMapping guessed_mapping(const Session& session, const import::Table& table, const std::string& tracker) {
  model::ImportMapping mapping = import::guess_mapping(table).mapping;
  session.err() << fmt::format(
      "No --map: the columns are guessed from the header row; `hmicfrs-track import --guess {}` writes the guess "
      "as a mapping to check and edit.\n",
      tracker);
  return mapping;
}

// What the import read: the header row and the rows below it, those it skipped, and what each column held.
void write_import_summary(std::ostream& out, const import::ImportSummary& s, std::string_view source,
                          const std::string& sheet) {
  out << fmt::format("Read {}{}: header in row {}, {} rows below it", source,
                     sheet.empty() ? "" : fmt::format(" (sheet {})", sheet), s.header_row, s.rows);
  std::vector<std::string> skipped;
  if (s.blank > 0) skipped.push_back(fmt::format("{} blank", s.blank));
  if (s.carried > 0) skipped.push_back(fmt::format("{} taking their report from the row above", s.carried));
  if (s.headings > 0)
    skipped.push_back(
        fmt::format("{} read as {}", s.headings, s.headings == 1 ? "a report heading" : "report headings"));
  if (s.footnotes > 0) {
    skipped.push_back(
        fmt::format("{} as {}, not read", s.footnotes,
                    s.footnotes == 1 ? "a key, footnote or totals row" : "keys, footnotes or totals rows"));
  }
  out << (skipped.empty() ? "" : fmt::format(" ({})", fmt::join(skipped, ", "))) << ".\n";
  for (const std::string& column : s.columns) out << "  " << column << "\n";
  if (!s.kept_as_text.empty()) {
    out << fmt::format("  Kept in each finding's text under its header: {}\n", fmt::join(s.kept_as_text, ", "));
  }
}

// Rows refused: what was read, the errors, and how many rows they refused. Nothing is written.
int refuse_rows(const Session& session, diag::Diagnostics& diagnostics, const import::ImportSummary& s,
                std::string_view source, const std::string& sheet) {
  write_import_summary(session.out(), s, source, sheet);
  if (s.rows == 0) {
    return refuse_import(session, diagnostics,
                         "Nothing written: the tracker's columns could not be read (errors above).");
  }
  return refuse_import(session, diagnostics,
                       fmt::format("Nothing written: {} of {} rows refused (errors above). Fix the tracker or the "
                                   "mapping, and run the import again.",
                                   s.refused, s.rows - s.blank - s.headings - s.footnotes));
}

// The new register, checked as `validate` would, and what to do with it next.
int check_imported_register(const Session& session, const std::filesystem::path& target, const std::string& source) {
  std::ostream& out = session.out();
  load::LoadResult result = load::load_dataset(target);
  check::check_dataset(result.dataset, {session.as_of(), result.incomplete}, result.diagnostics);
  result.diagnostics.sort();
  const std::string where = target.generic_string();
  if (!result.diagnostics.empty()) {
    render::write_diagnostics_text(session.err(), result.diagnostics, false);
  }
  out << fmt::format("validate: {}.\n",
                     result.diagnostics.empty() ? "no problems" : render::count_line(result.diagnostics));
  if (result.diagnostics.has_errors()) {
    // Only what the import cannot see (a register's limits, say) gets here: say so rather than carry on.
    out << fmt::format("The register is written, but does not validate: fix the errors above in {}.\n", where);
    return k_exit_invalid_data;
  }
  out << fmt::format(
      "Next:\n"
      "  1. Read the files, and write the force, committee, contact officer and portfolio leads in "
      "{}/hmicfrs-track.yaml.\n"
      "  2. Check it: hmicfrs-track --data {} validate\n"
      "  3. Commit it: git -C {} init && git -C {} add . && git -C {} commit -m \"Register imported from {}\"\n"
      "  4. Add the committee's meetings to {}/committees.yaml, then: hmicfrs-track --data {} report --committee ID\n",
      where, where, where, where, where, source, where, where);
  return k_exit_ok;
}

// Writes the new register, says what it holds, and checks it.
int write_imported_register(const Session& session, const import::ImportedRegister& imported,
                            const std::filesystem::path& target, diag::Diagnostics& diagnostics,
                            const std::string& source, const std::string& sheet) {
  write_directory_atomically(target, imported.files);
  diagnostics.sort();
  render::write_diagnostics_text(session.err(), diagnostics, false);
  const import::ImportSummary& s = imported.summary;
  write_import_summary(session.out(), s, source, sheet);
  session.out() << fmt::format(
      "Wrote {} finding{} in {} report{} to {}{}", s.findings, s.findings == 1 ? "" : "s", s.reports,
      s.reports == 1 ? "" : "s", target.generic_string(),
      s.portfolios.empty() ? ".\n" : fmt::format(", with portfolios {}.\n", fmt::join(s.portfolios, ", ")));
  return check_imported_register(session, target, source);
}

int run_import(const Session& session, const ImportOptions& o) {
  namespace fs = std::filesystem;
  require_one_destination(o);
  bool has_git = false;
  const fs::path target = o.guess || o.add ? fs::path() : new_register_directory(o.into, "import", has_git);
  diag::Diagnostics diagnostics;
  std::optional<model::ImportMapping> mapping;
  if (!o.map.empty()) {
    mapping = load::load_import_mapping(o.map, diagnostics);
    if (!mapping || diagnostics.has_errors()) return refuse_import(session, diagnostics);
  }
  const std::string sheet = !o.sheet.empty() ? o.sheet : mapping ? mapping->sheet : "";
  const import::Table table = read_tracker(o.tracker, sheet, diagnostics);
  const std::string source = fs::path(o.tracker).filename().string();
  if (diagnostics.has_errors()) return refuse_import(session, diagnostics, "Nothing written.");
  if (o.guess) return write_guessed_mapping(session, table, mapping ? mapping->header_row : 0, source, diagnostics);
  if (!mapping) mapping = guessed_mapping(session, table, o.tracker);
  // The day the tracker's undated states were known by is the user's to give: never today by default.
  const bool as_of_given = !session.common().as_of.empty();
  import::ImportOptions options{as_of_given ? std::optional(session.as_of()) : std::nullopt, source};
  if (o.add) {
    const model::Dataset& dataset = session.loaded_to_edit().result.dataset;
    options.adding = true;
    for (const model::Inspection& inspection : dataset.inspections) {
      for (const std::string_view name :
           {std::string_view(inspection.id), inspection.title.view(), std::string_view(inspection.short_name)}) {
        if (!name.empty()) options.existing_reports.emplace_back(name);
      }
    }
    for (const model::Portfolio& portfolio : dataset.config.portfolios) {
      options.existing_portfolios.emplace_back(portfolio.id, portfolio.name);
    }
  }
  const import::ImportedRegister imported = import::import_tracker(table, *mapping, options, diagnostics);
  if (!as_of_given && !imported.summary.undated.empty()) {
    throw UsageError(fmt::format(
        "{}: {} of the tracker give a status, rating or note with no date. Say by which day they were known with "
        "--as-of YYYY-MM-DD (the tracker's own date, such as the meeting it was last reported to): they are written "
        "as known as at that day. Nothing written.",
        source, imported.summary.undated));
  }
  if (diagnostics.has_errors()) return refuse_rows(session, diagnostics, imported.summary, source, table.sheet);
  if (o.add) return add_imported(session, imported, diagnostics, source);
  return write_imported_register(session, imported, target, diagnostics, source, table.sheet);
}

// ---- the table

// A command with options of its own: `Define` binds them to its subcommand's, and `Run` reads them.
template <class Options, void (*Define)(CLI::App&, Options&), int (*Run)(const Session&, const Options&)>
class WithOptions final : public Invocation {
 public:
  explicit WithOptions(CLI::App& app) { Define(app, m_options); }
  int run(const Session& session) const override { return Run(session, m_options); }

 private:
  Options m_options;
};

template <class Options, void (*Define)(CLI::App&, Options&), int (*Run)(const Session&, const Options&)>
std::unique_ptr<Invocation> with_options(CLI::App& app) {
  return std::make_unique<WithOptions<Options, Define, Run>>(app);
}

// A command without options of its own.
template <int (*Run)(const Session&)>
class WithoutOptions final : public Invocation {
 public:
  int run(const Session& session) const override { return Run(session); }
};

template <int (*Run)(const Session&)>
std::unique_ptr<Invocation> without_options(CLI::App&) {
  return std::make_unique<WithoutOptions<Run>>();
}

constexpr std::array<Command, 16> k_commands{{
    {"validate",
     "Check every file of the register and list every problem",
     "validate --data examples/west-midlands --strict",
     "Exit status: 0 valid, 1 errors (or warnings with --strict), 2 usage, 3 unreadable.",
     Needs::checked_register,
     {},
     with_options<ValidateOptions, define_validate, run_validate>,
     "check"},
    {"status", "One screen: open findings by RAG, red, overdue, stale, upcoming inspections",
     "status --as-of 2022-03-31", "", Needs::valid_register, k_documents, without_options<run_status>},
    {"rag", "Count findings by rating, per portfolio, owner, inspection, type, status or report",
     "rag --by status --open", "", Needs::valid_register, k_sheets, with_options<RagOptions, define_rag, run_rag>},
    {"list", "List findings, filtered", "list --rag red,amber --portfolio crime",
     "Filters combine: a finding must pass them all. --actions lists the actions under the findings that pass.",
     Needs::valid_register, k_sheets, with_options<ListOptions, define_list, run_list>},
    {"chase", "Whom to ask for an update before the next paper, about which findings; drafts their emails",
     "chase --as-of 2022-03-10 --format eml -o mail",
     "Per owner: their open findings the next paper will show as red, overdue or stale, those due by then, and "
     "unrated ones, each with what the paper will show if nothing is written. --format eml -o DIR writes one message "
     "per owner into a new DIR, addressed from `owners` in hmicfrs-track.yaml; nothing is sent.",
     Needs::valid_register, k_chase, with_options<ChaseOptions, define_chase, run_chase>},
    {"show", "Show one finding or inspection in full, with its history and links", "show peel-2021-22/AFI1", "",
     Needs::valid_register, k_documents, with_options<ShowOptions, define_show, run_show>},
    {"update",
     "Add an owner's update to a finding's history, in its file, changing nothing else",
     "update peel-2021-22/AFI3 --rag amber --note \"82% compliance\"",
     "The entry is dated today unless --date (or --as-at) says otherwise, and follows the style of the entries above "
     "it. The register is checked with it before anything is written; the change is printed as a diff (--dry-run "
     "prints it and writes nothing).",
     Needs::valid_records,
     {},
     with_options<UpdateOptions, define_update, run_update>},
    {"collect",
     "Record the updates owners wrote in the workbooks chase gave them",
     "collect returned/*.xlsx",
     "Each filled row of a workbook from `chase --format xlsx -o DIR` (or its Updates sheet saved as CSV) becomes a "
     "history entry of its finding, added as update adds one. Every row is checked before anything is written: a "
     "changed locked cell, a workbook from another register, an unknown word or a formula stops the run with nothing "
     "written. A finding changed since its workbook was written is a conflict, reported and not applied; a row "
     "already recorded is skipped, so collect can be run again. Prints a summary, the diff and a commit message.",
     Needs::editable_register,
     {},
     with_options<CollectOptions, define_collect, run_collect>},
    {"peel", "The PEEL grade table: one column per grade, not-graded areas apart",
     "peel --cycle 2021 --compare 2018-19", "A cycle is named by its id or the start of it: 2021 for 2021-22.",
     Needs::valid_register, k_tables, with_options<PeelOptions, define_peel, run_peel>},
    {"inspections", "The inspection calendar", "inspections --upcoming --as-of 2022-03-31", "", Needs::valid_register,
     k_tables, with_options<InspectionsOptions, define_inspections, run_inspections>},
    {"changes", "RAG and status movements, new and closed findings, in a window", "changes --committee 2022-03",
     "--committee takes a meeting's id, date or month; its window runs from the previous paper's cut-off to its own.",
     Needs::valid_register, k_tables, with_options<ChangesOptions, define_changes, run_changes>},
    {"committees", "The committee's meetings and the window of each paper", "committees --format md", "",
     Needs::valid_register, k_tables, without_options<run_committees>},
    {"report", "The committee paper for a meeting: Markdown, text, HTML, PDF, JSON or Word; its tracker in Excel",
     "report --committee 2022-03 -o paper.html",
     "The paper is as of the meeting's cut-off unless --as-of says otherwise; --committee takes the meeting's id, "
     "date or month.",
     Needs::valid_register, k_papers, with_options<ReportOptions, define_report, run_report>},
    {"schema",
     "The JSON Schema of a kind of data file, for editors",
     "schema inspection > inspection.schema.json",
     "Without KIND, lists the kinds: config, committees, inspection, peel-framework.",
     Needs::nothing,
     {},
     with_options<SchemaOptions, define_schema, run_schema>},
    {"init",
     "A new register with commented starter files (refuses a non-empty DIR)",
     "init my-register",
     "Each file names its JSON Schema, copied into DIR/.schemas/, for editors with the YAML language server.",
     Needs::nothing,
     {},
     with_options<InitOptions, define_init, run_init>},
    {"import",
     "A new register from the force's spreadsheet tracker (.csv or .xlsx)",
     "--as-of 2022-03-24 import tracker.xlsx --map mapping.yaml --into my-register",
     "`import --guess FILE > mapping.yaml` writes a starting mapping from the header row, every guess commented; "
     "without --map the import uses that guess. A status with no date of its own is written as known as at the day "
     "--as-of gives, which such a tracker needs (exit 2 without it). Nothing is written when a row is refused (exit "
     "1). docs/import.md has the mapping's fields.",
     Needs::nothing,
     {},
     with_options<ImportOptions, define_import, run_import>},
}};

constexpr std::array<std::string_view, 4> k_completion_kinds{"portfolios", "owners", "findings", "cycles"};

}  // namespace

std::span<const Command> commands() { return k_commands; }

void write_completion_words(const Session& session, std::string_view kind) {
  if (std::find(k_completion_kinds.begin(), k_completion_kinds.end(), kind) == k_completion_kinds.end()) {
    throw UsageError(fmt::format("--complete: no kind '{}'{} (kinds: {})", kind,
                                 util::did_you_mean(kind, k_completion_kinds), fmt::join(k_completion_kinds, ", ")));
  }
  const model::Dataset& dataset = session.dataset();
  std::set<std::string> words;
  if (kind == "portfolios") {
    for (const model::Portfolio& p : dataset.config.portfolios) words.insert(p.id);
  } else if (kind == "owners") {
    for (const answers::FindingRow& row : query::findings_as_of(dataset, session.as_of())) {
      if (!row.state.owner.empty()) words.emplace(row.state.owner);
    }
  } else if (kind == "findings") {
    for (const model::Inspection& i : dataset.inspections) {
      for (const model::Finding& f : i.findings) words.insert(f.id.str());
    }
  } else {
    for (const model::PeelCycle& c : dataset.catalogue.cycles) words.insert(c.id);
  }
  for (const std::string& word : words) session.out() << util::printable(word) << "\n";
}

}  // namespace hmicfrs::cli
