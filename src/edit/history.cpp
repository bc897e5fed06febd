#include <hmicfrs/edit/history.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include <hmicfrs/load/yaml_tree.hpp>
#include <hmicfrs/util/yaml_text.hpp>

#include "file_text.hpp"

namespace hmicfrs::edit {
namespace {

using load::MapEntry;
using load::Node;
using util::YamlContext;
using namespace file_text;

constexpr std::string_view k_by_hand =
    "add the entry by hand, or write the finding's history as a list of entries like those of the other findings";

// Where a collection written in [...] or {...} closes, and where the last thing written in it ends.
struct FlowExtent {
  std::size_t close = npos;  // the closing bracket
  std::size_t last_end = 0;  // just after the last token inside (the opening bracket when it is empty)
  bool trailing_comma = false;
};

// Reads the flow collection opening at `open` as far as its closing bracket, passing over quoted scalars and
// comments. Plain scalars hold no bracket or comma in flow style; a quote inside one is text.
std::optional<FlowExtent> flow_extent(std::string_view bytes, std::size_t open) {
  FlowExtent extent;
  extent.last_end = open + 1;
  int depth = 0;
  bool node_start = true;  // a quote here opens a quoted scalar
  for (std::size_t at = open; at < bytes.size(); ++at) {
    const char c = bytes[at];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '#' && (at == 0 || std::string_view(" \t\r\n").find(bytes[at - 1]) != npos)) {
      at = std::min(bytes.find('\n', at), bytes.size());
      continue;
    }
    if ((c == '"' || c == '\'') && node_start) {
      std::size_t end = at + 1;
      while (end < bytes.size()) {
        if (c == '"' && bytes[end] == '\\') {
          end += 2;
        } else if (bytes[end] == c && c == '\'' && end + 1 < bytes.size() && bytes[end + 1] == '\'') {
          end += 2;
        } else if (bytes[end] == c) {
          break;
        } else {
          ++end;
        }
      }
      if (end >= bytes.size()) return std::nullopt;
      at = end;
      extent.last_end = at + 1;
      extent.trailing_comma = false;
      node_start = false;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) {
        extent.close = at;
        return extent;
      }
    }
    if (c == ':') {
      const char next = at + 1 < bytes.size() ? bytes[at + 1] : ' ';
      node_start = std::string_view(" \t\r\n,[]{}").find(next) != npos || !node_start;
    } else {
      node_start = c == '[' || c == '{' || c == ',';
    }
    if (at != open) {
      extent.last_end = at + 1;
      extent.trailing_comma = c == ',';
    }
  }
  return std::nullopt;
}

// History entries' keys in the usual order: where a file's own entries do not say, a new entry's keys follow it.
constexpr std::array<std::string_view, 8> k_usual_order{"date", "as_at", "status", "rag", "by", "owner", "due", "note"};

std::size_t usual_rank(std::string_view key) {
  return static_cast<std::size_t>(std::find(k_usual_order.begin(), k_usual_order.end(), key) - k_usual_order.begin());
}

// The entry's fields in the order of `example`'s keys (an entry of the file), the rest each after the last of the
// example's keys that comes before it in the usual order.
std::vector<Field> in_file_order(const NewEntry& entry, const Node* example) {
  std::vector<std::string_view> keys;
  if (example != nullptr && example->kind == Node::Kind::mapping) {
    for (const MapEntry& e : example->entries) keys.push_back(e.key);
  }
  const auto sort_key = [&](const Field& field) {
    const auto found = std::find(keys.begin(), keys.end(), field.key);
    if (found != keys.end()) return std::tuple(found - keys.begin(), 0, std::size_t{0});
    std::ptrdiff_t after = -1;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (usual_rank(keys[k]) < usual_rank(field.key)) after = static_cast<std::ptrdiff_t>(k);
    }
    return std::tuple(after, 1, usual_rank(field.key));
  };
  std::vector<Field> fields = entry.fields;
  std::stable_sort(fields.begin(), fields.end(),
                   [&](const Field& a, const Field& b) { return sort_key(a) < sort_key(b); });
  return fields;
}

