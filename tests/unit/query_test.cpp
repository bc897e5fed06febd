#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/changes.hpp>
#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/detail.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/links.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/query/status.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs::query {
namespace {

using answers::CalendarScope;
using answers::FindingRow;
using answers::Grouping;
using answers::Window;
using test::date;

// The West Midlands example, loaded once.
const model::Dataset& example() {
  static const model::Dataset dataset = [] {
    load::LoadResult result = load::load_dataset("examples/west-midlands");
    if (!result.diagnostics.empty()) throw std::runtime_error("the example has diagnostics");
    return std::move(result.dataset);
  }();
  return dataset;
}

std::vector<std::string> ids(const std::vector<FindingRow>& rows) {
  std::vector<std::string> out;
  for (const FindingRow& row : rows) out.push_back(row.finding->id.str());
  return out;
}

TEST(Window, CountsAMonthOnceItHasPassed) {
  const Window window{date("2021-12-22"), date("2022-03-31")};
  EXPECT_TRUE(in_window(window, date("2022-03-31")));
  EXPECT_FALSE(in_window(window, date("2021-12-22")));
  EXPECT_TRUE(in_window(window, date("2021-12-23")));
  EXPECT_TRUE(in_window(window, date("2022-03")));  // all of March is in
  EXPECT_FALSE(in_window(window, date("2022-04")));
  EXPECT_TRUE(in_window(window, date("2021-12")));  // December ends after the 22nd
  EXPECT_TRUE(in_window(Window{std::nullopt, date("2022-03-31")}, date("1999-01-01")));
}

TEST(Findings, MarksAMonthDueDateOverdueOnlyFromTheNextMonth) {
  const auto due = test::Register().file(
      "inspections/a.yaml",
      "id: a\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n"
      "  - {ref: R1, type: afi, title: T, due: 2022-05, history: [{date: 2022-01-11, status: open, rag: amber}]}\n");
  const model::Dataset dataset = due.load().dataset;
  EXPECT_FALSE(findings_as_of(dataset, date("2022-05-31")).at(0).overdue);
  EXPECT_TRUE(findings_as_of(dataset, date("2022-06-01")).at(0).overdue);
}

TEST(Findings, MarksOpenFindingsStaleAfterTheConfiguredDays) {
  const auto rows = findings_as_of(example(), date("2022-03-31"));
  const auto afi9 =
      std::find_if(rows.begin(), rows.end(), [](const FindingRow& r) { return r.finding->id == "peel-2021-22/AFI9"; });
  ASSERT_NE(afi9, rows.end());
  EXPECT_EQ(afi9->last_update->iso(), "2021-11-08");
  EXPECT_EQ(afi9->days_since_update, 143);
  EXPECT_TRUE(afi9->stale);
  const auto closed =
      std::find_if(rows.begin(), rows.end(), [](const FindingRow& r) { return r.finding->id == "peel-2021-22/NF1"; });
  EXPECT_FALSE(closed->stale);  // closed findings are never stale
}

TEST(Findings, ListsOnlyWhatIsRecordedInTheDocumentedOrder) {
  const auto december = findings_as_of(example(), date("2021-12-22"));
  const auto march = findings_as_of(example(), date("2022-03-31"));
  EXPECT_EQ(december.size(), 25u);  // 2 from 2018/19, 18 from 2021/22, 5 mental health
  EXPECT_EQ(march.size(), 34u);     // and 6 from the JTAI, 3 from the rape survivors' report
  const auto list = ids(march);
  EXPECT_EQ(list.front(), "jtai-solihull-2022/AFI1");
  EXPECT_TRUE(std::is_sorted(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
    return a.substr(0, a.find('/')) < b.substr(0, b.find('/'));
  }));
  const auto peel = std::find(list.begin(), list.end(), "peel-2021-22/AFI1");
  EXPECT_EQ(*(peel + 9), "peel-2021-22/AFI10");  // as listed in the file, not alphabetically
}

