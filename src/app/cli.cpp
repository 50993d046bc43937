// Dispatch: subcommands first (never touching GLFW), then GUI options.
#include "app/cli.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>

namespace et {

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>&, std::ostream&, std::ostream&);
};

// Only commands that exist are listed; `--help` prints exactly this table.
const Command kCommands[] = {
    {"export", "write the practice history as CSV or JSON", cli_export},
    {"score", "rate responses for Level One, Level Two and the six mistakes (JSON)", cli_score},
    {"validate", "check scenario files and folders; one line per problem", cli_validate},
    {"handout", "write a printable summary of a scenario (HTML or Markdown)", cli_handout},
    {"disclose", "tell the inner from the outer layer and name the core emotions (JSON)", cli_disclose},
};

void print_help(std::ostream& out, bool with_gui) {
    out << "Empathy Trainer " ET_VERSION " - practise listening with empathy.\n\n"
        << "usage: empathy-trainer [OPTIONS]            open the trainer window\n"
        << "       empathy-trainer COMMAND [ARGS...]    run a command without a window\n\n"
        << "commands:\n";
    for (const Command& c : kCommands) {
        out << "  " << c.name << std::string(12 - std::string(c.name).size(), ' ') << c.summary << '\n';
    }
    out << "  (run `empathy-trainer COMMAND --help` for a command's options)\n";
    if (with_gui) {
        out << "\nwindow options:\n"
            << "  --scenarios DIR      a scenario folder instead of the bundled one\n"
            << "  --open ID            start in the scenario with this id\n"
            << "  --mode MODE          solo (the default), couples (two players take turns),\n"
            << "                       workshop (presenter mode, projector text size) or\n"
            << "                       checkin (the daily check-in)\n"
            << "  --criteria FILE      scoring criteria instead of the default\n"
            << "  --history-db FILE    practice history database instead of the default\n"
            << "  --trace FILE         append one JSON object per UI event to FILE\n"
            << "  --screenshot FILE    write the window as PNG after --frames frames, then exit\n"
            << "  --frames N           render N frames, then exit\n"
            << "  --size WxH           window size in pixels (default 1280x800)\n";
    }
    out << "\n  -h, --help           show this help\n"
        << "  --version            show the version\n";
}

bool parse_int(const std::string& s, int& value) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

} // namespace

std::optional<std::string> ArgReader::value(const std::string& option) {
    ++pos;
    if (pos >= args.size()) {
        err << "empathy-trainer" << (command.empty() ? "" : " " + command) << ": option "
            << option << " needs a value\n";
        return std::nullopt;
    }
    return args[pos++];
}

std::optional<int> CommandLine::parse(const std::vector<std::string>& args, std::ostream& out,
                                      std::ostream& err) const {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            out << help_;
            return kExitOk;
        }
        const auto it = std::find_if(options_.begin(), options_.end(),
                                     [&](const auto& o) { return o.first == arg; });
        if (it == options_.end()) {
            return usage_error(err, "unknown argument " + arg);
        }
        if (it->second->has_value()) {
            return usage_error(err, arg + " given twice");
        }
        if (i + 1 >= args.size()) {
            return usage_error(err, "option " + arg + " needs a value");
        }
        *it->second = args[++i];
    }
    return std::nullopt;
}

int CommandLine::usage_error(std::ostream& err, const std::string& message) const {
    err << "empathy-trainer " << command_ << ": " << message << " (see empathy-trainer " << command_
        << " --help)\n";
    return kExitUsage;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const GuiRunner& gui) {
    if (!args.empty()) {
        for (const Command& c : kCommands) {
            if (args[0] == c.name) {
                return c.run(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
            }
        }
    }
    GuiOptions options;
    ArgReader r{args, 0, err, ""};
    auto usage_error = [&](const std::string& message) {
        err << "empathy-trainer: " << message << "\n"
            << "usage: empathy-trainer [OPTIONS] | COMMAND [ARGS...]; see --help\n";
        return kExitUsage;
    };
    while (!r.done()) {
        const std::string arg = r.peek();
        if (arg == "-h" || arg == "--help") {
            print_help(out, static_cast<bool>(gui));
            return kExitOk;
        }
        if (arg == "--version") {
            out << "empathy-trainer " ET_VERSION "\n";
            return kExitOk;
        }
        std::string* target = nullptr;
        if (arg == "--scenarios") target = &options.scenarios_dir;
        else if (arg == "--open") target = &options.open_scenario;
        else if (arg == "--mode") target = &options.mode;
        else if (arg == "--screenshot") target = &options.screenshot;
        else if (arg == "--trace") target = &options.trace;
        else if (arg == "--criteria") target = &options.criteria;
        else if (arg == "--history-db") target = &options.history_db;
        if (target != nullptr) {
            const auto v = r.value(arg);
            if (!v) {
                return kExitUsage;
            }
            *target = *v;
            continue;
        }
        if (arg == "--frames") {
            const auto v = r.value(arg);
            if (!v) {
                return kExitUsage;
            }
            if (!parse_int(*v, options.frames) || options.frames < 1) {
                return usage_error("--frames needs a positive whole number, got \"" + *v + "\"");
            }
            continue;
        }
        if (arg == "--size") {
            const auto v = r.value(arg);
            if (!v) {
                return kExitUsage;
            }
            const auto x = v->find('x');
            if (x == std::string::npos || !parse_int(v->substr(0, x), options.width) ||
                !parse_int(v->substr(x + 1), options.height) || options.width < 320 ||
                options.height < 240 || options.width > 7680 || options.height > 4320) {
                return usage_error("--size needs WIDTHxHEIGHT such as 1280x800, got \"" + *v + "\"");
            }
            continue;
        }
        if (!arg.empty() && arg[0] == '-') {
            return usage_error("unknown option " + arg);
        }
        return usage_error("unknown command \"" + arg + "\"");
    }
    if (options.mode != "solo" && options.mode != "couples" && options.mode != "workshop" &&
        options.mode != "checkin") {
        return usage_error("--mode must be solo, couples, workshop or checkin, got \"" +
                           options.mode + "\"");
    }
    if (!options.screenshot.empty() && options.frames == 0) {
        options.frames = 3;
    }
    if (!gui) {
        err << "empathy-trainer: this build has no window; use a command (see --help)\n";
        return kExitFailure;
    }
    return gui(options);
}

} // namespace et
