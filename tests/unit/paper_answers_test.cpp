// What each section of each example paper answers: exact numbers and exact
// lists of ids, worked out by hand from the register's files (each figure's
// reasoning is beside it), not copied from the tool's output. The formats are
// checked against one another in paper_formats_test.py; here the answers.

#include <string>
#include <variant>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>

#include "support/register.hpp"

namespace hmicfrs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Example {
  model::Dataset dataset;
};

const model::Dataset& example(const std::string& name) {
  static std::map<std::string, Example> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) it = loaded.emplace(name, Example{load::load_dataset("examples/" + name).dataset}).first;
  return it->second.dataset;
}

answers::Paper paper_of(const std::string& name, const std::string& meeting) {
  const model::Dataset& dataset = example(name);
  const auto window = query::find_meeting(dataset, meeting);
  if (!window) {
    ADD_FAILURE() << name << " has no meeting " << meeting;
    return {};
  }
  return query::assemble_paper(dataset, *window, window->meeting->cut_off());
}

template <class Body>
const Body& section(const answers::Paper& paper) {
  for (const answers::PaperSection& s : paper.sections) {
    if (const auto* body = std::get_if<Body>(&s.body)) return *body;
  }
  ADD_FAILURE() << "no such section";
  static const Body none{};
  return none;
}

std::vector<std::string> titles(const answers::Paper& paper) {
  std::vector<std::string> out;
  for (const answers::PaperSection& s : paper.sections) out.push_back(std::to_string(s.number) + ". " + s.title);
  return out;
}

std::vector<std::string> ids(const std::vector<answers::FindingRow>& rows) {
  std::vector<std::string> out;
  for (const answers::FindingRow& row : rows) out.emplace_back(row.finding->id);
  return out;
}

std::vector<std::string> ids(const std::vector<answers::RedFinding>& red) {
  std::vector<std::string> out;
  for (const answers::RedFinding& f : red) out.emplace_back(f.row.finding->id);
  return out;
}

std::vector<std::string> ids(const std::vector<const model::Inspection*>& inspections) {
  std::vector<std::string> out;
  for (const model::Inspection* i : inspections) out.emplace_back(i->id);
  return out;
}

template <class Item>
std::vector<std::string> inspection_ids(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& item : items) out.emplace_back(item.inspection->id);
  return out;
}

std::vector<std::string> changed(const answers::Movement& movement, const std::vector<std::size_t>& positions) {
  std::vector<std::string> out;
  for (const std::size_t at : positions) out.emplace_back(movement.changes.at(at).finding->id);
  return out;
}

// Open, closed, total, completed, per cent complete, not formal: the numbers every count sentence and table gives.
struct Totals {
  int open, closed, total, completed, percent, not_formal;
  bool operator==(const Totals&) const = default;
};

Totals totals(const answers::RagCounts& c) {
  return {c.open(), c.closed, c.total(), c.completed, c.percent_complete.value_or(-1), c.not_formal};
}

std::vector<std::pair<std::string, int>> closings(const std::vector<answers::ClosingCount>& list) {
  std::vector<std::pair<std::string, int>> out;
  for (const answers::ClosingCount& c : list) out.emplace_back(model::name_of(c.status), c.count);
  return out;
}

std::vector<std::pair<std::string, int>> groups(const std::vector<answers::RagGroup>& list) {
  std::vector<std::pair<std::string, int>> out;
  for (const answers::RagGroup& g : list) out.emplace_back(g.key, g.counts.total());
  return out;
}

// ---- West Midlands, March 2022: the window is after 22 December 2021 up to 31 March 2022.

TEST(WestMidlandsMarch, HasTheUsualSevenSections) {
  EXPECT_THAT(titles(paper_of("west-midlands", "2022-03")),
              ElementsAre("1. Purpose of report", "2. PEEL inspection", "3. Inspection activity since the last committee",
                          "4. Reports published since the last committee", "5. Recommendation tracker",
                          "6. Outstanding findings assessed red", "7. Recommendation to the Committee"));
}

TEST(WestMidlandsMarch, PeelIsThe2021AssessmentWithItsEighteenFindings) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& peel = section<answers::PeelSection>(paper);
  ASSERT_TRUE(peel.graded);
  EXPECT_EQ(peel.graded->table.assessment.inspection->id, "peel-2021-22");
  EXPECT_FALSE(peel.graded->narratives);  // published in October 2021, before the window
  EXPECT_EQ(peel.graded->findings.size(), 18u);
  const answers::RagCounts& c = peel.graded->finding_counts;
  // AFI11 repeats peel-2018-19/AFI2 and is counted there: 17. Closed: AFI8 (22 March) and NF3 (1 December)
  // closed, NF1 and NF5 no longer monitored. Red: AFI3, AFI5. Green: AFI6, AFI7, AFI10, NF4, NF6.
  EXPECT_EQ(totals(c), (Totals{13, 4, 17, 2, 12, 6}));
  EXPECT_EQ(c.of(0), 2);
  EXPECT_EQ(c.of(1), 6);
  EXPECT_EQ(c.of(2), 5);
  EXPECT_EQ(c.repeats, 1);
  EXPECT_THAT(closings(c.closings), ElementsAre(std::pair{"closed", 2}, std::pair{"not-monitored", 2}));
}

