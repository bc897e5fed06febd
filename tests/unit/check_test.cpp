#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/register.hpp"

namespace hmicfrs::check {
namespace {

using test::asserted;
using test::Register;

// An inspection with the given findings (YAML list items).
std::string inspection(const std::string& id, const std::string& findings, const std::string& extra = "") {
  return "id: " + id + "\ntype: national-thematic\ntitle: T\npublished: 2022-02-24\n" + extra + "findings:\n" +
         findings;
}

std::string finding(const std::string& ref, const std::string& more = "", const std::string& type = "recommendation") {
  return "  - ref: " + ref + "\n    type: " + type + "\n    title: T\n" + more +
         "    history: [{date: 2022-03-01, status: open, rag: amber}]\n";
}

std::string peel(const std::string& cycle, const std::string& areas, const std::string& findings = "") {
  return "id: peel-x\ntype: peel\ntitle: P\npublished: 2022-01\ngradings:\n  cycle: \"" + cycle + "\"\n  areas:\n" +
         areas + (findings.empty() ? "" : "findings:\n" + findings);
}

TEST(CheckIds, ReportsDuplicatesWithANoteAtTheFirst) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", inspection("dup", finding("R1") + finding("R1")))
                .file("inspections/b.yaml", inspection("dup", finding("R2")))
                .file("committees.yaml", "meetings:\n  - {id: m, date: 2022-03-31}\n  - {id: m, date: 2022-06-30}\n")
                .diagnostics(),
            asserted({"committees.yaml:3:10: error: duplicate meeting id 'm' [duplicate-id]",
                      "committees.yaml:2:10: note: first defined here",
                      "inspections/a.yaml:10:10: error: duplicate finding 'dup/R1' [duplicate-id]",
                      "inspections/a.yaml:6:10: note: first defined here",
                      "inspections/b.yaml:1:5: error: duplicate inspection id 'dup' [duplicate-id]",
                      "inspections/a.yaml:1:5: note: first defined here"}));
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios:\n"
                      "  - {id: crime, name: Crime}\n  - {id: crime, name: Crime again}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:6:10: error: duplicate portfolio id 'crime' [duplicate-id]",
                      "hmicfrs-track.yaml:5:10: note: first defined here"}));
  // A key written three times: each repeat points at the first, and they are reported in the file's order.
  EXPECT_EQ(Register()
                .file("inspections/a.yaml",
                      inspection("tri", finding("R2") + finding("R1") + finding("R1") + finding("R2") + finding("R1")))
                .diagnostics(),
            asserted({"inspections/a.yaml:14:10: error: duplicate finding 'tri/R1' [duplicate-id]",
                      "inspections/a.yaml:10:10: note: first defined here",
                      "inspections/a.yaml:18:10: error: duplicate finding 'tri/R2' [duplicate-id]",
                      "inspections/a.yaml:6:10: note: first defined here",
                      "inspections/a.yaml:22:10: error: duplicate finding 'tri/R1' [duplicate-id]",
                      "inspections/a.yaml:10:10: note: first defined here"}));
}

TEST(CheckReferences, WarnsOfAnAddressForARoleThatNothingInTheRegisterNames) {
  // Owners come from findings, from history entries that reallocate, and from portfolio leads.
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\n"
                      "portfolios: [{id: crime, name: Crime, lead: ACC Crime}]\nowners:\n"
                      "  - {role: acc crime, email: a@example.org}\n"
                      "  - {role: Head of Crime, email: b@example.org}\n"
                      "  - {role: Head of People, email: c@example.org}\n"
                      "  - {role: Head of Pubic Protection, email: d@example.org}\n")
                .file("inspections/a.yaml",
                      inspection("a", finding("R1", "    owner: Head of Crime\n") +
                                          "  - ref: R2\n    type: afi\n    title: T\n    history:\n"
                                          "      - {date: 2022-03-01, status: open, rag: red, owner: Head of People}\n"
                                          "  - ref: R3\n    type: afi\n    title: T\n"
                                          "    owner: Head of Public Protection\n"
                                          "    history: [{date: 2022-03-01, status: open, rag: red}]\n"))
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:9:12: warning: owner 'Head of Pubic Protection' owns no finding and leads no "
                      "portfolio, so its address is never used: did you mean 'Head of Public Protection'? "
                      "[unknown-reference]"}));
}

