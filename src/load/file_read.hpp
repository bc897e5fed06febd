#pragma once

// Reading a regular file whole, with plain open, fstat and read (a stream
// costs a third more). Shared by the register's files, the Word template and
// the parse cache's entries. Private to load/.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>

namespace hmicfrs::load {

struct FileRead {
  enum class Problem { none, cannot_open, directory, not_regular, too_large, cannot_read };
  Problem problem = Problem::none;
  int error = 0;             // errno, for cannot_open and cannot_read
  std::uintmax_t size = 0;   // as fstat gave it
  std::time_t modified = 0;  // as fstat gave it
  std::string bytes;         // what was read: fewer than `size` when the file shrank meanwhile
};

// The bytes of the regular file at `path`, of at most `limit` bytes. It is
// opened without blocking, so a FIFO is refused rather than waited on;
// `no_follow` refuses a symbolic link too.
FileRead read_regular_file(const char* path, std::uintmax_t limit, bool no_follow = false);
inline FileRead read_regular_file(const std::filesystem::path& path, std::uintmax_t limit, bool no_follow = false) {
  return read_regular_file(path.c_str(), limit, no_follow);
}

}  // namespace hmicfrs::load
