// Acceptance checks of the query commands, in process.

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "render/zip.hpp"
#include "support/coverage.hpp"
#include "support/golden.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::cli {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::HasSubstr;

nlohmann::json json_of(const std::vector<std::string>& args) {
  const auto result = run_cli(args);
  EXPECT_EQ(result.status, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

TEST(RagAndList, CountTheSameFindingsForTheSameFiltersAndDate) {
  const std::vector<std::vector<std::string>> filters = {
      {},
      {"--open"},
      {"--closed"},
      {"--rag", "red,amber"},
      {"--rag", "unrated"},
      {"--portfolio", "crime,public-protection"},
      {"--type", "afi", "--stale"},
      {"--owner", "constable", "--open"},
      {"--inspection", "peel-2021-22", "--status", "open,awaiting-sign-off"},
      {"--grep", "victim"},
      {"--overdue"},
  };
  for (const char* as_of : {"2021-12-22", "2022-02-01", "2022-03-31", "2022-10-01"}) {
    for (const auto& filter : filters) {
      std::vector<std::string> list = {"--data", "examples/west-midlands", "--as-of", as_of, "list", "--format",
                                       "json"};
      std::vector<std::string> rag = {"--data", "examples/west-midlands", "--as-of", as_of, "rag", "--format", "json"};
      list.insert(list.end(), filter.begin(), filter.end());
      rag.insert(rag.end(), filter.begin(), filter.end());
      const auto listed = json_of(list);
      const auto counted = json_of(rag);
      const std::string context = fmt::format("as of {} with {}", as_of, fmt::join(filter, " "));
      EXPECT_EQ(listed["count"], listed["findings"].size()) << context;
      int red = 0;
      int closed = 0;
      int counted_elsewhere = 0;  // a repeat is counted with the finding it repeats, a cause of concern with its own
      for (const auto& finding : listed["findings"]) {
        if (finding.contains("tracked_as") || finding.contains("follows_recommendations")) {
          ++counted_elsewhere;
          continue;
        }
        red += finding["rag"] == "red" ? 1 : 0;
        closed += finding["status"] == "open" || finding["status"] == "awaiting-sign-off" ? 0 : 1;
      }
      EXPECT_EQ(counted["total"]["total"], listed["count"].get<int>() - counted_elsewhere) << context;
      EXPECT_EQ(counted["total"]["red"], red) << context;
      EXPECT_EQ(counted["total"]["closed"], closed) << context;
    }
  }
}

TEST(Peel, Places2021GradesInTheColumnsOfTheDecember2021Paper) {
  const auto peel = json_of(
      {"--data", "examples/west-midlands", "--as-of", "2021-12-22", "peel", "--cycle", "2021", "--format", "json"});
  std::map<std::string, std::vector<std::string>> columns;
  for (const auto& column : peel["grades"]) {
    for (const auto& area : column["areas"]) columns[column["grade"]].push_back(area["short"]);
  }
  using V = std::vector<std::string>;
  EXPECT_EQ(columns["outstanding"], V{});
  EXPECT_EQ(columns["good"], (V{"Preventing crime", "Recording data about crime", "Treatment of the public",
                                "Disrupting serious organised crime", "Good use of resources"}));
  EXPECT_EQ(columns["adequate"],
            (V{"Responding to the public", "Managing offenders", "Developing a positive workplace"}));
  EXPECT_EQ(columns["requires-improvement"],
            (V{"Investigating crime", "Supporting victims", "Protecting vulnerable people"}));
  EXPECT_EQ(columns["inadequate"], V{});
  ASSERT_EQ(peel["not_graded"].size(), 2u);
  EXPECT_EQ(peel["not_graded"][0]["long"], "Meeting the strategic policing requirement");
  EXPECT_EQ(peel["not_graded"][1]["long"], "Protecting the public against armed threats");
}

// A count the register leaves out of an inspection's `counts` is null, never 0: custody-2017 gives no causes of
// concern, and child-protection-2024 no `continuing`.
TEST(Show, WritesNullForACountTheRegisterDoesNotGive) {
  const auto custody =
      json_of({"--data", "examples/pillar-era", "--as-of", "2017-09-01", "show", "custody-2017", "--format", "json"});
  EXPECT_EQ(custody["inspection"]["counts"], nlohmann::json::parse(R"({
    "causes_of_concern": null, "recommendations": 4, "afis": 18,
    "continuing": {"causes_of_concern": null, "recommendations": 1, "afis": 5},
    "continuing_from": null})"));
  const auto child_protection = json_of(
      {"--data", "examples/four-colour", "--as-of", "2024-06-14", "show", "child-protection-2024", "--format", "json"});
  EXPECT_EQ(child_protection["inspection"]["counts"], nlohmann::json::parse(R"({
    "causes_of_concern": 1, "recommendations": 2, "afis": 3,
    "continuing": {"causes_of_concern": null, "recommendations": null, "afis": null},
    "continuing_from": null})"));
}

TEST(Help, NamesEachCommandsOptionsWithAnExample) {
  for (const char* command :
       {"validate", "status", "rag", "list", "show", "peel", "inspections", "changes", "committees"}) {
    const auto help = run_cli({command, "--help"});
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_THAT(help.out, HasSubstr(fmt::format("Example:\n  hmicfrs-track {}", command))) << command;
    EXPECT_THAT(help.out, HasSubstr("Options:")) << command;
  }
  EXPECT_THAT(run_cli({"list", "--help"}).out, HasSubstr("--overdue"));
  EXPECT_THAT(run_cli({"peel", "--help"}).out, HasSubstr("--compare CYCLE"));
}

// A scratch directory for output files, removed afterwards.
class OutputFile : public ::testing::Test {
 protected:
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(m_dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  test::ScratchDir m_scratch{"output"};
  const fs::path& m_dir = m_scratch.path();
};

TEST_F(OutputFile, TakesItsFormatFromTheExtensionAndLeavesNoTemporaryFile) {
  const std::string target = (m_dir / "red.md").string();
  const auto result =
      run_cli({"--data", "examples/west-midlands", "--as-of", "2022-03-31", "list", "--rag", "red", "-o", target});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(test::read_text(target), ::testing::StartsWith("| Finding | RAG | Title | Owner | Due |\n"));
  EXPECT_EQ(files(), std::vector<std::string>{"red.md"});
  const auto csv = run_cli({"--data", "examples/west-midlands", "committees", "-o", (m_dir / "c.csv").string()});
  EXPECT_THAT(test::read_text(m_dir / "c.csv"), ::testing::StartsWith("Meeting,Date,Agenda item,Cut-off,Window\r\n"));
}

TEST_F(OutputFile, ReplacesAnExistingFileOnlyWhenTheNewOneIsComplete) {
  const fs::path target = m_dir / "status.json";
  std::ofstream(target) << "old";
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(run_cli({"--data", "examples/west-midlands", "status", "-o", target.string()}).status, 0);
  EXPECT_THAT(test::read_text(target), ::testing::StartsWith("{\n  \"as_of\""));
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  // A failed run (bad data) leaves it as it was.
  const auto failed = run_cli({"--data", "tests/fixtures/invalid", "status", "-o", target.string()});
  EXPECT_EQ(failed.status, 1);
  EXPECT_THAT(test::read_text(target), ::testing::StartsWith("{\n  \"as_of\""));
  EXPECT_EQ(files(), std::vector<std::string>{"status.json"});
}

TEST_F(OutputFile, FailsWithStatusThreeNamingThePath) {
  const std::string missing = (m_dir / "no" / "such" / "dir" / "out.md").string();
  const auto result = run_cli({"--data", "examples/west-midlands", "committees", "-o", missing});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err, fmt::format("hmicfrs-track: cannot write '{}': No such file or directory\n", missing));
  fs::create_directory(m_dir / "taken.md");
  const auto directory =
      run_cli({"--data", "examples/west-midlands", "committees", "-o", (m_dir / "taken.md").string()});
  EXPECT_EQ(directory.status, 3);
  EXPECT_THAT(directory.err, HasSubstr("taken.md': it is a directory"));
  EXPECT_EQ(files(), std::vector<std::string>{"taken.md"});
  if (fs::exists("/dev/full")) {
    // A full disk: the device is written to, never replaced.
    const auto full =
        run_cli({"--data", "examples/west-midlands", "committees", "--format", "text", "-o", "/dev/full"});
    EXPECT_EQ(full.status, 3);
    EXPECT_EQ(full.err, "hmicfrs-track: cannot write '/dev/full': No space left on device\n");
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
  }
}

// A format the command does not know, from --format or -o's extension, is a usage error that lists those it writes,
// with the extension each takes.
TEST_F(OutputFile, ListsTheFormatsTheCommandWritesWhenItCannotTellWhichIsMeant) {
  const std::string paper = (m_dir / "paper.odt").string();
  const auto odt = run_cli({"--data", "examples/west-midlands", "report", "--committee", "2022-03", "-o", paper});
  EXPECT_EQ(odt.status, 2);
  EXPECT_EQ(odt.err, fmt::format("hmicfrs-track: -o {}: cannot tell the format from the extension '.odt': this "
                                 "command writes md (.md), text (.txt), html (.html), json (.json), docx (.docx), "
                                 "pdf (.pdf) or xlsx (.xlsx); end the file's name with one of those extensions, or "
                                 "give --format\nRun 'hmicfrs-track --help' for usage.\n",
                                 paper));
  const auto format =
      run_cli({"--data", "examples/west-midlands", "report", "--committee", "2022-03", "--format", "odt"});
  EXPECT_EQ(format.status, 2);
  EXPECT_EQ(format.err,
            "hmicfrs-track: --format: unknown format 'odt': this command writes md (.md), text (.txt), html (.html), "
            "json (.json), docx (.docx), pdf (.pdf) or xlsx (.xlsx)\nRun 'hmicfrs-track --help' for usage.\n");
  // eml is a directory of messages, which has no extension.
  const auto chase = run_cli({"--data", "examples/west-midlands", "chase", "--format", "mail"});
  EXPECT_EQ(chase.status, 2);
  EXPECT_THAT(chase.err, HasSubstr("--format: unknown format 'mail': this command writes text (.txt), md (.md), json "
                                   "(.json), xlsx (.xlsx) or eml (a directory: --format eml -o DIR)\n"));
  const std::string bare = (m_dir / "open").string();
  const auto none = run_cli({"--data", "examples/west-midlands", "list", "-o", bare});
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.err,
              HasSubstr(fmt::format("-o {}: cannot tell the format without an extension: this command writes "
                                    "text (.txt), md (.md), json (.json), csv (.csv) or xlsx (.xlsx); end the "
                                    "file's name with one of those extensions, or give --format\n",
                                    bare)));
  EXPECT_TRUE(files().empty());
}

TEST_F(OutputFile, RefusesAmbiguousFormatsAndTheDataDirectory) {
  const auto unknown = run_cli({"--data", "examples/west-midlands", "committees", "-o", (m_dir / "x.odt").string()});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, HasSubstr("x.odt: cannot tell the format from the extension '.odt': this command writes "
                                     "text (.txt), md (.md), json (.json) or csv (.csv); end the file's name with one "
                                     "of those extensions, or give --format\n"));
  const auto not_word = run_cli({"--data", "examples/west-midlands", "committees", "-o", (m_dir / "x.docx").string()});
  EXPECT_EQ(not_word.status, 2);
  EXPECT_THAT(not_word.err, HasSubstr("this command writes text, md, json or csv, not docx"));
  const auto conflict =
      run_cli({"--data", "examples/west-midlands", "committees", "--format", "json", "-o", (m_dir / "x.md").string()});
  EXPECT_EQ(conflict.status, 2);
  EXPECT_THAT(conflict.err, HasSubstr("names a md file, but --format is json"));
  const auto inside = run_cli({"--data", "examples/west-midlands", "committees", "-o", "examples/west-midlands/x.md"});
  EXPECT_EQ(inside.status, 2);
  EXPECT_THAT(inside.err, HasSubstr("will not write into the data directory"));
  EXPECT_FALSE(fs::exists("examples/west-midlands/x.md"));
  EXPECT_EQ(files(), std::vector<std::string>{});
}

}  // namespace
}  // namespace hmicfrs::cli

