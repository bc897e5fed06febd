#include <hmicfrs/edit/findings.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "file_text.hpp"

namespace hmicfrs::edit {
namespace {

using load::MapEntry;
using namespace file_text;

constexpr std::string_view k_by_hand =
    "add the finding by hand, or write the file's findings as a block list (`findings:` and an item a line "
    "starting '- ref:')";

// `item` (its dash two spaces in, lines ending "\n") moved `shift` columns, its line breaks `newline`.
std::string laid_out(std::string_view item, int shift, std::string_view newline) {
  std::string out;
  for (std::size_t start = 0; start < item.size();) {
    const std::size_t end = std::min(item.find('\n', start), item.size());
    std::string_view line = item.substr(start, end - start);
    if (!line.empty()) {
      if (shift < 0) {
        line.remove_prefix(std::min(line.find_first_not_of(' '), static_cast<std::size_t>(-shift)));
      } else {
        out.append(static_cast<std::size_t>(shift), ' ');
      }
    }
    out.append(line).append(newline);
    start = end + 1;
  }
  return out;
}

}  // namespace

util::Result<AddedEntry> add_finding(std::string_view bytes, std::string_view item) {
  std::string why;
  const std::optional<Node> before = parsed(bytes, &why);
  if (!before) return util::Error{fmt::format("the file does not read as YAML ({}): fix it first", why)};
  if (before->kind != Node::Kind::mapping) return util::Error{"the file is not a mapping of keys: fix it first"};
  const std::optional<Node> alone = parsed(fmt::format("findings:\n{}", item));
  if (!alone || alone->find("findings") == nullptr || alone->find("findings")->items.size() != 1) {
    return util::Error{"the finding does not read as one item of a list"};
  }
  const Node& added_item = alone->find("findings")->items.front();
  const Lines lines(bytes);
  const auto found = std::find_if(before->entries.begin(), before->entries.end(),
                                  [](const MapEntry& e) { return e.key == "findings"; });

  // Where the item goes, how it is written, and the tree the file must then read as.
  std::size_t after = 0;  // the end of the line it follows
  std::string text;
  Node expected = *before;
  if (found == before->entries.end()) {
    // No list yet: one at the end of the file, after a blank line.
    after = lines.end(lines.start(bytes.size() > 0 && bytes.back() == '\n' ? bytes.size() - 1 : bytes.size()));
    const std::string_view newline = lines.newline(after);
    text = std::string(newline) + "findings:" + std::string(newline) + laid_out(item, 0, newline);
    Node list;
    list.kind = Node::Kind::sequence;
    list.items.push_back(added_item);
    expected.entries.push_back(MapEntry{"findings", 0, 0, 0, list});
  } else if (found->value.kind == Node::Kind::sequence && !found->value.flow && !found->value.items.empty()) {
    const Node& list = found->value;
    const std::size_t dash = dash_offset(bytes, list.items.back());
    const int column = lines.column(dash);
    after = lines.block_end(dash, column + 1);
    const std::string_view newline = lines.newline(after);
    // Apart from the finding above by a blank line when the file's findings are, or when there is one.
    bool apart = list.items.size() == 1;
    if (list.items.size() > 1) {
      const std::size_t line = lines.start(dash);
      apart = line > 0 && lines.blank(lines.start(line - 1));
    }
    text = (apart ? std::string(newline) : std::string()) + laid_out(item, column - 2, newline);
    expected.entries[static_cast<std::size_t>(found - before->entries.begin())].value.items.push_back(added_item);
  } else if ((found->value.kind == Node::Kind::null ||
              (found->value.kind == Node::Kind::scalar && found->value.text.empty())) &&
             nothing_after_key(bytes, lines, found->offset)) {
    // `findings:` and nothing after it.
    after = lines.end(found->offset);
    const std::string_view newline = lines.newline(after);
    text = laid_out(item, lines.column(found->offset), newline);
    Node& list = expected.entries[static_cast<std::size_t>(found - before->entries.begin())].value;
    list = Node{};
    list.kind = Node::Kind::sequence;
    list.items.push_back(added_item);
  } else {
    return util::Error{fmt::format("its findings are not a block list the finding can join: {}", k_by_hand)};
  }

  // Inserted after the line's end, before its line break: the file keeps its last line break, or its lack of one.
  const std::string_view newline = lines.newline(after);
  text = std::string(newline) + text.substr(0, text.size() - newline.size());
  AddedEntry added;
  added.bytes.reserve(bytes.size() + text.size());
  added.bytes.append(bytes.substr(0, after)).append(text).append(bytes.substr(after));
  added.offset = after;
  added.size = text.size();
  const std::optional<Node> tree = parsed(added.bytes, &why);
  if (!tree)
    return util::Error{fmt::format("the file would not read as YAML with the finding added ({}): {}", why, k_by_hand)};
  if (!same(expected, *tree)) {
    return util::Error{
        fmt::format("the finding cannot be added without changing what else the file says: {}", k_by_hand)};
  }
  return added;
}

}  // namespace hmicfrs::edit
