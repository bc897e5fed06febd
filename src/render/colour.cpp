#include "colour.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace hmicfrs::render {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

double linear(double channel) {
  const double c = channel / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Rgb& c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

}  // namespace

Rgb rgb_of(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hex_digit(hex[i + 1]);
    if (v[i] < 0) return {};
  }
  return {static_cast<double>(v[0] * 16 + v[1]), static_cast<double>(v[2] * 16 + v[3]),
          static_cast<double>(v[4] * 16 + v[5])};
}

double contrast(const Rgb& a, const Rgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string_view text_colour_on(std::string_view background) {
  const Rgb fill = rgb_of(background);
  return contrast(fill, {0, 0, 0}) >= contrast(fill, {255, 255, 255}) ? "#000000" : "#ffffff";
}

std::string tint(std::string_view hex, double share) {
  const Rgb c = rgb_of(hex);
  const auto mix = [&](double v) { return static_cast<int>(std::lround(v * share + 255.0 * (1.0 - share))); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(c.r), mix(c.g), mix(c.b));
}

std::string_view ansi_of(std::string_view hex) {
  if (hex.empty()) return "";
  const Rgb c = rgb_of(hex);
  const double high = std::max({c.r, c.g, c.b}), low = std::min({c.r, c.g, c.b});
  if (high - low < 40) return high > 200 ? "\x1b[37m" : high > 60 ? "\x1b[90m" : "";  // white, grey; black as is
  double hue = 0;                                                                     // degrees
  if (high == c.r) {
    hue = 60 * std::fmod((c.g - c.b) / (high - low) + 6, 6);
  } else if (high == c.g) {
    hue = 60 * ((c.b - c.r) / (high - low) + 2);
  } else {
    hue = 60 * ((c.r - c.g) / (high - low) + 4);
  }
  if (hue < 20 || hue >= 330) return "\x1b[31m";
  if (hue < 70) return "\x1b[33m";
  if (hue < 170) return "\x1b[32m";
  if (hue < 200) return "\x1b[36m";
  if (hue < 260) return "\x1b[34m";
  return "\x1b[35m";
}

}  // namespace hmicfrs::render
