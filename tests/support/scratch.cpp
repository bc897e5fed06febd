#include "support/scratch.hpp"

#include <unistd.h>

#include <atomic>

#include <fmt/format.h>

#include "support/golden.hpp"

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

RegisterCopy::RegisterCopy(std::string_view purpose, const fs::path& example) : m_scratch(purpose) {
  fs::copy(example, root(), fs::copy_options::recursive);
  for (const auto& entry : fs::recursive_directory_iterator(root())) {
    if (entry.is_regular_file()) m_before[entry.path()] = read_text(entry.path());
  }
}

std::vector<std::string> RegisterCopy::changed_files() const {
  std::vector<std::string> changed;
  for (const auto& [path, bytes] : m_before) {
    if (read_text(path) != bytes) changed.push_back(path.lexically_relative(root()).generic_string());
  }
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root())) files += entry.is_regular_file() ? 1 : 0;
  if (files != m_before.size()) changed.push_back("(a file was added or removed)");
  return changed;
}

}  // namespace hmicfrs::test
