#pragma once

// How wide characters are in the fonts a Word paper is laid out with. Private to render/.

namespace hmicfrs::render {

// The advance of a character not in the table, in 1/2048 em: a full em, as
// wide as the widest letters and the ideographs, so that a column sized with
// it is never too narrow.
constexpr unsigned k_unknown_advance = 2048;

// The advance of `code` in 1/2048 em, regular or bold: the wider of Liberation
// Sans (Arial's metrics) and DejaVu Sans (Verdana's, near enough), the fonts
// LibreOffice takes for Arial on Debian (scripts/font-widths.py).
unsigned font_advance(char32_t code, bool bold);

}  // namespace hmicfrs::render
