#pragma once

#include <string>
#include <string_view>

namespace hmicfrs::util {

// "Custody 2017" -> "custody-2017": ASCII letters and digits in lower case,
// every run of anything else one hyphen, none at either end.
std::string slugified(std::string_view text);

}  // namespace hmicfrs::util
