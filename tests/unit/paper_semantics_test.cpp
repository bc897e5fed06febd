// One set of assertions about what a paper says, run against every format it
// is written in (the shape of clang-uml's tests/t00002/test_case.h). The
// March 2022 paper has a golden per format; the December 2021 paper is
// checked here, so that a change of wording touches the goldens of one
// meeting only. Text is written wide enough that no table cell wraps (the
// golden covers wrapping at 80 columns), so a cell reads on one line.

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/render/output.hpp>

#include "support/register.hpp"

namespace hmicfrs::test {
namespace {

// A written paper, split into its numbered sections, whatever the format.
struct PaperSections {
  std::vector<std::string> titles;           // "2. PEEL inspection", in order
  std::map<std::string, std::string> texts;  // by title: everything the section says, white space removed
};

// Text as compared: without white space, in lower case (prose lowers a label's first letter).
std::string without_space(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Splits lines into sections at the lines `heading` recognises (returning the title), dropping what `clean` removes.
template <class Heading, class Clean>
PaperSections split(const std::vector<std::string>& lines, Heading heading, Clean clean) {
  PaperSections paper;
  std::string* current = nullptr;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (const std::string title = heading(lines, i); !title.empty()) {
      paper.titles.push_back(title);
      current = &paper.texts[title];
      continue;
    }
    if (current != nullptr) *current += without_space(clean(lines[i]));
  }
  return paper;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// "3. Inspection activity since the last committee": a number, ". ", a capital.
bool is_section_title(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0) ++digits;
  return digits > 0 && line.substr(digits).starts_with(". ") && line.size() > digits + 2 &&
         std::isupper(static_cast<unsigned char>(line[digits + 2])) != 0;
}

// Markdown text with its backslash escapes undone.
std::string unescaped_markdown(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) ++i;
    out += line[i];
  }
  return out;
}

// HTML text without its tags, its entities undone.
std::string html_text(std::string_view line) {
  std::string text;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '<') {
      i = std::min(line.find('>', i), line.size());
      continue;
    }
    text += line[i];
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    for (const auto& [entity, c] :
         {std::pair{"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&amp;", '&'}}) {
      if (text.compare(i, std::strlen(entity), entity) == 0) {
        out += c;
        i += std::strlen(entity) - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i];
  }
  return out;
}

PaperSections from_markdown(const std::string& md) {
  return split(
      lines_of(md),
      [](const std::vector<std::string>& lines, std::size_t i) {
        const std::string line = lines[i].starts_with("## ") ? lines[i].substr(3) : "";
        return is_section_title(line) ? line : std::string();
      },
      [](const std::string& line) { return unescaped_markdown(line); });
}

PaperSections from_text(const std::string& text) {
  return split(
      lines_of(text),
      [](const std::vector<std::string>& lines, std::size_t i) {
        const bool underlined =
            i + 1 < lines.size() && !lines[i + 1].empty() && lines[i + 1].find_first_not_of('-') == std::string::npos;
        return underlined && is_section_title(lines[i]) ? lines[i] : std::string();
      },
      [](const std::string& line) { return line.find_first_not_of('-') == std::string::npos ? "" : line; });
}

PaperSections from_html(const std::string& html) {
  return split(
      lines_of(html),
      [](const std::vector<std::string>& lines, std::size_t i) {
        const std::string& line = lines[i];
        const bool heading = line.starts_with("<h2>") && line.ends_with("</h2>");
        return heading ? html_text(line) : std::string();
      },
      [](const std::string& line) { return html_text(line); });
}

// Every text a JSON value holds, keys aside.
void strings_of(const nlohmann::ordered_json& json, std::string& out) {
  if (json.is_string()) out += without_space(json.get<std::string>());
  if (json.is_structured()) {
    for (const auto& item : json) strings_of(item, out);
  }
}

PaperSections from_json(const std::string& text) {
  // The paper's sections, by the keys that carry each.
  static const std::vector<std::pair<std::string, std::vector<std::string>>> k_keys{
      {"1. Purpose of report", {"purpose"}},
      {"2. PEEL inspection", {"peel"}},
      {"3. Inspection activity since the last committee", {"activity", "notified"}},
      {"4. Reports published since the last committee", {"published", "published_peel"}},
      {"5. Recommendation tracker", {"tracker"}},
      {"6. Outstanding findings assessed red", {"red"}},
      {"7. Recommendation to the Committee", {"decision", "contact", "background"}}};
  const auto json = nlohmann::ordered_json::parse(text);
  PaperSections paper;
  for (const auto& [title, keys] : k_keys) {
    if (!json.contains(keys.front())) continue;
    paper.titles.push_back(title);
    for (const std::string& key : keys) strings_of(json.at(key), paper.texts[title]);
  }
  return paper;
}

