#include <hmicfrs/util/suggest.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace hmicfrs::util {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over three rolling rows.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string needle = lowered(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (const std::string_view candidate : candidates) {
    const std::string hay = lowered(candidate);
    std::size_t distance = edit_distance(needle, hay);
    // A word that extends or truncates a candidate ("amberish", "2021") is the
    // likeliest meaning, whatever its length difference.
    const bool prefix =
        std::min(needle.size(), hay.size()) >= 3 && (needle.starts_with(hay) || hay.starts_with(needle));
    const std::size_t allowed = std::max<std::size_t>(2, hay.size() / 3);
    // More edits than half the word is a different word ("a" is not "b").
    const bool close = distance <= allowed && distance * 2 <= std::max(needle.size(), hay.size());
    if (!close && !prefix) continue;
    if (prefix) distance = 1;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const auto nearest = closest_match(word, candidates);
  return nearest ? ": did you mean '" + std::string(*nearest) + "'?" : std::string();
}

std::string join_alternatives(std::span<const std::string_view> candidates, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) out += i + 1 == candidates.size() ? last_separator : std::string_view(", ");
    out += candidates[i];
  }
  return out;
}

}  // namespace hmicfrs::util