TEST(Filters, CombineAndEachNarrows) {
  const auto rows = findings_as_of(example(), date("2022-03-31"));
  FindingFilter filter;
  filter.rags = {"red"};
  EXPECT_THAT(ids(filtered(rows, filter, date("2022-03-31"))),
              ::testing::ElementsAre("jtai-solihull-2022/AFI1", "peel-2021-22/AFI3", "peel-2021-22/AFI5"));
  filter.portfolios = {"crime"};
  EXPECT_THAT(ids(filtered(rows, filter, date("2022-03-31"))), ::testing::ElementsAre("peel-2021-22/AFI3"));
  FindingFilter owner;
  owner.owner = "PUBLIC protection";
  owner.openness = FindingFilter::Openness::closed;
  EXPECT_TRUE(filtered(rows, owner, date("2022-03-31")).empty());
  FindingFilter grep;
  grep.grep = "soteria";  // in a history note
  EXPECT_THAT(ids(filtered(rows, grep, date("2022-03-31"))), ::testing::ElementsAre("rape-survivors-phase-2-2022/R1"));
  // A note written after the date is not searched: the finding did not say it yet.
  const auto earlier = findings_as_of(example(), date("2021-12-22"));
  FindingFilter hindsight;
  hindsight.grep = "soteria";
  EXPECT_TRUE(filtered(earlier, hindsight, date("2021-12-22")).empty());
  FindingFilter statuses;
  statuses.statuses = {model::Status::awaiting_sign_off};
  EXPECT_THAT(ids(filtered(rows, statuses, date("2022-03-31"))), ::testing::ElementsAre("peel-2021-22/AFI7"));
}

TEST(Counts, GroupPortfoliosInConfiguredOrderAndAddUp) {
  const auto rows = findings_as_of(example(), date("2022-03-31"));
  const auto groups = rag_by(rows, Grouping::portfolio, example().config);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups.front().key, "crime");
  EXPECT_EQ(groups.back().key, "strategy");
  int total = 0;
  for (const answers::RagGroup& g : groups) total += g.counts.total();
  EXPECT_EQ(total, rag_total(rows, example().config.vocabulary).total());
  const answers::RagCounts counts = rag_total(rows, example().config.vocabulary);
  EXPECT_EQ(counts.of(0), 3);  // red, the first of the default ratings
  EXPECT_EQ(counts.closed, 5);
  EXPECT_EQ(counts.open() + counts.closed, 33);  // peel-2021-22/AFI11 re-issues peel-2018-19/AFI2: counted once
}

TEST(Meetings, FindsAMeetingByIdDateOrMonth) {
  EXPECT_EQ(find_meeting(example(), "2022-03")->meeting->id, "2022-03");
  EXPECT_EQ(find_meeting(example(), "2021-12-22")->meeting->id, "2021-12");
  const auto windows = meeting_windows(example());
  ASSERT_EQ(windows.size(), 2u);
  EXPECT_EQ(windows[0].window.after->iso(), "2021-09-30");  // previous_cut_off
  EXPECT_EQ(windows[1].window.after->iso(), "2021-12-22");  // the previous meeting's cut-off
  EXPECT_EQ(find_meeting(example(), "2022-06").error(),
            "no meeting '2022-06' in committees.yaml (meetings: 2021-12, 2022-03)");
  const auto two =
      test::Register()
          .file("committees.yaml", "meetings:\n  - {id: a, date: 2022-03-01}\n  - {id: b, date: 2022-03-31}\n")
          .load()
          .dataset;
  EXPECT_EQ(find_meeting(two, "2022-03").error(), "'2022-03' matches 2 meetings: give the meeting id (a, b)");
  // A year stands for its meetings as a month does: the West Midlands register has one in 2022, two holds two.
  EXPECT_EQ(find_meeting(example(), "2022")->meeting->id, "2022-03");
  EXPECT_EQ(find_meeting(two, "2022").error(), "'2022' matches 2 meetings: give the meeting id (a, b)");
}

TEST(Changes, SumRagMovesInTheMarchWindow) {
  const answers::Movement movement = movement_in(example(), find_meeting(example(), "2022-03")->window);
  std::vector<std::string> moves;
  for (const answers::RagMove& m : movement.rag_moves) {
    moves.push_back(fmt::format("{} {}->{}", m.count, m.from->id, m.to->id));
  }
  EXPECT_THAT(moves, ::testing::ElementsAre("2 red->amber", "6 amber->green"));
  EXPECT_EQ(movement.added.size(), 9u);
  EXPECT_EQ(movement.closed.size(), 3u);
  EXPECT_EQ(movement.rag_moved.size(), 8u);
  const auto& changes = movement.changes;
  EXPECT_EQ(std::count_if(changes.begin(), changes.end(), [](const answers::FindingChange& c) { return c.added; }), 9);
}

