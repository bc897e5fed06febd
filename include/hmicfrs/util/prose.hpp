#pragma once

// How a label reads in a sentence: for the titles query makes and the prose render writes alike.

#include <string>

namespace hmicfrs::util {

// The text with its first letter in capitals.
std::string sentence_case(std::string text);

// A label as it reads inside a sentence: "Meeting the ..." becomes "meeting
// the ..."; acronyms ("PEEL", "JTAI") are left alone.
std::string in_prose(std::string label);

}  // namespace hmicfrs::util
