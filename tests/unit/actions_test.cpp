// Actions under a finding: where each stands, the finding's "actions complete", the rules that rate a finding by
// them, and what validate says of them. The figures are worked out by hand from examples/oversight's files.

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/actions.hpp>
#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs::test {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::Optional;

const model::Dataset& oversight() {
  static const model::Dataset dataset = load::load_dataset("examples/oversight").dataset;
  return dataset;
}

answers::FindingRow row(const std::string& id, const std::string& as_of) {
  const auto slash = id.find('/');
  const model::Inspection* inspection = oversight().find_inspection(id.substr(0, slash));
  const model::Finding* finding = inspection->find_finding(id.substr(slash + 1));
  return query::row_of(oversight(), *inspection, *finding, date(as_of));
}

std::vector<int> percents(const answers::FindingRow& r) {
  std::vector<int> out;
  for (const answers::ActionState& a : r.actions) out.push_back(a.counted_percent());
  return out;
}

TEST(Actions, EachActionAsOfADateAndTheFindingsProgress) {
  // R2 on 14 June 2024: A1 closed on 20 February (100), A2 at 60 since 15 May, A3 at 30 since 1 March and due 31
  // May, so overdue. The mean: (100 + 60 + 30) / 3.
  const answers::FindingRow r2 = row("peel-2023-25/R2", "2024-06-14");
  EXPECT_THAT(percents(r2), ElementsAre(100, 60, 30));
  ASSERT_EQ(r2.actions.size(), 3u);
  EXPECT_EQ(r2.actions[0].status, model::ActionStatus::closed);
  EXPECT_EQ(r2.actions[0].owner, "Head of Performance");
  EXPECT_EQ(r2.actions[1].owner, "Detective Chief Superintendent (Investigations)");  // the finding's
  EXPECT_THAT(std::vector<bool>({r2.actions[0].overdue, r2.actions[1].overdue, r2.actions[2].overdue}),
              ElementsAre(false, false, true));
  EXPECT_THAT(r2.actions_complete, Optional(DoubleEq(190.0 / 3)));
  // AFI1 on 11 October 2024: A1 closed (100); A2 went back from 10 to 5 with a note; A3 closed at 30 with its
  // reason, counting 100: (100 + 5 + 100) / 3.
  const answers::FindingRow afi1 = row("peel-2023-25/AFI1", "2024-10-11");
  EXPECT_THAT(percents(afi1), ElementsAre(100, 5, 100));
  EXPECT_EQ(afi1.actions[2].percent, 30);
  EXPECT_THAT(afi1.actions_complete, Optional(DoubleEq(205.0 / 3)));
  // Before any entry every action is open at 0.
  EXPECT_THAT(percents(row("peel-2023-25/R2", "2023-12-01")), ElementsAre(0, 0, 0));
  // A finding without actions has none, and no progress.
  EXPECT_FALSE(row("vetting-2024/R1", "2024-06-14").actions_complete.has_value());
}

