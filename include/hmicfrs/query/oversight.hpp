#pragma once

#include <optional>
#include <vector>

#include <hmicfrs/answers/oversight.hpp>
#include <hmicfrs/answers/window.hpp>
#include <hmicfrs/model/register.hpp>

namespace hmicfrs::query {

// Whether the register tracks the commissioner's responses at all: a report says `response:`, or the
// configuration gives `responses: {from: DATE}`. A register that does neither shows no responses anywhere.
bool tracks_responses(const model::Dataset& dataset);

// Whether the response to `inspection` is tracked: it says `response:` (and was not surely published before the
// duty applied), or the configuration's `responses.from` and the duty had both begun by its publication.
bool response_tracked(const model::Config& config, const model::Inspection& inspection);

// The response to `inspection` as of `as_of`; none when it is not tracked.
std::optional<answers::ResponseState> response_of(const model::Config& config, const model::Inspection& inspection,
                                                  const model::Date& as_of);

// The responses to ask about as of `as_of`: those overdue, and those due whose last day is by `until` (or, not yet
// known, may be: its earliest is by `until`); overdue first, then by the reports' publication.
std::vector<answers::ResponseState> responses_to_chase(const model::Dataset& dataset, const model::Date& as_of,
                                                       const model::Date& until);

// The paper's section: as of the window's end, the responses due and overdue, and those published in the window.
answers::ResponsesSection responses_in(const model::Dataset& dataset, const answers::Window& window);

// The monitoring phase as of the window's end and its changes in the window; none when the register records no
// phase.
std::optional<answers::Monitoring> monitoring_in(const model::Config& config, const answers::Window& window);

}  // namespace hmicfrs::query
