// Runs the unit and golden tests from the source tree, so that paths in
// expected output read as a user in the repository would see them; when the
// whole suite runs, checks that every diagnostic code was asserted by its
// exact text somewhere.

#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/diag/diagnostic.hpp>

#include "support/coverage.hpp"

namespace {

class EveryCodeAsserted : public ::testing::Environment {
 public:
  void TearDown() override {
    const std::string filter = ::testing::GTEST_FLAG(filter);
    if (filter != "*" || hmicfrs::test::asserted_codes().empty()) return;  // only over the whole suite
    for (const hmicfrs::diag::Code code : hmicfrs::diag::all_codes()) {
      const std::string name(hmicfrs::diag::code_name(code));
      EXPECT_TRUE(hmicfrs::test::asserted_codes().count(name) == 1)
          << "no test asserts the exact text of a [" << name << "] diagnostic";
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::current_path(HMICFRS_SOURCE_DIR);
  ::testing::InitGoogleMock(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new EveryCodeAsserted);
  return RUN_ALL_TESTS();
}