TEST(Actions, TheFirstRuleThatMatchesRatesTheFinding) {
  // The rules: 1 red under 50 and overdue; 2 red up to 25; 3 amber up to 75; 4 green.
  const auto rated = [](const std::string& id, const std::string& as_of) {
    const answers::FindingRow r = row(id, as_of);
    return std::pair{std::string(r.state.rating != nullptr ? r.state.rating->id : "none"),
                     r.state.action_rule != nullptr ? r.state.action_rule->number : 0};
  };
  // R2: 0 on 1 December 2023 (rule 2, red); 50 on 8 March 2024, which is not under 50 and at most 75 (rule 3,
  // amber, over the red written in November); 93.3 on 11 October (rule 4, green, though past its target: rule 1
  // asks under 50 as well).
  EXPECT_EQ(rated("peel-2023-25/R2", "2023-12-01"), std::pair(std::string("red"), 2));
  EXPECT_EQ(rated("peel-2023-25/R2", "2024-03-08"), std::pair(std::string("amber"), 3));
  EXPECT_EQ(rated("peel-2023-25/R2", "2024-10-11"), std::pair(std::string("green"), 4));
  // AFI1 on 8 March 2024: (40 + 0 + 0) / 3 = 13.3, rule 2: red over the amber written.
  EXPECT_EQ(rated("peel-2023-25/AFI1", "2024-03-08"), std::pair(std::string("red"), 2));
  // A finding without actions keeps its written rating.
  EXPECT_EQ(rated("vetting-2024/R1", "2024-06-14"), std::pair(std::string("amber"), 0));

  // The thresholds are half-open: under 50 is not 50; at most 25 is 25.
  const std::vector<model::ActionRule> rules = oversight().config.action_ratings;
  EXPECT_EQ(query::matching_action_rule(rules, 49.9, true), std::optional<std::size_t>(0));
  EXPECT_EQ(query::matching_action_rule(rules, 50.0, true), std::optional<std::size_t>(2));
  EXPECT_EQ(query::matching_action_rule(rules, 25.0, false), std::optional<std::size_t>(1));
  EXPECT_EQ(query::matching_action_rule(rules, 25.1, false), std::optional<std::size_t>(2));
  EXPECT_EQ(query::matching_action_rule(rules, 75.1, false), std::optional<std::size_t>(3));
  EXPECT_EQ(query::matching_action_rule({}, 10, true), std::nullopt);
}

// A register whose red is derived when overdue, with a finding past its target whose one action is done.
Register derived_red() {
  Register r;
  r.file("hmicfrs-track.yaml",
         "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
         "portfolios:\n  - {id: crime, name: Crime}\n"
         "ratings:\n  - {id: red, colour: red, attention: true, derived_when: [overdue]}\n"
         "  - {id: amber, colour: amber}\n  - {id: green, colour: green}\n"
         "action_ratings:\n  - {rating: green}\n");
  r.file("inspections/a.yaml",
         "id: a\ntype: other\ntitle: A report\npublished: 2022-01-10\nfindings:\n"
         "  - ref: R1\n    type: recommendation\n    title: T\n    owner: Head of Crime\n    due: 2022-02-01\n"
         "    history:\n      - date: 2022-01-11\n        rag: amber\n"
         "    actions:\n      - id: A1\n        title: Do it\n        history:\n"
         "          - {date: 2022-01-20, status: closed, percent: 100}\n");
  return r;
}

TEST(Actions, TheVocabularysOwnRuleComesFirst) {
  const model::Dataset dataset = derived_red().load("2022-03-31").dataset;
  const model::Inspection& inspection = dataset.inspections.front();
  const answers::FindingState before =
      query::state_as_of(dataset, inspection, inspection.findings.front(), date("2022-01-31"));
  EXPECT_EQ(before.rating->id, "green");  // action rule 1, over the amber written
  EXPECT_EQ(before.action_rule->number, 1);
  const answers::FindingState after =
      query::state_as_of(dataset, inspection, inspection.findings.front(), date("2022-03-31"));
  EXPECT_EQ(after.rating->id, "red");  // overdue: the vocabulary's derived_when
  EXPECT_EQ(after.action_rule, nullptr);
}

