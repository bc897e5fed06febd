// Golden tests of whole command-line runs. Each folder under tests/golden/
// holds `args` (one argument per line) and the expected `stdout`, `stderr`
// and `status`. HMICFRS_UPDATE_GOLDEN=1 rewrites the expectations; review
// the diff before committing it.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/coverage.hpp"
#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;

const fs::path k_cases = fs::path(HMICFRS_SOURCE_DIR) / "tests" / "golden";

// Every entry of a parse cache damaged in turn: cut short, a byte of its payload flipped, or replaced by junk.
void damage_entries(const fs::path& cache) {
  std::size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(cache)) {
    if (!entry.is_regular_file()) continue;
    std::string bytes = read_text(entry.path());
    switch (n++ % 3) {
      case 0: bytes.resize(bytes.size() / 2); break;
      case 1: bytes[bytes.size() - 1 - bytes.size() / 4] ^= 0x20; break;
      default: bytes.assign(bytes.size(), '\x7f'); break;
    }
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << bytes;
  }
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_cases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> args_of(const std::string& name) {
  std::vector<std::string> args;
  std::istringstream lines(read_text(k_cases / name / "args"));
  for (std::string line; std::getline(lines, line);) args.push_back(line);
  return args;
}

class Golden : public ::testing::TestWithParam<std::string> {};

// The layout of each command's output, per format and register; what the answers hold is tested by their own tests.
TEST_P(Golden, MatchesItsExpectedOutput) {
  const fs::path dir = k_cases / GetParam();
  const std::vector<std::string> args = args_of(GetParam());
  const RunResult result = run_cli(args);
  // The same run twice gives the same bytes.
  const RunResult again = run_cli(args);
  EXPECT_EQ(result.out, again.out);

  expect_matches_file(dir / "stdout", result.out);
  expect_matches_file(dir / "stderr", result.err);
  expect_matches_file(dir / "status", std::to_string(result.status) + "\n");
  note_asserted_codes(read_text(dir / "stdout"));
}

// Every golden case replayed through the parse cache: cold, warm, with every entry damaged, rebuilt, and turned off,
// each run gives what the run without a cache gives.
TEST(ParseCache, ChangesNoGoldenCasesOutput) {
  for (const std::string& name : case_names()) {
    const std::vector<std::string> args = args_of(name);
    const RunResult result = run_cli(args);
    const ScratchDir cache("golden-cache");
    for (const std::string round : {"cold", "warm", "damaged", "rebuilt", "off"}) {
      if (round == "damaged") damage_entries(cache.path());
      cli::Environment environment = quiet_environment();
      environment.variable = [&](std::string_view variable) -> std::optional<std::string> {
        if (variable == "HMICFRS_TRACK_CACHE_DIR") return cache.path().string();
        if (variable == "HMICFRS_TRACK_CACHE" && round == "off") return "0";
        return std::nullopt;
      };
      const RunResult cached = run_cli(args, environment);
      EXPECT_EQ(cached.out, result.out) << name << " with the cache " << round;
      EXPECT_EQ(cached.err, result.err) << name << " with the cache " << round;
      EXPECT_EQ(cached.status, result.status) << name << " with the cache " << round;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(case_names()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace hmicfrs::test
