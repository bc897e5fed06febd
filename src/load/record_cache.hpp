#pragma once

// The parse cache: what each file gave (its records and its diagnostics),
// kept between runs under a hash of everything that shapes it: the file's
// bytes, its kind, the loader's limits, the version, and the digest of the
// decoding code and the built-in catalogue taken at build time. A run then
// reads, hashes and decodes an entry instead of parsing and decoding YAML.
// Private to load/.
//
// An entry is untrusted input: it starts with a magic word, the format, the
// key it was written for and its payload's length and checksum, and its
// payload is read with every count, enum and date checked (record_codec).
// An entry that fails any check is ignored (and replaced); a cache that
// cannot be read or written is skipped without a word.
//
// The cache cannot be turned against the user's files: below its folder it
// follows no link (every folder and file is opened relative to its parent's
// descriptor, with O_NOFOLLOW), and it creates, reads, replaces and deletes
// only its own folders (records-vN and its 256 shards) and plain files that
// are the user's, named as it names them and, for a deletion, starting with
// its header. An entry's size is checked against its header and a bound
// before anything is allocated for it.

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/load/loader.hpp>

#include "record_codec.hpp"

namespace hmicfrs::load {

class RecordCache {
 public:
  // The cache in `directory` (created when missing) that `trim` keeps under
  // `bound` bytes, for the register at `register_root`; nothing when it cannot
  // be used safely: the folder, reached through whatever links lead to it, is
  // not the user's, is writable by group or others, lies inside the register
  // or holds it, or its entries' folder cannot be made.
  static std::optional<RecordCache> open(const std::filesystem::path& directory, std::uintmax_t bound,
                                         const std::filesystem::path& register_root);

  RecordCache(RecordCache&& other) noexcept;
  RecordCache& operator=(RecordCache&&) = delete;
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;
  ~RecordCache();

  // What a file of `kind` holding `bytes` gave under `limits`, its locations
  // placed in `path`, when an intact entry holds it.
  std::optional<FileRecords> find(std::string_view bytes, FileKind kind, const Limits& limits,
                                  diag::SourceName path) const;

  // Keeps what the file at `path` gave, written atomically; false when it was not kept.
  bool store(std::string_view bytes, FileKind kind, const Limits& limits, const FileRecords& records,
             diag::SourceName path) const;

  // Removes the least recently used entries until the cache is under four fifths of its bound.
  void trim() const;

 private:
  RecordCache(int entries, std::uintmax_t bound);

  // The name of the entry for these bytes (shard and file), and its key in `key`.
  struct EntryName {
    char shard[3];
    char file[31];
  };
  EntryName entry_name(std::string_view bytes, FileKind kind, const Limits& limits, std::string& key) const;

  // The folder of a shard, opened (and made, when `make`) once per run and kept; -1 when it cannot be.
  int shard(const char* name, bool make) const;

  int m_entries;  // this format's folder, records-vN, opened without following a link
  std::uintmax_t m_bound;
  mutable std::array<std::atomic<int>, 256> m_shards;  // by the shard's number; -1 until opened
};

// The payload of a whole entry (header and payload) checked against the key
// it should hold, or nothing (exposed for tests and fuzzing).
std::optional<std::string_view> entry_payload(std::string_view entry, std::string_view key);

}  // namespace hmicfrs::load
