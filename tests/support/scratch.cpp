#include "support/scratch.hpp"

#include <unistd.h>

#include <atomic>

#include <fmt/format.h>

namespace hmicfrs::test {
namespace fs = std::filesystem;

ScratchDir::ScratchDir(std::string_view purpose) {
  static std::atomic<int> counter{0};
  m_path = fs::temp_directory_path() / fmt::format("hmicfrs-{}-{}-{}", purpose, getpid(), counter++);
  fs::remove_all(m_path);
  fs::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
  // Tests take permissions away (an unreadable file): give them back first.
  std::error_code ec;
  fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
  for (const auto& entry : fs::recursive_directory_iterator(m_path, ec)) {
    if (!entry.is_symlink(ec)) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(m_path, ec);
}

}  // namespace hmicfrs::test
