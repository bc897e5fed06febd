#pragma once

// How a value is written in a register's YAML so that the loader reads back
// exactly that text: one rule for `import`, which writes new files, and
// `edit/`, which adds to the files people keep by hand.

#include <string>
#include <string_view>

namespace hmicfrs::util {

// Where a scalar is written: in block style, or inside [...] or {...}, where
// a plain scalar may not hold , [ ] { }.
enum class YamlContext { block, flow };

// The value as YAML writes it on one line: plain where that reads back the
// same (and no other YAML reader takes it for a boolean, null or number), else
// double-quoted with escapes.
std::string yaml_scalar(std::string_view text, YamlContext context = YamlContext::block);

// Whether a literal block ("|-") gives back exactly `text`: more than one
// line, no control characters but line breaks, no indented first line, no
// white space ending a line (editors strip it) or the text.
bool literal_block_safe(std::string_view text);

// The lines of a literal block holding `text` (literal_block_safe), each
// `indent` spaces in and ended by `newline`; an empty line stays empty.
std::string literal_block_lines(std::string_view text, int indent, std::string_view newline = "\n");

}  // namespace hmicfrs::util
