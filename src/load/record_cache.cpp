#include "record_cache.hpp"

#include "compiled_catalogue.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <random>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

namespace hmicfrs::load {
namespace fs = std::filesystem;
namespace {

// Bump when the entry's layout changes. (A change to what decoding gives changes decoder_digest.)
constexpr std::uint32_t k_format = 2;
constexpr std::string_view k_magic = "HMRECS\r\n";  // the line ends catch a copy that rewrote them
constexpr std::size_t k_key_size = 16;
constexpr std::size_t k_header_size = k_magic.size() + 4 + k_key_size + 8 + 8;
constexpr std::string_view k_temporary = ".tmp-";  // an entry being written, renamed into place when whole
constexpr std::time_t k_hour = 3600;

void put_fixed(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_fixed(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return value;
}

// The payload's length a header gives, when it is a header of this format for `key`.
std::optional<std::uint64_t> payload_size(std::string_view header, std::string_view key) {
  if (header.size() < k_header_size || header.substr(0, k_magic.size()) != k_magic) return std::nullopt;
  if (get_fixed(header, k_magic.size(), 4) != k_format) return std::nullopt;
  if (header.substr(k_magic.size() + 4, k_key_size) != key) return std::nullopt;
  return get_fixed(header, k_magic.size() + 4 + k_key_size, 8);
}

// The most an entry's payload may hold for a file of `bytes` bytes: the records
// of a small finding take several times its YAML, never this much.
std::uint64_t largest_payload(std::size_t bytes) { return 32 * static_cast<std::uint64_t>(bytes) + (64u << 10); }

// A file descriptor, closed when it goes.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return m_fd; }
  int release() { return std::exchange(m_fd, -1); }

 private:
  int m_fd;
};

// Whether `status` is of something the user owns that no one else may write to.
bool owned(const struct stat& status) {
  return status.st_uid == ::geteuid() && (status.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// The folder `name` in the folder `parent`, opened without following a link, and made (for the user alone)
// when missing and `make`; -1 when it is not a folder of the user's.
int open_folder(int parent, const char* name, bool make) {
  constexpr int k_flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  int fd = ::openat(parent, name, k_flags);
  if (fd < 0 && errno == ENOENT && make && (::mkdirat(parent, name, 0700) == 0 || errno == EEXIST)) {
    fd = ::openat(parent, name, k_flags);
  }
  struct stat status {};
  if (fd >= 0 && (::fstat(fd, &status) != 0 || !S_ISDIR(status.st_mode) || !owned(status))) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads exactly `size` bytes at `offset`; false when the file holds fewer.
bool read_at(int fd, char* data, std::size_t size, off_t offset) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::pread(fd, data + got, size - got, offset + static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

bool is_hex(std::string_view text, std::size_t length) {
  return text.size() == length &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Whether `inner` is `outer` or lies inside it, both resolved.
bool within(const fs::path& inner, const fs::path& outer) {
  const auto [outer_end, inner_it] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return outer_end == outer.end();
}

// Where `path` leads: every link and ".." on its way resolved as far as the folders exist, again and again,
// as the part of a path that does not exist yet is only normalised and may, once shortened, hold a link.
std::optional<fs::path> resolved(const fs::path& path) {
  std::error_code ec;
  fs::path out = fs::absolute(path, ec);
  for (int round = 0; !ec && round < 40; ++round) {
    fs::path next = fs::weakly_canonical(out, ec);
    if (ec) break;
    if (next == out) return out;
    out = std::move(next);
  }
  return std::nullopt;
}

// Whether the cache folder and the register overlap, one inside the other; true when either cannot be resolved.
bool overlap(const fs::path& cache, const fs::path& register_root) {
  std::error_code ec;
  const fs::path root = fs::canonical(register_root.empty() ? fs::path(".") : register_root, ec);
  return ec || within(cache, root) || within(root, cache);
}

// A name for a temporary file no other run will pick.
std::string temporary_name() {
  thread_local std::mt19937_64 random(std::random_device{}() ^ static_cast<std::uint64_t>(::getpid()));
  return fmt::format("{}{:016x}", k_temporary, random());
}

}  // namespace

std::optional<std::string_view> entry_payload(std::string_view entry, std::string_view key) {
  const std::optional<std::uint64_t> size = payload_size(entry, key);
  if (!size) return std::nullopt;
  const std::uint64_t checksum = get_fixed(entry, k_magic.size() + 4 + k_key_size + 8, 8);
  const std::string_view payload = entry.substr(k_header_size);
  if (*size != payload.size() || XXH3_64bits(payload.data(), payload.size()) != checksum) return std::nullopt;
  return payload;
}

std::optional<RecordCache> RecordCache::open(const fs::path& directory, std::uintmax_t bound,
                                             const fs::path& register_root) {
  // The folder resolved, and checked, before anything is made, so that nothing is made in the register; then
  // made where it resolved to (not through the path as given, whose ".." and links the system would take
  // afresh), and checked again once it exists.
  const std::optional<fs::path> place = directory.empty() ? std::nullopt : resolved(directory);
  if (!place || overlap(*place, register_root)) return std::nullopt;
  std::error_code ec;
  const bool made = !fs::exists(*place, ec) && fs::create_directories(*place, ec);
  // Made for the user alone, whatever the umask would give others.
  if (made) fs::permissions(*place, fs::perms::owner_all, fs::perm_options::replace, ec);
  const fs::path real = fs::canonical(*place, ec);
  if (ec || overlap(real, register_root)) return std::nullopt;
  const Descriptor folder(::open(real.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  struct stat status {};
  if (ec || folder.get() < 0 || ::fstat(folder.get(), &status) != 0 || !owned(status)) return std::nullopt;
  const int entries = open_folder(folder.get(), fmt::format("records-v{}", k_format).c_str(), true);
  if (entries < 0) return std::nullopt;
  return RecordCache(entries, bound);
}

RecordCache::RecordCache(int entries, std::uintmax_t bound) : m_entries(entries), m_bound(bound) {
  for (std::atomic<int>& shard : m_shards) shard.store(-1);
}

RecordCache::RecordCache(RecordCache&& other) noexcept
    : m_entries(std::exchange(other.m_entries, -1)), m_bound(other.m_bound) {
  for (std::size_t i = 0; i < m_shards.size(); ++i) m_shards[i].store(other.m_shards[i].exchange(-1));
}

RecordCache::~RecordCache() {
  for (std::atomic<int>& shard : m_shards) {
    if (const int fd = shard.load(); fd >= 0) ::close(fd);
  }
  if (m_entries >= 0) ::close(m_entries);
}

int RecordCache::shard(const char* name, bool make) const {
  std::atomic<int>& slot = m_shards[std::stoul(name, nullptr, 16) & 0xff];
  if (const int fd = slot.load(); fd >= 0) return fd;
  const int fd = open_folder(m_entries, name, make);
  if (fd < 0) return -1;
  int expected = -1;
  if (slot.compare_exchange_strong(expected, fd)) return fd;
  ::close(fd);  // another thread opened it first
  return expected;
}

RecordCache::EntryName RecordCache::entry_name(std::string_view bytes, FileKind kind, const Limits& limits,
                                               std::string& key) const {
  // The file's bytes, and all else that shapes what it gives: its kind, the limits, the format, the version,
  // and the digest of the decoding code and the catalogue.
  const std::string salt = fmt::format("{}/{}/{}/{}/{}/{}/{}/{}/{}", HMICFRS_VERSION, k_format, decoder_digest(),
                                       static_cast<int>(kind), limits.max_file_bytes, limits.max_scalar_bytes,
                                       limits.max_nodes_per_file, limits.max_depth, limits.max_files);
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, salt.data(), salt.size());
  XXH3_128bits_update(state, bytes.data(), bytes.size());
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  key.clear();
  put_fixed(key, hash.low64, 8);
  put_fixed(key, hash.high64, 8);
  const std::string hex = fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
  EntryName name{};
  hex.copy(name.shard, 2);
  hex.copy(name.file, 30, 2);
  return name;
}

std::optional<FileRecords> RecordCache::find(std::string_view bytes, FileKind kind, const Limits& limits,
                                             diag::SourceName path) const {
  std::string key;
  const EntryName name = entry_name(bytes, kind, limits, key);
  const int folder = shard(name.shard, false);
  if (folder < 0) return std::nullopt;
  const Descriptor file(::openat(folder, name.file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat status {};
  if (file.get() < 0 || ::fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode) || !owned(status)) {
    return std::nullopt;
  }
  // The header first: the entry's size must be what it says, and within bounds, before any room is made for it.
  const auto size = static_cast<std::uint64_t>(status.st_size);
  std::string entry(k_header_size, '\0');
  if (size < k_header_size || !read_at(file.get(), entry.data(), k_header_size, 0)) return std::nullopt;
  const std::optional<std::uint64_t> payload = payload_size(entry, key);
  if (!payload || *payload != size - k_header_size || *payload > largest_payload(bytes.size())) return std::nullopt;
  entry.resize(static_cast<std::size_t>(size));
  if (!read_at(file.get(), entry.data() + k_header_size, entry.size() - k_header_size, k_header_size)) {
    return std::nullopt;
  }
  const std::optional<std::string_view> checked = entry_payload(entry, key);
  if (!checked) return std::nullopt;
  std::optional<FileRecords> records = decode_records(*checked, path);
  // Used now: among the last to be evicted. Marked at most hourly, as a run
  // that reads every file would otherwise write every entry's time. (A
  // failure only makes it older.)
  if (records && std::time(nullptr) - status.st_mtime > k_hour) ::futimens(file.get(), nullptr);
  return records;
}

bool RecordCache::store(std::string_view bytes, FileKind kind, const Limits& limits, const FileRecords& records,
                        diag::SourceName path) const {
  std::string key;
  const EntryName name = entry_name(bytes, kind, limits, key);
  const std::optional<std::string> payload = encode_records(records, path);
  if (!payload || payload->size() > largest_payload(bytes.size())) return false;  // it would never be read
  std::string entry(k_magic);
  put_fixed(entry, k_format, 4);
  entry += key;
  put_fixed(entry, payload->size(), 8);
  put_fixed(entry, XXH3_64bits(payload->data(), payload->size()), 8);
  entry += *payload;

  const int folder = shard(name.shard, true);
  if (folder < 0) return false;
  // What stands at the entry's name is replaced only when it is a file of the user's.
  struct stat status {};
  if (::fstatat(folder, name.file, &status, AT_SYMLINK_NOFOLLOW) == 0 &&
      (!S_ISREG(status.st_mode) || status.st_uid != ::geteuid())) {
    return false;
  }
  // Written beside its place and renamed into it, so that a reader sees a whole entry or none.
  const std::string temporary = temporary_name();
  Descriptor file(::openat(folder, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (file.get() < 0) return false;
  std::size_t written = 0;
  while (written < entry.size()) {
    const ssize_t n = ::write(file.get(), entry.data() + written, entry.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool whole = ::close(file.release()) == 0 && written == entry.size();
  if (whole && ::renameat(folder, temporary.c_str(), folder, name.file) == 0) return true;
  ::unlinkat(folder, temporary.c_str(), 0);
  return false;
}

void RecordCache::trim() const {
  struct Entry {
    timespec used;
    std::uintmax_t size;
    int folder;
    std::string name;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  // The names in a folder, read through a descriptor of its own, so that the folder's stays where it is.
  const auto names = [](int folder) {
    std::vector<std::string> out;
    const int listing = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* dir = listing >= 0 ? ::fdopendir(listing) : nullptr;
    if (dir == nullptr) {
      if (listing >= 0) ::close(listing);
      return out;
    }
    while (const dirent* entry = ::readdir(dir)) out.emplace_back(entry->d_name);
    ::closedir(dir);
    return out;
  };
  const std::time_t now = std::time(nullptr);
  for (const std::string& shard_name : names(m_entries)) {
    if (!is_hex(shard_name, 2)) continue;
    const int folder = shard(shard_name.c_str(), false);
    if (folder < 0) continue;
    for (std::string& name : names(folder)) {
      struct stat status {};
      if (::fstatat(folder, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(status.st_mode) ||
          status.st_uid != ::geteuid()) {
        continue;
      }
      if (name.starts_with(k_temporary) && is_hex(std::string_view(name).substr(k_temporary.size()), 16)) {
        if (now - status.st_mtime > k_hour) ::unlinkat(folder, name.c_str(), 0);  // left by a run that stopped
        continue;
      }
      // An entry: named as entries are, and starting as they do.
      char start[k_magic.size() + 4];
      const Descriptor file(::openat(folder, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
      if (!is_hex(name, 30) || file.get() < 0 || !read_at(file.get(), start, sizeof start, 0) ||
          std::string_view(start, k_magic.size()) != k_magic ||
          get_fixed(std::string_view(start, sizeof start), k_magic.size(), 4) != k_format) {
        continue;
      }
      total += static_cast<std::uintmax_t>(status.st_size);
      entries.push_back({status.st_mtim, static_cast<std::uintmax_t>(status.st_size), folder, std::move(name)});
    }
  }
  if (total <= m_bound) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::pair(a.used.tv_sec, a.used.tv_nsec) < std::pair(b.used.tv_sec, b.used.tv_nsec);
  });
  for (const Entry& entry : entries) {
    if (total <= m_bound / 5 * 4) break;
    if (::unlinkat(entry.folder, entry.name.c_str(), 0) == 0) total -= entry.size;
  }
}

}  // namespace hmicfrs::load
