#include "record_cache.hpp"

#include "compiled_catalogue.hpp"

#include "file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <system_error>
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

void put_fixed(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_fixed(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return value;
}

// The whole of a cache entry, or nothing: never through a link, never one over 1 GiB.
std::optional<FileRead> slurp(const std::string& path) {
  FileRead read = read_regular_file(path.c_str(), std::uintmax_t{1} << 30, true);
  if (read.problem != FileRead::Problem::none || read.bytes.size() != read.size) return std::nullopt;
  return read;
}

}  // namespace

std::optional<std::string_view> entry_payload(std::string_view entry, std::string_view key) {
  if (entry.size() < k_header_size || entry.substr(0, k_magic.size()) != k_magic) return std::nullopt;
  std::size_t at = k_magic.size();
  if (get_fixed(entry, at, 4) != k_format) return std::nullopt;
  at += 4;
  if (entry.substr(at, k_key_size) != key) return std::nullopt;
  at += k_key_size;
  const std::uint64_t size = get_fixed(entry, at, 8);
  const std::uint64_t checksum = get_fixed(entry, at + 8, 8);
  const std::string_view payload = entry.substr(k_header_size);
  if (size != payload.size() || XXH3_64bits(payload.data(), payload.size()) != checksum) return std::nullopt;
  return payload;
}

RecordCache::RecordCache(fs::path directory, std::uintmax_t bound)
    : m_directory(std::move(directory)),
      m_entries((m_directory / fmt::format("records-v{}", k_format)).string() + "/"),
      m_bound(bound) {}

std::string RecordCache::entry_path(std::string_view bytes, FileKind kind, const Limits& limits,
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
  return m_entries + hex.substr(0, 2) + "/" + hex.substr(2);
}

std::optional<FileRecords> RecordCache::find(std::string_view bytes, FileKind kind, const Limits& limits,
                                             diag::SourceName path) const {
  std::string key;
  const std::string entry_file = entry_path(bytes, kind, limits, key);
  const std::optional<FileRead> entry = slurp(entry_file);
  if (!entry) return std::nullopt;
  const std::optional<std::string_view> payload = entry_payload(entry->bytes, key);
  if (!payload) return std::nullopt;
  std::optional<FileRecords> records = decode_records(*payload, path);
  // Used now: among the last to be evicted. Marked at most hourly, as a run
  // that reads every file would otherwise write every entry's time. (A
  // failure only makes it older.)
  if (records && std::time(nullptr) - entry->modified > 3600) ::utimensat(AT_FDCWD, entry_file.c_str(), nullptr, 0);
  return records;
}

bool RecordCache::store(std::string_view bytes, FileKind kind, const Limits& limits, const FileRecords& records,
                        diag::SourceName path) const {
  std::string key;
  const fs::path entry_file = entry_path(bytes, kind, limits, key);
  const std::optional<std::string> payload = encode_records(records, path);
  if (!payload) return false;
  std::string entry(k_magic);
  put_fixed(entry, k_format, 4);
  entry += key;
  put_fixed(entry, payload->size(), 8);
  put_fixed(entry, XXH3_64bits(payload->data(), payload->size()), 8);
  entry += *payload;

  std::error_code ec;
  fs::create_directories(entry_file.parent_path(), ec);
  if (ec) return false;
  // Written beside its place and renamed into it, so that a reader sees a whole entry or none.
  std::string temporary = entry_file.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < entry.size()) {
    const ssize_t n = ::write(fd, entry.data() + written, entry.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = ::close(fd) == 0 && written == entry.size();
  if (ok && std::rename(temporary.c_str(), entry_file.c_str()) == 0) return true;
  ::unlink(temporary.c_str());
  return false;
}

void RecordCache::trim() const {
  struct Entry {
    fs::file_time_type used;
    std::uintmax_t size;
    fs::path path;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  const fs::path entries_dir = m_directory / fmt::format("records-v{}", k_format);
  for (fs::recursive_directory_iterator it(entries_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::uintmax_t size = it->file_size(ec);
    const fs::file_time_type used = it->last_write_time(ec);
    if (ec) {
      ec.clear();
      continue;
    }
    total += size;
    entries.push_back({used, size, it->path()});
  }
  if (total <= m_bound) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& entry : entries) {
    if (total <= m_bound / 5 * 4) break;
    if (fs::remove(entry.path, ec)) total -= entry.size;
  }
}

}  // namespace hmicfrs::load
