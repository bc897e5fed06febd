#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The register's inspections in id order: the order every finding list follows.
std::vector<const model::Inspection*> inspections_by_id(const model::Dataset& dataset);

// One finding as of `as_of`: its state, whether it is overdue or stale, and
// its portfolio. The row is not `recorded` when the finding does not exist yet.
answers::FindingRow row_of(const model::Dataset& dataset, const model::Inspection& inspection,
                           const model::Finding& finding, const model::Date& as_of);

// Every finding recorded by `as_of`, each folded once, in the documented
// order: by inspection id, then as listed in the inspection's file.
std::vector<answers::FindingRow> findings_as_of(const model::Dataset& dataset, const model::Date& as_of);

// The rows of one inspection, in their order, from `rows` ordered by inspection id as findings_as_of gives them.
std::vector<answers::FindingRow> rows_of(const std::vector<answers::FindingRow>& rows,
                                         const model::Inspection& inspection);

// The open findings among `rows` rated red (or with another rating listed in
// full), overdue or stale; causes of concern and repeats aside.
answers::Outstanding outstanding(const std::vector<answers::FindingRow>& rows);

// Which findings a command shows; an empty set means "any".
struct FindingFilter {
  enum class Openness { any, open, closed };

  std::set<std::string> rags;  // ids of the register's ratings
  bool unrated = false;        // with `rags`: also open findings without a rating
  std::set<model::Status> statuses;
  std::set<model::FindingType> types;
  std::set<std::string> portfolios;
  std::set<std::string> inspections;
  std::string owner;  // a case-insensitive part of the owner
  std::string grep;   // a case-insensitive part of the id, title, text, owner or notes written by the date
  bool overdue = false;
  bool stale = false;
  Openness openness = Openness::any;

  // Whether any RAG condition is set.
  bool filters_rag() const { return !rags.empty() || unrated; }
};

// The rows that pass `filter`, in their order.
std::vector<answers::FindingRow> filtered(const std::vector<answers::FindingRow>& rows, const FindingFilter& filter,
                                          const model::Date& as_of);

// A search for a piece of text, ignoring ASCII case, in time linear in the
// text searched (Knuth-Morris-Pratt), whatever the piece: prepared once, used on many texts.
class TextSearch {
 public:
  explicit TextSearch(std::string_view part);

  // Whether `text` contains the part (always, for an empty part).
  bool found_in(std::string_view text) const;

 private:
  std::string m_part;                 // lower case
  std::vector<std::size_t> m_border;  // the KMP failure function of m_part
};

}  // namespace hmicfrs::query
