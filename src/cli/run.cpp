#include <hmicfrs/cli/run.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/util/suggest.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace hmicfrs::cli {
namespace {

constexpr std::string_view k_program = "hmicfrs-track";

// The footer of a command's help: an example, and anything else worth knowing.
std::string example(std::string_view command, std::string_view more = {}) {
  return fmt::format("Example:\n  {} {}{}", k_program, command, more.empty() ? "" : fmt::format("\n\n{}", more));
}

CLI::App* add_command(CLI::App& app, std::string name, std::string description, std::string footer) {
  CLI::App* command = app.add_subcommand(std::move(name), std::move(description));
  command->group("Commands");
  command->footer(std::move(footer));
  return command;
}

constexpr std::string_view k_document_formats = "Output: text (default), md or json";
constexpr std::string_view k_table_formats = "Output: text (default), md, json or csv";

void add_output(CLI::App* command, OutputOptions& output, std::string_view formats) {
  command->add_option("--format", output.format, std::string(formats));
  command
      ->add_option("-o,--output", output.file,
                   "Write to FILE (atomically; the format follows its extension) instead of standard output")
      ->type_name("FILE");
}

void add_filters(CLI::App* command, FilterOptions& f) {
  const auto list = [&](const std::string& name, std::vector<std::string>& values, const std::string& what) {
    command->add_option(name, values, what)->delimiter(',')->type_name("LIST");
  };
  list("--rag", f.rags, "Open findings rated red, amber, green or unrated (comma-separated)");
  list("--status", f.statuses,
       "Findings in these statuses: open, awaiting-sign-off, closed, superseded, not-monitored");
  list("--type", f.types, "Findings of these types: cause-of-concern, recommendation, afi, not-formal");
  list("--portfolio", f.portfolios, "Findings of these portfolios (ids from hmicfrs-track.yaml)");
  list("--inspection", f.inspections, "Findings of these inspections (ids)");
  command->add_option("--owner", f.owner, "Findings whose owner contains TEXT (any case)")->type_name("TEXT");
  command->add_option("--grep", f.grep, "Findings whose id, title, text, owner or notes contain TEXT (any case)")
      ->type_name("TEXT");
  command->add_flag("--overdue", f.overdue, "Open findings past their due date");
  command->add_flag("--stale", f.stale, "Open findings not updated for the configured number of days");
  command->add_flag("--open", f.open, "Open findings only (open or awaiting sign-off)");
  command->add_flag("--closed", f.closed, "Closed, superseded or unmonitored findings only");
}

// An unknown first word reads better as "unknown command" than as CLI11's
// "argument was not expected".
std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty() || args.front().starts_with("-")) return std::nullopt;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  if (std::find(names.begin(), names.end(), args.front()) != names.end()) return std::nullopt;
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  const auto nearest = util::closest_match(args.front(), candidates);
  return fmt::format("unknown command '{}'{}", args.front(),
                     nearest ? fmt::format(": did you mean '{}'?", *nearest) : std::string());
}

}  // namespace

