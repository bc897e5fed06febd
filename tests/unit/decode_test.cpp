#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/register.hpp"

namespace hmicfrs::load {
namespace {

using test::asserted;
using test::Register;

// An inspection file with `findings` appended under a findings: key.
std::string inspection(const std::string& findings = "", const std::string& extra = "") {
  std::string text =
      "id: thematic-x\ntype: national-thematic\ntitle: A thematic inspection\npublished: 2022-02-24\n" + extra;
  if (!findings.empty()) text += "findings:\n" + findings;
  return text;
}

TEST(DecodeInspection, ReadsEveryField) {
  const auto result =
      Register()
          .file(
              "inspections/x.yaml",
              "id: jtai-x\ntype: jtai\ntitle: A joint inspection\ninspectorates: [Ofsted, HMICFRS]\n"
              "involvement: data-request\nother_forces: [Force A, Force B]\nnotified: 2021-11\n"
              "fieldwork: {from: 2022-01-10, to: 2022-01-21}\ndraft_received: 2022-02-01\npublished: 2022-02-21\n"
              "url: https://example.org/r\nsummary: |\n  Two\n  lines\nfindings:\n"
              "  - ref: AFI1\n    type: afi\n    scope: all-forces\n    title: Do a thing\n    text: Why\n"
              "    owner: Director of People\n    portfolio: people\n    due: 2022-05\n"
              "    history:\n      - {date: 2022-03-01, status: open, rag: amber, note: Started, owner: Someone else, "
              "due: 2022-06-30}\n")
          .load();
  EXPECT_TRUE(result.diagnostics.empty()) << test::lines(result.diagnostics)[0];
  ASSERT_EQ(result.dataset.inspections.size(), 1u);
  const model::Inspection& i = result.dataset.inspections[0];
  EXPECT_EQ(i.id, "jtai-x");
  EXPECT_EQ(i.type, model::InspectionType::jtai);
  EXPECT_EQ(i.inspectorates, (std::vector<std::string>{"Ofsted", "HMICFRS"}));
  EXPECT_EQ(i.involvement, model::Involvement::data_request);
  EXPECT_EQ(i.other_forces.size(), 2u);
  EXPECT_EQ(i.notified->iso(), "2021-11");
  EXPECT_EQ(i.fieldwork->from.iso(), "2022-01-10");
  EXPECT_EQ(i.fieldwork->to->iso(), "2022-01-21");
  EXPECT_EQ(i.draft_received->date->iso(), "2022-02-01");
  EXPECT_EQ(i.summary, "Two\nlines\n");
  ASSERT_EQ(i.findings.size(), 1u);
  const model::Finding& f = i.findings[0];
  EXPECT_EQ(f.id, "jtai-x/AFI1");
  EXPECT_EQ(f.type, model::FindingType::afi);
  EXPECT_EQ(f.scope, model::Scope::all_forces);
  EXPECT_EQ(f.portfolio.value, "people");
  EXPECT_EQ(f.due->iso(), "2022-05");
  ASSERT_EQ(f.history.size(), 1u);
  EXPECT_EQ(f.history[0].status, model::Status::open);
  EXPECT_EQ(f.history[0].rag.value, "amber");
  EXPECT_EQ(*f.history[0].owner, "Someone else");
  EXPECT_EQ(f.history[0].due->iso(), "2022-06-30");
}

TEST(DecodeInspection, ReadsTheThreeFormsOfFieldwork) {
  const auto result =
      Register()
          .file("inspections/a.yaml", inspection("", "fieldwork: 2022-05\n"))
          .file("inspections/b.yaml", "id: b\ntype: other\ntitle: B\nfieldwork: {week_commencing: 2022-04-04}\n")
          .load();
  EXPECT_TRUE(result.diagnostics.empty());
  const auto& a = *result.dataset.inspections[0].fieldwork;
  EXPECT_FALSE(a.from.has_day());
  const auto& b = *result.dataset.inspections[1].fieldwork;
  EXPECT_TRUE(b.from.week_commencing());
  EXPECT_EQ(b.from.iso(), "2022-04-04");
}

TEST(DecodeInspection, ReportsWrongTypes) {
  EXPECT_EQ(Register().file("inspections/x.yaml", "- just\n- a list\n").diagnostics(),
            asserted({"inspections/x.yaml:1:1: error: expected a mapping for an inspection, found a list "
                      "[wrong-type]"}));
  EXPECT_EQ(
      Register().file("inspections/x.yaml", inspection("", "inspectorates: HMICFRS\nsummary: [a]\n")).diagnostics(),
      asserted({"inspections/x.yaml:5:16: error: expected a list for 'inspectorates', found text [wrong-type]",
                "inspections/x.yaml:6:10: error: expected text for 'summary', found a list [wrong-type]"}));
}

TEST(DecodeInspection, ReportsMissingAndUnknownFields) {
  EXPECT_EQ(Register().file("inspections/x.yaml", "id: x\ntype: other\ntitel: Misspelt\nwhatever: 1\n").diagnostics(),
            asserted({"inspections/x.yaml:1:1: error: missing required field 'title' in an inspection [missing-field]",
                      "inspections/x.yaml:3:1: error: unknown field 'titel' in an inspection: did you mean 'title'? "
                      "[unknown-field]",
                      "inspections/x.yaml:4:1: error: unknown field 'whatever' in an inspection (known fields: id, "
                      "type, title, short_name, inspectorates, involvement, other_forces, notified, fieldwork, events, "
                      "draft_expected, draft_received, publication_expected, published, url, summary, gradings, "
                      "counts, superseded, response, findings) [unknown-field]"}));
}

TEST(DecodeInspection, ReportsTextThatAnUnquotedCommaSplitOffAValue) {
  const std::string entry = "  - ref: R1\n    type: afi\n    title: T\n    portfolio: crime\n    history:\n";
  const std::string primer =
      "note: new to YAML? yaml-primer.md (docs/ in the source; /usr/share/doc/hmicfrs-track/ once the package is "
      "installed) shows how to write these files and explains this message";
  EXPECT_EQ(Register()
                .file("inspections/x.yaml",
                      inspection(entry + "      - {date: 2022-03-01, status: open, rag: red, note: Under review, "
                                         "new provider from April, costs agreed}\n"))
                .diagnostics(),
            asserted({"inspections/x.yaml:11:72: error: 'note' holds a ',' that ends its value here: put the whole "
                      "value in quotes: note: \"Under review, new provider from April, costs agreed\" "
                      "[unquoted-comma]",
                      "inspections/x.yaml:11:72: " + primer}));
  // Quoted, the comma is part of the note; in block style it needs no quotes at all.
  EXPECT_EQ(Register()
                .file("inspections/x.yaml",
                      inspection(entry + "      - {date: 2022-03-01, rag: red, note: \"Under review, new provider\"}\n"
                                         "      - date: 2022-03-02\n        note: Still under review, as before\n"))
                .diagnostics(),
            std::vector<std::string>{});
  // "rag:red" in {...} is a missing space, not a comma.
  EXPECT_EQ(Register()
                .file("inspections/x.yaml", inspection(entry + "      - {date: 2022-03-01, status: open, rag:red}\n"))
                .diagnostics(),
            asserted({"inspections/x.yaml:6:10: warning: open finding 'thematic-x/R1' has no RAG rating as of "
                      "2022-03-31 [unrated-open-finding]",
                      "inspections/x.yaml:11:42: error: no space after the ':' in 'rag:red': write 'rag: red' "
                      "[yaml-syntax]",
                      "inspections/x.yaml:11:42: " + primer}));
}

TEST(DecodeInspection, KeepsOneLineFieldsToOneLineAndLinksToTheWeb) {
  EXPECT_EQ(
      Register()
          .file(
              "inspections/x.yaml",
              inspection(
                  "  - ref: R1\n    type: afi\n    title: \"Two\\nlines\"\n    owner: |\n      Head\n      of Crime\n",
                  "url: \"javascript:alert(1)\"\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:5:6: error: 'url' must be a web address, starting https:// or http://, "
                "with no space or quote in it [invalid-value]",
                "inspections/x.yaml:7:10: warning: open finding 'thematic-x/R1' has no RAG rating as of "
                "2022-03-31 [unrated-open-finding]",
                "inspections/x.yaml:9:12: error: 'title' must be one line: write it without line breaks (longer "
                "text has its own field, such as 'text' or 'summary') [invalid-value]",
                "inspections/x.yaml:10:12: error: 'owner' must be one line: write it without line breaks "
                "(longer text has its own field, such as 'text' or 'summary') [invalid-value]"}));
}

TEST(DecodeInspection, ReportsAnUnreadableRatingOnceAndNotAsMissing) {
  EXPECT_EQ(Register()
                .file("inspections/x.yaml", inspection("  - ref: R1\n    type: afi\n    title: T\n    history:\n"
                                                       "      - date: 2022-03-01\n        rag: Red\n"))
                .diagnostics(),
            asserted({"inspections/x.yaml:11:14: error: unknown RAG rating 'Red': did you mean 'red'? (case matters) "
                      "(expected red, amber or green) [invalid-value]"}));
}

TEST(DecodeInspection, ReportsValuesOutsideTheirEnum) {
  EXPECT_EQ(Register()
                .file("inspections/x.yaml",
                      inspection("  - ref: R1\n    type: recomendation\n    title: T\n    scope: everyone\n"
                                 "    history: [{date: 2022-03-01, status: closd}]\n",
                                 "involvement: none\n"))
                .diagnostics(),
            asserted({"inspections/x.yaml:5:14: error: unknown involvement 'none' (expected inspected, data-request or "
                      "not-inspected) [invalid-value]",
                      // The entry with no valid status leaves the finding open and unrated.
                      "inspections/x.yaml:7:10: warning: open finding 'thematic-x/R1' has no RAG rating as of "
                      "2022-03-31 [unrated-open-finding]",
                      "inspections/x.yaml:8:11: error: unknown finding type 'recomendation': did you mean "
                      "'recommendation'? (expected cause-of-concern, recommendation, afi or not-formal) "
                      "[invalid-value]",
                      "inspections/x.yaml:10:12: error: unknown scope 'everyone' (expected force or all-forces) "
                      "[invalid-value]",
                      "inspections/x.yaml:11:42: error: unknown status 'closd': did you mean 'closed'? (expected open, "
                      "awaiting-sign-off, closed, achieved, superseded, declined or not-monitored) [invalid-value]"}));
}

TEST(DecodeInspection, ReportsBadDatesAndIds) {
  EXPECT_EQ(Register()
                .file("inspections/x.yaml",
                      "id: Custody 2017\ntype: custody\ntitle: T\npublished: 2017-09-31\nfindings:\n"
                      "  - ref: R/1\n    type: recommendation\n    title: T\n    history: [{date: 2017-10}]\n")
                .diagnostics(),
            asserted({"inspections/x.yaml:1:5: error: 'Custody 2017' is not a valid inspection id: use lower-case "
                      "letters, digits and hyphens, e.g. 'custody-2017' [invalid-id]",
                      "inspections/x.yaml:4:12: error: '2017-09-31' is not a date: September 2017 has 30 days "
                      "[invalid-date]",
                      "inspections/x.yaml:6:10: error: 'R/1' is not a valid ref: use letters, digits, '.' and '-', "
                      "e.g. 'AFI3' [invalid-id]",
                      "inspections/x.yaml:9:22: error: '2017-10' needs a day: 'date' is dated to the day "
                      "[invalid-date]"}));
}

TEST(DecodeInspection, ReportsFieldworkProblems) {
  EXPECT_EQ(
      Register().file("inspections/x.yaml", inspection("", "fieldwork: {week_commencing: 2022-04-06}\n")).diagnostics(),
      asserted({"inspections/x.yaml:5:30: warning: week commencing 2022-04-06 is not a Monday [not-a-monday]"}));
  EXPECT_EQ(Register()
                .file("inspections/x.yaml", inspection("", "fieldwork: {from: 2022-05-10, to: 2022-04}\n"))
                .diagnostics(),
            asserted({"inspections/x.yaml:5:35: error: fieldwork ends (2022-04) before it starts (2022-05-10) "
                      "[date-order]"}));
  EXPECT_EQ(Register().file("inspections/x.yaml", inspection("", "fieldwork: {to: 2022-04-01}\n")).diagnostics(),
            asserted({"inspections/x.yaml:5:12: error: fieldwork needs 'from' or 'week_commencing' [missing-field]"}));
  EXPECT_EQ(
      Register()
          .file("inspections/x.yaml", inspection("", "fieldwork: {from: 2022-04-04, week_commencing: 2022-04-04}\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:5:12: error: fieldwork has both 'week_commencing' and 'from': keep one "
                "[invalid-value]"}));
}

TEST(DecodeInspection, ReportsGradingsOutsidePeel) {
  EXPECT_EQ(
      Register()
          .file("inspections/x.yaml", inspection("", "gradings: {cycle: 2021-22, areas: {preventing-crime: good}}\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:5:11: error: only a PEEL inspection has gradings, not a 'national-thematic' "
                "[gradings-not-peel]"}));
}

// Old papers give a report's year alone and events no one has dated yet; a history entry may be known only as at
// a day. Each is read as written, and refused where it does not belong.
TEST(DecodeInspection, ReadsYearsAloneUndatedOccasionsAndStatesAsAtADay) {
  const auto result =
      Register()
          .file("inspections/x.yaml",
                "id: x\ntype: custody\ntitle: T\npublished: 2010\ndraft_expected: undated\n"
                "draft_received: 2009\nevents:\n  - {event: resumed, date: 2009-11}\n"
                "  - {event: hot-debrief, date: undated}\nfindings:\n"
                "  - {ref: R1, type: afi, title: T, owner: O, history: [{as_at: 2017-06-08, status: closed}]}\n")
          .load();
  ASSERT_FALSE(result.diagnostics.has_errors());
  const model::Inspection& i = result.dataset.inspections.at(0);
  EXPECT_EQ(i.published->iso(), "2010");
  ASSERT_TRUE(i.draft_expected);
  EXPECT_FALSE(i.draft_expected->dated());
  EXPECT_EQ(i.draft_received->date->iso(), "2009");
  ASSERT_EQ(i.events.size(), 2u);
  EXPECT_EQ(i.events[0].when.date->iso(), "2009-11");
  EXPECT_FALSE(i.events[1].when.dated());
  const model::HistoryEntry& entry = i.findings.at(0).history.at(0);
  EXPECT_TRUE(entry.as_at);
  EXPECT_EQ(entry.date.iso(), "2017-06-08");
}

TEST(DecodeInspection, RefusesAYearOrUndatedWhereTheyDoNotBelong) {
  EXPECT_EQ(Register()
                .file("inspections/x.yaml",
                      "id: x\ntype: custody\ntitle: T\npublished: undated\nevents:\n"
                      "  - {event: hot-debrief, date: undated}\n  - {event: resumed, date: 2016}\nfindings:\n"
                      "  - {ref: R1, type: afi, title: T, due: 2018, history: [{as_at: 2017}]}\n")
                .diagnostics(),
            asserted({"inspections/x.yaml:4:12: error: 'undated' is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY "
                      "when only the month or year is known [invalid-date]",
                      "inspections/x.yaml:7:5: error: events are listed oldest first, the undated ones last: move "
                      "this one up [date-order]",
                      "inspections/x.yaml:9:41: error: '2018' needs a month: 'due' is dated to the month at least "
                      "(2018-MM) [invalid-date]",
                      "inspections/x.yaml:9:65: error: '2017' needs a day: 'as_at' is dated to the day "
                      "[invalid-date]"}));
}

TEST(DecodeHistory, ReportsEntriesOutOfOrder) {
  EXPECT_EQ(
      Register()
          .file("inspections/x.yaml", inspection("  - ref: R1\n    type: recommendation\n    title: T\n    history:\n"
                                                 "      - {date: 2022-03-10, status: open, rag: red}\n"
                                                 "      - {date: 2022-03-01, rag: amber}\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:11:9: error: history entry dated 2022-03-01 comes after one dated "
                "2022-03-10: list entries oldest first [history-order]",
                "inspections/x.yaml:10:9: note: the later-dated entry is here"}));
}

TEST(DecodeHistory, ReportsSupersessionWithoutItsFinding) {
  EXPECT_EQ(
      Register()
          .file("inspections/x.yaml", inspection("  - ref: R1\n    type: recommendation\n    title: T\n    history:\n"
                                                 "      - {date: 2022-03-01, status: open, rag: red, by: R1}\n"
                                                 "      - {date: 2022-03-02, status: superseded}\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:10:56: error: 'by' belongs only to an entry with status 'superseded' "
                "[by-without-superseded]",
                "inspections/x.yaml:11:9: error: status 'superseded' needs 'by': the finding that replaces this "
                "one [superseded-without-by]"}));
}

TEST(DecodeHistory, WarnsOfARatingOnAClosedFinding) {
  EXPECT_EQ(
      Register()
          .file("inspections/x.yaml", inspection("  - ref: R1\n    type: recommendation\n    title: T\n    history:\n"
                                                 "      - {date: 2022-03-01, status: closed, rag: green}\n"))
          .diagnostics(),
      asserted({"inspections/x.yaml:10:49: warning: a RAG rating applies only to open findings, not to status "
                "'closed' [rag-when-closed]"}));
}

TEST(DecodeHistory, TakesARatingOfBothKindsWithAnOpenOrAClosedStatus) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: Test Constabulary}\ncommittee: {name: Joint Audit Committee}\n"
                      "portfolios: [{id: crime, name: Crime}]\n"
                      "ratings: [{id: red, marks: both, derived_when: [overdue, declined]}, {id: amber}]\n")
                .file("inspections/x.yaml",
                      inspection("  - ref: R1\n    type: recommendation\n    title: T\n    owner: O\n    history:\n"
                                 "      - {date: 2022-01-01, rag: red}\n"
                                 "      - {date: 2022-03-01, status: not-monitored, rag: red}\n"))
                .diagnostics(),
            std::vector<std::string>{});
}

