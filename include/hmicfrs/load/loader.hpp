#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/diag/diagnostic.hpp>
#include <hmicfrs/model/limits.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::load {

// Bounds on what the loader accepts, so that no input can make it run away.
struct Limits {
  std::size_t max_file_bytes = model::k_most_file_bytes;
  std::size_t max_scalar_bytes = model::k_most_value_bytes;
  std::size_t max_nodes_per_file = model::k_most_values_per_file;
  int max_depth = 64;
  std::size_t max_files = 100'000;
};

// What a file holds, from where it sits in the data directory (SPEC §3).
enum class FileKind { config, committees, inspection, peel_framework, unrecognised, not_yaml };

// The kind of the file at `relative` (a path inside the data directory).
FileKind classify(const std::filesystem::path& relative);

// One file's bytes with its path inside the data directory.
struct SourceFile {
  std::filesystem::path relative;
  std::string bytes;
};

// What loading a register produced: the records that could be decoded and
// every problem found on the way.
struct LoadResult {
  model::Dataset dataset;
  diag::Diagnostics diagnostics;
  bool read_failure = false;  // some file or directory could not be read
  bool incomplete = false;    // some inspection file gave no inspection
};

// Loads every file of the register at `root`. Paths in diagnostics are `root`
// joined with each file's relative path, so they read as the user gave them.
// Where what the register's files give is kept between runs, so that a file
// unchanged since is not parsed again (src/load/record_cache.hpp). It holds at
// most about `bound` bytes; an empty directory keeps nothing, and so does a
// folder that is not the user's alone or overlaps the register.
struct ParseCache {
  std::filesystem::path directory;
  std::uintmax_t bound = std::uintmax_t{1} << 30;
};

// Whether the records keep the wording that only outputs show: titles, findings' texts, history notes,
// inspections' summaries, PEEL narratives, and the notes of fieldwork phases and events. No check reads it, so
// `validate` leaves it out: it is most of a register's words. The parse cache holds it either way.
enum class Wording { kept, left_out };

// `edited`, when given, is read in place of the bytes of the file at its path (as the walk finds it): a register as
// it would be with one file changed, for a command that checks an edit before writing it.
LoadResult load_dataset(const std::filesystem::path& root, const Limits& limits = {}, const ParseCache& cache = {},
                        Wording wording = Wording::kept, const SourceFile* edited = nullptr);

// The bytes of the Word template the configuration names (`paper.word_template`):
// a .docx or .dotx file inside the register, of at most 20 MiB. Nothing when
// there is none; a `word-template` error when the path is not such a file.
// `load_dataset` checks the path; the bytes are read only for a Word paper.
std::optional<std::string> read_word_template(const std::filesystem::path& root, const model::Config& config,
                                              diag::Diagnostics& diagnostics);

// The register `dataset` holds (loaded from `root` with the wording left out, the loader's own problems in
// `loading`) as it would be with each of `edited`'s bytes in place of that inspection file's: each file decoded, its
// inspection put in place of the one it gave before, every other record and problem taken as it is rather than read
// again. How a command that edits files (`update`, `collect`) checks the result before writing it.
LoadResult load_edited(const model::Dataset& dataset, const diag::Diagnostics& loading,
                       const std::filesystem::path& root, std::span<const SourceFile> edited,
                       const Limits& limits = {});

// Loads a register from files already read; `root` only prefixes the paths shown.
LoadResult load_sources(const std::filesystem::path& root, std::vector<SourceFile> sources, const Limits& limits = {});

// The PEEL catalogue built into the program, indexed, as every register
// starts from before its peel-frameworks/ add to it: what `peel --areas`
// lists when no register is named or found.
model::Catalogue builtin_peel_catalogue();

// Where the register is: `explicit_dir` (--data), else `env_dir`
// ($HMICFRS_TRACK_DATA), else the nearest directory from the current one
// upwards that holds hmicfrs-track.yaml or data/hmicfrs-track.yaml, given
// relative to the current directory ("", "..", "../data", ...).
util::Result<std::filesystem::path> find_data_dir(const std::optional<std::string>& explicit_dir,
                                                  const std::optional<std::string>& env_dir);

}  // namespace hmicfrs::load
