// The parse cache: entries round-trip, anything else is ignored, and the cache
// is bounded, never written inside the register, and changes no output.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/load/yaml_tree.hpp>
#include "load/record_cache.hpp"
#include "support/golden.hpp"
#include "support/register.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::load {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_yaml =
    "id: example\ntitle: \"A report, with a comma\"\ntype: peel\npublished: 2022-03\nfindings:\n"
    "  - {ref: R1, type: recommendation, title: Do it, owner: Head of Crime}\n"
    "  - ref: AFI2\n    type: afi\n    title: Look at it\n    owner: Head of Crime\n    history:\n"
    "      - date: 2022-03-01\n        rag: amber\n        note: >-\n          Two lines\n          folded\n"
    "      - {date: 2022-04-04, status: closed, note: Done}\n"
    "  - ref: R3\n    typo: here\n";

const auto k_path = diag::source_name("inspections/example.yaml");

// What the loader would make of `yaml` as an inspection file, diagnostics and all.
FileRecords decoded(std::string_view yaml) {
  FileRecords records;
  if (auto tree = parse_yaml(yaml, k_path, Limits{}, records.diagnostics)) {
    records.inspection = decode_inspection(*tree, k_path, records.diagnostics);
  }
  return records;
}

std::string encoded(const FileRecords& records) { return encode_records(records, k_path).value_or("(not encoded)"); }

TEST(RecordCodec, APayloadDecodesToTheRecordsItWasMadeFromPlacedInTheFileItIsReadFor) {
  const FileRecords records = decoded(k_yaml);
  ASSERT_EQ(test::lines(records.diagnostics).size(), 3u);  // R3 has no title or type, and a field `typo`
  const std::string payload = encoded(records);
  const auto elsewhere = diag::source_name("register/inspections/example.yaml");
  const auto back = decode_records(payload, elsewhere);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(encode_records(*back, elsewhere), payload);
  ASSERT_TRUE(back->inspection.has_value());
  const model::Inspection& inspection = *back->inspection;
  EXPECT_EQ(inspection.title, "A report, with a comma");
  EXPECT_EQ(inspection.published, model::Date::parse("2022-03").value());
  ASSERT_EQ(inspection.findings.size(), 3u);
  const model::HistoryEntry& entry = inspection.findings[1].history[0];
  EXPECT_EQ(entry.note, "Two lines folded");
  EXPECT_EQ(entry.rag.value, "amber");
  EXPECT_EQ(entry.rag.location.path(), *elsewhere);
  EXPECT_EQ(entry.rag.location.line, 13);
  EXPECT_EQ(entry.rag.location.column, 14);
  EXPECT_FALSE(entry.rating.has_value());  // the vocabulary's to give, once every file is in
  EXPECT_EQ(inspection.findings[1].history[1].status, model::Status::closed);
  // The diagnostics too, in the file it is read for.
  std::vector<std::string> expected = test::lines(records.diagnostics);
  ASSERT_THAT(expected,
              ::testing::Contains(::testing::StartsWith("inspections/example.yaml:19:5: error: unknown field")));
  for (std::string& line : expected) line.insert(0, "register/");
  EXPECT_EQ(test::lines(back->diagnostics), expected);
}

TEST(RecordCodec, KeepsNothingWhoseLocationNamesAnotherFile) {
  FileRecords records = decoded(k_yaml);
  records.diagnostics.error(diag::file_location(diag::source_name("other.yaml")), "elsewhere",
                            diag::Code::unknown_reference);
  EXPECT_FALSE(encode_records(records, k_path).has_value());
}

