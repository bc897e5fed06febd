#include "support/golden.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/register.hpp"

namespace hmicfrs::test {

cli::Environment quiet_environment() {
  cli::Environment environment;
  environment.variable = [](std::string_view) { return std::optional<std::string>(); };
  environment.stdout_is_terminal = false;
  environment.today = date("2026-01-15");
  return environment;
}

RunResult run_cli(const std::vector<std::string>& args, const cli::Environment& environment) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = cli::run(args, out, err, environment);
  return {status, out.str(), err.str()};
}

bool updating_golden() {
  const char* value = std::getenv("HMICFRS_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) != "" && std::string(value) != "0";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void expect_matches_file(const std::filesystem::path& expected, const std::string& actual) {
  if (updating_golden()) {
    std::ofstream(expected, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected))
      << expected << " is missing: run with HMICFRS_UPDATE_GOLDEN=1 to write it, then review it";
  EXPECT_EQ(read_text(expected), actual) << "differs from " << expected
                                         << " (HMICFRS_UPDATE_GOLDEN=1 rewrites it; review the diff)";
}

}  // namespace hmicfrs::test
