#pragma once

// Libraries that only some commands need, opened when one of their functions
// is first called rather than at every start. libzip and libxlsxwriter (Word
// and Excel files) pull in libcrypto and more: linked as usual, every command
// would load them, though most never write a Word or Excel file, and loading
// them is a large share of starting the program (bench/README.md, "Starting
// the process"). libzip.cpp and xlsxwriter.cpp define each of their functions
// that the program calls, with the signature the library's header declares,
// forwarding to the library's own.

#include <stdexcept>
#include <string>

namespace hmicfrs::lazy {

// A library that cannot be opened, or lacks a function: the message says which, and what to install.
class MissingLibrary : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SharedLibrary {
 public:
  // Opens `soname` ("libzip.so.4", as the build found it); `package` is the
  // Debian package that ships it (empty when the build did not know), `needed_for`
  // what the program needs it for. Throws MissingLibrary.
  SharedLibrary(std::string soname, std::string package, std::string needed_for);
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;
  // Never closed: the addresses it gave are kept for the life of the process.
  ~SharedLibrary() = default;

  // The function `name` of the library, as a pointer of type `Function`. Throws MissingLibrary.
  template <class Function>
  Function function(const char* name) const {
    return reinterpret_cast<Function>(symbol(name));
  }

 private:
  void* symbol(const char* name) const;
  [[noreturn]] void fail(const std::string& what) const;

  void* m_handle = nullptr;
  std::string m_soname;
  std::string m_package;
  std::string m_needed_for;
};

}  // namespace hmicfrs::lazy
