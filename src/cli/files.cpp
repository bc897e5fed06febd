#include "files.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

#include "errors.hpp"

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

std::string errno_text() { return std::strerror(errno); }

// Whether `directory` holds nothing, or nothing but a git repository's .git.
bool empty_but_for_git(const fs::path& directory, bool& has_git) {
  std::error_code ec;
  has_git = false;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.path().filename() != ".git") return false;
    has_git = true;
  }
  return !ec;
}

}  // namespace

bool inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(path), ec);
  const fs::path base = fs::weakly_canonical(fs::absolute(root.empty() ? fs::path(".") : root), ec);
  if (ec) return false;
  const auto [base_end, target_it] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  return base_end == base.end();
}

void write_directory_atomically(const fs::path& target, const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path absolute = fs::absolute(target).lexically_normal();
  const fs::path whole = absolute.has_filename() ? absolute : absolute.parent_path();  // "." names the directory
  std::string staging = (whole.parent_path() / ("." + whole.filename().string().substr(0, 200) + "-XXXXXX")).string();
  if (mkdtemp(staging.data()) == nullptr) {
    throw IoError(fmt::format("cannot create {}: {}", target.string(), std::strerror(errno)));
  }
  std::error_code ec;
  const bool exists = fs::exists(whole, ec);
  std::vector<fs::path> moved;
  try {
    for (const auto& [path, text] : files) {
      const fs::path file = fs::path(staging) / path;
      fs::create_directories(file.parent_path());
      write_file_atomically(file, text);
    }
    fs::permissions(staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
    if (exists) {  // as the caller checked, nothing in it is in the way: the files move in beside what is there
      for (const auto& entry : fs::directory_iterator(staging)) {
        fs::rename(entry.path(), whole / entry.path().filename());
        moved.push_back(whole / entry.path().filename());
      }
      fs::remove(staging);
    } else {
      fs::rename(staging, whole);
    }
  } catch (...) {
    for (const fs::path& path : moved) fs::remove_all(path, ec);
    fs::remove_all(staging, ec);
    throw;
  }
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  const auto fail = [&](const std::string& why) {
    return IoError(fmt::format("cannot write '{}': {}", target.string(), why));
  };
  const auto write_all = [&](int fd) {
    for (std::size_t written = 0; written < content.size();) {
      const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      written += static_cast<std::size_t>(n);
    }
    return true;
  };

  struct stat existing {};
  const bool exists = stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) throw fail("it is a directory");
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device or pipe (/dev/stdout, /dev/full) holds nothing to lose: write to it, never replace it.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw fail(errno_text());
    const bool ok = write_all(fd);
    const std::string why = errno_text();
    ::close(fd);
    if (!ok) throw fail(why);
    return;
  }

  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // Beside the target, named after it but short enough for any file system (255 bytes a name).
  const std::string name = target.filename().string().substr(0, 200);
  std::string temporary = (directory / ("." + name + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) throw fail(errno_text());
  // The new file gets the old one's permissions, or the usual ones for a new file.
  mode_t mode = 0;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = fchmod(fd, mode) == 0 && write_all(fd) && fsync(fd) == 0;
  std::string why = ok ? std::string() : errno_text();
  ok = ::close(fd) == 0 && ok;
  if (ok && std::rename(temporary.c_str(), target.c_str()) != 0) {
    ok = false;
    why = errno_text();
  }
  if (!ok) {
    if (why.empty()) why = errno_text();
    ::unlink(temporary.c_str());
    throw fail(why);
  }
}

fs::path new_register_directory(const std::string& directory, std::string_view command, bool& has_git) {
  fs::path target = fs::path(directory).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "my-register/"
  std::error_code ec;
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && empty_but_for_git(target, has_git))) {
    throw UsageError(
        fmt::format("{} exists and holds files: {} writes a new register only into a new or empty "
                    "directory (one that holds only .git will do)",
                    directory, command));
  }
  // Where it really is: a link may lead into a register that its own path does not show.
  const fs::path resolved = fs::weakly_canonical(fs::absolute(target, ec), ec);
  if (ec) throw IoError(fmt::format("cannot tell where {} is: {}", directory, ec.message()));
  for (fs::path above = resolved.parent_path(); !above.empty(); above = above.parent_path()) {
    if (fs::exists(above / "hmicfrs-track.yaml", ec)) {
      throw UsageError(
          fmt::format("{} lies inside the register at {}, which {} never writes into: choose a "
                      "directory outside it",
                      directory, above.string(), command));
    }
    if (above == above.parent_path()) break;
  }
  return target;
}

fs::path new_output_directory(const std::string& output) {
  fs::path target = fs::path(output).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  std::error_code ec;
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec))) {
    throw UsageError(fmt::format("-o {}: exists and is not an empty directory: remove it, or choose another", output));
  }
  return target;
}

}  // namespace hmicfrs::cli
