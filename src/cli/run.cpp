#include <hmicfrs/cli/run.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <ios>
#include <memory>
#include <new>
#include <stdexcept>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <hmicfrs/lazy/shared_library.hpp>
#include <hmicfrs/util/printable.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "help.hpp"

namespace hmicfrs::cli {
namespace {

constexpr std::string_view k_program = "hmicfrs-track";

// "Output: text (default), md or json": the formats of a command, its default first.
std::string formats_help(std::span<const render::Format> formats) {
  std::vector<std::string_view> others;
  for (const render::Format f : formats.subspan(1)) others.push_back(model::name_of(f));
  return fmt::format("Output: {} (default), {}", model::name_of(formats.front()), util::join_alternatives(others));
}

// A command's footer: an example, and anything else worth knowing.
std::string footer(const Command& command) {
  return fmt::format("Example:\n  {} {}{}", k_program, command.example,
                     command.more.empty() ? "" : fmt::format("\n\n{}", command.more));
}

// A subcommand of the table's, and the command it runs when the arguments name it.
struct Subcommand {
  CLI::App* app;
  std::unique_ptr<Invocation> invocation;  // none for a command the arguments do not name
};

// The options of the program, before or after its command.
void define_program_options(CLI::App& app, CommonOptions& options, std::size_t width) {
  app.formatter(help_formatter(width));
  app.set_version_flag("--version", fmt::format("{} {}", k_program, HMICFRS_VERSION));
  app.fallthrough();
  app.require_subcommand(0, 1);  // one command at most: "schema committees" names a schema, not a command
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");
  app.add_option("--data", options.data,
                 "The register's directory (default: $HMICFRS_TRACK_DATA, else the nearest directory upwards "
                 "holding hmicfrs-track.yaml)")
      ->type_name("DIR");
  app.add_option("--as-of", options.as_of, "Answer as of this date, YYYY-MM-DD (default: today)")->type_name("DATE");
  app.add_option("--color", options.color, "Colour the output: auto (on a terminal, unless NO_COLOR), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--no-pager", options.no_pager,
               "On a terminal, do not page long text output through $PAGER (default: less -FRX)");
  app.add_flag("--no-cache", options.no_cache,
               "Parse every file afresh: neither read nor write the parse cache (also HMICFRS_TRACK_CACHE=0)");
  app.footer(fmt::format("Run '{} COMMAND --help' for a command's options and an example.", k_program));
  // For the bash completion, which asks the program for the register's words: not in the help.
  app.add_option("--complete", options.complete, "The words the completion offers for KIND, one a line")
      ->type_name("KIND")
      ->group("");
}

// The command's options on its subcommand, its own and -o/--format when it writes an answer.
std::unique_ptr<Invocation> define_command_options(CLI::App& sub, const Command& command, CommonOptions& options) {
  std::unique_ptr<Invocation> invocation = command.define(sub);
  if (!command.formats.empty()) {
    sub.add_option("--format", options.format, formats_help(command.formats));
    sub.add_option("-o,--output", options.file,
                   "Write to FILE (atomically; the format follows its extension) instead of standard output")
        ->type_name("FILE");
  }
  return invocation;
}

// The program's options and one subcommand per command of the table. Only a command that `args` name (by name or
// alias) gets its options: only it can run, and defining every command's would slow every run.
std::vector<Subcommand> define(CLI::App& app, CommonOptions& options, const std::vector<std::string>& args,
                               std::size_t width) {
  const auto named = [&](std::string_view word) {
    return !word.empty() && std::find(args.begin(), args.end(), word) != args.end();
  };
  define_program_options(app, options, width);
  std::vector<Subcommand> subcommands;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->group("Commands");
    if (!command.alias.empty()) sub->alias(std::string(command.alias));
    sub->footer(footer(command));
    const bool runs = named(command.name) || named(command.alias);
    subcommands.push_back({sub, runs ? define_command_options(*sub, command, options) : nullptr});
  }
  return subcommands;
}

// An unknown first word reads better as "unknown command" than as CLI11's
// "argument was not expected".
std::optional<std::string> unknown_command(const std::vector<std::string>& args) {
  if (args.empty() || args.front().starts_with("-")) return std::nullopt;
  std::vector<std::string_view> names;
  for (const Command& command : commands()) {
    names.push_back(command.name);
    if (!command.alias.empty()) names.push_back(command.alias);
  }
  names.push_back("help");
  if (std::find(names.begin(), names.end(), args.front()) != names.end()) return std::nullopt;
  return fmt::format("unknown command '{}'{}", args.front(), util::did_you_mean(args.front(), names));
}

// Parses the command line and runs the command it names.
int parse_and_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const Environment& environment) {
  CommonOptions options;
  CLI::App app{
      "Track a police force's HMICFRS inspections, PEEL grades and findings, and write the audit "
      "committee's paper, from YAML files kept in git.",
      std::string(k_program)};
  const std::vector<Subcommand> subcommands = define(app, options, args, text_width(environment));

  // For the bash completion, which lists the commands as the table declares them.
  if (args.size() == 1 && args.front() == "--list-commands") {
    for (const Command& command : commands()) out << command.name << "\n";
    return k_exit_ok;
  }
  if (const auto unknown = unknown_command(args)) throw UsageError(*unknown);
  // "help" and "help COMMAND" read as git's: the program's or the command's --help.
  std::vector<std::string> words = args;
  if (!words.empty() && words.front() == "help") {
    words.erase(words.begin());
    if (words.size() > 1) throw UsageError("help takes one command at most, as in 'help report'");
    if (const auto unknown = unknown_command(words)) throw UsageError(*unknown);
    words.push_back("--help");
  }
  std::vector<std::string> reversed(words.rbegin(), words.rend());  // CLI11 consumes from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
    throw UsageError(e.what());
  }
  if (!options.complete.empty()) {
    for (const Subcommand& subcommand : subcommands) {
      if (subcommand.app->parsed()) throw UsageError("--complete goes without a command");
    }
    const Session session(out, err, environment, options, Needs::checked_register, {});
    write_completion_words(session, options.complete);
    return k_exit_ok;
  }
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    if (!subcommands[i].app->parsed()) continue;
    if (!subcommands[i].invocation) throw std::logic_error("a command the arguments do not name was parsed");
    const Command& command = commands()[i];
    const Session session(out, err, environment, options, command.needs, command.formats);
    return subcommands[i].invocation->run(session);
  }
  throw UsageError("a command is required, such as 'validate'");
}

}  // namespace

