// Compiled only for its command line: tests/layering/check.py compiles answers probes with it.
#include <hmicfrs/answers/paper.hpp>
