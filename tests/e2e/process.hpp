#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/golden.hpp"

namespace hmicfrs::test {

inline const std::filesystem::path k_source = HMICFRS_SOURCE_DIR;

// How to start the binary beyond its arguments.
struct RunOptions {
  std::filesystem::path cwd = k_source;
  std::vector<std::string> variables = {};  // added to a clean, colourless environment: "TZ=UTC"
  bool as_nobody = false;                   // drop to uid/gid 65534 first (when root)
  long file_size_limit = 0;                 // bytes; > 0 sets RLIMIT_FSIZE, as a full disk would
  int timeout_seconds = 60;                 // then it is killed, and the run says so
  // Where standard output goes: captured, or somewhere writing fails.
  enum class Stdout { captured, full_device, closed, broken_pipe } stdout_to = Stdout::captured;
};

// What one run of the binary printed and returned, and what it cost.
struct ProcessRun : RunResult {
  double seconds = 0;
  long peak_rss_kb = 0;
  bool timed_out = false;
  int signal = 0;  // the signal that ended it, if one did (then status is -1)
};

// Runs the built hmicfrs-track with `args`.
ProcessRun run_binary(const std::vector<std::string>& args, const RunOptions& options = {});

}  // namespace hmicfrs::test
