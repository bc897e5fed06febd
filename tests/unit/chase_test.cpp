// `chase` decides by the end of its window: what an entry dated between the
// as-of date and the cut-off does is what the paper will show.

#include <optional>
#include <sstream>
#include <tuple>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs {
namespace {

using ::testing::HasSubstr;

TEST(Chase, TakesATargetSetBetweenTheAsOfDateAndTheCutOffAsWhatTheFindingIsDueBy) {
  const auto result =
      test::Register()
          .file("inspections/x.yaml",
                "id: thematic-x\ntype: national-thematic\ntitle: T\npublished: 2021-10-01\nfindings:\n"
                "  - ref: R1\n    type: recommendation\n    title: Do it\n    owner: Head of Crime\n    history:\n"
                "      - {date: 2021-11-01, status: open, rag: amber, note: Started}\n"
                "      - {date: 2022-03-28, due: 2022-03-30, note: Target set}\n")
          .load("2022-03-31");
  ASSERT_FALSE(result.diagnostics.has_errors()) << test::lines(result.diagnostics).front();
  const auto chase = query::chase(result.dataset, test::date("2022-03-24"), {});
  ASSERT_TRUE(chase.ok()) << chase.error();
  ASSERT_EQ(chase->groups.size(), 1u);
  ASSERT_EQ(chase->groups[0].items.size(), 1u);
  const answers::ChaseItem& item = chase->groups[0].items[0];
  EXPECT_FALSE(item.row.state.due.has_value());  // no target yet on the as-of date
  EXPECT_TRUE(item.due_soon);
  EXPECT_FALSE(item.overdue);
  std::ostringstream text;
  render::write(text, *chase, render::Output{render::Format::markdown, {}});
  EXPECT_THAT(text.str(), HasSubstr("| Amber; overdue since 2022-03-30 |"));
  const std::vector<render::EmailMessage> messages = render::to_messages(*chase);
  ASSERT_EQ(messages.size(), 1u);
  // A message writes its dates in words, as prose does; the tables keep the data's.
  EXPECT_THAT(messages[0].text, HasSubstr("Asked because: due 30 March 2022.\r\n"));
  EXPECT_THAT(messages[0].text, HasSubstr("The paper will show: Amber; overdue since 30 March 2022.\r\n"));
  EXPECT_THAT(messages[0].text, HasSubstr("Latest note (1 November 2021): Started\r\n"));
}

// The register of these tests: one finding rated red, due September 2022, not updated since 8 November 2021; the
// meetings of test::Register (22 December 2021, 31 March 2022, no as_of) unless `committees` gives others, and the
// configuration's `thresholds` when given.
test::Register red_finding(const std::string& committees = "", const std::string& thresholds = "") {
  test::Register r;
  r.file("inspections/x.yaml",
         "id: thematic-x\ntype: national-thematic\ntitle: T\npublished: 2021-10-01\nfindings:\n"
         "  - ref: R1\n    type: recommendation\n    title: Do it\n    owner: Head of Crime\n    due: 2022-09\n"
         "    history:\n      - {date: 2021-11-08, status: open, rag: red, note: Started}\n");
  if (!committees.empty()) r.file("committees.yaml", committees);
  if (!thresholds.empty()) {
    r.file("hmicfrs-track.yaml",
           "schema_version: 1\nforce: {name: Test Constabulary}\n"
           "committee: {name: Joint Audit Committee}\nportfolios: []\n" +
               thresholds);
  }
  return r;
}

// The one message `chase --format eml` drafts for the register as of `as_of`.
std::string message(const test::Register& r, const std::string& as_of, query::ChaseOptions options = {}) {
  const auto result = r.load(as_of);
  EXPECT_FALSE(result.diagnostics.has_errors()) << test::lines(result.diagnostics).front();
  const auto chase = query::chase(result.dataset, test::date(as_of), options);
  EXPECT_TRUE(chase.ok()) << chase.error();
  const std::vector<render::EmailMessage> messages = render::to_messages(*chase);
  EXPECT_EQ(messages.size(), 1u);
  std::string text = messages.empty() ? std::string() : messages[0].text;
  for (std::size_t at = 0; (at = text.find("\r\n", at)) != std::string::npos;) text.erase(at, 1);
  return text;
}

TEST(ChaseMessage, AsksForRepliesByTheConfiguredDaysBeforeTheMeetingNamingItWithEveryDateInWords) {
  EXPECT_EQ(message(red_finding(), "2022-03-01"),
            "Date: Tue, 01 Mar 2022 09:00:00 +0000\n"
            "From: \"hmicfrs-track\" <hmicfrs-track@localhost.invalid>\n"
            "Subject: HMICFRS findings: an update please by 17 March 2022, for the Joint\n"
            " Audit Committee on 31 March 2022\n"  // folded within 78 characters
            "Message-ID: <chase-2022-03-01-head-of-crime@hmicfrs-track.invalid>\n"
            "X-Unsent: 1\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: 8bit\n"
            "\n"
            "To Head of Crime,\n"
            "\n"
            "The Joint Audit Committee's paper for its meeting on 31 March 2022 takes the\n"
            "register as it stands on 31 March 2022. Unless an update is recorded by\n"
            "then, it will show the finding below as described.\n"
            "\n"
            "Please reply by 17 March 2022 with an update on it: what has been done since\n"
            "the latest note, the rating you would give it, and any new target date with\n"
            "the reason.\n"
            "\n"
            "1. thematic-x/R1: Do it\n"
            "   Due: September 2022 (date TBC). RAG: Red.\n"
            "   Latest note (8 November 2021): Started\n"
            "   Asked because: Red; no update since 8 November 2021.\n"
            "   The paper will show: Red, listed in full; not updated for 143 days.\n"
            "\n"
            "Thank you.\n"
            "Test Constabulary\n");
}

// A marked register's message says its marking before the subject, and first and last in the body.
TEST(ChaseMessage, CarriesTheRegistersProtectiveMarkingInTheSubjectAndAtBothEndsOfTheBody) {
  const std::string text = message(red_finding("", "marking: OFFICIAL-SENSITIVE\n"), "2022-03-01");
  EXPECT_THAT(text, HasSubstr("Subject: [OFFICIAL-SENSITIVE] HMICFRS findings: an update please by 17 March\n"
                              " 2022, for the Joint Audit Committee on 31 March 2022\n"));
  EXPECT_THAT(text, HasSubstr("Content-Transfer-Encoding: 8bit\n\nOFFICIAL-SENSITIVE\n\nTo Head of Crime,\n"));
  EXPECT_THAT(text, testing::EndsWith("Thank you.\nTest Constabulary\n\nOFFICIAL-SENSITIVE\n"));
  EXPECT_THAT(message(red_finding("", "thresholds: {}\n"), "2022-03-01"), testing::Not(HasSubstr("OFFICIAL")));
}

// Options that look `days` ahead.
query::ChaseOptions within(int days) { return {days, "", false}; }

// What the message asks for, and by when: the subject (unfolded), and the paragraphs between the greeting and the
// findings.
std::string asked(const std::string& text) {
  const std::size_t subject = text.find("Subject: ");
  std::string line = text.substr(subject, text.find("\nMessage-ID: ") + 1 - subject);
  for (std::size_t at = 0; (at = line.find("\n ", at)) != std::string::npos;) line.erase(at, 1);
  const std::size_t body = text.find(",\n\n", text.find("\n\nTo ")) + 3;
  return line + text.substr(body, text.find("\n\n1. ", body) + 1 - body);
}

TEST(ChaseMessage, AsksAsSoonAsPossibleOnceTheDayForRepliesHasPassed) {
  EXPECT_EQ(asked(message(red_finding(), "2022-03-24")),
            "Subject: HMICFRS findings: an update please as soon as possible, for the Joint Audit Committee on 31 "
            "March 2022\n"
            "The Joint Audit Committee's paper for its meeting on 31 March 2022 takes the\n"
            "register as it stands on 31 March 2022. Unless an update is recorded by\n"
            "then, it will show the finding below as described.\n"
            "\n"
            "Updates for the paper were due by 17 March 2022, so please reply as soon as\n"
            "possible with an update on it: what has been done since the latest note, the\n"
            "rating you would give it, and any new target date with the reason.\n");
  // On the day itself it is not late.
  EXPECT_THAT(asked(message(red_finding(), "2022-03-17")),
              HasSubstr("Subject: HMICFRS findings: an update please by 17 March 2022, for the Joint Audit Committee"));
}

TEST(ChaseMessage, TakesTheDayForRepliesFromTheMeetingsCutOffOrTheConfiguration) {
  // The meeting's as_of is the paper's cut-off, and the day replies are asked for.
  const std::string cut_off = "meetings:\n  - {id: 2022-03, date: 2022-03-31, as_of: 2022-03-20}\n";
  EXPECT_EQ(asked(message(red_finding(cut_off), "2022-03-01")),
            "Subject: HMICFRS findings: an update please by 20 March 2022, for the Joint Audit Committee on 31 "
            "March 2022\n"
            "The Joint Audit Committee's paper for its meeting on 31 March 2022 takes the\n"
            "register as it stands on 20 March 2022. Unless an update is recorded by\n"
            "then, it will show the finding below as described.\n"
            "\n"
            "Please reply by 20 March 2022 with an update on it: what has been done since\n"
            "the latest note, the rating you would give it, and any new target date with\n"
            "the reason.\n");
  // Without one, the configured days before the meeting.
  EXPECT_THAT(message(red_finding("", "thresholds: {reply_days_before_meeting: 7}\n"), "2022-03-01"),
              HasSubstr("\nPlease reply by 24 March 2022 with an update on it:"));
}

TEST(ChaseMessage, AsksByTheWindowsEndWhenItComesFirstOrNoMeetingIsListed) {
  // --within ends before the paper's day for replies: by its end, naming the paper still.
  EXPECT_EQ(asked(message(red_finding(), "2022-03-01", within(10))),
            "Subject: HMICFRS findings: an update please by 11 March 2022, for the Joint Audit Committee on 31 "
            "March 2022\n"
            "The Joint Audit Committee's next paper, for its meeting on 31 March 2022,\n"
            "takes the register as it stands on 31 March 2022. Unless an update is\n"
            "recorded by 11 March 2022, the register will show the finding below as\n"
            "described.\n"
            "\n"
            "Please reply by 11 March 2022 with an update on it: what has been done since\n"
            "the latest note, the rating you would give it, and any new target date with\n"
            "the reason.\n");
  // --within past the paper: by the paper's day.
  EXPECT_THAT(message(red_finding(), "2022-03-01", within(60)),
              HasSubstr("\nPlease reply by 17 March 2022 with an update on it:"));
  // After the last meeting listed: by the end of the 28 days looked ahead, and no meeting named.
  const std::string text = message(red_finding(), "2022-04-01");
  EXPECT_EQ(asked(text),
            "Subject: HMICFRS findings: an update please by 29 April 2022\n"
            "Unless an update is recorded by 29 April 2022, the register will then show\n"
            "the finding below as described.\n"
            "\n"
            "Please reply by 29 April 2022 with an update on it: what has been done since\n"
            "the latest note, the rating you would give it, and any new target date with\n"
            "the reason.\n");
  EXPECT_THAT(text, HasSubstr("\n   On 29 April 2022 it will show: Red, listed in full;"));
  // A month is "(date TBC)" until it begins, as the paper writes it.
  EXPECT_THAT(text, HasSubstr("\n   Due: September 2022 (date TBC). RAG: Red.\n"));
  EXPECT_THAT(message(red_finding(), "2022-09-05"), HasSubstr("\n   Due: September 2022. RAG: Red.\n"));
}

TEST(ChaseQuery, DecidesTheDayForRepliesAndWhetherItHasPassed) {
  const auto result = red_finding().load("2022-03-24");
  for (const auto& [as_of, within, reply_by, late] :
       {std::tuple{"2022-03-01", std::optional<int>(), "2022-03-17", false},
        {"2022-03-17", std::optional<int>(), "2022-03-17", false},
        {"2022-03-18", std::optional<int>(), "2022-03-17", true},
        {"2022-03-18", std::optional<int>(3), "2022-03-17", true},
        {"2022-03-01", std::optional<int>(3), "2022-03-04", false},
        {"2022-04-01", std::optional<int>(), "2022-04-29", false}}) {
    const auto chase = query::chase(result.dataset, test::date(as_of), query::ChaseOptions{within, "", false});
    ASSERT_TRUE(chase.ok()) << chase.error();
    EXPECT_EQ(chase->reply_by.iso(), reply_by) << as_of;
    EXPECT_EQ(chase->reply_late, late) << as_of;
  }
  // The meeting's cut-off when it gives one; else the configured days before it.
  const auto reply_by = [](const test::Register& r) {
    const auto loaded = r.load("2022-03-01");
    return query::chase(loaded.dataset, test::date("2022-03-01"), {})->reply_by.iso();
  };
  EXPECT_EQ(reply_by(red_finding("meetings:\n  - {id: 2022-03, date: 2022-03-31, as_of: 2022-03-20}\n")), "2022-03-20");
  EXPECT_EQ(reply_by(red_finding("", "thresholds: {reply_days_before_meeting: 7}\n")), "2022-03-24");
}

}  // namespace
}  // namespace hmicfrs
