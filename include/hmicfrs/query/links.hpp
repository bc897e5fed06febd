#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The finding with id `id` ("inspection/ref"), if the register has it.
std::optional<answers::FindingRef> find_finding(const model::Dataset& dataset, std::string_view id);

// The id of the inspection or finding that `text` names: `text` itself when
// it is one, else the one id equal to it but for case ("afi5" for "AFI5");
// empty when there is none, or more than one.
std::string id_named(const model::Dataset& dataset, std::string_view text);

// The id a reference names: "insp/ref" as written, or "ref" within `from`.
std::string resolve_reference(std::string_view reference, const model::Inspection& from);

// How findings connect to others, both ways, for many findings: the references that name each finding are
// gathered in one pass over the register, so that each finding's links then cost a lookup, not a pass.
class LinkIndex {
 public:
  explicit LinkIndex(const model::Dataset& dataset);
  answers::FindingLinks of(const answers::FindingRef& subject) const;

 private:
  using ByTarget = std::map<std::string, std::vector<answers::FindingRef>, std::less<>>;  // by the named id
  const model::Dataset& m_dataset;
  ByTarget m_supersedes;    // findings whose history's `by` names it
  ByTarget m_related_from;  // findings whose `related` names it
  ByTarget m_answered_by;   // recommendations whose `cause_of_concern` names it
  ByTarget m_repeated_in;   // findings whose `repeats` names it
};

// How `subject` connects to other findings, both ways.
answers::FindingLinks links_of(const model::Dataset& dataset, const answers::FindingRef& subject);

}  // namespace hmicfrs::query
