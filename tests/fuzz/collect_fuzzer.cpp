// libFuzzer entry point for `collect`: a returned workbook or CSV file, see exercise_collect in harness.hpp. Built
// with -DHMICFRS_FUZZ=ON and clang; run with tests/fuzz/run.sh SECONDS JOBS collect.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hmicfrs::fuzz::exercise_collect(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
