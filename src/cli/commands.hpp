#pragma once

// The commands, each run from its parsed options. Private to cli/.

#include <string>
#include <vector>

#include "context.hpp"

namespace hmicfrs::cli {

struct ValidateOptions {
  bool strict = false;
  std::string format = "text";
};

// The filters `list` and `rag` share (SPEC §5).
struct FilterOptions {
  std::vector<std::string> rags;
  std::vector<std::string> statuses;
  std::vector<std::string> types;
  std::vector<std::string> portfolios;
  std::vector<std::string> inspections;
  std::string owner;
  std::string grep;
  bool overdue = false;
  bool stale = false;
  bool open = false;
  bool closed = false;
};

struct ListOptions {
  FilterOptions filters;
  OutputOptions output;
};

struct RagOptions {
  FilterOptions filters;
  std::string by = "portfolio";
  OutputOptions output;
};

struct ShowOptions {
  std::string id;
  OutputOptions output;
};

struct PeelOptions {
  std::string cycle;
  std::string compare;
  OutputOptions output;
};

struct InspectionsOptions {
  bool upcoming = false;
  std::string since;
  OutputOptions output;
};

struct ChangesOptions {
  std::string since;
  std::string committee;
  OutputOptions output;
};

struct ReportOptions {
  std::string committee;
  OutputOptions output;
};

int run_validate(const Context& context, const ValidateOptions& options);
int run_schema(const Context& context, const std::string& kind);
int run_init(const Context& context, const std::string& directory);
int run_status(const Context& context, const OutputOptions& output);
int run_list(const Context& context, const ListOptions& options);
int run_rag(const Context& context, const RagOptions& options);
int run_show(const Context& context, const ShowOptions& options);
int run_peel(const Context& context, const PeelOptions& options);
int run_inspections(const Context& context, const InspectionsOptions& options);
int run_changes(const Context& context, const ChangesOptions& options);
int run_committees(const Context& context, const OutputOptions& output);
int run_report(const Context& context, const ReportOptions& options);

}  // namespace hmicfrs::cli
