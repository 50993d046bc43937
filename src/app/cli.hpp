// Command-line entry: parses options, runs subcommands without a display, or hands GUI
// options to the window layer.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace et {

struct GuiOptions {
    std::string scenarios_dir;   // empty: the bundled scenarios
    std::string open_scenario;   // start in this scenario id
    std::string mode = "solo";   // solo, couples, workshop
    std::string screenshot;      // write a PNG after `frames` frames and exit
    int frames = 0;              // 0: run until the user quits
    std::string trace;           // append JSON Lines of UI events here
    std::string criteria;        // a criteria file instead of the default
    std::string history_db;      // the practice history database; empty: the default path
    int width = 1280;
    int height = 800;
};

using GuiRunner = std::function<int(const GuiOptions&)>;

// Runs the program; returns the exit status. `gui` is empty in builds without a GUI.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const GuiRunner& gui);

// Subcommands (each in its own file).
int cli_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cli_score(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cli_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cli_handout(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int cli_disclose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Shared argument helpers.
struct ArgReader {
    const std::vector<std::string>& args;
    std::size_t pos = 0;
    std::ostream& err;
    std::string command; // for "usage: empathy-trainer COMMAND ..." messages

    bool done() const { return pos >= args.size(); }
    const std::string& peek() const { return args[pos]; }
    // Reads the value of an option; on a missing value prints an error and returns nothing.
    std::optional<std::string> value(const std::string& option);
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

} // namespace et
