#include "commands.hpp"

#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <hmicfrs/load/schemas.hpp>
#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/render/paper.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::cli {
namespace {

using render::Format;

constexpr std::array k_documents{Format::text, Format::markdown, Format::json};
constexpr std::array k_tables{Format::text, Format::markdown, Format::json, Format::csv};
constexpr std::array k_papers{Format::markdown, Format::text, Format::html, Format::json};

// " (did you mean 'x'?)" for a near miss among `candidates`.
std::string hint(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string_view> views(candidates.begin(), candidates.end());
  const auto nearest = util::closest_match(word, views);
  return nearest ? fmt::format(": did you mean '{}'?", *nearest) : std::string();
}

// Values of an enum option, by their data-file names.
template <class E>
std::set<E> enum_values(std::string_view option, const std::vector<std::string>& names) {
  std::set<E> out;
  for (const std::string& name : names) {
    const auto value = model::value_named<E>(name);
    if (!value) {
      const auto known = model::names_of<E>();
      const std::vector<std::string> candidates(known.begin(), known.end());
      throw Failure{k_exit_usage, fmt::format("{}: unknown {} '{}'{} (expected {})", option, model::EnumInfo<E>::what,
                                              name, hint(name, candidates), util::join_alternatives(known))};
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
      throw Failure{k_exit_usage, fmt::format("{}: no {} '{}'{}", option, what, id, hint(id, known))};
    }
  }
  return {ids.begin(), ids.end()};
}

// The filter the options describe; contradictory options are a usage error.
query::FindingFilter finding_filter(const FilterOptions& o, const model::Dataset& dataset) {
  query::FindingFilter filter;
  std::vector<std::string> rags = o.rags;
  const auto unrated = std::find(rags.begin(), rags.end(), "unrated");
  if (unrated != rags.end()) {
    filter.unrated = true;
    rags.erase(unrated);
  }
  filter.rags = enum_values<model::Rag>("--rag", rags);
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
    return Failure{k_exit_usage, fmt::format("contradictory filters: {}", why)};
  };
  if (o.open && o.closed) throw contradiction("--open and --closed");
  if (o.closed && (filter.filters_rag() || o.overdue || o.stale)) {
    throw contradiction("--closed with --rag, --overdue or --stale, which only open findings have");
  }
  const bool any_open_status = std::any_of(filter.statuses.begin(), filter.statuses.end(), model::is_open);
  const bool any_closed_status =
      std::any_of(filter.statuses.begin(), filter.statuses.end(), [](model::Status s) { return !model::is_open(s); });
  if (!filter.statuses.empty() && ((o.open && !any_open_status) || (o.closed && !any_closed_status))) {
    throw contradiction("--status names no status that --open or --closed allows");
  }
  if (!filter.statuses.empty() && !any_open_status && (filter.filters_rag() || o.overdue || o.stale)) {
    throw contradiction("--status names only closed statuses, but --rag, --overdue or --stale need open findings");
  }
  return filter;
}

query::Grouping grouping_named(const std::string& by) {
  static constexpr std::array<std::pair<std::string_view, query::Grouping>, 4> k{{
      {"portfolio", query::Grouping::portfolio},
      {"owner", query::Grouping::owner},
      {"inspection", query::Grouping::inspection},
      {"type", query::Grouping::type},
  }};
  for (const auto& [name, grouping] : k) {
    if (name == by) return grouping;
  }
  throw Failure{k_exit_usage, fmt::format("--by: unknown grouping '{}'", by)};
}

}  // namespace

int run_validate(const Context& context, const ValidateOptions& options) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_checked(context, as_of);
  const diag::Diagnostics& diagnostics = loaded.result.diagnostics;
  if (options.format == "json") {
    render::write_diagnostics_json(context.out, diagnostics);
  } else {
    render::write_diagnostics_text(context.out, diagnostics, use_color(context));
  }
  if (loaded.result.read_failure) return k_exit_io;
  const bool failed = diagnostics.has_errors() || (options.strict && diagnostics.count(diag::Severity::warning) > 0);
  return failed ? k_exit_invalid_data : k_exit_ok;
}

int run_schema(const Context& context, const std::string& kind) {
  const auto all = load::schemas();
  if (kind.empty()) {
    context.out << "The JSON Schema (draft 2020-12) of each kind of data file:\n";
    for (const load::Schema& s : all) context.out << fmt::format("  {:<16}{}\n", s.kind, s.files);
    context.out << "Print one with: hmicfrs-track schema KIND\n";
    return k_exit_ok;
  }
  for (const load::Schema& s : all) {
    if (s.kind == kind) {
      context.out << s.json;
      return k_exit_ok;
    }
  }
  std::vector<std::string> kinds;
  for (const load::Schema& s : all) kinds.emplace_back(s.kind);
  throw Failure{k_exit_usage,
                fmt::format("no schema '{}'{} (kinds: {})", kind, hint(kind, kinds), fmt::join(kinds, ", "))};
}

