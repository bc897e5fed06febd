#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/golden.hpp"
#include "support/register.hpp"

namespace hmicfrs::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A register whose only report holds text written to break papers.
answers::Paper hostile_paper(model::Dataset& keep) {
  keep = test::Register()
             .file("inspections/x.yaml",
                   "id: x\ntype: national-thematic\ntitle: \"Report | with <b>markup</b>\"\npublished: 2022-03-01\n"
                   "url: \"javascript:alert(1)\"\n"
                   "summary: |\n  # Not a heading\n  <script>alert('summary')</script> and **bold**\n"
                   "findings:\n"
                   "  - ref: R1\n    type: recommendation\n"
                   "    title: \"# Title | with <script>alert(1)</script> and C:\\\\path\\\\here\"\n"
                   "    owner: \"Owner <img src=x onerror=alert(1)>\"\n    portfolio: crime\n"
                   "    text: \"<iframe src=evil></iframe>\"\n"
                   "    history: [{date: 2022-03-02, status: open, rag: red, note: \"*note* | <br>\"}]\n")
             .load()
             .dataset;
  return query::assemble_paper(keep, *query::find_meeting(keep, "2022-03"), test::date("2022-03-31"));
}

std::string written(const answers::Paper& paper, Format format) {
  std::ostringstream out;
  write(out, paper, Output{format, {}});
  return out.str();
}

// The March 2022 paper of a register, as of its meeting day, written in a format at a width.
std::string march_paper(const test::Register& source, Format format, std::size_t width = 80) {
  const model::Dataset dataset = source.load().dataset;
  const answers::Paper paper =
      query::assemble_paper(dataset, *query::find_meeting(dataset, "2022-03"), test::date("2022-03-31"));
  std::ostringstream out;
  write(out, paper, Output{format, {width, false}});
  return out.str();
}

TEST(Paper, RendersHostileTextHarmlesslyInMarkdown) {
  model::Dataset dataset;
  const std::string md = written(hostile_paper(dataset), Format::markdown);
  EXPECT_THAT(md, HasSubstr("\\# Title \\| with \\<script\\>alert(1)\\</script\\> and C:\\\\path\\\\here"));
  EXPECT_THAT(md, HasSubstr("Owner \\<img src=x onerror=alert(1)\\>"));
  EXPECT_THAT(md, Not(HasSubstr("<script>")));
  EXPECT_THAT(md, Not(HasSubstr("<iframe")));
  EXPECT_THAT(md, HasSubstr("\\# Not a heading"));  // user Markdown cannot open a heading of its own
  EXPECT_THAT(md, HasSubstr("&lt;script>alert('summary')&lt;/script> and **bold**"));
  EXPECT_THAT(md, Not(HasSubstr("](javascript:")));  // no link to anything but the web
  // Every table row keeps its column count: no | of the user's splits a cell.
  std::istringstream lines(md);
  int rows_checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| Ref ") && !line.starts_with("| R1 ")) continue;
    ++rows_checked;
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    EXPECT_EQ(pipes, 6u) << line;
  }
  EXPECT_EQ(rows_checked, 2);  // the report's header and its one finding
}