TEST(CheckReferences, ReportsUnknownPortfoliosAndFindings) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml",
                      inspection("a", finding("R1", "    portfolio: crim\n    related: [b/R1, c/R1, a/R9]\n")))
                .file("inspections/b.yaml", inspection("b", finding("R1")))
                .diagnostics(),
            asserted({"inspections/a.yaml:9:16: error: unknown portfolio 'crim': did you mean 'crime'? (expected "
                      "crime or people, as 'portfolios' in hmicfrs-track.yaml declares) [unknown-reference]",
                      "inspections/a.yaml:10:21: error: 'related' names no finding: there is no 'c/R1' "
                      "[unknown-reference]",
                      "inspections/a.yaml:10:27: error: 'related' names no finding: there is no 'a/R9': did you mean "
                      "'a/R1'? [unknown-reference]"}));
}

TEST(CheckReferences, SaysSoWhenAnInspectionFileCouldNotBeLoaded) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", inspection("a", finding("R1", "    related: [b/R1]\n")))
                .file("inspections/b.yaml", "id: b\ntitle: [\n")
                .diagnostics(),
            asserted({"inspections/a.yaml:9:15: error: 'related' names no finding: there is no 'b/R1' "
                      "[unknown-reference]",
                      "inspections/a.yaml:9:15: note: some inspection files could not be loaded: fix those errors "
                      "first",
                      "inspections/b.yaml:3:1: error: '[' is not closed: expected ']', or ',' before the next item "
                      "[yaml-syntax]",
                      "inspections/b.yaml:2:8: note: the list opens here",
                      "inspections/b.yaml:3:1: note: new to YAML? yaml-primer.md (docs/ in the source; "
                      "/usr/share/doc/hmicfrs-track/ once the package is installed) shows how to write these files "
                      "and explains this message"}));
}

TEST(CheckReferences, RequiresACauseOfConcernToAnswer) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", inspection("a", finding("CoC1", "", "cause-of-concern") +
                                                                finding("R1", "    cause_of_concern: R2\n") +
                                                                finding("R2", "    cause_of_concern: CoC1\n")))
                .diagnostics(),
            asserted({"inspections/a.yaml:13:23: error: 'a/R2' is a recommendation, not a cause of concern "
                      "[unknown-reference]"}));
  EXPECT_EQ(
      Register().file("inspections/a.yaml", inspection("a", finding("CoC1", "", "cause-of-concern"))).diagnostics(),
      asserted({"inspections/a.yaml:6:10: error: cause of concern 'CoC1' has no recommendation answering it: add "
                "'cause_of_concern: CoC1' to each recommendation in inspections/a.yaml that answers it "
                "[cause-of-concern-without-recommendation]"}));
}

TEST(CheckReferences, ListsTheDeclaredPortfoliosUpToTwenty) {
  const auto config = [](int portfolios) {
    std::string text = "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios:";
    if (portfolios == 0) return text + " []\n";
    for (int n = 1; n <= portfolios; ++n) text += fmt::format("\n  - {{id: p{:02}, name: P{}}}", n, n);
    return text + "\n";
  };
  const std::string findings = inspection("a", finding("R1", "    portfolio: p99\n"));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config(20)).file("inspections/a.yaml", findings).diagnostics(),
            asserted({"inspections/a.yaml:9:16: error: unknown portfolio 'p99': did you mean 'p09'? (expected p01, "
                      "p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19 or "
                      "p20, as 'portfolios' in hmicfrs-track.yaml declares) [unknown-reference]"}));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config(23)).file("inspections/a.yaml", findings).diagnostics(),
            asserted({"inspections/a.yaml:9:16: error: unknown portfolio 'p99': did you mean 'p09'? (expected one of "
                      "p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, "
                      "p20 and 3 more, as 'portfolios' in hmicfrs-track.yaml declares) [unknown-reference]"}));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config(0)).file("inspections/a.yaml", findings).diagnostics(),
            asserted({"inspections/a.yaml:9:16: error: portfolio 'p99' is not declared: list the register's "
                      "portfolios under 'portfolios:' in hmicfrs-track.yaml [unknown-reference]"}));
}

