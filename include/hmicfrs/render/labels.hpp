#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/util/prose.hpp>

namespace hmicfrs::render {

// How papers and tables name each value: "Requires improvement", "AFI", ...
std::string_view label(model::Grade grade);
std::string_view label(model::FindingType type);
std::string_view label(model::InspectionType type);
std::string_view label(model::Involvement involvement);
std::string_view label(model::EventKind kind);
std::string_view label(answers::Grouping grouping);  // "Portfolio", as a column heading

// A finding's rating word: its rating's label ("Red"); "Unrated" when open
// without one; a closed finding's, or a cause of concern's, status word.
std::string rating(const answers::FindingState& state, const model::Vocabulary& vocabulary);

// A date as the data wrote it, with "(TBC)" when its day is not known and
// "w/c " before a week commencing: "2022-05 (TBC)", "w/c 2022-04-04".
std::string when(const model::Date& date);

// Fieldwork: one date as in when(), or "2017-02-06 to 2017-02-17".
std::string when(const model::Period& period);

// "22 December 2021", "May 2022 (date TBC)", "week commencing 4 April 2022": for prose.
std::string long_date(const model::Date& date);

// "in October 2021" for a month, "on 21 February 2022" for a day: for prose.
std::string on_date(const model::Date& date);

// A date as the paper gives it: long_date(), but a month that has begun by the paper's date is "March 2024".
std::string date_phrase(const answers::PaperDate& date);

// When something happens (fieldwork, a phase, a publication), as a paper gives it: "Week commencing 7 February
// 2022", "6 February 2017 to 17 February 2017"; a month "February 2022" once it
// has begun by the paper's date, else "May 2022 (date TBC)".
std::string period_phrase(const answers::PaperPeriod& period);

using util::in_prose;
using util::sentence_case;

// A count as a committee paper writes it: "one" to "ninety-nine" in words, then digits.
std::string spelled(std::size_t n);

// "one report" / "two reports" / "no report": a spelled count and the noun it counts.
std::string spelled_count(std::size_t n, std::string_view one, std::string_view many);

// spelled(n), or "none" for 0: "none closed".
std::string spelled_or_none(std::size_t n);

}  // namespace hmicfrs::render
