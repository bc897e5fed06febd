#include "context.hpp"

#include <unistd.h>

#include <sys/wait.h>

#include <csignal>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include <hmicfrs/check/check.hpp>
#include <hmicfrs/render/diagnostics.hpp>
#include <hmicfrs/util/suggest.hpp>

#include "errors.hpp"
#include "files.hpp"
#include "pdf.hpp"

namespace hmicfrs::cli {
namespace fs = std::filesystem;
namespace {

// Other names a format goes by, in --format and as an extension of -o.
constexpr std::array<std::pair<std::string_view, render::Format>, 3> k_format_aliases{{
    {"txt", render::Format::text},
    {"markdown", render::Format::markdown},
    {"htm", render::Format::html},
}};

std::optional<render::Format> format_named(std::string_view name) {
  if (const auto format = model::value_named<render::Format>(name)) return format;
  for (const auto& [alias, format] : k_format_aliases) {
    if (alias == name) return format;
  }
  return std::nullopt;
}

std::string supported_names(std::span<const render::Format> supported) {
  std::vector<std::string_view> names;
  for (const render::Format f : supported) names.push_back(model::name_of(f));
  return util::join_alternatives(names);
}

// "md (.md), text (.txt), html (.html), json (.json), docx (.docx) or xlsx (.xlsx)": the formats a command writes,
// with the extension -o takes for each (a text file is .txt), so that a message asking for one says which exist.
std::string formats_offered(std::span<const render::Format> supported) {
  std::vector<std::string> offered;
  for (const render::Format f : supported) {
    const std::string_view name = model::name_of(f);
    offered.push_back(f == render::Format::eml    ? std::string("eml (a directory: --format eml -o DIR)")
                      : f == render::Format::text ? fmt::format("{} (.txt)", name)
                                                  : fmt::format("{} (.{})", name, name));
  }
  const std::vector<std::string_view> views(offered.begin(), offered.end());
  return util::join_alternatives(views);
}

// The parse cache: $HMICFRS_TRACK_CACHE_DIR, else $XDG_CACHE_HOME/hmicfrs-track, else
// ~/.cache/hmicfrs-track; none with --no-cache, HMICFRS_TRACK_CACHE=0 or no such variable.
// $HMICFRS_TRACK_CACHE_MAX_MB bounds it. (The loader uses it only where it is safe: the user's, and apart
// from the register.)
load::ParseCache parse_cache(const CommonOptions& options, const Environment& environment) {
  const auto variable = [&](const char* name) {
    const auto value = environment.variable(name);
    return value && !value->empty() ? value : std::nullopt;
  };
  if (options.no_cache || environment.variable("HMICFRS_TRACK_CACHE") == "0") return {};
  fs::path directory;
  if (const auto dir = variable("HMICFRS_TRACK_CACHE_DIR")) {
    directory = *dir;
  } else if (const auto xdg = variable("XDG_CACHE_HOME")) {
    directory = fs::path(*xdg) / "hmicfrs-track";
  } else if (const auto home = variable("HOME")) {
    directory = fs::path(*home) / ".cache" / "hmicfrs-track";
  }
  if (directory.empty()) return {};
  load::ParseCache cache{directory};
  if (const auto most = variable("HMICFRS_TRACK_CACHE_MAX_MB")) {
    std::uintmax_t megabytes = 0;
    const auto [end, error] = std::from_chars(most->data(), most->data() + most->size(), megabytes);
    if (error == std::errc() && end == most->data() + most->size()) {
      cache.bound = std::min(megabytes, std::numeric_limits<std::uintmax_t>::max() >> 20) << 20;  // never wrapped
    }
  }
  return cache;
}

// Whether a program of this name is in one of the directories of `path` (as $PATH lists them).
bool on_path(std::string_view program, std::string_view path) {
  std::string_view rest = path;
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string directory(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    if (!directory.empty() && access((directory + "/" + std::string(program)).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// The register checked as of `as_of`, its diagnostics sorted; the loader's own kept apart too when `keep_loading`.
Loaded check_loaded(Loaded loaded, const model::Date& as_of, bool keep_loading = false) {
  if (keep_loading) loaded.loading = loaded.result.diagnostics;
  check::check_dataset(loaded.result.dataset, {as_of, loaded.result.incomplete}, loaded.result.diagnostics);
  loaded.result.diagnostics.sort();
  return loaded;
}

// Loads and checks the register at the data directory the options and environment name.
Loaded load_checked(const CommonOptions& options, const Environment& environment, const model::Date& as_of,
                    load::Wording wording, bool keep_loading) {
  const std::optional<std::string> explicit_dir = options.data.empty() ? std::nullopt : std::optional(options.data);
  const auto root = load::find_data_dir(explicit_dir, environment.variable("HMICFRS_TRACK_DATA"));
  if (!root) throw IoError(root.error());
  return check_loaded(Loaded{*root, load::load_dataset(*root, {}, parse_cache(options, environment), wording), {}},
                      as_of, keep_loading);
}

// Prints the errors of a register that has some, and fails, so that nothing is rendered from bad data.
void require_valid(const Loaded& loaded, std::ostream& err,
                   const std::string& message =
                       "the register has errors: fix them first (hmicfrs-track validate lists "
                       "them)") {
  if (!loaded.result.read_failure && !loaded.result.diagnostics.has_errors()) return;
  diag::Diagnostics errors;
  for (const diag::Diagnostic& d : loaded.result.diagnostics.items()) {
    if (d.severity == diag::Severity::error) errors.error(d.location, d.message, d.code).notes = d.notes;
  }
  render::write_diagnostics_text(err, errors, false);
  if (loaded.result.read_failure) throw IoError(message);
  throw DataError(message);
}

}  // namespace

Session::Session(std::ostream& out, std::ostream& err, const Environment& environment, const CommonOptions& options,
                 Needs needs, std::span<const render::Format> formats)
    : m_out(out), m_err(err), m_environment(environment), m_options(options), m_needs(needs) {
  if (!formats.empty()) m_format = choose_format(options, formats);
}

model::Date Session::as_of() const {
  if (m_options.as_of.empty()) return m_environment.today;
  return date_option("--as-of", m_options.as_of);
}

namespace {
// The register a run left for the system to reclaim at exit. Volatile, so the
// store stays: a leak checker sees the register reachable, not leaked.
const Loaded* volatile g_left_for_exit = nullptr;
}  // namespace

Session::~Session() {
  // A large register is slow to free record by record; the process is about
  // to end, and the system takes its memory back at once.
  if (m_environment.process_ends_after && m_loaded) g_left_for_exit = new Loaded(std::move(*m_loaded));
}

const Loaded& Session::loaded() const {
  if (!m_loaded) {
    // Only validate takes a register with errors, and it shows diagnostics, never the register's wording.
    const bool shows_wording = m_needs != Needs::checked_register && m_needs != Needs::valid_records;
    const load::Wording wording = shows_wording ? load::Wording::kept : load::Wording::left_out;
    const bool edits = m_needs == Needs::valid_records || m_needs == Needs::editable_register;
    Loaded loaded = load_checked(m_options, m_environment, as_of(), wording, edits);
    if (m_needs == Needs::valid_register || edits) require_valid(loaded, m_err);
    m_loaded = std::move(loaded);
  }
  return *m_loaded;
}

const Loaded& Session::loaded_to_edit() const {
  if (m_loaded && m_needs != Needs::editable_register) throw std::logic_error("the register was loaded not to edit");
  m_needs = Needs::editable_register;
  return loaded();
}

void Session::require_valid_with(std::span<const load::SourceFile> edited, const std::string& refusal) const {
  const Loaded& current = loaded();
  const Loaded changed = check_loaded(
      Loaded{current.root, load::load_edited(current.result.dataset, current.loading, current.root, edited), {}},
      as_of());
  require_valid(changed, m_err, refusal);
  // The warnings the edit adds, and the notes that an action rule overrides a rating it writes, told as validate
  // would tell them: matched by file, code and message, since the lines below an edit move.
  const auto told = [](const diag::Diagnostic& d) {
    return d.severity == diag::Severity::warning ||
           (d.severity == diag::Severity::note && d.code == diag::Code::action_rating);
  };
  using Key = std::tuple<std::string, diag::Code, std::string>;
  const auto key = [](const diag::Diagnostic& d) { return Key{d.location.path(), d.code, d.message}; };
  std::multiset<Key> known;
  for (const diag::Diagnostic& d : current.result.diagnostics.items()) {
    if (told(d)) known.insert(key(d));
  }
  diag::Diagnostics added;
  for (const diag::Diagnostic& d : changed.result.diagnostics.items()) {
    if (!told(d)) continue;
    if (const auto found = known.find(key(d)); found != known.end()) {
      known.erase(found);
    } else {
      added.add(d.severity, d.location, d.message, d.code).notes = d.notes;
    }
  }
  if (!added.items().empty()) render::write_diagnostics_text(m_err, added, false);
}

const model::Catalogue& Session::catalogue() const {
  if (m_loaded || register_in_reach()) return dataset().catalogue;
  if (!m_builtin_catalogue) m_builtin_catalogue = load::builtin_peel_catalogue();
  return *m_builtin_catalogue;
}

bool Session::register_in_reach() const {
  if (!m_options.data.empty() || m_environment.variable("HMICFRS_TRACK_DATA")) return true;
  return load::find_data_dir(std::nullopt, std::nullopt).ok();
}

bool Session::color() const {
  if (m_options.color == "always") return true;
  if (m_options.color == "never") return false;
  const auto no_color = m_environment.variable("NO_COLOR");
  const auto term = m_environment.variable("TERM");
  return m_environment.stdout_is_terminal && !(no_color && !no_color->empty()) && term != "dumb";
}

std::string Session::pager_command() const {
  const bool text = m_format == render::Format::text || m_format == render::Format::markdown;
  if (!m_environment.stdout_is_terminal || m_options.no_pager || !text) return "";
  if (const auto pager = m_environment.variable("PAGER")) return *pager == "cat" ? "" : *pager;
  return on_path("less", m_environment.variable("PATH").value_or("")) ? "less -FRX" : "";
}

void Session::page(const std::string& pager, const std::string& text) const {
  m_out.flush();  // anything written before goes before the pager's output
  FILE* pipe = popen(pager.c_str(), "w");
  if (pipe == nullptr) {
    m_out << text;
    return;
  }
  // A pager that quits early (or never started) closes the pipe: that is no reason to die of SIGPIPE.
  struct sigaction ignore {};
  struct sigaction previous {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &previous);
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = pclose(pipe);
  sigaction(SIGPIPE, &previous, nullptr);
  // A pager that is not there (the shell's 127) shows nothing: show it here instead.
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127) m_out << text;
}

std::size_t Session::text_width() const { return cli::text_width(m_environment); }

std::size_t text_width(const Environment& environment) {
  constexpr std::size_t k_narrowest = 20, k_widest = 1000, k_default = 80;
  if (environment.terminal_width > 0) return std::clamp(environment.terminal_width, k_narrowest, k_widest);
  if (const auto columns = environment.variable ? environment.variable("COLUMNS") : std::nullopt) {
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(columns->data(), columns->data() + columns->size(), width);
    if (error == std::errc() && end == columns->data() + columns->size() && width > 0) {
      return std::clamp(width, k_narrowest, k_widest);
    }
  }
  return k_default;
}

std::optional<render::WordTemplate> Session::word_template() const {
  if (m_format != render::Format::docx) return std::nullopt;
  const Loaded& register_ = loaded();
  const model::Config& config = register_.result.dataset.config;
  diag::Diagnostics problems;
  const std::optional<std::string> bytes = load::read_word_template(register_.root, config, problems);
  std::optional<render::WordTemplate> out;
  if (bytes) {
    util::Result<render::WordTemplate> read = render::word_template_from(*bytes);
    if (read) {
      out = std::move(read).value();
    } else {
      problems.error(
          config.word_template.location,
          fmt::format("word_template '{}' cannot serve as a template: {}", config.word_template.value, read.error()),
          diag::Code::word_template);
    }
  }
  if (problems.has_errors()) {
    render::write_diagnostics_text(m_err, problems, false);
    throw DataError("the Word template cannot be used: fix paper.word_template in hmicfrs-track.yaml, or remove it");
  }
  return out;
}

std::string Session::marking() const {
  // An answer made without a register (the built-in catalogue's areas) has no marking.
  return m_loaded ? m_loaded->result.dataset.config.marking : std::string();
}

void Session::write_output(const std::function<void(std::ostream&, const render::Output&)>& write,
                           const std::optional<model::Date>& dated) const {
  if (!m_format) throw std::logic_error("this command writes no answer");
  if (*m_format == render::Format::pdf && !dated) throw std::logic_error("this answer has no date to print a PDF of");
  if (m_options.file.empty()) {
    if (render::is_binary(*m_format) && m_environment.stdout_is_terminal) {
      throw UsageError(fmt::format("a {} file is not for a terminal: give -o FILE.{}, or redirect the output",
                                   model::name_of(*m_format), model::name_of(*m_format)));
    }
    if (*m_format == render::Format::pdf) {
      m_out << printed(write, *dated, "the PDF");
      return;
    }
    const render::Output output{*m_format, render::TextStyle{text_width(), color()}, word_template(),
                                m_environment.process_ends_after, marking()};
    const std::string pager = pager_command();
    if (pager.empty()) {
      write(m_out, output);
      return;
    }
    std::ostringstream content;
    write(content, output);
    page(pager, content.str());
    return;
  }
  refuse_output_inside_register();
  if (*m_format == render::Format::pdf) {
    write_file_atomically(m_options.file, printed(write, *dated, fmt::format("'{}'", m_options.file)));
    return;
  }
  std::ostringstream content;
  write(content, render::Output{*m_format, render::TextStyle{80, false}, word_template(),
                                m_environment.process_ends_after, marking()});
  write_file_atomically(m_options.file, content.str());
}

std::string Session::printed(const std::function<void(std::ostream&, const render::Output&)>& write,
                             const model::Date& date, const std::string& output) const {
  // Chromium is found before anything is written, so that a missing one fails at once.
  const PdfPrinter printer = pdf_printer(m_environment, output);
  std::ostringstream html;
  write(html, render::Output{render::Format::html, render::TextStyle{80, false}, std::nullopt,
                             m_environment.process_ends_after, marking()});
  return print_pdf(html.str(), date, printer);
}

void Session::write_directory(const std::vector<std::pair<std::string, std::string>>& files) const {
  const std::string name = m_format ? std::string(model::name_of(*m_format)) : std::string();
  if (m_options.file.empty()) {
    throw UsageError(fmt::format("--format {} writes one file each: give -o DIR, a new or empty directory", name));
  }
  refuse_output_inside_register();
  write_directory_atomically(new_output_directory(m_options.file), files);
}

void Session::refuse_output_inside_register() const {
  // An answer made without a register (the built-in catalogue's areas) has no register to keep out of.
  if (!m_loaded && !register_in_reach()) return;
  if (inside(m_options.file, loaded().root)) {
    throw UsageError(
        fmt::format("-o {}: will not write into the data directory; choose a path outside it", m_options.file));
  }
}

model::Date date_option(std::string_view option, const std::string& text) {
  auto date = model::Date::parse(text);
  if (!date) throw UsageError(fmt::format("{}: {}", option, date.error()));
  if (!date->has_day()) {
    throw UsageError(
        fmt::format("{}: '{}' needs a day, as in {}-01{}", option, text, text, date->has_month() ? "" : "-01"));
  }
  return *date;
}

render::Format choose_format(const CommonOptions& options, std::span<const render::Format> supported) {
  std::optional<render::Format> chosen;
  if (!options.format.empty()) {
    chosen = format_named(options.format);
    if (!chosen) {
      throw UsageError(fmt::format("--format: unknown format '{}': this command writes {}", options.format,
                                   formats_offered(supported)));
    }
  }
  if (!options.file.empty()) {
    const std::string extension = fs::path(options.file).extension().string();
    const auto from_extension = extension.empty() ? std::nullopt : format_named(extension.substr(1));
    if (!chosen && !from_extension) {
      throw UsageError(fmt::format(
          "-o {}: cannot tell the format {}: this command writes {}; end the file's name with "
          "one of those extensions, or give --format",
          options.file,
          extension.empty() ? std::string("without an extension") : fmt::format("from the extension '{}'", extension),
          formats_offered(supported)));
    }
    if (chosen && from_extension && *chosen != *from_extension) {
      throw UsageError(fmt::format("-o {} names a {} file, but --format is {}", options.file,
                                   model::name_of(*from_extension), model::name_of(*chosen)));
    }
    if (!chosen) chosen = from_extension;
  }
  const render::Format format = chosen.value_or(supported.front());
  if (std::find(supported.begin(), supported.end(), format) == supported.end()) {
    throw UsageError(fmt::format("this command writes {}, not {}", supported_names(supported), model::name_of(format)));
  }
  return format;
}

}  // namespace hmicfrs::cli