TEST(CheckSupersession, ReportsACycle) {
  const std::string a = finding("R1").substr(0, finding("R1").find("    history")) +
                        "    history:\n      - {date: 2022-03-01, status: superseded, by: b/R1}\n";
  const std::string b = finding("R1").substr(0, finding("R1").find("    history")) +
                        "    history:\n      - {date: 2022-03-02, status: superseded, by: a/R1}\n";
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", inspection("a", a))
                .file("inspections/b.yaml", inspection("b", b))
                .diagnostics(),
            asserted({"inspections/a.yaml:10:52: error: supersession cycle: a/R1 -> b/R1 -> a/R1 "
                      "[supersession-cycle]"}));
}

TEST(CheckSupersession, ReportsALongerCycleOnceAndLeavesChainsAlone) {
  const auto superseded_by = [](const std::string& ref, const std::string& by) {
    return "  - ref: " + ref + "\n    type: recommendation\n    title: T\n    history:\n" +
           "      - {date: 2022-03-01, status: superseded, by: " + by + "}\n";
  };
  const std::string findings = superseded_by("R1", "R2") + superseded_by("R2", "R3") + superseded_by("R3", "R2") +
                               superseded_by("R4", "R1") + superseded_by("R5", "R6") + finding("R6");
  EXPECT_EQ(Register().file("inspections/a.yaml", inspection("a", findings)).diagnostics(),
            std::vector<std::string>{
                "inspections/a.yaml:15:52: error: supersession cycle: a/R2 -> a/R3 -> a/R2 [supersession-cycle]"});
}

// What an unknown-area error lists: the ids the cycle has, and where to see them all.
const std::string k_areas_2021 =
    " (its areas: preventing-crime, recording-data, treatment-of-public, disrupting-soc, good-use-of-resources, "
    "responding-to-public, managing-offenders, positive-workplace, investigating-crime, supporting-victims, "
    "protecting-vulnerable-people, strategic-policing-requirement, armed-threats; hmicfrs-track peel --areas --cycle "
    "2021-22 lists them) [unknown-area]";

TEST(CheckGradings, ReportsUnknownCyclesAndAreas) {
  EXPECT_EQ(Register().file("inspections/p.yaml", peel("2021", "    preventing-crime: good\n")).diagnostics(),
            asserted({"inspections/p.yaml:6:10: error: unknown PEEL cycle '2021': did you mean '2021-22'? (known "
                      "cycles: 2014, 2015, 2016, 2017, 2018-19, 2021-22, 2023-25, 2025-27) [unknown-reference]"}));
  EXPECT_EQ(Register()
                .file("inspections/p.yaml", peel("2021-22", "    preventing-crim: good\n",
                                                 finding("AFI1", "    area: investigating-crme\n", "afi")))
                .diagnostics(),
            asserted({"inspections/p.yaml:8:5: error: PEEL 2021/22 has no area 'preventing-crim': did you mean "
                      "'preventing-crime'?" +
                          k_areas_2021,
                      "inspections/p.yaml:13:11: error: PEEL 2021/22 has no area 'investigating-crme': did you mean "
                      "'investigating-crime'?" +
                          k_areas_2021}));
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", inspection("a", finding("R1", "    area: preventing-crime\n")))
                .diagnostics(),
            asserted({"inspections/a.yaml:9:11: error: 'area' names a PEEL area, but inspection 'a' has no gradings "
                      "[unknown-area]"}));
}

