#pragma once

// How wide characters are in the fonts a Word paper is laid out with. Private to render/.

namespace hmicfrs::render {

// The advance of a character not in the table, in 1/2048 em: wider than any
// the table holds (bold Œ, 2390) and than an ideograph (an em, 2048), so that
// a column sized with it is not too narrow.
constexpr unsigned k_unknown_advance = 2400;

// The advance of `code` in 1/2048 em, regular or bold: the wider of Liberation
// Sans (Arial's metrics) and DejaVu Sans (Verdana's, near enough), the fonts
// LibreOffice takes for Arial on Debian (scripts/font-widths.py).
unsigned font_advance(char32_t code, bool bold);

}  // namespace hmicfrs::render