Environment Environment::from_process() {
  Environment environment;
  environment.variable = [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
  };
  environment.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  environment.process_ends_after = true;
  if (winsize size{}; environment.stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    environment.terminal_width = size.ws_col;
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  environment.today = model::Date::from_ymd(std::chrono::year{local.tm_year + 1900} /
                                            std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                                            std::chrono::day{static_cast<unsigned>(local.tm_mday)});
  return environment;
}

namespace {

// Runs the command line, turning every failure into its message and exit status.
int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const Environment& environment) {
  try {
    return parse_and_run(args, out, err, environment);
  } catch (const Failure& failure) {
    // Messages quote arguments and paths: printed escaped, each stays one line.
    err << k_program << ": " << util::printable(failure.what()) << "\n";
    if (failure.status() == k_exit_usage) err << "Run '" << k_program << " --help' for usage.\n";
    return failure.status();
  } catch (const std::filesystem::filesystem_error& e) {
    err << k_program << ": " << util::printable(e.what()) << "\n";
    return k_exit_io;
  } catch (const std::ios_base::failure& e) {
    err << k_program << ": " << util::printable(e.what()) << "\n";
    return k_exit_io;
  } catch (const lazy::MissingLibrary& e) {
    // A library opened on first use (libzip, libxlsxwriter) is missing: an installation to repair.
    err << k_program << ": " << util::printable(e.what()) << "\n";
    return k_exit_io;
  } catch (const std::bad_alloc&) {
    err << k_program << ": out of memory\n";
    return k_exit_io;
  } catch (const std::exception& e) {
    err << k_program << ": internal error: " << util::printable(e.what()) << " (this is a bug in " << k_program
        << ": please report it)\n";
    return k_exit_internal;
  }
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& environment) {
  const int status = run_command(args, out, err, environment);
  // Output that could not be written (a full disk, a closed stdout) is a failure, never a silent one.
  errno = 0;
  out.flush();
  if (out.fail()) {
    const int reason = errno;
    err << k_program << ": cannot write the output: "
        << (reason != 0 ? std::strerror(reason) : "the output was closed, or its device is full") << "\n";
    return k_exit_io;
  }
  return status;
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  // Standard output through the stream's own buffer rather than a C stdio call for every piece a writer
  // puts: a paper of 100,000 findings is half a million pieces. (Nothing here writes through stdio.)
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  return run(args, out, err, Environment::from_process());
}

}  // namespace hmicfrs::cli
