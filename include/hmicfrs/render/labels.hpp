#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::render {

// How papers and tables name each value: "Requires improvement", "AFI", ...
std::string_view label(model::Grade grade);
std::string_view label(model::Rag rag);
std::string_view label(model::Status status);
std::string_view label(model::FindingType type);
std::string_view label(model::InspectionType type);
std::string_view label(model::Involvement involvement);

// An open finding's rating ("Red", or "Unrated"); a closed one's status.
std::string rating(const std::optional<model::Rag>& rag, model::Status status);

// A date as the data wrote it, with "(TBC)" when its day is not known and
// "w/c " before a week commencing: "2022-05 (TBC)", "w/c 2022-04-04".
std::string when(const model::Date& date);

// Fieldwork: one date as in when(), or "2017-02-06 to 2017-02-17".
std::string when(const model::Period& period);

// "22 December 2021", "May 2022 (date TBC)", "week commencing 4 April 2022": for prose.
std::string long_date(const model::Date& date);

}  // namespace hmicfrs::render
