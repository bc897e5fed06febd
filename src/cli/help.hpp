#pragma once

// The help CLI11 prints, laid out for the terminal's width. Private to cli/.

#include <cstddef>
#include <memory>

namespace CLI {
class Formatter;
}

namespace hmicfrs::cli {

// A formatter whose help fits `width` columns (descriptions wrapped at spaces, never inside an option or a date)
// and lists, under a command's own options, the program's options the command takes.
std::shared_ptr<CLI::Formatter> help_formatter(std::size_t width);

}  // namespace hmicfrs::cli
