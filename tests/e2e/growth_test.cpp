// Work grows at most n log n with the input: the same kind of input at 1x,
// 10x and 100x, timed (the fastest of three runs); from 10x to 100x the time
// must grow about tenfold, well under the hundredfold of n squared work. Each
// kind was seen to run for minutes before (unknown references, causes of
// concern, a long word, a long --grep pattern, many portfolios); the import of
// a tracker of many rows (and of many heading rows), and the guess at its mapping, are timed too. These tests
// run alone (RUN_SERIAL), so that other tests do not disturb the timings.

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "process.hpp"
#include "support/scratch.hpp"

namespace hmicfrs::test {
namespace {

namespace fs = std::filesystem;

// A register built to make one kind of work large.
using Builder = void (*)(const fs::path& root, std::size_t n);

void write_register(const fs::path& root) {
  fs::create_directories(root / "inspections");
  std::ofstream(root / "hmicfrs-track.yaml") << "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\n"
                                                "portfolios:\n  - {id: crime, name: Crime}\n";
  std::ofstream(root / "committees.yaml") << "meetings:\n  - {id: 2022-03, date: 2022-03-31}\n";
}

// n findings, each naming a `related` finding that does not exist: n suggestions among n refs.
void unknown_references(const fs::path& root, std::size_t n) {
  write_register(root);
  std::ofstream out(root / "inspections" / "many.yaml");
  out << "id: many\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n";
  for (std::size_t i = 0; i < n; ++i) {
    out << fmt::format("  - ref: R{}\n    type: afi\n    title: T\n    related: [X{}]\n", i, i);
  }
}

// n causes of concern, each answered by its own recommendation.
void causes_of_concern(const fs::path& root, std::size_t n) {
  write_register(root);
  std::ofstream out(root / "inspections" / "causes.yaml");
  out << "id: causes\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n";
  for (std::size_t i = 0; i < n; ++i) {
    out << fmt::format(
        "  - {{ref: C{0}, type: cause-of-concern, title: T}}\n"
        "  - {{ref: R{0}, type: recommendation, title: T, cause_of_concern: C{0}}}\n",
        i);
  }
}

// One finding whose title is one word of n characters, listed on a terminal.
void long_word(const fs::path& root, std::size_t n) {
  write_register(root);
  std::ofstream(root / "inspections" / "word.yaml")
      << "id: word\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n  - ref: R1\n    type: afi\n    title: "
      << std::string(n * 10, 'w') << "\n";
}

// n portfolios, and n findings each in the last of them.
void many_portfolios(const fs::path& root, std::size_t n) {
  write_register(root);
  std::ofstream config(root / "hmicfrs-track.yaml");
  config << "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\nportfolios:\n";
  for (std::size_t i = 0; i < n; ++i) config << fmt::format("  - {{id: p{}, name: P}}\n", i);
  std::ofstream out(root / "inspections" / "many.yaml");
  out << "id: many\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n";
  for (std::size_t i = 0; i < n; ++i) {
    out << fmt::format("  - {{ref: R{}, type: afi, title: T, portfolio: p{}}}\n", i, n - 1);
  }
}

// A force's tracker of n rows, each with two dated updates in one cell; the last row's status is a word the
// import does not know, so the import reads every row and writes nothing.
void tracker_rows(const fs::path& root, std::size_t n) {
  std::ofstream out(root / "tracker.csv");
  out << "Report,Ref,Type,Recommendation,Owner,Portfolio,Target date,RAG,Status,Updates\n";
  for (std::size_t i = 0; i < n; ++i) {
    out << fmt::format(
        "Report {},R{},Recommendation,Do thing {},Owner {},Portfolio {},31/03/2022,Amber,{},"
        "\"01/02/2022 - Started\n02/03/2022 - Going on\"\n",
        i / 10, i, i, i % 7, i % 5, i + 1 == n ? "Compete" : "Open");
  }
}

// A tracker of heading rows: one over the rows of n/2 reports, then n/2 more headings, each over the row of
// one report; the last row's status is a word the import does not know, so nothing is written.
void tracker_headings(const fs::path& root, std::size_t n) {
  std::ofstream out(root / "tracker.csv");
  out << "Report,Ref,Recommendation,Status\nNational thematic reports,,,\n";
  for (std::size_t i = 0; i < n / 2; ++i) out << fmt::format("Thematic {},R1,Do thing {},Open\n", i, i);
  for (std::size_t i = 0; i < n / 2; ++i) {
    out << fmt::format("Report {} on an inspection in full,,,\nReport {},R1,Do thing,{}\n", i, i,
                       i + 1 == n / 2 ? "Compete" : "Open");
  }
}

struct Scaling {
  std::string name;
  Builder build;
  std::size_t base;                                 // n at 1x
  std::vector<std::string> (*args)(std::size_t n);  // the command that does the work
};

std::vector<std::string> validate(std::size_t) { return {"validate"}; }
std::vector<std::string> import(std::size_t) {
  return {"--as-of", "2022-03-31", "import", "tracker.csv", "--into", "out"};
}
std::vector<std::string> guess(std::size_t) { return {"import", "--guess", "tracker.csv"}; }
std::vector<std::string> list(std::size_t) { return {"--as-of", "2022-03-31", "list"}; }
// A pattern as long as half the word it is searched in, that matches nowhere: the worst case of a naive search.
std::vector<std::string> grep(std::size_t n) {
  return {"--as-of", "2022-03-31", "list", "--grep", std::string(n * 5, 'w') + "x"};
}

// The fastest of three runs: its seconds and its peak memory in KiB.
std::pair<double, long> fastest(const fs::path& root, const std::vector<std::string>& args) {
  std::pair<double, long> best{1e9, 0};
  for (int i = 0; i < 3; ++i) {
    RunOptions options;
    options.cwd = root;
    const ProcessRun run = run_binary(args, options);
    EXPECT_FALSE(run.timed_out);
    if (run.seconds < best.first) best = {run.seconds, run.peak_rss_kb};
  }
  return best;
}

void PrintTo(const Scaling& scaling, std::ostream* out) { *out << scaling.name; }

class WorkGrowth : public ::testing::TestWithParam<Scaling> {};

TEST_P(WorkGrowth, StaysNearLinearFromTenToAHundredTimesTheInput) {
  const Scaling& scaling = GetParam();
  std::vector<double> seconds;
  std::vector<long> memory;
  for (const std::size_t factor : {1, 10, 100}) {
    const ScratchDir scratch("growth");
    scaling.build(scratch.path(), scaling.base * factor);
    const auto [time, peak] = fastest(scratch.path(), scaling.args(scaling.base * factor));
    seconds.push_back(time);
    memory.push_back(peak);
  }
  // Process start-up is a floor on the small run: measure growth on the two larger steps.
  const double ratio = seconds[2] / std::max(seconds[1], 0.001);
  std::cout << fmt::format(
      "{} (n = {}, {}, {}): {:.3f} s, {:.3f} s, {:.3f} s; {} KiB, {} KiB, {} KiB; 100x/10x = {:.1f}\n", scaling.name,
      scaling.base, scaling.base * 10, scaling.base * 100, seconds[0], seconds[1], seconds[2], memory[0], memory[1],
      memory[2], ratio);
  EXPECT_LT(ratio, 30) << "n squared work shows as a ratio near 100";
}

INSTANTIATE_TEST_SUITE_P(Inputs, WorkGrowth,
                         ::testing::Values(Scaling{"unknown references", unknown_references, 200, validate},
                                           Scaling{"causes of concern", causes_of_concern, 100, validate},
                                           Scaling{"one long word", long_word, 1000, list},
                                           Scaling{"many portfolios", many_portfolios, 500, list},
                                           Scaling{"grep with a long pattern", long_word, 200, grep},
                                           Scaling{"a tracker of many rows", tracker_rows, 300, import},
                                           Scaling{"a guess at many rows", tracker_rows, 300, guess},
                                           Scaling{"a tracker of many headings", tracker_headings, 300, import}),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           std::replace(name.begin(), name.end(), ' ', '_');
                           return name;
                         });

// A register in `root`/register of `words` red findings of one owner, each titled with one word of `bytes`
// bytes of two-byte characters.
void long_titles(const fs::path& root, std::size_t words, std::size_t bytes) {
  write_register(root / "register");
  std::ofstream out(root / "register" / "inspections" / "words.yaml");
  out << "id: words\ntype: other\ntitle: T\npublished: 2022-01-10\nfindings:\n";
  std::string word;
  for (std::size_t i = 0; i < bytes / 2; ++i) word += "\u00e9";
  for (std::size_t i = 0; i < words; ++i) {
    out << fmt::format(
        "  - ref: R{}\n    type: afi\n    title: {}\n    owner: Head of Crime\n    portfolio: crime\n"
        "    history:\n      - date: 2022-02-01\n        status: open\n        rag: red\n",
        i, word);
  }
}

// Every writer that wraps or cuts a long word does so in one pass: one word of 1 MiB takes at most twice the
// time of ten words of 100 KiB (the same bytes), where cutting it piece by piece from the start would take ten
// times as long. The output goes to `out` beside the register, removed before each run.
constexpr std::array<const char*, 4> k_writers{"email", "terminal", "excel", "word"};  // the parameters' names

class WrapGrowth : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(WrapGrowth, OneLongWordCostsNoMoreThanTheSameBytesInTenWords) {
  std::vector<std::string> args{"--data", "register", "--as-of", "2022-03-31"};
  args.insert(args.end(), GetParam().begin(), GetParam().end());
  const auto fastest_run = [&](const fs::path& root) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      fs::remove_all(root / "out");
      RunOptions options;
      options.cwd = root;
      const ProcessRun run = run_binary(args, options);
      EXPECT_EQ(run.status, 0) << run.err;
      best = std::min(best, run.seconds);
    }
    return best;
  };
  const ScratchDir one("one-word"), ten("ten-words");
  long_titles(one.path(), 1, 1u << 20);
  long_titles(ten.path(), 10, 100u << 10);
  const double single = fastest_run(one.path()), spread = fastest_run(ten.path());
  std::cout << fmt::format("{}: one word of 1 MiB {:.3f} s, ten of 100 KiB {:.3f} s\n", fmt::join(GetParam(), " "),
                           single, spread);
  EXPECT_LT(single, 2 * std::max(spread, 0.01));
}

INSTANTIATE_TEST_SUITE_P(Writers, WrapGrowth,
                         ::testing::Values(std::vector<std::string>{"chase", "--format", "eml", "-o", "out"},
                                           std::vector<std::string>{"list", "--format", "text", "-o", "out"},
                                           std::vector<std::string>{"list", "--format", "xlsx", "-o", "out"},
                                           std::vector<std::string>{"report", "--committee", "2022-03", "--format",
                                                                    "docx", "-o", "out"}),
                         [](const auto& info) { return std::string(k_writers.at(info.index)); });

}  // namespace
}  // namespace hmicfrs::test
