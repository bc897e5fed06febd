#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hmicfrs::util {

// Edit distance (insertions, deletions, substitutions, adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate a misspelt `word` most likely meant, if any is close enough.
// Case is ignored; a candidate that differs only in case wins outright. Else
// the fewest edits wins (a word that extends or truncates a candidate counts
// as one), then the length nearest the word's, then the candidate listed
// first. Words over 200 characters get no suggestion.
std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// ": did you mean 'x'?" when a candidate is close to `word`, else "": how every
// message suggests. "(case matters)" follows when only case differs.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// Suggestions among one set of candidates that may be large (every finding of
// a register): indexed once, so that each word costs about its own length,
// not the number of candidates. Up to 256 candidates, it gives what
// closest_match gives; beyond, the nearest of the first 16 candidates that
// differ from a word by case, by one edit, or by extending or truncating it.
// Over its life it measures at most 10 million cells of edit distance: past
// that budget (only hostile input reaches it) it stops suggesting.
class Suggester {
 public:
  // The candidates are kept as views: they must outlive the suggester.
  explicit Suggester(std::vector<std::string_view> candidates);
  Suggester(const Suggester&) = delete;  // its index views its own strings
  Suggester& operator=(const Suggester&) = delete;

  // ": did you mean 'x'?", as did_you_mean.
  std::string did_you_mean(std::string_view word) const;

  std::optional<std::string_view> closest(std::string_view word) const;

 private:
  std::vector<std::string_view> m_candidates;
  std::vector<std::string> m_lowered;  // for the large case
  std::unordered_map<std::string, std::vector<std::uint32_t>>
      m_variants;                                                    // a lowered candidate, and it less one character
  std::vector<std::pair<std::string_view, std::uint32_t>> m_sorted;  // lowered candidates, sorted
  mutable std::size_t m_budget = 10'000'000;                         // cells of edit distance left
};

// Whether two words are the same but for the case of their ASCII letters.
bool same_ignoring_case(std::string_view a, std::string_view b);

// "a, b or c": candidates joined for a message.
std::string join_alternatives(std::span<const std::string_view> candidates, std::string_view last_separator = " or ");

}  // namespace hmicfrs::util
