// `empathy-trainer score`: the stable JSON contract of the scoring engine.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "core/criteria.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"

namespace et {

namespace {

const char* kScoreUsage =
    "usage: empathy-trainer score --scenario FILE [--step STEP_ID] [--criteria FILE]\n"
    "                             (--response TEXT | --responses FILE)\n"
    "Prints one JSON object per response: level, mistakes, score, matches, feedback,\n"
    "suggestion. --responses reads one response per line and prints JSON Lines.\n";

void print(std::ostream& out, const Score& score, std::string_view response) {
    // Invalid UTF-8 never reaches the output: the engine refuses it and echoes no text.
    thread_local std::string line;
    line.clear();
    append_score_json(line, score, response);
    line += '\n';
    out << line;
}

} // namespace

int cli_score(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::optional<std::string> scenario_path, step_id, criteria_path, response, responses_path;
    const CommandLine command_line = CommandLine("score", kScoreUsage)
                                         .option("--scenario", scenario_path)
                                         .option("--step", step_id)
                                         .option("--criteria", criteria_path)
                                         .option("--response", response)
                                         .option("--responses", responses_path);
    if (const auto stop = command_line.parse(args, out, err)) {
        return *stop;
    }
    if (!scenario_path) {
        return command_line.usage_error(err, "--scenario FILE is required");
    }
    if (response.has_value() == responses_path.has_value()) {
        return command_line.usage_error(err,
                                        "give exactly one of --response TEXT or --responses FILE");
    }

    const auto criteria = load_criteria_file(criteria_path.value_or(default_criteria_path()));
    if (!criteria.criteria) {
        for (const auto& d : criteria.problems) {
            if (d.severity == Severity::Error) {
                err << d.to_string() << '\n';
                break; // one line: the first error
            }
        }
        return kExitUsage;
    }
    const auto loaded = load_scenario_file(*scenario_path);
    if (!loaded.scenario) {
        for (const auto& d : loaded.problems) {
            if (d.severity == Severity::Error) {
                err << d.to_string() << '\n';
                break;
            }
        }
        return kExitUsage;
    }
    const Scenario& scenario = *loaded.scenario;
    const Step* step = step_id ? scenario.find_step(*step_id) : &scenario.steps.front();
    if (step == nullptr) {
        err << *scenario_path << ": no step has the id \"" << *step_id << "\"\n";
        return kExitUsage;
    }

    const Scorer scorer(*criteria.criteria);
    const auto prepared = scorer.prepare(scoring_step(scenario, *step));
    if (response) {
        print(out, scorer.score(*prepared, *response), *response);
        return kExitOk;
    }
    std::ifstream in(*responses_path, std::ios::binary);
    if (!in) {
        err << *responses_path << ": cannot open the file\n";
        return kExitUsage;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const Score s = scorer.score(*prepared, line);
        print(out, s, line);
    }
    return kExitOk;
}

} // namespace et
