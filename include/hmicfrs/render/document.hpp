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

using Block = std::variant<Heading, Paragraph, MarkdownText, BulletList, Fields, Table>;

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

// RFC 4180 CSV of one table: a header row, CRLF line ends, fields quoted when needed.
void write_csv(std::ostream& out, const Table& table);

// Escapes plain text for Markdown, so that it shows as written.
std::string escape_markdown(std::string_view text);

// The number of characters (code points) of UTF-8 text.
std::size_t display_width(std::string_view text);

// Breaks `text` into lines of at most `width` characters at spaces (a longer
// word is cut); keeps the line breaks it has.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace hmicfrs::render
