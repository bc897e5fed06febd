// A register's own ratings and words (SPEC §2): the four-colour tracker with
// GREEN as implemented and RED derived, statuses relabelled, causes of concern
// that follow their recommendations, and a re-issued finding counted once.

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/query/counts.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/state.hpp>
#include <hmicfrs/query/status.hpp>
#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs::query {
namespace {

using answers::FindingState;
using test::asserted;
using test::date;
using test::Register;

const std::string k_base_config =
    "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
    "portfolios:\n  - {id: crime, name: Crime}\n";

// Four colours: RED derived when overdue, AMBER and WHITE written, GREEN given to what is closed or achieved.
const std::string k_four_colours = k_base_config +
                                   "statuses: {closed: Complete, achieved: Discharged}\n"
                                   "ratings:\n"
                                   "  - id: red\n    meaning: Past its target date\n    colour: red\n"
                                   "    attention: true\n    derived_when: [overdue]\n"
                                   "  - id: amber\n    meaning: Ongoing\n    colour: amber\n"
                                   "  - id: white\n    label: White\n    meaning: Depends on another organisation\n"
                                   "    colour: white\n"
                                   "  - id: green\n    meaning: Implemented\n    colour: '#2E8B3E'\n    marks: closed\n"
                                   "    derived_when: [closed, achieved]\n";

std::string report(const std::string& id, const std::string& published, const std::string& findings) {
  return "id: " + id + "\ntype: custody\ntitle: Report " + id + "\npublished: " + published + "\nfindings:\n" +
         findings;
}

const model::Dataset& four_colour() {
  static const model::Dataset loaded =
      Register()
          .file("hmicfrs-track.yaml", k_four_colours)
          .file("inspections/a.yaml",
                report("a", "2021-06-01",
                       "  - ref: R1\n    type: recommendation\n    title: Late\n    owner: Head of Custody\n"
                       "    due: 2022-01\n    history:\n      - date: 2021-07-01\n        rag: amber\n"
                       "  - ref: R2\n    type: recommendation\n    title: Done\n    owner: Head of Custody\n"
                       "    history:\n      - date: 2022-02-01\n        status: achieved\n"
                       "  - ref: R3\n    type: recommendation\n    title: Elsewhere\n    due: 2023-01\n"
                       "    history:\n      - date: 2021-07-01\n        rag: white\n"
                       "  - ref: R4\n    type: recommendation\n    title: Moved\n    owner: Head of Custody\n"
                       "    due: 2022-01\n    history:\n      - date: 2021-07-01\n        rag: amber\n"
                       "      - date: 2021-12-01\n        due: 2022-06\n        note: Awaiting the new system\n"))
          .file("inspections/b.yaml",
                report("b", "2022-02-01",
                       "  - ref: CoC1\n    type: cause-of-concern\n    title: Custody is not safe\n"
                       "  - ref: R1\n    type: recommendation\n    title: Fix cells\n    cause_of_concern: CoC1\n"
                       "    owner: Head of Custody\n    history:\n      - date: 2022-02-10\n        rag: amber\n"
                       "  - ref: R2\n    type: recommendation\n    title: Same as before\n    repeats: a/R1\n"))
          .load("2022-03-31")
          .dataset;
  return loaded;
}

FindingState state_of(const std::string& inspection_id, const std::string& ref, const std::string& day) {
  const model::Inspection& inspection = *four_colour().find_inspection(inspection_id);
  return state_as_of(four_colour(), inspection, *inspection.find_finding(ref), date(day));
}

TEST(Vocabulary, LoadsTheRegistersOwnRatingsAndWords) {
  const model::Vocabulary& v = four_colour().config.vocabulary;
  EXPECT_TRUE(v.customised);
  ASSERT_EQ(v.ratings.size(), 4u);
  EXPECT_EQ(v.ratings[0].label, "Red");  // the id with a capital, when no label is given
  EXPECT_EQ(v.ratings[1].colour, "#ffc20e");
  EXPECT_EQ(v.ratings[3].colour, "#2e8b3e");
  EXPECT_EQ(v.ratings[3].marks, model::Marks::closed);
  EXPECT_EQ(v.label(model::Status::achieved), "Discharged");
  EXPECT_EQ(v.label(model::Status::awaiting_sign_off), "Awaiting sign-off");
}

TEST(Vocabulary, DerivesRedWhenPastTheCurrentTargetAndGreenWhenClosed) {
  EXPECT_EQ(state_of("a", "R1", "2022-01-31").rating->id, "amber");
  const FindingState late = state_of("a", "R1", "2022-02-01");
  EXPECT_EQ(late.rating->id, "red");
  EXPECT_TRUE(late.rating_derived);
  // The target moved to June: not overdue in February, whatever the first target said.
  const FindingState moved = state_of("a", "R4", "2022-02-01");
  EXPECT_EQ(moved.rating->id, "amber");
  ASSERT_NE(moved.target_moved_by, nullptr);
  EXPECT_EQ(moved.target_moved_by->note, "Awaiting the new system");
  const FindingState done = state_of("a", "R2", "2022-03-31");
  EXPECT_EQ(done.status, model::Status::achieved);
  EXPECT_EQ(done.rating->id, "green");
}

TEST(Deadlines, ATargetSetWhereThereWasNoneHasNotMoved) {
  const model::Dataset dataset =
      Register()
          .file("inspections/a.yaml",
                report("a", "2021-06-01",
                       "  - ref: R1\n    type: afi\n    title: T\n    owner: O\n    inspectorate_due: 2022-06\n"
                       "    history:\n      - {date: 2021-07-01, rag: amber, due: 2022-01}\n"))
          .load()
          .dataset;
  const model::Inspection& a = dataset.inspections.at(0);
  const FindingState state = state_as_of(dataset, a, a.findings.at(0), date("2022-03-31"));
  EXPECT_EQ(state.due->iso(), "2022-01");
  EXPECT_EQ(state.target_moved_by, nullptr);
  EXPECT_EQ(a.findings.at(0).inspectorate_due->iso(), "2022-06");
  // Overdue against the force's own target, not the inspectorate's later deadline.
  EXPECT_TRUE(is_overdue(state, date("2022-03-31")));
}

TEST(Vocabulary, ACauseOfConcernFollowsItsRecommendationsAndARepeatTheEarlierFinding) {
  const FindingState cause = state_of("b", "CoC1", "2022-03-31");
  EXPECT_TRUE(cause.follows_recommendations);
  EXPECT_EQ(cause.status, model::Status::open);
  EXPECT_EQ(cause.rating, nullptr);
  const FindingState repeat = state_of("b", "R2", "2022-03-31");
  ASSERT_NE(repeat.tracked_as, nullptr);
  EXPECT_EQ(repeat.tracked_as->id, "a/R1");
  EXPECT_EQ(repeat.rating->id, "red");  // the earlier finding's, which is past its target
  EXPECT_FALSE(repeat.counted());
}

TEST(Vocabulary, CountsEachFindingOnceInItsRatingsColumns) {
  const auto rows = findings_as_of(four_colour(), date("2022-03-31"));
  EXPECT_EQ(rows.size(), 7u);
  const answers::RagCounts counts = rag_total(rows, four_colour().config.vocabulary);
  // a/R1 red, a/R3 white, a/R4 amber, b/R1 amber open; a/R2 green (achieved); the cause and the repeat are not counted.
  EXPECT_EQ(counts.rated, (std::vector<int>{1, 2, 1, 1}));
  EXPECT_EQ(counts.open(), 4);
  EXPECT_EQ(counts.closed, 1);
  EXPECT_EQ(counts.unrated, 0);
  const auto red = outstanding(rows).needing_attention;
  ASSERT_EQ(red.size(), 1u);
  EXPECT_EQ(red[0].finding->id, "a/R1");
}

// RED for both kinds of finding: open and past its target, or declined (will not be implemented); GREEN for done.
const std::string k_red_for_both = k_base_config +
                                   "ratings:\n"
                                   "  - id: red\n    meaning: Past its target, or will not be implemented\n"
                                   "    colour: red\n    marks: both\n    attention: true\n"
                                   "    derived_when: [overdue, declined]\n"
                                   "  - id: amber\n    colour: amber\n"
                                   "  - id: green\n    colour: green\n    marks: closed\n"
                                   "    derived_when: [closed, achieved]\n";

std::string finding(const std::string& ref, const std::string& rest) {
  return "  - {ref: " + ref + ", type: recommendation, title: T" + ref + ", owner: O, portfolio: crime, " + rest +
         "}\n";
}

// R1 overdue, R2 declined, R3 achieved, R4 on track, R5 closed red then reopened, R6 rated red open then closed,
// R7 closed with red written.
const test::Register& red_for_both() {
  static const Register files =
      Register()
          .file("hmicfrs-track.yaml", k_red_for_both)
          .file("inspections/a.yaml",
                report("a", "2021-06-01",
                       finding("R1", "due: 2022-01, history: [{date: 2021-07-01, rag: amber}]") +
                           finding("R2",
                                   "history: [{date: 2021-07-01, rag: amber}, {date: 2022-02-01, status: "
                                   "declined, note: Not accepted}]") +
                           finding("R3",
                                   "history: [{date: 2021-07-01, rag: amber}, {date: 2022-02-01, status: "
                                   "achieved}]") +
                           finding("R4", "due: 2023-01, history: [{date: 2021-07-01, rag: amber}]") +
                           finding("R5",
                                   "history: [{date: 2021-07-01, status: not-monitored, rag: red}, {date: "
                                   "2022-03-01, status: open}]") +
                           finding("R6",
                                   "history: [{date: 2021-07-01, rag: red}, {date: 2021-09-01, status: "
                                   "closed}]") +
                           finding("R7", "history: [{date: 2021-08-01, status: not-monitored, rag: red}]")));
  return files;
}

const model::Dataset& red_for_both_dataset() {
  static const model::Dataset loaded = red_for_both().load("2022-03-31").dataset;
  return loaded;
}

FindingState red_for_both_state(const std::string& ref, const std::string& day) {
  const model::Inspection& inspection = red_for_both_dataset().inspections.at(0);
  return state_as_of(red_for_both_dataset(), inspection, *inspection.find_finding(ref), date(day));
}

TEST(RatingOfBothKinds, IsDerivedWhenOverdueOrFromAClosedStatusAndWrittenWithEither) {
  const model::Vocabulary& v = red_for_both_dataset().config.vocabulary;
  ASSERT_EQ(v.ratings.size(), 3u);
  EXPECT_EQ(v.ratings[0].marks, model::Marks::both);
  EXPECT_TRUE(v.ratings[0].marks_open());
  EXPECT_TRUE(v.ratings[0].marks_closed());
  EXPECT_TRUE(v.ratings[0].derived_when.overdue);
  EXPECT_EQ(v.ratings[0].derived_when.statuses, std::vector<model::Status>{model::Status::declined});
  EXPECT_FALSE(v.ratings[2].marks_open());
  // Red written with a closed status (R5, R7) is neither warned of nor refused; the one open finding left unrated
  // (R5, reopened) is.
  EXPECT_EQ(red_for_both().diagnostics(),
            asserted({"inspections/a.yaml:10:11: warning: open finding 'a/R5' has no rating as of 2022-03-31 "
                      "[unrated-open-finding]"}));
}

TEST(RatingOfBothKinds, RatesADeclinedFindingAndLapsesOnlyAsWrittenRatingsDo) {
  // Derived: past the target while open, and once declined.
  const FindingState overdue = red_for_both_state("R1", "2022-03-31");
  EXPECT_EQ(overdue.rating->id, "red");
  EXPECT_TRUE(overdue.rating_derived);
  EXPECT_TRUE(overdue.derived_for_overdue);
  EXPECT_EQ(red_for_both_state("R2", "2022-01-31").rating->id, "amber");
  const FindingState declined = red_for_both_state("R2", "2022-03-31");
  EXPECT_EQ(declined.status, model::Status::declined);
  EXPECT_EQ(declined.rating->id, "red");
  EXPECT_TRUE(declined.rating_derived);
  EXPECT_FALSE(declined.derived_for_overdue);
  // Written with a closed status, it stands while the finding is closed; reopened without one, it lapses.
  const FindingState not_monitored = red_for_both_state("R5", "2022-02-28");
  EXPECT_EQ(not_monitored.status, model::Status::not_monitored);
  EXPECT_EQ(not_monitored.rating->id, "red");
  EXPECT_FALSE(not_monitored.rating_derived);
  const FindingState reopened = red_for_both_state("R5", "2022-03-31");
  EXPECT_EQ(reopened.status, model::Status::open);
  EXPECT_EQ(reopened.rating, nullptr);
  // Written while open, it lapses on closing, and the closing status's own rating is derived.
  EXPECT_EQ(red_for_both_state("R6", "2021-08-31").rating->id, "red");
  const FindingState closed = red_for_both_state("R6", "2021-09-01");
  EXPECT_EQ(closed.rating->id, "green");
  EXPECT_TRUE(closed.rating_derived);
  EXPECT_EQ(red_for_both_state("R7", "2022-03-31").rating->id, "red");
}

TEST(RatingOfBothKinds, CountsAClosedFindingUnderItAndUnderClosed) {
  const auto rows = findings_as_of(red_for_both_dataset(), date("2022-03-31"));
  const answers::RagCounts c = rag_total(rows, red_for_both_dataset().config.vocabulary);
  // Red: R1 open, R2 and R7 closed; amber: R4; green: R3 and R6; R5 open and unrated.
  EXPECT_EQ(c.rated, (std::vector<int>{3, 1, 2}));
  EXPECT_EQ(c.rated_closed, (std::vector<int>{2, 0, 2}));
  EXPECT_EQ(c.open_of(0), 1);
  EXPECT_EQ(c.closed_of(0), 2);
  EXPECT_EQ(c.open(), 3);
  EXPECT_EQ(c.unrated, 1);
  EXPECT_EQ(c.closed, 4);
  EXPECT_EQ(c.total(), 7);
  EXPECT_EQ(c.completed, 2);  // R3 achieved, R6 closed
  // Only open findings need attention: the declined red one is not outstanding.
  const auto red = outstanding(rows).needing_attention;
  ASSERT_EQ(red.size(), 1u);
  EXPECT_EQ(red[0].finding->id, "a/R1");
}

// Red has a column on each side, so that each adds up: one open red (R1), two closed (R2 declined, R7).
TEST(RatingOfBothKinds, HasAColumnWithTheOpenRatingsAndOneWithTheClosed) {
  const auto rows = findings_as_of(red_for_both_dataset(), date("2022-03-31"));
  const render::Table table = render::to_table(
      rag_breakdown(rows, answers::Grouping::portfolio, red_for_both_dataset().config, date("2022-03-31")));
  std::vector<std::string> header;
  for (const render::Column& column : table.columns) header.push_back(column.header);
  EXPECT_THAT(header, ::testing::ElementsAre("Portfolio", "Red", "Amber", "Unrated", "Open", "Red (closed)", "Green",
                                             "Closed", "Total"));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : table.rows) {
    std::vector<std::string>& texts = cells.emplace_back();
    for (const render::Cell& cell : row) texts.push_back(cell.text);
  }
  EXPECT_THAT(cells, ::testing::ElementsAre(::testing::ElementsAre("Crime", "1", "1", "1", "3", "2", "2", "4", "7"),
                                            ::testing::ElementsAre("Total", "1", "1", "1", "3", "2", "2", "4", "7")));
}

