#include <array>

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
