#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <hmicfrs/cli/run.hpp>

namespace hmicfrs::test {

// What one run of the command line printed and returned.
struct RunResult {
  int status = 0;
  std::string out;
  std::string err;
};

// An environment with no variables set, stdout not a terminal, and a fixed
// "today" (2026-01-15), so runs do not depend on the machine or the day.
cli::Environment quiet_environment();

// Runs the command line in process.
RunResult run_cli(const std::vector<std::string>& args, const cli::Environment& environment = quiet_environment());

// Whether HMICFRS_UPDATE_GOLDEN asks for the expected files to be rewritten.
bool updating_golden();

// Compares `actual` with the file `expected` (rewriting it when updating).
void expect_matches_file(const std::filesystem::path& expected, const std::string& actual);

// The whole contents of a file ("" when it does not exist).
std::string read_text(const std::filesystem::path& path);

}  // namespace hmicfrs::test
