#pragma once

#include <filesystem>
#include <string_view>

namespace hmicfrs::test {

// A fresh, empty temporary directory for one test, named after its purpose
// and unique in the run; removed with everything in it, read-only entries
// included, when the object goes.
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view purpose);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace hmicfrs::test
