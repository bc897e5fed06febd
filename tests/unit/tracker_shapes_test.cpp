// What a force's own tracker adds to a register, answer by answer: readable names for findings, links told by
// number and title, whole reports superseded, a priority dimension, themes, and the register's own background
// documents and decision.

#include <sstream>
#include <string>
#include <variant>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/render/labels.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Two custody reports: the 2019 one superseded as a whole by the 2023 one on 1 February 2022; a recommendation
// of 2023 repeats one of 2019 and relates to another, which it supersedes.
Register superseding_register() {
  return Register()
      .file("hmicfrs-track.yaml",
            "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
            "portfolios:\n  - {id: crime, name: Crime}\n  - {id: people, name: People}\n"
            "priorities:\n  title: Source\n  table_each: true\n  values:\n"
            "    - {id: hmicfrs, name: HMICFRS}\n    - {id: internal-audit, name: Internal audit}\n"
            "paper:\n  decision: The Committee is asked to approve the improvement plan.\n"
            "  background:\n    - {title: Custody improvement plan, date: 2022-01, url: 'https://example.org/plan'}\n")
      .file("inspections/custody-2019.yaml",
            "id: custody-2019\ntype: custody\ntitle: Everyone's business\npublished: 2019-11-12\n"
            "superseded: {by: custody-2022, date: 2022-02-01}\n"
            "findings:\n"
            "  - {ref: R1, type: recommendation, title: Record use of force, owner: Custody lead, portfolio: crime,\n"
            "     priority: hmicfrs, history: [{date: 2020-01-10, rag: amber}]}\n"
            "  - {ref: R4, type: recommendation, title: Check risk assessments, owner: Custody lead,\n"
            "     portfolio: crime, priority: hmicfrs,\n"
            "     history: [{date: 2022-02-05, status: superseded, by: custody-2022/R2}]}\n"
            "  - {ref: R5, type: recommendation, title: Publish schedules, owner: Custody lead, portfolio: crime,\n"
            "     history: [{date: 2020-05-01, status: closed}]}\n")
      .file("inspections/custody-2022.yaml",
            "id: custody-2022\ntype: custody\ntitle: Second visit\nshort_name: Custody 2022\npublished: 2022-02-01\n"
            "findings:\n"
            "  - {ref: R2, type: recommendation, title: Check risk assessments twice, owner: Custody lead,\n"
            "     portfolio: crime, priority: internal-audit, related: [custody-2019/R4], theme: Detainee safety,\n"
            "     history: [{date: 2022-02-10, rag: red}]}\n"
            "  - {ref: AFI1, type: afi, title: Offer showers, owner: Custody lead, portfolio: people,\n"
            "     theme: Dignity, history: [{date: 2022-02-15, rag: amber}]}\n"
            "  - {ref: AFI2, type: afi, title: Train staff, owner: Custody lead, portfolio: people,\n"
            "     theme: Detainee safety, history: [{date: 2022-02-15, rag: amber}]}\n")
      .file("committees.yaml",
            "meetings:\n  - {id: 2021-12, date: 2021-12-22}\n"
            "  - {id: 2022-03, date: 2022-03-31, review: [custody-2022]}\n");
}

answers::Paper march(const model::Dataset& dataset) {
  return query::assemble_paper(dataset, *query::find_meeting(dataset, "2022-03"), date("2022-03-31"));
}

template <class Body>
const Body& section(const answers::Paper& paper) {
  for (const answers::PaperSection& s : paper.sections) {
    if (const auto* body = std::get_if<Body>(&s.body)) return *body;
  }
  throw std::logic_error("the paper has no such section");
}

std::string markdown(const answers::Paper& paper) {
  std::ostringstream out;
  render::write(out, paper, render::Output{render::Format::markdown, {}});
  return out.str();
}

TEST(TrackerShapes, TheRegisterValidates) { EXPECT_THAT(superseding_register().diagnostics(), IsEmpty()); }

