#include <hmicfrs/render/diagnostics.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <hmicfrs/util/printable.hpp>

#include "tables.hpp"

namespace hmicfrs::render {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

std::string_view severity_colour(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::error: return "\x1b[1;31m";
    case diag::Severity::warning: return "\x1b[1;35m";
    case diag::Severity::note: return "\x1b[1;36m";
  }
  return k_bold;
}

// Paths are shown printable: a file name with a line break cannot start a line of its own.
std::string where(const diag::Location& location) {
  if (location.line <= 0) return util::printable(location.path());
  return fmt::format("{}:{}:{}", util::printable(location.path()), location.line, location.column);
}

void write_line(std::ostream& out, const diag::Location& location, diag::Severity severity, const std::string& message,
                std::string_view code, bool color) {
  const std::string_view name = diag::severity_name(severity);
  const std::string tag = code.empty() ? std::string() : fmt::format(" [{}]", code);
  const std::string text = util::printable(message);  // always one line
  if (color) {
    out << k_bold << where(location) << ":" << k_reset << " " << severity_colour(severity) << name << ":" << k_reset
        << " " << text << tag << "\n";
  } else {
    out << where(location) << ": " << name << ": " << text << tag << "\n";
  }
}

nlohmann::ordered_json position(const diag::Location& location) {
  nlohmann::ordered_json json{{"file", location.path()}, {"line", nullptr}, {"column", nullptr}};
  if (location.line > 0) {
    json["line"] = location.line;
    json["column"] = location.column;
  }
  return json;
}

}  // namespace

void write_diagnostics_text(std::ostream& out, const diag::Diagnostics& diagnostics, bool color) {
  for (const diag::Diagnostic& d : diagnostics.items()) {
    write_line(out, d.location, d.severity, d.message, diag::code_name(d.code), color);
    for (const diag::Note& note : d.notes) {
      write_line(out, note.location, diag::Severity::note, note.message, "", color);
    }
  }
  out << count_line(diagnostics) << "\n";
}

void write_diagnostics_json(std::ostream& out, const diag::Diagnostics& diagnostics) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const diag::Diagnostic& d : diagnostics.items()) {
    nlohmann::ordered_json item = position(d.location);
    item["severity"] = diag::severity_name(d.severity);
    item["code"] = diag::code_name(d.code);
    item["message"] = d.message;
    item["notes"] = nlohmann::ordered_json::array();
    for (const diag::Note& note : d.notes) {
      nlohmann::ordered_json json_note = position(note.location);
      json_note["message"] = note.message;
      item["notes"].push_back(std::move(json_note));
    }
    array.push_back(std::move(item));
  }
  // Paths may hold any bytes: write what is not UTF-8 as U+FFFD rather than fail.
  out << array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

std::string count_line(const diag::Diagnostics& diagnostics) {
  return fmt::format("{}, {}", count_phrase(diagnostics.count(diag::Severity::error), "error", "errors"),
                     count_phrase(diagnostics.count(diag::Severity::warning), "warning", "warnings"));
}

}  // namespace hmicfrs::render