TEST(DecodeConfig, ReadsTheConfiguration) {
  const auto result =
      Register()
          .file("hmicfrs-track.yaml",
                "schema_version: 1\nforce: {name: West Midlands Police, short_name: WMP}\n"
                "committee: {name: Joint Audit Committee, short_name: JAC}\n"
                "paper: {title: HMICFRS Update, purpose: Oversight, decision: Note it}\n"
                "contact: {title: Liaison Officer, email: a@example.org}\n"
                "portfolios: [{id: crime, name: Crime, lead: ACC Crime}]\n"
                "rag: {red: Off track, amber: At risk, green: On track}\nthresholds: {stale_after_days: 60}\n")
          .load();
  EXPECT_TRUE(result.diagnostics.empty());
  const model::Config& c = result.dataset.config;
  EXPECT_EQ(c.force_short_name, "WMP");
  EXPECT_EQ(c.committee_short_name, "JAC");
  EXPECT_EQ(c.decision, "Note it");
  EXPECT_EQ(c.contact.email, "a@example.org");
  EXPECT_EQ(c.vocabulary.find("amber")->meaning, "At risk");
  EXPECT_FALSE(c.vocabulary.customised);
  EXPECT_EQ(c.stale_after_days, 60);
  EXPECT_EQ(c.portfolios.at(0).lead, "ACC Crime");
}

