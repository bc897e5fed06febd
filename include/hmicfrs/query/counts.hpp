#pragma once

#include <string>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/findings.hpp>

namespace hmicfrs::query {

// Findings counted by rating: open ones by RAG (or unrated), the rest closed.
struct RagCounts {
  int red = 0;
  int amber = 0;
  int green = 0;
  int unrated = 0;
  int closed = 0;

  void add(const FindingRow& row);
  int open() const { return red + amber + green + unrated; }
  int total() const { return open() + closed; }
};

// What `rag --by` groups findings by.
enum class Grouping { portfolio, owner, inspection, type };

// One group's counts: `key` is its id (a portfolio id, an owner, an inspection
// id or a finding type), `label` what to print.
struct RagGroup {
  std::string key;
  std::string label;
  RagCounts counts;
};

// The counts of `rows` per group, in the documented order: portfolios as the
// configuration declares them, types as SPEC lists them, owners and
// inspections alphabetically; findings without a portfolio or owner last.
std::vector<RagGroup> rag_by(const std::vector<FindingRow>& rows, Grouping grouping, const model::Dataset& dataset);

// The counts of all `rows`.
RagCounts rag_total(const std::vector<FindingRow>& rows);

}  // namespace hmicfrs::query