// On 1 February 2022 the open findings of the 2019 report (R1, R4) become superseded; R5, closed before, stays
// closed. Before that day they are open.
TEST(TrackerShapes, AWholeReportSupersededSupersedesItsOpenFindings) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const model::Inspection& old = *dataset.find_inspection("custody-2019");
  const auto status = [&](std::string_view ref, const char* on) {
    return query::state_as_of(dataset, old, *old.find_finding(ref), date(on)).status;
  };
  EXPECT_EQ(status("R1", "2022-01-31"), model::Status::open);
  EXPECT_EQ(status("R1", "2022-02-01"), model::Status::superseded);
  EXPECT_EQ(status("R4", "2022-02-01"), model::Status::superseded);
  EXPECT_EQ(status("R5", "2022-02-01"), model::Status::closed);
  // Counted once each, as superseded findings are: six findings, three of them closed (two superseded).
  const answers::RagCounts total =
      query::rag_total(query::findings_as_of(dataset, date("2022-03-31")), dataset.config.vocabulary);
  EXPECT_EQ(total.total(), 6);
  EXPECT_EQ(total.closed, 3);
  ASSERT_EQ(total.closings.size(), 2U);
  EXPECT_EQ(total.closings[1].status, model::Status::superseded);
  EXPECT_EQ(total.closings[1].count, 2);
  // And the window's movement tells them as closed in it.
  const answers::Paper paper = march(dataset);
  const auto& tracker = section<answers::TrackerSection>(paper);
  std::vector<std::string> closed;
  for (const std::size_t at : tracker.movement.closed) closed.push_back(tracker.movement.changes[at].finding->id.str());
  EXPECT_THAT(closed, ElementsAre("custody-2019/R1", "custody-2019/R4"));
}

// Superseding a whole report leaves alone a finding a later report re-issues (the later report carries it on) and
// a cause of concern (which follows its recommendations); an entry dated on the day comes after it.
TEST(TrackerShapes, AWholeReportSupersessionSparesRepeatsAndCausesAndPrecedesTheDaysEntries) {
  const model::Dataset dataset =
      Register()
          .file("inspections/old.yaml",
                "id: old\ntype: custody\ntitle: Old\npublished: 2020-01-10\n"
                "superseded: {by: new, date: 2022-02-01}\nfindings:\n"
                "  - {ref: CoC1, type: cause-of-concern, title: C}\n"
                "  - {ref: R1, type: recommendation, title: A, owner: O, cause_of_concern: CoC1,\n"
                "     history: [{date: 2021-01-01, status: achieved}]}\n"
                "  - {ref: R2, type: recommendation, title: B, owner: O, history: [{date: 2021-01-01, rag: amber}]}\n"
                "  - {ref: R3, type: recommendation, title: D, owner: O,\n"
                "     history: [{date: 2022-02-01, status: open, rag: amber, note: Kept open}]}\n"
                "  - {ref: R4, type: recommendation, title: E, owner: O, history: [{date: 2021-01-01, rag: amber}]}\n")
          .file("inspections/new.yaml",
                "id: new\ntype: custody\ntitle: New\npublished: 2022-02-01\nfindings:\n"
                "  - {ref: R1, type: recommendation, title: B again, repeats: old/R2}\n")
          .load()
          .dataset;
  const model::Inspection& old = *dataset.find_inspection("old");
  const auto status = [&](std::string_view ref) {
    return query::state_as_of(dataset, old, *old.find_finding(ref), date("2022-03-31")).status;
  };
  EXPECT_EQ(status("CoC1"), model::Status::closed);  // its one recommendation was achieved
  EXPECT_EQ(status("R2"), model::Status::open);      // carried on by new/R1
  EXPECT_EQ(status("R3"), model::Status::open);      // reopened on the day
  EXPECT_EQ(status("R4"), model::Status::superseded);
}

// `rag` of a filtered part of the register gives the groups it holds; of the whole, every declared one.
TEST(TrackerShapes, DeclaredRowsAreKeptOnlyForTheWholeRegister) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const auto rows = query::findings_as_of(dataset, date("2022-03-31"));
  EXPECT_EQ(query::rag_by(rows, answers::Grouping::priority, dataset.config, true).size(), 3U);
  std::vector<answers::FindingRow> people;
  for (const answers::FindingRow& row : rows) {
    if (row.portfolio != nullptr && row.portfolio->id == "people") people.push_back(row);
  }
  const auto groups = query::rag_by(people, answers::Grouping::portfolio, dataset.config);
  ASSERT_EQ(groups.size(), 1U);
  EXPECT_EQ(groups[0].label, "People");
}