TEST(WestMidlandsMarch, ActivityIsTheFiveFieldworksAndTheFiveNotified) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& activity = section<answers::ActivitySection>(paper);
  // Fieldwork from January to February 2022; ordered by first date, then id.
  EXPECT_THAT(inspection_ids(activity.activity),
              ElementsAre("jtai-solihull-2022", "invisible-survivors-2022", "police-perpetrated-domestic-abuse-2022",
                          "online-child-sexual-abuse-2022", "serious-youth-violence-2022"));
  EXPECT_THAT(activity.drafts, IsEmpty());
  ASSERT_TRUE(activity.notified);
  EXPECT_THAT(inspection_ids(activity.notified->list.inspections),
              ElementsAre("diversity-inclusion-workshop-2022", "digital-forensics-2022",
                          "stop-and-search-super-complaint-2022", "criminal-justice-outcomes-2022",
                          "regional-organised-crime-units-2022"));
}

TEST(WestMidlandsMarch, PublishedAreTheJtaiAndRapeSurvivorsReports) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& published = section<answers::PublishedSection>(paper);
  EXPECT_THAT(published.peel, IsEmpty());
  EXPECT_EQ(published.peel_section, 2);
  EXPECT_THAT(inspection_ids(published.reports), ElementsAre("jtai-solihull-2022", "rape-survivors-phase-2-2022"));
  EXPECT_THAT(ids(published.reports.at(1).findings),
              ElementsAre("rape-survivors-phase-2-2022/R1", "rape-survivors-phase-2-2022/R2",
                          "rape-survivors-phase-2-2022/R3"));
  EXPECT_TRUE(published.reports.at(1).all_national);
  EXPECT_FALSE(published.reports.at(0).all_national);
}

TEST(WestMidlandsMarch, TrackerCountsThirtyThreeAndTheMovementOfTheQuarter) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // 6 JTAI + 2 PEEL 2018/19 + 17 PEEL 2021/22 + 5 mental health + 3 rape survivors. Closed: peel-2018-19/AFI1,
  // peel-2021-22/AFI8 and NF3 closed; NF1 and NF5 no longer monitored. 3 of 33 done: 9%.
  EXPECT_EQ(totals(tracker.total), (Totals{28, 5, 33, 3, 9, 6}));
  EXPECT_EQ(tracker.total.of(0), 3);
  EXPECT_EQ(tracker.total.of(1), 15);
  EXPECT_EQ(tracker.total.of(2), 10);
  EXPECT_THAT(closings(tracker.total.closings), ElementsAre(std::pair{"closed", 3}, std::pair{"not-monitored", 2}));
  // Every finding has an owner: nothing awaits allocation. AFI7 awaits sign-off.
  EXPECT_THAT(groups(tracker.by_status),
              ElementsAre(std::pair{"open", 27}, std::pair{"awaiting-sign-off", 1}, std::pair{"closed", 3},
                          std::pair{"not-monitored", 2}));
  EXPECT_THAT(groups(tracker.by_report),
              ElementsAre(std::pair{"peel-2018-19", 2}, std::pair{"peel-2021-22", 17},
                          std::pair{"mental-health-criminal-justice-2021", 5}, std::pair{"jtai-solihull-2022", 6},
                          std::pair{"rape-survivors-phase-2-2022", 3}));
  EXPECT_EQ(tracker.by_report.at(0).counts.percent_complete, 50);  // peel-2018-19/AFI1 closed of 2
  EXPECT_EQ(tracker.by_report.at(1).counts.percent_complete, 12);  // AFI8 and NF3 done of 17

  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(changed(m, m.added),
              ElementsAre("jtai-solihull-2022/AFI1", "jtai-solihull-2022/AFI2", "jtai-solihull-2022/AFI3",
                          "jtai-solihull-2022/AFI4", "jtai-solihull-2022/AFI5", "jtai-solihull-2022/AFI6",
                          "rape-survivors-phase-2-2022/R1", "rape-survivors-phase-2-2022/R2",
                          "rape-survivors-phase-2-2022/R3"));
  EXPECT_THAT(changed(m, m.rag_moved),
              ElementsAre("mental-health-criminal-justice-2021/R1", "mental-health-criminal-justice-2021/R2",
                          "mental-health-criminal-justice-2021/R4", "peel-2018-19/AFI2", "peel-2021-22/AFI1",
                          "peel-2021-22/AFI6", "peel-2021-22/AFI7", "peel-2021-22/AFI10"));
  EXPECT_THAT(changed(m, m.closed), ElementsAre("peel-2021-22/AFI8", "peel-2021-22/NF1", "peel-2021-22/NF5"));
  EXPECT_THAT(closings(m.closings), ElementsAre(std::pair{"closed", 1}, std::pair{"not-monitored", 2}));
  EXPECT_THAT(m.allocated, IsEmpty());
  EXPECT_THAT(m.targets_moved, IsEmpty());  // peel-2018-19/AFI2's moved on 8 November 2021, before the window

  EXPECT_THAT(tracker.overdue, IsEmpty());
  // Last updated before 31 December 2021 (90 days before the cut-off).
  EXPECT_THAT(ids(tracker.stale),
              ElementsAre("mental-health-criminal-justice-2021/R3", "mental-health-criminal-justice-2021/R5",
                          "peel-2021-22/AFI4", "peel-2021-22/AFI9", "peel-2021-22/AFI12", "peel-2021-22/NF2",
                          "peel-2021-22/NF4", "peel-2021-22/NF6"));
}

