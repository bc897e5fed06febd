#include <hmicfrs/load/yaml_tree.hpp>

#include <algorithm>
#include <istream>
#include <numeric>
#include <streambuf>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <hmicfrs/util/text_rules.hpp>

#include "mistakes.hpp"

namespace hmicfrs::load {
namespace {

using diag::Code;

// An input stream over bytes that the caller keeps alive, without copying them.
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // read-only: only the get area is used
    setg(begin, begin, begin + bytes.size());
  }
};

// The first problem that makes bytes unusable as YAML text, with its position.
struct TextProblem {
  int line = 1;
  int column = 1;
  std::string message;
  Code code = Code::encoding;
  std::string what;  // "invalid UTF-8 (byte 0x80)", "control character U+0007"
};

// Whether every byte is printable ASCII, tab, line feed or carriage return:
// almost every register file is, and this check is much cheaper than the full
// one (no early exit and no position to track, so the compiler vectorises it).
bool plain_ascii(std::string_view text) {
  bool plain = true;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    plain &= (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r';
  }
  return plain;
}

// Checks that `text` is UTF-8 without control characters other than tab, line
// feed and carriage return (util::first_text_fault); sets `ascii` when every
// byte is below 0x80.
std::optional<TextProblem> find_text_problem(std::string_view text, bool& ascii) {
  ascii = true;
  if (plain_ascii(text)) return std::nullopt;
  const auto fault = util::first_text_fault(text);
  if (!fault) {
    ascii = false;  // not plain, yet nothing wrong: it holds characters beyond ASCII
    return std::nullopt;
  }
  // Its line, and its column in characters (bytes that do not continue a UTF-8 sequence).
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < fault->offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  const auto code = static_cast<unsigned>(fault->code);
  // What the character is ("control character U+0007"), and the message that names it and says what to do.
  const auto problem = [&](const std::string& what, std::string_view then) {
    return TextProblem{line, column, fmt::format("{} {}", what, then), Code::control_character, what};
  };
  switch (fault->kind) {
    case util::TextFault::Kind::nul:
      return TextProblem{line, column, "NUL byte in the file: it is binary, or UTF-16 text; save it as UTF-8",
                         Code::control_character, "control character U+0000"};
    case util::TextFault::Kind::control:
      return problem(fmt::format("control character U+{:04X}", code), "is not allowed; remove it");
    case util::TextFault::Kind::invalid_utf8:
      return TextProblem{line, column,
                         fmt::format("invalid UTF-8 (byte 0x{:02X}): save the file as UTF-8; it may have been "
                                     "saved as Latin-1 or Windows-1252",
                                     code),
                         Code::encoding, fmt::format("invalid UTF-8 (byte 0x{:02X})", code)};
    case util::TextFault::Kind::bidi:
      // Overrides and isolates can make text show in another order than it reads ("Trojan Source").
      return problem(fmt::format("bidirectional control character U+{:04X}", code),
                     "is not allowed: it can make text show in another order than it reads");
    case util::TextFault::Kind::noncharacter:
      return problem(fmt::format("noncharacter U+{:04X}", code),
                     "is not allowed: no paper or workbook can hold it; remove it");
  }
  return std::nullopt;
}

// The text being parsed, able to turn yaml-cpp's byte-based marks into
// 1-based character positions.
class SourceText {
 public:
  // `skipped`: the bytes before `text` in the file (a byte order mark), counted in offsets.
  SourceText(std::string_view text, bool ascii, std::size_t skipped = 0)
      : m_text(text), m_ascii(ascii), m_skipped(skipped) {}

  // A mark's byte in the file.
  std::size_t offset(const YAML::Mark& mark) const {
    if (mark.is_null()) return m_skipped;
    return m_skipped + std::min(static_cast<std::size_t>(std::max(mark.pos, 0)), m_text.size());
  }

  std::pair<int, int> position(const YAML::Mark& mark) const {
    if (mark.is_null()) return {1, 1};
    return {mark.line + 1, column(mark)};
  }