TEST(RecordCodec, RefusesEveryPayloadItDidNotWrite) {
  const std::string payload = encoded(decoded(k_yaml));
  // Cut anywhere, or with bytes after it.
  for (std::size_t size = 0; size < payload.size(); ++size) {
    EXPECT_FALSE(decode_records(payload.substr(0, size), k_path).has_value()) << size;
  }
  EXPECT_FALSE(decode_records(payload + "x", k_path).has_value());
  // A list that claims more items than there are bytes: refused before anything is made.
  EXPECT_FALSE(decode_records(std::string("\xff\xff\xff\xff\x0f", 5), k_path).has_value());
  // A severity, a code or an enum beyond its values; a date that cannot be.
  FileRecords one;
  one.diagnostics.error(diag::file_location(k_path), "x", diag::Code::yaml_syntax);
  const std::string diagnostic = encoded(one);
  ASSERT_EQ(diagnostic.substr(0, 2), std::string("\x01\x00", 2));  // one diagnostic, an error
  EXPECT_TRUE(decode_records(diagnostic, k_path).has_value());
  EXPECT_FALSE(decode_records(std::string("\x01\x03", 2) + diagnostic.substr(2), k_path).has_value());
  FileRecords dated;
  dated.meetings.emplace_back().date = model::Date::parse("2024-02-29").value();
  std::string date = encoded(dated);
  const std::size_t at = date.find(std::string("\x02\x1d", 2));  // month 2, day 29
  ASSERT_NE(at, std::string::npos);
  EXPECT_TRUE(decode_records(date, k_path).has_value());
  date[at + 1] = 30;  // 30 February
  EXPECT_FALSE(decode_records(date, k_path).has_value());
  // Random bytes, and every byte of a real payload flipped in turn, never crash it.
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(random() % 64, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    (void)decode_records(junk, k_path);
  }
  for (std::size_t i = 0; i < payload.size(); ++i) {
    std::string flipped = payload;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
    (void)decode_records(flipped, k_path);
  }
}

TEST(RecordCodec, RefusesAConfigurationWhoseStatusWordsDoNotCoverEveryStatus) {
  FileRecords records;
  records.config.emplace();
  EXPECT_TRUE(decode_records(encoded(records), k_path).has_value());
  records.config->vocabulary.status_labels.pop_back();
  EXPECT_FALSE(decode_records(encoded(records), k_path).has_value());
}

// Every file below `root` with its bytes (a link as "-> target"), to show that nothing there changed.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string relative = fs::relative(it->path(), root).string();
    if (it->is_symlink()) {
      out[relative] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_regular_file()) {
      out[relative] = test::read_text(it->path());
    } else {
      out[relative] = "(folder)";
    }
  }
  return out;
}

class RecordCacheDir : public ::testing::Test {
 protected:
  RecordCache open_cache(std::uintmax_t bound = 1 << 20) const {
    std::optional<RecordCache> cache = RecordCache::open(m_folder, bound, m_register);
    if (!cache) throw std::runtime_error("the cache did not open");
    return std::move(*cache);
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    if (!fs::exists(m_folder)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(m_folder)) {
      if (entry.is_regular_file() && !entry.is_symlink()) out.push_back(entry.path());
    }
    return out;
  }
  bool store(const RecordCache& cache, std::string_view yaml) const {
    return cache.store(yaml, FileKind::inspection, Limits{}, decoded(yaml), k_path);
  }
  bool has(const RecordCache& cache, std::string_view yaml, FileKind kind = FileKind::inspection,
           const Limits& limits = {}) const {
    return cache.find(yaml, kind, limits, k_path).has_value();
  }
  // Where k_yaml's entry goes (stored once and found).
  fs::path entry_of_k_yaml() {
    const RecordCache cache = open_cache();
    store(cache, k_yaml);
    return entries().at(0);
  }

  test::ScratchDir m_scratch{"record-cache"};
  fs::path m_folder = m_scratch.path() / "cache";
  fs::path m_register = [this] {  // made before the cache opens, which resolves it
    const fs::path root = m_scratch.path() / "register";
    fs::create_directories(root);
    std::ofstream(root / "hmicfrs-track.yaml") << "schema_version: 1\n";
    return root;
  }();
  RecordCache m_cache = open_cache();
};

TEST_F(RecordCacheDir, FindsWhatItStoredForTheSameBytesKindAndLimitsOnly) {
  EXPECT_FALSE(has(m_cache, k_yaml));
  EXPECT_TRUE(store(m_cache, k_yaml));
  ASSERT_EQ(entries().size(), 1u);
  const auto found = m_cache.find(k_yaml, FileKind::inspection, Limits{}, k_path);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(encoded(*found), encoded(decoded(k_yaml)));
  EXPECT_FALSE(has(m_cache, std::string(k_yaml) + "# edited\n"));
  EXPECT_FALSE(has(m_cache, k_yaml, FileKind::peel_framework));  // another kind, another decoder
  Limits other;
  other.max_depth = 10;
  EXPECT_FALSE(has(m_cache, k_yaml, FileKind::inspection, other));  // other limits, another key
}