TEST(WestMidlandsMarch, RedAreTheThreeOpenRedFindings) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& red = section<answers::RedSection>(paper);
  EXPECT_THAT(red.attention, ElementsAre("Red"));
  EXPECT_THAT(ids(red.findings), ElementsAre("jtai-solihull-2022/AFI1", "peel-2021-22/AFI3", "peel-2021-22/AFI5"));
  // AFI3's latest entry (21 February 2022) gives no rating: shown as the latest update besides the rating's.
  ASSERT_NE(red.findings.at(1).latest_update, nullptr);
  EXPECT_EQ(red.findings.at(1).latest_update->date, date("2022-02-21"));
  EXPECT_EQ(red.findings.at(0).latest_update, nullptr);  // its one entry rated it
}

TEST(WestMidlandsMarch, BackgroundIsEveryReportThePaperMentions) {
  const answers::Paper paper = paper_of("west-midlands", "2022-03");
  const auto& decision = section<answers::DecisionSection>(paper);
  EXPECT_THAT(ids(decision.background),
              ElementsAre("peel-2021-22", "jtai-solihull-2022", "rape-survivors-phase-2-2022"));
}

// ---- West Midlands, December 2021: after 30 September up to 22 December 2021.

TEST(WestMidlandsDecember, PeelWasPublishedInTheWindowSoItsNarrativesAreInFull) {
  const auto paper = paper_of("west-midlands", "2021-12");
  const auto& peel = section<answers::PeelSection>(paper);
  ASSERT_TRUE(peel.graded);
  EXPECT_TRUE(peel.graded->narratives);
  // As of 22 December: only NF3 closed; red AFI1, AFI3, AFI5; green AFI8, NF1, NF4, NF5, NF6.
  EXPECT_EQ(totals(peel.graded->finding_counts), (Totals{16, 1, 17, 1, 6, 6}));
  EXPECT_EQ(peel.graded->finding_counts.of(0), 3);
  EXPECT_EQ(peel.graded->finding_counts.of(2), 5);
}

TEST(WestMidlandsDecember, NoFieldworkTwoNotifiedAndTheMentalHealthReport) {
  const auto paper = paper_of("west-midlands", "2021-12");
  const auto& activity = section<answers::ActivitySection>(paper);
  EXPECT_THAT(activity.activity, IsEmpty());
  ASSERT_TRUE(activity.notified);
  EXPECT_THAT(inspection_ids(activity.notified->list.inspections),
              ElementsAre("online-child-sexual-abuse-2022", "serious-youth-violence-2022"));
  const auto& published = section<answers::PublishedSection>(paper);
  EXPECT_THAT(ids(published.peel), ElementsAre("peel-2021-22"));
  EXPECT_THAT(inspection_ids(published.reports), ElementsAre("mental-health-criminal-justice-2021"));
  EXPECT_EQ(published.reports.at(0).findings.size(), 5u);
}

TEST(WestMidlandsDecember, TrackerCountsTwentyFourAndFourRed) {
  const auto paper = paper_of("west-midlands", "2021-12");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // 2 PEEL 2018/19 + 17 PEEL 2021/22 + 5 mental health; closed peel-2018-19/AFI1 and peel-2021-22/NF3.
  EXPECT_EQ(totals(tracker.total), (Totals{22, 2, 24, 2, 8, 6}));
  EXPECT_EQ(tracker.total.of(0), 4);
  EXPECT_EQ(tracker.total.of(1), 13);
  EXPECT_EQ(tracker.total.of(2), 5);
  const answers::Movement& m = tracker.movement;
  EXPECT_EQ(m.added.size(), 22u);  // the 17 PEEL 2021/22 findings counted and the 5 of mental health
  EXPECT_THAT(changed(m, m.closed), ElementsAre("peel-2021-22/NF3"));
  EXPECT_THAT(m.rag_moved, IsEmpty());
  EXPECT_THAT(changed(m, m.targets_moved), ElementsAre("peel-2018-19/AFI2"));  // 2020-03 to 2022-09, 8 November
  EXPECT_THAT(tracker.overdue, IsEmpty());
  EXPECT_THAT(tracker.stale, IsEmpty());
  EXPECT_THAT(ids(section<answers::RedSection>(paper).findings),
              ElementsAre("mental-health-criminal-justice-2021/R1", "peel-2021-22/AFI1", "peel-2021-22/AFI3",
                          "peel-2021-22/AFI5"));
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background),
              ElementsAre("peel-2021-22", "mental-health-criminal-justice-2021"));
}

// ---- Four colours, June 2024: after 8 March up to 14 June 2024; red is derived when overdue, green when done.

TEST(FourColourJune, SectionsAreTheRegistersChoiceWithItsTitles) {
  EXPECT_THAT(titles(paper_of("four-colour", "2024-06")),
              ElementsAre("1. Purpose of report", "2. Decision required", "3. PEEL inspection",
                          "4. Inspection activity since the last committee",
                          "5. Reports published since the last committee", "6. Reports under review",
                          "7. Progress against recommendations", "8. Outstanding findings assessed red"));
}

