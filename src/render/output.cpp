// Each answer in the format asked for: its document, its JSON, or its table as CSV.

#include <deque>
#include <stdexcept>
#include <utility>

#include <hmicfrs/render/documents.hpp>
#include <hmicfrs/render/output.hpp>

#include "json.hpp"

namespace hmicfrs::render {
namespace {

// A page's or file's title: the document's first heading.
std::string title_of(const Document& document) {
  for (const Block& block : document.blocks) {
    if (const auto* heading = std::get_if<Heading>(&block)) return heading->text;
  }
  return "hmicfrs-track";
}

// Keeps `document` until the process ends: freeing a national paper's document cell by cell is a twentieth of
// its run, and the system takes the memory back at once. Held by a static, so that a leak checker sees it reachable.
void leave_for_exit(Document document) {
  static auto* const left = new std::deque<Document>();
  left->push_back(std::move(document));
}

void write_document(std::ostream& out, const Document& document, const Output& output) {
  switch (output.format) {
    case Format::text: return write_text(out, document, output.style);
    case Format::markdown: return write_markdown(out, document);
    case Format::html: return write_html(out, document, title_of(document));
    case Format::docx:
      return write_docx(out, document, title_of(document), output.word_template ? &*output.word_template : nullptr);
    case Format::json:
    case Format::csv:
    case Format::xlsx:
    case Format::eml:
    case Format::pdf: break;
  }
  throw std::logic_error("write_document: not a document format");
}

template <class Answer>
void write_answer(std::ostream& out, const Answer& answer, const Output& output) {
  if (output.format == Format::json) {
    if (output.marking.empty()) return write_json(out, to_json(answer));
    // The marking first, where a reader of the file meets it.
    Json marked{{"marking", output.marking}};
    marked.update(to_json(answer));
    return write_json(out, marked);
  }
  if (output.format == Format::csv) {
    // A CSV file is data for a spreadsheet: every column the workbook has, where the answer is one sheet.
    if constexpr (requires { to_sheets(answer); }) {
      if (auto sheets = to_sheets(answer); sheets.size() == 1) return write_csv(out, sheets.front().table);
    }
    if constexpr (requires { to_table(answer); }) {
      return write_csv(out, to_table(answer));
    } else {
      throw std::logic_error("this answer has no CSV form");
    }
  }
  if (output.format == Format::xlsx) {
    if constexpr (requires { to_sheets(answer); }) {
      PrintedPage page = printed_page(answer);
      page.marking = output.marking;
      return write_xlsx(out, to_sheets(answer), page);
    } else {
      throw std::logic_error("this answer has no Excel form");
    }
  }
  Document document = to_document(answer);
  document.marking = output.marking;
  write_document(out, document, output);
  if (output.process_ends_after) leave_for_exit(std::move(document));
}

}  // namespace

void write(std::ostream& out, const answers::Status& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::FindingList& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::RagBreakdown& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::FindingDetail& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::InspectionDetail& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::PeelGrades& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::PeelComparison& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::PeelAreas& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::Calendar& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::Movement& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::Committees& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::Paper& a, const Output& o) { write_answer(out, a, o); }
void write(std::ostream& out, const answers::Chase& a, const Output& o) { write_answer(out, a, o); }

model::Date file_date(const answers::Paper& paper) { return paper.meeting->date; }

}  // namespace hmicfrs::render
