#pragma once

// A register's files edited, not rewritten: one history entry added to a
// finding in the bytes of its inspection file, written in the style of the
// entries above it, every other byte kept (comments, blank lines, quoting, key
// order, flow or block style, line endings, a byte order mark, a missing final
// newline). What `update` writes, and what `collect` and `import --add` will.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/util/result.hpp>

namespace hmicfrs::edit {

// One field of a history entry: its key, and its value as the loader reads it back; `verbatim` for a value written
// as it is (a date), else it is quoted where YAML needs it.
struct Field {
  std::string key;
  std::string value;
  bool verbatim = false;

  bool operator==(const Field&) const = default;
};

// One history entry's fields, in any order: they are written in the order of the finding's own entries, and
// where those do not say, in the usual order (date or as_at, status, rag, by, owner, due, note).
struct NewEntry {
  std::vector<Field> fields;
};

// What adding the entry did to the file: its bytes after, and where the new ones are.
struct AddedEntry {
  std::string bytes;
  std::size_t offset = 0;  // the first byte inserted
  std::size_t size = 0;    // how many bytes were inserted there; nothing else changed
};

// `bytes` (an inspection file that loads without errors) with `entry` added
// last to the history of its finding `ref`. An error, in words for the user,
// when the file holds no such finding, or its history is written in a way the
// entry cannot join (then the file is to be edited by hand). The result is
// parsed again and must read as the file did with the entry added, and
// nothing else; else an error, never a changed file.
util::Result<AddedEntry> add_history_entry(std::string_view bytes, std::string_view ref, const NewEntry& entry);

// Bytes inserted into a text: where, as a byte of the text before any insertion, and how many.
struct Insertion {
  std::size_t at = 0;
  std::size_t size = 0;
};

// An entry to add to the finding `ref` of a file.
struct FindingEntry {
  std::string_view ref;
  const NewEntry* entry = nullptr;
};

// What adding several entries to a file did: its bytes after, and what was inserted where (as bytes of the file
// before).
struct AddedEntries {
  std::string bytes;
  std::vector<Insertion> insertions;
};

// `bytes` with each of `entries` added as add_history_entry adds one, each to a different finding: placed at once
// in the file as it is and read back once (a file's time, however many entries), else one after another; an error,
// naming the finding, when one cannot be added.
util::Result<AddedEntries> add_history_entries(std::string_view bytes, std::span<const FindingEntry> entries);

// `before` and `after` as a unified diff of one hunk with three lines of
// context (after differs from before in one stretch, as an edit makes it),
// headed "--- a/NAME" and "+++ b/NAME"; empty when they are the same.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

// `after` is `before` with `insertions` made (in the order of `at`; of two at one place, the first listed comes
// first): the unified diff of a hunk per stretch of changed lines, three lines of context, hunks whose context
// would meet joined, as `diff -u` writes it.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         std::span<const Insertion> insertions);

// The insertions so far (as `Insertion`s of the text before any), with one more made at `offset` of the text as it
// now is, `size` bytes long: how a file's several edits are told apart for its diff.
void add_insertion(std::vector<Insertion>& insertions, std::size_t offset, std::size_t size);

}  // namespace hmicfrs::edit