TEST(RatingOfBothKinds, IsMarkedBothInJsonAndCountedThere) {
  const auto rows = findings_as_of(red_for_both_dataset(), date("2022-03-31"));
  std::ostringstream out;
  render::write(out,
                rag_breakdown(rows, answers::Grouping::portfolio, red_for_both_dataset().config, date("2022-03-31")),
                render::Output{render::Format::json, {}});
  const nlohmann::json json = nlohmann::json::parse(out.str());
  std::vector<std::string> marks;
  for (const auto& rating : json["ratings"]) marks.push_back(rating["marks"]);
  EXPECT_THAT(marks, ::testing::ElementsAre("both", "open", "closed"));
  EXPECT_EQ(json["total"]["red"], 3);
  EXPECT_EQ(json["total"]["open"], 3);
  EXPECT_EQ(json["total"]["closed"], 4);
}

TEST(RatingOfBothKinds, IsToldOpenOrClosedAsTheFindingsAreInThePaperAndStatus) {
  const model::Dataset& dataset = red_for_both_dataset();
  std::ostringstream paper;
  render::write(paper, assemble_paper(dataset, *find_meeting(dataset, "2022-03"), date("2022-03-31")),
                render::Output{render::Format::markdown, {}});
  EXPECT_THAT(paper.str(), ::testing::HasSubstr(
                               "three open (one red, one amber, one not yet rated) and four closed (one closed, one "
                               "achieved, one declined, one not monitored; two red, two green)"));
  std::ostringstream status;
  render::write(status, status_of(dataset, date("2022-03-31")), render::Output{render::Format::markdown, {}});
  EXPECT_THAT(status.str(), ::testing::HasSubstr("3 open findings: 1 red, 1 amber, 1 unrated. 4 closed"));
}

