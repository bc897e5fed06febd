#include "user_markdown.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace hmicfrs::render::user_markdown {

std::vector<Block> blocks(std::string_view markdown) {
  // The lines (as getline splits them), grouped at blank lines; views of `markdown`, not copies.
  std::vector<std::vector<std::string_view>> groups(1);
  while (!markdown.empty()) {
    const std::size_t end = std::min(markdown.find('\n'), markdown.size());
    const std::string_view line = markdown.substr(0, end);
    markdown.remove_prefix(std::min(end + 1, markdown.size()));
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      if (!groups.back().empty()) groups.emplace_back();
    } else {
      groups.back().push_back(line);
    }
  }
  const auto bullet = [](std::string_view line) {
    const std::size_t start = line.find_first_not_of(' ');
    return line.compare(start, 2, "- ") == 0 || line.compare(start, 2, "* ") == 0 ? start + 2 : std::string::npos;
  };
  const auto numbered = [](std::string_view line) {
    const std::size_t start = line.find_first_not_of(' ');
    std::size_t i = start;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) != 0) ++i;
    return i > start && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' '
               ? i + 2
               : std::string::npos;
  };
  std::vector<Block> out;
  for (const auto& group : groups) {
    if (group.empty()) continue;
    const bool is_bullets = bullet(group.front()) != std::string::npos;
    const bool is_numbered = !is_bullets && numbered(group.front()) != std::string::npos;
    if (!is_bullets && !is_numbered) {
      std::string text;
      for (const std::string_view line : group) (text.empty() ? text : text.append(" ")).append(line);
      out.push_back({Block::Kind::paragraph, {std::move(text)}});
      continue;
    }
    // Items start at a marker; other lines continue the item before them.
    Block list{is_bullets ? Block::Kind::bullets : Block::Kind::numbered, {}};
    for (const std::string_view line : group) {
      const std::size_t text = is_bullets ? bullet(line) : numbered(line);
      if (text != std::string::npos || list.items.empty()) {
        list.items.emplace_back(line.substr(text == std::string::npos ? 0 : text));
      } else {
        list.items.back().append(" ").append(line.substr(line.find_first_not_of(' ')));
      }
    }
    out.push_back(std::move(list));
  }
  return out;
}

std::vector<Inline> inlines(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_markers{
      {{"**", "strong"}, {"`", "code"}, {"*", "em"}, {"_", "em"}}};
  std::vector<Inline> out;
  const auto add_text = [&](std::string_view plain) {
    if (out.empty() || !out.back().tag.empty()) out.push_back({});
    out.back().text += plain;
  };
  // The characters that may open emphasis or code (find_first_of would search the three for every character).
  static constexpr auto k_opens = [] {
    std::array<bool, 256> opens{};
    for (const unsigned char c : {'*', '`', '_'}) opens[c] = true;
    return opens;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    // Text up to the next character that may open emphasis or code goes as it is.
    std::size_t next = i;
    while (next < text.size() && !k_opens[static_cast<unsigned char>(text[next])]) ++next;
    if (next > i) {
      add_text(text.substr(i, next - i));
      i = next;
      continue;
    }
    bool matched = false;
    for (const auto& [marker, tag] : k_markers) {
      if (text.compare(i, marker.size(), marker) != 0) continue;
      const std::size_t end = text.find(marker, i + marker.size());
      if (end == std::string_view::npos || end == i + marker.size()) continue;
      const std::string_view inner = text.substr(i + marker.size(), end - i - marker.size());
      if (tag == "code") {
        out.push_back({tag, std::string(inner), {}});
      } else {
        out.push_back({tag, {}, inlines(inner)});
      }
      i = end + marker.size();
      matched = true;
      break;
    }
    if (!matched) add_text(text.substr(i++, 1));
  }
  return out;
}

}  // namespace hmicfrs::render::user_markdown
