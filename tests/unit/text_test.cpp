#include <algorithm>
#include <future>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <hmicfrs/model/text.hpp>

namespace hmicfrs::model {
namespace {

TEST(ModelWord, IsItsText) {
  const Interned owner("Assistant Chief Constable (Crime)");
  EXPECT_EQ(owner.view(), "Assistant Chief Constable (Crime)");
  EXPECT_EQ(owner.size(), 33u);
  EXPECT_EQ(owner.data()[owner.size()], '\0');
  EXPECT_EQ(owner.str(), std::string("Assistant Chief Constable (Crime)"));
  EXPECT_EQ(fmt::format("[{}]", owner), "[Assistant Chief Constable (Crime)]");
  EXPECT_EQ(fmt::format("[{:>6}]", Interned("red")), "[   red]");
}

TEST(ModelWord, IsEmptyByDefaultAndFromEmptyText) {
  EXPECT_TRUE(Interned().empty());
  EXPECT_TRUE(Interned("").empty());
  EXPECT_EQ(Interned(), Interned(""));
  EXPECT_EQ(Interned().view(), "");
  EXPECT_EQ(Interned().data()[0], '\0');
}

TEST(ModelWord, KeepsEachTextOnceAndComparesByText) {
  const std::string text = "public-protection";
  const Interned a(text);
  const Interned b(std::string_view("public-protection"));
  EXPECT_EQ(a.data(), b.data());  // one copy, in one thread
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, "public-protection");
  EXPECT_EQ(a, text);
  EXPECT_EQ("public-protection", a);
  EXPECT_NE(a, Interned("public-protectio"));
  EXPECT_LT(Interned("amber"), Interned("green"));
  EXPECT_LT(Interned("amber"), "amberx");
  EXPECT_EQ(std::set<Interned>({Interned("red"), Interned("amber"), Interned("red")}).size(), 2u);
}

TEST(ModelWord, ComparesWithAStringViewEitherWayRound) {
  // Not ambiguous with the standard library's string_view comparisons (clang once found it so).
  const std::string_view view = "crime";
  const Interned word("crime");
  EXPECT_TRUE(word == view);
  EXPECT_TRUE(view == word);
  EXPECT_FALSE(view != word);
  EXPECT_TRUE(Interned("a") < std::string_view("b"));
  EXPECT_TRUE(std::string_view("a") < Interned("b"));
  const std::vector<std::string_view> ids = {"public-protection", "crime"};
  EXPECT_EQ(std::find(ids.begin(), ids.end(), word), ids.begin() + 1);
}

TEST(ModelWord, HoldsWhatAnyScalarMayHold) {
  const std::string nul("a\0b", 3);
  EXPECT_EQ(Interned(nul).view(), nul);
  const std::string long_word(1 << 20, 'x');  // as long as the loader lets a scalar be: a block of its own
  EXPECT_EQ(Interned(long_word).view(), long_word);
  EXPECT_EQ(Interned("after it").view(), "after it");
}

TEST(ModelWord, ComparesEqualAcrossThreads) {
  // Each thread keeps its own words: the same text made in two threads is two copies, equal.
  const Interned here("Director of People");
  const Interned there = std::async(std::launch::async, [] { return Interned("Director of People"); }).get();
  EXPECT_EQ(here, there);
  EXPECT_EQ(there.view(), "Director of People");
}

TEST(ModelWord, StaysValidAsMoreWordsAreMade) {
  std::vector<std::pair<Interned, std::string>> made;
  for (int i = 0; i < 100'000; ++i) {
    std::string text = fmt::format("force-{}/R{}", i % 43, i);
    made.emplace_back(Interned(text), std::move(text));
  }
  for (const auto& [word, text] : made) ASSERT_EQ(word.view(), text);
}

TEST(ModelText, OwnsItsCharacters) {
  std::string source = "Progress reviewed; on track";
  Text note(source);
  source.assign("changed");
  EXPECT_EQ(note.view(), "Progress reviewed; on track");
  EXPECT_EQ(note.data()[note.size()], '\0');
  EXPECT_EQ(fmt::format("<{}>", note), "<Progress reviewed; on track>");
  EXPECT_EQ(note, "Progress reviewed; on track");
  EXPECT_LT(note, Text("Q"));
  EXPECT_EQ(note, Interned("Progress reviewed; on track"));
}

TEST(ModelText, CopiesDeeplyAndMovesByPointer) {
  Text a("Training delivered to response teams");
  Text copy = a;
  EXPECT_NE(copy.data(), a.data());
  EXPECT_EQ(copy, a);
  const char* const held = a.data();
  Text moved = std::move(a);
  EXPECT_EQ(moved.data(), held);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from text is empty
  copy = moved;
  EXPECT_EQ(copy, "Training delivered to response teams");
  const Text& same = copy;
  copy = same;  // assigning a text to itself keeps it
  EXPECT_EQ(copy, "Training delivered to response teams");
  copy = {};
  EXPECT_TRUE(copy.empty());
  EXPECT_EQ(copy.view(), "");
}

TEST(ModelText, HoldsWhatAnyScalarMayHold) {
  const std::string nul("a\0b", 3);
  EXPECT_EQ(Text(nul).view(), nul);
  const std::string long_text(1 << 20, 'x');
  EXPECT_EQ(Text(long_text).view(), long_text);
  EXPECT_TRUE(Text("").empty());
}

}  // namespace
}  // namespace hmicfrs::model