  // The character at a mark, or '\0' past the end.
  char at(const YAML::Mark& mark) const {
    const auto pos = static_cast<std::size_t>(std::max(mark.pos, 0));
    return pos < m_text.size() ? m_text[pos] : '\0';
  }

  std::string_view text() const { return m_text; }

  // Lines 0 to `last` (0-based), without their line breaks.
  std::vector<std::string_view> lines_up_to(int last) const {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (static_cast<int>(lines.size()) <= last && start <= m_text.size()) {
      const std::size_t end = std::min(m_text.find('\n', start), m_text.size());
      lines.push_back(m_text.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  }

  // The line a mark is on, without its line break.
  std::string_view line_of(const YAML::Mark& mark) const {
    const std::size_t start = line_start(mark);
    const std::size_t end = m_text.find('\n', start);
    return m_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  }

 private:
  std::size_t line_start(const YAML::Mark& mark) const {
    const auto pos = std::min(static_cast<std::size_t>(std::max(mark.pos, 0)), m_text.size());
    const auto back = static_cast<std::size_t>(std::max(mark.column, 0));
    return pos >= back ? pos - back : 0;
  }

  int column(const YAML::Mark& mark) const {
    if (m_ascii) return mark.column + 1;
    const std::size_t start = line_start(mark);
    const auto pos = std::min(static_cast<std::size_t>(std::max(mark.pos, 0)), m_text.size());
    int characters = 1;
    for (std::size_t i = start; i < pos; ++i) {
      if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++characters;
    }
    return characters;
  }

  std::string_view m_text;
  bool m_ascii;
  std::size_t m_skipped;
};

// yaml-cpp's message with any byte it quotes from the input shown as \xNN,
// so that a diagnostic is always text ("unknown escape character: \xDE").
std::string printable(std::string_view message) {
  std::string out;
  for (const char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte >= 0x20 && byte < 0x7F ? std::string(1, c) : fmt::format("\\x{:02X}", byte);
  }
  return out;
}

// Thrown from an event handler to stop parsing a file that cannot be used.
struct Stop {
  std::pair<int, int> position;  // line, column
  std::string message;
  Code code;
};

// Thrown when a second document starts, so that its content is never parsed.
struct NextDocument {
  YAML::Mark mark;
};

// Builds our tree from yaml-cpp's events, enforcing the limits as it goes.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceText& source, const Limits& limits, diag::Diagnostics& diagnostics, diag::SourceName path)
      : m_source(source), m_limits(limits), m_diagnostics(diagnostics), m_path(path) {}

  std::optional<Node> take_root() { return std::move(m_root); }

  // The first mapping key that was not text. yaml-cpp also produces such keys
  // when it misreads an unclosed '[', so this is reported only when the file
  // otherwise parses.
  const std::optional<Stop>& bad_key() const { return m_bad_key; }
  const YAML::Mark& document_start() const { return m_document_start; }

  // The innermost open `[...]` or `{...}`, if the parser is inside one.
  const Node* innermost_flow() const {
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      if (it->node.flow) return &it->node;
    }
    return nullptr;
  }

