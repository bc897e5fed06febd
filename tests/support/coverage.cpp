#include "support/coverage.hpp"

#include <regex>
#include <string>

namespace hmicfrs::test {
namespace {

std::set<std::string>& codes() {
  static std::set<std::string> recorded;
  return recorded;
}

}  // namespace

void note_asserted_codes(std::string_view expected_text) {
  static const std::regex k_code(R"(\[([a-z0-9-]+)\]$)");
  std::string text(expected_text);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    std::smatch match;
    if (std::regex_search(line, match, k_code)) codes().insert(match[1]);
    start = end + 1;
  }
}

const std::set<std::string>& asserted_codes() { return codes(); }

}  // namespace hmicfrs::test
