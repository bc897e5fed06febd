#include "support/coverage.hpp"

#include <algorithm>
#include <string>

namespace hmicfrs::test {
namespace {

std::set<std::string>& codes() {
  static std::set<std::string> recorded;
  return recorded;
}

}  // namespace

void note_asserted_codes(std::string_view expected_text) {
  // Each line that ends with "[code]" names a code.
  std::size_t start = 0;
  while (start < expected_text.size()) {
    const std::size_t end = std::min(expected_text.find('\n', start), expected_text.size());
    const std::string_view line = expected_text.substr(start, end - start);
    const std::size_t open = line.rfind('[');
    if (line.ends_with(']') && open != std::string_view::npos && open + 2 < line.size()) {
      const std::string_view code = line.substr(open + 1, line.size() - open - 2);
      if (code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos) {
        codes().emplace(code);
      }
    }
    start = end + 1;
  }
}

const std::set<std::string>& asserted_codes() { return codes(); }

}  // namespace hmicfrs::test