std::string value_text(const Field& field, YamlContext context) {
  return field.verbatim ? field.value : util::yaml_scalar(field.value, context);
}

// The entry as a mapping in flow style: "{date: 2022-06-01, rag: amber}", with spaces inside the braces if `spaced`.
std::string flow_entry(const std::vector<Field>& fields, bool spaced) {
  std::string out = spaced ? "{ " : "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += fields[i].key + ": " + value_text(fields[i], YamlContext::flow);
  }
  return out + (spaced ? " }" : "}");
}

// The entry as an item of a block list, its dash `dash` spaces in and its keys `key` in; a note of several lines as
// a literal block. Its lines each ended by `newline`, the last one too.
std::string block_entry(const std::vector<Field>& fields, int dash, int key, std::string_view newline) {
  std::string out(static_cast<std::size_t>(dash), ' ');
  out += '-';
  out.append(static_cast<std::size_t>(std::max(key - dash - 1, 1)), ' ');
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.append(static_cast<std::size_t>(key), ' ');
    out += fields[i].key + ':';
    if (!fields[i].verbatim && util::literal_block_safe(fields[i].value)) {
      out += " |-";
      out += newline;
      out += util::literal_block_lines(fields[i].value, key + 2, newline);
    } else {
      out += ' ' + value_text(fields[i], YamlContext::block);
      out += newline;
    }
  }
  return out;
}

bool multi_line(const std::vector<Field>& fields) {
  return std::any_of(fields.begin(), fields.end(),
                     [](const Field& f) { return f.value.find('\n') != std::string::npos; });
}

// How the file writes its history lists, from another finding's: where the dash sits from the key, and whether the
// entries are mappings in flow style.
struct ListStyle {
  int dash_from_key = 2;
  bool flow_items = false;
  bool spaced_braces = false;
};

// Where the finding `ref` is among the file's findings.
std::optional<std::size_t> finding_position(const Node& root, std::string_view ref) {
  const Node* findings = root.kind == Node::Kind::mapping ? root.find("findings") : nullptr;
  if (findings == nullptr || findings->kind != Node::Kind::sequence) return std::nullopt;
  for (std::size_t i = 0; i < findings->items.size(); ++i) {
    const Node& item = findings->items[i];
    if (item.kind != Node::Kind::mapping) continue;
    const Node* named = item.find("ref");
    if (named != nullptr && named->kind == Node::Kind::scalar && named->text == ref) return i;
  }
  return std::nullopt;
}

// The entry as the loader reads it back.
Node entry_node(const std::vector<Field>& fields) {
  Node node;
  node.kind = Node::Kind::mapping;
  for (const Field& field : fields) {
    MapEntry entry;
    entry.key = field.key;
    entry.value.kind = Node::Kind::scalar;
    entry.value.text = field.value;
    node.entries.push_back(std::move(entry));
  }
  return node;
}

// What goes into the file, and where: the entry's text, and its fields in the order written.
struct Candidate {
  std::size_t offset = 0;
  std::string text;
  std::vector<Field> fields;
};

// The position of the root's "findings" among its keys (finding_position found it).
std::size_t findings_key(const Node& root) {
  for (std::size_t i = 0; i < root.entries.size(); ++i) {
    if (root.entries[i].key == "findings") return i;
  }
  return 0;
}

// Plans where the entry goes in one file, and how it is written.
class Placement {
 public:
  Placement(std::string_view bytes, const Node& root, const Node& finding)
      : m_bytes(bytes), m_lines(bytes), m_root(root), m_finding(finding) {}

  // The bytes to insert and where, the likeliest place first (after a block's last line; then after the blank
  // lines that follow it, which a block scalar kept whole may hold), or why the entry cannot be placed.
  util::Result<std::vector<Candidate>> plan(const NewEntry& entry) const {
    const MapEntry* history = nullptr;
    for (const MapEntry& e : m_finding.entries) {
      if (e.key == "history") history = &e;
    }
    const Node* example =
        history != nullptr && !history->value.items.empty() ? &history->value.items.back() : another_entry();
    const std::vector<Field> fields = in_file_order(entry, example);
    auto planned = placed(history, fields);
    if (!planned) return util::Error{planned.error()};
    std::vector<Candidate> candidates = std::move(planned).value();
    for (Candidate& insertion : candidates) insertion.fields = fields;
    return candidates;
  }

