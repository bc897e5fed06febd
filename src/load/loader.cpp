#include <hmicfrs/load/loader.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include <hmicfrs/util/docs.hpp>
#include <hmicfrs/util/parallel.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "compiled_catalogue.hpp"
#include "decode.hpp"
#include "file_read.hpp"
#include "record_cache.hpp"

namespace hmicfrs::load {
namespace fs = std::filesystem;
namespace {

using diag::Code;

constexpr std::string_view k_config_name = "hmicfrs-track.yaml";
constexpr std::string_view k_committees_name = "committees.yaml";
constexpr std::string_view k_builtin_path = "<built-in>/peel-cycles.yaml";

diag::SourceName shown_path(const fs::path& root, const fs::path& relative) {
  if (relative.empty()) return diag::source_name(root.empty() ? "." : root.generic_string());
  return diag::source_name((root / relative).generic_string());
}

bool is_yaml(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// The areas of a cycle whose list the catalogue holds as confirmed, before a
// register adds to it: each addition is noted, with the id it may be a slip for.
class ConfirmedAreas {
 public:
  explicit ConfirmedAreas(const model::PeelCycle& cycle)
      : m_cycle_id(cycle.id), m_cycle_name(cycle.name), m_ids(ids_of(cycle)), m_suggester(views(m_ids)) {}

  // A note; a warning when the id is close to one of the cycle's, as a slip is likelier than a new area.
  void note_addition(const model::PeelArea& area, diag::Diagnostics& diagnostics) const {
    const std::string suggestion = m_suggester.did_you_mean(area.id);
    std::string message = fmt::format(
        "area '{}' is this register's own addition to {}, whose areas the catalogue holds as confirmed "
        "(`peel --areas --cycle {}` lists them){}",
        area.id, m_cycle_name, m_cycle_id, suggestion);
    if (suggestion.empty()) {
      diagnostics.note(area.location, std::move(message), Code::area_added);
    } else {
      diagnostics.warning(area.location, std::move(message), Code::area_added);
    }
  }

 private:
  static std::vector<std::string> ids_of(const model::PeelCycle& cycle) {
    std::vector<std::string> ids;
    for (const model::PeelArea& area : cycle.areas) ids.push_back(area.id);
    return ids;
  }
  static std::vector<std::string_view> views(const std::vector<std::string>& ids) { return {ids.begin(), ids.end()}; }

  std::string m_cycle_id;
  std::string m_cycle_name;
  std::vector<std::string> m_ids;  // copies: the cycle's own list grows while this is in use
  util::Suggester m_suggester;
};

// Merges cycle definitions into the catalogue: new cycles are added, known ones
// gain areas. Reports what contradicts the catalogue.
void merge_cycles(model::Catalogue& catalogue, std::vector<CycleDefinition> definitions,
                  diag::Diagnostics& diagnostics) {
  // Positions by id, kept as cycles and areas are added, so that a long framework costs n log n.
  std::map<std::string, std::size_t, std::less<>> cycle_at;
  for (std::size_t i = 0; i < catalogue.cycles.size(); ++i) cycle_at.emplace(catalogue.cycles[i].id, i);
  std::map<std::size_t, std::map<std::string, std::size_t, std::less<>>> area_at;  // per cycle position
  for (CycleDefinition& definition : definitions) {
    model::PeelCycle& incoming = definition.cycle;
    auto [where, added] = cycle_at.emplace(incoming.id, catalogue.cycles.size());
    if (added) {
      for (const auto& [given, field] :
           {std::pair{definition.has_name, "name"}, std::pair{definition.has_scale, "scale"}}) {
        if (!given) {
          diagnostics.error(incoming.location,
                            fmt::format("missing required field '{}' in PEEL cycle '{}', which is not a built-in one",
                                        field, incoming.id),
                            Code::missing_field);
        }
      }
      catalogue.cycles.emplace_back(incoming).areas.clear();
    }
    model::PeelCycle& known = catalogue.cycles[where->second];
    if (!added && definition.has_scale && incoming.scale != known.scale) {
      auto& d = diagnostics.error(incoming.location,
                                  fmt::format("PEEL cycle '{}' is graded on the {} scale, not {}", known.id,
                                              model::name_of(known.scale), model::name_of(incoming.scale)),
                                  Code::invalid_value);
      d.notes.push_back({known.location, "the cycle is defined here"});
    }
    auto& areas = area_at[where->second];
    if (areas.empty()) {
      for (std::size_t i = 0; i < known.areas.size(); ++i) areas.emplace(known.areas[i].id, i);
    }
    // A cycle whose area list is confirmed gains areas only as a local choice or by a slip: say which it may be.
    std::optional<ConfirmedAreas> confirmed;
    if (!added && known.areas_confirmed && !incoming.areas.empty()) confirmed.emplace(known);
    if (definition.has_areas_confirmed) known.areas_confirmed = incoming.areas_confirmed;
    for (model::PeelArea& area : incoming.areas) {
      const auto [first, fresh] = areas.emplace(area.id, known.areas.size());
      if (!fresh) {
        auto& d =
            diagnostics.error(area.location, fmt::format("duplicate area '{}' in PEEL cycle '{}'", area.id, known.id),
                              Code::duplicate_id);
        d.notes.push_back({known.areas[first->second].location, "first defined here"});
        continue;
      }
      if (confirmed) confirmed->note_addition(area, diagnostics);
      known.areas.push_back(std::move(area));
    }
  }
}

// What one file contributes, worked out on its own (in any thread).
struct FileOutcome {
  FileKind kind = FileKind::not_yaml;
  FileRecords records;
  bool read_failure = false;
  bool cached = false;  // what it gave was added to the parse cache

  // An inspection file that gave no inspection.
  bool incomplete() const { return kind == FileKind::inspection && !records.inspection; }
};

// Reads a regular file of at most the size limit (read_regular_file: a FIFO
// is refused rather than waited on), each problem a located diagnostic.
std::optional<std::string> read_file(const fs::path& path, diag::SourceName shown, const Limits& limits,
                                     FileOutcome& outcome) {
  FileRead read = read_regular_file(path, limits.max_file_bytes);
  auto fail = [&](std::string message) {
    outcome.records.diagnostics.error(diag::file_location(shown), std::move(message), Code::read_error);
    outcome.read_failure = true;
    return std::nullopt;
  };
  switch (read.problem) {
    case FileRead::Problem::none: return std::move(read.bytes);
    case FileRead::Problem::directory: return fail("is a directory, not a YAML file");
    case FileRead::Problem::not_regular: return fail("is not a regular file");
    case FileRead::Problem::too_large:
      outcome.records.diagnostics.error(
          diag::file_location(shown),
          fmt::format("the file is {} bytes, more than the limit of {} bytes", read.size, limits.max_file_bytes),
          Code::limit_exceeded);
      return std::nullopt;
    case FileRead::Problem::cannot_open:
    case FileRead::Problem::cannot_read: break;
  }
  return fail(fmt::format("cannot read: {}", std::strerror(read.error)));
}

// ": did you mean inspections/?" and the like, for a YAML file in no recognised place.
std::string where_it_belongs(const fs::path& relative) {
  const std::vector<fs::path> parts(relative.begin(), relative.end());
  if (parts.size() == 1) {
    constexpr std::array<std::string_view, 2> k_files{k_config_name, k_committees_name};
    const std::string hint = util::did_you_mean(relative.string(), k_files);
    return hint.empty() ? ": an inspection's file goes in inspections/" : hint;
  }
  constexpr std::array<std::string_view, 2> k_folders{"inspections", "peel-frameworks"};
  const std::string folder = parts.front().string();
  if (folder == "peel-frameworks") return ": peel-frameworks/ holds files, not folders";
  const auto nearest = util::closest_match(folder, k_folders);
  return nearest ? fmt::format(": did you mean {}/?", *nearest) : std::string();
}

// Parses and decodes the bytes of a file of `kind`.
FileRecords decode_file(std::string_view bytes, FileKind kind, diag::SourceName path, const Limits& limits) {
  FileRecords out;
  const std::optional<Node> tree = parse_yaml(bytes, path, limits, out.diagnostics);
  if (!tree) return out;
  switch (kind) {
    case FileKind::config: out.config = decode_config(*tree, path, out.diagnostics); break;
    case FileKind::committees: out.meetings = decode_committees(*tree, path, out.diagnostics); break;
    case FileKind::inspection: out.inspection = decode_inspection(*tree, path, out.diagnostics); break;
    case FileKind::peel_framework: out.cycles = decode_peel_cycles(*tree, path, out.diagnostics); break;
    case FileKind::unrecognised:
    case FileKind::not_yaml: break;
  }
  return out;
}

// Empties (and frees) the wording of an inspection's records, for a command that shows none of it.
void leave_out_wording(model::Inspection& inspection) {
  const auto free = [](model::Text& text) { text = {}; };
  free(inspection.title);
  free(inspection.summary);
  for (model::FieldworkPhase& phase : inspection.phases) free(phase.note);
  for (model::InspectionEvent& event : inspection.events) free(event.note);
  if (inspection.gradings) {
    for (model::Grading& grading : inspection.gradings->areas) free(grading.narrative);
  }
  for (model::Finding& finding : inspection.findings) {
    free(finding.title);
    free(finding.text);
    for (model::HistoryEntry& entry : finding.history) free(entry.note);
  }
}

// Classifies, reads (through `read`) and decodes one file, or takes what it
// gave from the parse cache, whose entry keeps the wording whatever `wording` says.
// Its bytes and tree are gone when this returns: only the records stay.
template <class Read>
FileOutcome process_file(const fs::path& root, const fs::path& relative, const Limits& limits, Read read,
                         const RecordCache* cache = nullptr, Wording wording = Wording::kept) {
  FileOutcome out;
  out.kind = classify(relative);
  if (out.kind == FileKind::not_yaml) return out;
  const auto path = shown_path(root, relative);
  if (out.kind == FileKind::unrecognised) {
    out.records.diagnostics.error(
        diag::file_location(path),
        fmt::format("the register reads no file here, so what this one holds would be lost{} (it "
                    "reads hmicfrs-track.yaml, committees.yaml, inspections/**/*.yaml and "
                    "peel-frameworks/*.yaml)",
                    where_it_belongs(relative)),
        Code::unrecognised_file);
    return out;
  }
  const std::optional<std::string> bytes = read(path, out);
  if (!bytes) return out;
  std::optional<FileRecords> found;
  if (cache != nullptr) found = cache->find(*bytes, out.kind, limits, path);
  if (found) {
    out.records = std::move(*found);
  } else {
    out.records = decode_file(*bytes, out.kind, path, limits);
    if (cache != nullptr) out.cached = cache->store(*bytes, out.kind, limits, out.records, path);
  }
  if (wording == Wording::left_out && out.records.inspection) leave_out_wording(*out.records.inspection);
  return out;
}

// Orders paths as the register is listed everywhere: by their text.
bool path_order(const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); }

// Sorts `paths` in path_order, making each path's text once rather than at every comparison.
void sort_paths(std::vector<fs::path>& paths) {
  std::vector<std::pair<std::string, fs::path>> keyed;
  keyed.reserve(paths.size());
  for (fs::path& path : paths) keyed.emplace_back(path.generic_string(), std::move(path));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < paths.size(); ++i) paths[i] = std::move(keyed[i].second);
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
    // Decoded at build time (compiled_catalogue.hpp): only the records are made here.
    merge_cycles(out.catalogue, compiled_peel_cycles(diag::source_name(k_builtin_path)), out.diagnostics);
    return out;
  }();
  return builtin;
}

