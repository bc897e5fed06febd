// The parse cache: entries round-trip, anything else is ignored, and the cache
// is bounded, never written inside the register, and changes no output.

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/tree_cache.hpp"
#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::load {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_yaml =
    "id: example\ntitle: \"A report, with a comma\"\nfindings:\n  - {ref: R1, type: recommendation}\n"
    "  - ref: R2\n    history:\n      - date: 2022-03-01\n        note: >-\n          Two lines\n          folded\n";

Node parsed(std::string_view yaml) {
  diag::Diagnostics diagnostics;
  auto tree = parse_yaml(yaml, std::make_shared<const std::string>("x.yaml"), Limits{}, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return tree.value_or(Node{});
}

TEST(TreeCache, APayloadDecodesToTheTreeItWasMadeFrom) {
  const Node tree = parsed(k_yaml);
  const std::string payload = encode_tree(tree);
  const auto back = decode_tree(payload, Limits{});
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(encode_tree(*back), payload);
  EXPECT_EQ(back->find("title")->text, "A report, with a comma");
  EXPECT_EQ(back->find("findings")->items[1].find("history")->items[0].find("note")->line, 8);
}

TEST(TreeCache, RefusesEveryPayloadItDidNotWrite) {
  const std::string payload = encode_tree(parsed(k_yaml));
  // Cut anywhere, or with bytes after it.
  for (std::size_t size = 0; size < payload.size(); ++size) {
    EXPECT_FALSE(decode_tree(payload.substr(0, size), Limits{}).has_value()) << size;
  }
  EXPECT_FALSE(decode_tree(payload + "x", Limits{}).has_value());
  // A list that claims more items than there are bytes: refused before anything is made.
  EXPECT_FALSE(decode_tree(std::string("\x02\x00\x01\x01\xff\xff\xff\xff\x0f", 9), Limits{}).has_value());
  // Deeper, or larger, than the loader would parse.
  Limits shallow;
  shallow.max_depth = 2;
  EXPECT_FALSE(decode_tree(payload, shallow).has_value());
  Limits small;
  small.max_nodes_per_file = 5;
  EXPECT_FALSE(decode_tree(payload, small).has_value());
  // Random bytes never crash it.
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(random() % 64, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    (void)decode_tree(junk, Limits{});
  }
}

class TreeCacheDir : public ::testing::Test {
 protected:
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    if (!fs::exists(m_scratch.path())) return out;
    for (const auto& entry : fs::recursive_directory_iterator(m_scratch.path())) {
      if (entry.is_regular_file()) out.push_back(entry.path());
    }
    return out;
  }

  test::ScratchDir m_scratch{"tree-cache"};
  TreeCache m_cache{m_scratch.path() / "cache", 1 << 20};
};

TEST_F(TreeCacheDir, FindsWhatItStoredForTheSameBytesOnly) {
  EXPECT_FALSE(m_cache.find(k_yaml, Limits{}).has_value());
  m_cache.store(k_yaml, Limits{}, parsed(k_yaml));
  ASSERT_EQ(entries().size(), 1u);
  const auto found = m_cache.find(k_yaml, Limits{});
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(encode_tree(*found), encode_tree(parsed(k_yaml)));
  EXPECT_FALSE(m_cache.find(std::string(k_yaml) + "# edited\n", Limits{}).has_value());
  Limits other;
  other.max_depth = 10;
  EXPECT_FALSE(m_cache.find(k_yaml, other).has_value());  // other limits, another key
}

TEST_F(TreeCacheDir, IgnoresADamagedOrPlantedEntryAndReplacesIt) {
  m_cache.store(k_yaml, Limits{}, parsed(k_yaml));
  const fs::path entry = entries().at(0);
  const std::string good = test::read_text(entry);
  for (const std::string& bad : {good.substr(0, good.size() - 1), good.substr(0, 10), std::string(good.size(), 'x'),
                                 std::string(), good + "x"}) {
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << bad;
    EXPECT_FALSE(m_cache.find(k_yaml, Limits{}).has_value());
  }
  // Another file's entry, planted under this file's name: the key inside it says whose it is.
  const std::string other = "id: other\n";
  m_cache.store(other, Limits{}, parsed(other));
  for (const fs::path& path : entries()) {
    if (path != entry) fs::copy_file(path, entry, fs::copy_options::overwrite_existing);
  }
  EXPECT_FALSE(m_cache.find(k_yaml, Limits{}).has_value());
  m_cache.store(k_yaml, Limits{}, parsed(k_yaml));
  EXPECT_TRUE(m_cache.find(k_yaml, Limits{}).has_value());
}

