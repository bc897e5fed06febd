#pragma once

// The failures a command reports: each becomes one message and an exit
// status, once, in run(). Any other exception is a bug in the program and
// is reported as an internal error. Private to cli/.

#include <stdexcept>
#include <string>

#include <hmicfrs/cli/run.hpp>

namespace hmicfrs::cli {

// A failure the user can act on, with the exit status it ends the run with.
class Failure : public std::runtime_error {
 public:
  Failure(int status, const std::string& message) : std::runtime_error(message), m_status(status) {}
  int status() const { return m_status; }

 private:
  int m_status;
};

// How the tool was called: an unknown option, a malformed date, a meeting that does not exist (exit 2).
struct UsageError : Failure {
  explicit UsageError(const std::string& message) : Failure(k_exit_usage, message) {}
};

// The register has errors; they are printed before this is thrown (exit 1).
struct DataError : Failure {
  explicit DataError(const std::string& message) : Failure(k_exit_invalid_data, message) {}
};

// A file or directory could not be read or written (exit 3).
struct IoError : Failure {
  explicit IoError(const std::string& message) : Failure(k_exit_io, message) {}
};

}  // namespace hmicfrs::cli
