// The commands that fit the tool into its ecosystem: schema and init.

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::cli {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::HasSubstr;

TEST(Schema, PrintsEachKindAsShippedInSchemas) {
  for (const char* kind : {"config", "committees", "inspection", "peel-framework"}) {
    const auto result = run_cli({"schema", kind});
    EXPECT_EQ(result.status, 0);
    EXPECT_EQ(result.out, test::read_text(fmt::format("schemas/{}.schema.json", kind))) << kind;
  }
  EXPECT_THAT(run_cli({"schema"}).out, HasSubstr("  inspection      inspections/**/*.yaml\n"));
  const auto unknown = run_cli({"schema", "findings"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no schema 'findings'"));
}

// A directory for init to create, inside a scratch directory.
class Init : public ::testing::Test {
 protected:
  test::ScratchDir m_scratch{"init"};
  fs::path m_dir = m_scratch.path() / "register";
};

TEST_F(Init, WritesARegisterThatValidatesCleanly) {
  const auto result = run_cli({"init", m_dir.string()});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr(fmt::format("Created a register in {}:\n", m_dir.string())));
  for (const char* file : {"hmicfrs-track.yaml", "committees.yaml", "inspections/example-thematic.yaml",
                           ".schemas/inspection.schema.json"}) {
    EXPECT_TRUE(fs::is_regular_file(m_dir / file)) << file;
  }
  EXPECT_THAT(test::read_text(m_dir / "inspections/example-thematic.yaml"),
              ::testing::StartsWith("# yaml-language-server: $schema=../.schemas/inspection.schema.json\n"));
  EXPECT_THAT(test::read_text(m_dir / "hmicfrs-track.yaml"),
              ::testing::StartsWith("# yaml-language-server: $schema=.schemas/config.schema.json\n"));
  const auto validated = run_cli({"--data", m_dir.string(), "validate", "--strict"});
  EXPECT_EQ(validated.status, 0) << validated.out;
  EXPECT_EQ(validated.out, "0 errors, 0 warnings\n");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(m_dir.parent_path())) {
    if (entry.path().filename().string().starts_with(".init-")) left.push_back(entry.path().string());
  }
  EXPECT_EQ(left, std::vector<std::string>{});  // no staging directory left behind
}

TEST_F(Init, FillsAnEmptyDirectoryButRefusesAnythingElse) {
  fs::create_directories(m_dir);
  EXPECT_EQ(run_cli({"init", m_dir.string()}).status, 0);
  const auto again = run_cli({"init", m_dir.string()});
  EXPECT_EQ(again.status, 2);
  EXPECT_EQ(again.err, fmt::format("hmicfrs-track: {} exists and holds files: init writes a new register only into a "
                                   "new or empty directory (one that holds only .git will do)\n"
                                   "Run 'hmicfrs-track --help' for usage.\n",
                                   m_dir.string()));
  const auto inside = run_cli({"init", (m_dir / "inspections" / "another").string()});
  EXPECT_EQ(inside.status, 2);
  EXPECT_EQ(inside.err, fmt::format("hmicfrs-track: {} lies inside the register at {}, which init never writes into: "
                                    "choose a directory outside it\n"
                                    "Run 'hmicfrs-track --help' for usage.\n",
                                    (m_dir / "inspections" / "another").string(), fs::absolute(m_dir).string()));
  // A link whose own path is outside every register, but that leads into one, is refused as its target would be;
  // so is `import --into` through it.
  fs::create_directories(m_dir / "inspections" / "empty");
  const fs::path link = m_dir.parent_path() / "link-into-register";
  fs::create_directory_symlink(m_dir / "inspections" / "empty", link);
  const auto through_link = run_cli({"init", link.string()});
  EXPECT_EQ(through_link.status, 2);
  EXPECT_EQ(through_link.err,
            fmt::format("hmicfrs-track: {} lies inside the register at {}, which init never writes into: "
                        "choose a directory outside it\n"
                        "Run 'hmicfrs-track --help' for usage.\n",
                        link.string(), fs::absolute(m_dir).string()));
  const auto import_through_link = run_cli({"import", "tests/fixtures/import/tracker.xlsx", "--into", link.string()});
  EXPECT_EQ(import_through_link.status, 2);
  EXPECT_THAT(import_through_link.err, HasSubstr("lies inside the register at"));
  EXPECT_TRUE(fs::is_empty(m_dir / "inspections" / "empty"));
  fs::remove(link);
  const auto missing_parent = run_cli({"init", (m_dir.parent_path() / "no" / "such" / "place").string()});
  EXPECT_EQ(missing_parent.status, 3);
  EXPECT_THAT(missing_parent.err, HasSubstr("cannot create"));
  const auto nameless = run_cli({"init", ""});
  EXPECT_EQ(nameless.status, 2);
  EXPECT_THAT(nameless.err, HasSubstr("init needs the new register's directory"));
}

TEST_F(Init, WritesBesideTheGitOfAFreshCloneAndSaysWhatToDoNext) {
  fs::create_directories(m_dir / ".git" / "objects");
  std::ofstream(m_dir / ".git" / "HEAD") << "ref: refs/heads/main\n";
  const auto result = run_cli({"init", m_dir.string() + "/"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string dir = m_dir.string();
  EXPECT_EQ(result.out,
            fmt::format("Created a register in {0}, beside the .git it held:\n"
                        "  {0}/hmicfrs-track.yaml\n  {0}/committees.yaml\n  {0}/inspections/example-thematic.yaml\n"
                        "Each file names its schema (in {0}/.schemas) for editors.\n"
                        "Next:\n"
                        "  1. In {0}/hmicfrs-track.yaml, write your force, committee, contact officer and portfolios.\n"
                        "  2. Add a file per inspection under {0}/inspections/, as the example there shows.\n"
                        "  3. Check the register: hmicfrs-track --data {0} validate\n"
                        "New to YAML? yaml-primer.md (docs/ in the source; /usr/share/doc/hmicfrs-track/ once the "
                        "package is installed) shows how to write these files.\n",
                        dir));
  EXPECT_EQ(test::read_text(m_dir / ".git" / "HEAD"), "ref: refs/heads/main\n");  // the repository untouched
  EXPECT_EQ(run_cli({"--data", dir, "validate", "--strict"}).out, "0 errors, 0 warnings\n");
}

TEST_F(Init, FillsTheCurrentDirectoryWhenItIsEmpty) {
  fs::create_directories(m_dir);
  const fs::path before = fs::current_path();
  fs::current_path(m_dir);
  const auto result = run_cli({"init", "."});
  fs::current_path(before);
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::is_regular_file(m_dir / "hmicfrs-track.yaml"));
  EXPECT_EQ(run_cli({"--data", m_dir.string(), "validate", "--strict"}).out, "0 errors, 0 warnings\n");
}

}  // namespace
}  // namespace hmicfrs::cli
