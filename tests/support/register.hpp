#pragma once

#include <map>
#include <string>
#include <vector>

#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/model/date.hpp>

namespace hmicfrs::test {

// A date written in a test; the test fails to build a value when it is invalid.
model::Date date(std::string_view text);

// An in-memory register for tests: a valid configuration (portfolios "crime"
// and "people") and committees file to start from, plus the files a test adds.
class Register {
 public:
  Register();

  // Adds or replaces the file at `relative` (a path inside the register).
  Register& file(const std::string& relative, std::string contents);
  Register& remove(const std::string& relative);

  // Loads and checks the register as of `as_of`, diagnostics sorted.
  load::LoadResult load(const std::string& as_of = "2022-03-31") const;

  // The diagnostics of load(as_of), one text line each (notes included),
  // without the count line.
  std::vector<std::string> diagnostics(const std::string& as_of = "2022-03-31") const;

 private:
  std::map<std::string, std::string> m_files;
};

// The diagnostics as `validate` writes them, one line each, without the count line.
std::vector<std::string> lines(const diag::Diagnostics& diagnostics);

// `expected` unchanged, after recording the codes it asserts (see coverage.hpp).
std::vector<std::string> asserted(std::vector<std::string> expected);

}  // namespace hmicfrs::test