TEST_F(RecordCacheDir, IgnoresADamagedOrPlantedEntryAndReplacesIt) {
  store(m_cache, k_yaml);
  const fs::path entry = entries().at(0);
  const std::string good = test::read_text(entry);
  std::string flipped = good;
  flipped.back() = static_cast<char>(flipped.back() ^ 1);
  for (const std::string& bad : {good.substr(0, good.size() - 1), good.substr(0, 10), std::string(good.size(), 'x'),
                                 std::string(), good + "x", flipped}) {
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << bad;
    EXPECT_FALSE(has(m_cache, k_yaml));
  }
  // Another file's entry, planted under this file's name: the key inside it says whose it is.
  const std::string other = "id: other\n";
  store(m_cache, other);
  for (const fs::path& path : entries()) {
    if (path != entry) fs::copy_file(path, entry, fs::copy_options::overwrite_existing);
  }
  EXPECT_FALSE(has(m_cache, k_yaml));
  store(m_cache, k_yaml);
  EXPECT_TRUE(has(m_cache, k_yaml));
}

TEST_F(RecordCacheDir, KeepsUnderItsBoundByDroppingTheLeastRecentlyUsed) {
  const RecordCache small = open_cache(4000);
  std::vector<std::string> files;
  for (int i = 0; i < 20; ++i) files.push_back(std::string(k_yaml) + "# file " + std::to_string(i) + "\n");
  for (const std::string& file : files) {
    store(small, file);
    // Entries written in the same tick would tie: a later one is a later one.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  small.trim();
  std::uintmax_t total = 0;
  for (const fs::path& path : entries()) total += fs::file_size(path);
  EXPECT_LE(total, 3200u);
  EXPECT_GT(entries().size(), 0u);
  EXPECT_TRUE(has(small, files.back()));    // the newest stays
  EXPECT_FALSE(has(small, files.front()));  // the oldest went
}

TEST_F(RecordCacheDir, FollowsNoLinkBelowItsFolderAndDeletesNothingItDidNotWrite) {
  const fs::path canary = m_scratch.path() / "canary";
  fs::create_directories(canary / "ab");
  std::ofstream(canary / "a.yaml") << "id: a\n";
  std::ofstream(canary / "ab" / std::string(30, 'c')) << "HMRECS\r\n plausible";
  const fs::path entry = entry_of_k_yaml();
  fs::copy_file(entry, canary / "entry-copy");  // a whole, valid entry, outside the cache
  const auto before = snapshot(canary);

  // The entry replaced by a link to the valid copy: not read, not replaced, not deleted.
  fs::remove(entry);
  fs::create_symlink(canary / "entry-copy", entry);
  {
    const RecordCache cache = open_cache(0);
    EXPECT_FALSE(has(cache, k_yaml));
    EXPECT_FALSE(store(cache, k_yaml));
    cache.trim();
  }
  EXPECT_TRUE(fs::is_symlink(entry));
  // Every shard a link to the canary: nothing is read, written or deleted through them.
  fs::remove_all(m_folder / "records-v2");
  fs::create_directories(m_folder / "records-v2");
  for (int shard = 0; shard < 256; ++shard) {
    fs::create_symlink(canary, m_folder / "records-v2" / fmt::format("{:02x}", shard));
  }
  {
    const RecordCache cache = open_cache(0);
    EXPECT_FALSE(store(cache, k_yaml));
    EXPECT_FALSE(has(cache, k_yaml));
    cache.trim();
  }
  // The entries' folder a link to the canary: no cache at all.
  fs::remove_all(m_folder / "records-v2");
  fs::create_directory_symlink(canary, m_folder / "records-v2");
  EXPECT_FALSE(RecordCache::open(m_folder, 0, m_register).has_value());
  EXPECT_EQ(snapshot(canary), before);

  // Files it did not write, beside its entries: a trim to nothing leaves them.
  fs::remove(m_folder / "records-v2");
  const fs::path kept = entry_of_k_yaml();
  const fs::path shard = kept.parent_path();
  std::ofstream(shard / "notes.txt") << "mine";
  std::ofstream(shard / std::string(30, 'd')) << "not an entry of the cache's";
  std::ofstream(m_folder / "records-v2" / "readme") << "mine too";
  fs::create_directory(shard / std::string(30, 'e'));
  const auto foreign = snapshot(m_folder);
  open_cache(0).trim();
  auto after = snapshot(m_folder);
  EXPECT_EQ(after.erase(fs::relative(kept, m_folder).string()), 0u);  // the entry went
  auto expected = foreign;
  expected.erase(fs::relative(kept, m_folder).string());
  EXPECT_EQ(after, expected);
}

TEST_F(RecordCacheDir, ReadsNoEntryWhoseSizeIsNotWhatItsHeaderSays) {
  const fs::path entry = entry_of_k_yaml();
  const std::string good = test::read_text(entry);
  // Its valid header followed by 64 GiB of zeros, sparse: the size is not what the header gives, and nothing
  // is made room for.
  std::filesystem::resize_file(entry, std::uintmax_t{64} << 30);
  EXPECT_FALSE(has(m_cache, k_yaml));
  // A whole entry with more after it, or a header that claims more than a file of its size can give.
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << good << std::string(1000, '\0');
  EXPECT_FALSE(has(m_cache, k_yaml));
  std::ofstream(entry, std::ios::binary | std::ios::trunc) << good;
  EXPECT_TRUE(has(m_cache, k_yaml));
}

TEST_F(RecordCacheDir, IsOffInAFolderOthersMayWriteToOrThatOverlapsTheRegister) {
  fs::permissions(m_folder, fs::perms::group_write | fs::perms::others_write, fs::perm_options::add);
  EXPECT_FALSE(RecordCache::open(m_folder, 1 << 20, m_register).has_value());
  fs::permissions(m_folder, fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
  EXPECT_TRUE(RecordCache::open(m_folder, 1 << 20, m_register).has_value());
  // Inside the register, directly or through a link, and holding it: nothing is made, nothing is written.
  const auto before = snapshot(m_register);
  EXPECT_FALSE(RecordCache::open(m_register / ".cache", 1 << 20, m_register).has_value());
  fs::create_directory_symlink(m_register, m_scratch.path() / "link-into-register");
  EXPECT_FALSE(RecordCache::open(m_scratch.path() / "link-into-register" / "cache", 1 << 20, m_register));
  EXPECT_EQ(snapshot(m_register), before);
  // A path that leaves the register by ".." through a folder that does not exist, or reaches a link once its ".."
  // is taken: neither makes anything inside the register, as making the path as written would.
  fs::create_directories(m_register / "inspections");
  const auto with_folder = snapshot(m_register);
  EXPECT_TRUE(RecordCache::open(m_register / "inspections" / "evil.yaml" / ".." / ".." / ".." / "elsewhere", 1 << 20,
                                m_register)
                  .has_value());
  EXPECT_TRUE(fs::exists(m_scratch.path() / "elsewhere" / "records-v2"));
  EXPECT_FALSE(RecordCache::open(m_scratch.path() / "none" / ".." / "link-into-register" / "c", 1 << 20, m_register));
  EXPECT_EQ(snapshot(m_register), with_folder);
  EXPECT_FALSE(RecordCache::open(m_scratch.path(), 1 << 20, m_register).has_value());
  EXPECT_FALSE(fs::exists(m_scratch.path() / "records-v2"));
}

TEST_F(RecordCacheDir, MakesItsFolderForTheUserAloneWhateverTheUmask) {
  const mode_t previous = ::umask(002);  // as many systems give their users: group may write
  const fs::path folder = m_scratch.path() / "new" / "cache";
  const bool opened = RecordCache::open(folder, 1 << 20, m_register).has_value();
  ::umask(previous);
  EXPECT_TRUE(opened);
  EXPECT_EQ(fs::status(folder).permissions() & fs::perms::all, fs::perms::owner_all);
}

TEST_F(RecordCacheDir, TrustsNothingOfAnotherUsers) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root, to give files to the user nobody";
  const fs::path entry = entry_of_k_yaml();
  ASSERT_EQ(::chown(entry.c_str(), 65534, 65534), 0);  // nobody
  EXPECT_FALSE(has(m_cache, k_yaml));
  EXPECT_FALSE(store(m_cache, k_yaml));
  open_cache(0).trim();
  EXPECT_TRUE(fs::exists(entry));
  ASSERT_EQ(::chown(m_folder.c_str(), 65534, 65534), 0);
  EXPECT_FALSE(RecordCache::open(m_folder, 1 << 20, m_register).has_value());
}

TEST(RecordCacheUnwritable, IsSkippedWithoutAWord) {
  test::ScratchDir scratch("record-cache-unwritable");
  std::ofstream(scratch.path() / "a-file") << "not a directory";
  EXPECT_FALSE(RecordCache::open(scratch.path() / "a-file" / "cache", 1 << 20, scratch.path() / "register"));
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
  EXPECT_TRUE(fs::exists(scratch.path() / "cache" / "records-v2"));

  EXPECT_EQ(test::run_cli(validate, with_cache(root / ".cache")).status, 0);
  EXPECT_FALSE(fs::exists(root / ".cache"));  // the data directory is never written

  EXPECT_EQ(test::run_cli(validate, with_cache(scratch.path() / "off", true)).status, 0);
  EXPECT_FALSE(fs::exists(scratch.path() / "off"));
  std::vector<std::string> no_cache = validate;
  no_cache.insert(no_cache.begin(), "--no-cache");
  EXPECT_EQ(test::run_cli(no_cache, with_cache(scratch.path() / "flag")).status, 0);
  EXPECT_FALSE(fs::exists(scratch.path() / "flag"));
}

TEST(ParseCacheOption, TakesABoundTooLargeToHoldInBytesAsNoBound) {
  test::ScratchDir scratch("parse-cache-bound");
  cli::Environment environment = with_cache(scratch.path() / "cache");
  const auto configured = environment.variable;
  environment.variable = [configured](std::string_view name) -> std::optional<std::string> {
    if (name == "HMICFRS_TRACK_CACHE_MAX_MB") return "17592186044416";  // 2^44 MiB: 2^64 bytes, once wrapped to 0
    return configured(name);
  };
  EXPECT_EQ(test::run_cli({"--data", "examples/west-midlands", "validate"}, environment).status, 0);
  std::size_t entries = 0, files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(scratch.path() / "cache"))
    entries += entry.is_regular_file();
  for (const auto& entry : fs::recursive_directory_iterator("examples/west-midlands")) {
    files += entry.path().extension() == ".yaml";
  }
  EXPECT_EQ(entries, files);  // every file's, none trimmed
}

