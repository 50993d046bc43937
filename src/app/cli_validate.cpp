// `empathy-trainer validate PATH...`: one line per problem on stderr; exit 0 when valid.
#include <iostream>

#include "app/cli.hpp"
#include "core/scenario_loader.hpp"

namespace et {

int cli_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const char* usage = "usage: empathy-trainer validate PATH...   (scenario files or folders)\n";
    std::vector<std::string> paths;
    for (const auto& arg : args) {
        if (arg == "-h" || arg == "--help") {
            out << usage;
            return kExitOk;
        }
        if (!arg.empty() && arg[0] == '-') {
            err << "empathy-trainer validate: unknown option " << arg << '\n' << usage;
            return kExitUsage;
        }
        paths.push_back(arg);
    }
    if (paths.empty()) {
        err << "empathy-trainer validate: no path given\n" << usage;
        return kExitUsage;
    }
    const LibraryLoad library = load_scenario_paths(paths);
    int errors = 0;
    int warnings = 0;
    for (const auto& d : library.problems) {
        err << d.to_string() << '\n';
        (d.severity == Severity::Error ? errors : warnings)++;
    }
    out << library.scenarios.size() << " valid scenario(s) in " << library.files_seen
        << " file(s); " << errors << " error(s), " << warnings << " warning(s)\n";
    return errors == 0 && library.files_seen > 0 ? kExitOk : kExitFailure;
}

} // namespace et
