#include <hmicfrs/util/suggest.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace hmicfrs::util {
namespace {

constexpr std::size_t k_longest_suggested = 200;

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
  // Work is bounded: a word this long is no misspelling of an id or a field,
  // and a candidate whose length differs by more than the edits allowed
  // cannot be within them, so neither is measured.
  if (word.size() > k_longest_suggested) return std::nullopt;
  const std::string needle = lowered(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  std::size_t best_gap = 0;
  for (const std::string_view candidate : candidates) {
    if (candidate.size() > k_longest_suggested) continue;
    const std::string hay = lowered(candidate);
    // The same but for case ("afi5" for "AFI5") is the answer, whatever else is near.
    if (hay == needle) return candidate;
    // A word that extends or truncates a candidate ("amberish", "2021") is the
    // likeliest meaning, whatever its length difference.
    const bool prefix =
        std::min(needle.size(), hay.size()) >= 3 && (needle.starts_with(hay) || hay.starts_with(needle));
    const std::size_t allowed = std::max<std::size_t>(2, hay.size() / 3);
    const std::size_t gap = needle.size() > hay.size() ? needle.size() - hay.size() : hay.size() - needle.size();
    if (!prefix && gap > allowed) continue;
    std::size_t distance = prefix ? 1 : edit_distance(needle, hay);
    // More edits than half the word is a different word ("a" is not "b").
    const bool close = distance <= allowed && distance * 2 <= std::max(needle.size(), hay.size());
    if (!close && !prefix) continue;
    // The fewest edits wins; then the length nearest the word's; then the candidate listed first.
    if (!best || distance < best_distance || (distance == best_distance && gap < best_gap)) {
      best = candidate;
      best_distance = distance;
      best_gap = gap;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const auto nearest = closest_match(word, candidates);
  if (!nearest) return "";
  const bool case_only = lowered(*nearest) == lowered(word);
  return ": did you mean '" + std::string(*nearest) + "'?" + (case_only ? " (case matters)" : "");
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