TEST(CheckGradings, RequiresACarriedOverJudgementToComeFromAPeelAssessment) {
  EXPECT_EQ(Register()
                .file("inspections/p.yaml",
                      peel("2021-22", "    preventing-crime: {grade: good, carried_over_from: peel-2018}\n"))
                .diagnostics(),
            asserted({"inspections/p.yaml:8:56: error: 'carried_over_from' names no inspection: there is no "
                      "'peel-2018' [unknown-reference]"}));
}

TEST(CheckGradings, KeepsGradesOnTheirCyclesScale) {
  EXPECT_EQ(Register()
                .file("inspections/p.yaml", peel("2017", "    efficiency: good\n    legitimacy: adequate\n"))
                .diagnostics(),
            asserted({"inspections/p.yaml:9:17: error: grade 'adequate' is not on the four-point scale of PEEL 2017 "
                      "(expected outstanding, good, requires-improvement, inadequate or not-graded) "
                      "[grade-not-in-scale]"}));
  EXPECT_EQ(Register()
                .file("inspections/p.yaml", peel("2021-22",
                                                 "    preventing-crime: adequate\n    armed-threats: good\n"
                                                 "    strategic-policing-requirement: not-graded\n"))
                .diagnostics(),
            asserted({"inspections/p.yaml:9:20: error: PEEL 2021/22 makes no graded judgment on 'armed-threats': write "
                      "not-graded [grade-not-in-scale]"}));
}

TEST(CheckAsOf, WarnsOfOpenFindingsWithoutARating) {
  const std::string unrated = "  - ref: R1\n    type: afi\n    title: T\n";
  EXPECT_EQ(Register().file("inspections/a.yaml", inspection("a", unrated)).diagnostics("2022-03-31"),
            asserted({"inspections/a.yaml:6:10: warning: open finding 'a/R1' has no RAG rating as of 2022-03-31 "
                      "[unrated-open-finding]"}));
  // Before its report is published, the finding does not exist yet.
  EXPECT_TRUE(Register().file("inspections/a.yaml", inspection("a", unrated)).diagnostics("2022-02-23").empty());
}

TEST(CheckAsOf, NotesHistoryLeftOutOfTheState) {
  const std::string later =
      "  - ref: R1\n    type: afi\n    title: T\n    history:\n"
      "      - {date: 2022-03-01, status: open, rag: red}\n"
      "      - {date: 2022-04-01, rag: amber}\n      - {date: 2022-05-01, rag: green}\n";
  EXPECT_EQ(Register().file("inspections/a.yaml", inspection("a", later)).diagnostics("2022-03-31"),
            asserted({"inspections/a.yaml:11:9: note: 2 history entries are dated after the as-of date 2022-03-31 and "
                      "left out of the state [future-history]"}));
  EXPECT_TRUE(Register().file("inspections/a.yaml", inspection("a", later)).diagnostics("2022-06-01").empty());
}

}  // namespace
}  // namespace hmicfrs::check

