#include <hmicfrs/cli/run.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::cli {
namespace {

constexpr std::string_view k_program = "hmicfrs-track";

// Options every command takes (SPEC §5).
struct GlobalOptions {
  std::string data;
  std::string as_of;
  std::string color = "auto";
};

struct ValidateOptions {
  bool strict = false;
  std::string format = "text";
};

// What a running command works with.
struct Context {
  std::ostream& out;
  std::ostream& err;
  const Environment& environment;
  GlobalOptions global;
};

// A problem with how the tool was called (exit 2) or with reading (exit 3),
// reported once by run().
struct Failure {
  int status;
  std::string message;
};

bool use_color(const Context& context) {
  if (context.global.color == "always") return true;
  if (context.global.color == "never") return false;
  const auto no_color = context.environment.variable("NO_COLOR");
  const auto term = context.environment.variable("TERM");
  return context.environment.stdout_is_terminal && !(no_color && !no_color->empty()) && term != "dumb";
}

model::Date as_of_date(const Context& context) {
  if (context.global.as_of.empty()) return context.environment.today;
  auto date = model::Date::parse(context.global.as_of);
  if (!date) throw Failure{k_exit_usage, fmt::format("--as-of: {}", date.error())};
  if (!date->has_day()) {
    throw Failure{k_exit_usage,
                  fmt::format("--as-of: '{}' needs a day, as in {}-01", context.global.as_of, context.global.as_of)};
  }
  return *date;
}

// Finds, loads and checks the register as of `as_of`.
load::LoadResult load_checked(const Context& context, const model::Date& as_of) {
  const std::optional<std::string> explicit_dir =
      context.global.data.empty() ? std::nullopt : std::optional(context.global.data);
  const auto root = load::find_data_dir(explicit_dir, context.environment.variable("HMICFRS_TRACK_DATA"));
  if (!root) throw Failure{k_exit_io, root.error()};
  load::LoadResult result = load::load_dataset(*root);
  check::check_dataset(result.dataset, {as_of, result.incomplete}, result.diagnostics);
  result.diagnostics.sort();
  return result;
}

int run_validate(const Context& context, const ValidateOptions& options) {
  const model::Date as_of = as_of_date(context);
  const load::LoadResult result = load_checked(context, as_of);
  if (options.format == "json") {
    render::write_diagnostics_json(context.out, result.diagnostics);
  } else {
    render::write_diagnostics_text(context.out, result.diagnostics, use_color(context));
  }
  if (result.read_failure) return k_exit_io;
  const bool failed =
      result.diagnostics.has_errors() || (options.strict && result.diagnostics.count(diag::Severity::warning) > 0);
  return failed ? k_exit_invalid_data : k_exit_ok;
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
  ValidateOptions validate_options;

  CLI::App app{
      "Track a police force's HMICFRS inspections, PEEL grades and findings, and write the audit "
      "committee's paper, from YAML files kept in git.",
      std::string(k_program)};
  app.set_version_flag("--version", fmt::format("{} {}", k_program, HMICFRS_VERSION));
  app.fallthrough();
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");
  app.add_option("--data", context.global.data,
                 "The register's directory (default: $HMICFRS_TRACK_DATA, else the nearest directory upwards "
                 "holding hmicfrs-track.yaml)")
      ->type_name("DIR");
  app.add_option("--as-of", context.global.as_of, "Answer as of this date, YYYY-MM-DD (default: today)")
      ->type_name("DATE");
  app.add_option("--color", context.global.color,
                 "Colour the output: auto (on a terminal, unless NO_COLOR), always "
                 "or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.footer(fmt::format("Run '{} COMMAND --help' for a command's options and an example.", k_program));

  CLI::App* validate = app.add_subcommand("validate", "Check every file of the register and list every problem");
  validate->group("Commands");
  validate->add_flag("--strict", validate_options.strict, "Fail (exit 1) on warnings as well as errors");
  validate->add_option("--format", validate_options.format, "Output: text (GCC-style lines) or json")
      ->check(CLI::IsMember({"text", "json"}));
  validate->footer(
      fmt::format("Example:\n  {} validate --data examples/west-midlands --strict\n\n"
                  "Exit status: 0 valid, 1 errors (or warnings with --strict), 2 usage, 3 unreadable.",
                  k_program));

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