TEST(Status, PartitionsOpenFindingsOnceForEveryView) {
  const answers::Status status = status_of(example(), date("2022-03-31"));
  EXPECT_EQ(status.force, "West Midlands Police");
  EXPECT_EQ(status.counts.of(0), 3);
  EXPECT_THAT(ids(status.outstanding.needing_attention),
              ::testing::ElementsAre("jtai-solihull-2022/AFI1", "peel-2021-22/AFI3", "peel-2021-22/AFI5"));
  EXPECT_EQ(status.upcoming.size(), 5u);
  for (const FindingRow& row : status.outstanding.stale) EXPECT_TRUE(row.stale) << row.finding->id;
}

TEST(Detail, ResolvesNamesAndKeepsOnlyTheHistoryInEffect) {
  const auto ref = find_finding(example(), "peel-2021-22/AFI3");
  ASSERT_TRUE(ref);
  const auto december = finding_detail(example(), *ref, date("2021-12-22"));
  const auto march = finding_detail(example(), *ref, date("2022-03-31"));
  ASSERT_TRUE(december && march);
  EXPECT_EQ(march->area, "Providing a service to victims of crime");  // its area's long label
  ASSERT_NE(march->row.portfolio, nullptr);
  EXPECT_EQ(march->row.portfolio->id, "crime");
  EXPECT_LT(december->history.size(), march->history.size());
  for (const model::HistoryEntry* entry : december->history) EXPECT_LE(entry->date, date("2021-12-22"));
  EXPECT_FALSE(finding_detail(example(), *find_finding(example(), "jtai-solihull-2022/AFI1"), date("2021-12-22")));
}

TEST(Calendar, KnowsOnlyWhatWasNotifiedByTheDate) {
  const auto titles = [](const std::vector<const model::Inspection*>& list) {
    std::vector<std::string> out;
    for (const model::Inspection* i : list) out.push_back(i->id);
    return out;
  };
  EXPECT_THAT(titles(calendar(example(), {std::nullopt, date("2021-12-22")}, CalendarScope::upcoming)),
              ::testing::ElementsAre("online-child-sexual-abuse-2022", "serious-youth-violence-2022"));
  EXPECT_EQ(calendar(example(), {std::nullopt, date("2022-03-31")}, CalendarScope::upcoming).size(), 5u);
  EXPECT_EQ(calendar(example(), {date("2021-12-22"), date("2022-03-31")}, CalendarScope::active).size(), 6u);
}

TEST(Paper, NamesTheInspectorateAsItWasCalledOnThePapersDate) {
  EXPECT_EQ(inspectorate_on(date("2017-07-18")), "HMIC");
  EXPECT_EQ(inspectorate_on(date("2017-07-19")), "HMICFRS");
  EXPECT_EQ(inspectorate_on(date("2015-03")), "HMIC");
  const auto old = test::Register()
                       .file("committees.yaml", "meetings:\n  - {id: 2016-06, date: 2016-06-20}\n")
                       .load("2016-06-20")
                       .dataset;
  const answers::Paper paper = assemble_paper(old, *find_meeting(old, "2016-06"), date("2016-06-20"));
  EXPECT_EQ(paper.inspectorate, "HMIC");
  EXPECT_EQ(std::get<answers::PurposeSection>(paper.sections.at(0).body).text,
            "To give members of the Committee oversight of HMIC inspection activity and of the force's progress "
            "against the inspectorate's recommendations.");
}