TEST(Actions, TheTrackerCountsThemAndChaseAsksTheirOwners) {
  // June 2024 paper: R2's A1 and AFI1's A1 closed; the other four open, of which R2's A3 (due 31 May) overdue.
  const auto window = query::find_meeting(oversight(), "2024-06");
  ASSERT_TRUE(window.ok());
  const answers::Paper paper = query::assemble_paper(oversight(), *window, window->window.until);
  const answers::TrackerSection* tracker = nullptr;
  for (const answers::PaperSection& section : paper.sections) {
    if (const auto* t = std::get_if<answers::TrackerSection>(&section.body)) tracker = t;
  }
  ASSERT_NE(tracker, nullptr);
  ASSERT_TRUE(tracker->actions.has_value());
  EXPECT_EQ(tracker->actions->open, 4);
  EXPECT_EQ(tracker->actions->closed, 2);
  EXPECT_EQ(tracker->actions->overdue, 1);
  std::vector<std::string> counted;
  for (const answers::FindingActions& f : tracker->actions->findings) {
    counted.push_back(fmt::format("{} {} closed {} overdue", f.row.finding->id.view(), f.closed, f.overdue));
  }
  EXPECT_THAT(counted, ElementsAre("peel-2023-25/R2 1 closed 1 overdue", "peel-2023-25/AFI1 1 closed 0 overdue"));

  // chase on 20 May 2024, to the June cut-off (14 June): R2's A3, due 31 May and owned by the Head of Learning and
  // Development, goes to them; AFI1's A3 (due 30 June) and R2's A2 (30 June) are not due by then.
  const auto chase = query::chase(oversight(), date("2024-05-20"), {});
  ASSERT_TRUE(chase.ok());
  std::vector<std::string> asked;
  for (const answers::ChaseGroup& group : chase->groups) {
    for (const answers::ChaseAction& a : group.actions) {
      asked.push_back(group.name + ": " + std::string(a.finding->id) + " " + std::string(a.action.action->id) +
                      (a.due_soon ? " due soon" : " overdue"));
    }
  }
  EXPECT_THAT(asked, ElementsAre("Head of Learning and Development: peel-2023-25/R2 A3 due soon"));

  // Their message asks how far it has got, by the paper's day for replies (its as_of, 14 June).
  const std::vector<render::EmailMessage> messages = render::to_messages(*chase);
  const auto theirs = std::find_if(messages.begin(), messages.end(), [](const render::EmailMessage& m) {
    return m.file_name == "head-of-learning-and-development.eml";
  });
  ASSERT_NE(theirs, messages.end());
  EXPECT_THAT(theirs->text,
              ::testing::HasSubstr("To Head of Learning and Development,\r\n\r\n"
                                   "The action below is due by 14 June 2024. Please tell us by 14 June 2024 how\r\n"
                                   "far it has got (per cent complete), and whether it is done.\r\n\r\n"
                                   "1. A3 of peel-2023-25/R2: Train investigators in the victims' code\r\n"
                                   "   Due: 31 May 2024. Complete: 30%.\r\n"
                                   "   Latest note (1 March 2024): First cohort trained\r\n"));
}

TEST(Actions, ValidateSaysWhatIsWrongWithThem) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml",
                      "id: a\ntype: other\ntitle: A report\npublished: 2022-01-10\nfindings:\n"
                      "  - ref: R1\n    type: recommendation\n    title: T\n"
                      "    history: [{date: 2022-01-11, rag: amber}]\n"
                      "    actions:\n"
                      "      - id: A1\n        title: One\n        history:\n"
                      "          - {date: 2022-01-20, percent: 60}\n"
                      "          - {date: 2022-02-20, percent: 40}\n"
                      "          - {date: 2022-03-01, percent: 101}\n"
                      "      - id: A2\n        title: Two\n        history:\n"
                      "          - {date: 2022-01-20, percent: 30}\n"
                      "          - {date: 2022-02-20, status: closed}\n"
                      "      - id: A1\n        title: Again\n")
                .diagnostics(),
            asserted({"inspections/a.yaml:15:13: error: the action goes back from 60 % to 40 % complete without a "
                      "note: say why in 'note' [action-progress]",
                      "inspections/a.yaml:16:41: error: expected a whole number from 0 to 100 for 'percent', found "
                      "'101' [invalid-value]",
                      "inspections/a.yaml:21:13: error: the action is closed at 30 % complete without a note: give "
                      "the reason in 'note', or 'percent: 100' if it is done [action-progress]",
                      "inspections/a.yaml:22:13: error: duplicate action id 'A1' in this finding [duplicate-id]",
                      "inspections/a.yaml:11:13: note: first given here"}));
}

