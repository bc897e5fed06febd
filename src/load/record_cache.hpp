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
  // A cache in `directory` (created when first written) that `trim` keeps under `bound` bytes.
  RecordCache(std::filesystem::path directory, std::uintmax_t bound);

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
  // The entry's file name, and its key in `key`: a string, not a std::filesystem::path, which would split it into
  // parts for every file of a run.
  std::string entry_path(std::string_view bytes, FileKind kind, const Limits& limits, std::string& key) const;

  std::filesystem::path m_directory;
  std::string m_entries;  // the folder of this format's entries, ending in '/'
  std::uintmax_t m_bound;
};

// The payload of a whole entry (header and payload) checked against the key
// it should hold, or nothing (exposed for tests and fuzzing).
std::optional<std::string_view> entry_payload(std::string_view entry, std::string_view key);

}  // namespace hmicfrs::load