// Only the declined finding is told as not to be implemented: R7, no longer monitored though written red, is not.
TEST(RatingOfBothKinds, ListsOnlyTheDeclinedAsNotToBeImplemented) {
  const model::Dataset& dataset = red_for_both_dataset();
  const answers::Paper paper = assemble_paper(dataset, *find_meeting(dataset, "2022-03"), date("2022-03-31"));
  for (const answers::PaperSection& section : paper.sections) {
    const auto* red = std::get_if<answers::RedSection>(&section.body);
    if (red == nullptr) continue;
    std::vector<std::string> ids;
    for (const answers::RedFinding& f : red->not_implemented) ids.push_back(f.row.finding->id.str());
    EXPECT_THAT(ids, ::testing::ElementsAre("a/R2"));
  }
}

TEST(Vocabulary, CountsByStatusWithAwaitingAllocationFirst) {
  const auto rows = findings_as_of(four_colour(), date("2022-03-31"));
  std::vector<std::string> groups;
  for (const answers::RagGroup& g : rag_by(rows, answers::Grouping::status, four_colour().config)) {
    groups.push_back(g.label + " " + std::to_string(g.counts.total()));
  }
  EXPECT_THAT(groups, ::testing::ElementsAre("Awaiting allocation 1", "Open 3", "Discharged 1"));
}

