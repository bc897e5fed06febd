#pragma once

// Colours of ratings, for the formats that show them. Private to render/.

#include <string>
#include <string_view>

namespace hmicfrs::render {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0 to 255
};

// "#rrggbb" as red, green and blue; black for anything else.
Rgb rgb_of(std::string_view hex);

// WCAG 2 contrast ratio of two colours, from 1 to 21.
double contrast(const Rgb& a, const Rgb& b);

// Black or white, whichever reads better on `background` ("#000000" or "#ffffff").
std::string_view text_colour_on(std::string_view background);

// `hex` mixed with white, `share` of it kept: the light fill of a table cell.
std::string tint(std::string_view hex, double share);

// The terminal's escape sequence of the nearest of its eight colours; "" for none.
std::string_view ansi_of(std::string_view hex);

}  // namespace hmicfrs::render