TEST(TrackerShapes, ASupersessionNamingNoReportOrBeforePublicationIsAnError) {
  EXPECT_THAT(Register()
                  .file("inspections/a.yaml",
                        "id: a\ntype: custody\ntitle: A\npublished: 2020-05-01\n"
                        "superseded: {by: custody-2002, date: 2020-04-01}\n")
                  .file("inspections/b.yaml", "id: custody-2022\ntype: custody\ntitle: B\n")
                  .diagnostics(),
              ElementsAre("inspections/a.yaml:5:18: error: 'superseded' names no inspection: there is no "
                          "'custody-2002': did you mean 'custody-2022'? [unknown-reference]"));
  EXPECT_THAT(Register()
                  .file("inspections/a.yaml",
                        "id: a\ntype: custody\ntitle: A\npublished: 2020-05-01\n"
                        "superseded: {by: b, date: 2020-04-01}\n")
                  .file("inspections/b.yaml", "id: b\ntype: custody\ntitle: B\n")
                  .diagnostics(),
              ElementsAre("inspections/a.yaml:5:13: error: 'a' is superseded on 2020-04-01, before it was published "
                          "(2020-05-01): give the day the later report replaced it [date-order]"));
}

TEST(TrackerShapes, AnUnknownPriorityListsThoseDeclared) {
  EXPECT_THAT(superseding_register()
                  .file("inspections/c.yaml",
                        "id: c\ntype: custody\ntitle: C\npublished: 2022-01-01\nfindings:\n"
                        "  - {ref: R1, type: recommendation, title: T, owner: O, priority: hmicrfs}\n")
                  .diagnostics(),
              ElementsAre("inspections/c.yaml:6:11: warning: open finding 'c/R1' has no RAG rating as of 2022-03-31 "
                          "[unrated-open-finding]",
                          "inspections/c.yaml:6:67: error: unknown priority 'hmicrfs': did you mean 'hmicfrs'? "
                          "(expected hmicfrs or internal-audit, as 'priorities' in hmicfrs-track.yaml "
                          "declares) [unknown-reference]"));
}

// By source: HMICFRS holds R1 and R4 (both superseded), internal audit R2 (red); three have none.
TEST(TrackerShapes, ThePriorityDimensionGroupsTheTrackerAndKeepsEmptyRows) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const answers::Paper paper = march(dataset);
  const auto& tracker = section<answers::TrackerSection>(paper);
  EXPECT_EQ(tracker.priority_title, "Source");
  ASSERT_EQ(tracker.by_priority.size(), 3U);
  EXPECT_EQ(tracker.by_priority[0].label, "HMICFRS");
  EXPECT_EQ(tracker.by_priority[0].counts.closed, 2);
  EXPECT_EQ(tracker.by_priority[0].counts.open(), 0);
  EXPECT_EQ(tracker.by_priority[1].label, "Internal audit");
  EXPECT_EQ(tracker.by_priority[1].counts.open(), 1);
  EXPECT_EQ(tracker.by_priority[2].label, "(none given)");
  EXPECT_EQ(tracker.by_priority[2].counts.total(), 3);
  // One table per source, each with both portfolios, the empty one kept.
  ASSERT_EQ(tracker.per_priority.size(), 2U);
  ASSERT_EQ(tracker.per_priority[1].by_portfolio.size(), 2U);
  EXPECT_EQ(tracker.per_priority[1].by_portfolio[0].counts.total(), 1);
  EXPECT_EQ(tracker.per_priority[1].by_portfolio[1].label, "People");
  EXPECT_EQ(tracker.per_priority[1].by_portfolio[1].counts.total(), 0);
  const std::string md = markdown(paper);
  EXPECT_THAT(md, HasSubstr("### By source\n\n| Source | Red | Amber | Green | Unrated | Open | Closed | Total |\n"));
  EXPECT_THAT(md, HasSubstr("### Source: Internal audit\n"));
}

TEST(TrackerShapes, TheRedSectionNamesFindingsByShortNameAndTellsTheirLinksByNumberAndTitle) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const std::string md = markdown(march(dataset));
  EXPECT_THAT(md, HasSubstr("### 7.1. Custody 2022 Recommendation 2: Check risk assessments twice\n\n"
                            "- **Id:** custody-2022/R2\n"));
  EXPECT_THAT(
      md, HasSubstr("- **Links:** Relates to recommendation 4 of 'Everyone's business', 2019, which it supersedes\n"));
}