// How long before a meeting `chase` asks owners to reply: 14 days unless the register says, never the meeting day.
TEST(DecodeConfig, ReadsTheDaysBeforeAMeetingThatRepliesAreAskedFor) {
  const auto config = [](const std::string& thresholds) {
    return "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios: []\n" + thresholds;
  };
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("")).load().dataset.config.reply_days_before_meeting, 14);
  const auto seven =
      Register().file("hmicfrs-track.yaml", config("thresholds: {reply_days_before_meeting: 7}\n")).load();
  EXPECT_TRUE(seven.diagnostics.empty());
  EXPECT_EQ(seven.dataset.config.reply_days_before_meeting, 7);
  EXPECT_EQ(
      Register()
          .file("hmicfrs-track.yaml", config("thresholds:\n  stale_after_days: 60\n  reply_days_before_meeting: 0\n"))
          .diagnostics(),
      asserted({"hmicfrs-track.yaml:7:30: error: expected a whole number from 1 to 90 for "
                "'reply_days_before_meeting', found '0' [invalid-value]"}));
  EXPECT_EQ(
      Register().file("hmicfrs-track.yaml", config("thresholds: {reply_days_before_meeting: 91}\n")).diagnostics(),
      asserted({"hmicfrs-track.yaml:5:41: error: expected a whole number from 1 to 90 for "
                "'reply_days_before_meeting', found '91' [invalid-value]"}));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("thresholds: {reply_days: 7}\n")).diagnostics(),
            asserted({"hmicfrs-track.yaml:5:14: error: unknown field 'reply_days' in thresholds: did you mean "
                      "'reply_days_before_meeting'? [unknown-field]"}));
}