TEST(Vocabulary, ReportsARatingListThatCannotWork) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      k_base_config + "rag: {red: Off track}\n"
                                      "ratings:\n"
                                      "  - {id: unrated}\n"
                                      "  - {id: red, derived_when: [overdue, declined], colour: crimson}\n"
                                      "  - {id: amber, derived_when: [overdue]}\n"
                                      "  - {id: green, marks: closed, derived_when: [overdue, open, overdu]}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:6:6: error: 'rag' gives meanings to the default ratings, but this "
                      "register declares its own 'ratings': give each rating its 'meaning' there instead "
                      "[rating-vocabulary]",
                      "hmicfrs-track.yaml:8:10: error: 'unrated' names a column of every tracker and cannot be a "
                      "rating's id: choose another [rating-vocabulary]",
                      "hmicfrs-track.yaml:9:39: error: rating 'red' marks open findings, but status 'declined' is "
                      "closed: write 'marks: both' to give it to open and closed findings [rating-vocabulary]",
                      "hmicfrs-track.yaml:9:58: error: unknown colour 'crimson' (expected '#rrggbb' or red, amber, "
                      "green, white, grey, gray, black, blue, yellow, orange, purple or brown) [invalid-value]",
                      "hmicfrs-track.yaml:10:31: error: rating 'amber' is derived when overdue, which already gives "
                      "rating 'red': derive each condition once [rating-vocabulary]",
                      "hmicfrs-track.yaml:9:10: note: the earlier rating is here",
                      "hmicfrs-track.yaml:11:47: error: rating 'green' marks closed findings, but only an open "
                      "finding is overdue: remove 'overdue', or write 'marks: both' to give it to open findings too "
                      "[rating-vocabulary]",
                      "hmicfrs-track.yaml:11:56: error: rating 'green' marks closed findings, but status 'open' is "
                      "open: write 'marks: both' to give it to open and closed findings [rating-vocabulary]",
                      "hmicfrs-track.yaml:11:62: error: unknown condition 'overdu': did you mean 'overdue'? "
                      "(expected overdue, open, awaiting-sign-off, closed, achieved, superseded, declined or "
                      "not-monitored) [invalid-value]"}));
}

