#include "help.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <hmicfrs/render/document.hpp>

namespace hmicfrs::cli {
namespace {

// The heading of the program's options in a command's help: they may be given before or after the command.
constexpr std::string_view k_global_options = "Global options (before or after the command)";

class HelpFormatter final : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::size_t width)
      : m_width(width),
        // The names' column: CLI11's 30 where there is room, less on a narrow terminal.
        m_column(std::clamp<std::size_t>(width * 2 / 5, 12, 30)) {
    column_width(m_column);
  }

  std::string make_option(const CLI::Option* option, bool is_positional) const override {
    return entry(make_option_name(option, is_positional) + make_option_opts(option), make_option_desc(option));
  }

  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> options) const override {
    std::string out = "\n" + lines(group + ":\n");
    for (const CLI::Option* option : options) out += make_option(option, is_positional);
    return out;
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return entry(sub->get_display_name(true), sub->get_description());
  }

  std::string make_description(const CLI::App* app) const override {
    return lines(CLI::Formatter::make_description(app));
  }

  std::string make_footer(const CLI::App* app) const override { return lines(CLI::Formatter::make_footer(app)); }

  // CLI11's layout, with the program's options a command takes listed after its own.
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::string out = make_description(app) + lines(make_usage(app, name)) + make_positionals(app);
    // Each group of options that has some, after a blank line (CLI11's make_groups adds one more before a hidden
    // group's place).
    for (const std::string& group : app->get_groups()) {
      const std::vector<const CLI::Option*> options = app->get_options(
          [&group](const CLI::Option* option) { return option->get_group() == group && option->nonpositional(); });
      if (!group.empty() && !options.empty()) out += make_group(group, false, options);
    }
    if (const CLI::App* parent = app->get_parent(); parent != nullptr) {
      const std::vector<const CLI::Option*> globals = parent->get_options([parent](const CLI::Option* option) {
        // Hidden options (no group) are not listed, nor the program's own --help and --version.
        return option->nonpositional() && !option->get_group().empty() && option != parent->get_help_ptr() &&
               option != parent->get_version_ptr();
      });
      if (!globals.empty()) out += make_group(std::string(k_global_options), false, globals);
    }
    return out + make_subcommands(app, mode) + "\n" + make_footer(app);
  }

 private:
  // A name in the left column and its description wrapped beside it, or below it when the name takes the column.
  // A name wider than the line ("--by TEXT:{portfolio,owner,...}") is wrapped, its later lines indented by four.
  std::string entry(const std::string& name, const std::string& description) const {
    std::string out;
    std::size_t used = 0;
    const std::vector<std::string> names = render::wrap(name, m_width > 4 ? m_width - 4 : 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string indent(i == 0 ? 2 : 4, ' ');
      out += (i == 0 ? "" : "\n") + indent + names[i];
      used = indent.size() + render::display_width(names[i]);
    }
    const std::vector<std::string> text = render::wrap(description, m_width > m_column ? m_width - m_column : 1);
    for (std::size_t i = 0; i < text.size(); ++i) {
      // The description beside the name when two spaces at least part them, else from the next line.
      if (i == 0 && used + 2 <= m_column) {
        out += std::string(m_column - used, ' ');
      } else {
        out += "\n" + std::string(m_column, ' ');
      }
      out += text[i];
    }
    return out + "\n";
  }

  // `text` wrapped to the width line by line, each line's indentation kept for the lines it wraps to.
  std::string lines(const std::string& text) const {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
      const std::vector<std::string> parts =
          render::wrap(line.substr(indent), m_width > indent + 20 ? m_width - indent : 20);
      if (parts.empty()) out += "\n";
      for (const std::string& part : parts) out += std::string(indent, ' ') + part + "\n";
    }
    // A text that did not end a line (a footer) is not given one.
    if (!text.empty() && text.back() != '\n' && !out.empty()) out.pop_back();
    return out;
  }

  std::size_t m_width;
  std::size_t m_column;
};

}  // namespace

std::shared_ptr<CLI::Formatter> help_formatter(std::size_t width) { return std::make_shared<HelpFormatter>(width); }

}  // namespace hmicfrs::cli
