#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hmicfrs/answers/finding.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// The finding with id `id` ("inspection/ref"), if the register has it.
std::optional<answers::FindingRef> find_finding(const model::Dataset& dataset, std::string_view id);

// The id a reference names: "insp/ref" as written, or "ref" within `from`.
std::string resolve_reference(std::string_view reference, const model::Inspection& from);

// How `subject` connects to other findings, both ways.
answers::FindingLinks links_of(const model::Dataset& dataset, const answers::FindingRef& subject);

}  // namespace hmicfrs::query