TEST(Paper, RendersHostileTextHarmlesslyInHtml) {
  model::Dataset dataset;
  const std::string html = written(hostile_paper(dataset), Format::html);
  EXPECT_THAT(html, HasSubstr("# Title | with &lt;script&gt;alert(1)&lt;/script&gt; and C:\\path\\here"));
  EXPECT_THAT(html, HasSubstr("Owner &lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;iframe src=evil&gt;&lt;/iframe&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt; and <strong>bold</strong>"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<iframe")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
}

// A PEEL report with no grades recorded is not "no PEEL published"; PEEL under way is shown beside the grades.
TEST(Paper, TellsPeelReportsWithoutGradesAndPeelInProgressFromNoPeel) {
  const std::string out = march_paper(test::Register()
                                          .file("inspections/legitimacy.yaml",
                                                "id: peel-2016-legitimacy\ntype: peel\ntitle: PEEL 2016 legitimacy\n"
                                                "published: 2016-12-08\n")
                                          .file("inspections/next.yaml",
                                                "id: peel-2021-22\ntype: peel\ntitle: PEEL 2021/22\nnotified: "
                                                "2022-01-10\nfieldwork: {week_commencing: 2022-04-04}\n"),
                                      Format::markdown);
  EXPECT_THAT(out,
              HasSubstr("The register holds no PEEL grades for Test Constabulary. By 31 March 2022 one PEEL "
                        "report has been published.\n\n### PEEL 2016 legitimacy\n\nPublished on 8 December "
                        "2016. The register records no graded judgement from it.\n\nThe register holds no "
                        "finding from this report.\n\n### PEEL activity in progress\n\n- **Inspection:** PEEL "
                        "2021/22\n- **Notified:** 10 January 2022\n- **Fieldwork:** Week commencing 4 April 2022\n"));
  EXPECT_THAT(out, Not(HasSubstr("No PEEL assessment")));
}

// A PEEL report without grades published after the graded one is told with its findings, and its summary is
// quoted at the first paper after its publication only; a graded report's summary likewise.
TEST(Paper, TellsUngradedPeelReportsWithTheirFindingsAndQuotesSummariesOnce) {
  test::Register source =
      test::Register()
          .file("inspections/peel-2018.yaml",
                "id: peel-2018\ntype: peel\ntitle: PEEL 2018/19\npublished: 2022-01-15\n"
                "summary: The force is good at keeping people safe.\n"
                "gradings: {cycle: 2018-19, areas: {effectiveness: good}}\n")
          .file("inspections/peel-pillar.yaml",
                "id: peel-pillar\ntype: peel\ntitle: PEEL legitimacy report\npublished: 2022-02-10\n"
                "summary: The force treats people fairly.\n"
                "findings:\n"
                "  - {ref: AFI1, type: afi, title: Record stop and search grounds, owner: Head of Operations,\n"
                "     history: [{date: 2022-02-20, rag: amber}]}\n"
                "  - {ref: AFI2, type: afi, title: Monitor the use of force, owner: Head of Operations,\n"
                "     history: [{date: 2022-03-01, status: closed}]}\n");
  const std::string march = march_paper(source, Format::markdown);
  EXPECT_THAT(march, HasSubstr("The force is good at keeping people safe.\n"));
  EXPECT_THAT(march, HasSubstr("Since then, one PEEL report without grades has been published.\n\n"
                               "### PEEL legitimacy report\n\nPublished on 10 February 2022. The register records "
                               "no graded judgement from it.\n\nThe force treats people fairly.\n\n"
                               "Of the report's two findings: one open (one amber) and one closed.\n"));
  EXPECT_THAT(march, HasSubstr("| peel-pillar/AFI1 | AFI | Amber |"));
  // The next paper gives the findings again, without the summaries.
  const model::Dataset dataset =
      source
          .file("committees.yaml",
                "meetings:\n  - {id: 2022-03, date: 2022-03-31}\n  - {id: 2022-06, date: 2022-06-30}\n")
          .load()
          .dataset;
  const answers::Paper june =
      query::assemble_paper(dataset, *query::find_meeting(dataset, "2022-06"), test::date("2022-06-30"));
  const auto& peel = std::get<answers::PeelSection>(june.sections.at(1).body);
  ASSERT_TRUE(peel.graded);
  EXPECT_TRUE(peel.graded->summaries.empty());
  ASSERT_EQ(peel.ungraded.size(), 1U);
  EXPECT_FALSE(peel.ungraded[0].summary_quoted);
  EXPECT_EQ(peel.ungraded[0].findings.size(), 2U);
  EXPECT_EQ(peel.ungraded[0].finding_counts.open(), 1);
  EXPECT_EQ(peel.ungraded[0].finding_counts.closed, 1);
  const std::string md = written(june, Format::markdown);
  EXPECT_THAT(md, Not(HasSubstr("The force treats people fairly.")));
  EXPECT_THAT(md, Not(HasSubstr("keeping people safe")));
}

// A report's counts are given before its findings are transcribed one by one.
TEST(Paper, StatesAReportsCountsBeforeItsFindingsAreTranscribed) {
  const std::string out =
      march_paper(test::Register()
                      .file("inspections/c.yaml",
                            "id: custody-2022\ntype: custody\ntitle: Joint custody inspection\n"
                            "published: 2022-02-14\ncounts:\n  causes_of_concern: 2\n  recommendations: 5\n"
                            "  afis: 34\n  continuing: {recommendations: 2, afis: 13}\n"
                            "  continuing_from: custody-2010\n")
                      .file("inspections/old.yaml", "id: custody-2010\ntype: custody\ntitle: Custody 2010\n"),
                  Format::text, 1000);
  EXPECT_THAT(out, HasSubstr("It makes two causes of concern, five recommendations and thirty-four areas for "
                             "improvement. Of these, two recommendations and thirteen areas for improvement "
                             "continue findings of 'Custody 2010'.\n\nThe register does not yet "
                             "hold its findings one by one.\n"));
}

// Counts that give no number made (only what continues) are not read as "no formal finding"; a type left out
// is not named.
TEST(Paper, SaysNothingOfACountTheRegisterDoesNotGive) {
  const std::string head = "id: custody-2022\ntype: custody\ntitle: Joint custody inspection\npublished: 2022-02-14\n";
  const std::string continuing_only =
      march_paper(test::Register()
                      .file("inspections/c.yaml",
                            head + "counts:\n  continuing: {recommendations: 2}\n  continuing_from: custody-2010\n")
                      .file("inspections/old.yaml", "id: custody-2010\ntype: custody\ntitle: Custody 2010\n"),
                  Format::text, 1000);
  EXPECT_THAT(continuing_only,
              HasSubstr("The register does not record how many findings it makes. Of its findings, two "
                        "recommendations continue findings of 'Custody 2010'.\n\nThe register does not "
                        "yet hold its findings one by one.\n"));
  const std::string recommendations_only = march_paper(
      test::Register().file("inspections/c.yaml", head + "counts:\n  recommendations: 5\n"), Format::text, 1000);
  EXPECT_THAT(recommendations_only,
              HasSubstr("It makes five recommendations.\n\nThe register does not yet hold its findings one by one.\n"));
}

// Paused mid-fieldwork at the paper's date: what happened in the window, then what is planned, and no
// publication the paper's date cannot know of.
TEST(Paper, TellsAPausedInspectionsPastAndWhatIsToCome) {
  const std::string out =
      march_paper(test::Register().file("inspections/t.yaml",
                                        "id: vetting-2022\ntype: national-thematic\ntitle: Vetting thematic\n"
                                        "fieldwork:\n  - {label: Document review, from: 2022-02-07, to: 2022-02-18}\n"
                                        "  - {label: Interviews, from: 2022-03-07, to: 2022-03-11}\n"
                                        "  - {label: Reality testing, week_commencing: 2022-04-25}\n"
                                        "events:\n  - {event: suspended, date: 2022-03-09, note: A major incident.}\n"
                                        "  - {event: resumed, date: 2022-04-11}\n"
                                        "  - {event: hot-debrief, date: 2022-05}\n"
                                        "draft_expected: 2022-07\ndraft_received: 2022-07-20\npublished: 2022-09-15\n"),
                  Format::text, 1000);
  EXPECT_THAT(out, HasSubstr("Type:      National thematic\nFieldwork: 7 February 2022 to week commencing "
                             "25 April 2022\n\nDocument review: 7 to 18 February 2022.\n\n"
                             "Interviews: 7 to 11 March 2022.\n\n"
                             "The inspection was suspended on 9 March 2022.\n\nA major incident.\n\n"
                             "The inspection is expected to resume on 11 April 2022.\n\n"
                             "Still to come: reality testing, week commencing 25 April 2022.\n\n"
                             "The hot debrief is expected in May 2022.\n\n"
                             "The draft report is expected in July 2022.\n"));
  EXPECT_THAT(out, Not(HasSubstr("Published:")));
  EXPECT_THAT(out, Not(HasSubstr("Draft reports received")));
  EXPECT_THAT(out, Not(HasSubstr("15 September 2022")));
}

// A span of months, dates to be confirmed, as a notified inspection's plan.
TEST(Paper, GivesASpanOfMonthsWithItsDatesToBeConfirmed) {
  const std::string out =
      march_paper(test::Register().file("inspections/t.yaml",
                                        "id: custody-2022\ntype: custody\ntitle: Custody inspection\n"
                                        "notified: 2022-03-01\nfieldwork: {from: 2022-09, to: 2022-11}\n"),
                  Format::markdown);
  EXPECT_THAT(out, HasSubstr("| Custody inspection | Custody | September 2022 (date TBC) to November 2022 (date "
                             "TBC) |\n"));
}

// The paper's tables write dates as its prose does, unless the register asks for the data's own form; the prose
// is in words either way.
TEST(Paper, WritesItsTablesDatesInWordsUnlessTheRegisterAsksForIso) {
  const test::Register words =
      test::Register().file("inspections/x.yaml",
                            "id: x\ntype: custody\ntitle: Custody\npublished: 2015-12\nfindings:\n"
                            "  - {ref: R1, type: recommendation, title: T, owner: O, portfolio: crime, due: 2021-06,\n"
                            "     history: [{as_at: 2022-01-10, status: open, rag: red, note: Ongoing}]}\n");
  const std::string in_words = march_paper(words, Format::markdown, 200);
  EXPECT_THAT(in_words, HasSubstr("| Custody | December 2015 | 1 | 1 | 0 | 0 | 0% |"));
  EXPECT_THAT(in_words, HasSubstr("| x/R1 | Red | T | O | June 2021 (overdue) |"));
  EXPECT_THAT(in_words, HasSubstr("- **Why red:** Rated as at 10 January 2022: Ongoing"));
  test::Register iso = words;
  iso.file("hmicfrs-track.yaml",
           "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
           "portfolios: [{id: crime, name: Crime}]\npaper: {dates: iso}\n");
  const std::string in_iso = march_paper(iso, Format::markdown, 200);
  EXPECT_THAT(in_iso, HasSubstr("| Custody | 2015-12 | 1 | 1 | 0 | 0 | 0% |"));
  EXPECT_THAT(in_iso, HasSubstr("| x/R1 | Red | T | O | 2021-06 overdue |"));
  EXPECT_THAT(in_iso, HasSubstr("- **Why red:** Rated as at 10 January 2022: Ongoing"));  // prose: words
}

TEST(Paper, TrackerCountsMatchRagForTheSameDate) {
  for (const char* meeting : {"2021-12", "2022-03"}) {
    const auto paper = nlohmann::json::parse(
        test::run_cli({"--data", "examples/west-midlands", "report", "--committee", meeting, "--format", "json"}).out);
    const std::string as_of = paper["as_of"];
    const auto rag = nlohmann::json::parse(
        test::run_cli({"--data", "examples/west-midlands", "--as-of", as_of, "rag", "--format", "json"}).out);
    EXPECT_EQ(paper["tracker"]["total"], rag["total"]) << meeting;
    EXPECT_EQ(paper["tracker"]["groups"], rag["groups"]) << meeting;
  }
}

TEST(Paper, CarriesTheSeedPapersStructuredContent) {
  const auto december = nlohmann::json::parse(
      test::run_cli({"--data", "examples/west-midlands", "report", "--committee", "2021-12", "--format", "json"}).out);
  EXPECT_EQ(december["activity"].size(), 0u);  // "no direct National Thematic Inspections"
  ASSERT_EQ(december["notified"].size(), 2u);
  EXPECT_EQ(december["notified"][0]["fieldwork"]["from"], "2022-02-07");
  EXPECT_EQ(december["notified"][0]["fieldwork"]["week_commencing"], true);
  ASSERT_EQ(december["published"].size(), 1u);
  EXPECT_EQ(december["published"][0]["findings"].size(), 5u);  // the five recommendations, i to v
  EXPECT_EQ(december["peel"]["not_graded"].size(), 2u);

  const auto march = nlohmann::json::parse(
      test::run_cli({"--data", "examples/west-midlands", "report", "--committee", "2022-03", "--format", "json"}).out);
  ASSERT_EQ(march["activity"].size(), 5u);  // "five inspections conducted"
  std::size_t with_forces = 0;
  for (const auto& inspection : march["activity"]) with_forces += inspection["other_forces"].empty() ? 0 : 1;
  EXPECT_EQ(with_forces, 2u);  // the two thematics name the other forces
  ASSERT_EQ(march["notified"].size(), 5u);
  ASSERT_EQ(march["published"].size(), 2u);                 // the JTAI and the rape survivors' report
  EXPECT_EQ(march["published"][1]["findings"].size(), 3u);  // three police-specific recommendations
}

}  // namespace
}  // namespace hmicfrs::render

