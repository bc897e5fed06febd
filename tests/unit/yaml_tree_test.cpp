#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hmicfrs/load/yaml_tree.hpp>

#include "support/register.hpp"

namespace hmicfrs::load {
namespace {

using test::asserted;
using ::testing::ElementsAre;

struct Parsed {
  std::optional<Node> tree;
  std::vector<std::string> diagnostics;
};

Parsed parse(std::string_view text, const Limits& limits = {}) {
  diag::Diagnostics diagnostics;
  auto tree = parse_yaml(text, diag::source_name("f.yaml"), limits, diagnostics);
  diagnostics.sort();
  return {std::move(tree), test::lines(diagnostics)};
}

TEST(ParseYaml, KeepsValuesWithOneBasedCharacterPositions) {
  const Parsed parsed = parse("title: Café\nareas:\n  - {id: é1, short: x}\n  - naïve: \"quoted\"\n");
  ASSERT_TRUE(parsed.tree);
  EXPECT_TRUE(parsed.diagnostics.empty());
  const Node& root = *parsed.tree;
  ASSERT_EQ(root.kind, Node::Kind::mapping);
  EXPECT_EQ(root.find("title")->text, "Café");
  const Node& areas = *root.find("areas");
  ASSERT_EQ(areas.items.size(), 2u);
  EXPECT_EQ(areas.items[0].find("short")->line, 3);
  EXPECT_EQ(areas.items[0].find("short")->column, 21);  // characters, not bytes: "é" counts once
  EXPECT_EQ(areas.items[1].entries[0].key, "naïve");
  EXPECT_EQ(areas.items[1].entries[0].value.column, 12);
}

TEST(ParseYaml, ReadsEveryScalarAsTextWithoutYaml11Guessing) {
  const Parsed parsed = parse("a: yes\nb: 010\nc: 2022-03\nd: ~\ne: \"~\"\nf:\n");
  ASSERT_TRUE(parsed.tree);
  EXPECT_EQ(parsed.tree->find("a")->text, "yes");
  EXPECT_EQ(parsed.tree->find("b")->text, "010");
  EXPECT_EQ(parsed.tree->find("c")->text, "2022-03");
  EXPECT_EQ(parsed.tree->find("d")->kind, Node::Kind::null);
  EXPECT_EQ(parsed.tree->find("e")->text, "~");
  EXPECT_EQ(parsed.tree->find("f")->kind, Node::Kind::null);
}

TEST(ParseYaml, GivesANullRootForAnEmptyFile) {
  for (const char* text : {"", "# only a comment\n", "\xEF\xBB\xBF"}) {
    const Parsed parsed = parse(text);
    ASSERT_TRUE(parsed.tree) << text;
    EXPECT_EQ(parsed.tree->kind, Node::Kind::null);
    EXPECT_EQ(parsed.tree->line, 1);
  }
}

TEST(ParseYaml, ReportsSyntaxErrors) {
  EXPECT_EQ(parse("a: [1, 2\nb: 3\n").diagnostics,
            asserted({"f.yaml:2:2: error: '[' is not closed: expected ']', or ',' before the next item [yaml-syntax]",
                      "f.yaml:1:4: note: the list opens here"}));
  EXPECT_EQ(parse("a: {x: 1\n").diagnostics,
            asserted({"f.yaml:2:1: error: '{' is not closed: expected '}', or ',' before the next item [yaml-syntax]",
                      "f.yaml:1:4: note: the mapping opens here"}));
  EXPECT_EQ(parse("title: Inspection: phase 2\n").diagnostics,
            asserted({"f.yaml:1:18: error: unexpected ':' here: put text that contains ': ' in quotes: title: "
                      "\"Inspection: phase 2\" [yaml-syntax]"}));
  // An item in brackets that yaml-cpp cannot read unquoted (a mapping's `ignore: [Overdue?]`): the fix quotes it.
  EXPECT_EQ(parse("ignore: [Overdue?]\n").diagnostics,
            asserted({"f.yaml:1:10: error: 'Overdue?' cannot be read unquoted inside [...]: put it in quotes: ignore: "
                      "[\"Overdue?\"] [yaml-syntax]"}));
  EXPECT_EQ(parse("ignore: [\"a, b\", Days overdue?, Notes]\n").diagnostics,
            asserted({"f.yaml:1:18: error: 'Days overdue?' cannot be read unquoted inside [...]: put it in quotes: "
                      "ignore: [\"a, b\", \"Days overdue?\", Notes] [yaml-syntax]"}));
  EXPECT_EQ(parse("values:\n  status: {Complete: closed, WIP?: open}\n").diagnostics,
            asserted({"f.yaml:2:30: error: 'WIP?' cannot be read unquoted inside {...}: put it in quotes: status: "
                      "{Complete: closed, \"WIP?\": open} [yaml-syntax]"}));
  EXPECT_EQ(parse("a:\n  b: 1\n c: 2\n").diagnostics,
            asserted({"f.yaml:3:2: error: this line is not indented in line with the lines above it [yaml-syntax]"}));
  EXPECT_EQ(parse("a: \"\\q\"\n").diagnostics,
            asserted({"f.yaml:1:7: error: YAML syntax error: unknown escape character: q [yaml-syntax]"}));
  EXPECT_FALSE(parse("a: [1\n").tree);
}

TEST(ParseYaml, ReportsStrayPunctuation) {
  for (const char* text : {",", ",,,\n", "a: 1\n,\n"}) {
    const Parsed parsed = parse(text);
    EXPECT_FALSE(parsed.tree) << text;
    ASSERT_EQ(parsed.diagnostics.size(), 1u) << text;
    EXPECT_THAT(parsed.diagnostics[0],
                ::testing::EndsWith("error: unexpected ',': commas and closing brackets belong inside [...] or {...} "
                                    "[yaml-syntax]"));
  }
  EXPECT_EQ(parse("a: 1\n]\n").diagnostics,
            asserted({"f.yaml:2:1: error: unexpected ']': commas and closing brackets belong inside [...] or {...} "
                      "[yaml-syntax]"}));
}

TEST(ParseYaml, ReportsTabsInIndentationWhereverTheParserStops) {
  const std::vector<std::string> expected =
      asserted({"f.yaml:2:1: error: tab character in indentation: YAML indents with spaces only [yaml-tab]"});
  EXPECT_EQ(parse("a: 1\n\tb: 2\n").diagnostics, expected);
  EXPECT_EQ(parse("a:\n\t- x\n").diagnostics, expected);
  EXPECT_EQ(parse("a: |\n\tx\n").diagnostics, expected);
  EXPECT_EQ(parse("a:\n  - x\n \t- y\n").diagnostics,
            asserted({"f.yaml:3:2: error: tab character in indentation: YAML indents with spaces only [yaml-tab]"}));
}

TEST(ParseYaml, ReportsDuplicateKeysAndKeepsTheFirst) {
  const Parsed parsed = parse("title: one\nid: x\ntitle: two\nid: y\n");
  EXPECT_EQ(parsed.diagnostics, asserted({"f.yaml:3:1: error: duplicate key 'title' [duplicate-key]",
                                          "f.yaml:1:1: note: 'title' first appears here",
                                          "f.yaml:4:1: error: duplicate key 'id' [duplicate-key]",
                                          "f.yaml:2:1: note: 'id' first appears here"}));
  ASSERT_TRUE(parsed.tree);
  ASSERT_EQ(parsed.tree->entries.size(), 2u);
  EXPECT_EQ(parsed.tree->find("title")->text, "one");
}

TEST(ParseYaml, RejectsAnchorsAndAliases) {
  EXPECT_EQ(parse("a: &x [1]\nb: *x\n").diagnostics,
            asserted({"f.yaml:1:4: error: anchors (&x) are not allowed: write each value out in full [yaml-anchor]"}));
  EXPECT_EQ(
      parse("a: 1\nb: *x\n").diagnostics,
      asserted({"f.yaml:2:4: error: aliases (*name) are not allowed: write the value out in full [yaml-anchor]"}));
}

TEST(ParseYaml, RejectsABillionLaughsAtItsFirstAnchor) {
  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += fmt::format("{}: &{} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n", c, c, fmt::arg("p", char(c - 1)));
  }
  const Parsed parsed = parse(bomb);
  EXPECT_FALSE(parsed.tree);
  EXPECT_EQ(parsed.diagnostics,
            std::vector<std::string>{
                "f.yaml:1:4: error: anchors (&a) are not allowed: write each value out in full [yaml-anchor]"});
}

TEST(ParseYaml, RejectsTags) {
  EXPECT_EQ(parse("a: !!str 5\nb: !custom x\n").diagnostics,
            asserted({"f.yaml:1:4: error: YAML tags such as '!!str' are not used in these files: remove it [yaml-tag]",
                      "f.yaml:2:4: error: YAML tags such as '!custom' are not used in these files: remove it "
                      "[yaml-tag]"}));
}

TEST(ParseYaml, RejectsKeysThatAreNotText) {
  EXPECT_EQ(parse("? [k]\n: v\n").diagnostics,
            asserted({"f.yaml:1:3: error: a mapping key must be text, not a list or mapping [non-scalar-key]"}));
  EXPECT_EQ(parse("~: v\n").diagnostics,
            asserted({"f.yaml:1:1: error: a mapping key is empty or null [non-scalar-key]"}));
}

TEST(ParseYaml, RejectsASecondDocument) {
  EXPECT_EQ(parse("a: 1\n---\nb: 2\n").diagnostics,
            asserted({"f.yaml:2:1: error: a second YAML document ('---') is not allowed: put each record in a file of "
                      "its own [multiple-documents]"}));
  EXPECT_EQ(parse("- a\nb: 1\n").diagnostics,
            asserted({"f.yaml:2:1: error: unexpected text after the end of the document: check this line's "
                      "indentation [yaml-syntax]"}));
  EXPECT_TRUE(parse("---\na: 1\n...\n").diagnostics.empty());
}

TEST(ParseYaml, RejectsTextThatIsNotUtf8) {
  EXPECT_EQ(parse("a: caf\xE9\n").diagnostics,
            asserted({"f.yaml:1:7: error: invalid UTF-8 (byte 0xE9): save the file as UTF-8; it may have been saved "
                      "as Latin-1 or Windows-1252 [encoding]"}));
  EXPECT_EQ(parse("a: \xED\xA0\x80\n").diagnostics.size(), 1u);  // an encoded surrogate
  EXPECT_EQ(parse("a: \xC0\xAF\n").diagnostics.size(), 1u);      // an overlong form
  EXPECT_EQ(parse("\xFF\xFE"
                  "a\0:\0")
                .diagnostics,
            asserted({"f.yaml:1:1: error: the file is UTF-16 or UTF-32 text: save it as UTF-8 [encoding]"}));
}

TEST(ParseYaml, RejectsControlCharacters) {
  EXPECT_EQ(parse("a: b\x07\n").diagnostics,
            asserted({"f.yaml:1:5: error: control character U+0007 is not allowed; remove it [control-character]"}));
  EXPECT_EQ(parse(std::string_view("a: 1\nb\0: 2\n", 12)).diagnostics,
            asserted({"f.yaml:2:2: error: NUL byte in the file: it is binary, or UTF-16 text; save it as UTF-8 "
                      "[control-character]"}));
  EXPECT_EQ(parse("a: \xC2\x85\n").diagnostics,
            asserted({"f.yaml:1:4: error: control character U+0085 is not allowed; remove it [control-character]"}));
  EXPECT_TRUE(parse("a: 1\r\nb: \"tab\there\"\r\n").diagnostics.empty());
  EXPECT_EQ(parse("a: \"abc\xE2\x80\xAE evil\"\n").diagnostics,
            asserted({"f.yaml:1:8: error: bidirectional control character U+202E is not allowed: it can make text show "
                      "in another order than it reads [control-character]"}));
  EXPECT_TRUE(
      parse("a: \"\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD8\xB7\xD8\xA9\"\n").diagnostics.empty());  // Arabic is fine
}

TEST(ParseYaml, ChecksValuesOnceTheirEscapesAreRead) {
  EXPECT_EQ(parse("a: \"x\\0y\"\n").diagnostics,
            asserted({"f.yaml:1:4: error: an escape sequence in this value makes control character U+0000: remove it "
                      "[control-character]"}));
  EXPECT_EQ(parse("a: \"\\u202E\"\n").diagnostics,
            std::vector<std::string>{"f.yaml:1:4: error: an escape sequence in this value makes bidirectional control "
                                     "character U+202E: remove it [control-character]"});
  EXPECT_TRUE(parse("a: \"tab\\there, caf\\u00e9\"\n").diagnostics.empty());
  // yaml-cpp quotes the byte after a backslash; a diagnostic is always text.
  EXPECT_EQ(parse("a: \"\\\xDE\xAC\"\n").diagnostics,
            asserted({"f.yaml:1:7: error: YAML syntax error: unknown escape character: \\xDE [yaml-syntax]"}));
}

TEST(ParseYaml, EnforcesItsLimits) {
  Limits limits;
  limits.max_depth = 3;
  limits.max_nodes_per_file = 6;
  limits.max_scalar_bytes = 8;
  limits.max_file_bytes = 64;
  EXPECT_EQ(parse("a: [[[1]]]\n", limits).diagnostics,
            asserted({"f.yaml:1:6: error: nesting deeper than 3 levels [limit-exceeded]"}));
  EXPECT_EQ(parse("[1, 2, 3, 4, 5, 6]\n", limits).diagnostics,
            asserted({"f.yaml:1:17: error: more than 6 values in one file [limit-exceeded]"}));
  EXPECT_EQ(parse("a: 123456789\n", limits).diagnostics,
            asserted({"f.yaml:1:4: error: a value of 9 bytes is longer than the limit of 8 bytes [limit-exceeded]"}));
  EXPECT_EQ(parse(std::string(65, '#'), limits).diagnostics,
            asserted({"f.yaml:1:1: error: the file is 65 bytes, more than the limit of 64 bytes [limit-exceeded]"}));
}

TEST(ParseYaml, StopsAThousandNestedBracketsEarly) {
  const Parsed parsed = parse(std::string(1000, '[') + "\n");
  EXPECT_FALSE(parsed.tree);
  EXPECT_EQ(parsed.diagnostics,
            std::vector<std::string>{"f.yaml:1:33: error: nesting deeper than 64 levels [limit-exceeded]"});
}

}  // namespace
}  // namespace hmicfrs::load
