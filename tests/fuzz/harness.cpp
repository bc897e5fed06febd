#include "harness.hpp"

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <hmicfrs/cli/run.hpp>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/import/csv.hpp>
#include <hmicfrs/import/guess.hpp>
#include <hmicfrs/import/tracker.hpp>
#include <hmicfrs/import/xlsx.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/load/yaml_tree.hpp>
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

// --- exercise_history_edit -------------------------------------------------------------------------------------

// The entries added to each finding: one with characters YAML quotes, one with a note of lines (one indented),
// one known as at a day with every other kind of field.
const std::vector<edit::NewEntry>& history_entries() {
  static const std::vector<edit::NewEntry> entries{
      {{{"date", "2026-01-05", true},
        {"rag", "amber", false},
        {"note", "Audit: 82% done, see [A] {B} #3 'q' \"dq\"", false}}},
      {{{"date", "2026-01-05", true}, {"note", "two\nlines\n  indented third", false}}},
      {{{"as_at", "2026-01-05", true},
        {"status", "closed", false},
        {"owner", "Head of X", false},
        {"due", "2026-03", true},
        {"note", "Line one\nLine two", false}}},
  };
  return entries;
}

// Prints what failed, the file, the finding and the entry, and aborts: libFuzzer keeps the input.
[[noreturn]] void edit_failed(std::string_view property, std::string_view detail, std::string_view ref,
                              std::size_t entry, std::string_view before, std::string_view after) {
  std::fprintf(stderr,
               "history edit: %.*s\n%.*s\nfinding '%.*s', entry %zu\n--- before (%zu bytes) ---\n%.*s\n"
               "--- after (%zu bytes) ---\n%.*s\n--- end ---\n",
               static_cast<int>(property.size()), property.data(), static_cast<int>(detail.size()), detail.data(),
               static_cast<int>(ref.size()), ref.data(), entry, before.size(), static_cast<int>(before.size()),
               before.data(), after.size(), static_cast<int>(after.size()), after.data());
  std::abort();
}

// The file as inspections/x.yaml of a register with a valid configuration and committees file.
load::LoadResult load_as_inspection(std::string_view bytes) {
  std::vector<load::SourceFile> sources{{"hmicfrs-track.yaml", std::string(k_config)},
                                        {"committees.yaml", std::string(k_committees)},
                                        {"inspections/x.yaml", std::string(bytes)}};
  return load::load_sources("", std::move(sources));
}

std::string diagnostics_text(const diag::Diagnostics& diagnostics) {
  std::ostringstream out;
  render::write_diagnostics_text(out, diagnostics, false);
  return out.str();
}

std::string optional_date(const std::optional<model::Date>& date) { return date ? date->iso() : "-"; }

// A history entry's fields as one line, so that two entries compare by what they say.
std::string described(const model::HistoryEntry& entry) {
  std::string out = (entry.as_at ? "as_at " : "date ") + entry.date.iso();
  out += " | status " + std::string(entry.status ? model::name_of(*entry.status) : "-");
  out += " | rag " + entry.rag.value.str() + " | by " + entry.by.value.str();
  out += " | owner " + (entry.owner ? entry.owner->str() : std::string("-"));
  out += " | due " + optional_date(entry.due) + " | note " + entry.note.str();
  return out;
}

// What the decoder must read back for `entry`.
std::string described(const edit::NewEntry& entry) {
  model::HistoryEntry expected;
  for (const edit::Field& field : entry.fields) {
    if (field.key == "date" || field.key == "as_at") {
      expected.date = model::Date::parse(field.value).value();
      expected.as_at = field.key == "as_at";
    } else if (field.key == "status") {
      for (const model::Status status :
           {model::Status::open, model::Status::awaiting_sign_off, model::Status::closed, model::Status::achieved,
            model::Status::superseded, model::Status::declined, model::Status::not_monitored}) {
        if (model::name_of(status) == field.value) expected.status = status;
      }
    } else if (field.key == "rag") {
      expected.rag.value = field.value;
    } else if (field.key == "by") {
      expected.by.value = field.value;
    } else if (field.key == "owner") {
      expected.owner = field.value;
    } else if (field.key == "due") {
      expected.due = model::Date::parse(field.value).value();
    } else if (field.key == "note") {
      expected.note = field.value;
    }
  }
  return described(expected);
}