// Labels are compared as they print, spaces around them aside: "GREEN" and "Green" can be told apart, "Amber "
// and " Amber" cannot. A label left out is the id with a capital, and is reported at the id.
TEST(Vocabulary, RefusesTwoRatingsThatPrintTheSameLabel) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml", k_base_config + "ratings:\n"
                                                            "  - {id: red}\n"
                                                            "  - {id: scarlet, label: Red}\n"
                                                            "  - {id: amber, label: 'Amber '}\n"
                                                            "  - {id: ochre, label: ' Amber'}\n"
                                                            "  - {id: done, label: Blue}\n"
                                                            "  - {id: blue}\n"
                                                            "  - {id: green, label: GREEN, marks: closed}\n"
                                                            "  - {id: lime, label: Green, marks: closed}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:8:26: error: ratings 'red' and 'scarlet' are both labelled 'Red': a paper "
                      "could not tell them apart; give each its own label [rating-vocabulary]",
                      "hmicfrs-track.yaml:7:10: note: rating 'red' is labelled here",
                      "hmicfrs-track.yaml:10:24: error: ratings 'amber' and 'ochre' are both labelled 'Amber': a "
                      "paper could not tell them apart; give each its own label [rating-vocabulary]",
                      "hmicfrs-track.yaml:9:24: note: rating 'amber' is labelled here",
                      "hmicfrs-track.yaml:12:10: error: ratings 'done' and 'blue' are both labelled 'Blue': a paper "
                      "could not tell them apart; give each its own label [rating-vocabulary]",
                      "hmicfrs-track.yaml:11:23: note: rating 'done' is labelled here"}));
}