TEST(Peel, WarnsWheneverTheCycleDiffersNotOnlyTheScale) {
  const auto two = test::Register()
                       .file("inspections/a.yaml",
                             "id: a\ntype: peel\ntitle: A\npublished: 2022-04\n"
                             "gradings: {cycle: 2021-22, areas: {investigating-crime: adequate}}\n")
                       .file("inspections/b.yaml",
                             "id: b\ntype: peel\ntitle: B\npublished: 2024-05\n"
                             "gradings: {cycle: 2023-25, areas: {investigating-crime: good}}\n")
                       .load("2024-06-01")
                       .dataset;
  const auto latest = latest_peel(two, date("2024-06-01"));
  const auto before = latest_peel(two, date("2024-06-01"), two.catalogue.find("2021-22"));
  const answers::PeelComparison comparison = compare_peel(*latest, *before, date("2024-06-01"));
  EXPECT_TRUE(comparison.cycles_differ);
  EXPECT_FALSE(comparison.scales_differ);  // both five-point, and still not comparable
  ASSERT_TRUE(earlier_in_other_cycle(two, *latest));
  EXPECT_EQ(earlier_in_other_cycle(two, *latest)->inspection->id, "a");
  std::ostringstream text;
  render::write(text, comparison, {render::Format::text, {1000, false}});
  EXPECT_THAT(text.str(), ::testing::HasSubstr("Warning: PEEL 2023–25 and PEEL 2021/22 are different cycles. The "
                                               "inspectorate says their grades cannot be compared directly,"));
}

// Pillar years published effectiveness, efficiency and legitimacy apart; 2017 effectiveness kept 2016 judgements.
TEST(Peel, MergesACyclesPillarReportsAndSaysWhichJudgementsAreCarriedOver) {
  const auto pillars =
      test::Register()
          .file("inspections/e16.yaml",
                "id: e16\ntype: peel\ntitle: Effectiveness 2016\npublished: 2017-03-02\n"
                "gradings: {cycle: '2016', areas: {preventing-crime: good, investigating-crime: inadequate}}\n")
          .file("inspections/l17.yaml",
                "id: l17\ntype: peel\ntitle: Legitimacy 2017\npublished: 2017-12-12\n"
                "gradings: {cycle: '2017', areas: {legitimacy: good, ethical-workforce: requires-improvement}}\n")
          .file("inspections/e17.yaml",
                "id: e17\ntype: peel\ntitle: Effectiveness 2017\npublished: 2018-03-22\n"
                "gradings:\n  cycle: '2017'\n  areas:\n    investigating-crime: requires-improvement\n"
                "    preventing-crime: {grade: good, carried_over_from: e16}\n")
          .load("2018-04-01")
          .dataset;
  const auto latest = latest_peel(pillars, date("2018-04-01"));
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->inspection->id, "e17");
  const answers::PeelTable table = peel_table(pillars, *latest, date("2018-04-01"));
  ASSERT_EQ(table.reports.size(), 2u);  // the 2017 legitimacy and effectiveness reports, oldest first
  EXPECT_EQ(table.reports[0]->id, "l17");
  EXPECT_EQ(table.graded, 4u);
  ASSERT_EQ(table.carried_over.size(), 1u);
  EXPECT_EQ(table.carried_over[0].area->id, "preventing-crime");
  EXPECT_EQ(table.carried_over[0].carried_over_from->id, "e16");
  // Before the effectiveness report is out, the cycle's table holds legitimacy alone.
  EXPECT_EQ(peel_table(pillars, *latest_peel(pillars, date("2018-01-01")), date("2018-01-01")).graded, 2u);
  std::ostringstream text;
  render::write(text, answers::PeelGrades{date("2018-04-01"), nullptr, table}, {render::Format::text, {1000, false}});
  EXPECT_THAT(text.str(), ::testing::HasSubstr("Preventing crime (carried over)"));
  EXPECT_THAT(
      text.str(),
      ::testing::HasSubstr("- Preventing crime: Good, the judgement of Effectiveness 2016, published on 2 March 2017"));
}

TEST(Peel, FindsCyclesByIdOrTheirStart) {
  EXPECT_EQ((*find_cycle(example().catalogue, "2021"))->id, "2021-22");
  EXPECT_EQ((*find_cycle(example().catalogue, "2018-19"))->id, "2018-19");
  EXPECT_FALSE(find_cycle(example().catalogue, "20"));  // more than one
  EXPECT_FALSE(find_cycle(example().catalogue, ""));
  EXPECT_EQ(latest_peel(example(), date("2021-10-31"))->inspection->id, "peel-2021-22");  // published "2021-10"
  EXPECT_EQ(latest_peel(example(), date("2021-10-30"))->inspection->id, "peel-2018-19");
}

}  // namespace
}  // namespace hmicfrs::query
