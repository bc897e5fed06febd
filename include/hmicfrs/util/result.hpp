#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hmicfrs::util {

// Why an operation produced no value, in words fit to show a user.
struct Error {
  std::string message;
};

// A value, or the Error saying why there is none (std::expected is C++23).
template <class T>
class Result {
 public:
  Result(T value) : m_state(std::move(value)) {}
  Result(Error error) : m_state(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(m_state); }
  T&& value() && { return std::get<T>(std::move(m_state)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const std::string& error() const { return std::get<Error>(m_state).message; }

 private:
  std::variant<T, Error> m_state;
};

}  // namespace hmicfrs::util