// Processes every file with `process(i)`, in parallel; the built-in catalogue
// is decoded alongside, as the first job, rather than alone after them all.
template <class Process>
std::vector<FileOutcome> process_all(std::size_t count, Process process) {
  std::vector<FileOutcome> outcomes(count);
  util::for_each_index(count + 1, [&](std::size_t i) {
    if (i == 0) {
      builtin_catalogue();
    } else {
      outcomes[i - 1] = process(i - 1);
    }
  });
  return outcomes;
}

// Puts the files' outcomes, in path order, together into one result.
LoadResult merge(const fs::path& root, std::vector<FileOutcome> outcomes) {
  LoadResult result;
  model::Dataset& dataset = result.dataset;
  const BuiltinCatalogue& builtin = builtin_catalogue();
  dataset.catalogue = builtin.catalogue;
  for (const diag::Diagnostic& d : builtin.diagnostics.items()) {
    result.diagnostics.add(d.severity, d.location, d.message, d.code).notes = d.notes;
  }
  bool has_config = false;
  std::vector<CycleDefinition> extra_cycles;
  dataset.inspections.reserve(outcomes.size());
  for (FileOutcome& outcome : outcomes) {
    has_config = has_config || outcome.kind == FileKind::config;
    result.read_failure = result.read_failure || outcome.read_failure;
    result.incomplete = result.incomplete || outcome.incomplete();
    FileRecords& records = outcome.records;
    result.diagnostics.append(std::move(records.diagnostics));
    if (records.config) dataset.config = std::move(*records.config);
    if (outcome.kind == FileKind::committees) dataset.meetings = std::move(records.meetings);
    if (records.inspection) dataset.inspections.push_back(std::move(*records.inspection));
    std::move(records.cycles.begin(), records.cycles.end(), std::back_inserter(extra_cycles));
  }
  std::vector<FileOutcome>().swap(outcomes);  // emptied: freed before the indexes are built
  merge_cycles(dataset.catalogue, std::move(extra_cycles), result.diagnostics);
  resolve_ratings(dataset, result.diagnostics);
  dataset.index();
  // Once a run, where YAML is first written wrong: where to learn to write it.
  constexpr std::array k_writing_mistakes{Code::yaml_syntax,
                                          Code::yaml_tab,
                                          Code::yaml_duplicate_key,
                                          Code::yaml_anchor,
                                          Code::yaml_tag,
                                          Code::yaml_non_scalar_key,
                                          Code::yaml_multiple_documents,
                                          Code::unquoted_comma};
  if (diag::Diagnostic* first = result.diagnostics.first_with(k_writing_mistakes)) {
    first->notes.push_back(
        {first->location, fmt::format("new to YAML? {} shows how to write these files and explains this message",
                                      util::guide("yaml-primer.md"))});
  }
  if (!has_config) {
    result.diagnostics.error(diag::file_location(shown_path(root, fs::path(k_config_name))),
                             fmt::format("the data directory has no hmicfrs-track.yaml: every register starts with "
                                         "one; see {}",
                                         util::guide("data-format.md")),
                             Code::missing_file);
  }
  return result;
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
  std::sort(sources.begin(), sources.end(),
            [](const SourceFile& a, const SourceFile& b) { return path_order(a.relative, b.relative); });
  return merge(root, process_all(sources.size(), [&](std::size_t i) {
                 return process_file(root, sources[i].relative, limits, [&](const auto&, FileOutcome&) {
                   return std::optional<std::string>(std::move(sources[i].bytes));
                 });
               }));
}

