// What no file can make the tool do: crash, run away, lose data or write a
// partial file. Each case runs the real binary and checks its status, its
// message, and that it stayed within time and memory bounds.

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "process.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr long k_memory_bound_kb = 512 * 1024;
constexpr double k_time_bound_seconds = 10;

// A copy of examples/minimal in a fresh temporary directory, removed afterwards.
class HostileRegister : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(k_source / "examples" / "minimal", m_root, fs::copy_options::recursive);
    fs::permissions(m_root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  }

  void write(const std::string& relative, std::string_view bytes) {
    std::ofstream(m_root / relative, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  // Validates the register, expecting `status` and `message` in what it printed.
  void expect_refused(int status, const std::string& message, const RunOptions& extra = {}) {
    RunOptions options = extra;
    options.cwd = m_root;
    const ProcessRun run = run_binary({"validate"}, options);
    EXPECT_FALSE(run.timed_out);
    EXPECT_EQ(run.status, status) << run.out << run.err;
    EXPECT_THAT(run.out + run.err, HasSubstr(message));
    EXPECT_LT(run.seconds, k_time_bound_seconds);
    EXPECT_LT(run.peak_rss_kb, k_memory_bound_kb);
  }

  ScratchDir m_scratch{"hostile"};
  const fs::path& m_root = m_scratch.path();
};

TEST_F(HostileRegister, BillionLaughs) {
  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += fmt::format("{}: &{} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n", c, c, fmt::arg("p", char(c - 1)));
  }
  write("inspections/bomb.yaml", bomb);
  expect_refused(1, "inspections/bomb.yaml:1:4: error: anchors (&a) are not allowed");
}

TEST_F(HostileRegister, TwentyMegabyteScalarOnOneLine) {
  write("inspections/huge.yaml", "id: x\ntitle: " + std::string(20u << 20, 'x') + "\n");
  expect_refused(1,
                 "inspections/huge.yaml:1:1: error: the file is 20971534 bytes, more than the limit of 16777216 bytes "
                 "[limit-exceeded]");
}

TEST_F(HostileRegister, AHundredThousandNestedBrackets) {
  write("inspections/deep.yaml", std::string(100'000, '[') + "\n");
  expect_refused(1, "inspections/deep.yaml:1:33: error: nesting deeper than 64 levels [limit-exceeded]");
}

TEST_F(HostileRegister, AFileOfOnlyAComma) {
  write("inspections/comma.yaml", ",");
  expect_refused(1, "inspections/comma.yaml:1:1: error: unexpected ','");
}

TEST_F(HostileRegister, NulBytes) {
  write("inspections/nul.yaml", std::string_view("id: x\0\0\0", 8));
  expect_refused(1, "inspections/nul.yaml:1:6: error: NUL byte in the file");
}

TEST_F(HostileRegister, Utf16Text) {
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("id: x\n")) utf16 += std::string{c, '\0'};
  write("inspections/utf16.yaml", utf16);
  expect_refused(1, "inspections/utf16.yaml:1:1: error: the file is UTF-16 or UTF-32 text: save it as UTF-8");
}

TEST_F(HostileRegister, SymlinkLoop) {
  fs::create_symlink("loop.yaml", m_root / "inspections" / "loop.yaml");
  fs::create_directory_symlink("..", m_root / "inspections" / "up");  // not followed: no endless walk
  expect_refused(3, "inspections/loop.yaml:1:1: error: cannot read: Too many levels of symbolic links [read-error]");
}

TEST_F(HostileRegister, DirectoryNamedLikeAFile) {
  fs::create_directory(m_root / "inspections" / "x.yaml");
  expect_refused(3, "inspections/x.yaml:1:1: error: is a directory, not a YAML file [read-error]");
}

// Whether uid 65534 can reach and run the binary (every directory above it searchable).
bool nobody_can_run_the_binary() {
  for (fs::path p = fs::path(HMICFRS_TRACK_BINARY); p != p.root_path(); p = p.parent_path()) {
    struct stat info {};
    if (stat(p.c_str(), &info) != 0 || (info.st_mode & S_IXOTH) == 0) return false;
  }
  return true;
}

TEST_F(HostileRegister, UnreadableFile) {
  write("inspections/secret.yaml", "id: s\ntype: other\ntitle: S\n");
  fs::permissions(m_root / "inspections" / "secret.yaml", fs::perms::none);
  if (geteuid() == 0 && !nobody_can_run_the_binary()) {
    GTEST_SKIP() << "as root every file is readable, and 'nobody' cannot reach " << HMICFRS_TRACK_BINARY;
  }
  RunOptions options;
  options.as_nobody = true;
  expect_refused(3, "inspections/secret.yaml:1:1: error: cannot read: Permission denied [read-error]", options);
}

// What the data directory holds: each entry's type, size, permissions, modification time and contents.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    struct stat info {};
    lstat(entry.path().c_str(), &info);
    std::string contents = entry.is_regular_file() ? read_text(entry.path()) : std::string();
    entries[fs::relative(entry.path(), root).string()] =
        fmt::format("mode {:o} size {} mtime {}.{:09} hash {}", info.st_mode, info.st_size, info.st_mtim.tv_sec,
                    info.st_mtim.tv_nsec, std::hash<std::string>{}(contents));
  }
  return entries;
}