 private:
  using Candidates = util::Result<std::vector<Candidate>>;

  Candidates placed(const MapEntry* history, const std::vector<Field>& fields) const {
    if (history == nullptr) return m_finding.flow ? new_flow_history(fields) : new_block_history(fields);
    const Node& list = history->value;
    if (list.kind == Node::Kind::sequence) {
      return list.flow ? into_flow_list(list, fields) : into_block_list(list, fields);
    }
    if (list.kind == Node::Kind::null && !m_finding.flow && nothing_after_key(m_bytes, m_lines, history->offset)) {
      return first_of_block_list(*history, fields);
    }
    return util::Error{fmt::format("its history is not written as a list: {}", k_by_hand)};
  }

  // An entry of another finding's history, to take the order of keys from.
  const Node* another_entry() const {
    const Node* findings = m_root.find("findings");
    for (const Node& item : findings->items) {
      const Node* history = item.kind == Node::Kind::mapping ? item.find("history") : nullptr;
      if (history != nullptr && history->kind == Node::Kind::sequence && !history->items.empty()) {
        return &history->items.back();
      }
    }
    return nullptr;
  }

  // How the file's other findings write a block list of history.
  ListStyle block_list_style() const {
    ListStyle style;
    for (const Node& item : m_root.find("findings")->items) {
      if (item.kind != Node::Kind::mapping || item.flow) continue;
      for (const MapEntry& e : item.entries) {
        if (e.key != "history" || e.value.kind != Node::Kind::sequence || e.value.flow || e.value.items.empty()) {
          continue;
        }
        const Node& last = e.value.items.back();
        style.dash_from_key = std::max(dash_column(last) - m_lines.column(e.offset), 0);
        style.flow_items = last.kind == Node::Kind::mapping && last.flow;
        style.spaced_braces = style.flow_items && m_lines.at(last.offset + 1) == ' ';
        return style;
      }
    }
    return style;
  }

  // The "-" that begins a block list's item, found back from the item over white space (the item itself when
  // there is none).
  std::size_t dash_offset(const Node& item) const { return file_text::dash_offset(m_bytes, item); }

  int dash_column(const Node& item) const { return m_lines.column(dash_offset(item)); }

  // Where a block item's keys sit: the column of its first key when that follows the dash on its line.
  int key_column(const Node& item, int dash) const {
    const bool beside_dash = item.kind == Node::Kind::mapping && !item.flow &&
                             m_lines.start(dash_offset(item)) == m_lines.start(item.offset);
    const int column = m_lines.column(item.offset);
    return beside_dash && column > dash ? column : dash + 2;
  }

  // The entry as an item of a block list, in the list's style (flow items stay flow unless a note has lines).
  std::string block_item(const std::vector<Field>& fields, const ListStyle& style, int dash, int key,
                         std::string_view newline) const {
    if (style.flow_items && !multi_line(fields)) {
      return std::string(static_cast<std::size_t>(dash), ' ') + "- " + flow_entry(fields, style.spaced_braces) +
             std::string(newline);
    }
    return block_entry(fields, dash, key, newline);
  }

  // Lines inserted after the line ending at `end`: a line break first, none after, so that the file keeps its last
  // line break, or its lack of one.
  Candidate after_line(std::size_t end, std::string text) const {
    text.erase(text.size() - m_lines.newline(end).size());
    return {end, std::string(m_lines.newline(end)) + text, {}};
  }

  // `text` after the line ending at `end`, else after the blank lines that follow it.
  std::vector<Candidate> after_block(std::size_t end, const std::string& text) const {
    std::vector<Candidate> candidates{after_line(end, text)};
    if (const std::size_t blanks = m_lines.after_blank_lines(end); blanks != end) {
      candidates.push_back(after_line(blanks, text));
    }
    return candidates;
  }