TEST(Actions, ValidateSaysWhatIsWrongWithARule) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit "
                      "Committee}\nportfolios:\n  - {id: crime, name: Crime}\naction_ratings:\n"
                      "  - {rating: rde, below: 50}\n"
                      "  - {rating: amber, below: 50, up_to: 75}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:7:14: error: 'rde' is not a rating this register gives open findings: "
                      "did you mean 'red'? (expected red, amber or green) [invalid-value]",
                      "hmicfrs-track.yaml:8:39: error: a rule gives 'below' (under that per cent) or 'up_to' (at "
                      "most it), not both [invalid-value]"}));
}

TEST(Actions, ARepeatAndACauseOfConcernHaveNoActionsOfTheirOwn) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml",
                      "id: a\ntype: other\ntitle: A report\npublished: 2022-01-10\nfindings:\n"
                      "  - ref: R1\n    type: recommendation\n    title: T\n"
                      "    history: [{date: 2022-01-11, rag: amber}]\n"
                      "  - ref: R2\n    type: recommendation\n    title: Again\n    repeats: R1\n"
                      "    actions:\n      - {id: A1, title: One}\n"
                      "  - ref: CoC1\n    type: cause-of-concern\n    title: C\n"
                      "    actions:\n      - {id: A1, title: One}\n")
                .diagnostics(),
            asserted({"inspections/a.yaml:15:7: error: a repeat takes the state of the finding it repeats: give its "
                      "actions there, not here [repeat-history]",
                      "inspections/a.yaml:16:10: error: cause of concern 'CoC1' has no recommendation answering it: "
                      "add 'cause_of_concern: CoC1' to each recommendation in inspections/a.yaml that answers it "
                      "[cause-of-concern-without-recommendation]",
                      "inspections/a.yaml:20:7: error: a cause of concern is followed through its recommendations: "
                      "give their actions, not its own [invalid-value]"}));
}

TEST(Actions, RulesKeepTheirNumbersAndARuleAfterACatchAllIsWarnedOf) {
  Register r;
  r.file("hmicfrs-track.yaml",
         "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
         "portfolios:\n  - {id: crime, name: Crime}\naction_ratings:\n"
         "  - {rating: red, below: 0}\n"
         "  - {rating: green}\n"
         "  - {rating: amber, up_to: 75}\n");
  EXPECT_EQ(r.diagnostics(),
            asserted({"hmicfrs-track.yaml:7:26: error: expected a whole number from 1 to 100 for 'below', found '0' "
                      "[invalid-value]",
                      "hmicfrs-track.yaml:9:5: warning: action rule 3 can never match: rule 2 before it asks nothing, "
                      "so it rates every finding with actions; move it last [invalid-value]",
                      "hmicfrs-track.yaml:8:5: note: that rule is here"}));
  const model::Dataset dataset = r.load().dataset;
  ASSERT_EQ(dataset.config.action_ratings.size(), 2u);  // the unreadable first rule is left out, not made a catch-all
  EXPECT_EQ(dataset.config.action_ratings[0].number, 2);
  EXPECT_EQ(dataset.config.action_ratings[1].number, 3);
}

TEST(Actions, ValidateNotesARatingARuleOverrides) {
  // On 31 January 2022 the one action is done: rule 1 rates the finding green, over the amber written.
  EXPECT_EQ(derived_red().diagnostics("2022-01-31"),
            asserted({"inspections/a.yaml:13:14: note: as of 2022-01-31, 'a/R1' is rated green by action rule 1 "
                      "(any other finding with actions), not amber as written here [action-rating]"}));
}

TEST(Actions, AnActionsEntriesAfterTheDateAreNoted) {
  // On 15 January 2022 the action's one entry (20 January) is still to come: it is noted, and the action is open at
  // 0, so rule 1 (green, asking nothing) rates the finding, over the amber written.
  EXPECT_EQ(derived_red().diagnostics("2022-01-15"),
            asserted({"inspections/a.yaml:13:14: note: as of 2022-01-15, 'a/R1' is rated green by action rule 1 "
                      "(any other finding with actions), not amber as written here [action-rating]",
                      "inspections/a.yaml:18:13: note: 1 entry of action A1 is dated after the as-of date 2022-01-15 "
                      "and left out of its progress [future-history]"}));
}

}  // namespace
}  // namespace hmicfrs::test
