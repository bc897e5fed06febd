#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <hmicfrs/model/register.hpp>
#include <hmicfrs/query/state.hpp>

namespace hmicfrs::query {

// A finding with its state on the as-of date and what follows from it.
struct FindingRow {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
  FindingState state;
  bool overdue = false;                    // open and its due date has passed
  bool stale = false;                      // open and not updated for the configured number of days
  std::optional<model::Date> last_update;  // its latest entry, else its report's publication
  std::optional<int> days_since_update;
};

// The register's inspections in id order: the order every finding list follows.
std::vector<const model::Inspection*> inspections_by_id(const model::Dataset& dataset);

// Every finding recorded by `as_of`, each folded once, in the documented
// order: by inspection id, then as listed in the inspection's file.
std::vector<FindingRow> findings_as_of(const model::Dataset& dataset, const model::Date& as_of);

// Which findings a command shows; an empty set means "any".
struct FindingFilter {
  enum class Openness { any, open, closed };

  std::set<model::Rag> rags;
  bool unrated = false;  // with `rags`: also open findings without a rating
  std::set<model::Status> statuses;
  std::set<model::FindingType> types;
  std::set<std::string> portfolios;
  std::set<std::string> inspections;
  std::string owner;  // a case-insensitive part of the owner
  std::string grep;   // a case-insensitive part of the id, title, text, owner or notes
  bool overdue = false;
  bool stale = false;
  Openness openness = Openness::any;

  // Whether any RAG condition is set.
  bool filters_rag() const { return !rags.empty() || unrated; }
};

// Whether `row` passes every condition of `filter`.
bool matches(const FindingRow& row, const FindingFilter& filter);

// The rows that pass `filter`, in their order.
std::vector<FindingRow> filtered(const std::vector<FindingRow>& rows, const FindingFilter& filter);

// Whether `text` contains `part`, ignoring ASCII case.
bool contains_ignoring_case(std::string_view text, std::string_view part);

}  // namespace hmicfrs::query
