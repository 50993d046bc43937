// Command-line entry: parses options, runs subcommands without a display, or hands GUI
// options to the window layer.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// A subcommand's options, each taking one value, read the same way by every command: --help
// prints `help` on `out` (exit 0); an unknown or repeated option or a missing value is one
// line on `err` (exit 2), as is any usage_error() the command reports afterwards.
class CommandLine {
public:
    CommandLine(std::string command, std::string_view help)
        : command_(std::move(command)), help_(help) {}
    CommandLine& option(std::string name, std::optional<std::string>& value) {
        options_.emplace_back(std::move(name), &value);
        return *this;
    }
    // Nothing when the command should go on; else the exit status to stop with.
    std::optional<int> parse(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err) const;
    // "empathy-trainer COMMAND: MESSAGE (see empathy-trainer COMMAND --help)"; returns 2.
    int usage_error(std::ostream& err, const std::string& message) const;

private:
    std::string command_;
    std::string_view help_;
    std::vector<std::pair<std::string, std::optional<std::string>*>> options_;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

} // namespace et
