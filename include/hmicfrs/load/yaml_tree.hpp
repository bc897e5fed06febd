#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/load/loader.hpp>

namespace hmicfrs::load {

struct MapEntry;

// A YAML node as the loader keeps it: plain values only (no anchors, tags or
// aliases), each with its 1-based line and character column, and the byte
// where it starts (a list's "[" or first "-", a scalar's quote), counted in
// the bytes given to parse_yaml, a byte order mark included, for `edit/`,
// which adds to a file where the tree says.
struct Node {
  enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  bool flow = false;  // a list or mapping written inline, in [...] or {...}
  int line = 0;
  int column = 0;
  std::size_t offset = 0;
  std::string text;               // a scalar's value
  std::vector<Node> items;        // a sequence's items
  std::vector<MapEntry> entries;  // a mapping's entries, in file order, keys unique

  // The value of `key` in a mapping, or nullptr.
  const Node* find(std::string_view key) const;
};

// One key of a mapping with its value.
struct MapEntry {
  std::string key;
  int line = 0;
  int column = 0;
  std::size_t offset = 0;  // the key's first byte
  Node value;
};

// "a mapping", "a list", "text" or "nothing": what a node is, for messages.
std::string_view describe(Node::Kind kind);

// Parses one file's bytes into a tree. Every problem goes to `diagnostics`;
// returns nothing when the file cannot be used at all. An empty file gives a
// null node at line 1, column 1.
std::optional<Node> parse_yaml(std::string_view bytes, diag::SourceName path, const Limits& limits,
                               diag::Diagnostics& diagnostics);

}  // namespace hmicfrs::load