// The attack that once emptied a register: the cache's entries folder made a link into the register's
// inspections, and a run told to keep the cache to nothing. Each way of turning the cache on the register
// leaves the register byte for byte as it was, and gives what a run without the cache gives.
TEST(ParseCacheOption, CannotBeTurnedAgainstTheRegister) {
  test::ScratchDir scratch("parse-cache-attack");
  const fs::path root = scratch.path() / "register";
  fs::copy("examples/west-midlands", root, fs::copy_options::recursive);
  const auto pristine = snapshot(root);
  const std::vector<std::string> report{"--data", root.string(), "report", "--committee", "2022-03"};
  const auto fresh = test::run_cli(report, with_cache(scratch.path() / "unused", true));
  ASSERT_EQ(fresh.status, 0) << fresh.err;
  const auto attack = [&](const fs::path& cache, const std::function<void()>& plant) {
    fs::remove_all(cache);
    plant();
    cli::Environment environment = with_cache(cache);
    const auto configured = environment.variable;
    environment.variable = [configured](std::string_view name) -> std::optional<std::string> {
      if (name == "HMICFRS_TRACK_CACHE_MAX_MB") return "0";  // trim everything it may
      return configured(name);
    };
    for (int run = 0; run < 2; ++run) {
      const auto result = test::run_cli(report, environment);
      EXPECT_EQ(result.out, fresh.out);
      EXPECT_EQ(result.status, 0);
    }
    EXPECT_EQ(snapshot(root), pristine);
  };
  const fs::path cache = scratch.path() / "cache";
  attack(cache, [&] {
    fs::create_directories(cache);
    fs::create_directory_symlink(root / "inspections", cache / "records-v2");
  });
  attack(cache, [&] {
    fs::create_directories(cache / "records-v2");
    for (int shard = 0; shard < 256; ++shard) {
      fs::create_directory_symlink(root / "inspections", cache / "records-v2" / fmt::format("{:02x}", shard));
    }
  });
  attack(cache, [&] { fs::create_directory_symlink(root / "inspections", cache); });  // the folder itself
  attack(root / "inspections" / ".cache", [] {});
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
