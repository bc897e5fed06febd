#pragma once

// What the importer knows without being told: the words trackers use for
// types, statuses, ratings and inspection types, and the headers of their
// columns. Private to import/.

#include <optional>
#include <string>
#include <string_view>

#include <hmicfrs/model/register.hpp>

namespace hmicfrs::import {

// The register's value for a tracker's word (folded, as `folded` gives it) in
// `field` (type, status, rating or inspection_type); nothing when unknown. An
// empty value means "none": a rating of "Unrated", say.
std::optional<std::string> builtin_word(std::string_view field, std::string_view word,
                                        const model::Vocabulary& vocabulary);

// The ratings of a BRAG tracker: red, amber and green, and blue for a finding complete (a rating of closed
// findings).
model::Vocabulary brag_vocabulary();

// The tracker's words the import knows for `field`, for "did you mean".
std::vector<std::string_view> builtin_words(std::string_view field);

// The register's values `field` takes, for messages.
std::vector<std::string_view> register_values(std::string_view field, const model::Vocabulary& vocabulary);

// The field a column's header suggests ("Target date" -> due), with the
// keyword that decided it; nothing for a header it does not know. "ignore"
// for a column the tool works out itself (Overdue).
struct HeaderGuess {
  std::string_view field;
  std::string_view keyword;
};
std::optional<HeaderGuess> field_for_header(std::string_view header);

// The type a finding's ref suggests: R3 a recommendation, AFI2 an area for
// improvement, CoC1 a cause of concern.
std::optional<model::FindingType> type_from_ref(std::string_view ref);

// The inspection type a report's title suggests (PEEL, JTAI, custody ...).
std::optional<model::InspectionType> type_from_title(std::string_view title);

}  // namespace hmicfrs::import
