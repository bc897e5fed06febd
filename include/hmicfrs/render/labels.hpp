#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/answers/counts.hpp>
#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/answers/paper.hpp>
#include <hmicfrs/model/register.hpp>
#include <hmicfrs/render/document.hpp>
#include <hmicfrs/util/prose.hpp>

namespace hmicfrs::render {

// How papers and tables name each value: "Requires improvement", "AFI", ...
std::string_view label(model::Grade grade);
std::string_view label(model::FindingType type);
std::string_view label(model::InspectionType type);
std::string_view label(model::Involvement involvement);
std::string_view label(model::EventKind kind);
std::string_view label(model::MonitoringPhase phase);  // "Scan", "Engage"
std::string_view label(answers::Grouping grouping);  // "Portfolio", as a column heading

// A finding's number in its report: its ref without the letters that lead it ("AFI3" gives "3", "R1.2" gives
// "1.2"); the ref itself when it has no number after letters.
std::string finding_number(const model::Finding& finding);
// How the paper names a finding in its tables: its report's short name, type and number ("PEEL 2021/22 AFI 3");
// its id when the report has no short name.
std::string paper_name(const model::Inspection& inspection, const model::Finding& finding);
// A finding by its number and its report's title and year, for prose: "recommendation 4 of 'Everyone's
// business', 2014".
std::string cited(const model::Inspection& inspection, const model::Finding& finding);

// A finding's rating word: its rating's label ("Red"); "Unrated" when open
// without one; a closed finding's, or a cause of concern's, status word.
std::string rating(const answers::FindingState& state, const model::Vocabulary& vocabulary);

// A date as the data wrote it, with "(TBC)" when its day is not known and
// its month (or year) has not begun by `as_of`, and "w/c " before a week
// commencing: "2022-05 (TBC)", "2019-05", "w/c 2022-04-04".
std::string when(const model::Date& date, const model::Date& as_of);

// Fieldwork: one date as in when(), or "2017-02-06 to 2017-02-17".
std::string when(const model::Period& period, const model::Date& as_of);

// A date in words, as much of it as is known: "21 February 2022", "May 2019", "2015".
std::string in_words(const model::Date& date);

// "22 December 2021", "May 2022 (date TBC)", "week commencing 4 April 2022": for prose.
std::string long_date(const model::Date& date);

// "in October 2021" for a month, "in 2015" for a year, "on 21 February 2022" for a day: for prose.
std::string on_date(const model::Date& date);

// A date as the paper gives it: long_date(), but a month (or year) that has begun by the paper's date is "March
// 2024".
std::string date_phrase(const answers::PaperDate& date);

// How a paper's tables write dates: in words, as its prose does ("May 2019"), or as the data writes them
// ("2019-05") when the register asks (`paper: dates: iso`).
enum class DateStyle { words, iso };

// A table's cell holding a date: its text in `style` ("as at 8 June 2017" for a state known by then), and the
// date itself, for formats with typed cells.
Cell date_cell(const model::Date& date, DateStyle style, bool as_at = false);

// When something happens (fieldwork, a phase, a publication), as a paper gives it: "Week commencing 7 February
// 2022", "6 February 2017 to 17 February 2017"; a month "February 2022" once it
// has begun by the paper's date, else "May 2022 (date TBC)".
std::string period_phrase(const answers::PaperPeriod& period);

// What a monitoring phase means, for prose: "routine monitoring", "enhanced monitoring".
std::string_view meaning(model::MonitoringPhase phase);

// Where the commissioner's response to a report stands, as a cell or a clause says it: "Due by 12 May 2022",
// "Due by 25 July 2024 at the latest (date TBC)", "Overdue by 9 days (due by 12 May 2022)", "Published 20 May 2022,
// 8 days late", "Not required".
std::string response_text(const answers::ResponseState& response, DateStyle style);

using util::in_prose;
using util::sentence_case;

// A count as a committee paper writes it: "one" to "ninety-nine" in words, then digits.
std::string spelled(std::size_t n);

// "one report" / "two reports" / "no report": a spelled count and the noun it counts.
std::string spelled_count(std::size_t n, std::string_view one, std::string_view many);

// spelled(n), or "none" for 0: "none closed".
std::string spelled_or_none(std::size_t n);

}  // namespace hmicfrs::render