int run_init(const Context& context, const std::string& directory) {
  namespace fs = std::filesystem;
  const fs::path target(directory);
  std::error_code ec;
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec))) {
    throw Failure{k_exit_usage, fmt::format("{} exists and is not an empty directory: init writes a new register only "
                                            "into a new or empty directory",
                                            directory)};
  }
  // Everything is written beside the target first, then renamed into place:
  // a failure leaves no half-written register.
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string staging = (parent / (".init-" + target.filename().string() + "-XXXXXX")).string();
  if (mkdtemp(staging.data()) == nullptr)
    throw Failure{k_exit_io, fmt::format("cannot create {}: {}", directory, std::strerror(errno))};
  try {
    for (const load::StarterFile& file : load::starter_register()) {
      const fs::path path = fs::path(staging) / file.path;
      fs::create_directories(path.parent_path());
      write_file_atomically(path, file.text);
    }
    fs::permissions(staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
    if (fs::exists(target)) fs::remove(target);  // empty, as checked
    fs::rename(staging, target);
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  context.out << fmt::format("Created a register in {}:\n", directory);
  for (const load::StarterFile& file : load::starter_register()) {
    if (!file.path.starts_with(".")) context.out << "  " << (target / file.path).generic_string() << "\n";
  }
  context.out << fmt::format(
      "Each file names its schema (in {}) for editors. Next: edit them, then run\n"
      "  hmicfrs-track --data {} validate\n",
      (target / ".schemas").generic_string(), directory);
  return k_exit_ok;
}

int run_status(const Context& context, const OutputOptions& output) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  const render::StatusView view{&dataset, as_of, query::findings_as_of(dataset, as_of),
                                query::calendar(dataset, {std::nullopt, as_of}, query::CalendarScope::upcoming)};
  emit(context, output, k_documents, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_status(out, view, o); });
  return k_exit_ok;
}

int run_list(const Context& context, const ListOptions& options) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  const query::FindingFilter filter = finding_filter(options.filters, dataset);
  const render::ListView view{as_of, query::filtered(query::findings_as_of(dataset, as_of), filter)};
  emit(context, options.output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_list(out, view, o); });
  return k_exit_ok;
}

int run_rag(const Context& context, const RagOptions& options) {
  const model::Date as_of = as_of_date(context);
  const query::Grouping grouping = grouping_named(options.by);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  const auto rows = query::filtered(query::findings_as_of(dataset, as_of), finding_filter(options.filters, dataset));
  const render::RagView view{as_of, grouping, query::rag_by(rows, grouping, dataset), query::rag_total(rows)};
  emit(context, options.output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_rag(out, view, o); });
  return k_exit_ok;
}

int run_show(const Context& context, const ShowOptions& options) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  const auto rows = query::findings_as_of(dataset, as_of);

  if (const model::Inspection* inspection = dataset.find_inspection(options.id)) {
    render::InspectionView view{&dataset, as_of, inspection, {}};
    std::copy_if(rows.begin(), rows.end(), std::back_inserter(view.rows),
                 [&](const query::FindingRow& row) { return row.inspection == inspection; });
    emit(context, options.output, k_documents, loaded.root,
         [&](std::ostream& out, const render::Output& o) { render::write_inspection(out, view, o); });
    return k_exit_ok;
  }
  if (const auto ref = query::find_finding(dataset, options.id)) {
    const auto row =
        std::find_if(rows.begin(), rows.end(), [&](const query::FindingRow& r) { return r.finding == ref->finding; });
    if (row == rows.end()) {
      throw Failure{k_exit_usage, fmt::format("'{}' is not recorded by {}: its report is not out and it has no "
                                              "history by then",
                                              options.id, as_of.iso())};
    }
    const render::FindingView view{&dataset, as_of, *row, query::links_of(dataset, *ref)};
    emit(context, options.output, k_documents, loaded.root,
         [&](std::ostream& out, const render::Output& o) { render::write_finding(out, view, o); });
    return k_exit_ok;
  }
  // Suggest among the inspection ids, or among the findings of the named inspection.
  std::vector<std::string> candidates;
  const std::size_t slash = options.id.find('/');
  const model::Inspection* named =
      slash == std::string::npos ? nullptr : dataset.find_inspection(options.id.substr(0, slash));
  if (named != nullptr) {
    for (const model::Finding& f : named->findings) candidates.push_back(f.id);
  } else {
    for (const model::Inspection& i : dataset.inspections) candidates.push_back(i.id);
  }
  std::sort(candidates.begin(), candidates.end());
  throw Failure{k_exit_usage, fmt::format("no inspection or finding '{}'{}", options.id, hint(options.id, candidates))};
}

