// `empathy-trainer disclose`: inner or outer layer and core emotions of a statement (JSON).
#include "app/cli.hpp"
#include "core/criteria.hpp"
#include "core/disclosure.hpp"
#include "core/json_file.hpp"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace et {

namespace {

const char* kDiscloseUsage =
    "usage: empathy-trainer disclose [--criteria FILE] [--disclosure FILE]\n"
    "                                (--text TEXT | --texts FILE)\n"
    "Prints one JSON object per text: layer (inner or outer), emotions (mad, sad, glad,\n"
    "fear), matches (byte spans and the criterion behind each) and feedback. --texts reads\n"
    "one text per line and prints JSON Lines in order.\n"
    "  --criteria FILE    scoring criteria whose lexicon is used (default: the bundled\n"
    "                     default.json); a disclosure criteria file is also accepted here\n"
    "  --disclosure FILE  disclosure criteria (default: the bundled disclosure.json)\n";

// One clear line; the full usage is one `--help` away.

// One line: the first error (a `FILE:LINE:COL: path: message` diagnostic).
int refuse(std::ostream& err, const Diagnostics& problems) {
    for (const auto& d : problems) {
        if (d.severity == Severity::Error) {
            err << d.to_string() << '\n';
            return kExitUsage;
        }
    }
    err << "empathy-trainer disclose: the criteria could not be loaded\n";
    return kExitUsage;
}

// Disclosure criteria have "criteria" at the top and no scoring sections, so a file given to
// --criteria can be told apart without the user naming its kind.
bool looks_like_disclosure(const std::string& path) {
    const auto loaded = read_json_file(path);
    if (!loaded.document || !loaded.document->value().is_object()) {
        return false;
    }
    const auto& v = loaded.document->value();
    return v.contains("criteria") && !v.contains("level_one") && !v.contains("mistakes");
}

} // namespace

int cli_disclose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::optional<std::string> criteria_path, disclosure_path, text, texts_path;
    const CommandLine command_line = CommandLine("disclose", kDiscloseUsage)
                                         .option("--criteria", criteria_path)
                                         .option("--disclosure", disclosure_path)
                                         .option("--text", text)
                                         .option("--texts", texts_path);
    if (const auto stop = command_line.parse(args, out, err)) {
        return *stop;
    }
    if (text.has_value() == texts_path.has_value()) {
        return command_line.usage_error(err, "give exactly one of --text TEXT or --texts FILE");
    }
    if (criteria_path && looks_like_disclosure(*criteria_path)) {
        if (disclosure_path) {
            return command_line.usage_error(
                err, "--criteria names disclosure criteria and --disclosure is given too");
        }
        disclosure_path = std::move(criteria_path);
        criteria_path.reset();
    }
    const auto base = load_criteria_file(criteria_path.value_or(default_criteria_path()));
    if (!base.criteria) {
        return refuse(err, base.problems);
    }
    const auto loaded =
        load_disclosure_file(disclosure_path.value_or(default_disclosure_path()), *base.criteria);
    if (!loaded.criteria) {
        return refuse(err, loaded.problems);
    }
    const DisclosureAnalyser analyser(*loaded.criteria);
    std::string line_out;
    auto print = [&](std::string_view t) {
        line_out.clear();
        append_disclosure_json(line_out, analyser.analyse(t), t);
        line_out += '\n';
        out << line_out;
    };
    if (text) {
        print(*text);
        return kExitOk;
    }
    std::ifstream in(*texts_path, std::ios::binary);
    if (!in) {
        err << *texts_path << ": cannot open the file\n";
        return kExitUsage;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        print(line);
    }
    return kExitOk;
}

} // namespace et