// What the decoded register says, finding by finding: the inspections, each finding's id and history.
std::vector<std::vector<std::string>> register_findings(const model::Dataset& dataset) {
  std::vector<std::vector<std::string>> out;
  for (const model::Inspection& inspection : dataset.inspections) {
    out.push_back({"inspection " + inspection.id});
    for (const model::Finding& finding : inspection.findings) {
      std::vector<std::string> lines{"finding " + finding.id.str()};
      for (const model::HistoryEntry& entry : finding.history) lines.push_back(described(entry));
      out.push_back(std::move(lines));
    }
  }
  return out;
}

std::string joined(const std::vector<std::vector<std::string>>& findings) {
  std::string out;
  for (const auto& lines : findings) {
    for (const std::string& line : lines) out += line + "\n";
  }
  return out;
}

// (c) The edited file decodes as the file did, with `entry` last in the history of the first finding `ref`.
void check_decoded(const load::LoadResult& old_result, std::string_view ref, std::size_t entry_index,
                   std::string_view before, std::string_view after) {
  const edit::NewEntry& entry = history_entries()[entry_index];
  const load::LoadResult new_result = load_as_inspection(after);
  // The one error the entry may bring: a date before an entry's above it (the fuzzer's files are dated at will).
  for (const diag::Diagnostic& d : new_result.diagnostics.items()) {
    if (d.severity == diag::Severity::error && d.code != diag::Code::history_order) {
      edit_failed("(c) the edited file has a decoding error the file had not", diagnostics_text(new_result.diagnostics),
                  ref, entry_index, before, after);
    }
  }
  std::vector<std::vector<std::string>> expected = register_findings(old_result.dataset);
  const std::vector<std::vector<std::string>> decoded = register_findings(new_result.dataset);
  // The edited finding: the first one `ref` names.
  bool edited = false;
  for (std::size_t i = 0; i < expected.size() && !edited; ++i) {
    if (!expected[i][0].starts_with("finding ")) continue;
    std::size_t inspection = i;
    while (!expected[inspection][0].starts_with("inspection ")) --inspection;
    if (expected[i][0] == "finding " + expected[inspection][0].substr(11) + "/" + std::string(ref)) {
      expected[i].push_back(described(entry));
      edited = true;
    }
  }
  if (!edited) {
    edit_failed("(c) the file decodes without the finding the edit was given", joined(expected), ref, entry_index,
                before, after);
  }
  if (decoded != expected) {
    edit_failed("(c) the edited file does not decode as the file did with the entry added",
                "expected:\n" + joined(expected) + "decoded:\n" + joined(decoded), ref, entry_index, before, after);
  }
}