// A protective marking as the Government Security Classifications write it, or an error saying how to.
TEST(DecodeConfig, ReadsAProtectiveMarkingInCapitalsWithAnOptionalDescriptor) {
  const auto config = [](const std::string& marking) {
    return "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios: []\nmarking: " + marking + "\n";
  };
  for (const std::string marking : {"OFFICIAL", "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE PERSONAL", "TOP SECRET"}) {
    const auto result = Register().file("hmicfrs-track.yaml", config(marking)).load();
    EXPECT_TRUE(result.diagnostics.empty()) << marking;
    EXPECT_EQ(result.dataset.config.marking, marking);
  }
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\n"
                      "portfolios: []\n")
                .load()
                .dataset.config.marking,
            "");
  const std::string refused =
      "is not a protective marking: give a classification in capitals, OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP "
      "SECRET, optionally followed by a descriptor (OFFICIAL-SENSITIVE PERSONAL), in at most 80 characters "
      "[invalid-value]";
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("official")).diagnostics(),
            asserted({"hmicfrs-track.yaml:5:10: error: marking 'official' " + refused}));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("OFFICIALSENSITIVE")).diagnostics(),
            asserted({"hmicfrs-track.yaml:5:10: error: marking 'OFFICIALSENSITIVE' " + refused}));
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("\"OFFICIAL\\nBcc: x\"")).diagnostics(),
            asserted({"hmicfrs-track.yaml:5:10: error: 'marking' must be one line: write it without line breaks "
                      "(longer text has its own field, such as 'text' or 'summary') [invalid-value]"}));
}

