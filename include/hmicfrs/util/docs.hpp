#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace hmicfrs::util {

// Where a guide that messages point at is, for a reader of the source and of
// an installed copy alike: "yaml-primer.md (docs/ in the source;
// share/doc/hmicfrs-track/ where it is installed, e.g. /usr/share/doc/...)".
inline std::string guide(std::string_view file) {
  return fmt::format("{} (docs/ in the source; /usr/share/doc/hmicfrs-track/ once the package is installed)", file);
}

}  // namespace hmicfrs::util