// A black-and-white copy shows ratings as greys: the sets of named colours forces use print at least 40 apart.
TEST(Vocabulary, TheNamedColoursForcesUseTogetherPrintAsGreysAtLeastFortyApart) {
  const auto grey = [](std::string_view name) {
    for (const model::NamedColour& colour : model::named_colours()) {
      if (colour.name == name) return model::printed_grey(colour.hex);
    }
    ADD_FAILURE() << name;
    return -1;
  };
  EXPECT_EQ(grey("black"), 0);
  EXPECT_EQ(grey("red"), 58);
  EXPECT_EQ(grey("green"), 103);
  EXPECT_EQ(grey("blue"), 150);
  EXPECT_EQ(grey("amber"), 192);
  EXPECT_EQ(grey("white"), 255);
  EXPECT_EQ(grey("orange"), 147);
  EXPECT_EQ(grey("yellow"), 199);
  for (const std::vector<std::string_view>& set :
       {std::vector<std::string_view>{"red", "green", "blue", "amber", "white", "black"},
        std::vector<std::string_view>{"red", "orange", "yellow", "green"}}) {
    for (std::size_t i = 0; i < set.size(); ++i) {
      for (std::size_t j = i + 1; j < set.size(); ++j) {
        EXPECT_GE(std::abs(grey(set[i]) - grey(set[j])), model::k_greys_apart) << set[i] << " and " << set[j];
      }
    }
  }
  // The chart's unrated findings take the grey furthest from the ratings beside them.
  EXPECT_EQ(model::unrated_colour(std::vector<std::string>{"#c00000", "#ffc20e", "#2e8b3e"}), "#ffffff");
  EXPECT_EQ(model::unrated_colour(std::vector<std::string>{"#c00000", "#ffc20e", "#ffffff", "#2e8b3e"}), "#969696");
  EXPECT_EQ(model::unrated_colour(std::vector<std::string>{}), "#ffffff");
}

TEST(Vocabulary, WarnsOfRatingsWhoseColoursPrintAsNearlyTheSameGrey) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml", k_base_config + "ratings:\n"
                                                            "  - {id: red, colour: red}\n"
                                                            "  - {id: amber, colour: amber}\n"
                                                            "  - {id: brown, colour: brown}\n"
                                                            "  - {id: plain}\n"
                                                            "  - {id: green, colour: '#2E8B3E', marks: closed}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:9:25: warning: ratings 'red' and 'brown' print as nearly the same grey (58 "
                      "and 96 of 255): on a black-and-white copy their cells and bars look alike; choose colours "
                      "whose greys differ by at least 40 (red, green, blue, amber, white and black all do) "
                      "[rating-vocabulary]",
                      "hmicfrs-track.yaml:7:10: note: rating 'red' is declared here",
                      "hmicfrs-track.yaml:11:25: warning: ratings 'brown' and 'green' print as nearly the same grey "
                      "(96 and 103 of 255): on a black-and-white copy their cells and bars look alike; choose "
                      "colours whose greys differ by at least 40 (red, green, blue, amber, white and black all do) "
                      "[rating-vocabulary]",
                      "hmicfrs-track.yaml:9:10: note: rating 'brown' is declared here"}));
}