TEST(FourColourJune, TrackerCountsTwentySixClosedFourWays) {
  const answers::Paper paper = paper_of("four-colour", "2024-06");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // custody-2019 7, custody-2023 2 (R1 repeats custody-2019/R2), PEEL 3, child protection 2024 5 (CoC1 follows
  // its recommendations), child protection 2019 3. Closed: custody-2019/R1 achieved, R3 closed, AFI1 declined;
  // child-protection-2019/R1 closed, and its R2 and AFI1 superseded with their report on 9 May 2024: 3 of 20
  // done, 15%.
  EXPECT_EQ(totals(tracker.total), (Totals{14, 6, 20, 3, 15, 0}));
  EXPECT_THAT(closings(tracker.total.closings), ElementsAre(std::pair{"closed", 2}, std::pair{"achieved", 1},
                                                            std::pair{"superseded", 2}, std::pair{"declined", 1}));
  EXPECT_EQ(tracker.total.of(0), 4);  // red: the three overdue, and custody-2019/AFI1, declined
  EXPECT_EQ(tracker.total.of(1), 9);  // amber
  EXPECT_EQ(tracker.total.of(2), 2);  // white
  EXPECT_EQ(tracker.total.of(3), 3);  // green, given to the achieved and the two closed
  // peel-2023-25/AFI3 has no owner; custody-2019/AFI3 awaits sign-off.
  EXPECT_THAT(groups(tracker.by_status),
              ElementsAre(std::pair{"awaiting-allocation", 1}, std::pair{"open", 12}, std::pair{"awaiting-sign-off", 1},
                          std::pair{"closed", 2}, std::pair{"achieved", 1}, std::pair{"superseded", 2},
                          std::pair{"declined", 1}));
  // Internal audit's priorities: high custody-2019/R2 and child-protection-2024/R1, R2; medium the three AFIs of
  // 2024; low none, kept; fourteen with none.
  EXPECT_THAT(groups(tracker.by_priority),
              ElementsAre(std::pair{"high", 3}, std::pair{"medium", 3}, std::pair{"low", 0}, std::pair{"", 14}));
  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(changed(m, m.added),
              ElementsAre("child-protection-2024/R1", "child-protection-2024/R2", "child-protection-2024/AFI1",
                          "child-protection-2024/AFI2", "child-protection-2024/AFI3", "peel-2023-25/AFI1",
                          "peel-2023-25/AFI2", "peel-2023-25/AFI3"));
  // Its target, March 2024, passed in the window.
  EXPECT_THAT(changed(m, m.rag_moved), ElementsAre("custody-2019/R2"));
  EXPECT_THAT(changed(m, m.status_changed),
              ElementsAre("child-protection-2019/R2", "child-protection-2019/AFI1", "custody-2019/AFI3"));
  EXPECT_THAT(changed(m, m.closed), ElementsAre("child-protection-2019/R2", "child-protection-2019/AFI1"));
  EXPECT_THAT(changed(m, m.allocated), ElementsAre("custody-2023/AFI1"));
  EXPECT_THAT(ids(tracker.overdue), ElementsAre("child-protection-2024/R1", "custody-2019/R2", "peel-2023-25/AFI1"));
  // Not updated since before 15 February 2024 (120 days).
  EXPECT_THAT(ids(tracker.stale), ElementsAre("custody-2019/R2", "custody-2019/R4", "custody-2023/R2"));
}

TEST(FourColourJune, RedAreTheOverdueOnesAndReviewGoesThroughTwoReports) {
  const auto paper = paper_of("four-colour", "2024-06");
  const auto& red = section<answers::RedSection>(paper);
  EXPECT_THAT(ids(red.findings), ElementsAre("child-protection-2024/R1", "custody-2019/R2", "peel-2023-25/AFI1"));
  // Declined, and so red: listed as not to be implemented.
  EXPECT_THAT(ids(red.not_implemented), ElementsAre("custody-2019/AFI1"));
  EXPECT_TRUE(red.findings.at(1).row.state.derived_for_overdue);
  // Its target is March 2024, a month that has passed: no "date TBC".
  ASSERT_TRUE(red.findings.at(1).due);
  EXPECT_EQ(red.findings.at(1).due->date, date("2024-03"));
  EXPECT_TRUE(red.findings.at(1).due->begun);
  // Its entry of 5 December 2023 moved the target: shown as that, not again as the latest update.
  EXPECT_EQ(red.findings.at(1).latest_update, nullptr);
  const auto& review = section<answers::ReviewSection>(paper);
  EXPECT_THAT(inspection_ids(review.reports), ElementsAre("custody-2019", "child-protection-2024"));
  EXPECT_EQ(review.reports.at(0).findings.size(), 7u);
  // Every custody-2019 finding's latest entry has a note: R2's of 5 December 2023, AFI2's of 30 May 2024.
  ASSERT_NE(review.reports.at(0).findings.at(1).latest_note, nullptr);
  EXPECT_EQ(review.reports.at(0).findings.at(1).latest_note->date, date("2023-12-05"));
  ASSERT_NE(review.reports.at(0).findings.at(5).latest_note, nullptr);
  EXPECT_EQ(review.reports.at(0).findings.at(5).latest_note->date, date("2024-05-30"));
  // Amber was written, not derived.
  EXPECT_FALSE(review.reports.at(0).findings.at(5).row.state.rating_derived);
  EXPECT_FALSE(review.reports.at(0).findings.at(5).row.state.derived_for_overdue);
  EXPECT_EQ(totals(review.reports.at(0).counts), (Totals{4, 3, 7, 2, 29, 0}));
  EXPECT_EQ(review.reports.at(1).findings.size(), 6u);
  EXPECT_EQ(totals(review.reports.at(1).counts), (Totals{5, 0, 5, 0, 0, 0}));
  EXPECT_EQ(review.reports.at(1).counts.causes, 1);
  const auto& published = section<answers::PublishedSection>(paper);
  EXPECT_THAT(ids(published.peel), ElementsAre("peel-2023-25"));
  EXPECT_EQ(published.peel_section, 3);
  EXPECT_THAT(inspection_ids(published.reports), ElementsAre("child-protection-2024"));
  const auto& activity = section<answers::ActivitySection>(paper);
  EXPECT_THAT(inspection_ids(activity.activity), ElementsAre("vetting-2024"));
  ASSERT_TRUE(activity.notified);
  EXPECT_EQ(activity.notified->title, "Inspections notified");
  EXPECT_THAT(inspection_ids(activity.notified->list.inspections), ElementsAre("neighbourhood-2024"));
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background),
              ElementsAre("custody-2019", "peel-2023-25", "child-protection-2024"));
}