namespace hmicfrs::cli {
namespace {

// A register copied from the West Midlands example, with its configuration's `paper:` given more lines.
class WordPaper : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy("examples/west-midlands", m_root, fs::copy_options::recursive);
    std::ifstream in(m_root / "hmicfrs-track.yaml");
    m_config.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  void with_template(const std::string& line, const std::string& file = "", const std::string& bytes = "") {
    std::string config = m_config;
    config.replace(config.find("paper:\n"), 7, "paper:\n  " + line + "\n");
    std::ofstream(m_root / "hmicfrs-track.yaml") << config;
    if (!file.empty()) std::ofstream(m_root / file, std::ios::binary) << bytes;
  }
  test::RunResult report(bool terminal = false) const {
    Environment environment = test::quiet_environment();
    environment.stdout_is_terminal = terminal;
    return run_cli({"--data", m_root.string(), "report", "--committee", "2022-03", "--format", "docx"}, environment);
  }

  test::ScratchDir m_scratch{"word"};
  fs::path m_root = m_scratch.path() / "register";
  std::string m_config;
};

TEST_F(WordPaper, IsNotWrittenToATerminal) {
  const auto result = report(true);
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(result.err,
            "hmicfrs-track: a docx file is not for a terminal: give -o FILE.docx, or redirect the output\n"
            "Run 'hmicfrs-track --help' for usage.\n");
  EXPECT_EQ(result.out, "");
}

TEST_F(WordPaper, IsAZipArchiveOfWordParts) {
  const auto result = report();
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_THAT(result.out, HasSubstr("word/document.xml"));
  EXPECT_EQ(report().out, result.out);  // the same bytes every time
}

TEST_F(WordPaper, NamesEveryProblemWithItsTemplateWhereTheConfigurationGivesIt) {
  const std::string config = (m_root / "hmicfrs-track.yaml").string();
  const auto check = [&](const std::string& line, const std::string& message) {
    with_template(line);
    const auto validated = run_cli({"--data", m_root.string(), "validate"});
    EXPECT_EQ(validated.status, 1) << line;
    EXPECT_THAT(validated.out, HasSubstr(config + ":16:18: error: " + message + " [word-template]")) << line;
  };
  check("word_template: committee.doc",
        "word_template 'committee.doc' is not a Word document or template: name a .docx or .dotx file");
  check("word_template: ../committee.dotx",
        "word_template '../committee.dotx' is outside the register: keep the template in the register and give its "
        "path from the folder that holds hmicfrs-track.yaml, as in templates/committee.dotx");
  check("word_template: templates/committee.dotx",
        "word_template 'templates/committee.dotx' does not exist: give its path from the folder of "
        "hmicfrs-track.yaml");

  // A file that is there but is no Word file passes validate, and stops a Word paper.
  with_template("word_template: committee.dotx", "committee.dotx", "not a zip archive");
  EXPECT_EQ(run_cli({"--data", m_root.string(), "validate"}).status, 0);
  const auto result = report();
  EXPECT_EQ(result.status, 1);
  const std::string expected = config +
                               ":16:18: error: word_template 'committee.dotx' cannot serve as a template: it is not a "
                               "Word file (.docx or .dotx) [word-template]\n1 error, 0 warnings\n"
                               "hmicfrs-track: the Word template cannot be used: fix paper.word_template in "
                               "hmicfrs-track.yaml, or remove it\n";
  EXPECT_EQ(result.err, expected);
  test::note_asserted_codes(expected);
  EXPECT_EQ(result.out, "");
}

// A Word template as a zip archive of the parts given, with a content types part.
std::string word_template(const std::vector<std::pair<std::string, std::string>>& parts) {
  render::ZipArchive archive("2022-01-01");
  archive.add("[Content_Types].xml",
              "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
              "content-types\"/>");
  for (const auto& [name, content] : parts) archive.add(name, content);
  return archive.bytes();
}

constexpr std::string_view k_styles_open =
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";

TEST_F(WordPaper, RefusesATemplatePartWithADoctypeAnEntityOrJunkNamingThePartAndThePlace) {
  const std::string config = (m_root / "hmicfrs-track.yaml").string();
  const std::string styles_open(k_styles_open);
  const auto refused = [&](const std::vector<std::pair<std::string, std::string>>& parts, const std::string& why) {
    with_template("word_template: committee.dotx", "committee.dotx", word_template(parts));
    const auto result = report();
    EXPECT_EQ(result.status, 1) << why;
    EXPECT_EQ(result.err, config + ":16:18: error: word_template 'committee.dotx' cannot serve as a template: " + why +
                              " [word-template]\n1 error, 0 warnings\n"
                              "hmicfrs-track: the Word template cannot be used: fix paper.word_template in "
                              "hmicfrs-track.yaml, or remove it\n");
    EXPECT_EQ(result.out, "");
  };
  refused({{"word/styles.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "
            "\"file:///etc/passwd\">]>\n" +
                styles_open + "<w:style w:styleId=\"x\">&xxe;</w:style></w:styles>"}},
          "its part word/styles.xml, at line 2, column 11, holds a DOCTYPE, which no Word part has: its entities "
          "could reach outside the file");
  refused({{"word/styles.xml", styles_open + "\n<w:style>&lol1;&lol1;</w:style></w:styles>"}},
          "its part word/styles.xml, at line 2, column 10, refers to an entity that is not one of XML's own five, "
          "which only a DOCTYPE could declare");
  refused({{"word/styles.xml", styles_open + "<w:style a=\"&#0;\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 94, refers to an entity that is not one of XML's own five, "
          "which only a DOCTYPE could declare");
  refused({{"word/styles.xml", styles_open + "</w:styles>\n<w:body>more</w:body>"}},
          "its part word/styles.xml, at line 2, column 2, holds a second element after its root");
  refused({{"word/styles.xml", styles_open + "</w:styles>\njunk"}},
          "its part word/styles.xml, at line 2, column 1, holds text outside its root element");
  refused({{"word/styles.xml", styles_open + "<w:style>\n</w:styles>"}},
          "its part word/styles.xml, at line 2, column 3, is not well-formed XML: Start-end tags mismatch");
  // What XML with namespaces forbids, which pugixml alone lets through: each would make another program refuse
  // the paper.
  refused({{"word/styles.xml", styles_open + "<w:style w:type=\"a\"\n w:type=\"b\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, gives an element the attribute "
          "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type twice");
  refused({{"word/styles.xml", styles_open +
                                   "<w:style xmlns:v=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                                   "w:type=\"a\" v:type=\"b\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, gives an element the attribute "
          "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type twice");
  refused({{"word/styles.xml", styles_open + "\n<q:x/></w:styles>"}},
          "its part word/styles.xml, at line 2, column 2, uses the prefix 'q', which no namespace declaration binds");
  refused({{"word/styles.xml", styles_open + "<w:x q:a=\"1\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, uses the prefix 'q', which no namespace declaration binds");
  refused({{"word/styles.xml", styles_open + "<w:x xmlns:xml=\"urn:x\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, binds a namespace as XML does not allow: "
          "xmlns:xml=\"urn:x\"");
  refused({{"word/styles.xml", styles_open + "<w:x xmlns:w=\"\"/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, binds a namespace as XML does not allow: xmlns:w=\"\"");
  refused({{"word/styles.xml", styles_open + "<w:x\u00f7/></w:styles>"}},
          "its part word/styles.xml, at line 1, column 83, has an element whose name, 'w:x\u00f7', XML does not "
          "allow");
  refused({{"word/styles.xml", styles_open + "<w:x>\uffff</w:x></w:styles>"}},
          "its part word/styles.xml, at line 1, column 87, is not UTF-8 text of XML's characters (no control "
          "characters, U+FFFE or U+FFFF)");
  refused(
      {{"word/styles.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}},
      "its part word/styles.xml is not w:styles in the namespace "
      "http://schemas.openxmlformats.org/wordprocessingml/2006/main, but w:document in "
      "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  refused({{"word/styles.xml", "<w:styles xmlns:w=\"urn:evil\"/>"}},
          "its part word/styles.xml is not w:styles in the namespace "
          "http://schemas.openxmlformats.org/wordprocessingml/2006/main, but w:styles in urn:evil");
  // A place is counted in the part as it is, line ends of two characters and all.
  refused({{"word/styles.xml", styles_open + "\r\n<w:x>\r\nab &foo;</w:x></w:styles>"}},
          "its part word/styles.xml, at line 3, column 4, refers to an entity that is not one of XML's own five, "
          "which only a DOCTYPE could declare");
  // A part whose tree would cost more than any template's: refused before it is parsed.
  std::string many_tags = styles_open;
  for (int i = 0; i < 1'000'001; ++i) many_tags += "<w:a/>";
  refused({{"word/styles.xml", many_tags + "</w:styles>"}},
          "its part word/styles.xml holds more than 1,000,000 tags and attributes, more than any Word template");
  // A bidirectional mark, which XML may hold, hides nothing after it; a line end in an attribute moves no place.
  refused({{"word/styles.xml", styles_open + "<w:x w:a=\"\u202e\"/>\x01</w:styles>"}},
          "its part word/styles.xml, at line 1, column 96, is not UTF-8 text of XML's characters (no control "
          "characters, U+FFFE or U+FFFF)");
  refused({{"word/styles.xml", styles_open + "<w:x w:a=\"a\r\nbc &foo;\"/></w:styles>"}},
          "its part word/styles.xml, at line 2, column 4, refers to an entity that is not one of XML's own five, "
          "which only a DOCTYPE could declare");
  // A theme that cannot be read is not left out without a word.
  refused({{"word/styles.xml", styles_open + "</w:styles>"}, {"word/theme/theme1.xml", std::string(9 << 20, ' ')}},
          "its part word/theme/theme1.xml cannot be unpacked, or is larger than 8 MiB");
  refused({{"word/styles.xml", styles_open + "</w:styles>"},
           {"word/theme/theme1.xml", "<!DOCTYPE a:theme [<!ENTITY a \"aaaaaaaaaa\">]><a:theme/>"}},
          "its part word/theme/theme1.xml, at line 1, column 11, holds a DOCTYPE, which no Word part has: its "
          "entities could reach outside the file");
}

TEST_F(WordPaper, TakesAWellFormedTemplatesStylesWrittenBackWithOursAddedForThoseItLacks) {
  with_template("word_template: committee.dotx", "committee.dotx",
                word_template({{"word/styles.xml",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- the clerk's styles -->\n" +
                                    std::string(k_styles_open) +
                                    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading "
                                    "1\"/><w:rPr><w:rFonts w:ascii=\"Georgia &amp; Co\"/></w:rPr></w:style>"
                                    "</w:styles>\n"}}));
  const auto result = report();
  ASSERT_EQ(result.status, 0) << result.err;
  const auto styles = render::zip_entry(result.out, "word/styles.xml", 1 << 20);
  ASSERT_TRUE(styles.has_value());
  EXPECT_THAT(*styles, ::testing::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
                                             std::string(k_styles_open) +
                                             "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
                                             "w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"Georgia &amp; Co\"/>"
                                             "</w:rPr></w:style>"));
  EXPECT_THAT(*styles, ::testing::EndsWith("</w:styles>\n"));
  // Ours are added for every id but the one it defines.
  EXPECT_EQ(std::count(styles->begin(), styles->end(), '\n'), 17);  // declaration, its root, 15 of ours
  EXPECT_THAT(*styles, HasSubstr("w:styleId=\"TableText\""));
  EXPECT_THAT(*styles, ::testing::Not(HasSubstr("clerk")));

  // Comments, processing instructions and character data may hold what they like; an empty root gets ours.
  with_template("word_template: committee.dotx", "committee.dotx",
                word_template({{"word/styles.xml", "<!-- R&D -->\n<?clerk a&b?>\n" + std::string(k_styles_open) +
                                                       "<!-- &nbsp; --></w:styles>"},
                               {"word/theme/theme1.xml",
                                "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                "name=\"&#x0000041;\"><![CDATA[a & b]]></a:theme>"}}));
  const auto empty = report();
  ASSERT_EQ(empty.status, 0) << empty.err;
  const auto merged = render::zip_entry(empty.out, "word/styles.xml", 1 << 20).value();
  EXPECT_THAT(merged, ::testing::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
                                            std::string(k_styles_open) + "<w:style "));
  EXPECT_EQ(std::count(merged.begin(), merged.end(), '\n'), 18);  // declaration, its root, all 16 of ours
  EXPECT_EQ(render::zip_entry(empty.out, "word/theme/theme1.xml", 1 << 20).value(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a:theme "
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"A\"><![CDATA[a & b]]>"
            "</a:theme>\n");
}

}  // namespace
}  // namespace hmicfrs::cli

namespace hmicfrs::cli {
namespace {

TEST(ExcelExport, NeedsAWritableTemporaryDirectoryAndSaysSo) {
  test::ScratchDir scratch("excel");
  const std::string target = (scratch.path() / "findings.xlsx").string();
  const char* previous = std::getenv("TMPDIR");
  const std::string kept = previous != nullptr ? previous : "";
  setenv("TMPDIR", "/nonexistent-hmicfrs-tmp", 1);
  const auto result = run_cli({"--data", "examples/west-midlands", "list", "-o", target});
  previous != nullptr ? setenv("TMPDIR", kept.c_str(), 1) : unsetenv("TMPDIR");
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err,
            "hmicfrs-track: an Excel workbook is written through a temporary file, and none can be made in "
            "/nonexistent-hmicfrs-tmp (set TMPDIR to a directory you can write to): No such file or directory\n");
  EXPECT_FALSE(fs::exists(target));
}

TEST(ExcelExport, IsOfferedWhereASpreadsheetHelps) {
  const auto status = run_cli({"--data", "examples/west-midlands", "status", "--format", "xlsx"});
  EXPECT_EQ(status.status, 2);
  EXPECT_THAT(status.err, HasSubstr("this command writes text, md or json, not xlsx"));
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"list"}, {"rag", "--by", "owner"}, {"report", "--committee", "2022-03"}}) {
    std::vector<std::string> args{"--data", "examples/west-midlands"};
    args.insert(args.end(), command.begin(), command.end());
    args.insert(args.end(), {"--format", "xlsx"});
    const auto result = run_cli(args);
    EXPECT_EQ(result.status, 0) << command.front() << ": " << result.err;
    EXPECT_EQ(result.out.substr(0, 2), "PK") << command.front();
  }
}

}  // namespace
}  // namespace hmicfrs::cli
