#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

namespace hmicfrs::test {

// A copy of an example register in a scratch directory, with its files' bytes as copied: what a test of a command
// that edits the register (update, collect) checks it changed, or did not.
class RegisterCopy {
 public:
  RegisterCopy(std::string_view purpose, const std::filesystem::path& example);

  const std::filesystem::path& scratch() const { return m_scratch.path(); }
  std::filesystem::path root() const { return m_scratch.path() / "register"; }
  // The files (inside the register, '/'-separated) whose bytes differ from the copy's; "(a file was added or
  // removed)" when the files are not the copy's.
  std::vector<std::string> changed_files() const;
  // The bytes `path` had when copied.
  const std::string& copied(const std::filesystem::path& path) const { return m_before.at(path); }
  // Leaves `path` out of what changed_files compares.
  void forget(const std::filesystem::path& path) { m_before.erase(path); }

 private:
  ScratchDir m_scratch;
  std::map<std::filesystem::path, std::string> m_before;
};

}  // namespace hmicfrs::test
