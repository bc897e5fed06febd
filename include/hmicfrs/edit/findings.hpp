#pragma once

// A finding added to an inspection file's list of findings, every other byte of the file kept (`import --add`).

#include <string_view>

#include <hmicfrs/edit/history.hpp>
#include <hmicfrs/util/result.hpp>

namespace hmicfrs::edit {

// `bytes` (an inspection file that reads as YAML) with `item` added last to its findings. `item` is a finding as
// an item of a block list whose dash is two spaces in, each line ending "\n", comment lines before it allowed, as
// `import` writes one. It is indented as the file's own list is and takes the file's line breaks, after a blank line
// when the file's findings are apart; a file with no `findings`, or `findings:` with nothing after it, gets the
// list. An error, in words for the user, when the file's findings are written in a way the item cannot join (in
// [...]), or when the file would not read back as it did with the finding added and nothing else.
util::Result<AddedEntry> add_finding(std::string_view bytes, std::string_view item);

}  // namespace hmicfrs::edit
