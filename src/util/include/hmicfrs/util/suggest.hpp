#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// "a, b or c": candidates joined for a message.
std::string join_alternatives(std::span<const std::string_view> candidates, std::string_view last_separator = " or ");

}  // namespace hmicfrs::util