// ---- Four colours, March 2024: after 1 December 2023 up to 8 March 2024.

TEST(FourColourMarch, NothingRedAndADraftReceived) {
  const auto paper = paper_of("four-colour", "2024-03");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // custody-2019 7, custody-2023 2 counted (R1 is tracked as custody-2019/R2), child protection 2019 3; closed
  // custody-2019/R1, R3, AFI1 and child-protection-2019/R1: 3 of 12 done, 25%.
  EXPECT_EQ(totals(tracker.total), (Totals{8, 4, 12, 3, 25, 0}));
  EXPECT_EQ(tracker.total.of(0), 1);        // custody-2019/AFI1, declined; no open finding is red
  EXPECT_THAT(tracker.overdue, IsEmpty());  // custody-2019/R2's target moved to March 2024, not yet past
  EXPECT_THAT(ids(tracker.stale), ElementsAre("custody-2019/R4", "custody-2019/AFI2", "custody-2019/AFI3"));
  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(m.added, IsEmpty());  // custody-2023 came out on 28 November, before the window
  // R2 was red while overdue and is amber once its target moved; custody-2023's were first rated on 5 December.
  EXPECT_THAT(changed(m, m.rag_moved), ElementsAre("custody-2019/R2", "custody-2023/R2", "custody-2023/AFI1"));
  EXPECT_THAT(changed(m, m.targets_moved), ElementsAre("custody-2019/R2"));
  EXPECT_THAT(section<answers::RedSection>(paper).findings, IsEmpty());
  EXPECT_THAT(ids(section<answers::RedSection>(paper).not_implemented), ElementsAre("custody-2019/AFI1"));
  EXPECT_THAT(section<answers::ReviewSection>(paper).reports, IsEmpty());
  const auto& peel = section<answers::PeelSection>(paper);
  EXPECT_FALSE(peel.graded);
  EXPECT_THAT(inspection_ids(peel.in_progress), ElementsAre("peel-2023-25"));
  const auto& activity = section<answers::ActivitySection>(paper);
  EXPECT_THAT(activity.activity, IsEmpty());
  EXPECT_THAT(inspection_ids(activity.drafts), ElementsAre("child-protection-2024"));
  ASSERT_TRUE(activity.drafts.at(0).received);
  EXPECT_EQ(activity.drafts.at(0).received->date, date("2024-02-26"));
  // The PEEL inspection was notified in July 2023: a month past, given without "date TBC".
  ASSERT_TRUE(peel.in_progress.at(0).notified);
  EXPECT_TRUE(peel.in_progress.at(0).notified->begun);
  ASSERT_TRUE(activity.notified);
  EXPECT_THAT(inspection_ids(activity.notified->list.inspections), ElementsAre("vetting-2024"));
  EXPECT_THAT(section<answers::PublishedSection>(paper).reports, IsEmpty());
  // The red section's finding not to be implemented is the one report it mentions.
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background), ElementsAre("custody-2019"));
}

// ---- The pillar years: June 2017 (after 10 March up to 9 June 2017) and March 2018 (up to 23 March 2018).