  void OnDocumentStart(const YAML::Mark& mark) override { m_document_start = mark; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(leaf(Node::Kind::null, mark)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Stop{m_source.position(mark),
               "aliases (*name) are not allowed: write the value out in full" + if_text(mark, '*'), Code::yaml_anchor};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    throw Stop{m_source.position(mark),
               fmt::format("anchors (&{}) are not allowed: write each value out in full", name) + if_text(mark, '&'),
               Code::yaml_anchor};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    check_tag(mark, tag);
    if (const char c = m_source.at(mark); c == '"' || c == '\'') check_closed(mark);
    if (value.size() > m_limits.max_scalar_bytes) {
      throw Stop{m_source.position(mark),
                 fmt::format("a value of {} bytes is longer than the limit of {} bytes", value.size(),
                             m_limits.max_scalar_bytes),
                 Code::limit_exceeded};
    }
    // Escapes ("\\x80", "\\u202E", "\\0") can make what the raw text check let through.
    bool ascii = true;
    if (const auto problem = find_text_problem(value, ascii)) {
      throw Stop{m_source.position(mark),
                 fmt::format("an escape sequence in this value makes {}: remove it", problem->what), problem->code};
    }
    Node node = leaf(Node::Kind::scalar, mark);
    node.text = value;
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    open(Node::Kind::sequence, mark, tag, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    open(Node::Kind::mapping, mark, tag, style);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    std::optional<MapEntry> key;  // a mapping's key awaiting its value
  };

  Node leaf(Node::Kind kind, const YAML::Mark& mark) {
    if (++m_nodes > m_limits.max_nodes_per_file) {
      throw Stop{m_source.position(mark), fmt::format("more than {} values in one file", m_limits.max_nodes_per_file),
                 Code::limit_exceeded};
    }
    Node node;
    node.kind = kind;
    std::tie(node.line, node.column) = m_source.position(mark);
    node.offset = m_source.offset(mark);
    return node;
  }

  void open(Node::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::EmitterStyle::value style) {
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      throw Stop{m_source.position(mark), fmt::format("nesting deeper than {} levels", m_limits.max_depth),
                 Code::limit_exceeded};
    }
    check_tag(mark, tag);
    Node node = leaf(kind, mark);
    node.flow = style == YAML::EmitterStyle::Flow;
    m_stack.push_back(Frame{std::move(node), std::nullopt});
  }

  void close() {
    Node node = std::move(m_stack.back().node);
    m_stack.pop_back();
    if (node.kind == Node::Kind::mapping) {
      const bool list_item = !m_stack.empty() && m_stack.back().node.kind == Node::Kind::sequence;
      remove_duplicate_keys(node, list_item);
    }
    add(std::move(node));
  }

  void add(Node&& node) {
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& top = m_stack.back();
    if (top.node.kind == Node::Kind::sequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.key) {
      if (node.kind != Node::Kind::scalar && !m_bad_key) {
        m_bad_key = Stop{{node.line, node.column},
                         node.kind == Node::Kind::null ? "a mapping key is empty or null"
                                                       : "a mapping key must be text, not a list or mapping",
                         Code::yaml_non_scalar_key};
      }
      // A key that is not text gets a placeholder that no other key can equal.
      std::string key = node.kind == Node::Kind::scalar ? std::move(node.text) : fmt::format("\x01{}", m_nodes);
      top.key = MapEntry{std::move(key), node.line, node.column, node.offset, {}};
    } else {
      top.key->value = std::move(node);
      top.node.entries.push_back(std::move(*top.key));
      top.key.reset();
    }
  }

  // Reports every repeated key after the first and keeps only the first. In
  // an item of a list, the item's first key repeated is a new item that lost
  // its "- ": that is said once, and the repeats after it are its knock-on.
  void remove_duplicate_keys(Node& map, bool list_item) {
    auto& entries = map.entries;
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entries[a].key < entries[b].key; });
    std::vector<bool> repeated(entries.size(), false);
    std::size_t new_item = entries.size();  // where the lost "- " was, if anywhere
    for (std::size_t i = 1, first = 0; i < order.size(); ++i) {
      if (entries[order[i]].key != entries[order[first]].key) {
        first = i;
        continue;
      }
      repeated[order[i]] = true;
      if (list_item && order[first] == 0) new_item = std::min(new_item, order[i]);
    }
    if (new_item < entries.size()) {
      const MapEntry& again = entries[new_item];
      auto& d = m_diagnostics.error(
          diag::file_location(m_path, again.line, again.column),
          fmt::format("'{}' starts this item of the list again: is the '- ' that starts a new item missing before it?",
                      again.key),
          Code::yaml_duplicate_key);
      d.notes.push_back({diag::file_location(m_path, map.line, map.column), "the item before it starts here"});
    }
    for (std::size_t i = 1, first = 0; i < order.size(); ++i) {
      const MapEntry& original = entries[order[first]];
      const MapEntry& again = entries[order[i]];
      if (again.key != original.key) {
        first = i;
        continue;
      }
      if (order[i] >= new_item) continue;  // after the lost "- ": said once above
      auto& d = m_diagnostics.error(diag::file_location(m_path, again.line, again.column),
                                    fmt::format("duplicate key '{}'", again.key), Code::yaml_duplicate_key);
      d.notes.push_back({diag::file_location(m_path, original.line, original.column),
                         fmt::format("'{}' first appears here", original.key)});
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (repeated[i]) continue;
      if (kept != i) entries[kept] = std::move(entries[i]);
      ++kept;
    }
    entries.resize(kept);
  }

  // "; if it is text, put it in quotes: title: "*Draft*"" when the line at
  // `mark` is a field whose value starts with `indicator`, else "".
  std::string if_text(const YAML::Mark& mark, char indicator) const {
    const std::string_view line = m_source.line_of(mark);
    if (m_source.at(mark) != indicator || !value_mistake(line)) return "";
    return "; if it is text, put it in quotes: " + quoted_fix(line);
  }

  // A quoted value must close, and on the line where it opens unless it is
  // meant to run on: yaml-cpp 0.7 lets a quote left open at the end of a file
  // pass, and a quote left open mid-file swallows the fields after it.
  void check_closed(const YAML::Mark& mark) const {
    const std::string_view text = m_source.text();
    const auto open = static_cast<std::size_t>(mark.pos);
    const char quote = text[open];
    const std::size_t close = closing_quote(text, open);
    if (close == std::string_view::npos) {
      throw Stop{m_source.position(mark),
                 fmt::format("the quote that opens here is never closed: end the value with {}", quote),
                 Code::yaml_syntax};
    }
    int line = mark.line;
    for (std::size_t at = text.find('\n', open); at < close; at = text.find('\n', at + 1)) {
      ++line;
      const std::size_t end = std::min(text.find('\n', at + 1), close);
      if (looks_like_field(text.substr(at + 1, end - at - 1))) {
        throw Stop{m_source.position(mark),
                   fmt::format("the quoted value that opens here runs on to line {}, which reads like a field: is "
                               "its closing {} missing at the end of this line?",
                               line + 1, quote),
                   Code::yaml_syntax};
      }
    }
  }

  // Tags are not part of the format; "?" and "!" are yaml-cpp's markers for
  // plain and quoted values.
  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!") return;
    std::string shown = tag;
    constexpr std::string_view k_core = "tag:yaml.org,2002:";
    if (shown.starts_with(k_core)) shown = "!!" + shown.substr(k_core.size());
    const auto [line, column] = m_source.position(mark);
    m_diagnostics.error(
        diag::file_location(m_path, line, column),
        fmt::format("YAML tags such as '{}' are not used in these files: remove it", shown) + if_text(mark, '!'),
        Code::yaml_tag);
  }

  const SourceText& m_source;
  const Limits& m_limits;
  diag::Diagnostics& m_diagnostics;
  diag::SourceName m_path;
  std::vector<Frame> m_stack;
  std::optional<Node> m_root;
  std::size_t m_nodes = 0;
  YAML::Mark m_document_start;
  std::optional<Stop> m_bad_key;
};

