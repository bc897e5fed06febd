#pragma once

// The parse cache: the tree each YAML file parsed to, kept between runs,
// keyed by a hash of the file's bytes. Parsing (yaml-cpp's scanner) is nearly
// all of a run's work; decoding a tree is cheap, so the decoder runs every
// time and its diagnostics come out as they would without the cache. Only a
// file that parsed without any diagnostic is cached. Private to load/.
//
// An entry is untrusted input: it starts with a magic word, the format, the
// key it was written for and its payload's length and checksum, and is
// decoded with every count and depth checked against what is left and the
// loader's limits. An entry that fails any check is ignored (and replaced);
// a cache that cannot be read or written is skipped without a word.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "yaml_tree.hpp"

namespace hmicfrs::load {

class TreeCache {
 public:
  // A cache in `directory` (created when first written) that `trim` keeps under `bound` bytes.
  TreeCache(std::filesystem::path directory, std::uintmax_t bound)
      : m_directory(std::move(directory)), m_bound(bound) {}

  // The tree `bytes` parsed to under `limits`, when an intact entry holds it.
  std::optional<Node> find(std::string_view bytes, const Limits& limits) const;

  // Keeps `tree`, which `bytes` parsed to without diagnostics, written atomically.
  void store(std::string_view bytes, const Limits& limits, const Node& tree) const;

  // Removes the least recently used entries until the cache is under four fifths of its bound.
  void trim() const;

 private:
  std::filesystem::path entry_path(std::string_view bytes, const Limits& limits, std::string& key) const;

  std::filesystem::path m_directory;
  std::uintmax_t m_bound;
};

// A tree as an entry's payload, and back: nothing when the payload is not one
// that encode_tree wrote, or breaks `limits` (exposed for tests and fuzzing).
std::string encode_tree(const Node& tree);
std::optional<Node> decode_tree(std::string_view payload, const Limits& limits);

// A whole entry (header and payload) checked against the key it should hold.
std::optional<Node> read_entry(std::string_view entry, std::string_view key, const Limits& limits);

}  // namespace hmicfrs::load
