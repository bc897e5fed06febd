#include "mistakes.hpp"

#include <cctype>

#include <fmt/format.h>

namespace hmicfrs::load {
namespace {

// A line taken apart: its indentation, an optional "- ", and what follows.
struct Line {
  std::size_t indent = 0;
  bool item = false;
  std::string_view rest;  // after the indentation and any "- "
  std::size_t rest_at = 0;
};

Line parse_line(std::string_view line) {
  Line out;
  out.indent = line.find_first_not_of(' ');
  if (out.indent == std::string_view::npos) return Line{line.size(), false, {}, line.size()};
  out.rest_at = out.indent;
  if (line.compare(out.indent, 2, "- ") == 0) {
    out.item = true;
    out.rest_at = line.find_first_not_of(' ', out.indent + 2);
    if (out.rest_at == std::string_view::npos) out.rest_at = line.size();
  }
  out.rest = line.substr(out.rest_at);
  while (!out.rest.empty() && (out.rest.back() == ' ' || out.rest.back() == '\r')) out.rest.remove_suffix(1);
  return out;
}

bool is_name(std::string_view word) {
  if (word.empty() || std::isalpha(static_cast<unsigned char>(word.front())) == 0) return false;
  for (const char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && c != '-') return false;
  }
  return true;
}

// Characters are counted, not bytes, in columns.
int column_of(std::string_view line, std::size_t index) {
  int column = 1;
  for (std::size_t i = 0; i < index && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// Where the bracket at `open` closes on the line, ignoring brackets in quotes; npos when it does not.
std::size_t closing_bracket(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      const std::size_t end = closing_quote(text, i);
      if (end == std::string_view::npos) return end;
      i = end;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Text after a closing quote or bracket that is more than a comment.
bool more_follows(std::string_view text, std::size_t end) {
  const std::size_t next = text.find_first_not_of(' ', end + 1);
  return next != std::string_view::npos && text[next] != '#';
}

// The value as it reads, in double quotes, inner double quotes escaped.
std::string double_quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::size_t closing_quote(std::string_view text, std::size_t quote) {
  const char mark = text[quote];
  for (std::size_t i = quote + 1; i < text.size(); ++i) {
    if (mark == '"' && text[i] == '\\') {
      ++i;  // an escape: \" does not close
    } else if (text[i] == mark) {
      if (mark == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is an apostrophe inside '...'
      } else {
        return i;
      }
    }
  }
  return std::string_view::npos;
}

std::optional<Mistake> value_mistake(std::string_view text) {
  const Line line = parse_line(text);
  const std::size_t colon = line.rest.find(':');
  if (colon == std::string_view::npos || !is_name(line.rest.substr(0, colon))) return std::nullopt;
  const std::string_view key = line.rest.substr(0, colon);
  const std::size_t colon_at = line.rest_at + colon;
  const std::string_view after = line.rest.substr(colon + 1);
  if (!after.empty() && after.front() != ' ') {
    return Mistake{column_of(text, colon_at + 1),
                   fmt::format("no space after the ':' in '{}:{}': write '{}: {}'", key, after, key, after)};
  }
  const std::size_t start = after.find_first_not_of(' ');
  if (start == std::string_view::npos) return std::nullopt;
  const std::string_view value = after.substr(start);
  const std::size_t value_at = colon_at + 1 + start;
  const int column = column_of(text, value_at);
  const char first = value.front();
  const auto needs_quotes = [&](std::string_view why) {
    return Mistake{column, fmt::format("the value of '{}' starts with '{}', {}: put the whole value in quotes: {}: {}",
                                       key, first, why, key, double_quoted(value))};
  };
  switch (first) {
    case '[':
    case '{': {
      const std::size_t end = closing_bracket(value, 0);
      if (end == std::string_view::npos || !more_follows(value, end)) return std::nullopt;
      return needs_quotes(first == '[' ? "which YAML reads as the start of a list"
                                       : "which YAML reads as the start of a mapping");
    }
    case '@':
    case '`':
    case '%': return needs_quotes("which YAML keeps for itself");
    case '*':
    case '&':
    case '!': {
      // "*x" alone, "&x [1]" or "!!str 5" use YAML as meant (and are refused
      // elsewhere); "*Urgent* review" or "&Co report" is text.
      const std::size_t space = value.find(' ');
      const std::string_view token = value.substr(0, space);
      const std::string_view rest =
          space == std::string_view::npos ? "" : value.substr(value.find_first_not_of(' ', space));
      const bool emphasis = token.size() > 2 && token.back() == first;
      const bool words_follow = !rest.empty() &&
                                std::string_view("[{'\"|>#").find(rest.front()) == std::string_view::npos &&
                                !(first == '!' && token.starts_with("!!"));
      if (!emphasis && !(words_follow && (first != '!' || rest.find(' ') != std::string_view::npos)))
        return std::nullopt;
      return needs_quotes(first == '*'   ? "which YAML reads as an alias"
                          : first == '&' ? "which YAML reads as an anchor"
                                         : "which YAML reads as a tag");
    }
    case '|':
    case '>': {
      const std::string_view indicator_rest = value.substr(1);
      const std::size_t text_at = indicator_rest.find_first_not_of("+-0123456789 ");
      if (text_at == std::string_view::npos || indicator_rest[text_at] == '#') return std::nullopt;
      return Mistake{column, fmt::format("'{}' starts a block of text on the lines below it: put the text on the next "
                                         "lines, indented under '{}', or put the whole value in quotes",
                                         first, key)};
    }
    case '\'':
    case '"': {
      const std::size_t end = closing_quote(value, 0);
      if (end == std::string_view::npos || !more_follows(value, end)) return std::nullopt;
      if (first == '\'') {
        return Mistake{column_of(text, value_at + end),
                       fmt::format("the value of '{}' is in single quotes and holds an apostrophe, which ends it: "
                                   "write the apostrophe twice (''), or put the value in double quotes: {}: {}",
                                   key, key, double_quoted(value.substr(1, value.rfind('\'') - 1)))};
      }
      std::string inner(value.substr(1, value.rfind('"') - 1));
      return Mistake{column_of(text, value_at + end),
                     fmt::format("the value of '{}' is in double quotes and holds a '\"', which ends it: write it as "
                                 "\\\" inside, or put the value in single quotes: {}: '{}'",
                                 key, key, inner)};
    }
    default: return std::nullopt;
  }
}

std::optional<Mistake> flow_item_mistake(std::string_view line, std::size_t index) {
  if (index >= line.size()) return std::nullopt;
  const std::size_t open = line.find_last_of("[{", index);
  if (open == std::string_view::npos) return std::nullopt;
  for (std::size_t quote = line.find_first_of("\"'", open); quote < index;
       quote = line.find_first_of("\"'", quote + 1)) {
    quote = closing_quote(line, quote);
    if (quote == std::string_view::npos || quote >= index) return std::nullopt;  // inside quotes: not an item
  }
  // The item: from the last ',' or bracket before the index to the next after it; in a mapping, its key or
  // its value, whichever holds the index.
  std::size_t start = line.find_last_of(",[{", index == open ? index : index - 1) + 1;
  std::size_t end = std::min(line.find_first_of(",]}", index), line.size());
  const std::size_t colon = line.substr(0, end).find(": ", start);
  if (colon != std::string_view::npos) (index < colon ? end : start) = index < colon ? colon : colon + 2;
  while (start < end && line[start] == ' ') ++start;
  while (end > start && line[end - 1] == ' ') --end;
  if (start == end) return std::nullopt;
  const std::string_view item = line.substr(start, end - start);
  const std::string_view indent = line.substr(0, line.find_first_not_of(' '));
  const std::string fixed = std::string(line.substr(indent.size(), start - indent.size())) + double_quoted(item) +
                            std::string(line.substr(end));
  return Mistake{column_of(line, start), fmt::format("'{}' cannot be read unquoted inside {}: put it in quotes: {}",
                                                     item, line[open] == '[' ? "[...]" : "{...}", fixed)};
}

std::optional<Mistake> missing_dash(const std::vector<std::string_view>& lines) {
  if (lines.empty() || !looks_like_field(lines.back())) return std::nullopt;
  const Line field = parse_line(lines.back());
  if (field.item) return std::nullopt;
  for (std::size_t i = lines.size() - 1; i-- > 0;) {
    const Line above = parse_line(lines[i]);
    if (above.rest.empty() || above.rest.front() == '#') continue;
    if (above.indent < field.indent) return std::nullopt;  // left the list's level: no item above
    if (above.indent == field.indent) {
      if (!above.item) return std::nullopt;
      return Mistake{static_cast<int>(field.indent) + 1,
                     fmt::format("the items of this list start with '- ' at this indentation: is it missing before "
                                 "'{}'? Write '- {}'",
                                 field.rest.substr(0, field.rest.find(':')), field.rest)};
    }
  }
  return std::nullopt;
}

std::string quoted_fix(std::string_view text) {
  const Line line = parse_line(text);
  const std::size_t colon = line.rest.find(": ");
  if (colon == std::string_view::npos || !is_name(line.rest.substr(0, colon))) return "";
  const std::string_view value = line.rest.substr(line.rest.find_first_not_of(' ', colon + 1));
  return fmt::format("{}: {}", line.rest.substr(0, colon), double_quoted(value));
}

bool looks_like_field(std::string_view text) {
  const Line line = parse_line(text);
  const std::size_t colon = line.rest.find(':');
  return colon != std::string_view::npos && is_name(line.rest.substr(0, colon)) &&
         (colon + 1 == line.rest.size() || line.rest[colon + 1] == ' ');
}

std::optional<Mistake> missing_colon(std::string_view text, std::string_view next) {
  const Line line = parse_line(text);
  const Line sibling = parse_line(next);
  const std::size_t space = line.rest.find(' ');
  if (space == std::string_view::npos || line.rest.find(':') != std::string_view::npos) return std::nullopt;
  const std::string_view word = line.rest.substr(0, space);
  const std::size_t sibling_colon = sibling.rest.find(':');
  // The next line must be a field of the same mapping: same indentation, "name:".
  const std::size_t own_column = line.item ? line.rest_at : line.indent;
  const std::size_t next_column = sibling.item ? sibling.rest_at : sibling.indent;
  if (!is_name(word) || sibling_colon == std::string_view::npos || !is_name(sibling.rest.substr(0, sibling_colon)) ||
      own_column != next_column) {
    return std::nullopt;
  }
  const std::string_view value = line.rest.substr(line.rest.find_first_not_of(' ', space));
  return Mistake{column_of(text, line.rest_at + space),
                 fmt::format("no ':' after '{}': write '{}: {}'", word, word, value)};
}

}  // namespace hmicfrs::load
