#pragma once

// What the commands share: the streams, the environment, the global options,
// how failures are reported, loading the register, and writing output.
// Private to cli/.

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>

#include <hmicfrs/cli/run.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/render/views.hpp>

namespace hmicfrs::cli {

// Options every command takes (SPEC §5).
struct GlobalOptions {
  std::string data;
  std::string as_of;
  std::string color = "auto";
};

// Where and how a command writes its result.
struct OutputOptions {
  std::string format;  // empty: from -o's extension, else text
  std::string file;    // empty: standard output
};

struct Context {
  std::ostream& out;
  std::ostream& err;
  const Environment& environment;
  GlobalOptions global;
};

// A problem with how the tool was called (exit 2), with the data (exit 1,
// diagnostics already printed) or with reading and writing (exit 3),
// reported once by run().
struct Failure {
  int status;
  std::string message;
};

// Whether to colour text written to the terminal.
bool use_color(const Context& context);

// --as-of, or today. A malformed date is a usage error.
model::Date as_of_date(const Context& context);

// A date given to an option other than --as-of.
model::Date date_option(std::string_view option, const std::string& text);

// The register, found and loaded, and checked as of `as_of`.
struct Loaded {
  std::filesystem::path root;
  load::LoadResult result;
};
Loaded load_checked(const Context& context, const model::Date& as_of);

// Loads and checks the register; when it has errors, prints them to stderr
// and fails with status 1, so that nothing is rendered from bad data.
Loaded load_valid(const Context& context, const model::Date& as_of);

// Chooses the format (--format, else -o's extension, else `fallback`) among
// those `supported`, then writes what `write` produces to stdout, or
// atomically to the -o file (never inside the data directory `root`).
void emit(const Context& context, const OutputOptions& options, std::span<const render::Format> supported,
          const std::filesystem::path& root, const std::function<void(std::ostream&, const render::Output&)>& write,
          render::Format fallback = render::Format::text);

// The name of a format: "text", "md", "json", "csv", "html".
std::string_view format_name(render::Format format);

// Writes `content` to `target` through a temporary file beside it and a
// rename, so that the target is either untouched or complete.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace hmicfrs::cli
