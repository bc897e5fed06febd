#include <algorithm>
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
  constexpr std::size_t k_context = 3;
  const std::size_t first = prefix - std::min(prefix, k_context);
  const std::size_t after_context = std::min(suffix, k_context);
  const std::size_t old_end = old_lines.size() - suffix;
  const std::size_t new_end = new_lines.size() - suffix;

  std::string out =
      fmt::format("--- a/{}\n+++ b/{}\n@@ -{} +{} @@\n", name, name, range(first, old_end + after_context - first),
                  range(first, new_end + after_context - first));
  for (std::size_t i = first; i < prefix; ++i) add_line(out, ' ', old_lines[i]);
  for (std::size_t i = prefix; i < old_end; ++i) add_line(out, '-', old_lines[i]);
  for (std::size_t i = prefix; i < new_end; ++i) add_line(out, '+', new_lines[i]);
  for (std::size_t i = old_end; i < old_end + after_context; ++i) add_line(out, ' ', old_lines[i]);
  return out;
}

}  // namespace hmicfrs::edit
