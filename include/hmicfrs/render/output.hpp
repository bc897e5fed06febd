#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <hmicfrs/answers/chase.hpp>
#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/movement.hpp>
#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/answers/peel.hpp>
#include <hmicfrs/answers/status.hpp>
#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/model/date.hpp>
#include <hmicfrs/model/enums.hpp>
#include <hmicfrs/render/document.hpp>

namespace hmicfrs::render {

// The output formats; each command supports the subset that makes sense. A PDF is the HTML printed by a
// browser, which cli/ runs: render/ writes its HTML.
enum class Format { text, markdown, json, csv, html, docx, xlsx, eml, pdf };

// How to write: the format, and for text the terminal's width and colour.
struct Output {
  Format format = Format::text;
  TextStyle style;
  std::optional<WordTemplate> word_template = {};  // Word: a template whose styles the document takes
  bool process_ends_after = false;  // the process ends after this: what was built may be left for the system
  std::string marking = {};  // the register's protective marking ("OFFICIAL-SENSITIVE"), on all written; empty: none
};

// Whether a format is written as bytes that a terminal cannot show.
constexpr bool is_binary(Format format) {
  return format == Format::docx || format == Format::xlsx || format == Format::pdf;
}

// Writes an answer in the format asked for: a document (text, Markdown,
// HTML, Word), JSON (the shapes of docs/json.md) or, for answers that are one
// table, CSV; for the lists, counts and the paper's tracker, an Excel
// workbook. Asking for CSV or Excel of any other answer is a programming error.
void write(std::ostream& out, const answers::Status& status, const Output& output);
void write(std::ostream& out, const answers::FindingList& list, const Output& output);
void write(std::ostream& out, const answers::RagBreakdown& breakdown, const Output& output);
void write(std::ostream& out, const answers::FindingDetail& detail, const Output& output);
void write(std::ostream& out, const answers::InspectionDetail& detail, const Output& output);
void write(std::ostream& out, const answers::PeelGrades& grades, const Output& output);
void write(std::ostream& out, const answers::PeelComparison& comparison, const Output& output);
void write(std::ostream& out, const answers::PeelAreas& areas, const Output& output);
void write(std::ostream& out, const answers::Calendar& calendar, const Output& output);
void write(std::ostream& out, const answers::Movement& movement, const Output& output);
void write(std::ostream& out, const answers::Committees& committees, const Output& output);
void write(std::ostream& out, const answers::Paper& paper, const Output& output);
void write(std::ostream& out, const answers::Chase& chase, const Output& output);

// The one date a file written from the paper may carry (a Word file's, a PDF's): its meeting's.
model::Date file_date(const answers::Paper& paper);

// A file of a directory written one per owner, with its name: "head-of-crime.eml", "head-of-crime.xlsx".
struct NamedFile {
  std::string file_name;
  std::string text;  // its bytes
};
// A mail message, with the name of the file it goes in: its text RFC 5322, lines ending CRLF.
using EmailMessage = NamedFile;

// The stem of each chase group's file name: its name as a slug, numbered when two come out alike.
std::vector<std::string> group_file_stems(const answers::Chase& chase);

// `chase` as one workbook per owner (or portfolio) for them to fill in and `collect` to read back: the sheet
// `to_sheets` writes for every owner, with their rows alone.
std::vector<NamedFile> to_workbooks(const answers::Chase& chase, const std::string& marking);

// What the workbooks leave out, for standard error: the actions and responses to reports chased, which only the
// other formats give ("" when there are none).
std::string left_out_of_workbooks(const answers::Chase& chase);

// `chase` as one message per owner (or portfolio), addressed when the
// configuration's `owners` gives the address, dated the as-of day.
std::vector<EmailMessage> to_messages(const answers::Chase& chase);

// What to say when some of those messages have no address: who has none, and
// what to add to `owners` in hmicfrs-track.yaml; empty when all have one.
std::string unaddressed_warning(const answers::Chase& chase);

}  // namespace hmicfrs::render

namespace hmicfrs::model {
template <>
struct EnumInfo<render::Format> {
  static constexpr std::string_view what = "format";
  static constexpr std::string_view names[] = {"text", "md", "json", "csv", "html", "docx", "xlsx", "eml", "pdf"};
};
}  // namespace hmicfrs::model