// Stops at the start of any document after the first.
class NextDocumentProbe final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { throw NextDocument{mark}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Turns what yaml-cpp (or our handlers) stopped on into one located diagnostic.
class ProblemReporter {
 public:
  ProblemReporter(const SourceText& source, diag::SourceName path, diag::Diagnostics& diagnostics)
      : m_source(source), m_path(path), m_diagnostics(diagnostics) {}

  diag::Diagnostic& report(std::pair<int, int> position, std::string message, Code code) {
    return m_diagnostics.error(diag::file_location(m_path, position.first, position.second), std::move(message), code);
  }

  diag::Diagnostic& report(const YAML::Mark& mark, std::string message, Code code) {
    return report(m_source.position(mark), std::move(message), code);
  }

  void syntax_error(const YAML::Mark& mark, const std::string& what, const Node* open_flow) {
    if (tab_in_indentation(mark)) return;
    if (explain_mistake(mark.line)) return;
    if (stray_punctuation(mark, open_flow)) return;
    if (what == YAML::ErrorMsg::END_OF_SEQ_FLOW || what == YAML::ErrorMsg::END_OF_MAP_FLOW) {
      const bool list = what == YAML::ErrorMsg::END_OF_SEQ_FLOW;
      auto& d = report(mark,
                       fmt::format("'{}' is not closed: expected '{}', or ',' before the next item", list ? '[' : '{',
                                   list ? ']' : '}'),
                       Code::yaml_syntax);
      if (open_flow != nullptr) {
        d.notes.push_back({diag::file_location(m_path, open_flow->line, open_flow->column),
                           list ? "the list opens here" : "the mapping opens here"});
      }
      return;
    }
    if (what == YAML::ErrorMsg::UNKNOWN_TOKEN) {
      const std::string_view line = m_source.line_of(mark);
      if (auto item = flow_item_mistake(line, static_cast<std::size_t>(std::max(mark.column, 0)))) {
        report(std::pair{mark.line + 1, item->column}, std::move(item->message), Code::yaml_syntax);
        return;
      }
    }
    if (what == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      report(mark, "aliases (*name) are not allowed: write the value out in full", Code::yaml_anchor);
      return;
    }
    if (what == YAML::ErrorMsg::MAP_VALUE) {
      const std::string fix = quoted_fix(m_source.line_of(mark));
      report(mark, "unexpected ':' here: put text that contains ': ' in quotes" + (fix.empty() ? "" : ": " + fix),
             Code::yaml_syntax);
      return;
    }
    if (what == YAML::ErrorMsg::END_OF_MAP || what == YAML::ErrorMsg::END_OF_SEQ) {
      report(mark, "this line is not indented in line with the lines above it", Code::yaml_syntax);
      return;
    }
    report(mark, fmt::format("YAML syntax error: {}", printable(what)), Code::yaml_syntax);
  }

