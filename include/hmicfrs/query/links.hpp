#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// A finding together with its inspection.
struct FindingRef {
  const model::Inspection* inspection = nullptr;
  const model::Finding* finding = nullptr;
};

// The finding with id `id` ("inspection/ref"), if the register has it.
std::optional<FindingRef> find_finding(const model::Dataset& dataset, std::string_view id);

// The id a reference names: "insp/ref" as written, or "ref" within `from`.
std::string resolve_reference(std::string_view reference, const model::Inspection& from);

// How a finding connects to others, both ways, each list in the order of
// finding ids. Supersession counts whenever the history says so, whatever the date.
struct FindingLinks {
  std::vector<FindingRef> superseded_by;     // findings named by its `by`
  std::vector<FindingRef> supersedes;        // findings whose `by` names it
  std::vector<FindingRef> related;           // findings its `related` names
  std::vector<FindingRef> related_from;      // findings whose `related` names it
  std::vector<FindingRef> cause_of_concern;  // the cause of concern it answers
  std::vector<FindingRef> answered_by;       // recommendations answering it, when it is a cause of concern
};

FindingLinks links_of(const model::Dataset& dataset, const FindingRef& subject);

}  // namespace hmicfrs::query
