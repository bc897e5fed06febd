// Libraries opened on first use (src/lazy/): what a missing one says, and a present one's functions.

#include <cstring>

#include <gtest/gtest.h>

#include <hmicfrs/lazy/shared_library.hpp>

namespace hmicfrs::lazy {
namespace {

// The message of the MissingLibrary that `make` throws, or "" when it throws none.
template <class Make>
std::string missing(Make make) {
  try {
    make();
  } catch (const MissingLibrary& e) {
    return e.what();
  }
  return "";
}

TEST(SharedLibrary, NamesTheLibraryWhatNeedsItAndItsPackageWhenItCannotBeOpened) {
  EXPECT_EQ(missing([] { SharedLibrary("libhmicfrs-absent.so.1", "libhmicfrs-absent1", "writing Word files"); }),
            "cannot use libhmicfrs-absent.so.1, which writing Word files needs: libhmicfrs-absent.so.1: cannot open "
            "shared object file: No such file or directory (install the Debian package libhmicfrs-absent1)");
  // A build that did not know the package names none.
  EXPECT_EQ(missing([] { SharedLibrary("libhmicfrs-absent.so.1", "", "writing Word files"); }),
            "cannot use libhmicfrs-absent.so.1, which writing Word files needs: libhmicfrs-absent.so.1: cannot open "
            "shared object file: No such file or directory");
}

TEST(SharedLibrary, NamesAFunctionTheLibraryLacks) {
  const SharedLibrary libc("libc.so.6", "libc6", "testing");
  EXPECT_EQ(missing([&] { libc.function<int (*)()>("hmicfrs_absent_function"); }),
            "cannot use libc.so.6, which testing needs: it has no function hmicfrs_absent_function (install the "
            "Debian package libc6)");
}

TEST(SharedLibrary, CallsTheFunctionsOfALibraryItOpened) {
  const SharedLibrary libc("libc.so.6", "libc6", "testing");
  const auto length = libc.function<decltype(&std::strlen)>("strlen");
  EXPECT_EQ(length("hmicfrs"), 7U);
}

}  // namespace
}  // namespace hmicfrs::lazy
