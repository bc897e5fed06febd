#pragma once

#include <string>
#include <string_view>

namespace hmicfrs::util {

// `text` safe to print on one line of a terminal or a CI log: line breaks,
// tabs and other control characters (C0, DEL, C1), bidirectional controls and
// bytes that are not UTF-8 are written as escapes ("\n", "\x1b", "\u202e"),
// so that a value or a file name can neither start a line of its own (and
// forge a diagnostic) nor drive the terminal. A backslash is left as it is.
std::string printable(std::string_view text);

// As printable, but line feeds are kept: for text laid out in lines.
std::string printable_lines(std::string_view text);

}  // namespace hmicfrs::util
