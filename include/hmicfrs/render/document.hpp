#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <hmicfrs/model/date.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::render {

// A table cell; `colour` ("#rrggbb", or empty) is a rating's: terminals show
// the nearest of their colours when asked, HTML fills the cell with a light
// tint of it. The text always says what the colour means.
struct Cell {
  std::string text;
  std::string colour;
  std::optional<model::Date> date;  // the date the text gives, in a date column: what typed cells hold
  bool as_at = false;               // that date is one a state was known by ("as at"), not the day of a change

  Cell(std::string t = {}, std::string colour_ = {}) : text(std::move(t)), colour(std::move(colour_)) {}
  Cell(const char* t) : text(t) {}
  explicit Cell(std::string_view t) : text(t) {}
};

enum class Align { left, right };

// What a column's cells hold, for formats with typed cells (Excel): text,
// whole numbers (or a share written "24%"), or dates (the cell's `date`,
// whatever its text). A cell that does not hold its column's kind stays text.
enum class CellKind { text, number, date };

struct Column {
  std::string header;
  Align align = Align::left;
  bool wraps = false;     // may be wrapped to fit a terminal
  bool optional = false;  // left out on a terminal when empty in every row
  CellKind kind = CellKind::text;
  bool truncates = false;  // on a terminal, cut to one line ("...") instead of wrapped: a glimpse of a list
  // How a cell reads in a sentence on a terminal too narrow for the table (`Narrow::sentences`), "{}" standing for
  // its text: "{} red", "published {}". Empty: "Header: text".
  std::string phrase = {};
  // In a workbook: a column its reader fills in, whose cells alone are left unlocked on a protected sheet; a date
  // column takes only dates.
  bool fill_in = false;
  // ... and the words it takes, offered as a drop-down list.
  std::vector<std::string> choices = {};
};

// How a terminal too narrow for a table writes it instead.
enum class Narrow {
  records,    // one row a block: the row's first cell, then each other cell after its column's header
  sentences,  // one row a sentence, its first cell first: "Crime: 8 open (1 red, 5 amber, 2 green, 0 unrated); ..."
  lists,      // one column a list: its header, then its cells that are not empty, one a line ("none" when none is)
};

// A part of a row's sentence (`Narrow::sentences`): its head cell's phrase, then its parts' in brackets.
struct Clause {
  std::size_t head = 0;
  std::vector<std::size_t> parts = {};
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  // On a terminal, how the table is written when it does not fit, and the least width a wrapping column may be
  // narrowed to before that (up to its widest line): names a word a line read worse than the narrow layout.
  Narrow narrow = Narrow::records;
  std::size_t least_width = 0;
  std::vector<Clause> clauses = {};  // for Narrow::sentences: every column but the first, each once
  std::size_t totals = 0;            // how many of the last rows are totals: bold in a workbook, and outside its filter

  // Appends a row, each cell made in place from its value (a braced list would copy every text twice).
  template <class... Values>
  void add_row(Values&&... values) {
    std::vector<Cell>& row = rows.emplace_back();
    row.reserve(sizeof...(Values));
    (row.emplace_back(std::forward<Values>(values)), ...);
  }
};

struct Heading {
  int level = 1;
  std::string text;
  std::string number = {};  // "2." in a numbered paper; written before the text
};

// Plain text: written by the tool, or user text that is not Markdown.
struct Paragraph {
  std::string text;
};

// User-written Markdown (a summary, a narrative), kept as written.
struct MarkdownText {
  std::string markdown;
};

struct BulletList {
  std::vector<std::string> items;
};

// Labelled values, such as "Owner: Head of Public Protection".
struct Fields {
  std::vector<std::pair<std::string, std::string>> items;
};

// Documents referred to, each with a link when it has one (http or https only).
struct Reference {
  std::string text;
  std::string url;
};
struct References {
  std::vector<Reference> items;
};

// Open findings by rating per category, drawn as a bar chart in HTML (other
// formats leave it out: a table beside it carries the numbers). Each series
// is a rating (or "Unrated"), named in a key, drawn in its colour and its
// own pattern, so that the chart reads in greyscale too.
struct RagChart {
  struct Series {
    std::string name;
    std::string colour;  // "#rrggbb"
  };
  struct Bar {
    std::string label;
    std::vector<int> values;  // one per series
  };
  std::string title;
  std::vector<Series> series;
  std::vector<Bar> bars;
};

// A worksheet of a workbook: one table under a name of at most 31 characters.
struct Sheet {
  std::string name;
  Table table;
  bool hidden = false;  // kept out of view: what a program reads back, not a person
};

using Block = std::variant<Heading, Paragraph, MarkdownText, BulletList, Fields, References, RagChart, Table>;

