// `empathy-trainer handout`: writes a scenario's printable summary (HTML or Markdown).
#include <iostream>

#include "app/cli.hpp"
#include "core/atomic_file.hpp"
#include "core/criteria.hpp"
#include "core/handout.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"

namespace et {

namespace {

const char* kHandoutUsage =
    "usage: empathy-trainer handout --scenario FILE --out FILE [--format html|md]\n"
    "                               [--paper auto|a4|letter] [--criteria FILE]\n"
    "Writes a self-contained printable summary of the scenario: the partner card, each\n"
    "step's line, every authored choice with the engine's level, mistakes and highlighted\n"
    "words, the author's why, and a suggested response. --format defaults to md when FILE\n"
    "ends in .md, else html; --paper sets the HTML's page size (default auto: the\n"
    "printer's). --out - writes to standard output.\n";

// One line, then where to look: a usage mistake should not bury its own message.

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <typename Load>
bool report_first_error(const Load& load, std::ostream& err) {
    for (const auto& d : load.problems) {
        if (d.severity == Severity::Error) {
            err << d.to_string() << '\n';
            return true;
        }
    }
    return false;
}

} // namespace

int cli_handout(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::optional<std::string> scenario_path, out_path, format_id, paper_id, criteria_path;
    const CommandLine command_line = CommandLine("handout", kHandoutUsage)
                                         .option("--scenario", scenario_path)
                                         .option("--out", out_path)
                                         .option("--format", format_id)
                                         .option("--paper", paper_id)
                                         .option("--criteria", criteria_path);
    if (const auto stop = command_line.parse(args, out, err)) {
        return *stop;
    }
    if (!scenario_path) {
        return command_line.usage_error(err, "--scenario FILE is required");
    }
    if (!out_path || out_path->empty()) {
        return command_line.usage_error(err, "--out FILE is required");
    }
    HandoutOptions options;
    if (format_id) {
        const auto format = parse_handout_format(*format_id);
        if (!format) {
            return command_line.usage_error(err, "--format must be html or md, got \"" +
                                                     *format_id + "\"");
        }
        options.format = *format;
    } else if (ends_with(*out_path, ".md") || ends_with(*out_path, ".markdown")) {
        options.format = HandoutFormat::Markdown;
    }
    if (paper_id) {
        const auto paper = parse_paper_size(*paper_id);
        if (!paper) {
            return command_line.usage_error(err, "--paper must be auto, a4 or letter, got \"" +
                                                     *paper_id + "\"");
        }
        options.paper = *paper;
    }

    const auto criteria = load_criteria_file(criteria_path.value_or(default_criteria_path()));
    if (!criteria.criteria) {
        if (!report_first_error(criteria, err)) {
            err << criteria_path.value_or(default_criteria_path()) << ": cannot load criteria\n";
        }
        return kExitUsage;
    }
    const auto loaded = load_scenario_file(*scenario_path);
    if (!loaded.scenario) {
        if (!report_first_error(loaded, err)) {
            err << *scenario_path << ": cannot load the scenario\n";
        }
        return kExitUsage;
    }

    const Scorer scorer(*criteria.criteria);
    const std::string text = render_handout(*loaded.scenario, scorer, options);
    if (*out_path == "-") {
        out << text;
        return out ? kExitOk : kExitFailure;
    }
    if (const auto problem = write_file_atomically(*out_path, text)) {
        err << "empathy-trainer handout: " << *problem << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace et