  // A second document, or text the parser could not place in the first.
  void next_document(const YAML::Mark& mark, const YAML::Mark& first_start) {
    if (mark.pos <= first_start.pos) {
      // yaml-cpp made no progress: it skips some stray punctuation forever.
      if (stray_punctuation(mark, nullptr)) return;
      report(mark, "YAML syntax error: this text cannot be parsed", Code::yaml_syntax);
      return;
    }
    if (m_source.line_of(mark).starts_with("---")) {
      report(mark, "a second YAML document ('---') is not allowed: put each record in a file of its own",
             Code::yaml_multiple_documents);
      return;
    }
    report(mark, "unexpected text after the end of the document: check this line's indentation", Code::yaml_syntax);
  }

 private:
  // A hand-editing mistake on the line yaml-cpp stopped at, or on the lines
  // just before it (a missing ':' shows only on the next line), reported
  // where it was made.
  bool explain_mistake(int error_line) {
    const std::vector<std::string_view> lines = m_source.lines_up_to(error_line);
    if (lines.empty()) return false;
    std::vector<std::size_t> near;  // the error line, then up to two content lines before it
    for (std::size_t i = lines.size(); i-- > 0 && near.size() < 3;) {
      const std::size_t first = lines[i].find_first_not_of(" \r");
      if (i + 1 == lines.size() || (first != std::string_view::npos && lines[i][first] != '#')) near.push_back(i);
    }
    for (std::size_t k = 0; k < near.size(); ++k) {
      auto mistake = value_mistake(lines[near[k]]);
      for (const std::size_t neighbour : {k - 1, k + 1}) {
        if (!mistake && neighbour < near.size()) mistake = missing_colon(lines[near[k]], lines[near[neighbour]]);
      }
      if (mistake) {
        report(std::pair{static_cast<int>(near[k]) + 1, mistake->column}, std::move(mistake->message),
               Code::yaml_syntax);
        return true;
      }
    }
    if (const auto item = missing_dash(lines)) {
      report(std::pair{error_line + 1, item->column}, std::move(item->message), Code::yaml_syntax);
      return true;
    }
    return false;
  }

