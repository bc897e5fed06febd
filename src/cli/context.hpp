#pragma once

// What the commands share: the options common to all of them, the session a
// command runs in (streams, environment, the register loaded on demand), and
// writing its answer. Private to cli/.

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <hmicfrs/cli/run.hpp>
#include <hmicfrs/load/loader.hpp>
#include <hmicfrs/render/output.hpp>

namespace hmicfrs::cli {

// The options every command shares: the global ones (SPEC §5), and where and how a command writes its answer. A
// command's own options are a struct of its own, beside it in commands.cpp.
struct CommonOptions {
  std::string data;
  std::string as_of;
  std::string color = "auto";
  bool no_pager = false;
  bool no_cache = false;
  std::string complete;  // the kind of words the bash completion asks for (hidden)
  // Where and how a command writes its answer.
  std::string format;  // empty: from -o's extension, else the command's default
  std::string file;    // empty: standard output
};

// What a command needs before it can run.
enum class Needs {
  nothing,            // schema, init, import
  checked_register,   // validate: the register and every problem found in it
  valid_register,     // the rest: a register without errors (else its errors are printed and the run fails); peel
                      // --areas takes Session::catalogue, the built-in one when no register is in reach
  valid_records,      // update: a register without errors, as valid_register, loaded without the wording that only
                      // outputs show, as validate loads it
  editable_register,  // collect: a register without errors with its wording (a workbook's notes are compared with
                      // the register's), and the loader's own problems kept, as for update, to check an edit with
};

// The register, found, loaded and checked as of a date.
struct Loaded {
  std::filesystem::path root;
  load::LoadResult result;
  diag::Diagnostics loading;  // for update: the loader's own problems, before the checks', to check an edit with
};

// The run of one command: its streams and common options, and the register, loaded
// the first time it is asked for (so that a command can reject its own
// arguments before reading anything).
class Session {
 public:
  Session(std::ostream& out, std::ostream& err, const Environment& environment, const CommonOptions& options,
          Needs needs, std::span<const render::Format> formats);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  std::ostream& out() const { return m_out; }
  std::ostream& err() const { return m_err; }
  const Environment& environment() const { return m_environment; }
  const CommonOptions& common() const { return m_options; }

  // --as-of, or today. A malformed date is a usage error.
  model::Date as_of() const;

  // The register as the command needs it, loaded and checked as of `as_of()`.
  const Loaded& loaded() const;
  const model::Dataset& dataset() const { return loaded().result.dataset; }
  // The register as Needs::editable_register loads it, for a command whose options decide that it edits the register
  // (`import --add`); before anything else has loaded it.
  const Loaded& loaded_to_edit() const;
  // Checks the register as it would be with each of `edited`'s bytes in place of that file's, as `loaded()` was
  // checked: a command that edits files does so before writing them. Any error is printed and the run fails with
  // `refusal`; the warnings the edits add are printed.
  void require_valid_with(std::span<const load::SourceFile> edited, const std::string& refusal) const;
  // The PEEL catalogue: the register's (the built-in one and what its peel-frameworks/ add) when a register is
  // named (--data, $HMICFRS_TRACK_DATA) or found from the current directory upwards, loaded as the command needs
  // it; else the built-in one alone, which needs no register.
  const model::Catalogue& catalogue() const;

  // Whether to colour text written to standard output.
  bool color() const;
  // The width of text views on standard output: the terminal's, else $COLUMNS, else 80.
  std::size_t text_width() const;
  // The pager text or Markdown for a terminal goes through, as git's does: $PAGER, else "less -FRX" when
  // installed; empty for none (not a terminal, --no-pager, PAGER empty or "cat", another format).
  std::string pager_command() const;
  // The register's Word template, read and checked, when the answer is written as Word; else nothing.
  std::optional<render::WordTemplate> word_template() const;
  // The register's protective marking for what is written; empty when it sets none or none is loaded.
  std::string marking() const;
  void page(const std::string& pager, const std::string& text) const;

  // The format the answer is written in; none for a command that writes none.
  std::optional<render::Format> format() const { return m_format; }

  // Writes `files` (a name and its text each) into the -o directory, which must be new or empty: staged
  // beside it and moved into place, so that a failure leaves nothing half written.
  void write_directory(const std::vector<std::pair<std::string, std::string>>& files) const;

  // Writes `answer` in the chosen format, to standard output or atomically to the -o file.
  template <class Answer>
  void emit(const Answer& answer) const {
    std::optional<model::Date> dated;  // a PDF's date: the answer's own, for the answers printed as PDF
    if constexpr (requires { render::file_date(answer); }) dated = render::file_date(answer);
    write_output([&](std::ostream& out, const render::Output& output) { render::write(out, answer, output); }, dated);
  }

 private:
  void write_output(const std::function<void(std::ostream&, const render::Output&)>& write,
                    const std::optional<model::Date>& dated) const;
  // The answer's HTML printed to PDF by Chromium, dated `date`; an IoError when Chromium is missing or fails.
  std::string printed(const std::function<void(std::ostream&, const render::Output&)>& write, const model::Date& date,
                      const std::string& output) const;
  // A usage error when -o names a place inside the register's directory, which no command writes into.
  void refuse_output_inside_register() const;
  // Whether a register is named by --data or $HMICFRS_TRACK_DATA, or found from the current directory upwards.
  bool register_in_reach() const;

  std::ostream& m_out;
  std::ostream& m_err;
  const Environment& m_environment;
  const CommonOptions& m_options;
  mutable Needs m_needs;                   // loaded_to_edit makes it editable_register before the register is loaded
  std::optional<render::Format> m_format;  // chosen when the command writes an answer
  mutable std::optional<Loaded> m_loaded;
  mutable std::optional<model::Catalogue> m_builtin_catalogue;  // when no register is in reach
};

// The width of text on standard output, views and help alike: the terminal's, else $COLUMNS, else 80.
std::size_t text_width(const Environment& environment);

// A date given to an option: a day, YYYY-MM-DD. Otherwise a usage error.
model::Date date_option(std::string_view option, const std::string& text);

// The format --format, else -o's extension, else the first of `supported`, names; a usage error when
// the command does not write it.
render::Format choose_format(const CommonOptions& options, std::span<const render::Format> supported);

}  // namespace hmicfrs::cli
