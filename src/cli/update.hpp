#pragma once

// `update`: one history entry added to a finding in its file, every other byte kept (edit/), checked as `validate`
// would check the register before anything is written. Private to cli/.

#include <string>

#include "context.hpp"

namespace CLI {
class App;
}

namespace hmicfrs::cli {

struct UpdateOptions {
  std::string id;
  std::string rag;
  std::string status;
  std::string by;
  std::string note;
  std::string owner;
  std::string due;
  std::string date;
  std::string as_at;
  bool dry_run = false;
};

void define_update(CLI::App& app, UpdateOptions& o);
int run_update(const Session& session, const UpdateOptions& o);

}  // namespace hmicfrs::cli
