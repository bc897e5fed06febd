// Hostile input, round two: nothing read from outside the register, nothing
// forged on a terminal or in a CI log, no silent failure to write
// (growth_test.cpp: work that grows no faster than n log n).

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "process.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// A copy of examples/minimal, with a place outside it for what must never be read.
class Register : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(k_source / "examples" / "minimal", m_root, fs::copy_options::recursive);
    fs::create_directories(m_outside);
  }

  void write(const fs::path& path, std::string_view text) { std::ofstream(path, std::ios::binary) << text; }

  ProcessRun validate() {
    RunOptions options;
    options.cwd = m_root;
    return run_binary({"validate", "--as-of", "2022-03-31"}, options);
  }

  ScratchDir m_scratch{"round-two"};
  const fs::path m_root = m_scratch.path() / "register";
  const fs::path m_outside = m_scratch.path() / "elsewhere";
};

// A secret that must never reach a log.
constexpr std::string_view k_secret = "root:CANARY-SECRET:0:0";

TEST_F(Register, RefusesALinkToAFileOutsideItWithoutOpeningIt) {
  write(m_outside / "shadow.yaml", fmt::format("{}\n", k_secret));
  fs::create_symlink(m_outside / "shadow.yaml", m_root / "inspections" / "shadow.yaml");
  const ProcessRun run = validate();
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.out,
            "inspections/shadow.yaml:1:1: error: is a symbolic link to a place outside the data directory, which is "
            "never read: copy what it holds into the register instead [read-error]\n1 error, 0 warnings\n");
  EXPECT_THAT(run.out + run.err, Not(HasSubstr("CANARY")));
}

TEST_F(Register, RefusesALinkToAFolderOutsideItAndFollowsOneToAHiddenFolderInside) {
  write(m_outside / "x.yaml", fmt::format("{}\n", k_secret));
  fs::create_directory_symlink(m_outside, m_root / "inspections" / "elsewhere");
  fs::create_directories(m_root / ".archive");
  fs::copy_file(m_root / "inspections" / "thematic-example-2022.yaml", m_root / ".archive" / "old.yaml");
  std::string text = read_text(m_root / ".archive" / "old.yaml");
  text.replace(text.find("id: thematic-example-2022"), 25, "id: archived-2019");
  write(m_root / ".archive" / "old.yaml", text);
  fs::create_directory_symlink("../.archive", m_root / "inspections" / "archive");
  fs::create_directory_symlink("..", m_root / "inspections" / "up");  // would read the register twice
  const ProcessRun run = validate();
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.out,
            "inspections/elsewhere:1:1: error: is a symbolic link to a place outside the data directory, which is "
            "never read: copy what it holds into the register instead [read-error]\n"
            "inspections/up:1:1: error: is a symbolic link to a folder the register reads where it is: remove the "
            "link [read-error]\n"
            "2 errors, 0 warnings\n");
  EXPECT_THAT(run.out + run.err, Not(HasSubstr("CANARY")));
  fs::remove(m_root / "inspections" / "elsewhere");
  fs::remove(m_root / "inspections" / "up");
  RunOptions options;
  options.cwd = m_root;
  EXPECT_EQ(run_binary({"--as-of", "2022-03-31", "show", "archived-2019"}, options).status, 0);  // read via the link
}

TEST_F(Register, NamesTheSubdirectoryItCannotRead) {
  fs::create_directories(m_root / "inspections" / "locked");
  fs::permissions(m_root / "inspections" / "locked", fs::perms::none);
  fs::permissions(m_scratch.path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  RunOptions options;
  options.cwd = m_root;
  options.as_nobody = true;
  const ProcessRun run = run_binary({"validate"}, options);
  if (geteuid() == 0 && run.status == 127) GTEST_SKIP() << "'nobody' cannot run the binary here";
  EXPECT_EQ(run.status, 3) << run.out << run.err;
  EXPECT_EQ(run.out,
            "inspections/locked:1:1: error: cannot read this directory: Permission denied [read-error]\n"
            "1 error, 0 warnings\n");
}

// A file name that tries to print a diagnostic of its own, and a value that tries to drive the terminal.
TEST_F(Register, PrintsNamesAndArgumentsSoThatNoLineCanBeForged) {
  const std::string forged = "x\nforged.yaml:1:1: error: forged [yaml-syntax]\n\x1b[2J.yaml";
  write(m_root / "inspections" / forged, "id: [\n");
  const ProcessRun run = validate();
  EXPECT_EQ(run.status, 1);
  std::istringstream lines(run.out);
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) all.push_back(line);
  ASSERT_EQ(all.size(), 4u) << run.out;  // the error, its note, the primer's note, the count
  EXPECT_THAT(all[0],
              ::testing::StartsWith("inspections/x\\nforged.yaml:1:1: error: forged [yaml-syntax]\\n\\x1b[2J.yaml:"));
  EXPECT_THAT(run.out, Not(HasSubstr("\x1b")));

  fs::remove(m_root / "inspections" / forged);
  RunOptions options;
  options.cwd = m_root;
  const ProcessRun shown = run_binary({"--as-of", "2022-03-31", "show", "no\x1b]0;owned\x07\nsuch"}, options);
  EXPECT_EQ(shown.status, 2);
  EXPECT_THAT(shown.err,
              ::testing::StartsWith("hmicfrs-track: no inspection or finding 'no\\x1b]0;owned\\x07\\nsuch'"));
}

TEST(StandardOutput, AFailedWriteIsExitThreeForEveryCommandAndABrokenPipeStaysQuiet) {
  const std::string data = (k_source / "examples" / "west-midlands").string();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"validate"}, {"status"}, {"report", "--committee", "2022-03"}, {"schema", "inspection"}}) {
    std::vector<std::string> full{"--data", data, "--as-of", "2022-03-31"};
    full.insert(full.end(), args.begin(), args.end());
    for (const auto where : {RunOptions::Stdout::full_device, RunOptions::Stdout::closed}) {
      RunOptions options;
      options.stdout_to = where;
      const ProcessRun run = run_binary(full, options);
      EXPECT_EQ(run.status, 3) << args[0] << " " << run.err;
      EXPECT_THAT(run.err, ::testing::StartsWith("hmicfrs-track: cannot write the output: ")) << args[0];
    }
    RunOptions options;
    options.stdout_to = RunOptions::Stdout::broken_pipe;
    const ProcessRun piped = run_binary(full, options);
    EXPECT_EQ(piped.err, "") << args[0];  // as `| head` expects: no message
  }
}

TEST(OutputFile, TakesAnyNameTheFileSystemAccepts) {
  const ScratchDir scratch("long-name");
  const fs::path target = scratch.path() / (std::string(250, 'p') + ".md");
  const ProcessRun run = run_binary({"--data", (k_source / "examples" / "west-midlands").string(), "report",
                                     "--committee", "2022-03", "-o", target.string()});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::is_regular_file(target));
}

}  // namespace
}  // namespace hmicfrs::test
