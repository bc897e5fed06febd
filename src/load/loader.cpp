#include <hmicfrs/load/loader.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <system_error>

#include <fmt/format.h>

#include <hmicfrs/load/decode.hpp>

namespace hmicfrs::load {
namespace fs = std::filesystem;
namespace {

using diag::Code;

constexpr std::string_view k_config_name = "hmicfrs-track.yaml";
constexpr std::string_view k_committees_name = "committees.yaml";
constexpr std::string_view k_builtin_path = "<built-in>/peel-cycles.yaml";

std::shared_ptr<const std::string> shown_path(const fs::path& root, const fs::path& relative) {
  if (relative.empty()) return std::make_shared<const std::string>(root.empty() ? "." : root.generic_string());
  return std::make_shared<const std::string>((root / relative).generic_string());
}

bool is_yaml(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// Merges cycle definitions into the catalogue: new cycles are added, known ones
// gain areas. Reports what contradicts the catalogue.
void merge_cycles(model::Catalogue& catalogue, std::vector<CycleDefinition> definitions,
                  diag::Diagnostics& diagnostics) {
  for (CycleDefinition& definition : definitions) {
    model::PeelCycle& incoming = definition.cycle;
    model::PeelCycle* known = nullptr;
    for (model::PeelCycle& cycle : catalogue.cycles) {
      if (cycle.id == incoming.id) known = &cycle;
    }
    if (known == nullptr) {
      for (const auto& [given, field] :
           {std::pair{definition.has_name, "name"}, std::pair{definition.has_scale, "scale"}}) {
        if (!given) {
          diagnostics.error(incoming.location,
                            fmt::format("missing required field '{}' in PEEL cycle '{}', which is not a built-in one",
                                        field, incoming.id),
                            Code::missing_field);
        }
      }
      known = &catalogue.cycles.emplace_back(incoming);
      known->areas.clear();
    } else if (definition.has_scale && incoming.scale != known->scale) {
      auto& d = diagnostics.error(incoming.location,
                                  fmt::format("PEEL cycle '{}' is graded on the {} scale, not {}", known->id,
                                              model::name_of(known->scale), model::name_of(incoming.scale)),
                                  Code::invalid_value);
      d.notes.push_back({known->location, "the cycle is defined here"});
    }
    for (model::PeelArea& area : incoming.areas) {
      if (const model::PeelArea* first = known->find_area(area.id)) {
        auto& d =
            diagnostics.error(area.location, fmt::format("duplicate area '{}' in PEEL cycle '{}'", area.id, known->id),
                              Code::duplicate_id);
        d.notes.push_back({first->location, "first defined here"});
        continue;
      }
      known->areas.push_back(std::move(area));
    }
  }
}

// Reads a regular file of at most `max_bytes`; never opens anything else (a
// FIFO would block, a directory cannot be read).
std::optional<std::string> read_file(const fs::path& path, const std::shared_ptr<const std::string>& shown,
                                     const Limits& limits, LoadResult& result) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  auto fail = [&](std::string message) {
    result.diagnostics.error(diag::file_location(shown), std::move(message), Code::read_error);
    result.read_failure = true;
    return std::nullopt;
  };
  if (ec) return fail(fmt::format("cannot read: {}", ec.message()));
  if (fs::is_directory(status)) return fail("is a directory, not a YAML file");
  if (!fs::is_regular_file(status)) return fail("is not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return fail(fmt::format("cannot read: {}", ec.message()));
  if (size > limits.max_file_bytes) {
    result.diagnostics.error(
        diag::file_location(shown),
        fmt::format("the file is {} bytes, more than the limit of {} bytes", size, limits.max_file_bytes),
        Code::limit_exceeded);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad()) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// The built-in catalogue, decoded once per process (it never changes), with
// whatever it reported, so that a broken catalogue still shows.
struct BuiltinCatalogue {
  model::Catalogue catalogue;
  diag::Diagnostics diagnostics;
};

const BuiltinCatalogue& builtin_catalogue() {
  static const BuiltinCatalogue builtin = [] {
    BuiltinCatalogue out;
    const auto path = std::make_shared<const std::string>(k_builtin_path);
    // Our own reference data: a register's limits do not apply to it.
    if (const auto tree = parse_yaml(builtin_peel_cycles_yaml(), path, Limits{}, out.diagnostics)) {
      merge_cycles(out.catalogue, decode_peel_cycles(*tree, path, out.diagnostics), out.diagnostics);
    }
    return out;
  }();
  return builtin;
}

}  // namespace

FileKind classify(const fs::path& relative) {
  if (!is_yaml(relative)) return FileKind::not_yaml;
  const auto parts = std::vector<fs::path>(relative.begin(), relative.end());
  if (parts.size() == 1 && relative == k_config_name) return FileKind::config;
  if (parts.size() == 1 && relative == k_committees_name) return FileKind::committees;
  if (parts.size() >= 2 && parts.front() == "inspections") return FileKind::inspection;
  if (parts.size() == 2 && parts.front() == "peel-frameworks") return FileKind::peel_framework;
  return FileKind::unrecognised;
}

LoadResult load_sources(const fs::path& root, std::vector<SourceFile> sources, const Limits& limits) {
  LoadResult result;
  model::Dataset& dataset = result.dataset;
  std::sort(sources.begin(), sources.end(), [](const SourceFile& a, const SourceFile& b) {
    return a.relative.generic_string() < b.relative.generic_string();
  });

  const BuiltinCatalogue& builtin = builtin_catalogue();
  dataset.catalogue = builtin.catalogue;
  for (const diag::Diagnostic& d : builtin.diagnostics.items())
    result.diagnostics.add(d.severity, d.location, d.message, d.code).notes = d.notes;

  bool has_config = false;
  std::vector<CycleDefinition> extra_cycles;
  for (SourceFile& source : sources) {
    const FileKind kind = classify(source.relative);
    if (kind == FileKind::not_yaml) continue;
    const auto path = shown_path(root, source.relative);
    if (kind == FileKind::unrecognised) {
      result.diagnostics.warning(
          diag::file_location(path),
          "not a file of the register, so it is not read: the register reads hmicfrs-track.yaml, committees.yaml, "
          "inspections/**/*.yaml and peel-frameworks/*.yaml",
          Code::unrecognised_file);
      continue;
    }
    const auto tree = parse_yaml(source.bytes, path, limits, result.diagnostics);
    source.bytes = std::string();  // the tree is all that is needed now
    if (kind == FileKind::config) has_config = true;
    if (!tree) {
      result.incomplete = result.incomplete || kind == FileKind::inspection;
      continue;
    }
    switch (kind) {
      case FileKind::config:
        if (auto config = decode_config(*tree, path, result.diagnostics)) dataset.config = std::move(*config);
        break;
      case FileKind::committees: dataset.meetings = decode_committees(*tree, path, result.diagnostics); break;
      case FileKind::inspection:
        if (auto inspection = decode_inspection(*tree, path, result.diagnostics)) {
          dataset.inspections.push_back(std::move(*inspection));
        } else {
          result.incomplete = true;
        }
        break;
      case FileKind::peel_framework: {
        auto cycles = decode_peel_cycles(*tree, path, result.diagnostics);
        std::move(cycles.begin(), cycles.end(), std::back_inserter(extra_cycles));
        break;
      }
      case FileKind::unrecognised:
      case FileKind::not_yaml: break;
    }
  }
  merge_cycles(dataset.catalogue, std::move(extra_cycles), result.diagnostics);

  if (!has_config) {
    result.diagnostics.error(diag::file_location(shown_path(root, fs::path(k_config_name))),
                             "the data directory has no hmicfrs-track.yaml: every register starts with one "
                             "(see docs/data-format.md)",
                             Code::missing_file);
  }
  return result;
}

LoadResult load_dataset(const fs::path& root, const Limits& limits) {
  LoadResult failed;
  const fs::path walk_root = root.empty() ? fs::path(".") : root;
  std::vector<SourceFile> sources;
  std::vector<fs::path> files;

  std::error_code ec;
  fs::recursive_directory_iterator it(walk_root, ec);
  const fs::recursive_directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    if (!is_yaml(path)) continue;
    files.push_back(path.lexically_relative(walk_root));
    if (files.size() > limits.max_files) {
      failed.diagnostics.error(diag::file_location(shown_path(root, "")),
                               fmt::format("more than {} YAML files in the data directory", limits.max_files),
                               Code::limit_exceeded);
      return failed;
    }
  }
  if (ec) {
    const fs::path where = it == end ? walk_root : it->path();
    failed.diagnostics.error(diag::file_location(std::make_shared<const std::string>(where.generic_string())),
                             fmt::format("cannot read the directory: {}", ec.message()), Code::read_error);
    failed.read_failure = true;
    return failed;
  }

  std::sort(files.begin(), files.end());
  LoadResult unreadable;
  for (const fs::path& relative : files) {
    if (classify(relative) == FileKind::unrecognised) {
      sources.push_back(SourceFile{relative, {}});
      continue;
    }
    if (auto bytes = read_file(walk_root / relative, shown_path(root, relative), limits, unreadable)) {
      sources.push_back(SourceFile{relative, std::move(*bytes)});
    }
  }
  LoadResult result = load_sources(root, std::move(sources), limits);
  result.diagnostics.append(std::move(unreadable.diagnostics));
  result.read_failure = result.read_failure || unreadable.read_failure;
  result.incomplete = result.incomplete || unreadable.read_failure;
  return result;
}

util::Result<fs::path> find_data_dir(const std::optional<std::string>& explicit_dir,
                                     const std::optional<std::string>& env_dir) {
  const auto given = explicit_dir ? explicit_dir : env_dir;
  if (given) {
    const fs::path dir(*given);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      return util::Error{fmt::format("cannot read the data directory '{}': {}", *given,
                                     ec ? ec.message() : std::string("not a directory"))};
    }
    return dir;
  }
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  if (ec) return util::Error{fmt::format("cannot tell the current directory: {}", ec.message())};
  fs::path upwards;
  while (true) {
    if (fs::is_regular_file(here / k_config_name, ec)) return upwards;
    if (fs::is_regular_file(here / "data" / k_config_name, ec)) return upwards / "data";
    if (here == here.root_path() || !here.has_relative_path()) break;
    here = here.parent_path();
    upwards /= "..";
  }
  return util::Error{std::string(
      "no data directory found: pass --data DIR, set HMICFRS_TRACK_DATA, or run inside a register (a directory "
      "holding hmicfrs-track.yaml)")};
}

}  // namespace hmicfrs::load
