#include <gtest/gtest.h>

#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/findings.hpp>
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

// ---- States known only as at a date

// A 2015 report transcribed from a paper of 8 June 2017 that knew its findings' states only as at that day:
// R1 closed, R2 amber then (and dated green in July), R3 red then, moved to a later target as at the September
// paper's cut-off, R4 dated amber in May and known red as at June, R5 with no history, and R6 rated in 2016.
const model::Dataset& as_at_register() {
  static const model::Dataset loaded =
      test::Register()
          .file("inspections/t.yaml",
                "id: t\ntype: national-thematic\ntitle: T\npublished: 2015\nfindings:\n"
                "  - {ref: R1, type: recommendation, title: A, owner: O, history: [{as_at: 2017-06-08, status: "
                "closed}]}\n"
                "  - ref: R2\n    type: recommendation\n    title: B\n    owner: O\n    history:\n"
                "      - {as_at: 2017-06-08, status: open, rag: amber}\n"
                "      - {date: 2017-07-03, rag: green}\n"
                "  - ref: R3\n    type: recommendation\n    title: C\n    owner: O\n    due: 2017-09\n    history:\n"
                "      - {as_at: 2017-06-08, status: open, rag: red}\n"
                "      - {as_at: 2017-09-15, due: 2018-03}\n"
                "  - ref: R4\n    type: recommendation\n    title: D\n    owner: O\n    history:\n"
                "      - {date: 2017-05-02, status: open, rag: amber}\n"
                "      - {as_at: 2017-06-08, rag: red}\n"
                "  - {ref: R5, type: recommendation, title: E, owner: O}\n"
                "  - {ref: R6, type: recommendation, title: F, owner: O, history: [{date: 2016-02-01, rag: green}]}\n")
          .load("2017-09-15")
          .dataset;
  return loaded;
}

const model::Finding& as_at_finding(const std::string& ref) {
  return *as_at_register().inspections.at(0).find_finding(ref);
}

std::vector<std::string> ids_at(const answers::Movement& movement, const std::vector<std::size_t>& positions) {
  std::vector<std::string> out;
  for (const std::size_t at : positions) out.emplace_back(movement.changes.at(at).finding->ref);
  return out;
}

TEST(AsAt, HoldsFromItsDateForEveryAnswer) {
  const model::Inspection& t = as_at_register().inspections.at(0);
  const FindingState june = state_as_of(as_at_register(), t, as_at_finding("R1"), date("2017-06-08"));
  EXPECT_EQ(june.status, model::Status::closed);
  ASSERT_NE(june.latest, nullptr);
  EXPECT_TRUE(june.latest->as_at);
  const FindingState before = state_as_of(as_at_register(), t, as_at_finding("R1"), date("2017-06-07"));
  EXPECT_EQ(before.status, model::Status::open);
  // The 2015 report is out, so R1 is recorded before it: open and unrated until the June paper says otherwise.
  EXPECT_TRUE(before.recorded);
}

TEST(AsAt, IsNeverToldAsAChangeInItsWindow) {
  // The June paper's window, after 10 March up to 8 June 2017: every state is as at 8 June, so nothing moved.
  const answers::Movement june = query::movement_in(as_at_register(), {date("2017-03-10"), date("2017-06-08")});
  EXPECT_TRUE(june.added.empty());
  EXPECT_TRUE(june.rag_moved.empty());
  EXPECT_TRUE(june.status_changed.empty());
  EXPECT_TRUE(june.closed.empty());
  EXPECT_TRUE(june.targets_moved.empty());
  EXPECT_TRUE(june.changes.empty());
  // R1, R2, R3 and R4: four findings' states recorded as at 8 June; R5 and R6 have no entry in the window.
  ASSERT_EQ(june.recorded_as_at.size(), 1u);
  EXPECT_EQ(june.recorded_as_at[0].date, date("2017-06-08"));
  EXPECT_EQ(june.recorded_as_at[0].count, 4);
}

