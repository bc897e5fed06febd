#pragma once

// What a register's file may hold: the loader refuses more, so the import,
// which writes files, never writes more.

#include <cstddef>

namespace hmicfrs::model {

// Bytes of one file of the register.
inline constexpr std::size_t k_most_file_bytes = 16u << 20;
// Bytes of one value (a title, a text, a note) in a file.
inline constexpr std::size_t k_most_value_bytes = 1u << 20;
// Values (keys, scalars, lists and mappings) in one file.
inline constexpr std::size_t k_most_values_per_file = 1'000'000;

}  // namespace hmicfrs::model
