// The commissioner's responses to reports and the force's monitoring phase: the answers on the example register
// that records both (examples/oversight, every figure worked out by hand from its files, the reasoning beside it),
// the 56 days' boundaries, the duty's first day, and what validate says of each mistake.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/calendar.hpp>
#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/oversight.hpp>
#include <hmicfrs/query/status.hpp>

#include "support/register.hpp"

namespace hmicfrs::test {
namespace {

using answers::ResponseStanding;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const model::Dataset& oversight() {
  static const model::Dataset dataset = load::load_dataset("examples/oversight").dataset;
  return dataset;
}

std::vector<std::string> ids(const std::vector<answers::ResponseState>& responses) {
  std::vector<std::string> out;
  for (const answers::ResponseState& r : responses) out.push_back(r.inspection->id);
  return out;
}

answers::ResponseState response(const std::string& id, const std::string& as_of) {
  const model::Inspection* inspection = oversight().find_inspection(id);
  EXPECT_NE(inspection, nullptr) << id;
  const auto state = query::response_of(oversight().config, *inspection, date(as_of));
  EXPECT_TRUE(state.has_value()) << id << " is not tracked";
  return state.value_or(answers::ResponseState{});
}

answers::Window window_of(const std::string& meeting) {
  const auto found = query::find_meeting(oversight(), meeting);
  EXPECT_TRUE(found.ok()) << meeting;
  return found ? found->window : answers::Window{};
}

TEST(Responses, TheLastDayIsPublicationPlusFiftyFive) {
  // PEEL published 10 November 2023: 20 days of November are left after the 10th, 31 of December, then 4 of
  // January make 55, so the last day is 4 January 2024.
  const auto peel = response("peel-2023-25", "2023-12-01");
  EXPECT_EQ(peel.standing, ResponseStanding::due);
  EXPECT_EQ(peel.due, date("2024-01-04"));
  EXPECT_EQ(peel.days_left, 34);  // 29 days to the end of December, then 4 and 1: 1 December to 4 January
  // Published on 20 December, before its last day: not late.
  const auto published = response("peel-2023-25", "2024-03-08");
  EXPECT_EQ(published.standing, ResponseStanding::published);
  EXPECT_EQ(published.published, date("2023-12-20"));
  EXPECT_EQ(published.days_over, 0);

  // Vetting published 21 February 2024 (a leap year): 8 days of February after the 21st, 31 of March and 16 of
  // April: 16 April. Published 1 May: 14 days of April left, and 1 of May, 15 days late.
  const auto vetting = response("vetting-2024", "2024-06-14");
  EXPECT_EQ(vetting.due, date("2024-04-16"));
  EXPECT_EQ(vetting.standing, ResponseStanding::published);
  EXPECT_EQ(vetting.days_over, 15);

  // Custody published 12 March 2024, tracked through `responses.from` alone: 19 days of March, 30 of April, 6 of
  // May: 6 May. Nothing published: on the day it is due with 0 days left, the next day overdue by 1; at the June
  // paper's cut-off (14 June: 25 days of May and 14 of June) 39, at October's (11 October) 158.
  EXPECT_EQ(response("custody-2024", "2024-05-06").standing, ResponseStanding::due);
  EXPECT_EQ(response("custody-2024", "2024-05-06").days_left, 0);
  EXPECT_EQ(response("custody-2024", "2024-05-07").standing, ResponseStanding::overdue);
  EXPECT_EQ(response("custody-2024", "2024-05-07").days_over, 1);
  EXPECT_EQ(response("custody-2024", "2024-06-14").days_over, 39);
  EXPECT_EQ(response("custody-2024", "2024-10-11").days_over, 158);
  // Before its report is out the 56 days have not begun.
  EXPECT_EQ(response("custody-2024", "2024-03-11").standing, ResponseStanding::awaiting_report);
}

TEST(Responses, APublicationKnownByItsMonthIsOverdueOnlyOnceSurely) {
  // Neighbourhood policing, "published: 2024-05": surely out only by the last day of May; its last day is not
  // known, but is 25 July at the latest (31 May + 55).
  EXPECT_EQ(response("neighbourhood-2024", "2024-05-30").standing, ResponseStanding::awaiting_report);
  const auto june = response("neighbourhood-2024", "2024-05-31");
  EXPECT_EQ(june.standing, ResponseStanding::due);
  EXPECT_FALSE(june.due.has_value());
  EXPECT_EQ(june.due_by, date("2024-07-25"));
  // Published 28 June 2024: not late, since it came before the latest the last day can be.
  const auto published = response("neighbourhood-2024", "2024-06-28");
  EXPECT_EQ(published.standing, ResponseStanding::published);
  EXPECT_EQ(published.days_over, 0);

  // The same report with no response: due to 25 July, then overdue by at least a day.
  const model::Dataset dataset =
      Register()
          .file("hmicfrs-track.yaml",
                "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
                "portfolios:\n  - {id: crime, name: Crime}\nresponses: {from: 2024-01-01}\n")
          .file("inspections/a.yaml", "id: a\ntype: other\ntitle: A\npublished: 2024-05\n")
          .file("inspections/b.yaml",
                "id: b\ntype: other\ntitle: B\npublished: 2024-05\nresponse: {published: 2024-08}\n")
          .load("2024-12-31")
          .dataset;
  const model::Inspection& a = *dataset.find_inspection("a");
  EXPECT_EQ(query::response_of(dataset.config, a, date("2024-07-25"))->standing, ResponseStanding::due);
  const auto late = query::response_of(dataset.config, a, date("2024-07-26"));
  EXPECT_EQ(late->standing, ResponseStanding::overdue);
  EXPECT_EQ(late->days_over, 1);
  EXPECT_TRUE(late->at_least);
  // Asked about once the last day may have come: on 1 June, both reports' earliest last day is 25 June (1 May + 55),
  // and b's response is not out until August.
  EXPECT_THAT(ids(query::responses_to_chase(dataset, date("2024-06-01"), date("2024-06-24"))), IsEmpty());
  EXPECT_THAT(ids(query::responses_to_chase(dataset, date("2024-06-01"), date("2024-06-25"))), ElementsAre("a", "b"));
  // A response known by its month, August: late by at least the 7 days from 25 July to 1 August.
  const auto b = query::response_of(dataset.config, *dataset.find_inspection("b"), date("2024-12-31"));
  EXPECT_EQ(b->standing, ResponseStanding::published);
  EXPECT_EQ(b->days_over, 7);
  EXPECT_TRUE(b->at_least);
}

TEST(Responses, OnlyTheReportsTheRegisterTracks) {
  EXPECT_TRUE(query::tracks_responses(oversight()));
  // Published 21 September 2022, before `responses.from` (1 April 2023), and no `response:`.
  EXPECT_FALSE(
      query::response_of(oversight().config, *oversight().find_inspection("hate-crime-2022"), date("2024-06-14")));
  EXPECT_EQ(response("youth-justice-2024", "2024-06-14").standing, ResponseStanding::not_required);
  // A register that says neither `response:` nor `responses:`.
  const model::Dataset west_midlands = load::load_dataset("examples/west-midlands").dataset;
  EXPECT_FALSE(query::tracks_responses(west_midlands));
  EXPECT_FALSE(query::status_of(west_midlands, date("2022-03-31")).tracks_responses);
  const answers::Calendar calendar =
      query::calendar_answer(west_midlands, {std::nullopt, date("2022-03-31")}, answers::CalendarScope::all);
  EXPECT_THAT(calendar.responses, IsEmpty());
}

TEST(Responses, EachPaperListsThoseDueOverdueAndPublishedInItsWindow) {
  // December 2023 (cut-off 1 December): PEEL due by 4 January.
  auto december = query::responses_in(oversight(), window_of("2023-12"));
  EXPECT_THAT(ids(december.due), ElementsAre("peel-2023-25"));
  EXPECT_THAT(ids(december.overdue), IsEmpty());
  EXPECT_THAT(ids(december.published), IsEmpty());
  // March 2024 (2 December to 8 March): PEEL's published 20 December; vetting due by 16 April; custody's report
  // (12 March) not out.
  auto march = query::responses_in(oversight(), window_of("2024-03"));
  EXPECT_THAT(ids(march.due), ElementsAre("vetting-2024"));
  EXPECT_THAT(ids(march.overdue), IsEmpty());
  EXPECT_THAT(ids(march.published), ElementsAre("peel-2023-25"));
  // June 2024 (to 14 June): custody overdue; neighbourhood due (date TBC); vetting's published 1 May; youth
  // justice not required, so in none.
  auto june = query::responses_in(oversight(), window_of("2024-06"));
  EXPECT_THAT(ids(june.due), ElementsAre("neighbourhood-2024"));
  EXPECT_THAT(ids(june.overdue), ElementsAre("custody-2024"));
  EXPECT_THAT(ids(june.published), ElementsAre("vetting-2024"));
  // October 2024 (15 June to 11 October): neighbourhood's published 28 June; custody still overdue.
  auto october = query::responses_in(oversight(), window_of("2024-10"));
  EXPECT_THAT(ids(october.due), IsEmpty());
  EXPECT_THAT(ids(october.overdue), ElementsAre("custody-2024"));
  EXPECT_THAT(ids(october.published), ElementsAre("neighbourhood-2024"));
}

TEST(Responses, StatusAndChaseAskAboutTheOverdueFirst) {
  // As of 14 June 2024, looking 28 days ahead: custody overdue, neighbourhood due on a day not yet known.
  const answers::Status status = query::status_of(oversight(), date("2024-06-14"));
  EXPECT_TRUE(status.tracks_responses);
  EXPECT_THAT(ids(status.responses), ElementsAre("custody-2024", "neighbourhood-2024"));
  // As of 1 April 2024: vetting's last day (16 April) is 15 days ahead, within 28; as of 18 March, 29 days: not yet.
  EXPECT_THAT(ids(query::status_of(oversight(), date("2024-04-01")).responses), ElementsAre("vetting-2024"));
  EXPECT_THAT(ids(query::status_of(oversight(), date("2024-03-18")).responses), IsEmpty());

  // chase as of 20 May 2024 runs to the June paper's cut-off: custody overdue; neighbourhood's report (May) is not
  // surely out yet, so not asked about.
  const auto chase = query::chase(oversight(), date("2024-05-20"), {});
  ASSERT_TRUE(chase.ok());
  EXPECT_TRUE(chase->tracks_responses);
  EXPECT_THAT(ids(chase->responses), ElementsAre("custody-2024"));
  EXPECT_EQ(chase->commissioner, "Office of the Police and Crime Commissioner");
  EXPECT_EQ(chase->commissioner_email, "responses@opcc-wyvernvale.example.org");
  // --owner naming the office alone asks only about the responses.
  query::ChaseOptions office;
  office.owner = "commissioner";
  const auto asked = query::chase(oversight(), date("2024-05-20"), office);
  ASSERT_TRUE(asked.ok());
  EXPECT_THAT(asked->groups, IsEmpty());
  EXPECT_THAT(ids(asked->responses), ElementsAre("custody-2024"));
  // --owner naming an owner asks nothing of the office.
  query::ChaseOptions owner;
  owner.owner = "Criminal Justice";
  EXPECT_THAT(query::chase(oversight(), date("2024-05-20"), owner)->responses, IsEmpty());
}

TEST(Monitoring, ThePhaseAsOfEachPaperAndItsChangesInTheWindow) {
  const model::Config& config = oversight().config;
  // December 2023's cut-off (1 December) is before the first phase (8 December): no phase known.
  const auto december = query::monitoring_in(config, window_of("2023-12"));
  ASSERT_TRUE(december.has_value());
  EXPECT_EQ(december->current, nullptr);
  EXPECT_THAT(december->changes, IsEmpty());
  // March 2024: engage from 8 December, a change in the window, from no earlier phase.
  const auto march = query::monitoring_in(config, window_of("2024-03"));
  ASSERT_NE(march->current, nullptr);
  EXPECT_EQ(march->current->phase, model::MonitoringPhase::engage);
  EXPECT_EQ(march->current->date, date("2023-12-08"));
  ASSERT_EQ(march->changes.size(), 1u);
  EXPECT_EQ(march->changes[0].before, nullptr);
  // June 2024: still engage, no change.
  const auto june = query::monitoring_in(config, window_of("2024-06"));
  EXPECT_EQ(june->current->phase, model::MonitoringPhase::engage);
  EXPECT_THAT(june->changes, IsEmpty());
  // October 2024: back to scan on 3 October, from engage.
  const auto october = query::monitoring_in(config, window_of("2024-10"));
  EXPECT_EQ(october->current->phase, model::MonitoringPhase::scan);
  ASSERT_EQ(october->changes.size(), 1u);
  EXPECT_EQ(october->changes[0].change->date, date("2024-10-03"));
  EXPECT_EQ(october->changes[0].before->phase, model::MonitoringPhase::engage);
  // A register without `monitoring` has no answer at all.
  EXPECT_FALSE(query::monitoring_in(model::Config{}, window_of("2024-10")).has_value());
}

// A report published on `published`, with `response` (YAML) when given.
std::string report(const std::string& id, const std::string& published, const std::string& response = "") {
  return "id: " + id + "\ntype: national-thematic\ntitle: A report\npublished: " + published + "\n" + response;
}

TEST(Responses, TheDutyAppliesToReportsPublishedFromTheSecondOfMay2017) {
  Register r;
  r.file("hmicfrs-track.yaml",
         "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
         "portfolios:\n  - {id: crime, name: Crime}\nresponses:\n  from: 2017-01-01\n")
      .file("inspections/a.yaml", report("before", "2017-05-01"))
      .file("inspections/b.yaml", report("first-day", "2017-05-02"))
      .file("inspections/c.yaml", report("in-may", "2017-05"))
      .file("inspections/d.yaml", report("in-may-said", "2017-05", "response: {required: true}\n"));
  const model::Dataset dataset = r.load("2017-12-31").dataset;
  std::vector<std::string> tracked;
  for (const model::Inspection& inspection : dataset.inspections) {
    if (query::response_tracked(dataset.config, inspection)) tracked.push_back(inspection.id);
  }
  // May 2017 may have begun before the duty: tracked only when its file says `response:`.
  EXPECT_THAT(tracked, ElementsAre("first-day", "in-may-said"));
  EXPECT_EQ(model::response_duty_from(), date("2017-05-02"));
}

TEST(Responses, ValidateSaysWhatIsWrongWithAResponse) {
  EXPECT_EQ(Register()
                .file("inspections/a.yaml", report("old", "2016-03-01", "response:\n  published: 2016-04-01\n"))
                .file("inspections/b.yaml", report("early", "2022-02-21", "response:\n  published: 2022-02-20\n"))
                .file("inspections/c.yaml",
                      "id: unpublished\ntype: other\ntitle: A report\nresponse:\n  published: 2022-01-10\n")
                .file("inspections/d.yaml",
                      report("none-needed", "2022-01-10", "response:\n  required: false\n  published: 2022-01-20\n"))
                .diagnostics(),
            asserted({"inspections/a.yaml:6:3: warning: 'old' was published (2016-03-01) before the duty to publish "
                      "a response within 56 days applied (s55(5A) Police Act 1996, from 2017-05-02): its response "
                      "is not tracked; drop 'response' [response-duty]",
                      "inspections/b.yaml:6:3: error: the response to 'early' is published (2022-02-20) before the "
                      "report (2022-02-21): give the day the commissioner published it [date-order]",
                      "inspections/c.yaml:5:3: error: the response to 'unpublished' is published (2022-01-10), but "
                      "the report has no 'published' date: give the report's [date-order]",
                      "inspections/d.yaml:7:14: error: a response marked 'required: false' has no publication to "
                      "record: drop 'published', or 'required: false' if the commissioner did respond "
                      "[invalid-value]"}));
}

TEST(Monitoring, ValidateSaysWhatIsWrongWithAPhase) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit "
                      "Committee}\nportfolios:\n  - {id: crime, name: Crime}\nmonitoring:\n"
                      "  - {date: 2023-12-08, phase: engage}\n"
                      "  - {date: 2023-06-01, phase: scan}\n"
                      "  - {date: 2024-01-01, phase: watch}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:8:5: error: the monitoring phase from 2023-06-01 comes after one from "
                      "2023-12-08: list the phases oldest first, one a day [history-order]",
                      "hmicfrs-track.yaml:7:5: note: the later one is here",
                      "hmicfrs-track.yaml:9:31: error: unknown monitoring phase 'watch' (expected scan or engage) "
                      "[invalid-value]"}));
}

