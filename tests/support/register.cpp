#include "support/register.hpp"

#include <sstream>
#include <stdexcept>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/render/diagnostics.hpp>

#include "support/coverage.hpp"

namespace hmicfrs::test {

model::Date date(std::string_view text) {
  auto parsed = model::Date::parse(text);
  if (!parsed) throw std::invalid_argument(parsed.error());
  return *parsed;
}

Register::Register() {
  m_files["hmicfrs-track.yaml"] =
      "schema_version: 1\n"
      "force: {name: Test Constabulary}\n"
      "committee: {name: Joint Audit Committee}\n"
      "portfolios:\n"
      "  - {id: crime, name: Crime, lead: Assistant Chief Constable (Crime)}\n"
      "  - {id: people, name: People, lead: Director of People}\n";
  m_files["committees.yaml"] =
      "meetings:\n"
      "  - {id: 2021-12, date: 2021-12-22, agenda_item: \"06\"}\n"
      "  - {id: 2022-03, date: 2022-03-31, agenda_item: \"08\"}\n";
}

Register& Register::file(const std::string& relative, std::string contents) {
  m_files[relative] = std::move(contents);
  return *this;
}

Register& Register::remove(const std::string& relative) {
  m_files.erase(relative);
  return *this;
}

load::LoadResult Register::load(const std::string& as_of) const {
  std::vector<load::SourceFile> sources;
  for (const auto& [relative, contents] : m_files) sources.push_back({relative, contents});
  load::LoadResult result = load::load_sources("", std::move(sources));
  check::check_dataset(result.dataset, {date(as_of), result.incomplete}, result.diagnostics);
  result.diagnostics.sort();
  return result;
}

std::vector<std::string> Register::diagnostics(const std::string& as_of) const {
  return lines(load(as_of).diagnostics);
}

std::vector<std::string> lines(const diag::Diagnostics& diagnostics) {
  std::ostringstream text;
  render::write_diagnostics_text(text, diagnostics, false);
  std::vector<std::string> out;
  std::istringstream in(text.str());
  for (std::string line; std::getline(in, line);) out.push_back(line);
  out.pop_back();  // the count line
  return out;
}

std::vector<std::string> asserted(std::vector<std::string> expected) {
  for (const std::string& line : expected) note_asserted_codes(line);
  return expected;
}

}  // namespace hmicfrs::test