TEST(PillarEraJune2017, TheFour2016ReportsMakeOneAssessment) {
  const auto paper = paper_of("pillar-era", "2017-06");
  const auto& peel = section<answers::PeelSection>(paper);
  ASSERT_TRUE(peel.graded);
  EXPECT_THAT(ids(peel.graded->table.reports),
              ElementsAre("peel-2016-efficiency", "peel-2016-leadership", "peel-2016-legitimacy",
                          "peel-2016-effectiveness"));
  EXPECT_THAT(ids(peel.graded->findings),
              ElementsAre("peel-2016-efficiency/AFI1", "peel-2016-legitimacy/AFI1", "peel-2016-effectiveness/AFI1",
                          "peel-2016-effectiveness/AFI2"));
  EXPECT_THAT(inspection_ids(peel.in_progress), ElementsAre("peel-2017-effectiveness"));
  const auto& tracker = section<answers::TrackerSection>(paper);
  EXPECT_EQ(totals(tracker.total), (Totals{4, 0, 4, 0, 0, 0}));
  EXPECT_EQ(tracker.total.of(1), 3);  // amber: both effectiveness AFIs and legitimacy's
  EXPECT_EQ(tracker.total.of(2), 1);  // green: efficiency's
  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(m.added, IsEmpty());
  EXPECT_THAT(changed(m, m.rag_moved),
              ElementsAre("peel-2016-effectiveness/AFI1", "peel-2016-effectiveness/AFI2", "peel-2016-efficiency/AFI1",
                          "peel-2016-legitimacy/AFI1"));
  EXPECT_THAT(section<answers::RedSection>(paper).findings, IsEmpty());
  const auto& activity = section<answers::ActivitySection>(paper);
  EXPECT_THAT(activity.activity, IsEmpty());
  EXPECT_THAT(inspection_ids(activity.drafts), ElementsAre("custody-2017"));
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background),
              ElementsAre("peel-2016-efficiency", "peel-2016-leadership", "peel-2016-legitimacy",
                          "peel-2016-effectiveness"));
}

TEST(PillarEraMarch2018, The2017ReportsAndTheOverdue2016Findings) {
  const auto paper = paper_of("pillar-era", "2018-03");
  const auto& peel = section<answers::PeelSection>(paper);
  ASSERT_TRUE(peel.graded);
  EXPECT_THAT(ids(peel.graded->table.reports),
              ElementsAre("peel-2017-efficiency", "peel-2017-legitimacy", "peel-2017-effectiveness"));
  EXPECT_THAT(ids(peel.graded->findings), ElementsAre("peel-2017-legitimacy/AFI1", "peel-2017-effectiveness/AFI1"));
  // The 2017 effectiveness report keeps the 2016 judgement on preventing crime and serious and organised crime.
  std::vector<std::string> carried;
  for (const answers::GradedArea& area : peel.graded->table.carried_over) {
    carried.push_back(std::string(area.area->id) + " from " + std::string(area.carried_over_from->id));
  }
  EXPECT_THAT(carried, ElementsAre("preventing-crime from peel-2016-effectiveness",
                                   "tackling-soc from peel-2016-effectiveness"));
  EXPECT_TRUE(peel.graded->narratives);  // the 2017 reports came out in the window
  const auto& tracker = section<answers::TrackerSection>(paper);
  EXPECT_EQ(totals(tracker.total), (Totals{5, 1, 6, 1, 17, 0}));
  EXPECT_THAT(ids(tracker.overdue),
              ElementsAre("peel-2016-effectiveness/AFI1", "peel-2016-effectiveness/AFI2", "peel-2016-legitimacy/AFI1"));
  EXPECT_THAT(ids(tracker.stale), ElementsAre("peel-2016-effectiveness/AFI2", "peel-2016-legitimacy/AFI1"));
  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(changed(m, m.added), ElementsAre("peel-2017-effectiveness/AFI1", "peel-2017-legitimacy/AFI1"));
  EXPECT_THAT(changed(m, m.closed), ElementsAre("peel-2016-efficiency/AFI1"));
  EXPECT_THAT(changed(m, m.rag_moved),
              ElementsAre("peel-2016-effectiveness/AFI1", "peel-2016-effectiveness/AFI2", "peel-2016-legitimacy/AFI1"));
  EXPECT_THAT(ids(section<answers::RedSection>(paper).findings), ElementsAre("peel-2016-effectiveness/AFI2"));
  const auto& published = section<answers::PublishedSection>(paper);
  EXPECT_THAT(ids(published.peel),
              ElementsAre("peel-2017-efficiency", "peel-2017-legitimacy", "peel-2017-effectiveness"));
  EXPECT_THAT(inspection_ids(published.reports), ElementsAre("custody-2017"));
  EXPECT_THAT(inspection_ids(section<answers::ActivitySection>(paper).activity),
              ElementsAre("peel-2017-effectiveness"));
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background),
              ElementsAre("peel-2016-effectiveness", "custody-2017", "peel-2017-efficiency", "peel-2017-legitimacy",
                          "peel-2017-effectiveness"));
}

// ---- The minimal register: its one meeting covers everything up to 31 March 2022.

// ---- Old style, June 2017: a register transcribed from a paper that knew most states only as at 8 June 2017,
// the cut-off; the window is after 10 March up to 8 June 2017.