TEST(DecodeConfig, ReadsOwnersAddressesAndRefusesAnythingButOnePlainAddress) {
  const std::string config =
      "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\n"
      "portfolios: [{id: crime, name: Crime, lead: Head of Crime}]\nowners:\n"
      "  - {role: Head of Crime, email: crime@example.org}\n"
      "  - {role: Head of People, email: \"Head <people@example.org>\"}\n"
      "  - {role: Head of Change, email: \"change@example.org\\nBcc: all@example.org\"}\n"
      "  - {role: head of crime, email: other@example.org}\n";
  const auto result = Register().file("hmicfrs-track.yaml", config).load();
  const model::Config& c = result.dataset.config;
  ASSERT_NE(c.find_owner("HEAD OF CRIME"), nullptr);
  EXPECT_EQ(c.find_owner("HEAD OF CRIME")->email, "crime@example.org");
  EXPECT_EQ(c.find_owner("Head of People"), nullptr);
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config).diagnostics(),
            asserted({"hmicfrs-track.yaml:7:35: error: email 'Head <people@example.org>' is not one address: write it "
                      "as name@domain, with no name or brackets around it, at most 64 characters before the @ and "
                      "254 in all [invalid-value]",
                      "hmicfrs-track.yaml:8:35: error: 'email' must be one line: write it without line breaks (longer "
                      "text has its own field, such as 'text' or 'summary') [invalid-value]",
                      "hmicfrs-track.yaml:9:12: error: owner 'head of crime' is given twice (roles are matched "
                      "ignoring case): keep one address per role [duplicate-id]",
                      "hmicfrs-track.yaml:6:12: note: first given here"}));
}

