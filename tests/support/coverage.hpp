#pragma once

#include <set>
#include <string>
#include <string_view>

namespace hmicfrs::test {

// Records the diagnostic codes named ("[code]") in text a test asserts exactly.
void note_asserted_codes(std::string_view expected_text);

// The codes recorded so far.
const std::set<std::string>& asserted_codes();

}  // namespace hmicfrs::test
