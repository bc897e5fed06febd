// libFuzzer entry point: see harness.hpp. Built with -DHMICFRS_FUZZ=ON and clang;
// run with tests/fuzz/run.sh SECONDS.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hmicfrs::fuzz::exercise(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
