#include <gtest/gtest.h>

#include <hmicfrs/query/state.hpp>

#include "support/register.hpp"

namespace hmicfrs::query {
namespace {

using answers::FindingState;
using test::date;

const model::Dataset& dataset() {
  static const model::Dataset loaded =
      test::Register()
          .file("inspections/a.yaml",
                "id: a\ntype: custody\ntitle: T\npublished: 2017-09\nfindings:\n"
                "  - ref: R1\n    type: recommendation\n    title: T\n    owner: Head of Custody\n    due: 2018-03\n"
                "    history:\n"
                "      - {date: 2017-10-02, status: open, rag: amber}\n"
                "      - {date: 2018-01-15, note: Progress, owner: Head of Criminal Justice}\n"
                "      - {date: 2018-04-10, status: awaiting-sign-off, rag: green, due: 2018-06}\n"
                "      - {date: 2018-06-01, status: superseded, by: b/R1}\n"
                "      - {date: 2018-07-01, note: Kept for the record}\n")
          .file("inspections/b.yaml", "id: b\ntype: custody\ntitle: T2\nfindings: [{ref: R1, type: afi, title: T}]\n")
          .load("2019-01-01")
          .dataset;
  return loaded;
}

FindingState at(const std::string& day) {
  const model::Inspection& inspection = dataset().inspections.at(0);
  return state_as_of(dataset(), inspection, inspection.findings.at(0), date(day));
}

TEST(StateAsOf, FoldsOnlyEntriesOnOrBeforeTheDate) {
  const FindingState before = at("2017-09-15");
  EXPECT_FALSE(before.recorded);  // published "2017-09": surely out only once September has passed
  EXPECT_EQ(before.latest, nullptr);
  EXPECT_EQ(before.status, model::Status::open);
  EXPECT_EQ(before.rating, nullptr);
  EXPECT_EQ(before.later_entries, 5u);

  const FindingState december = at("2017-12-31");
  EXPECT_EQ(december.rating->id, "amber");
  EXPECT_EQ(december.owner, "Head of Custody");
  EXPECT_EQ(december.due->iso(), "2018-03");

  const FindingState april = at("2018-04-10");
  EXPECT_EQ(april.status, model::Status::awaiting_sign_off);
  EXPECT_EQ(april.rating->id, "green");
  EXPECT_EQ(april.owner, "Head of Criminal Justice");
  EXPECT_EQ(april.due->iso(), "2018-06");
}

TEST(StateAsOf, ClearsTheRatingOnceClosed) {
  const FindingState july = at("2018-07-02");
  EXPECT_EQ(july.status, model::Status::superseded);
  EXPECT_EQ(july.rating, nullptr);
  EXPECT_EQ(july.latest->note, "Kept for the record");
  EXPECT_EQ(july.later_entries, 0u);
}

TEST(StateAsOf, TakesAnEntryDatedOnTheDayItself) {
  const model::HistoryEntry& entry = dataset().inspections.at(0).findings.at(0).history.at(2);  // 2018-04-10
  EXPECT_TRUE(in_effect(entry, date("2018-04-10")));
  EXPECT_FALSE(in_effect(entry, date("2018-04-09")));
}

TEST(StateAsOf, CountsAFindingAsRecordedOnceItsReportIsSurelyOut) {
  const model::Inspection& b = dataset().inspections.at(1);  // never published, no history
  EXPECT_FALSE(state_as_of(dataset(), b, b.findings.at(0), date("2030-01-01")).recorded);
  EXPECT_TRUE(happened_by(date("2017-09"), date("2017-09-30")));
  EXPECT_FALSE(happened_by(date("2017-09"), date("2017-09-29")));
  EXPECT_TRUE(happened_by(date("2017-09-29"), date("2017-09-29")));
}

}  // namespace
}  // namespace hmicfrs::query
