#pragma once

#include <string>
#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/oversight.hpp>

namespace hmicfrs::answers {

// `status`: one screen of where the register stands.
struct Status {
  std::string force;
  model::Date as_of;
  const model::Vocabulary* vocabulary = nullptr;
  RagCounts counts;
  int stale_after_days = 0;
  Outstanding outstanding;
  std::vector<const model::Inspection*> upcoming;  // notified, not yet started
  // What only some registers record, shown only by those that do.
  bool tracks_responses = false;
  std::vector<ResponseState> responses;  // overdue, and due within k_responses_ahead days (or on a day not yet known)
  std::optional<Monitoring> monitoring;
};

// How far ahead `status` looks for responses to reports coming due.
inline constexpr int k_responses_ahead = 28;

// A grade an inspection awarded, with its area named as grade tables name it.
struct AreaGrade {
  std::string area;  // the area's short label, or its id when the catalogue has none
  model::Grade grade = model::Grade::not_graded;
  std::string carried_over_from;  // the earlier assessment's id, when the judgement is carried over
};

// `show` of an inspection.
struct InspectionDetail {
  model::Date as_of;
  const model::Vocabulary* vocabulary = nullptr;
  const model::Inspection* inspection = nullptr;
  std::string cycle;              // its gradings' cycle name (its id when unknown); empty without gradings
  std::vector<AreaGrade> grades;  // in file order
  std::vector<FindingRow> rows;   // its findings recorded by the date
  const model::Inspection* continuing_from = nullptr;  // the inspection its counts say it continues
  std::optional<ResponseState> response;               // when the register tracks its response
};

}  // namespace hmicfrs::answers