void check_diff(std::string_view before, std::string_view after, std::string_view ref, std::size_t entry_index) {
  const std::string diff = edit::unified_diff(before, after, "x.yaml");
  if (diff.empty()) edit_failed("the diff is empty", "", ref, entry_index, before, after);
  std::string_view rest = diff;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    const bool marked = line.starts_with("--- ") || line.starts_with("+++ ") || line.starts_with("@@ ") ||
                        line.starts_with(' ') || line.starts_with('-') || line.starts_with('+') ||
                        line.starts_with('\\');
    if (!marked) {
      edit_failed("a line of the diff starts with no mark", "line: " + std::string(line) + "\ndiff:\n" + diff, ref,
                  entry_index, before, after);
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

}  // namespace

void exercise_history_edit(std::string_view bytes) {
  diag::Diagnostics diagnostics;
  const std::optional<load::Node> tree =
      load::parse_yaml(bytes, diag::source_name("inspections/x.yaml"), load::Limits{}, diagnostics);
  if (!tree || diagnostics.has_errors() || tree->kind != load::Node::Kind::mapping) return;
  const load::Node* findings = tree->find("findings");
  if (findings == nullptr || findings->kind != load::Node::Kind::sequence) return;
  std::vector<std::string> refs;
  for (const load::Node& item : findings->items) {
    if (refs.size() == 3) break;
    const load::Node* ref = item.kind == load::Node::Kind::mapping ? item.find("ref") : nullptr;
    if (ref != nullptr && ref->kind == load::Node::Kind::scalar) refs.push_back(ref->text);
  }
  if (refs.empty()) return;
  std::optional<load::LoadResult> old_result;  // decoded once, when an edit succeeds
  for (const std::string& ref : refs) {
    for (std::size_t e = 0; e < history_entries().size(); ++e) {
      const auto added = edit::add_history_entry(bytes, ref, history_entries()[e]);
      if (!added) continue;
      const std::string& after = added->bytes;
      // (a) Bytes inserted at one place, nothing else changed.
      const bool inserted = added->offset <= bytes.size() && added->size > 0 &&
                            after.size() == bytes.size() + added->size &&
                            std::string_view(after).substr(0, added->offset) == bytes.substr(0, added->offset) &&
                            std::string_view(after).substr(added->offset + added->size) == bytes.substr(added->offset);
      if (!inserted) {
        edit_failed("(a) the edit changed more than the bytes it inserted",
                    "offset " + std::to_string(added->offset) + ", size " + std::to_string(added->size), ref, e, bytes,
                    after);
      }
      // (b) The result parses.
      diag::Diagnostics reparsed;
      (void)load::parse_yaml(after, diag::source_name("inspections/x.yaml"), load::Limits{}, reparsed);
      if (reparsed.has_errors()) {
        edit_failed("(b) the edited file does not parse", diagnostics_text(reparsed), ref, e, bytes, after);
      }
      // (c) Decoded, it says what the file said with the entry added (unless the file had errors already).
      if (!old_result) old_result = load_as_inspection(bytes);
      if (!old_result->diagnostics.has_errors()) check_decoded(*old_result, ref, e, bytes, after);
      check_diff(bytes, after, ref, e);
    }
  }
}

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

namespace {

// Every file of `root`, with its bytes.
std::map<std::string, std::string> files_of(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().string()] = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

[[noreturn]] void collect_failed(const std::string& what, const std::string& out, const std::string& err) {
  std::fprintf(stderr, "collect: %s\n--- stdout\n%s\n--- stderr\n%s\n", what.c_str(), out.c_str(), err.c_str());
  std::abort();
}

}  // namespace

void exercise_collect(std::string_view bytes) {
  namespace fs = std::filesystem;
  // One copy of the example per process, in a directory of its own.
  // Removed when the process ends.
  struct Scratch {
    fs::path path;
    ~Scratch() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  };
  static const Scratch made{[] {
    const fs::path dir = fs::temp_directory_path() / ("hmicfrs-collect-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(fs::path(HMICFRS_SOURCE_DIR) / "examples" / "west-midlands", dir / "register",
             fs::copy_options::recursive);
    // And findings the example lacks: one with no history, one updated on the harness's today.
    std::ofstream(dir / "register" / "inspections" / "other" / "fuzz-extra.yaml")
        << "id: fuzz-extra\ntype: other\ntitle: Extra\npublished: 2022-01-10\nfindings:\n"
           "  - ref: R1\n    type: recommendation\n    title: No history yet\n"
           "  - ref: R2\n    type: recommendation\n    title: Updated today\n    history:\n"
           "      - {date: 2022-06-30, status: open, rag: red}\n";
    return dir;
  }()};
  const fs::path& scratch = made.path;
  static const std::map<std::string, std::string> register_files = files_of(scratch / "register");
  const bool workbook = bytes.starts_with("PK");
  const fs::path returned = scratch / (workbook ? "returned.xlsx" : "returned.csv");
  fs::remove(scratch / "returned.xlsx");
  fs::remove(scratch / "returned.csv");
  std::ofstream(returned, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));

  cli::Environment environment;
  environment.variable = [](std::string_view) { return std::optional<std::string>(); };
  environment.today = *model::Date::parse("2022-06-30");
  std::ostringstream out;
  std::ostringstream err;
  const int status =
      cli::run({"--data", (scratch / "register").string(), "--no-cache", "collect", returned.string(), "--dry-run"},
               out, err, environment);
  if (status != cli::k_exit_ok && status != cli::k_exit_invalid_data && status != cli::k_exit_usage &&
      status != cli::k_exit_io) {
    collect_failed("exit status " + std::to_string(status), out.str(), err.str());
  }
  if (files_of(scratch / "register") != register_files)
    collect_failed("a dry run changed the register", out.str(), err.str());
  if (status == cli::k_exit_ok) {
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("-") && !line.starts_with("--- a/"))
        collect_failed("the diff removes a line", out.str(), err.str());
    }
  }
}

}  // namespace hmicfrs::fuzz