TEST(DataDirectory, IsNeverWrittenByAnyCommand) {
  const ScratchDir scratch("untouched");
  const fs::path copy = scratch.path() / "register";
  const fs::path outside = scratch.path() / "out";
  fs::copy(k_source / "examples" / "west-midlands", copy, fs::copy_options::recursive);
  fs::create_directories(outside);
  const auto before = snapshot(copy);

  const std::vector<std::vector<std::string>> commands = {
      {"validate"},
      {"validate", "--format", "json", "--strict"},
      {"status"},
      {"rag", "--by", "owner"},
      {"list", "--rag", "red"},
      {"show", "peel-2021-22/AFI1"},
      {"show", "peel-2021-22"},
      {"peel", "--compare", "2018-19"},
      {"inspections", "--upcoming"},
      {"changes", "--committee", "2022-03"},
      {"committees"},
      {"report", "--committee", "2022-03"},
      {"report", "--committee", "2022-03", "-o", (outside / "paper.html").string()},
      {"list", "-o", (outside / "list.csv").string()},
      {"report", "--committee", "2021-12", "-o", "paper.md"},  // refused: inside the data directory
  };
  for (const auto& args : commands) {
    std::vector<std::string> full = {"--as-of", "2022-03-31"};
    full.insert(full.end(), args.begin(), args.end());
    const ProcessRun run = run_binary(full, {copy});
    EXPECT_LE(run.status, 2) << fmt::format("{}", fmt::join(args, " ")) << "\n" << run.err;
  }
  EXPECT_EQ(snapshot(copy), before);
  EXPECT_TRUE(fs::exists(outside / "paper.html"));
  EXPECT_FALSE(fs::exists(copy / "paper.md"));
}

TEST(AtomicOutput, LeavesTheOldFileAndNoTemporaryWhenTheDiskFills) {
  const ScratchDir scratch("full");
  const fs::path& dir = scratch.path();
  std::ofstream(dir / "paper.html") << "the previous paper";
  RunOptions options;
  options.file_size_limit = 4096;  // the paper is larger: writing it fails as on a full disk
  const ProcessRun run = run_binary({"--data", (k_source / "examples" / "west-midlands").string(), "report",
                                     "--committee", "2022-03", "-o", (dir / "paper.html").string()},
                                    options);
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err, fmt::format("hmicfrs-track: cannot write '{}': File too large\n", (dir / "paper.html").string()));
  EXPECT_EQ(read_text(dir / "paper.html"), "the previous paper");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir)) left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"paper.html"});
}

}  // namespace
}  // namespace hmicfrs::test