TEST(Responses, ValidateSaysWhatWouldShowNothing) {
  // A section of responses with none tracked; `from` before the duty; a response dated after the as-of date; a
  // bare `response:`, which tracks the response as `response: {}` does; the same phase twice.
  Register r;
  r.file("hmicfrs-track.yaml",
         "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
         "portfolios:\n  - {id: crime, name: Crime}\npaper:\n  sections: [purpose, responses]\n"
         "monitoring:\n  - {date: 2021-11-01, phase: scan}\n  - {date: 2021-11-05, phase: scan}\n");
  EXPECT_EQ(r.diagnostics(),
            asserted({"hmicfrs-track.yaml:7:23: warning: the paper has a section of responses to reports, but the "
                      "register tracks none: give a report 'response:', or the configuration 'responses: {from: "
                      "DATE}' [response-duty]",
                      "hmicfrs-track.yaml:10:5: error: the force is already in the scan phase from 2021-11-01: each "
                      "entry records a change of phase; drop this one [history-order]",
                      "hmicfrs-track.yaml:9:5: note: that phase begins here"}));
  Register tracked;
  tracked
      .file("hmicfrs-track.yaml",
            "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
            "portfolios:\n  - {id: crime, name: Crime}\nresponses: {from: 2016-01-01}\n")
      .file("inspections/a.yaml", report("later", "2022-03-01", "response:\n  published: 2022-04-20\n"))
      .file("inspections/b.yaml", report("bare", "2022-03-01", "response:\n"));
  EXPECT_EQ(tracked.diagnostics(),
            asserted({"hmicfrs-track.yaml:6:19: note: responses.from 2016-01-01 is before the duty to publish a "
                      "response within 56 days applied (s55(5A) Police Act 1996, from 2017-05-02): responses are "
                      "tracked from 2017-05-02 [response-duty]",
                      "inspections/a.yaml:6:3: note: the response to 'later' is dated 2022-04-20, after the as-of "
                      "date 2022-03-31: it counts as published from then [future-history]"}));
  const model::Dataset dataset = tracked.load().dataset;
  EXPECT_TRUE(dataset.find_inspection("bare")->response.has_value());
  EXPECT_EQ(query::response_of(dataset.config, *dataset.find_inspection("bare"), date("2022-03-31"))->due,
            date("2022-04-25"));  // 1 March + 55: 30 days of March left, then 25 of April
}

}  // namespace
}  // namespace hmicfrs::test
