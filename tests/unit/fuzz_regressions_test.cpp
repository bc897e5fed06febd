// Replays every input the fuzzer ever found a problem with (tests/fuzz-regressions/).

#include <filesystem>

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
    exercise(test::read_text(entry.path()));
    ++replayed;
  }
  EXPECT_GE(replayed, 1u);
}

}  // namespace
}  // namespace hmicfrs::fuzz
