#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <hmicfrs/edit/history.hpp>

namespace hmicfrs::edit {
namespace {

// The lines of `text`, each with its line break; the last one without, when the text does not end in one.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size() - 1) + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// "@@ -a,b" and the like: a range of `count` lines from `first` (0-based); an empty range names the line before it.
std::string range(std::size_t first, std::size_t count) {
  return count == 1 ? fmt::format("{}", first + 1) : fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

void add_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

// A stretch of changed lines: [old_first, old_end) of the text before, [new_first, new_end) of the text after.
struct Change {
  std::size_t old_first, old_end, new_first, new_end;
};

constexpr std::size_t k_context = 3;

// The hunks of `changes` (in order, apart), each with three lines of context, joined where their context meets.
std::string hunks(const std::vector<std::string_view>& old_lines, const std::vector<std::string_view>& new_lines,
                  const std::vector<Change>& changes, std::string_view name) {
  if (changes.empty()) return {};
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", name, name);
  for (std::size_t first = 0; first < changes.size();) {
    std::size_t last = first;
    while (last + 1 < changes.size() && changes[last + 1].old_first - changes[last].old_end <= 2 * k_context) ++last;
    const Change& a = changes[first];
    const Change& z = changes[last];
    const std::size_t old_start = a.old_first - std::min(a.old_first, k_context);
    const std::size_t old_stop = std::min(old_lines.size(), z.old_end + k_context);
    const std::size_t new_start = a.new_first - (a.old_first - old_start);
    const std::size_t new_stop = z.new_end + (old_stop - z.old_end);
    out +=
        fmt::format("@@ -{} +{} @@\n", range(old_start, old_stop - old_start), range(new_start, new_stop - new_start));
    std::size_t cursor = old_start;
    for (std::size_t c = first; c <= last; ++c) {
      for (; cursor < changes[c].old_first; ++cursor) add_line(out, ' ', old_lines[cursor]);
      for (std::size_t i = changes[c].old_first; i < changes[c].old_end; ++i) add_line(out, '-', old_lines[i]);
      for (std::size_t i = changes[c].new_first; i < changes[c].new_end; ++i) add_line(out, '+', new_lines[i]);
      cursor = changes[c].old_end;
    }
    for (; cursor < old_stop; ++cursor) add_line(out, ' ', old_lines[cursor]);
    first = last + 1;
  }
  return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return {};
  const std::vector<std::string_view> old_lines = lines_of(before);
  const std::vector<std::string_view> new_lines = lines_of(after);
  std::size_t prefix = 0;
  while (prefix < old_lines.size() && prefix < new_lines.size() && old_lines[prefix] == new_lines[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < old_lines.size() - prefix && suffix < new_lines.size() - prefix &&
         old_lines[old_lines.size() - 1 - suffix] == new_lines[new_lines.size() - 1 - suffix]) {
    ++suffix;
  }
  return hunks(old_lines, new_lines, {{prefix, old_lines.size() - suffix, prefix, new_lines.size() - suffix}}, name);
}

void add_insertion(std::vector<Insertion>& insertions, std::size_t offset, std::size_t size) {
  std::size_t shift = 0;  // bytes inserted before the insertion looked at
  for (std::size_t k = 0; k < insertions.size(); ++k) {
    const std::size_t start = insertions[k].at + shift;
    if (offset <= start) {
      insertions.insert(insertions.begin() + static_cast<std::ptrdiff_t>(k),
                        Insertion{offset == start ? insertions[k].at : offset - shift, size});
      return;
    }
    if (offset < start + insertions[k].size) {  // within text inserted before: part of it now
      insertions[k].size += size;
      return;
    }
    shift += insertions[k].size;
  }
  insertions.push_back({offset - shift, size});
}

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         std::span<const Insertion> insertions) {
  const std::vector<std::string_view> old_lines = lines_of(before);
  const std::vector<std::string_view> new_lines = lines_of(after);
  // Each insertion's text, and where each line of the text before starts.
  std::vector<std::string_view> inserted;
  std::size_t shift = 0;
  for (const Insertion& insertion : insertions) {
    inserted.push_back(after.substr(insertion.at + shift, insertion.size));
    shift += insertion.size;
  }
  // The lines of the text before that come through whole, each with where it starts in the text after: a line is
  // changed when an insertion falls inside it, is appended to it (a last line without a line break), or is
  // prefixed to it (inserted text that does not end a line).
  std::vector<std::pair<std::size_t, std::size_t>> kept;  // (line before, its first byte after)
  std::size_t k = 0;
  shift = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < old_lines.size(); ++i) {
    const std::size_t line_end = line_start + old_lines[i].size();
    bool changed = false;
    for (; k < insertions.size() && insertions[k].at <= line_start; ++k) {
      if (insertions[k].at == line_start && !inserted[k].ends_with('\n')) changed = true;
      shift += insertions[k].size;
    }
    for (std::size_t m = k; m < insertions.size() && insertions[m].at <= line_end; ++m) {
      if (insertions[m].at < line_end || !old_lines[i].ends_with('\n')) changed = true;
    }
    if (!changed) kept.emplace_back(i, line_start + shift);
    line_start = line_end;
  }
  // Paired with the lines of the text after that start where they went.
  std::vector<Change> changes;
  std::size_t old_next = 0;
  std::size_t new_next = 0;
  std::size_t new_start = 0;
  std::size_t j = 0;
  // A stretch between kept lines, less the lines it begins and ends with unchanged (an entry inserted before a
  // line's break changes none of its text).
  const auto add_change = [&](Change c) {
    while (c.old_first < c.old_end && c.new_first < c.new_end && old_lines[c.old_first] == new_lines[c.new_first]) {
      ++c.old_first;
      ++c.new_first;
    }
    while (c.old_first < c.old_end && c.new_first < c.new_end && old_lines[c.old_end - 1] == new_lines[c.new_end - 1]) {
      --c.old_end;
      --c.new_end;
    }
    if (c.old_first < c.old_end || c.new_first < c.new_end) changes.push_back(c);
  };
  const auto pair_up = [&](std::size_t old_line, std::size_t new_line) {
    add_change({old_next, old_line, new_next, new_line});
    old_next = old_line + 1;
    new_next = new_line + 1;
  };
  for (const auto& [old_line, start] : kept) {
    while (j < new_lines.size() && new_start < start) new_start += new_lines[j++].size();
    if (j < new_lines.size() && new_start == start && new_lines[j] == old_lines[old_line]) pair_up(old_line, j);
  }
  add_change({old_next, old_lines.size(), new_next, new_lines.size()});
  return hunks(old_lines, new_lines, changes, name);
}

}  // namespace hmicfrs::edit