  Candidates into_block_list(const Node& list, const std::vector<Field>& fields) const {
    const Node& last = list.items.back();
    ListStyle style;
    style.flow_items = last.kind == Node::Kind::mapping && last.flow;
    style.spaced_braces = style.flow_items && m_lines.at(last.offset + 1) == ' ';
    const int dash = dash_column(last);
    const std::size_t end = m_lines.block_end(last.offset, dash + 1);
    return after_block(end, block_item(fields, style, dash, key_column(last, dash), m_lines.newline(end)));
  }

  Candidates new_block_history(const std::vector<Field>& fields) const {
    const int key = m_lines.column(m_finding.offset);
    const std::size_t end = m_lines.block_end(m_finding.offset, key);
    const ListStyle style = block_list_style();
    const int dash = key + style.dash_from_key;
    const std::string_view newline = m_lines.newline(end);
    std::string text = std::string(static_cast<std::size_t>(key), ' ') + "history:" + std::string(newline);
    text += block_item(fields, style, dash, dash + 2, newline);
    return after_block(end, text);
  }

  Candidates first_of_block_list(const MapEntry& history, const std::vector<Field>& fields) const {
    const int key = m_lines.column(history.offset);
    const ListStyle style = block_list_style();
    const int dash = key + style.dash_from_key;
    const std::size_t end = m_lines.end(history.offset);
    return std::vector{after_line(end, block_item(fields, style, dash, dash + 2, m_lines.newline(end)))};
  }

  Candidates into_flow_list(const Node& list, const std::vector<Field>& fields) const {
    const auto extent = flow_extent(m_bytes, list.offset);
    if (!extent) return util::Error{fmt::format("its history list is not closed: {}", k_by_hand)};
    const bool spaced =
        !list.items.empty() && list.items.back().flow && m_lines.at(list.items.back().offset + 1) == ' ';
    const std::string item = flow_entry(fields, spaced);
    if (list.items.empty()) return std::vector{Candidate{extent->last_end, item, {}}};
    // A list with an item a line keeps to that: the new item on a line of its own, where the last one starts.
    const Node& last = list.items.back();
    const std::size_t before = list.items.size() > 1 ? list.items[list.items.size() - 2].offset : list.offset;
    const bool own_line = m_lines.start(last.offset) != m_lines.start(before);
    std::string separator = extent->trailing_comma ? "" : ",";
    if (own_line) {
      separator += std::string(m_lines.newline(m_lines.end(last.offset)));
      separator += std::string(static_cast<std::size_t>(m_lines.column(last.offset)), ' ');
    } else {
      separator += ' ';
    }
    // A list whose last item is followed by a comma keeps one after the new item too.
    return std::vector{Candidate{extent->last_end, separator + item + (extent->trailing_comma ? "," : ""), {}}};
  }

  Candidates new_flow_history(const std::vector<Field>& fields) const {
    const auto extent = flow_extent(m_bytes, m_finding.offset);
    if (!extent) return util::Error{fmt::format("the finding is not closed: {}", k_by_hand)};
    const std::string separator = extent->trailing_comma ? " " : ", ";
    return std::vector{Candidate{extent->last_end, separator + "history: [" + flow_entry(fields, false) + "]", {}}};
  }

  std::string_view m_bytes;
  Lines m_lines;
  const Node& m_root;
  const Node& m_finding;
};

// An entry to add, to the finding at `position` among the file's findings, its fields in the order written.
struct Added {
  std::size_t position;
  std::vector<Field> fields;
};