TEST(DecodeConfig, ReportsASchemaVersionItCannotRead) {
  EXPECT_EQ(Register()
                .file("hmicfrs-track.yaml",
                      "schema_version: 2\nforce: {name: F}\ncommittee: {name: C}\nportfolios: []\n"
                      "thresholds: {stale_after_days: many}\n")
                .diagnostics(),
            asserted({"hmicfrs-track.yaml:1:17: error: schema_version 2 is not one this hmicfrs-track reads (it reads "
                      "1) [schema-version]",
                      "hmicfrs-track.yaml:5:32: error: expected a whole number from 1 to 3650 for 'stale_after_days', "
                      "found 'many' [invalid-value]"}));
}

TEST(DecodeScalars, ReadsNumbersAndBooleansStrictly) {
  const auto config = [](const std::string& days) {
    return "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios: []\n"
           "thresholds: {stale_after_days: " +
           days + "}\n";
  };
  EXPECT_EQ(Register().file("hmicfrs-track.yaml", config("010")).load().dataset.config.stale_after_days, 10);
  for (const char* bad : {"-5", "1e3", "0x10", "9.5", "0", "3651", "1234567890", "\"\""}) {
    const auto lines = Register().file("hmicfrs-track.yaml", config(bad)).diagnostics();
    ASSERT_EQ(lines.size(), 1u) << bad;
    EXPECT_THAT(lines[0], ::testing::HasSubstr("expected a whole number from 1 to 3650 for 'stale_after_days'"));
  }
  const auto area = [](const std::string& graded) {
    return "cycles:\n  - {id: 2030-32, name: P, scale: five-point, areas: [{id: a, short: A, graded: " + graded +
           "}]}\n";
  };
  EXPECT_FALSE(Register()
                   .file("peel-frameworks/p.yaml", area("false"))
                   .load()
                   .dataset.catalogue.find("2030-32")
                   ->areas[0]
                   .graded);
  for (const char* bad : {"yes", "True", "on", "1", "~"}) {
    const auto lines = Register().file("peel-frameworks/p.yaml", area(bad)).diagnostics();
    ASSERT_EQ(lines.size(), 1u) << bad;
    EXPECT_THAT(lines[0], ::testing::HasSubstr("for 'graded'")) << bad;
  }
}

