#pragma once

// `collect`: the workbooks `chase --format xlsx` wrote, returned by their owners, applied to the register as history
// entries through `update`'s edit, every row checked before anything is written. Private to cli/.

#include <string>
#include <vector>

#include "context.hpp"

namespace CLI {
class App;
}

namespace hmicfrs::cli {

struct CollectOptions {
  std::vector<std::string> files;
  bool dry_run = false;
};

void define_collect(CLI::App& app, CollectOptions& o);
int run_collect(const Session& session, const CollectOptions& o);

}  // namespace hmicfrs::cli