namespace hmicfrs::render {
namespace {

// The numbered section headings of a Markdown paper, in order.
std::vector<std::string> section_headings(const std::string& markdown) {
  std::vector<std::string> out;
  std::istringstream lines(markdown);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## ", 0) == 0) out.push_back(line.substr(3));
  }
  return out;
}

const std::string k_peel_report =
    "id: peel-x\ntype: peel\ntitle: PEEL 2021/22 – An inspection\npublished: 2022-01-10\n"
    "gradings:\n  cycle: 2021-22\n  areas:\n    investigating-crime:\n      grade: adequate\n"
    "      narrative: Investigations are timely.\n";

TEST(PaperSections, FollowTheConfigurationThenTheMeetingWithNumberingAndTitlesToMatch) {
  const test::Register base = test::Register().file("inspections/peel.yaml", k_peel_report);
  const std::string config =
      "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
      "portfolios:\n  - {id: crime, name: Crime}\n"
      "paper:\n  sections: [purpose, {id: decision, title: Decision required}, peel, notified, tracker]\n";
  EXPECT_THAT(section_headings(march_paper(test::Register(base).file("hmicfrs-track.yaml", config), Format::markdown)),
              ::testing::ElementsAre("1. Purpose of report", "2. Decision required", "3. PEEL inspection",
                                     "4. Inspections notified", "5. Recommendation tracker"));
  // A meeting's own choice replaces the configuration's for its paper only.
  const std::string committees =
      "meetings:\n  - {id: 2021-12, date: 2021-12-22}\n"
      "  - id: 2022-03\n    date: 2022-03-31\n    sections: [peel, {id: red, title: Items of concern}]\n";
  EXPECT_THAT(section_headings(march_paper(
                  test::Register(base).file("hmicfrs-track.yaml", config).file("committees.yaml", committees),
                  Format::markdown)),
              ::testing::ElementsAre("1. PEEL inspection", "2. Items of concern"));
}

TEST(PaperSections, GiveThePeelNarrativesAtTheFirstPaperAfterPublicationUnlessConfigured) {
  const test::Register base = test::Register().file("inspections/peel.yaml", k_peel_report);
  const auto paper_of = [&](const std::string& meeting, const std::string& narratives) {
    test::Register source(base);
    if (!narratives.empty()) {
      source.file("hmicfrs-track.yaml",
                  "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
                  "portfolios:\n  - {id: crime, name: Crime}\npaper: {peel_narratives: " +
                      narratives + "}\n");
    }
    const model::Dataset dataset = source.load().dataset;
    const auto window = query::find_meeting(dataset, meeting);
    return written(query::assemble_paper(dataset, *window, window->meeting->cut_off()), Format::markdown);
  };
  // Published on 10 January 2022: after the December meeting, so in the March paper's window.
  EXPECT_THAT(paper_of("2022-03", ""), HasSubstr("Investigations are timely."));
  EXPECT_THAT(paper_of("2022-03", "never"), Not(HasSubstr("Investigations are timely.")));
  const test::Register later = test::Register(base).file(
      "committees.yaml", "meetings:\n  - {id: 2022-03, date: 2022-03-31}\n  - {id: 2022-06, date: 2022-06-30}\n");
  const model::Dataset dataset = later.load().dataset;
  const auto june = query::find_meeting(dataset, "2022-06");
  const std::string md = written(query::assemble_paper(dataset, *june, june->meeting->cut_off()), Format::markdown);
  EXPECT_THAT(md, Not(HasSubstr("Investigations are timely.")));
  EXPECT_THAT(md, HasSubstr("The report itself sets out what the inspectorate found in each area"));
}

}  // namespace
}  // namespace hmicfrs::render
