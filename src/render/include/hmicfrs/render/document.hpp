#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hmicfrs::render {

// A colour hint for terminals; other formats ignore it.
enum class Tone { plain, red, amber, green };

struct Cell {
  std::string text;
  Tone tone = Tone::plain;

  Cell(std::string t = {}, Tone tone_ = Tone::plain) : text(std::move(t)), tone(tone_) {}
  Cell(const char* t) : text(t) {}
};

enum class Align { left, right };

struct Column {
  std::string header;
  Align align = Align::left;
  bool wraps = false;     // may be wrapped to fit a terminal
  bool optional = false;  // left out on a terminal when empty in every row
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
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

// Open findings by RAG rating per category, drawn as a bar chart in HTML
// (other formats leave it out: a table beside it carries the numbers).
struct RagChart {
  struct Bar {
    std::string label;
    int red = 0;
    int amber = 0;
    int green = 0;
    int unrated = 0;
  };
  std::string title;
  std::vector<Bar> bars;
};

using Block = std::variant<Heading, Paragraph, MarkdownText, BulletList, Fields, References, RagChart, Table>;

// What a command shows, independent of the format it is written in.
struct Document {
  std::vector<Block> blocks;

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

// One self-contained HTML page: inline CSS (print-friendly, A4), RAG colours
// with their names in text, charts as inline SVG, all user text escaped.
void write_html(std::ostream& out, const Document& document, const std::string& title);

// Escapes text for HTML element content and attribute values.
std::string escape_html(std::string_view text);

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

// Breaks `text` into lines of at most `width` characters at spaces (a longer
// word is cut); keeps the line breaks it has.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace hmicfrs::render