TEST(Vocabulary, RefusesMoreRatingsThanAScaleHas) {
  std::string config = k_base_config + "ratings:\n";
  for (int i = 1; i <= 102; ++i) config += "  - {id: r" + std::to_string(i) + "}\n";
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config).diagnostics(),
            asserted({"hmicfrs-track.yaml:107:5: error: more than 100 ratings: a rating scale is a handful of words; "
                      "keep those the committee uses and remove the rest [limit-exceeded]"}));
}

TEST(Vocabulary, ReportsARatingsKeyWithNothingUnderIt) {
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", k_base_config + "ratings:\n").diagnostics(),
            asserted({"hmicfrs-track.yaml:6:1: error: 'ratings' lists no rating: list them, or remove it to use red, "
                      "amber and green [rating-vocabulary]"}));
}

TEST(Vocabulary, AClosedRatingNeedsItsClosingStatusAndAnUnknownOneIsNamed) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml", k_four_colours)
                .file("inspections/a.yaml",
                      report("a", "2021-06-01",
                             "  - ref: R1\n    type: recommendation\n    title: T\n    owner: O\n"
                             "    history:\n      - {date: 2021-07-01, rag: green}\n"
                             "      - {date: 2021-08-01, rag: whit}\n      - {date: 2021-09-01, rag: amber}\n"))
                .diagnostics(),
            asserted({"inspections/a.yaml:11:33: error: rating 'green' is given to closed findings: write the "
                      "closing status in the same entry (status: closed, achieved, declined ...) "
                      "[rating-needs-closed-status]",
                      "inspections/a.yaml:12:33: error: unknown rating 'whit': did you mean 'white'? (expected red, "
                      "amber, white or green) [invalid-value]"}));
}

TEST(Repeats, NameTheFirstFindingIssued) {
  EXPECT_EQ(
      Register()
          .file("inspections/a.yaml",
                report("a", "2021-06-01",
                       "  - {ref: R1, type: afi, title: T, owner: O, repeats: R1, history: [{date: 2021-07-01, "
                       "rag: amber}]}\n"
                       "  - {ref: R2, type: afi, title: T, owner: O, history: [{date: 2021-07-01, rag: amber}]}\n"))
          .file("inspections/b.yaml", report("b", "2022-01-01", "  - {ref: R1, type: afi, title: T, repeats: a/R2}\n"))
          .file("inspections/c.yaml", report("c", "2022-02-01", "  - {ref: R1, type: afi, title: T, repeats: b/R1}\n"))
          .diagnostics(),
      asserted({"inspections/a.yaml:6:55: error: 'a/R1' repeats itself: 'repeats' names the earlier finding it "
                "re-issues [repeats-chain]",
                "inspections/c.yaml:6:45: error: 'c/R1' repeats 'b/R1', which itself repeats 'a/R2': name the "
                "finding that is tracked, the first one issued [repeats-chain]",
                "inspections/b.yaml:6:45: note: the earlier finding's 'repeats' is here"}));
}

TEST(Repeats, KeepTheirHistoryOnTheFindingTracked) {
  EXPECT_EQ(
      Register()
          .file("inspections/a.yaml",
                report("a", "2021-06-01",
                       "  - {ref: R1, type: afi, title: T, owner: O, history: [{date: 2021-07-01, rag: amber}]}\n"))
          .file("inspections/b.yaml",
                report("b", "2022-01-01",
                       "  - ref: R1\n    type: afi\n    title: T\n    repeats: a/R1\n    history:\n"
                       "      - {date: 2022-01-10, rag: red, note: Recurred}\n"))
          .diagnostics(),
      asserted({"inspections/b.yaml:11:9: error: 'b/R1' repeats 'a/R1', which is where it is tracked: move this "
                "history there, where a new entry can re-grade it and say why [repeat-history]"}));
}

}  // namespace
}  // namespace hmicfrs::query