TEST(TrackerShapes, ReviewGivesEachFindingInFullUnderItsTheme) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const answers::Paper paper = march(dataset);
  const auto& review = section<answers::ReviewSection>(paper);
  ASSERT_EQ(review.reports.size(), 1U);
  const auto& themes = review.reports[0].themes;
  ASSERT_EQ(themes.size(), 2U);
  EXPECT_EQ(themes[0].name, "Detainee safety");
  EXPECT_THAT(themes[0].findings, ElementsAre(0U, 2U));
  EXPECT_EQ(themes[1].name, "Dignity");
  EXPECT_THAT(themes[1].findings, ElementsAre(1U));
  const std::string md = markdown(paper);
  EXPECT_THAT(md, HasSubstr("#### Detainee safety\n\n- **Finding:** Custody 2022 Recommendation 2 "
                            "(custody-2022/R2)\n- **Owner:** Custody lead\n- **Due:** No date set\n"
                            "- **Scope:** This force\n- **Status:** Open\n- **Rating:** Red\n"));
}

TEST(TrackerShapes, TheDecisionIsTheRegistersAndBackgroundDocumentsIncludeItsOwn) {
  const model::Dataset dataset = superseding_register().load().dataset;
  const std::string md = markdown(march(dataset));
  EXPECT_THAT(md, HasSubstr("The Committee is asked to approve the improvement plan.\n"));
  EXPECT_THAT(md, Not(HasSubstr("submitted for the information")));
  EXPECT_THAT(md, HasSubstr("[Custody improvement plan, January 2022](https://example.org/plan)"));
}

// An imported tracker's shape: dated updates, then the state known as at a day, with no note of its own. The
// latest note is the update's, and every view gives it: a later entry of a state alone does not hide it.
TEST(TrackerShapes, TheLatestNoteIsNotHiddenByALaterEntryOfAStateAlone) {
  const model::Dataset dataset =
      Register()
          .file("hmicfrs-track.yaml",
                "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Audit Committee}\n"
                "portfolios: []\n")
          .file("inspections/peel-2021-22.yaml",
                "id: peel-2021-22\ntype: peel\ntitle: PEEL 2021/22\npublished: 2022-05-27\nfindings:\n"
                "  - ref: AFI4\n    type: afi\n    title: Tell victims about bail\n    owner: Head of Crime\n"
                "    history:\n      - {date: 2024-10-01, note: Letters drafted}\n"
                "      - {date: 2024-11-05, note: Letters redesigned; uptake low}\n"
                "      - {as_at: 2025-06-30, status: open, rag: red}\n")
          .file("committees.yaml", "meetings:\n  - {id: 2025-07, date: 2025-07-10, review: [peel-2021-22]}\n")
          .load()
          .dataset;
  const answers::Paper paper =
      query::assemble_paper(dataset, *query::find_meeting(dataset, "2025-07"), date("2025-06-30"));
  const auto& red = section<answers::RedSection>(paper);
  ASSERT_EQ(red.findings.size(), 1U);
  ASSERT_NE(red.findings[0].latest_update, nullptr);
  EXPECT_EQ(red.findings[0].latest_update->note, "Letters redesigned; uptake low");
  const auto& review = section<answers::ReviewSection>(paper);
  ASSERT_NE(review.reports.at(0).findings.at(0).latest_note, nullptr);
  EXPECT_EQ(review.reports.at(0).findings.at(0).latest_note->date.iso(), "2024-11-05");
  const std::string md = markdown(paper);
  EXPECT_THAT(md, HasSubstr("- **Why red:** Rated as at 30 June 2025\n"
                            "- **Latest update:** 5 November 2024: Letters redesigned; uptake low\n"));
  const std::vector<answers::FindingRow> rows = query::findings_as_of(dataset, date("2025-06-30"));
  ASSERT_EQ(rows.size(), 1U);
  ASSERT_NE(rows[0].state.noted, nullptr);
  EXPECT_EQ(rows[0].state.noted->note, "Letters redesigned; uptake low");
  EXPECT_EQ(rows[0].state.latest->date.iso(), "2025-06-30");
}

TEST(TrackerShapes, FindingNumbersComeFromTheirRefs) {
  model::Finding f;
  for (const auto& [ref, number] : std::initializer_list<std::pair<const char*, const char*>>{
           {"AFI3", "3"}, {"R1.2", "1.2"}, {"CoC-1", "1"}, {"4", "4"}, {"ABC", "ABC"}, {"R2a", "2a"}}) {
    f.ref = model::Interned(ref);
    EXPECT_EQ(render::finding_number(f), number) << ref;
  }
}

}  // namespace
}  // namespace hmicfrs::test