TEST(AsAt, LeavesTheDatedChangesAfterItToBeTold) {
  // The September window: R2's dated July rating is a change; R3's target moved only as at 15 September is not.
  const answers::Movement september = query::movement_in(as_at_register(), {date("2017-06-08"), date("2017-09-15")});
  EXPECT_EQ(ids_at(september, september.rag_moved), std::vector<std::string>{"R2"});
  ASSERT_EQ(september.rag_moved.size(), 1u);
  const answers::FindingChange& r2 = september.changes.at(september.rag_moved[0]);
  EXPECT_EQ(r2.before.rating->id, "amber");
  EXPECT_EQ(r2.after.rating->id, "green");
  EXPECT_TRUE(september.targets_moved.empty());
  EXPECT_TRUE(september.closed.empty());
  ASSERT_EQ(september.recorded_as_at.size(), 1u);
  EXPECT_EQ(september.recorded_as_at[0].date, date("2017-09-15"));
  EXPECT_EQ(september.recorded_as_at[0].count, 1);  // R3
  // Yet R3's target is the new one from 15 September, for every other answer.
  const model::Inspection& t = as_at_register().inspections.at(0);
  EXPECT_EQ(state_as_of(as_at_register(), t, as_at_finding("R3"), date("2017-09-15")).due->iso(), "2018-03");
}

TEST(AsAt, HidesADatedChangeItOverridesInTheSameWindow) {
  // R4 was dated amber on 2 May and is known red as at 8 June: across a window holding both, the window can
  // tell only that it is red by its end, not when it became so; across one holding only the June state, it
  // started amber and nothing dated moved it.
  const answers::Movement spring = query::movement_in(as_at_register(), {date("2017-03-10"), date("2017-06-08")});
  EXPECT_TRUE(spring.rag_moved.empty());
  const answers::Movement may = query::movement_in(as_at_register(), {date("2017-05-02"), date("2017-06-08")});
  EXPECT_TRUE(may.rag_moved.empty());
  EXPECT_TRUE(may.changes.empty());
}

TEST(AsAt, IsCountedOnlyWhereItStandsAtTheWindowsEnd) {
  // After 10 March up to 15 September: R2, known amber as at 8 June and dated green on 3 July, is a change and
  // not among the states known only as at a date; R1 and R4 stand as at 8 June, R3 as at 15 September.
  const answers::Movement m = query::movement_in(as_at_register(), {date("2017-03-10"), date("2017-09-15")});
  EXPECT_EQ(ids_at(m, m.rag_moved), std::vector<std::string>{"R2"});
  ASSERT_EQ(m.recorded_as_at.size(), 2u);
  EXPECT_EQ(m.recorded_as_at[0].date, date("2017-06-08"));
  EXPECT_EQ(m.recorded_as_at[0].count, 2);
  EXPECT_EQ(m.recorded_as_at[1].date, date("2017-09-15"));
  EXPECT_EQ(m.recorded_as_at[1].count, 1);
}

TEST(AsAt, IsNoChangeInAWindowWithNoStartAndANewReportsFindingsAreAdded) {
  // Up to 8 June with no earlier cut-off: every finding is added, and R1, closed as at 8 June, is not told as
  // closed in it.
  const answers::Movement first = query::movement_in(as_at_register(), {std::nullopt, date("2017-06-08")});
  EXPECT_EQ(first.added.size(), 6u);
  EXPECT_TRUE(first.closed.empty());
  EXPECT_TRUE(first.recorded_as_at.empty());  // each told as added
  // A report published in May whose finding is known red as at 8 June: added in the window, and that is all.
  const model::Dataset dataset =
      test::Register()
          .file("inspections/n.yaml",
                "id: n\ntype: custody\ntitle: N\npublished: 2017-05-10\nfindings:\n"
                "  - {ref: R1, type: afi, title: A, owner: O, history: [{as_at: 2017-06-08, status: closed}]}\n")
          .load("2017-06-08")
          .dataset;
  const answers::Movement june = query::movement_in(dataset, {date("2017-03-10"), date("2017-06-08")});
  EXPECT_EQ(ids_at(june, june.added), std::vector<std::string>{"R1"});
  EXPECT_TRUE(june.closed.empty());
  EXPECT_TRUE(june.recorded_as_at.empty());
}

