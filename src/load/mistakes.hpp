#pragma once

// The mistakes people make writing YAML by hand, recognised in the text of a
// line, so that a syntax error can say what is wrong and how to fix it
// (docs/yaml-primer.md lists them). Private to load/.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hmicfrs::load {

// What is wrong on a line, and where (a 1-based character column).
struct Mistake {
  int column = 1;
  std::string message;
};

// A mistake in the value of a `key: value` line: a value that starts with a
// character YAML reads as syntax ([, {, @, `, %, |, >, *, &, !) and needs
// quotes, quotes inside a quoted value, or no space after the ':'.
std::optional<Mistake> value_mistake(std::string_view line);

// A line that holds a field name and its value with no ':' between them
// ("owner Head of Custody"), when `next` is a field of the same mapping.
std::optional<Mistake> missing_colon(std::string_view line, std::string_view next);

// The last of `lines` is a field at the indentation where the items of a list
// above it start with "- ": a new item that lost its "- ".
std::optional<Mistake> missing_dash(const std::vector<std::string_view>& lines);

// An item of a list or mapping written in brackets ("ignore: [Overdue?]")
// that yaml-cpp cannot read unquoted, found around `index` (a byte index into
// `line`, where the parser stopped): the fix puts it in quotes. Nothing when
// `index` is not inside brackets.
std::optional<Mistake> flow_item_mistake(std::string_view line, std::size_t index);

// The value of a `key: value` line as it reads in double quotes, as a fix to
// show: `title: "*Draft* report"`. Empty when the line is no such line.
std::string quoted_fix(std::string_view line);

// Whether a line reads like a field of a mapping: "owner: ...", "- ref: ...".
bool looks_like_field(std::string_view line);

// Where the quoted value that starts at `quote` (an index into `text`, at a
// ' or ") ends: the index of its closing quote, or npos when it is never closed.
std::size_t closing_quote(std::string_view text, std::size_t quote);

}  // namespace hmicfrs::load