TEST(OldStyleJune2017, EveryStateAsAtTheCutOffIsCountedButNoneIsAChange) {
  const answers::Paper paper = paper_of("old-style", "2017-06");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // 29 findings: 8 of cdi-2014, 6 of custody-2010, 6 of vulnerability-2015, 9 of the 2015 PEEL report.
  // Closed as at 8 June: cdi R1-R4 and R8, custody R1, R2 and AFI1, vulnerability R1, PEEL AFI1, AFI2 and AFI7
  // closed (12); cdi R5 achieved; custody AFI2 not monitored. Done: 12 + 1 = 13 of 29, 45%.
  EXPECT_EQ(totals(tracker.total), (Totals{15, 14, 29, 13, 45, 0}));
  EXPECT_EQ(tracker.total.of(0), 3);    // red: cdi R7, vulnerability R4, PEEL AFI4
  EXPECT_EQ(tracker.total.of(1), 5);    // amber: cdi R6, custody R3, vulnerability R2, PEEL AFI3, AFI5
  EXPECT_EQ(tracker.total.of(2), 4);    // green: custody AFI3, vulnerability R3, PEEL AFI6, AFI8
  EXPECT_EQ(tracker.total.unrated, 3);  // vulnerability R5, R6 and PEEL AFI9: no history at all
  EXPECT_THAT(closings(tracker.total.closings),
              ElementsAre(std::pair{"closed", 12}, std::pair{"achieved", 1}, std::pair{"not-monitored", 1}));
  const answers::Movement& m = tracker.movement;
  EXPECT_THAT(m.changes, IsEmpty());
  EXPECT_THAT(m.added, IsEmpty());
  EXPECT_THAT(m.closed, IsEmpty());
  EXPECT_THAT(m.rag_moved, IsEmpty());
  EXPECT_THAT(m.targets_moved, IsEmpty());
  // Every finding with history (29 less the three without) has its state as at 8 June.
  ASSERT_EQ(m.recorded_as_at.size(), 1u);
  EXPECT_EQ(m.recorded_as_at[0].date.iso(), "2017-06-08");
  EXPECT_EQ(m.recorded_as_at[0].count, 26);
  EXPECT_THAT(ids(tracker.overdue),
              ElementsAre("cdi-2014/R7", "peel-2015-effectiveness/AFI4", "vulnerability-2015/R4"));
  // States as at the cut-off are 0 days old; the three without history date from their reports (2015, 2016).
  EXPECT_THAT(ids(tracker.stale),
              ElementsAre("peel-2015-effectiveness/AFI9", "vulnerability-2015/R5", "vulnerability-2015/R6"));
}

TEST(OldStyleJune2017, RedAreRatedAsAtTheCutOffNotOnIt) {
  const answers::Paper paper = paper_of("old-style", "2017-06");
  const auto& red = section<answers::RedSection>(paper);
  EXPECT_THAT(ids(red.findings), ElementsAre("cdi-2014/R7", "peel-2015-effectiveness/AFI4", "vulnerability-2015/R4"));
  for (const answers::RedFinding& f : red.findings) {
    ASSERT_NE(f.row.state.rated_by, nullptr) << f.row.finding->id;
    EXPECT_TRUE(f.row.state.rated_by->as_at) << f.row.finding->id;
    EXPECT_TRUE(f.row.last_update_as_at) << f.row.finding->id;
  }
}

TEST(OldStyleJune2017, UndatedEventsAndDraftsAndAnInspectionWithNoDates) {
  const answers::Paper paper = paper_of("old-style", "2017-06");
  const auto& activity = section<answers::ActivitySection>(paper);
  // Fieldwork from 13 March (child protection) and 15 May (custody), both in the window.
  EXPECT_THAT(inspection_ids(activity.activity), ElementsAre("child-protection-2017", "custody-2017"));
  const answers::Activity& custody = activity.activity.at(1);
  ASSERT_EQ(custody.events_to_come.size(), 1u);  // the hot debrief, still to be arranged
  EXPECT_FALSE(custody.events_to_come[0]->when.dated());
  EXPECT_THAT(custody.events, IsEmpty());
  ASSERT_TRUE(custody.draft_expected);
  EXPECT_FALSE(custody.draft_expected->dated());
  // The child protection draft is in, on a day the register does not give.
  EXPECT_THAT(inspection_ids(activity.drafts), ElementsAre("child-protection-2017"));
  EXPECT_FALSE(activity.drafts.at(0).received);
  // The joint inspection has no date at all: expected, and not listed as notified.
  ASSERT_TRUE(activity.notified);
  EXPECT_THAT(activity.notified->list.inspections, IsEmpty());
  EXPECT_THAT(ids(activity.notified->list.undated), ElementsAre("jtai-domestic-abuse"));
  // Nor is it among the upcoming inspections that `inspections --upcoming` and `status` give.
  EXPECT_THAT(ids(query::calendar(example("old-style"), {std::nullopt, test::date("2017-06-08")},
                                  answers::CalendarScope::upcoming)),
              IsEmpty());
}

TEST(OldStyleJune2017, ReportsPublishedInAYearAloneCountAndSortAsTheirYear) {
  const answers::Paper paper = paper_of("old-style", "2017-06");
  const auto& tracker = section<answers::TrackerSection>(paper);
  // By publication: custody "2010", cdi "2014", vulnerability "2015-12", PEEL "2016-03"; 6, 8, 6 and 9 findings.
  std::vector<std::string> published;
  for (const answers::RagGroup& g : tracker.by_report) published.push_back(g.inspection->published->iso());
  EXPECT_THAT(published, ElementsAre("2010", "2014", "2015-12", "2016-03"));
  EXPECT_THAT(groups(tracker.by_report),
              ElementsAre(std::pair{"custody-2010", 6}, std::pair{"cdi-2014", 8}, std::pair{"vulnerability-2015", 6},
                          std::pair{"peel-2015-effectiveness", 9}));
}

