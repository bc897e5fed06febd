#pragma once

// Defines the C function `name` with the parameters its library's header
// declares (a definition that differs from the declaration does not compile),
// calling the library's own, whose address is looked up at the first call.
// Private to lazy/.
#define HMICFRS_FORWARD(library, result, name, parameters, arguments)    \
  extern "C" result name parameters {                                    \
    static const auto real = library().function<decltype(&name)>(#name); \
    return real arguments;                                               \
  }
