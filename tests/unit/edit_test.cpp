// edit::add_history_entry on every finding of the bundled registers and on
// files written in every style a person writes YAML in: the file after is the
// file before with the entry's lines added, and nothing else.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/edit/findings.hpp>
#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/load/loader.hpp>

#include "support/golden.hpp"

namespace hmicfrs {
namespace {

namespace fs = std::filesystem;

edit::NewEntry rated(std::string note, std::string rag = "amber") {
  return {{{"date", "2026-01-15", true}, {"rag", std::move(rag), false}, {"note", std::move(note), false}}};
}

// The file after adding `entry` to `ref`, or the error.
std::string added(std::string_view bytes, std::string_view ref, const edit::NewEntry& entry) {
  const auto result = edit::add_history_entry(bytes, ref, entry);
  if (!result) return "error: " + result.error();
  // Nothing but the inserted bytes changed.
  EXPECT_EQ(result->bytes.substr(0, result->offset), bytes.substr(0, result->offset));
  EXPECT_EQ(result->bytes.substr(result->offset + result->size), bytes.substr(result->offset));
  return result->bytes;
}

// The lines a diff adds and removes, without its header and context.
std::string changed_lines(const std::string& diff) {
  std::string out;
  std::size_t start = 0;
  int header = 3;
  while (start < diff.size()) {
    const std::size_t end = diff.find('\n', start);
    const std::string line = diff.substr(start, end - start + 1);
    start = end + 1;
    if (header > 0) {
      --header;
      continue;
    }
    if (line[0] == '+' || line[0] == '-' || line[0] == '\\') out += line;
  }
  return out;
}

// Every finding of a bundled register, given an entry with a one-line note and one with a note of two lines: the
// diff adds the entry's lines and removes none, and the register loads with the entry last in the finding's history.
void every_finding_takes_an_entry(const fs::path& root) {
  const load::LoadResult loaded = load::load_dataset(root);
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  int findings = 0;
  for (const model::Inspection& inspection : loaded.dataset.inspections) {
    for (const model::Finding& finding : inspection.findings) {
      ++findings;
      const fs::path file = finding.location.path();
      const fs::path relative = file.lexically_relative(root);
      const std::string before = test::read_text(file);
      const std::string history_key = finding.history.empty() ? "+    history:\n" : "";
      for (const std::string note : {"Audit shows 82% compliance", "Audit shows 82% compliance\nRe-audit in March"}) {
        SCOPED_TRACE(finding.id.str() + " with the note " + note);
        const std::string after = added(before, finding.ref.str(), rated(note));
        const std::string note_lines = note.find('\n') == std::string::npos
                                           ? "+        note: Audit shows 82% compliance\n"
                                           : "+        note: |-\n+          Audit shows 82% compliance\n"
                                             "+          Re-audit in March\n";
        EXPECT_EQ(changed_lines(edit::unified_diff(before, after, relative.generic_string())),
                  history_key + "+      - date: 2026-01-15\n+        rag: amber\n" + note_lines);
        const load::SourceFile edited{relative, after};
        const load::LoadResult reloaded = load::load_dataset(root, {}, {}, load::Wording::kept, &edited);
        EXPECT_FALSE(reloaded.diagnostics.has_errors());
        const model::Inspection* report = reloaded.dataset.find_inspection(inspection.id);
        ASSERT_NE(report, nullptr);
        const model::Finding* again = report->find_finding(finding.ref.str());
        ASSERT_NE(again, nullptr);
        ASSERT_EQ(again->history.size(), finding.history.size() + 1);
        EXPECT_EQ(again->history.back().date.iso(), "2026-01-15");
        EXPECT_EQ(again->history.back().rag.value.str(), "amber");
        EXPECT_EQ(again->history.back().note.str(), note);
      }
    }
  }
  EXPECT_GT(findings, 20);
}

// What the checks say of a register, each diagnostic as one line.
std::vector<std::string> checked(load::LoadResult result) {
  check::check_dataset(result.dataset, {model::Date::parse("2026-01-15").value(), result.incomplete},
                       result.diagnostics);
  result.diagnostics.sort();
  std::vector<std::string> lines;
  for (const diag::Diagnostic& d : result.diagnostics.items()) {
    lines.push_back(fmt::format("{}:{}:{}: {} [{}]", d.location.path(), d.location.line, d.location.column, d.message,
                                diag::code_name(d.code)));
  }
  return lines;
}

// load_edited, which takes every other file's records from a register already loaded, says what loading the
// register again with the edited file says: for every finding of the register, given an entry with a rating it
// has, and one it has not.
TEST(LoadEdited, SaysWhatLoadingTheRegisterAgainSays) {
  for (const fs::path root : {"examples/west-midlands", "examples/four-colour"}) {
    const load::LoadResult loaded = load::load_dataset(root, {}, {}, load::Wording::left_out);
    for (const model::Inspection& inspection : loaded.dataset.inspections) {
      for (const model::Finding& finding : inspection.findings) {
        const fs::path file = finding.location.path();
        const std::string before = test::read_text(file);
        for (const std::string rag : {"amber", "amberr"}) {
          SCOPED_TRACE(finding.id.str() + " rated " + rag);
          const auto entry = edit::add_history_entry(before, finding.ref.str(), rated("Audit", rag));
          ASSERT_TRUE(entry.ok()) << entry.error();
          const load::SourceFile edited{file.lexically_relative(root), entry->bytes};
          const std::vector<std::string> again =
              checked(load::load_dataset(root, {}, {}, load::Wording::left_out, &edited));
          EXPECT_EQ(checked(load::load_edited(loaded.dataset, loaded.diagnostics, root, {&edited, 1})), again);
          // A repeat's history is kept where it is tracked (update refuses it before this).
          EXPECT_EQ(again.empty(), rag == "amber" && finding.repeats.value.empty()) << again.front();
        }
      }
    }
  }
}

TEST(HistoryEdit, AddsAnEntryToEveryFindingOfTheWestMidlandsRegister) {
  every_finding_takes_an_entry("examples/west-midlands");
}

TEST(HistoryEdit, AddsAnEntryToEveryFindingOfTheFourColourRegister) {
  every_finding_takes_an_entry("examples/four-colour");
}

TEST(HistoryEdit, ShowsTheEntryAsAUnifiedDiffWithItsLineNumbers) {
  const std::string before = test::read_text("examples/west-midlands/inspections/peel/peel-2021-22.yaml");
  const std::string after = added(before, "AFI3", rated("Audit shows 82% compliance"));
  EXPECT_EQ(edit::unified_diff(before, after, "inspections/peel/peel-2021-22.yaml"),
            "--- a/inspections/peel/peel-2021-22.yaml\n"
            "+++ b/inspections/peel/peel-2021-22.yaml\n"
            "@@ -160,6 +160,9 @@\n"
            "         note: Compliance below the force's own standard\n"
            "       - date: 2022-02-21\n"
            "         note: New victim needs assessment built into the records system; compliance still low\n"
            "+      - date: 2026-01-15\n"
            "+        rag: amber\n"
            "+        note: Audit shows 82% compliance\n"
            " \n"
            "   - ref: AFI4\n"
            "     type: afi\n");
}

constexpr std::string_view k_head = "id: x\ntype: thematic\ntitle: X\npublished: 2024-01-10\nfindings:\n";

TEST(HistoryEdit, FollowsAFlowListOnOneLine) {
  const std::string file = std::string(k_head) +
                           "  - ref: R1\n"
                           "    history: [{date: 2024-02-01, rag: red}]  # first review\n"
                           "  - ref: R2\n";
  EXPECT_EQ(added(file, "R1", rated("Done: 82%, see [A]")),
            std::string(k_head) +
                "  - ref: R1\n"
                "    history: [{date: 2024-02-01, rag: red}, {date: 2026-01-15, rag: amber, note: \"Done: 82%, see "
                "[A]\"}]  # first review\n"
                "  - ref: R2\n");
  // A note of several lines cannot be a block inside [...]: it is quoted, its line breaks written \n.
  EXPECT_EQ(added(file, "R1", rated("One\nTwo")),
            std::string(k_head) +
                "  - ref: R1\n"
                "    history: [{date: 2024-02-01, rag: red}, {date: 2026-01-15, rag: amber, note: \"One\\nTwo\"}]  # "
                "first review\n"
                "  - ref: R2\n");
}

TEST(HistoryEdit, FollowsAFlowListWithAnItemALine) {
  const std::string file = std::string(k_head) +
                           "  - ref: R1\n"
                           "    history: [\n"
                           "      { date: 2024-02-01, rag: red },\n"
                           "      { date: 2024-03-01, note: \"Started, slowly\" },\n"
                           "    ]\n";
  EXPECT_EQ(added(file, "R1", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history: [\n"
                                                   "      { date: 2024-02-01, rag: red },\n"
                                                   "      { date: 2024-03-01, note: \"Started, slowly\" },\n"
                                                   "      { date: 2026-01-15, rag: amber, note: Audit },\n"
                                                   "    ]\n");
}

TEST(HistoryEdit, FollowsFlowEntriesInABlockListButWritesANoteOfSeveralLinesAsABlock) {
  const std::string file = std::string(k_head) +
                           "  - ref: R1\n"
                           "    history:\n"
                           "    - {date: 2024-02-01, status: open, rag: red}\n"
                           "    # the audit is due in March\n"
                           "  - ref: R2\n";
  EXPECT_EQ(added(file, "R1", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history:\n"
                                                   "    - {date: 2024-02-01, status: open, rag: red}\n"
                                                   "    - {date: 2026-01-15, rag: amber, note: Audit}\n"
                                                   "    # the audit is due in March\n"
                                                   "  - ref: R2\n");
  EXPECT_EQ(added(file, "R1", rated("Audit done\nRe-audit in March")),
            std::string(k_head) +
                "  - ref: R1\n"
                "    history:\n"
                "    - {date: 2024-02-01, status: open, rag: red}\n"
                "    - date: 2026-01-15\n"
                "      rag: amber\n"
                "      note: |-\n"
                "        Audit done\n"
                "        Re-audit in March\n"
                "    # the audit is due in March\n"
                "  - ref: R2\n");
}

TEST(HistoryEdit, KeepsCarriageReturnsAByteOrderMarkAndAMissingFinalNewline) {
  const std::string file =
      "\xEF\xBB\xBFid: x\r\ntype: thematic\r\ntitle: X\r\npublished: 2024-01-10\r\nfindings:\r\n"
      "  - ref: R1\r\n"
      "    history:\r\n"
      "      - date: 2024-02-01\r\n"
      "        note: |\r\n"
      "          Started\r\n"
      "\r\n"
      "          and paused\r\n"
      "  - ref: R2\r\n"
      "    title: Last";
  EXPECT_EQ(added(file, "R1", rated("One\nTwo")),
            "\xEF\xBB\xBFid: x\r\ntype: thematic\r\ntitle: X\r\npublished: 2024-01-10\r\nfindings:\r\n"
            "  - ref: R1\r\n"
            "    history:\r\n"
            "      - date: 2024-02-01\r\n"
            "        note: |\r\n"
            "          Started\r\n"
            "\r\n"
            "          and paused\r\n"
            "      - date: 2026-01-15\r\n"
            "        rag: amber\r\n"
            "        note: |-\r\n"
            "          One\r\n"
            "          Two\r\n"
            "  - ref: R2\r\n"
            "    title: Last");
  // The last finding, at the end of a file without a final line break: the entry's lines end as the file did.
  EXPECT_EQ(added(file, "R2", rated("Audit")),
            "\xEF\xBB\xBFid: x\r\ntype: thematic\r\ntitle: X\r\npublished: 2024-01-10\r\nfindings:\r\n"
            "  - ref: R1\r\n"
            "    history:\r\n"
            "      - date: 2024-02-01\r\n"
            "        note: |\r\n"
            "          Started\r\n"
            "\r\n"
            "          and paused\r\n"
            "  - ref: R2\r\n"
            "    title: Last\r\n"
            "    history:\r\n"
            "      - date: 2026-01-15\r\n"
            "        rag: amber\r\n"
            "        note: Audit");
}

TEST(HistoryEdit, StartsAHistoryAsTheFileWritesOthers) {
  // The other finding's list sits at its key's column ("indentless"), with its keys in the order rag, date.
  const std::string file = std::string(k_head) +
                           "  - ref: R1\n"
                           "    history:\n"
                           "    - rag: red\n"
                           "      date: 2024-02-01\n"
                           "  - ref: R2\n"
                           "    due: 2024-06  # agreed with the owner\n"
                           "\n"
                           "  - ref: R3\n"
                           "    history:   # none yet\n"
                           "  - ref: R4\n"
                           "    history: []\n";
  EXPECT_EQ(added(file, "R2", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history:\n"
                                                   "    - rag: red\n"
                                                   "      date: 2024-02-01\n"
                                                   "  - ref: R2\n"
                                                   "    due: 2024-06  # agreed with the owner\n"
                                                   "    history:\n"
                                                   "    - rag: amber\n"
                                                   "      date: 2026-01-15\n"
                                                   "      note: Audit\n"
                                                   "\n"
                                                   "  - ref: R3\n"
                                                   "    history:   # none yet\n"
                                                   "  - ref: R4\n"
                                                   "    history: []\n");
  EXPECT_EQ(added(file, "R3", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history:\n"
                                                   "    - rag: red\n"
                                                   "      date: 2024-02-01\n"
                                                   "  - ref: R2\n"
                                                   "    due: 2024-06  # agreed with the owner\n"
                                                   "\n"
                                                   "  - ref: R3\n"
                                                   "    history:   # none yet\n"
                                                   "    - rag: amber\n"
                                                   "      date: 2026-01-15\n"
                                                   "      note: Audit\n"
                                                   "  - ref: R4\n"
                                                   "    history: []\n");
  EXPECT_EQ(added(file, "R4", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history:\n"
                                                   "    - rag: red\n"
                                                   "      date: 2024-02-01\n"
                                                   "  - ref: R2\n"
                                                   "    due: 2024-06  # agreed with the owner\n"
                                                   "\n"
                                                   "  - ref: R3\n"
                                                   "    history:   # none yet\n"
                                                   "  - ref: R4\n"
                                                   "    history: [{rag: amber, date: 2026-01-15, note: Audit}]\n");
}

TEST(HistoryEdit, PassesOverACommentInsideTheLastEntryAndKeepsABlockThatKeepsItsBlankLines) {
  const std::string commented = std::string(k_head) +
                                "  - ref: R1\n"
                                "    history:\n"
                                "      - date: 2024-02-01\n"
                                "# a comment at the left edge, inside the entry\n"
                                "        note: a\n"
                                "  # about R2\n"
                                "  - ref: R2\n";
  EXPECT_EQ(added(commented, "R1", rated("Audit")), std::string(k_head) +
                                                        "  - ref: R1\n"
                                                        "    history:\n"
                                                        "      - date: 2024-02-01\n"
                                                        "# a comment at the left edge, inside the entry\n"
                                                        "        note: a\n"
                                                        "      - date: 2026-01-15\n"
                                                        "        rag: amber\n"
                                                        "        note: Audit\n"
                                                        "  # about R2\n"
                                                        "  - ref: R2\n");
  // "|+" keeps the blank lines after its text as part of it: the entry goes after them.
  const std::string kept = std::string(k_head) +
                           "  - ref: R1\n"
                           "    history:\n"
                           "      - date: 2024-02-01\n"
                           "        note: |+\n"
                           "          kept\n"
                           "\n"
                           "\n"
                           "  - ref: R2\n";
  EXPECT_EQ(added(kept, "R1", rated("Audit")), std::string(k_head) +
                                                   "  - ref: R1\n"
                                                   "    history:\n"
                                                   "      - date: 2024-02-01\n"
                                                   "        note: |+\n"
                                                   "          kept\n"
                                                   "\n"
                                                   "\n"
                                                   "      - date: 2026-01-15\n"
                                                   "        rag: amber\n"
                                                   "        note: Audit\n"
                                                   "  - ref: R2\n");
}

TEST(HistoryEdit, AddsAHistoryToAFindingWrittenInFlowStyle) {
  const std::string file =
      std::string(k_head) + "  - {ref: R1, title: \"A, B\"}\n  - {ref: R2, history: [{date: 2024-02-01}]}\n";
  EXPECT_EQ(added(file, "R1", rated("Audit")),
            std::string(k_head) +
                "  - {ref: R1, title: \"A, B\", history: [{date: 2026-01-15, rag: amber, note: Audit}]}\n"
                "  - {ref: R2, history: [{date: 2024-02-01}]}\n");
  EXPECT_EQ(added(file, "R2", rated("Audit")),
            std::string(k_head) +
                "  - {ref: R1, title: \"A, B\"}\n"
                "  - {ref: R2, history: [{date: 2024-02-01}, {date: 2026-01-15, rag: amber, note: "
                "Audit}]}\n");
}

TEST(HistoryEdit, QuotesWhatYamlWouldReadOtherwise) {
  const std::string file = std::string(k_head) + "  - ref: R1\n    history:\n      - date: 2024-02-01\n";
  const edit::NewEntry entry{{{"date", "2026-01-15", true},
                              {"owner", "no", false},
                              {"due", "2026-06", true},
                              {"note", "# not a comment: \"quoted\"", false}}};
  EXPECT_EQ(added(file, "R1", entry), file +
                                          "      - date: 2026-01-15\n"
                                          "        owner: \"no\"\n"
                                          "        due: 2026-06\n"
                                          "        note: \"# not a comment: \\\"quoted\\\"\"\n");
  // A note whose lines a literal block cannot hold as they are (an indented first line) is quoted.
  EXPECT_EQ(added(file, "R1", rated("  indented\nthen not")),
            file + "      - date: 2026-01-15\n        rag: amber\n        note: \"  indented\\nthen not\"\n");
}

TEST(HistoryEdit, RefusesWhatItCannotJoin) {
  const std::string file = std::string(k_head) + "  - ref: R1\n    history: ~\n";
  EXPECT_EQ(added(file, "R1", rated("Audit")),
            "error: its history is not written as a list: add the entry by hand, or write the finding's history as "
            "a list of entries like those of the other findings");
  EXPECT_EQ(added(file, "R9", rated("Audit")), "error: the file holds no finding 'R9'");
  EXPECT_EQ(added("findings: [", "R1", rated("Audit")).substr(0, 35), "error: the file does not read as YA");
}

TEST(UnifiedDiff, SaysWhenALineHasNoLineBreak) {
  EXPECT_EQ(edit::unified_diff("a\nb", "a\nb\nc", "f.yaml"),
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline "
            "at end of file\n");
  EXPECT_EQ(edit::unified_diff("a\n", "b\na\n", "f.yaml"), "--- a/f.yaml\n+++ b/f.yaml\n@@ -1 +1,2 @@\n+b\n a\n");
  EXPECT_EQ(edit::unified_diff("same", "same", "f.yaml"), "");
}

}  // namespace
}  // namespace hmicfrs

namespace hmicfrs {
namespace {

// Twenty lines, "1" to "20".
std::string numbered_lines() {
  std::string text;
  for (int n = 1; n <= 20; ++n) text += std::to_string(n) + "\n";
  return text;
}

TEST(UnifiedDiffOfInsertions, WritesAHunkPerInsertionAndJoinsThoseWhoseContextMeets) {
  const std::string before = numbered_lines();
  // "X" after line 2, "Y" after line 15, made in that order: the second's offset is in the text with the first.
  std::vector<edit::Insertion> insertions;
  std::string after = before;
  after.insert(4, "X\n");
  edit::add_insertion(insertions, 4, 2);
  const std::size_t fifteen = after.find("16\n");
  after.insert(fifteen, "Y\n");
  edit::add_insertion(insertions, fifteen, 2);
  EXPECT_EQ(insertions.size(), 2u);
  EXPECT_EQ(insertions[1].at, before.find("16\n"));
  EXPECT_EQ(edit::unified_diff(before, after, "f", insertions),
            "--- a/f\n+++ b/f\n"
            "@@ -1,5 +1,6 @@\n 1\n 2\n+X\n 3\n 4\n 5\n"
            "@@ -13,6 +14,7 @@\n 13\n 14\n 15\n+Y\n 16\n 17\n 18\n");
  // Six lines apart, their contexts meet: one hunk.
  std::vector<edit::Insertion> near;
  std::string close = before;
  close.insert(4, "X\n");
  edit::add_insertion(near, 4, 2);
  const std::size_t eight = close.find("9\n");
  close.insert(eight, "Y\n");
  edit::add_insertion(near, eight, 2);
  EXPECT_EQ(edit::unified_diff(before, close, "f", near),
            "--- a/f\n+++ b/f\n@@ -1,11 +1,13 @@\n 1\n 2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n+Y\n 9\n 10\n 11\n");
}

TEST(UnifiedDiffOfInsertions, ChangesTheLineAnInsertionFallsInside) {
  const std::string before = "a: 1\nk: [a]\nz: 2\n";
  const std::vector<edit::Insertion> inside{{before.find(']'), 3}};
  EXPECT_EQ(edit::unified_diff(before, "a: 1\nk: [a, b]\nz: 2\n", "f", inside),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a: 1\n-k: [a]\n+k: [a, b]\n z: 2\n");
  // Appended to a last line without a line break.
  const std::vector<edit::Insertion> appended{{3, 2}};
  EXPECT_EQ(edit::unified_diff("a\nb", "a\nb\nc", "f", appended),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"
            "\\ No newline at end of file\n");
  // Inserted at the start of a line without ending one: prefixed to it.
  const std::vector<edit::Insertion> prefixed{{2, 2}};
  EXPECT_EQ(edit::unified_diff("a\nb\n", "a\n- b\n", "f", prefixed),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+- b\n");
}

TEST(UnifiedDiffOfInsertions, KeepsInsertionsInTheOrderOfTheTextBefore) {
  std::vector<edit::Insertion> insertions;
  edit::add_insertion(insertions, 10, 3);  // [10, 13) now
  edit::add_insertion(insertions, 2, 4);   // before it: it moves to [14, 17)
  edit::add_insertion(insertions, 17, 1);  // right after it: at its place in the text before, after it
  edit::add_insertion(insertions, 15, 2);  // inside text inserted before: part of it
  std::vector<std::pair<std::size_t, std::size_t>> made;
  for (const edit::Insertion& insertion : insertions) made.emplace_back(insertion.at, insertion.size);
  EXPECT_EQ(made, (std::vector<std::pair<std::size_t, std::size_t>>{{2, 4}, {10, 5}, {10, 1}}));
}

}  // namespace
}  // namespace hmicfrs

namespace hmicfrs {
namespace {

constexpr std::string_view k_item =
    "  # From tracker.csv, row 2\n  - ref: AFI1\n    type: afi\n    title: Check vetting decisions\n    text: |-\n"
    "      First line\n      second line\n";

// What add_finding makes of `bytes`, or its error.
std::string with_finding(std::string_view bytes) {
  const auto added = edit::add_finding(bytes, k_item);
  if (!added) return "error: " + added.error();
  EXPECT_EQ(added->bytes.substr(0, added->offset), bytes.substr(0, added->offset));
  EXPECT_EQ(added->bytes.substr(added->offset + added->size), bytes.substr(added->offset));
  return added->bytes;
}

TEST(FindingEdit, StartsTheListInAFileWithoutOne) {
  EXPECT_EQ(with_finding("id: vetting-2022\ntype: other\ntitle: Vetting\n"),
            "id: vetting-2022\ntype: other\ntitle: Vetting\n\nfindings:\n  # From tracker.csv, row 2\n  - ref: AFI1\n"
            "    type: afi\n    title: Check vetting decisions\n    text: |-\n      First line\n      second line\n");
  // Its line breaks, and its lack of a last one.
  EXPECT_EQ(with_finding("id: v\r\ntitle: V"),
            "id: v\r\ntitle: V\r\n\r\nfindings:\r\n  # From tracker.csv, row 2\r\n  - ref: AFI1\r\n    type: afi\r\n"
            "    title: Check vetting decisions\r\n    text: |-\r\n      First line\r\n      second line");
  // `findings:` with nothing after it but a comment.
  EXPECT_EQ(with_finding("id: v\nfindings:  # to follow\nsummary: S\n"),
            "id: v\nfindings:  # to follow\n  # From tracker.csv, row 2\n  - ref: AFI1\n    type: afi\n"
            "    title: Check vetting decisions\n    text: |-\n      First line\n      second line\nsummary: S\n");
}

TEST(FindingEdit, FollowsTheListsIndentationAndSpacing) {
  // Indentless, items together: the new one joins them so.
  EXPECT_EQ(with_finding("id: v\nfindings:\n- ref: R1\n  title: A\n- ref: R2\n  title: B\n# end\n"),
            "id: v\nfindings:\n- ref: R1\n  title: A\n- ref: R2\n  title: B\n# From tracker.csv, row 2\n- ref: AFI1\n"
            "  type: afi\n  title: Check vetting decisions\n  text: |-\n    First line\n    second line\n# end\n");
  // Four in, items apart: after a blank line.
  EXPECT_EQ(with_finding("findings:\n    - ref: R1\n      title: A\n\n    - ref: R2\n      title: B\n"),
            "findings:\n    - ref: R1\n      title: A\n\n    - ref: R2\n      title: B\n\n"
            "    # From tracker.csv, row 2\n    - ref: AFI1\n      type: afi\n      title: Check vetting decisions\n"
            "      text: |-\n        First line\n        second line\n");
}

TEST(FindingEdit, RefusesAListItCannotJoin) {
  EXPECT_EQ(with_finding("findings: []\n"),
            "error: its findings are not a block list the finding can join: add the finding by hand, or write the "
            "file's findings as a block list (`findings:` and an item a line starting '- ref:')");
  EXPECT_EQ(with_finding("findings: [{ref: R1}]\n"), with_finding("findings: []\n"));
  EXPECT_EQ(with_finding("findings: ~\n"), with_finding("findings: []\n"));
  EXPECT_EQ(
      with_finding("id: [\n"),
      "error: the file does not read as YAML ('[' is not closed: expected ']', or ',' before the next item): fix it "
      "first");
}

}  // namespace
}  // namespace hmicfrs
