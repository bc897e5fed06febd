// `chase` decides by the end of its window: what an entry dated between the
// as-of date and the cut-off does is what the paper will show.

#include <optional>
#include <sstream>
#include <tuple>

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
  // A message writes its dates in words, as prose does; the tables keep the data's.
  EXPECT_THAT(messages[0].text, HasSubstr("Asked because: due 30 March 2022.\r\n"));
  EXPECT_THAT(messages[0].text, HasSubstr("The paper will show: Amber; overdue since 30 March 2022.\r\n"));
  EXPECT_THAT(messages[0].text, HasSubstr("Latest note (1 November 2021): Started\r\n"));
}

// The register of these tests: one finding rated red, due September 2022, not updated since 8 November 2021; the
// meetings of test::Register (22 December 2021, 31 March 2022, no as_of) unless `committees` gives others, and the
// configuration's `thresholds` when given.
test::Register red_finding(const std::string& committees = "", const std::string& thresholds = "") {
  test::Register r;
  r.file("inspections/x.yaml",
         "id: thematic-x\ntype: national-thematic\ntitle: T\npublished: 2021-10-01\nfindings:\n"
         "  - ref: R1\n    type: recommendation\n    title: Do it\n    owner: Head of Crime\n    due: 2022-09\n"
         "    history:\n      - {date: 2021-11-08, status: open, rag: red, note: Started}\n");
  if (!committees.empty()) r.file("committees.yaml", committees);
  if (!thresholds.empty()) {
    r.file("hmicfrs-track.yaml",
           "schema_version: 1\nforce: {name: Test Constabulary}\n"
           "committee: {name: Joint Audit Committee}\nportfolios: []\n" +
               thresholds);
  }
  return r;
}

TEST(ChaseQuery, DecidesTheDayForRepliesAndWhetherItHasPassed) {
  const auto result = red_finding().load("2022-03-24");
  for (const auto& [as_of, within, reply_by, late] :
       {std::tuple{"2022-03-01", std::optional<int>(), "2022-03-17", false},
        {"2022-03-17", std::optional<int>(), "2022-03-17", false},
        {"2022-03-18", std::optional<int>(), "2022-03-17", true},
        {"2022-03-18", std::optional<int>(3), "2022-03-17", true},
        {"2022-03-01", std::optional<int>(3), "2022-03-04", false},
        {"2022-04-01", std::optional<int>(), "2022-04-29", false}}) {
    const auto chase = query::chase(result.dataset, test::date(as_of), query::ChaseOptions{within, "", false});
    ASSERT_TRUE(chase.ok()) << chase.error();
    EXPECT_EQ(chase->reply_by.iso(), reply_by) << as_of;
    EXPECT_EQ(chase->reply_late, late) << as_of;
  }
  // The meeting's cut-off when it gives one; else the configured days before it.
  const auto reply_by = [](const test::Register& r) {
    const auto loaded = r.load("2022-03-01");
    return query::chase(loaded.dataset, test::date("2022-03-01"), {})->reply_by.iso();
  };
  EXPECT_EQ(reply_by(red_finding("meetings:\n  - {id: 2022-03, date: 2022-03-31, as_of: 2022-03-20}\n")), "2022-03-20");
  EXPECT_EQ(reply_by(red_finding("", "thresholds: {reply_days_before_meeting: 7}\n")), "2022-03-24");
}

}  // namespace
}  // namespace hmicfrs
