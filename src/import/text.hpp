#pragma once

// Small text helpers of the importer. Private to import/.

#include <string>
#include <string_view>

namespace hmicfrs::import {

// Whether `bytes` is well-formed UTF-8.
bool is_utf8(std::string_view bytes);

// Whether `bytes` holds a well-formed UTF-8 sequence of two bytes or more: a
// file of Windows-1252 text almost never does.
bool holds_utf8_sequence(std::string_view bytes);

// Without spaces, tabs and line breaks at either end.
std::string_view trimmed(std::string_view text);

// Trimmed, ASCII letters lower-cased, every run of white space (no-break spaces
// too) one space, zero-width spaces left out: how the tracker's words and
// headers are compared ("In  Progress " is "in progress").
std::string folded(std::string_view text);

// `text` when it has at most `length` bytes; else its start up to there, cut at a space (past half of it) and
// never inside a UTF-8 character, and "…".
std::string shortened(std::string_view text, std::size_t length);

// `c`, a character of the Basic Multilingual Plane, appended as UTF-8.
void append_utf8(std::string& out, char32_t c);

// Line breaks as "\n" (from CRLF or CR).
std::string unix_lines(std::string_view text);

}  // namespace hmicfrs::import