// Why `after` does not read as the file `before` did with each of `added` added to its finding, and nothing else;
// empty when it does.
std::string reads_as_added(const Node& before, const std::vector<Added>& added, std::string_view after) {
  std::string why;
  const std::optional<Node> tree = parsed(after, &why);
  if (!tree) return fmt::format("the file would not read as YAML with the entry added ({}): {}", why, k_by_hand);
  Node expected = before;
  for (const Added& entry : added) {
    Node& finding = expected.entries[findings_key(expected)].value.items[entry.position];
    const auto history = std::find_if(finding.entries.begin(), finding.entries.end(),
                                      [](const MapEntry& e) { return e.key == "history"; });
    Node& list = history != finding.entries.end()
                     ? history->value
                     : finding.entries.emplace_back(MapEntry{"history", 0, 0, 0, {}}).value;
    list.kind = Node::Kind::sequence;
    list.items.push_back(entry_node(entry.fields));
  }
  if (same(expected, *tree)) return {};
  return fmt::format("the entry cannot be added without changing what else the file says: {}", k_by_hand);
}

}  // namespace

util::Result<AddedEntry> add_history_entry(std::string_view bytes, std::string_view ref, const NewEntry& entry) {
  std::string why;
  const std::optional<Node> before = parsed(bytes, &why);
  if (!before) return util::Error{fmt::format("the file does not read as YAML ({}): fix it first", why)};
  const std::optional<std::size_t> position = finding_position(*before, ref);
  if (!position) return util::Error{fmt::format("the file holds no finding '{}'", ref)};
  const auto planned = Placement(bytes, *before, before->find("findings")->items[*position]).plan(entry);
  if (!planned) return util::Error{planned.error()};
  std::string first_failure;
  for (const Candidate& insertion : *planned) {
    AddedEntry added;
    added.bytes.reserve(bytes.size() + insertion.text.size());
    added.bytes.append(bytes.substr(0, insertion.offset)).append(insertion.text).append(bytes.substr(insertion.offset));
    added.offset = insertion.offset;
    added.size = insertion.text.size();
    const std::string failure = reads_as_added(*before, {{*position, insertion.fields}}, added.bytes);
    if (failure.empty()) return added;
    if (first_failure.empty()) first_failure = failure;
  }
  return util::Error{first_failure};
}

util::Result<AddedEntries> add_history_entries(std::string_view bytes, std::span<const FindingEntry> entries) {
  AddedEntries out;
  out.bytes = bytes;
  // At once: every entry placed where the file as it is puts it, one parse before and one after.
  std::string why;
  if (const std::optional<Node> before = parsed(bytes, &why); before && entries.size() > 1) {
    std::vector<Added> added;
    std::vector<Candidate> placed;
    std::set<std::size_t> positions;
    for (const FindingEntry& entry : entries) {
      const std::optional<std::size_t> position = finding_position(*before, entry.ref);
      if (!position || !positions.insert(*position).second) break;
      auto planned = Placement(bytes, *before, before->find("findings")->items[*position]).plan(*entry.entry);
      if (!planned) break;
      added.push_back({*position, planned->front().fields});
      placed.push_back(std::move(planned->front()));
    }
    std::sort(placed.begin(), placed.end(), [](const Candidate& a, const Candidate& b) { return a.offset < b.offset; });
    const bool apart = std::adjacent_find(placed.begin(), placed.end(), [](const Candidate& a, const Candidate& b) {
                         return a.offset == b.offset;
                       }) == placed.end();
    if (placed.size() == entries.size() && apart) {
      std::string after;
      after.reserve(bytes.size());
      std::size_t from = 0;
      for (const Candidate& candidate : placed) {
        after.append(bytes.substr(from, candidate.offset - from)).append(candidate.text);
        from = candidate.offset;
        out.insertions.push_back({candidate.offset, candidate.text.size()});
      }
      after.append(bytes.substr(from));
      if (reads_as_added(*before, added, after).empty()) {
        out.bytes = std::move(after);
        return out;
      }
      out.insertions.clear();
    }
  }
  // Else one at a time, each where the file as edited so far puts it.
  for (const FindingEntry& entry : entries) {
    auto added = add_history_entry(out.bytes, entry.ref, *entry.entry);
    if (!added) return util::Error{fmt::format("{}: {}", entry.ref, added.error())};
    add_insertion(out.insertions, added->offset, added->size);
    out.bytes = std::move(added->bytes);
  }
  return out;
}

}  // namespace hmicfrs::edit
