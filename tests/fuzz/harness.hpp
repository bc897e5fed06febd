#pragma once

#include <string_view>

namespace hmicfrs::fuzz {

// Feeds `bytes` through the whole loader as each kind of file in turn (the
// configuration, the committees file, an inspection, a PEEL framework) beside
// a valid register: parse, decode, cross-record checks, and, when the data
// has no errors, the queries and the committee paper in every format.
// The bytes are also read as a parse cache entry's payload. Anything but a
// crash, a hang or a leak is a pass.
void exercise(std::string_view bytes);

}  // namespace hmicfrs::fuzz