namespace hmicfrs::check {
namespace {

// Each paper covers the time since the previous one; validate says where that breaks, not report.
TEST(CheckMeetings, ReportsMeetingsThatShareADayOrWhoseWindowsOverlap) {
  const auto with = [](const std::string& meetings) {
    return test::Register().file("committees.yaml", "meetings:\n" + meetings).diagnostics();
  };
  EXPECT_EQ(with("  - {id: a, date: 2022-03-31}\n  - {id: b, date: 2022-03-31}\n"),
            test::asserted({"committees.yaml:3:10: error: meetings 'a' and 'b' are both on 2022-03-31: give each its "
                            "own day [date-order]",
                            "committees.yaml:2:10: note: 'a' is here"}));
  EXPECT_EQ(
      with("  - {id: a, date: 2022-03-01, as_of: 2022-02-20}\n  - {id: b, date: 2022-03-31, as_of: 2022-02-10}\n"),
      test::asserted({"committees.yaml:3:10: error: the paper for 'b' is cut off on 2022-02-10, not after the "
                      "paper for 'a' (2022-02-20): each paper covers the time since the one before [date-order]",
                      "committees.yaml:2:10: note: 'a' is here"}));
  EXPECT_EQ(with("  - {id: a, date: 2022-03-01}\n  - {id: b, date: 2022-03-31, previous_cut_off: 2022-02-01}\n"),
            test::asserted({"committees.yaml:3:10: error: previous_cut_off 2022-02-01 of 'b' reaches back into the "
                            "window of 'a', which runs to 2022-03-01 [date-order]",
                            "committees.yaml:2:10: note: 'a' is here"}));
  EXPECT_EQ(with("  - {id: a, date: 2022-03-01}\n  - {id: b, date: 2022-03-31, previous_cut_off: 2022-03-10}\n"),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace hmicfrs::check

namespace hmicfrs::check {
namespace {

// A report's counts stand for its findings until they are transcribed, then are checked against them.
TEST(CheckCounts, WarnsWhenTheFindingsTranscribedAreNotTheNumbersStated) {
  const std::string counts =
      "counts:\n  recommendations: 5\n  afis: 34\n  continuing: {recommendations: 2, afis: 13}\n"
      "  continuing_from: custody-2010\n";
  const std::string head = "id: custody-2017\ntype: custody\ntitle: Custody\npublished: 2017-09-12\n";
  EXPECT_EQ(test::Register()
                .file("inspections/c.yaml", head + counts)
                .file("inspections/old.yaml", "id: custody-2010\ntype: custody\ntitle: Custody 2010\n")
                .diagnostics(),
            std::vector<std::string>{});
  EXPECT_EQ(test::Register()
                .file("inspections/c.yaml", head + counts + "findings:\n" + finding("R1") + finding("AFI1", "", "afi"))
                .diagnostics(),
            test::asserted({"inspections/c.yaml:6:3: warning: the report makes 5 recommendations and 34 areas for "
                            "improvement, by its counts, but the register holds 1 recommendation and 1 area for "
                            "improvement: transcribe the rest, or correct 'counts' [counts-differ]",
                            "inspections/c.yaml:9:20: error: 'continuing_from' names no inspection: there is no "
                            "'custody-2010': did you mean 'custody-2017'? [unknown-reference]"}));
}

// A type the counts leave out is not given, so not compared: only the recommendations are checked here.
TEST(CheckCounts, ComparesOnlyTheTypesTheCountsGive) {
  const std::string head =
      "id: custody-2017\ntype: custody\ntitle: Custody\npublished: 2017-09-12\ncounts:\n  recommendations: 2\n";
  const std::string afis = finding("AFI1", "", "afi") + finding("AFI2", "", "afi");
  EXPECT_EQ(test::Register()
                .file("inspections/c.yaml", head + "findings:\n" + finding("R1") + finding("R2") + afis)
                .diagnostics(),
            std::vector<std::string>{});
  EXPECT_EQ(test::Register().file("inspections/c.yaml", head + "findings:\n" + finding("R1") + afis).diagnostics(),
            test::asserted({"inspections/c.yaml:6:3: warning: the report makes 2 recommendations, by its counts, but "
                            "the register holds 1 recommendation: transcribe the rest, or correct 'counts' "
                            "[counts-differ]"}));
}

TEST(CheckReviews, NameReportsOfTheRegisterOnceEach) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", "id: custody-2019\ntype: custody\ntitle: T\n")
                .file("committees.yaml",
                      "meetings:\n  - id: 2022-03\n    date: 2022-03-31\n"
                      "    review: [custody-2018, custody-2019, custody-2019]\n")
                .diagnostics(),
            asserted({"committees.yaml:4:14: error: 'review' names no inspection: there is no 'custody-2018': did "
                      "you mean 'custody-2019'? [unknown-reference]",
                      "committees.yaml:4:42: error: 'custody-2019' is listed twice under 'review': the paper goes "
                      "through it once [duplicate-id]"}));
}

}  // namespace
}  // namespace hmicfrs::check
