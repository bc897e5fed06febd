#pragma once

// The commands, declared once each: help, format checks, dispatch and the
// completion's list of commands all come from this table. Private to cli/.

#include <memory>
#include <span>
#include <string_view>

#include "context.hpp"

namespace CLI {
class App;
}

namespace hmicfrs::cli {

// A command the arguments name, with its own options, bound to its subcommand's before the arguments are parsed.
class Invocation {
 public:
  virtual ~Invocation() = default;
  // Runs the command with the options parsed; its exit status.
  virtual int run(const Session& session) const = 0;
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for the list of commands
  std::string_view example;  // the arguments of a typical call
  std::string_view more;     // what else its help says, after the example; may be empty
  Needs needs;
  std::span<const render::Format> formats;  // the answer's formats, the default first; empty: it writes no answer
  // Defines its own options and arguments (those of -o/--format aside) on its subcommand; the result runs it.
  std::unique_ptr<Invocation> (*define)(CLI::App& app);
  std::string_view alias = {};  // another name it answers to, if any
};

// Every command, in the order `--help` lists them.
std::span<const Command> commands();

// What the bash completion offers for a kind of value, one a line, sorted, each once: the register's portfolio
// ids ("portfolios"), its findings' owners as of the session's date ("owners"), its finding ids ("findings") or its
// PEEL cycles' ids ("cycles"). A usage error for another kind.
void write_completion_words(const Session& session, std::string_view kind);

}  // namespace hmicfrs::cli