int run_peel(const Context& context, const PeelOptions& options) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  const auto cycle_option = [&](std::string_view option, const std::string& text) -> const model::PeelCycle* {
    if (text.empty()) return nullptr;
    auto cycle = query::find_cycle(dataset.catalogue, text);
    if (!cycle) throw Failure{k_exit_usage, fmt::format("{}: {}", option, cycle.error())};
    return *cycle;
  };
  const model::PeelCycle* cycle = cycle_option("--cycle", options.cycle);
  const model::PeelCycle* compare = cycle_option("--compare", options.compare);

  const auto first = query::latest_peel(dataset, as_of, cycle);
  if (compare != nullptr) {
    const auto second = query::latest_peel(dataset, as_of, compare);
    if (first && second) {
      const render::PeelComparisonView view{as_of, query::compare_peel(*first, *second)};
      emit(context, options.output, k_tables, loaded.root,
           [&](std::ostream& out, const render::Output& o) { render::write_peel_comparison(out, view, o); });
      return k_exit_ok;
    }
    cycle = first ? compare : cycle;  // say which side has no assessment
  }
  const render::PeelView view{as_of, cycle,
                              compare != nullptr || !first ? std::nullopt : std::optional(query::peel_table(*first))};
  emit(context, options.output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_peel(out, view, o); });
  return k_exit_ok;
}

int run_inspections(const Context& context, const InspectionsOptions& options) {
  const model::Date as_of = as_of_date(context);
  std::optional<model::Date> since;
  if (!options.since.empty()) since = date_option("--since", options.since);
  if (since && as_of <= *since) {
    throw Failure{k_exit_usage, fmt::format("--since {} is not before the as-of date {}", since->iso(), as_of.iso())};
  }
  const Loaded loaded = load_valid(context, as_of);
  const query::CalendarScope scope = options.upcoming ? query::CalendarScope::upcoming
                                     : since          ? query::CalendarScope::active
                                                      : query::CalendarScope::all;
  const query::Window window{since, as_of};
  const render::InspectionsView view{window, scope, query::calendar(loaded.result.dataset, window, scope)};
  emit(context, options.output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_inspections(out, view, o); });
  return k_exit_ok;
}

int run_changes(const Context& context, const ChangesOptions& options) {
  if (options.since.empty() == options.committee.empty()) {
    throw Failure{k_exit_usage, "changes needs one of --since DATE or --committee ID"};
  }
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const model::Dataset& dataset = loaded.result.dataset;
  query::Window window{std::nullopt, as_of};
  if (!options.committee.empty()) {
    auto meeting = query::find_meeting(dataset, options.committee);
    if (!meeting) throw Failure{k_exit_usage, fmt::format("--committee: {}", meeting.error())};
    window = meeting->window;
  } else {
    window.after = date_option("--since", options.since);
    if (as_of <= *window.after) {
      throw Failure{k_exit_usage,
                    fmt::format("--since {} is not before the as-of date {}", window.after->iso(), as_of.iso())};
    }
  }
  const render::ChangesView view{window, query::changes_in(dataset, window)};
  emit(context, options.output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_changes(out, view, o); });
  return k_exit_ok;
}

int run_committees(const Context& context, const OutputOptions& output) {
  const model::Date as_of = as_of_date(context);
  const Loaded loaded = load_valid(context, as_of);
  const render::CommitteesView view{query::meeting_windows(loaded.result.dataset)};
  emit(context, output, k_tables, loaded.root,
       [&](std::ostream& out, const render::Output& o) { render::write_committees(out, view, o); });
  return k_exit_ok;
}

int run_report(const Context& context, const ReportOptions& options) {
  // Errors do not depend on the date (only warnings and notes do), so the
  // register is checked once, before the paper's date is known.
  const model::Date given = as_of_date(context);
  const Loaded loaded = load_valid(context, given);
  const model::Dataset& dataset = loaded.result.dataset;
  const auto meeting = query::find_meeting(dataset, options.committee);
  if (!meeting) throw Failure{k_exit_usage, fmt::format("--committee: {}", meeting.error())};
  // As of the meeting's cut-off, unless --as-of says otherwise.
  const model::Date as_of = context.global.as_of.empty() ? meeting->meeting->cut_off() : given;
  if (meeting->window.after && as_of <= *meeting->window.after) {
    throw Failure{k_exit_usage, fmt::format("--as-of {} is not after the previous paper's cut-off {}", as_of.iso(),
                                            meeting->window.after->iso())};
  }
  const query::Paper paper = query::assemble_paper(dataset, *meeting, as_of);
  emit(
      context, options.output, k_papers, loaded.root,
      [&](std::ostream& out, const render::Output& o) { render::write_paper(out, paper, o); }, Format::markdown);
  return k_exit_ok;
}

}  // namespace hmicfrs::cli
