#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/model/date.hpp>

namespace hmicfrs::cli {

// Exit statuses (SPEC §5).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_invalid_data = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_io = 3;
inline constexpr int k_exit_internal = 70;  // a bug in the program (EX_SOFTWARE of sysexits.h)

// What a command takes from the process besides its arguments, so that tests
// can set it: environment variables, whether stdout is a terminal, today.
struct Environment {
  std::function<std::optional<std::string>(std::string_view)> variable;
  bool stdout_is_terminal = false;
  std::size_t terminal_width = 0;  // the columns of the terminal stdout is; 0 when it is none, or unknown
  model::Date today;
  // The run is the process's last act (main's): what it loaded is left for
  // the system to reclaim at exit rather than freed record by record.
  bool process_ends_after = false;
  // Called by a command that edits a register's file (`update`) once it has read the file and before it replaces
  // it, with the file's path: where another editor's save would fall, which tests make there. Unset in a real run.
  std::function<void(const std::string&)> while_editing;

  // The real process's environment.
  static Environment from_process();
};

// Runs the command line `args` (without the program name), writing to `out`
// and `err`; returns the exit status. Never calls exit().
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& environment);

// The entry point of main(): the process's arguments and environment.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace hmicfrs::cli