  bool tab_in_indentation(const YAML::Mark& mark) {
    const std::string_view line = m_source.line_of(mark);
    const std::size_t indent_end = line.find_first_not_of(" \t");
    const std::string_view indent = line.substr(0, indent_end);
    const std::size_t tab = indent.find('\t');
    if (tab == std::string_view::npos) return false;
    m_diagnostics.error(diag::file_location(m_path, mark.line + 1, static_cast<int>(tab) + 1),
                        "tab character in indentation: YAML indents with spaces only", Code::yaml_tab);
    return true;
  }

  bool stray_punctuation(const YAML::Mark& mark, const Node* open_flow) {
    const char c = m_source.at(mark);
    if (open_flow != nullptr || (c != ',' && c != ']' && c != '}')) return false;
    report(mark, fmt::format("unexpected '{}': commas and closing brackets belong inside [...] or {{...}}", c),
           Code::yaml_syntax);
    return true;
  }

  const SourceText& m_source;
  diag::SourceName m_path;
  diag::Diagnostics& m_diagnostics;
};

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const MapEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::string_view describe(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null: return "nothing";
    case Node::Kind::scalar: return "text";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::mapping: return "a mapping";
  }
  return "nothing";
}

std::optional<Node> parse_yaml(std::string_view bytes, diag::SourceName path, const Limits& limits,
                               diag::Diagnostics& diagnostics) {
  if (bytes.size() > limits.max_file_bytes) {
    diagnostics.error(
        diag::file_location(path),
        fmt::format("the file is {} bytes, more than the limit of {} bytes", bytes.size(), limits.max_file_bytes),
        Code::limit_exceeded);
    return std::nullopt;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    diagnostics.error(diag::file_location(path, 1, 1), "the file is UTF-16 or UTF-32 text: save it as UTF-8",
                      Code::encoding);
    return std::nullopt;
  }
  std::size_t skipped = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) {  // a UTF-8 byte order mark is harmless
    bytes.remove_prefix(3);
    skipped = 3;
  }

  bool ascii = true;
  if (const auto problem = find_text_problem(bytes, ascii)) {
    diagnostics.error(diag::file_location(path, problem->line, problem->column), problem->message, problem->code);
    return std::nullopt;
  }

  const SourceText source(bytes, ascii, skipped);
  ProblemReporter reporter(source, path, diagnostics);
  TreeBuilder builder(source, limits, diagnostics, path);
  ViewBuffer buffer(bytes);
  std::istream input(&buffer);
  try {
    YAML::Parser parser(input);
    if (!parser.HandleNextDocument(builder)) {
      Node empty;
      empty.line = 1;
      empty.column = 1;
      empty.offset = skipped;
      return empty;
    }
    // One more step, never a loop: yaml-cpp can report documents forever.
    NextDocumentProbe probe;
    parser.HandleNextDocument(probe);
    if (const auto& bad_key = builder.bad_key()) {
      reporter.report(bad_key->position, bad_key->message, bad_key->code);
      return std::nullopt;
    }
  } catch (const Stop& stop) {
    reporter.report(stop.position, stop.message, stop.code);
    return std::nullopt;
  } catch (const NextDocument& next) {
    reporter.next_document(next.mark, builder.document_start());
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    reporter.syntax_error(e.mark, e.msg, builder.innermost_flow());
    return std::nullopt;
  }
  return builder.take_root();
}

}  // namespace hmicfrs::load
