#include <iostream>

#include <hmicfrs/cli/run.hpp>

int main(int argc, char** argv) { return hmicfrs::cli::run(argc, argv, std::cout, std::cerr); }
