#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <hmicfrs/load/loader.hpp>

#include "support/register.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::load {
namespace {

namespace fs = std::filesystem;
using test::asserted;

// A register on disk in a fresh temporary directory, removed afterwards.
class DiskRegister : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(m_root / "inspections");
    write("hmicfrs-track.yaml", "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios: []\n");
  }

  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((m_root / relative).parent_path());
    std::ofstream(m_root / relative, std::ios::binary) << text;
  }

  // Loads with paths shown relative to the register ("reg/...").
  std::vector<std::string> diagnostics(LoadResult* out = nullptr, const Limits& limits = {}) {
    const fs::path saved = fs::current_path();
    fs::current_path(m_root.parent_path());
    LoadResult result = load_dataset(m_root.filename(), limits);
    fs::current_path(saved);
    result.diagnostics.sort();
    std::vector<std::string> lines = test::lines(result.diagnostics);
    const std::string name = m_root.filename().string();
    for (std::string& line : lines) {
      if (line.starts_with(name + "/") || line.starts_with(name + ":")) line = "reg" + line.substr(name.size());
    }
    if (out != nullptr) *out = std::move(result);
    return lines;
  }

  test::ScratchDir m_scratch{"loader"};
  const fs::path& m_root = m_scratch.path();
};

TEST_F(DiskRegister, ReadsNestedInspectionsAndSkipsHiddenDirectories) {
  write("inspections/peel/a.yaml", "id: a\ntype: other\ntitle: A\n");
  write("inspections/b.yml", "id: b\ntype: other\ntitle: B\n");
  write(".git/c.yaml", "not: [valid\n");
  write("README.md", "# not YAML, not read\n");
  LoadResult result;
  EXPECT_TRUE(diagnostics(&result).empty());
  ASSERT_EQ(result.dataset.inspections.size(), 2u);
  EXPECT_EQ(result.dataset.inspections[0].id, "b");  // "inspections/b.yml" sorts before "inspections/peel/a.yaml"
}

TEST_F(DiskRegister, RefusesYamlFilesItDoesNotReadAndSaysWhereTheyBelong) {
  write("notes.yaml", "a: 1\n");
  write("committee.yaml", "a: 1\n");
  write("inspection/custody-2017.yaml", "a: 1\n");
  write("peel-frameworks/deep/x.yaml", "a: 1\n");
  const std::string reads =
      " (it reads hmicfrs-track.yaml, committees.yaml, inspections/**/*.yaml and peel-frameworks/*.yaml) "
      "[unrecognised-file]";
  const std::string lost = ": error: the register reads no file here, so what this one holds would be lost";
  EXPECT_EQ(
      diagnostics(),
      asserted({"reg/committee.yaml:1:1" + lost + ": did you mean 'committees.yaml'?" + reads,
                "reg/inspection/custody-2017.yaml:1:1" + lost + ": did you mean inspections/?" + reads,
                "reg/notes.yaml:1:1" + lost + ": an inspection's file goes in inspections/" + reads,
                "reg/peel-frameworks/deep/x.yaml:1:1" + lost + ": peel-frameworks/ holds files, not folders" + reads}));
}

// The manual page's text as it reads, roughly: macro lines' words kept (".BR a b" as "ab", as roff sets it), other
// requests dropped, escapes for '-' and quotes undone, and lines joined by single spaces.
std::string manual_page_text() {
  std::ifstream in(fs::path(HMICFRS_SOURCE_DIR) / "docs" / "hmicfrs-track.1");
  std::string text, line;
  while (std::getline(in, line)) {
    if (line.starts_with(".B ") || line.starts_with(".I ")) {
      line = line.substr(3);
    } else if (line.starts_with(".BR ") || line.starts_with(".IR ")) {
      line = line.substr(4);
      std::erase(line, ' ');
    } else if (line.starts_with(".")) {
      line.clear();
    }
    if (line.empty()) continue;
    text += (text.empty() ? "" : " ") + line;
  }
  for (const auto& [escape, plain] : {std::pair{"\\-", "-"}, {"\\(lq", "\""}, {"\\(rq", "\""}, {"\\(en", "-"}}) {
    for (std::size_t at = text.find(escape); at != std::string::npos; at = text.find(escape, at)) {
      text.replace(at, std::string_view(escape).size(), plain);
    }
  }
  return text;
}

// The manual page says what the loader does with a stray YAML file, in its words: an error, and its code.
TEST_F(DiskRegister, TheManualPageDescribesAStrayYamlFileAsTheLoaderReportsIt) {
  write("notes.yaml", "a: 1\n");
  const std::string lost = "the register reads no file here, so what this one holds would be lost";
  ASSERT_EQ(diagnostics(), asserted({"reg/notes.yaml:1:1: error: " + lost +
                                     ": an inspection's file goes in inspections/ (it reads hmicfrs-track.yaml, "
                                     "committees.yaml, inspections/**/*.yaml and peel-frameworks/*.yaml) "
                                     "[unrecognised-file]"}));
  const std::string page = manual_page_text();
  EXPECT_NE(page.find("A .yaml or .yml file anywhere else in the register (hidden files and folders aside) is an "
                      "error, unrecognised-file: \"" +
                      lost + "\", with the place it belongs when it is near one (\"did you mean inspections/?\")."),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("draws a warning"), std::string::npos);
}

TEST_F(DiskRegister, ReportsAMissingConfiguration) {
  fs::remove(m_root / "hmicfrs-track.yaml");
  EXPECT_EQ(diagnostics(),
            asserted({"reg/hmicfrs-track.yaml:1:1: error: the data directory has no hmicfrs-track.yaml: every "
                      "register starts with one; see data-format.md (docs/ in the source; "
                      "/usr/share/doc/hmicfrs-track/ once the package is installed) "
                      "[missing-file]"}));
}