Environment Environment::from_process() {
  Environment environment;
  environment.variable = [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
  };
  environment.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  environment.today = model::Date::from_ymd(std::chrono::year{local.tm_year + 1900} /
                                            std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                                            std::chrono::day{static_cast<unsigned>(local.tm_mday)});
  return environment;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& environment) {
  Context context{out, err, environment, {}};

  CLI::App app{
      "Track a police force's HMICFRS inspections, PEEL grades and findings, and write the audit "
      "committee's paper, from YAML files kept in git.",
      std::string(k_program)};
  app.set_version_flag("--version", fmt::format("{} {}", k_program, HMICFRS_VERSION));
  app.fallthrough();
  app.require_subcommand(0, 1);  // one command at most: "schema committees" names a schema, not a command
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");
  app.add_option("--data", context.global.data,
                 "The register's directory (default: $HMICFRS_TRACK_DATA, else the nearest directory upwards "
                 "holding hmicfrs-track.yaml)")
      ->type_name("DIR");
  app.add_option("--as-of", context.global.as_of, "Answer as of this date, YYYY-MM-DD (default: today)")
      ->type_name("DATE");
  app.add_option("--color", context.global.color,
                 "Colour the output: auto (on a terminal, unless NO_COLOR), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.footer(fmt::format("Run '{} COMMAND --help' for a command's options and an example.", k_program));

  ValidateOptions validate_options;
  CLI::App* validate =
      add_command(app, "validate", "Check every file of the register and list every problem",
                  example("validate --data examples/west-midlands --strict",
                          "Exit status: 0 valid, 1 errors (or warnings with --strict), 2 usage, 3 unreadable."));
  validate->add_flag("--strict", validate_options.strict, "Fail (exit 1) on warnings as well as errors");
  validate->add_option("--format", validate_options.format, "Output: text (GCC-style lines) or json")
      ->check(CLI::IsMember({"text", "json"}));

  OutputOptions status_output;
  CLI::App* status =
      add_command(app, "status", "One screen: open findings by RAG, red, overdue, stale, upcoming inspections",
                  example("status --as-of 2022-03-31"));
  add_output(status, status_output, k_document_formats);

  RagOptions rag_options;
  CLI::App* rag = add_command(app, "rag", "Count findings by RAG rating, per portfolio, owner, inspection or type",
                              example("rag --by owner --open"));
  rag->add_option("--by", rag_options.by, "Group by portfolio (default), owner, inspection or type")
      ->check(CLI::IsMember({"portfolio", "owner", "inspection", "type"}));
  add_filters(rag, rag_options.filters);
  add_output(rag, rag_options.output, k_table_formats);

  ListOptions list_options;
  CLI::App* list =
      add_command(app, "list", "List findings, filtered",
                  example("list --rag red,amber --portfolio crime", "Filters combine: a finding must pass them all."));
  add_filters(list, list_options.filters);
  add_output(list, list_options.output, k_table_formats);

  ShowOptions show_options;
  CLI::App* show = add_command(app, "show", "Show one finding or inspection in full, with its history and links",
                               example("show peel-2021-22/AFI1"));
  show->add_option("ID", show_options.id, "A finding id (inspection/ref) or an inspection id")->required();
  add_output(show, show_options.output, k_document_formats);

  PeelOptions peel_options;
  CLI::App* peel = add_command(app, "peel", "The PEEL grade table: one column per grade, not-graded areas apart",
                               example("peel --cycle 2021 --compare 2018-19",
                                       "A cycle is named by its id or the start of it: 2021 for 2021-22."));
  peel->add_option("--cycle", peel_options.cycle, "The latest assessment in this cycle (default: the latest of all)")
      ->type_name("CYCLE");
  peel->add_option("--compare", peel_options.compare, "Set it beside the latest assessment in this cycle")
      ->type_name("CYCLE");
  add_output(peel, peel_options.output, k_table_formats);

  InspectionsOptions inspections_options;
  CLI::App* inspections =
      add_command(app, "inspections", "The inspection calendar", example("inspections --upcoming --as-of 2022-03-31"));
  CLI::Option* upcoming =
      inspections->add_flag("--upcoming", inspections_options.upcoming, "Only those notified and not yet started");
  inspections->add_option("--since", inspections_options.since, "Only those with fieldwork or a report after DATE")
      ->type_name("DATE")
      ->excludes(upcoming);
  add_output(inspections, inspections_options.output, k_table_formats);

  ChangesOptions changes_options;
  CLI::App* changes = add_command(app, "changes", "RAG and status movements, new and closed findings, in a window",
                                  example("changes --committee 2022-03",
                                          "--committee takes a meeting's id, date or month; its window runs from the "
                                          "previous paper's cut-off to its own."));
  CLI::Option* since =
      changes->add_option("--since", changes_options.since, "After DATE, up to the as-of date")->type_name("DATE");
  changes->add_option("--committee", changes_options.committee, "The window of this meeting's paper")
      ->type_name("ID")
      ->excludes(since);
  add_output(changes, changes_options.output, k_table_formats);

  OutputOptions committees_output;
  CLI::App* committees = add_command(app, "committees", "The committee's meetings and the window of each paper",
                                     example("committees --format md"));
  add_output(committees, committees_output, k_table_formats);

  ReportOptions report_options;
  CLI::App* report = add_command(app, "report", "The committee paper for a meeting: Markdown, text, HTML or JSON",
                                 example("report --committee 2022-03 -o paper.html",
                                         "The paper is as of the meeting's cut-off unless --as-of says otherwise; "
                                         "--committee takes the meeting's id, date or month."));
  report->add_option("--committee", report_options.committee, "The meeting (required)")->type_name("ID")->required();
  add_output(report, report_options.output, "Output: md (default), text, html or json");

  std::string schema_kind;
  CLI::App* schema = add_command(app, "schema", "The JSON Schema of a kind of data file, for editors",
                                 example("schema inspection > inspection.schema.json",
                                         "Without KIND, lists the kinds: config, committees, inspection, "
                                         "peel-framework."));
  schema->add_option("KIND", schema_kind, "config, committees, inspection or peel-framework");

  std::string init_directory;
  CLI::App* init = add_command(app, "init", "A new register with commented starter files (refuses a non-empty DIR)",
                               example("init my-register",
                                       "Each file names its JSON Schema, copied into DIR/.schemas/, "
                                       "for editors with the YAML language server."));
  init->add_option("DIR", init_directory, "The new register's directory")->required();

  try {
    if (const auto unknown = unknown_command(app, args)) throw Failure{k_exit_usage, *unknown};
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
    try {
      app.parse(reversed);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
      throw Failure{k_exit_usage, e.what()};
    }
    if (validate->parsed()) return run_validate(context, validate_options);
    if (status->parsed()) return run_status(context, status_output);
    if (rag->parsed()) return run_rag(context, rag_options);
    if (list->parsed()) return run_list(context, list_options);
    if (show->parsed()) return run_show(context, show_options);
    if (peel->parsed()) return run_peel(context, peel_options);
    if (inspections->parsed()) return run_inspections(context, inspections_options);
    if (changes->parsed()) return run_changes(context, changes_options);
    if (committees->parsed()) return run_committees(context, committees_output);
    if (report->parsed()) return run_report(context, report_options);
    if (schema->parsed()) return run_schema(context, schema_kind);
    if (init->parsed()) return run_init(context, init_directory);
    throw Failure{k_exit_usage, "a command is required, such as 'validate'"};
  } catch (const Failure& failure) {
    err << k_program << ": " << failure.message << "\n";
    if (failure.status == k_exit_usage) err << "Run '" << k_program << " --help' for usage.\n";
    return failure.status;
  } catch (const std::exception& e) {
    err << k_program << ": " << e.what() << "\n";
    return k_exit_io;
  }
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  return run(args, out, err, Environment::from_process());
}

}  // namespace hmicfrs::cli
