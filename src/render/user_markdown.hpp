#pragma once

// User-written Markdown, read as far as the papers render it: paragraphs,
// bullet and numbered lists, and inline **strong**, *em*, _em_ and `code`.
// Everything else stays text. Shared by the HTML and Word writers. Private
// to render/.

#include <string>
#include <string_view>
#include <vector>

namespace hmicfrs::render::user_markdown {

// A paragraph (one item) or a list (an item each).
struct Block {
  enum class Kind { paragraph, bullets, numbered };
  Kind kind = Kind::paragraph;
  std::vector<std::string> items;
};

// Text, or an emphasis around other pieces: `tag` is "" (text), "strong",
// "em" or "code" (whose text is never read further).
struct Inline {
  std::string_view tag;
  std::string text;
  std::vector<Inline> children;
};

std::vector<Block> blocks(std::string_view markdown);

// One paragraph's or item's inline pieces. Markers without a partner stay as written.
std::vector<Inline> inlines(std::string_view text);

}  // namespace hmicfrs::render::user_markdown