TEST_F(TreeCacheDir, KeepsUnderItsBoundByDroppingTheLeastRecentlyUsed) {
  const TreeCache small(m_scratch.path() / "cache", 2000);
  std::vector<std::string> files;
  for (int i = 0; i < 20; ++i) files.push_back(std::string(k_yaml) + "# file " + std::to_string(i) + "\n");
  for (const std::string& file : files) {
    small.store(file, Limits{}, parsed(file));
    // Entries written in the same tick would tie: a later one is a later one.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  small.trim();
  std::uintmax_t total = 0;
  for (const fs::path& path : entries()) total += fs::file_size(path);
  EXPECT_LE(total, 1600u);
  EXPECT_GT(entries().size(), 0u);
  EXPECT_TRUE(small.find(files.back(), Limits{}).has_value());    // the newest stays
  EXPECT_FALSE(small.find(files.front(), Limits{}).has_value());  // the oldest went
}

TEST(TreeCacheUnwritable, IsSkippedWithoutAWord) {
  test::ScratchDir scratch("tree-cache-unwritable");
  std::ofstream(scratch.path() / "a-file") << "not a directory";
  const TreeCache cache(scratch.path() / "a-file" / "cache", 1 << 20);
  cache.store(k_yaml, Limits{}, parsed(k_yaml));
  EXPECT_FALSE(cache.find(k_yaml, Limits{}).has_value());
  cache.trim();
}

// The command line: where the cache goes, and where it never does.
cli::Environment with_cache(const fs::path& directory, bool off = false) {
  cli::Environment environment = test::quiet_environment();
  environment.variable = [directory, off](std::string_view name) -> std::optional<std::string> {
    if (name == "HMICFRS_TRACK_CACHE_DIR") return directory.string();
    if (name == "HMICFRS_TRACK_CACHE" && off) return "0";
    return std::nullopt;
  };
  return environment;
}

TEST(ParseCacheOption, IsUsedWhereItIsToldButNeverInsideTheRegisterOrWhenTurnedOff) {
  test::ScratchDir scratch("parse-cache");
  const fs::path root = scratch.path() / "register";
  fs::copy("examples/west-midlands", root, fs::copy_options::recursive);
  const std::vector<std::string> validate{"--data", root.string(), "validate"};

  EXPECT_EQ(test::run_cli(validate, with_cache(scratch.path() / "cache")).status, 0);
  EXPECT_TRUE(fs::exists(scratch.path() / "cache" / "trees-v1"));

  EXPECT_EQ(test::run_cli(validate, with_cache(root / ".cache")).status, 0);
  EXPECT_FALSE(fs::exists(root / ".cache"));  // the data directory is never written

  EXPECT_EQ(test::run_cli(validate, with_cache(scratch.path() / "off", true)).status, 0);
  EXPECT_FALSE(fs::exists(scratch.path() / "off"));
  std::vector<std::string> no_cache = validate;
  no_cache.insert(no_cache.begin(), "--no-cache");
  EXPECT_EQ(test::run_cli(no_cache, with_cache(scratch.path() / "flag")).status, 0);
  EXPECT_FALSE(fs::exists(scratch.path() / "flag"));
}

// Files edited between runs, as a liaison officer edits them: a warm cache
// gives what a run without it gives, run after run.
TEST(ParseCacheOption, GivesWhatAFreshParseGivesAsFilesAreEdited) {
  test::ScratchDir scratch("parse-cache-edits");
  const fs::path root = scratch.path() / "register";
  fs::copy("examples/west-midlands", root, fs::copy_options::recursive);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::mt19937 random(2022);
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"title: ", "title: Edited "},     {"rag: amber", "rag: red"},
      {"rag: green", "rag: gren"},       {"note: ", "note: Checked, "},
      {"date: 2022-", "date: 2021-"},    {"  - ", "  -"},
      {"findings:", "finding:"},         {"\n", "\n\t"},
      {"status: open", "status: closed"}};
  for (int round = 0; round < 40; ++round) {
    const fs::path file = files[random() % files.size()];
    std::string text = test::read_text(file);
    const auto& [from, to] = edits[random() % edits.size()];
    if (const std::size_t at = text.find(from, random() % (text.size() / 2 + 1)); at != std::string::npos) {
      text.replace(at, from.size(), to);
      std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    }
    for (const std::vector<std::string>& command : {std::vector<std::string>{"validate", "--format", "json"},
                                                    std::vector<std::string>{"report", "--committee", "2022-03"}}) {
      std::vector<std::string> args{"--data", root.string(), "--as-of", "2022-03-31"};
      args.insert(args.end(), command.begin(), command.end());
      const auto fresh = test::run_cli(args, with_cache(scratch.path() / "cache", true));
      const auto cached = test::run_cli(args, with_cache(scratch.path() / "cache"));
      EXPECT_EQ(cached.out, fresh.out) << "round " << round << ", " << file << ": " << command.front();
      EXPECT_EQ(cached.err, fresh.err) << "round " << round;
      EXPECT_EQ(cached.status, fresh.status) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace hmicfrs::load