TEST_F(DiskRegister, ReportsWhatCannotBeRead) {
  fs::create_directories(m_root / "inspections" / "x.yaml");
  ASSERT_EQ(mkfifo((m_root / "inspections" / "pipe.yaml").c_str(), 0600), 0);
  fs::create_symlink("loop.yaml", m_root / "inspections" / "loop.yaml");
  LoadResult result;
  EXPECT_EQ(
      diagnostics(&result),
      asserted({"reg/inspections/loop.yaml:1:1: error: cannot read: Too many levels of symbolic links [read-error]",
                "reg/inspections/pipe.yaml:1:1: error: is not a regular file [read-error]",
                "reg/inspections/x.yaml:1:1: error: is a directory, not a YAML file [read-error]"}));
  EXPECT_TRUE(result.read_failure);
  EXPECT_TRUE(result.incomplete);
}

TEST_F(DiskRegister, ReportsAFileItMayNotRead) {
  write("inspections/secret.yaml", "id: s\ntype: other\ntitle: S\n");
  fs::permissions(m_root / "inspections" / "secret.yaml", fs::perms::none);
  const std::vector<std::string> expected{
      "reg/inspections/secret.yaml:1:1: error: cannot read: Permission denied [read-error]"};
  if (geteuid() != 0) {
    EXPECT_EQ(diagnostics(), expected);
    return;
  }
  // Root reads every file: load as "nobody" in a child process instead.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const bool dropped = setgid(65534) == 0 && setuid(65534) == 0;
    _exit(dropped ? (diagnostics() == expected ? 0 : 1) : 2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: other diagnostics than expected; 2: could not become nobody";
}

TEST_F(DiskRegister, BoundsTheNumberAndSizeOfFiles) {
  Limits limits;
  limits.max_files = 3;
  limits.max_file_bytes = 100;
  for (int i = 0; i < 3; ++i) write(fmt::format("inspections/{}.yaml", i), "id: x\n");
  EXPECT_EQ(diagnostics(nullptr, limits),
            asserted({"reg:1:1: error: more than 3 YAML files in the data directory [limit-exceeded]"}));
  fs::remove(m_root / "inspections/0.yaml");
  write("inspections/1.yaml", std::string(101, '#'));
  EXPECT_EQ(
      diagnostics(nullptr, limits).at(0),
      "reg/inspections/1.yaml:1:1: error: the file is 101 bytes, more than the limit of 100 bytes [limit-exceeded]");
}

TEST(Classify, FollowsTheDataLayout) {
  EXPECT_EQ(classify("hmicfrs-track.yaml"), FileKind::config);
  EXPECT_EQ(classify("committees.yaml"), FileKind::committees);
  EXPECT_EQ(classify("inspections/a/b/c.yml"), FileKind::inspection);
  EXPECT_EQ(classify("peel-frameworks/x.yaml"), FileKind::peel_framework);
  EXPECT_EQ(classify("hmicfrs-track.yml"), FileKind::unrecognised);
  EXPECT_EQ(classify("data/committees.yaml"), FileKind::unrecognised);
  EXPECT_EQ(classify("inspections/notes.txt"), FileKind::not_yaml);
}

// validate leaves the wording out: every other value, and every diagnostic, is as a full load gives them.
TEST(LoadDataset, LeavesOutOnlyTheWordingWhenAskedTo) {
  for (const char* example : {"examples/west-midlands", "examples/four-colour", "examples/pillar-era"}) {
    SCOPED_TRACE(example);
    const LoadResult whole = load_dataset(example);
    const LoadResult lean = load_dataset(example, {}, {}, Wording::left_out);
    EXPECT_EQ(test::lines(lean.diagnostics), test::lines(whole.diagnostics));
    ASSERT_EQ(lean.dataset.inspections.size(), whole.dataset.inspections.size());
    std::size_t left_out = 0;
    for (std::size_t i = 0; i < whole.dataset.inspections.size(); ++i) {
      const model::Inspection& full = whole.dataset.inspections[i];
      const model::Inspection& kept = lean.dataset.inspections[i];
      EXPECT_EQ(kept.id, full.id);
      EXPECT_TRUE(kept.title.empty());
      EXPECT_TRUE(kept.summary.empty());
      left_out += full.title.size() + full.summary.size();
      ASSERT_EQ(kept.findings.size(), full.findings.size());
      for (std::size_t j = 0; j < full.findings.size(); ++j) {
        const model::Finding& a = full.findings[j];
        const model::Finding& b = kept.findings[j];
        EXPECT_EQ(b.id, a.id);
        EXPECT_TRUE(b.title.empty());
        EXPECT_EQ(b.owner, a.owner);
        EXPECT_EQ(b.portfolio.value, a.portfolio.value);
        EXPECT_TRUE(b.text.empty());
        left_out += a.title.size() + a.text.size();
        ASSERT_EQ(b.history.size(), a.history.size());
        for (std::size_t k = 0; k < a.history.size(); ++k) {
          EXPECT_EQ(b.history[k].rag.value, a.history[k].rag.value);
          EXPECT_EQ(b.history[k].rating, a.history[k].rating);
          EXPECT_EQ(b.history[k].by.value, a.history[k].by.value);
          EXPECT_TRUE(b.history[k].note.empty());
          left_out += a.history[k].note.size();
        }
      }
    }
    EXPECT_GT(left_out, 1000u);  // the example has wording to leave out
  }
}

}  // namespace
}  // namespace hmicfrs::load