class DecemberPaper : public ::testing::TestWithParam<std::string> {
 protected:
  static PaperSections written(const std::string& format) {
    static const model::Dataset dataset = load::load_dataset("examples/west-midlands").dataset;
    const auto meeting = query::find_meeting(dataset, "2021-12");
    const answers::Paper paper = query::assemble_paper(dataset, *meeting, meeting->meeting->cut_off());
    std::ostringstream out;
    if (format == "text") {
      render::write(out, paper, {render::Format::text, {100'000, false}});
      return from_text(out.str());
    }
    if (format == "md") {
      render::write(out, paper, {render::Format::markdown, {}});
      return from_markdown(out.str());
    }
    if (format == "html") {
      render::write(out, paper, {render::Format::html, {}});
      return from_html(out.str());
    }
    render::write(out, paper, {render::Format::json, {}});
    return from_json(out.str());
  }

  // Whether section `title` says each of `phrases` (white space aside).
  static void expect_says(const PaperSections& paper, const std::string& title,
                          const std::vector<std::string>& phrases) {
    ASSERT_TRUE(paper.texts.count(title)) << title;
    for (const std::string& phrase : phrases) {
      EXPECT_THAT(paper.texts.at(title), ::testing::HasSubstr(without_space(phrase))) << title << ": " << phrase;
    }
  }
};

// As the seed papers have it: what was notified is told with the activity, in section 3.
TEST_P(DecemberPaper, HasTheSevenSectionsInOrder) {
  EXPECT_THAT(written(GetParam()).titles,
              ::testing::ElementsAre("1. Purpose of report", "2. PEEL inspection",
                                     "3. Inspection activity since the last committee",
                                     "4. Reports published since the last committee", "5. Recommendation tracker",
                                     "6. Outstanding findings assessed red", "7. Recommendation to the Committee"));
}

TEST_P(DecemberPaper, GivesThe2021PeelGradesAndTheAreasNotGraded) {
  expect_says(
      written(GetParam()), "2. PEEL inspection",
      {"PEEL 2021/22", "Preventing crime and anti-social behaviour", "Recording data about crime",
       "Engaging with and treating the public with fairness and respect", "Disrupting serious and organised crime",
       "Strategic planning, organisational management and value for money", "Responding to the public",
       "Managing offenders and suspects", "Building, supporting and protecting the workforce", "Investigating crime",
       "Providing a service to victims of crime", "Protecting vulnerable people",
       "Meeting the strategic policing requirement", "Protecting the public against armed threats"});
}

TEST_P(DecemberPaper, ReportsNoFieldworkAndTheTwoNotifiedThematics) {
  const PaperSections paper = written(GetParam());
  EXPECT_THAT(paper.texts.at("3. Inspection activity since the last committee"),
              ::testing::Not(::testing::HasSubstr(without_space("Solihull"))));
  expect_says(paper, "3. Inspection activity since the last committee",
              {"Thematic inspection of the police response to online sexual abuse and exploitation of children",
               "Thematic inspection of the response to serious youth violence"});
}

TEST_P(DecemberPaper, QuotesTheMentalHealthReportWithItsFiveRecommendations) {
  expect_says(written(GetParam()), "4. Reports published since the last committee",
              {"A joint thematic inspection of the criminal justice journey for individuals with mental health needs "
               "and disorders",
               "Train investigators on vulnerability, including that of suspects",
               "Dip sample outcome 10 and 12 decisions and act on what they show",
               "Improve mental health flags on police systems and the data they give",
               "Assure risk assessment of suspects, voluntary attendees above all",
               "Add prompts for suspect vulnerability to case file (MG) forms"});
}

TEST_P(DecemberPaper, CountsEveryPortfolioInTheTracker) {
  expect_says(written(GetParam()), "5. Recommendation tracker",
              {"Crime", "Public Protection", "Local Policing", "Force Contact and Response",
               "Criminal Justice Services", "People and Organisational Development", "Professional Standards",
               "Security and Serious Organised Crime", "Strategy, Finance and Change"});
}

TEST_P(DecemberPaper, SetsOutTheFourRedFindings) {
  expect_says(
      written(GetParam()), "6. Outstanding findings assessed red",
      {"mental-health-criminal-justice-2021/R1", "peel-2021-22/AFI1", "peel-2021-22/AFI3", "peel-2021-22/AFI5"});
}

TEST_P(DecemberPaper, EndsWithTheContactAndBothBackgroundReports) {
  expect_says(written(GetParam()), "7. Recommendation to the Committee",
              {"HMICFRS Force Liaison Officer", "hmicfrs.liaison@example.org",
               "PEEL 2021/22 – An inspection of West Midlands Police",
               "A joint thematic inspection of the criminal justice journey"});
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, DecemberPaper, ::testing::Values("md", "text", "html", "json"));

}  // namespace
}  // namespace hmicfrs::test
