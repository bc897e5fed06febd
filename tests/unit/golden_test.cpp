// Golden tests of whole command-line runs. Each folder under tests/golden/
// holds `args` (one argument per line) and the expected `stdout`, `stderr`
// and `status`. HMICFRS_UPDATE_GOLDEN=1 rewrites the expectations; review
// the diff before committing it.

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "support/coverage.hpp"
#include "support/golden.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;

const fs::path k_cases = fs::path(HMICFRS_SOURCE_DIR) / "tests" / "golden";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_cases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesItsExpectedOutput) {
  const fs::path dir = k_cases / GetParam();
  std::vector<std::string> args;
  std::istringstream lines(read_text(dir / "args"));
  for (std::string line; std::getline(lines, line);) args.push_back(line);

  const RunResult result = run_cli(args);
  // The same run twice gives the same bytes.
  const RunResult again = run_cli(args);
  EXPECT_EQ(result.out, again.out);

  expect_matches_file(dir / "stdout", result.out);
  expect_matches_file(dir / "stderr", result.err);
  expect_matches_file(dir / "status", std::to_string(result.status) + "\n");
  note_asserted_codes(read_text(dir / "stdout"));
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(case_names()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace hmicfrs::test
