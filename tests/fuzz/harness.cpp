#include "harness.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <cstdio>
#include <cstdlib>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/import/csv.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/import/tracker.hpp>
#include <hmicfrs/import/xlsx.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/query/chase.hpp>
#include <hmicfrs/query/findings.hpp>
#include <hmicfrs/query/meetings.hpp>
#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/query/peel.hpp>
#include <hmicfrs/query/status.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/render/output.hpp>
#include "load/record_cache.hpp"
#include "load/record_codec.hpp"
#include "render/zip.hpp"

namespace hmicfrs::fuzz {
namespace {

constexpr std::string_view k_config =
    "schema_version: 1\nforce: {name: F}\ncommittee: {name: C}\n"
    "portfolios: [{id: crime, name: Crime}]\nowners: [{role: Head, email: head@example.org}]\n";
constexpr std::string_view k_committees = "meetings:\n  - {id: 2022-03, date: 2022-03-31}\n";
constexpr std::string_view k_inspection =
    "id: base\ntype: peel\ntitle: T\npublished: 2021-10\n"
    "gradings: {cycle: 2021-22, areas: {preventing-crime: good}}\n"
    "findings: [{ref: R1, type: afi, title: T, portfolio: crime, history: [{date: 2021-11-01, status: open, rag: "
    "red}]}]\n";

const std::vector<std::string_view> k_places = {"hmicfrs-track.yaml", "committees.yaml", "inspections/fuzz.yaml",
                                                "peel-frameworks/fuzz.yaml"};

void render_everything(const load::LoadResult& result) {
  std::ostringstream sink;
  render::write_diagnostics_text(sink, result.diagnostics, true);
  render::write_diagnostics_json(sink, result.diagnostics);
  if (result.diagnostics.has_errors()) return;
  const std::vector<answers::MeetingWindow> meetings = query::meeting_windows(result.dataset);
  for (const answers::MeetingWindow& meeting : meetings) {
    // The Word and Excel files are zipped through files and libraries: for the first two meetings only, so that
    // a committees file of a hundred meetings stays quick to fuzz.
    const bool packaged = &meeting - meetings.data() < 2;
    const answers::Paper paper = query::assemble_paper(result.dataset, meeting, meeting.meeting->cut_off());
    const answers::Status status = query::status_of(result.dataset, meeting.meeting->cut_off());
    for (const render::Format format :
         {render::Format::markdown, render::Format::text, render::Format::html, render::Format::json}) {
      render::write(sink, paper, render::Output{format, {}});
      render::write(sink, status, render::Output{format, {}});
    }
    if (packaged) {
      render::write(sink, paper, render::Output{render::Format::docx, {}});
      // The tracker's sheets, named and filled from whatever the register's words are.
      render::write(sink, paper, render::Output{render::Format::xlsx, {}});
    }
    // What chase asks each owner, and the messages it drafts, from whatever the owners and notes hold.
    if (const auto chase = query::chase(result.dataset, meeting.meeting->cut_off(), {})) {
      render::write(sink, *chase, render::Output{render::Format::text, {40, false}});
      if (packaged) render::write(sink, *chase, render::Output{render::Format::xlsx, {}});
      for (const render::EmailMessage& message : render::to_messages(*chase)) sink << message.text;
      sink << render::unaddressed_warning(*chase);
    }
    // A list searched and written narrow, so that search and wrap see what the input holds.
    query::FindingFilter filter;
    filter.grep = "a";
    filter.owner = "e";
    const model::Date as_of = meeting.meeting->cut_off();
    const model::Config& config = result.dataset.config;
    const answers::FindingList list{as_of, &config.vocabulary,
                                    query::filtered(query::findings_as_of(result.dataset, as_of), filter, as_of),
                                    config.force_name};
    render::write(sink, list, render::Output{render::Format::text, {40, false}});
    render::write(sink, list, render::Output{render::Format::csv, {}});
    if (packaged) render::write(sink, list, render::Output{render::Format::xlsx, {}});
    if (const auto latest = query::latest_peel(result.dataset, as_of)) {
      render::write(sink, answers::PeelGrades{as_of, nullptr, query::peel_table(result.dataset, *latest, as_of)},
                    render::Output{render::Format::text, {40, false}});
    }
  }
}

// A tracker imported with the mapping its header row suggests: what the import writes when it reports no
// error must load as a register without one, or the import wrote a file the tool cannot read.
void import_tracker(const import::Table& table) {
  const import::GuessedMapping guess = import::guess_mapping(table);
  (void)import::mapping_yaml(guess, table, "t");
  diag::Diagnostics diagnostics;
  const auto imported =
      import::import_tracker(table, guess.mapping, {model::Date::parse("2022-03-31").value(), "t"}, diagnostics);
  if (diagnostics.has_errors()) return;
  std::vector<load::SourceFile> sources;
  for (const auto& [path, text] : imported.files) sources.push_back({path, text});
  const load::LoadResult loaded = load::load_sources("", std::move(sources));
  if (loaded.diagnostics.has_errors()) {
    std::ostringstream why;
    render::write_diagnostics_text(why, loaded.diagnostics, false);
    std::fprintf(stderr, "the import wrote a register that does not load:\n%s", why.str().c_str());
    std::abort();
  }
}

}  // namespace

// The bytes as a Word template, and as each of the template's parts that a paper takes: what the reader
// accepts must give a paper whose parts are well-formed.
void read_word_template(std::string_view bytes) {
  const auto paper_from = [](const render::WordTemplate& word_template) {
    render::Document document;
    document.add(render::Heading{1, "Paper"});
    std::ostringstream out;
    render::write_docx(out, document, "Paper", &word_template);
  };
  if (const auto read = render::word_template_from(bytes)) paper_from(*read);
  for (const char* part : {"word/styles.xml", "word/theme/theme1.xml"}) {
    render::ZipArchive archive("2022-03-31");
    archive.add("[Content_Types].xml", "<Types/>");
    if (std::string_view(part) != "word/styles.xml") {
      archive.add("word/styles.xml",
                  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
    }
    archive.add(part, std::string(bytes));
    if (const auto read = render::word_template_from(archive.bytes())) paper_from(*read);
  }
}

void exercise(std::string_view bytes) {
  read_word_template(bytes);
  // The same bytes as a force's tracker: a CSV file, and a workbook.
  {
    diag::Diagnostics diagnostics;
    const import::Table csv = import::read_csv(bytes, diag::source_name("t.csv"), diagnostics);
    if (!diagnostics.has_errors()) import_tracker(csv);
    const import::Table book = import::read_xlsx(bytes, "t.xlsx", "", diagnostics);
    if (!book.rows.empty()) import_tracker(book);
  }
  // The same bytes as a parse cache entry, which a run reads as untrusted input: whole (header, length,
  // checksum, then payload, under the key the entry itself gives, so that a well-made header gets that far),
  // and as a payload alone.
  if (bytes.size() >= 28) {
    if (const auto payload = load::entry_payload(bytes, bytes.substr(12, 16))) {
      (void)load::decode_records(*payload, diag::source_name("cached.yaml"));
    }
  }
  (void)load::decode_records(bytes, diag::source_name("cached.yaml"));
  for (const std::string_view place : k_places) {
    std::vector<load::SourceFile> sources{{"hmicfrs-track.yaml", std::string(k_config)},
                                          {"committees.yaml", std::string(k_committees)},
                                          {"inspections/base.yaml", std::string(k_inspection)}};
    bool replaced = false;
    for (load::SourceFile& source : sources) {
      if (source.relative == place) {
        source.bytes = std::string(bytes);
        replaced = true;
      }
    }
    if (!replaced) sources.push_back({std::string(place), std::string(bytes)});
    load::LoadResult result = load::load_sources("", std::move(sources));
    check::check_dataset(result.dataset, {model::Date::parse("2022-03-31").value(), result.incomplete},
                         result.diagnostics);
    result.diagnostics.sort();
    render_everything(result);
  }
}

}  // namespace hmicfrs::fuzz
