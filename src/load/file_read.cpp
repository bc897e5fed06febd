#include "file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace hmicfrs::load {

FileRead read_regular_file(const char* path, std::uintmax_t limit, bool no_follow) {
  FileRead out;
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (no_follow ? O_NOFOLLOW : 0));
  if (fd < 0) {
    out.problem = FileRead::Problem::cannot_open;
    out.error = errno;
    return out;
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    out.problem = FileRead::Problem::cannot_open;
    out.error = errno;
  } else if (out.modified = status.st_mtime; S_ISDIR(status.st_mode)) {
    out.problem = FileRead::Problem::directory;
  } else if (!S_ISREG(status.st_mode)) {
    out.problem = FileRead::Problem::not_regular;
  } else if (out.size = static_cast<std::uintmax_t>(status.st_size); out.size > limit) {
    out.problem = FileRead::Problem::too_large;
  } else {
    out.bytes.resize(static_cast<std::size_t>(out.size));
    std::size_t got = 0;
    while (got < out.bytes.size()) {
      const ssize_t n = ::read(fd, out.bytes.data() + got, out.bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        out.problem = FileRead::Problem::cannot_read;
        out.error = errno;
        break;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    out.bytes.resize(got);
  }
  ::close(fd);
  return out;
}

}  // namespace hmicfrs::load