TEST(DecodeCommittees, ReadsMeetingsAndTheirNotes) {
  const auto result = Register()
                          .file("committees.yaml",
                                "meetings:\n  - id: 2022-03\n    date: 2022-03-31\n    agenda_item: \"08\"\n"
                                "    as_of: 2022-03-21\n    previous_cut_off: 2021-12-10\n"
                                "    contact: {title: Liaison Officer}\n    notes: {peel: Some *Markdown*}\n")
                          .load();
  EXPECT_TRUE(result.diagnostics.empty());
  const model::Meeting& m = result.dataset.meetings.at(0);
  EXPECT_EQ(m.cut_off().iso(), "2022-03-21");
  EXPECT_EQ(m.previous_cut_off->iso(), "2021-12-10");
  EXPECT_EQ(m.contact->title, "Liaison Officer");
  EXPECT_EQ(m.notes.at(model::Section::peel), "Some *Markdown*");
}

TEST(DecodeCommittees, ReportsBadWindowsAndSections) {
  EXPECT_EQ(
      Register()
          .file("committees.yaml",
                "meetings:\n  - {id: 2022-03, date: 2022-03-31, as_of: 2022-04-02, previous_cut_off: 2022-04-02,"
                " notes: {tracking: x}}\n")
          .diagnostics(),
      asserted({"committees.yaml:2:44: warning: the paper's cut-off 2022-04-02 is after the meeting on 2022-03-31 "
                "[date-order]",
                "committees.yaml:2:74: error: previous_cut_off 2022-04-02 is not before this paper's cut-off "
                "2022-04-02 [date-order]",
                "committees.yaml:2:94: error: unknown paper section 'tracking' (expected "
                "purpose, peel, activity, notified, published, review, tracker, red, decision or responses) "
                "[invalid-value]"}));
}

TEST(DecodeFiles, ReportsAnEmptyFile) {
  EXPECT_EQ(Register().file("inspections/x.yaml", "# nothing yet\n").diagnostics(),
            asserted({"inspections/x.yaml:1:1: error: the file is empty: expected an inspection [empty-file]"}));
}

}  // namespace
}  // namespace hmicfrs::load