namespace {

// The YAML files of a register, found by walking it: hidden entries are
// skipped; a symbolic link is followed only when where it leads lies inside
// the register (and a directory only once), else it is an error naming the
// link, and what it leads to is never opened; a directory that cannot be read
// is an error naming it.
class RegisterWalk {
 public:
  RegisterWalk(const fs::path& root, const fs::path& walk_root, const Limits& limits)
      : m_root(root), m_walk_root(walk_root), m_limits(limits) {}

  // What stopped the walk, or the links it refused: to report with the register.
  LoadResult& problems() { return m_problems; }

  // The files' paths relative to the register, or nothing when the walk failed.
  std::optional<std::vector<fs::path>> files() {
    std::error_code ec;
    m_real_root = fs::canonical(m_walk_root, ec);
    if (ec) return read_error(shown_path(m_root, ""), fmt::format("cannot read the data directory: {}", ec.message()));
    std::vector<fs::path> pending{fs::path()};
    while (!pending.empty()) {
      const fs::path directory = std::move(pending.back());
      pending.pop_back();
      if (!list(directory, pending)) return std::nullopt;
    }
    return std::move(m_files);
  }

 private:
  // Takes in the entries of one directory; false when the walk must stop.
  bool list(const fs::path& directory, std::vector<fs::path>& pending) {
    std::error_code ec;
    std::vector<fs::path> subdirectories;
    for (fs::directory_iterator it(m_walk_root / directory, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path relative = directory / it->path().filename();
      if (relative.filename().string().starts_with(".")) continue;
      // The entry's type as the directory listing gave it: no call to stat for each file.
      const bool link = it->is_symlink(ec);
      if (ec) break;
      bool directory = false;  // what the entry is, or what it leads to
      if (link) {
        const fs::path target = fs::canonical(it->path(), ec);
        if (ec) {                                     // a link that leads nowhere, or round in a loop
          if (is_yaml(relative)) add_file(relative);  // reading it says why it cannot be read
          ec.clear();
          continue;
        }
        if (!inside(target, m_real_root)) {
          link_error(relative,
                     "is a symbolic link to a place outside the data directory, which is never read: "
                     "copy what it holds into the register instead");
          continue;
        }
        directory = fs::is_directory(target, ec);
        if (ec) break;
        // A folder of the register is read where it is; only a hidden one is read through a link, once.
        if (directory && (!hidden(target) || !m_visited.insert(target).second)) {
          link_error(relative, "is a symbolic link to a folder the register reads where it is: remove the link");
          continue;
        }
      } else {
        directory = it->is_directory(ec);
        if (ec) break;
      }
      // A directory named like a YAML file is taken as one, so that reading it says what it is.
      if (is_yaml(relative)) {
        if (!add_file(relative)) return false;
      } else if (directory) {
        subdirectories.push_back(relative);
      }
    }
    if (ec) {
      read_error(shown_path(m_root, directory), fmt::format("cannot read this directory: {}", ec.message()));
      return false;
    }
    // Depth first, in name order, as the files are then sorted anyway.
    std::sort(subdirectories.rbegin(), subdirectories.rend(), path_order);
    for (fs::path& subdirectory : subdirectories) pending.push_back(std::move(subdirectory));
    return true;
  }

  bool add_file(const fs::path& relative) {
    m_files.push_back(relative);
    if (m_files.size() <= m_limits.max_files) return true;
    m_problems.diagnostics.error(diag::file_location(shown_path(m_root, "")),
                                 fmt::format("more than {} YAML files in the data directory", m_limits.max_files),
                                 Code::limit_exceeded);
    return false;
  }

  void link_error(const fs::path& relative, std::string message) {
    m_problems.diagnostics.error(diag::file_location(shown_path(m_root, relative)), std::move(message),
                                 Code::read_error);
    m_problems.read_failure = true;
  }

  std::nullopt_t read_error(diag::SourceName where, std::string message) {
    m_problems.diagnostics.error(diag::file_location(std::move(where)), std::move(message), Code::read_error);
    m_problems.read_failure = true;
    return std::nullopt;
  }

  // Whether a path inside the register lies in a hidden folder, which the walk does not enter.
  bool hidden(const fs::path& target) const {
    for (const fs::path& part : target.lexically_relative(m_real_root)) {
      if (part.string().starts_with(".") && part != "." && part != "..") return true;
    }
    return false;
  }

  // Whether `path` (canonical) is `root` (canonical) or lies inside it.
  static bool inside(const fs::path& path, const fs::path& root) {
    const auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end();
  }

  const fs::path& m_root;
  const fs::path& m_walk_root;
  const Limits& m_limits;
  LoadResult m_problems;
  fs::path m_real_root;
  std::set<fs::path> m_visited;  // hidden folders already read through a link
  std::vector<fs::path> m_files;
};

constexpr std::uintmax_t k_word_template_limit = 20u << 20;

// The Word template's file, when the configuration names one that is a regular
// file inside the register; else a located error.
std::optional<fs::path> word_template_file(const fs::path& root, const model::Config& config,
                                           diag::Diagnostics& diagnostics) {
  const model::Located<std::string>& named = config.word_template;
  if (named.value.empty()) return std::nullopt;
  const auto fail = [&](const std::string& why) {
    diagnostics.error(named.location, fmt::format("word_template '{}' {}", named.value, why), Code::word_template);
    return std::nullopt;
  };
  const fs::path relative(named.value);
  const std::string extension = relative.extension().string();
  if (extension != ".docx" && extension != ".dotx") {
    return fail("is not a Word document or template: name a .docx or .dotx file");
  }
  const bool climbs = std::any_of(relative.begin(), relative.end(), [](const fs::path& part) { return part == ".."; });
  if (relative.is_absolute() || climbs) {
    return fail(
        "is outside the register: keep the template in the register and give its path from the folder "
        "that holds hmicfrs-track.yaml, as in templates/committee.dotx");
  }
  const fs::path base = root.empty() ? fs::path(".") : root;
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(base / relative, ec);
  const fs::path real_root = fs::weakly_canonical(base, ec);
  const auto [root_end, real_end] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (!ec && root_end != real_root.end()) return fail("leads outside the register through a symbolic link");
  const fs::file_status status = fs::status(base / relative, ec);
  if (ec || !fs::exists(status)) return fail("does not exist: give its path from the folder of hmicfrs-track.yaml");
  if (!fs::is_regular_file(status)) return fail("is not a file");
  const std::uintmax_t size = fs::file_size(base / relative, ec);
  if (ec || size > k_word_template_limit) return fail("is larger than 20 MiB, or cannot be read");
  return base / relative;
}

}  // namespace

std::optional<std::string> read_word_template(const fs::path& root, const model::Config& config,
                                              diag::Diagnostics& diagnostics) {
  const std::optional<fs::path> file = word_template_file(root, config, diagnostics);
  if (!file) return std::nullopt;
  FileRead read = read_regular_file(*file, k_word_template_limit);
  if (read.problem != FileRead::Problem::none || read.bytes.size() != read.size) {
    diagnostics.error(config.word_template.location,
                      fmt::format("word_template '{}' cannot be read: {}", config.word_template.value,
                                  std::strerror(read.error != 0 ? read.error : EIO)),
                      Code::word_template);
    return std::nullopt;
  }
  return std::move(read.bytes);
}

LoadResult load_dataset(const fs::path& root, const Limits& limits, const ParseCache& parse_cache, Wording wording,
                        const SourceFile* edited) {
  const fs::path walk_root = root.empty() ? fs::path(".") : root;
  RegisterWalk walk(root, walk_root, limits);
  std::optional<std::vector<fs::path>> found = walk.files();
  if (!found) return std::move(walk.problems());
  std::vector<fs::path>& files = *found;
  sort_paths(files);
  const std::optional<RecordCache> cache = RecordCache::open(parse_cache.directory, parse_cache.bound, walk_root);
  std::vector<FileOutcome> outcomes = process_all(files.size(), [&](std::size_t i) {
    return process_file(
        root, files[i], limits,
        [&](const auto& shown, FileOutcome& outcome) -> std::optional<std::string> {
          if (edited != nullptr && files[i] == edited->relative) return edited->bytes;
          return read_file(walk_root / files[i], shown, limits, outcome);
        },
        cache ? &*cache : nullptr, wording);
  });
  if (cache && std::any_of(outcomes.begin(), outcomes.end(), [](const FileOutcome& o) { return o.cached; })) {
    cache->trim();
  }
  LoadResult result = merge(root, std::move(outcomes));
  result.diagnostics.append(std::move(walk.problems().diagnostics));
  result.read_failure = result.read_failure || walk.problems().read_failure;
  word_template_file(root, result.dataset.config, result.diagnostics);
  return result;
}

LoadResult load_edited(const model::Dataset& dataset, const diag::Diagnostics& loading, const fs::path& root,
                       std::span<const SourceFile> edited, const Limits& limits) {
  std::set<diag::SourceName> shown;
  for (const SourceFile& file : edited) shown.insert(shown_path(root, file.relative));
  LoadResult result;
  for (const diag::Diagnostic& d : loading.items()) {
    if (shown.count(d.location.file) == 0) {
      result.diagnostics.add(d.severity, d.location, d.message, d.code).notes = d.notes;
    }
  }
  result.dataset = dataset;
  std::vector<model::Inspection>& inspections = result.dataset.inspections;
  for (const SourceFile& file : edited) {
    const diag::SourceName name = shown_path(root, file.relative);
    FileRecords records = decode_file(file.bytes, FileKind::inspection, name, limits);
    // Its ratings resolved against the register's words, as every inspection's are once all are in.
    model::Dataset alone;
    alone.config = dataset.config;
    if (records.inspection) {
      leave_out_wording(*records.inspection);
      alone.inspections.push_back(std::move(*records.inspection));
      resolve_ratings(alone, records.diagnostics);
    }
    result.diagnostics.append(std::move(records.diagnostics));
    const auto before = std::find_if(inspections.begin(), inspections.end(),
                                     [&](const model::Inspection& i) { return i.location.file == name; });
    if (alone.inspections.empty()) {
      result.incomplete = true;
      if (before != inspections.end()) inspections.erase(before);
    } else if (before != inspections.end()) {
      *before = std::move(alone.inspections.front());
    } else {
      inspections.push_back(std::move(alone.inspections.front()));
    }
  }
  result.dataset.index();
  return result;
}

model::Catalogue builtin_peel_catalogue() {
  // Indexed as a register's catalogue is, by the dataset that holds it; moving the cycles keeps the positions the
  // indexes hold.
  model::Dataset alone;
  alone.catalogue = builtin_catalogue().catalogue;
  alone.index();
  return std::move(alone.catalogue);
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