// A paper's words in the date field are what `as_at` is for, and the message says so.
TEST(AsAt, IsSuggestedForADateWrittenAsAPaperWordsIt) {
  EXPECT_EQ(test::Register()
                .file("inspections/t.yaml",
                      "id: t\ntype: custody\ntitle: T\npublished: 2015\nfindings:\n"
                      "  - ref: R1\n    type: recommendation\n    title: A\n    owner: O\n    history:\n"
                      "      - {date: as at 2017-06-08, rag: red}\n"
                      "      - {date: by 2017-06-09, rag: red}\n")
                .diagnostics("2017-06-09"),
            (std::vector<std::string>{
                "inspections/t.yaml:6:10: warning: open finding 't/R1' has no RAG rating as of 2017-06-09 "
                "[unrated-open-finding]",
                "inspections/t.yaml:11:16: error: 'as at 2017-06-08' is not a date: for a state known only as at a "
                "day, write 'as_at: 2017-06-08' in place of 'date' [invalid-date]",
                "inspections/t.yaml:12:16: error: 'by 2017-06-09' is not a date: for a state known only by a day, "
                "write 'as_at: 2017-06-09' in place of 'date' [invalid-date]"}));
}

TEST(AsAt, IsListedBeforeADatedEntryOfTheSameDay) {
  EXPECT_EQ(test::Register()
                .file("inspections/t.yaml",
                      "id: t\ntype: custody\ntitle: T\npublished: 2015\nfindings:\n"
                      "  - ref: R1\n    type: recommendation\n    title: A\n    owner: O\n    history:\n"
                      "      - {date: 2017-06-08, rag: green}\n"
                      "      - {as_at: 2017-06-08, rag: red}\n")
                .diagnostics("2017-06-08"),
            (std::vector<std::string>{
                "inspections/t.yaml:12:9: error: an entry as at 2017-06-08 comes after one dated that day: list what "
                "was known as at a day before what happened on it [history-order]",
                "inspections/t.yaml:11:9: note: the dated entry is here"}));
}

TEST(AsAt, CountsStalenessFromItsDate) {
  // 15 September 2017 is 99 days after 8 June: past the default 90, so R3 (open, red as at June; its target
  // moved as at 15 September) is not stale, and R4 (red as at June) is.
  const std::vector<answers::FindingRow> rows = query::findings_as_of(as_at_register(), date("2017-09-15"));
  std::vector<std::string> stale, as_at;
  for (const answers::FindingRow& row : rows) {
    if (row.stale) stale.emplace_back(row.finding->ref);
    if (row.last_update_as_at) as_at.emplace_back(row.finding->ref);
  }
  // R2 was updated in July; R5 has no entry, so counts from its report's year, 2015; R6 from February 2016.
  EXPECT_EQ(stale, (std::vector<std::string>{"R4", "R5", "R6"}));
  EXPECT_EQ(as_at, (std::vector<std::string>{"R1", "R3", "R4"}));
  const answers::FindingRow& r4 = rows.at(3);
  ASSERT_EQ(r4.finding->ref, "R4");
  EXPECT_EQ(r4.days_since_update, 99);
  const answers::FindingRow& r5 = rows.at(4);
  EXPECT_EQ(r5.last_update->iso(), "2015");  // as the register gives it, not a day it does not hold
  EXPECT_EQ(r5.days_since_update, 624);      // from 31 December 2015
}

TEST(AsAt, RefusesAnEntryWithBothOrNeitherDate) {
  const auto diagnostics = test::Register()
                               .file("inspections/t.yaml",
                                     "id: t\ntype: custody\ntitle: T\npublished: 2015\nfindings:\n"
                                     "  - ref: R1\n    type: recommendation\n    title: A\n    history:\n"
                                     "      - {as_at: 2017-06-08, date: 2017-06-08, status: closed}\n"
                                     "      - {status: closed}\n")
                               .diagnostics();
  EXPECT_EQ(diagnostics,
            (std::vector<std::string>{
                "inspections/t.yaml:6:10: warning: open finding 't/R1' has no RAG rating as of 2022-03-31 "
                "[unrated-open-finding]",
                "inspections/t.yaml:10:9: error: a history entry has 'date' or 'as_at', not both: keep 'date' when "
                "the day it happened is known [missing-field]",
                "inspections/t.yaml:11:9: error: a history entry needs 'date' (the day it happened) or 'as_at' (the "
                "day by which it was known, as a paper records a state) [missing-field]"}));
}

}  // namespace
}  // namespace hmicfrs::query
