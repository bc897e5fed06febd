#include <hmicfrs/util/suggest.hpp>

#include <algorithm>
#include <array>
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

namespace {

// closest_match, spending at most `budget` cells of edit distance (and
// taking them from it): past the budget, no further candidate is measured.
std::optional<std::string_view> closest_within(std::string_view word, std::span<const std::string_view> candidates,
                                               std::size_t& budget) {
  // A word this long is no misspelling of an id or a field, and a candidate
  // whose length differs by more than the edits allowed cannot be within
  // them, so neither is measured.
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
    const std::size_t cost = (needle.size() + 1) * (hay.size() + 1);
    if (!prefix && cost > budget) break;
    if (!prefix) budget -= cost;
    const std::size_t distance = prefix ? 1 : edit_distance(needle, hay);
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

}  // namespace

std::optional<std::string_view> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  std::size_t unbounded = static_cast<std::size_t>(-1);
  return closest_within(word, candidates, unbounded);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const auto nearest = closest_match(word, candidates);
  if (!nearest) return "";
  const bool case_only = lowered(*nearest) == lowered(word);
  return ": did you mean '" + std::string(*nearest) + "'?" + (case_only ? " (case matters)" : "");
}

namespace {

constexpr std::size_t k_scanned_in_full = 256;
constexpr std::size_t k_shortlist = 16;

// `text` with the character at `i` left out.
std::string without(const std::string& text, std::size_t i) { return text.substr(0, i) + text.substr(i + 1); }

}  // namespace

Suggester::Suggester(std::vector<std::string_view> candidates) : m_candidates(std::move(candidates)) {
  if (m_candidates.size() <= k_scanned_in_full) return;
  m_lowered.reserve(m_candidates.size());
  for (std::uint32_t i = 0; i < m_candidates.size(); ++i) {
    m_lowered.push_back(m_candidates[i].size() <= k_longest_suggested ? lowered(m_candidates[i]) : std::string());
    const std::string& text = m_lowered.back();
    if (text.empty()) continue;
    m_variants[text].push_back(i);
    for (std::size_t k = 0; k < text.size(); ++k) m_variants[without(text, k)].push_back(i);
  }
  m_sorted.reserve(m_lowered.size());
  for (std::uint32_t i = 0; i < m_lowered.size(); ++i) m_sorted.emplace_back(m_lowered[i], i);
  std::sort(m_sorted.begin(), m_sorted.end());
}

std::optional<std::string_view> Suggester::closest(std::string_view word) const {
  if (m_candidates.size() <= k_scanned_in_full) return closest_within(word, m_candidates, m_budget);
  if (word.size() > k_longest_suggested) return std::nullopt;
  // Within one edit: the word itself, or the word less one character, among
  // the candidates and the candidates less one character.
  const std::string needle = lowered(word);
  std::vector<std::uint32_t> near;
  const auto gather = [&](const std::string& key) {
    if (const auto it = m_variants.find(key); it != m_variants.end())
      near.insert(near.end(), it->second.begin(), it->second.end());
  };
  gather(needle);
  for (std::size_t k = 0; k < needle.size(); ++k) gather(without(needle, k));
  // Truncations: the first few candidates that start with the word, in order.
  if (needle.size() >= 3) {
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::pair<std::string_view, std::uint32_t>{needle, 0});
    for (int taken = 0; it != m_sorted.end() && it->first.starts_with(needle) && taken < 8; ++it, ++taken) {
      near.push_back(it->second);
    }
  }
  // Extensions: candidates that the word starts with.
  for (std::size_t length = needle.size(); length-- > 3;) {
    if (const auto it = m_variants.find(needle.substr(0, length)); it != m_variants.end()) {
      for (const std::uint32_t i : it->second) {
        if (m_lowered[i].size() == length) near.push_back(i);
      }
    }
  }
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  // The first few near candidates are measured: within one edit, few differ, and the work stays bounded.
  std::vector<std::string_view> shortlist;
  for (std::size_t k = 0; k < near.size() && k < k_shortlist; ++k) shortlist.push_back(m_candidates[near[k]]);
  return closest_within(word, shortlist, m_budget);
}

std::string Suggester::did_you_mean(std::string_view word) const {
  const auto nearest = closest(word);
  if (!nearest) return "";
  return util::did_you_mean(word, std::array{*nearest});
}

std::string join_alternatives(std::span<const std::string_view> candidates, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) out += i + 1 == candidates.size() ? last_separator : std::string_view(", ");
    out += candidates[i];
  }
  return out;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace hmicfrs::util
