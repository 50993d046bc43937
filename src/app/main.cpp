// Entry point: hands the arguments to the CLI dispatcher, with the window as a runner.
#include <iostream>

#include "app/cli.hpp"

#ifndef ET_NO_GUI
#include "app/gui_main.hpp"
#endif

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
#ifdef ET_NO_GUI
    return et::run_cli(args, std::cout, std::cerr, nullptr);
#else
    return et::run_cli(args, std::cout, std::cerr, et::run_gui);
#endif
}