// ---- Old style, September 2017: after 8 June up to 15 September 2017, with dated changes after the as-at states.

TEST(OldStyleSeptember2017, TellsOnlyTheDatedChanges) {
  const answers::Paper paper = paper_of("old-style", "2017-09");
  const auto& tracker = section<answers::TrackerSection>(paper);
  const answers::Movement& m = tracker.movement;
  // cdi R6 amber -> red (12 September), PEEL AFI3 amber -> green (24 July), vulnerability R4 red -> amber (21 August).
  EXPECT_THAT(changed(m, m.rag_moved),
              ElementsAre("cdi-2014/R6", "peel-2015-effectiveness/AFI3", "vulnerability-2015/R4"));
  // custody R3 closed (20 July), PEEL AFI8 achieved (11 September).
  EXPECT_THAT(changed(m, m.closed), ElementsAre("custody-2010/R3", "peel-2015-effectiveness/AFI8"));
  EXPECT_THAT(closings(m.closings), ElementsAre(std::pair{"closed", 1}, std::pair{"achieved", 1}));
  EXPECT_THAT(changed(m, m.targets_moved), ElementsAre("peel-2015-effectiveness/AFI5"));  // 30 September -> 31 March
  EXPECT_THAT(m.added, IsEmpty());
  EXPECT_THAT(m.recorded_as_at, IsEmpty());
  // Done: 13 closed and 2 achieved of 29, 52%.
  EXPECT_EQ(totals(tracker.total), (Totals{13, 16, 29, 15, 52, 0}));
  EXPECT_THAT(ids(tracker.overdue),
              ElementsAre("cdi-2014/R6", "cdi-2014/R7", "peel-2015-effectiveness/AFI4", "peel-2015-effectiveness/AFI6",
                          "vulnerability-2015/R2", "vulnerability-2015/R4"));
  // 15 September is 99 days after 8 June: the open findings last known as at then are stale, with the three
  // that never had an entry.
  EXPECT_THAT(ids(tracker.stale),
              ElementsAre("cdi-2014/R7", "custody-2010/AFI3", "peel-2015-effectiveness/AFI4",
                          "peel-2015-effectiveness/AFI6", "peel-2015-effectiveness/AFI9", "vulnerability-2015/R2",
                          "vulnerability-2015/R3", "vulnerability-2015/R5", "vulnerability-2015/R6"));
  // The custody fieldwork (May) is before the window, and an undated debrief alone does not make it active.
  EXPECT_THAT(section<answers::ActivitySection>(paper).activity, IsEmpty());
}

TEST(Minimal, OneReportOneFinding) {
  const auto paper = paper_of("minimal", "2022-03");
  const auto& tracker = section<answers::TrackerSection>(paper);
  EXPECT_EQ(totals(tracker.total), (Totals{1, 0, 1, 0, 0, 0}));
  EXPECT_THAT(changed(tracker.movement, tracker.movement.added), ElementsAre("thematic-example-2022/R1"));
  EXPECT_THAT(section<answers::RedSection>(paper).findings, IsEmpty());
  EXPECT_THAT(inspection_ids(section<answers::PublishedSection>(paper).reports), ElementsAre("thematic-example-2022"));
  EXPECT_THAT(ids(section<answers::DecisionSection>(paper).background), ElementsAre("thematic-example-2022"));
}

// ---- A layout of the register's choosing: only the sections it names, numbered in its order.

TEST(ChosenLayout, HasOnlyTheSectionsNamedAndFindsNoPeelSectionToPointAt) {
  const auto loaded = test::Register()
                          .file("hmicfrs-track.yaml", "schema_version: 1\nforce: {name: Test Police}\n"
                                                      "committee: {name: Audit Committee}\n"
                                                      "paper: {title: Update, sections: [published, red]}\n"
                                                      "portfolios: [{id: crime, name: Crime}]\n")
                          .file("inspections/a.yaml",
                                "id: a\ntype: peel\ntitle: A\npublished: 2022-02-01\n"
                                "findings:\n  - {ref: AFI1, type: afi, title: T, owner: O, portfolio: crime,\n"
                                "     history: [{date: 2022-02-10, status: open, rag: red}]}\n")
                          .load("2022-03-31");
  const model::Dataset& dataset = loaded.dataset;
  const auto window = query::find_meeting(dataset, "2022-03");
  ASSERT_TRUE(window);
  const answers::Paper paper = query::assemble_paper(dataset, *window, window->meeting->cut_off());
  EXPECT_THAT(titles(paper),
              ElementsAre("1. Reports published since the last committee", "2. Outstanding findings assessed red"));
  const auto& published = section<answers::PublishedSection>(paper);
  EXPECT_THAT(ids(published.peel), ElementsAre("a"));
  EXPECT_EQ(published.peel_section, 0);  // the paper has no PEEL section
  EXPECT_THAT(ids(section<answers::RedSection>(paper).findings), ElementsAre("a/AFI1"));
}

}  // namespace
}  // namespace hmicfrs::test
