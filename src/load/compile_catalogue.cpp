// Build step: turns data/peel-cycles.yaml into C++ that constructs the same
// records, so that the program starts without parsing its own reference data.
// The file is decoded by the register's own decoder, so every rule that
// checks a register's peel-frameworks/ file checks it too; any problem fails
// the build. tests/unit/catalogue_test.cpp compares the result with a fresh
// decoding of the file.
//
//     hmicfrs_compile_catalogue INPUT.yaml OUTPUT.cpp

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <xxhash.h>

#include "decode.hpp"

namespace {

using namespace hmicfrs;

// Bytes as a C++ string literal; octal escapes never run into the characters after them.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string location(const diag::Location& at) {
  return fmt::format("diag::file_location(path, {}, {})", at.line, at.column);
}

std::string cycle_code(const load::CycleDefinition& definition) {
  const model::PeelCycle& c = definition.cycle;
  std::string areas;
  for (const model::PeelArea& a : c.areas) {
    areas += fmt::format("      model::PeelArea{{{}, {}, {}, {}, {}, {}}},\n", literal(a.id), literal(a.short_label),
                         literal(a.long_label), literal(a.pillar), a.graded ? "true" : "false", location(a.location));
  }
  return fmt::format(
      "  {{\n"
      "    load::CycleDefinition& d = cycles.emplace_back();\n"
      "    d.has_name = {};\n    d.has_scale = {};\n    d.has_areas_confirmed = {};\n"
      "    d.cycle.id = {};\n    d.cycle.name = {};\n    d.cycle.scale = model::Scale::{};\n"
      "    d.cycle.source = {};\n    d.cycle.note = {};\n    d.cycle.areas_confirmed = {};\n"
      "    d.cycle.location = {};\n    d.cycle.areas = {{\n{}    }};\n  }}\n",
      definition.has_name, definition.has_scale, definition.has_areas_confirmed, literal(c.id), literal(c.name),
      c.scale == model::Scale::four_point ? "four_point" : "five_point", literal(c.source), literal(c.note),
      c.areas_confirmed, location(c.location), areas);
}

std::optional<std::string> contents(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream read;
  read << in.rdbuf();
  if (!in) return std::nullopt;
  return read.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: hmicfrs_compile_catalogue INPUT.yaml OUTPUT.cpp [DECODING-SOURCE...]\n";
    return 2;
  }
  const std::optional<std::string> input = contents(argv[1]);
  if (!input || input->empty()) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  const std::string& bytes = *input;
  // The digest the parse cache keys entries by: the catalogue and every source that shapes what decoding gives.
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (int i = 1; i < argc; ++i) {
    if (i == 2) continue;
    const std::optional<std::string> source = contents(argv[i]);
    if (!source) {
      std::cerr << argv[i] << ": cannot read\n";
      return 1;
    }
    const std::string size = std::to_string(source->size()) + "\n";
    XXH3_64bits_update(state, size.data(), size.size());
    XXH3_64bits_update(state, source->data(), source->size());
  }
  const XXH64_hash_t digest = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  const auto path = diag::source_name(argv[1]);
  diag::Diagnostics diagnostics;
  std::vector<load::CycleDefinition> cycles;
  if (const auto tree = load::parse_yaml(bytes, path, load::Limits{}, diagnostics)) {
    cycles = load::decode_peel_cycles(*tree, path, diagnostics);
  }
  if (!diagnostics.items().empty()) {
    for (const diag::Diagnostic& d : diagnostics.items()) {
      std::cerr << fmt::format("{}:{}:{}: {}\n", d.location.path(), d.location.line, d.location.column, d.message);
    }
    return 1;
  }
  std::ostringstream code;
  code << "// Generated from data/peel-cycles.yaml by src/load/compile_catalogue.cpp at build time: do not edit.\n"
          "#include \"compiled_catalogue.hpp\"\n\nnamespace hmicfrs::load {\n\n"
          "std::vector<CycleDefinition> compiled_peel_cycles(diag::SourceName path) {\n"
          "  std::vector<CycleDefinition> cycles;\n"
       << fmt::format("  cycles.reserve({});\n", cycles.size());
  for (const load::CycleDefinition& cycle : cycles) code << cycle_code(cycle);
  code << "  return cycles;\n}\n\n"
       << fmt::format("std::string_view decoder_digest() {{ return \"{:016x}\"; }}\n\n", digest)
       << "}  // namespace hmicfrs::load\n";
  std::ofstream out(argv[2], std::ios::binary);
  out << code.str();
  out.close();
  if (!out) {
    std::cerr << argv[2] << ": cannot write\n";
    return 1;
  }
  return 0;
}
