// `chase` decides by the end of its window: what an entry dated between the
// as-of date and the cut-off does is what the paper will show.

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs {
namespace {

using ::testing::HasSubstr;

TEST(Chase, TakesATargetSetBetweenTheAsOfDateAndTheCutOffAsWhatTheFindingIsDueBy) {
  const auto result =
      test::Register()
          .file("inspections/x.yaml",
                "id: thematic-x\ntype: national-thematic\ntitle: T\npublished: 2021-10-01\nfindings:\n"
                "  - ref: R1\n    type: recommendation\n    title: Do it\n    owner: Head of Crime\n    history:\n"
                "      - {date: 2021-11-01, status: open, rag: amber, note: Started}\n"
                "      - {date: 2022-03-28, due: 2022-03-30, note: Target set}\n")
          .load("2022-03-31");
  ASSERT_FALSE(result.diagnostics.has_errors()) << test::lines(result.diagnostics).front();
  const auto chase = query::chase(result.dataset, test::date("2022-03-24"), {});
  ASSERT_TRUE(chase.ok()) << chase.error();
  ASSERT_EQ(chase->groups.size(), 1u);
  ASSERT_EQ(chase->groups[0].items.size(), 1u);
  const answers::ChaseItem& item = chase->groups[0].items[0];
  EXPECT_FALSE(item.row.state.due.has_value());  // no target yet on the as-of date
  EXPECT_TRUE(item.due_soon);
  EXPECT_FALSE(item.overdue);
  std::ostringstream text;
  render::write(text, *chase, render::Output{render::Format::markdown, {}});
  EXPECT_THAT(text.str(), HasSubstr("| Amber; overdue since 2022-03-30 |"));
  const std::vector<render::EmailMessage> messages = render::to_messages(*chase);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_THAT(messages[0].text, HasSubstr("Asked because: due 2022-03-30.\r\n"));
}

}  // namespace
}  // namespace hmicfrs