// What a command shows, independent of the format it is written in.
struct Document {
  std::deque<Block> blocks;  // not a vector: a national paper adds thousands of blocks, and none is moved again
  std::string running_head;  // printed at the top of every page (HTML, Word); empty: the page's title
  std::string date;          // "YYYY-MM-DD": the only date a file may carry (Word's), as for a meeting's paper
  std::string marking;       // the register's protective marking, at the top and foot of every page; empty: none

  template <class B>
  Document& add(B block) {
    blocks.emplace_back(std::move(block));
    return *this;
  }
};

// For a terminal: underlined headings, aligned tables that fit `width`
// columns (wrapping long text), colour when asked.
struct TextStyle {
  std::size_t width = 80;
  bool color = false;
};
void write_text(std::ostream& out, const Document& document, const TextStyle& style);

// GitHub / pandoc Markdown: pipe tables, user text escaped.
void write_markdown(std::ostream& out, const Document& document);

// One self-contained HTML page: inline CSS, rating colours with their names in
// text, charts as inline SVG, all user text escaped. Printed, it is A4 with
// the running head (else the title) at the top of each page and "Page X of Y"
// at the bottom, and the marking, when there is one, centred at the top and
// foot of each page (on screen, of the page); headings and field lists stay
// with what follows them.
void write_html(std::ostream& out, const Document& document, const std::string& title);

// The parts of a force's Word template (.docx or .dotx) that a paper takes:
// its styles and theme, each parsed and written back as one well-formed
// element, and the ids of the styles it defines.
struct WordTemplate {
  std::string styles;
  std::vector<std::string> style_ids;
  std::string theme;  // empty when the template has none
};

// The template in `bytes`, or why it cannot serve: not a Word file, no styles,
// or a part that is not one well-formed element without a DOCTYPE or an
// entity (the message names the part and the place in it).
util::Result<WordTemplate> word_template_from(std::string_view bytes);

// A Word document (Office Open XML, zipped): A4, Word's own heading, list
// and table styles, bordered tables whose header row repeats on each page,
// rating cells shaded and worded, the chart as a native Word chart, the
// running head at the top and "Page X of Y" at the bottom of each page, and
// the marking, when there is one, above the one and below the other.
// The same document always gives the same bytes. With a `word_template`, the
// document takes its styles (and theme), with ours added for any it lacks.
void write_docx(std::ostream& out, const Document& document, const std::string& title,
                const WordTemplate* word_template = nullptr);

// What every printed page of a workbook carries: `title` at its top ("West
// Midlands Police — HMICFRS findings as of 31 March 2022"), and the register's
// protective `marking` ("OFFICIAL-SENSITIVE"), when it has one, at its top and
// foot.
struct PrintedPage {
  std::string title;
  std::string marking;
};

// An Excel workbook (.xlsx), a sheet per table: typed cells (numbers as
// numbers, dates as dates), the header row frozen and filtered, totals rows
// bold below the filter, rating cells filled with their colour and
// worded, columns as wide as their content (up to a limit, then wrapped, each
// row as tall as its wrapped lines). Each sheet prints landscape on A4, one
// page wide, the header row repeated on every page, `page`'s title and marking
// in the page header and "Page N of M" and the marking in its footer. A sheet
// with columns to fill in is protected, those columns' cells alone unlocked,
// with a drop-down list of each one's choices (inline when Excel's 255
// characters hold them, else from a hidden sheet "Lists") and dates alone in a
// date column.
void write_xlsx(std::ostream& out, const std::vector<Sheet>& sheets, const PrintedPage& page = {});

// Escapes text for HTML (and XML) element content and attribute values, leaving
// out control characters other than tab and line ends.
std::string escape_html(std::string_view text);
// The same, appended to `out` (no string of its own).
void append_escaped_html(std::string& out, std::string_view text);

// RFC 4180 CSV of one table: a header row, CRLF line ends, fields quoted when
// needed, and a cell that a spreadsheet would run as a formula (=, +, -, @)
// prefixed with an apostrophe.
void write_csv(std::ostream& out, const Table& table);

// Whether a link may point at `url`: web addresses only, so that no
// javascript: or file: link reaches a paper.
bool is_web_address(std::string_view url);

// Escapes plain text for Markdown, so that it shows as written.
std::string escape_markdown(std::string_view text);

// The number of terminal columns UTF-8 text takes: one per code point,
// none for combining marks.
std::size_t display_width(std::string_view text);

// Breaks `text` into lines of at most `width` characters at spaces only, so
// that a date, an id, a command or an option stays on one line, and never
// inside a date in words ("31 March 2022") nor between an option and its value
// ("--as-of 2022-03-31") when they fit a line; a word longer than a line is
// cut. Keeps the line breaks it has.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace hmicfrs::render
