#pragma once

#include <vector>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The counts of all `rows`: open ones by rating, the rest closed.
answers::RagCounts rag_total(const std::vector<answers::FindingRow>& rows, const model::Vocabulary& vocabulary);

// The counts of `rows` per group, in the documented order: portfolios as the
// configuration declares them, types as SPEC lists them, statuses in their
// order after "awaiting allocation", reports by publication, owners and
// inspections alphabetically;
// findings without a portfolio or owner last.
std::vector<answers::RagGroup> rag_by(const std::vector<answers::FindingRow>& rows, answers::Grouping grouping,
                                      const model::Config& config);

// `rag`: the counts of `rows` grouped, with their total.
answers::RagBreakdown rag_breakdown(const std::vector<answers::FindingRow>& rows, answers::Grouping grouping,
                                    const model::Config& config, const model::Date& as_of);

}  // namespace hmicfrs::query
