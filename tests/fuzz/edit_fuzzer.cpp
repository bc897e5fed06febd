// libFuzzer entry point for the history edit (edit::add_history_entry, edit::unified_diff): see
// exercise_history_edit in harness.hpp. Built with -DHMICFRS_FUZZ=ON and clang; run with
// tests/fuzz/run.sh SECONDS JOBS edit.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hmicfrs::fuzz::exercise_history_edit(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
