#include <array>
#include <string>

#include <gtest/gtest.h>

#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::util {
namespace {

constexpr std::array<std::string_view, 3> k_rags{"red", "amber", "green"};
constexpr std::array<std::string_view, 4> k_fields{"title", "type", "text", "owner"};

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("amber", "amber"), 0u);
  EXPECT_EQ(edit_distance("ambr", "amber"), 1u);
  EXPECT_EQ(edit_distance("anber", "amber"), 1u);
  EXPECT_EQ(edit_distance("mabre", "amber"), 2u);
  EXPECT_EQ(edit_distance("titel", "title"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ClosestMatch, SuggestsNearMissesAndExtensions) {
  EXPECT_EQ(closest_match("amberish", k_rags), "amber");
  EXPECT_EQ(closest_match("AMBER", k_rags), "amber");
  EXPECT_EQ(closest_match("gren", k_rags), "green");
  EXPECT_EQ(closest_match("titel", k_fields), "title");
  EXPECT_EQ(closest_match("ownr", k_fields), "owner");
}

TEST(ClosestMatch, PrefersADifferenceOfCaseAloneThenFewestEditsThenNearestLength) {
  constexpr std::array<std::string_view, 6> k_refs{"peel-2021-22/AFI1",  "peel-2021-22/AFI10", "peel-2021-22/AFI5",
                                                   "peel-2021-22/AFI50", "peel-2021-22/NF1",   "peel-2021-22/CoC1"};
  EXPECT_EQ(closest_match("peel-2021-22/afi5", k_refs), "peel-2021-22/AFI5");
  EXPECT_EQ(closest_match("peel-2021-22/coc1", k_refs), "peel-2021-22/CoC1");
  // "AFI" truncates every AFI ref (one edit each): the shortest, nearest in length, wins.
  constexpr std::array<std::string_view, 3> k_afis{"AFI10", "AFI1", "AFI2"};
  EXPECT_EQ(closest_match("AFI", k_afis), "AFI1");
  // Equal in edits and length: the one listed first.
  constexpr std::array<std::string_view, 2> k_tied{"cost", "coat"};
  EXPECT_EQ(closest_match("cot", k_tied), "cost");
}

TEST(ClosestMatch, DoesNotMeasureWordsTooLongToBeMisspellings) {
  const std::string long_word(1'000'000, 'a');
  constexpr std::array<std::string_view, 1> k_one{"aaaa"};
  EXPECT_FALSE(closest_match(long_word, k_one));
  EXPECT_FALSE(closest_match("aaaa", std::array<std::string_view, 1>{std::string_view(long_word)}));
}

TEST(ClosestMatch, StaysQuietWhenNothingIsClose) {
  EXPECT_FALSE(closest_match("purple", k_rags));
  EXPECT_FALSE(closest_match("summary", k_fields));
}

TEST(JoinAlternatives, ReadsAsAList) {
  EXPECT_EQ(join_alternatives(k_rags), "red, amber or green");
  EXPECT_EQ(join_alternatives(std::span(k_rags).first(1)), "red");
  EXPECT_EQ(join_alternatives(k_rags, ", "), "red, amber, green");
}

}  // namespace
}  // namespace hmicfrs::util
