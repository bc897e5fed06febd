// Replays every input the fuzzers ever found a problem with (tests/fuzz-regressions/), through every harness.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "harness.hpp"
#include "support/golden.hpp"

namespace hmicfrs::fuzz {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryInputLoadsWithoutCrashing) {
  std::size_t replayed = 0;
  for (const auto& entry : fs::directory_iterator("tests/fuzz-regressions")) {
    if (entry.path().filename() == "README.md") continue;
    SCOPED_TRACE(entry.path().string());
    const std::string bytes = test::read_text(entry.path());
    exercise(bytes);
    // And as an inspection file a history entry is added to (tests/fuzz/run.sh SECONDS JOBS edit).
    exercise_history_edit(bytes);
    // And as a returned workbook collected (tests/fuzz/run.sh SECONDS JOBS collect).
    exercise_collect(bytes);
    ++replayed;
  }
  EXPECT_GE(replayed, 1u);
}

}  // namespace
}  // namespace hmicfrs::fuzz
