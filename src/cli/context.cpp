#include "context.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include <fmt/format.h>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/suggest.hpp>

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::pair<std::string_view, render::Format>, 8> k_formats{{
    {"text", render::Format::text},
    {"txt", render::Format::text},
    {"md", render::Format::markdown},
    {"markdown", render::Format::markdown},
    {"json", render::Format::json},
    {"csv", render::Format::csv},
    {"html", render::Format::html},
    {"htm", render::Format::html},
}};

std::optional<render::Format> format_named(std::string_view name) {
  for (const auto& [known, format] : k_formats) {
    if (known == name) return format;
  }
  return std::nullopt;
}

std::string supported_names(std::span<const render::Format> supported) {
  std::vector<std::string_view> names;
  for (const render::Format f : supported) names.push_back(format_name(f));
  return util::join_alternatives(names);
}

render::Format choose_format(const OutputOptions& options, std::span<const render::Format> supported,
                             render::Format fallback) {
  std::optional<render::Format> chosen;
  if (!options.format.empty()) {
    chosen = format_named(options.format);
    if (!chosen) throw Failure{k_exit_usage, fmt::format("--format: unknown format '{}'", options.format)};
  }
  if (!options.file.empty()) {
    const std::string extension = fs::path(options.file).extension().string();
    const auto from_extension = extension.empty() ? std::nullopt : format_named(extension.substr(1));
    if (!chosen && !from_extension) {
      throw Failure{k_exit_usage, fmt::format("-o {}: cannot tell the format from the extension '{}': give --format",
                                              options.file, extension)};
    }
    if (chosen && from_extension && *chosen != *from_extension) {
      throw Failure{k_exit_usage, fmt::format("-o {} names a {} file, but --format is {}", options.file,
                                              format_name(*from_extension), format_name(*chosen))};
    }
    if (!chosen) chosen = from_extension;
  }
  const render::Format format = chosen.value_or(fallback);
  if (std::find(supported.begin(), supported.end(), format) == supported.end()) {
    throw Failure{k_exit_usage,
                  fmt::format("this command writes {}, not {}", supported_names(supported), format_name(format))};
  }
  return format;
}

// Whether `path` is `root` or lies inside it.
bool inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(path), ec);
  const fs::path base = fs::weakly_canonical(fs::absolute(root.empty() ? fs::path(".") : root), ec);
  if (ec) return false;
  const auto [base_end, target_it] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  return base_end == base.end();
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::string_view format_name(render::Format format) {
  switch (format) {
    case render::Format::text: return "text";
    case render::Format::markdown: return "md";
    case render::Format::json: return "json";
    case render::Format::csv: return "csv";
    case render::Format::html: return "html";
  }
  return "text";
}

bool use_color(const Context& context) {
  if (context.global.color == "always") return true;
  if (context.global.color == "never") return false;
  const auto no_color = context.environment.variable("NO_COLOR");
  const auto term = context.environment.variable("TERM");
  return context.environment.stdout_is_terminal && !(no_color && !no_color->empty()) && term != "dumb";
}

model::Date date_option(std::string_view option, const std::string& text) {
  auto date = model::Date::parse(text);
  if (!date) throw Failure{k_exit_usage, fmt::format("{}: {}", option, date.error())};
  if (!date->has_day()) {
    throw Failure{k_exit_usage, fmt::format("{}: '{}' needs a day, as in {}-01", option, text, text)};
  }
  return *date;
}

model::Date as_of_date(const Context& context) {
  if (context.global.as_of.empty()) return context.environment.today;
  return date_option("--as-of", context.global.as_of);
}

Loaded load_checked(const Context& context, const model::Date& as_of) {
  const std::optional<std::string> explicit_dir =
      context.global.data.empty() ? std::nullopt : std::optional(context.global.data);
  const auto root = load::find_data_dir(explicit_dir, context.environment.variable("HMICFRS_TRACK_DATA"));
  if (!root) throw Failure{k_exit_io, root.error()};
  Loaded loaded{*root, load::load_dataset(*root)};
  check::check_dataset(loaded.result.dataset, {as_of, loaded.result.incomplete}, loaded.result.diagnostics);
  loaded.result.diagnostics.sort();
  return loaded;
}

Loaded load_valid(const Context& context, const model::Date& as_of) {
  Loaded loaded = load_checked(context, as_of);
  if (loaded.result.read_failure || loaded.result.diagnostics.has_errors()) {
    diag::Diagnostics errors;
    for (const diag::Diagnostic& d : loaded.result.diagnostics.items()) {
      if (d.severity == diag::Severity::error) errors.error(d.location, d.message, d.code).notes = d.notes;
    }
    render::write_diagnostics_text(context.err, errors, false);
    throw Failure{loaded.result.read_failure ? k_exit_io : k_exit_invalid_data,
                  "the register has errors: fix them first (hmicfrs-track validate lists them)"};
  }
  return loaded;
}

void emit(const Context& context, const OutputOptions& options, std::span<const render::Format> supported,
          const fs::path& root, const std::function<void(std::ostream&, const render::Output&)>& write,
          render::Format fallback) {
  const render::Format format = choose_format(options, supported, fallback);
  if (options.file.empty()) {
    write(context.out, render::Output{format, render::TextStyle{80, use_color(context)}});
    return;
  }
  if (inside(options.file, root)) {
    throw Failure{k_exit_usage,
                  fmt::format("-o {}: will not write into the data directory; choose a path outside it", options.file)};
  }
  std::ostringstream content;
  write(content, render::Output{format, render::TextStyle{80, false}});
  write_file_atomically(options.file, content.str());
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  const auto fail = [&](const std::string& why) {
    return Failure{k_exit_io, fmt::format("cannot write '{}': {}", target.string(), why)};
  };
  const auto write_all = [&](int fd) {
    for (std::size_t written = 0; written < content.size();) {
      const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      written += static_cast<std::size_t>(n);
    }
    return true;
  };

  struct stat existing {};
  const bool exists = stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) throw fail("it is a directory");
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device or pipe (/dev/stdout, /dev/full) holds nothing to lose: write to it, never replace it.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw fail(errno_text());
    const bool ok = write_all(fd);
    const std::string why = errno_text();
    ::close(fd);
    if (!ok) throw fail(why);
    return;
  }

  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) throw fail(errno_text());
  // The new file gets the old one's permissions, or the usual ones for a new file.
  mode_t mode = 0;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = fchmod(fd, mode) == 0 && write_all(fd) && fsync(fd) == 0;
  std::string why = ok ? std::string() : errno_text();
  ok = ::close(fd) == 0 && ok;
  if (ok && std::rename(temporary.c_str(), target.c_str()) != 0) {
    ok = false;
    why = errno_text();
  }
  if (!ok) {
    if (why.empty()) why = errno_text();
    ::unlink(temporary.c_str());
    throw fail(why);
  }
}

}  // namespace hmicfrs::cli
