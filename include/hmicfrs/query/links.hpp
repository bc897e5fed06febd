#pragma once

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

// How `subject` connects to other findings, both ways.
answers::FindingLinks links_of(const model::Dataset& dataset, const answers::FindingRef& subject);

}  // namespace hmicfrs::query
