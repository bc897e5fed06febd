#include <hmicfrs/lazy/shared_library.hpp>

#include <dlfcn.h>

#include <utility>

namespace hmicfrs::lazy {

SharedLibrary::SharedLibrary(std::string soname, std::string package, std::string needed_for)
    : m_soname(std::move(soname)), m_package(std::move(package)), m_needed_for(std::move(needed_for)) {
  // RTLD_LOCAL: its symbols resolve only what is looked up in it, never another library's.
  m_handle = ::dlopen(m_soname.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (m_handle == nullptr) fail(::dlerror());
}

void* SharedLibrary::symbol(const char* name) const {
  void* address = ::dlsym(m_handle, name);
  if (address == nullptr) fail("it has no function " + std::string(name));
  return address;
}

void SharedLibrary::fail(const std::string& what) const {
  std::string message = "cannot use " + m_soname + ", which " + m_needed_for + " needs: " + what;
  if (!m_package.empty()) message += " (install the Debian package " + m_package + ")";
  throw MissingLibrary(message);
}

}  // namespace hmicfrs::lazy
