// Shared helpers for core tests: the default criteria, disclosure criteria and scorer, made
// once, scenarios that must load, and data paths.
#pragma once

#include "core/criteria.hpp"
#include "core/disclosure.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace et::test {

// What loading bundled data must give (`load.*result`); a test cannot go on without it, so
// the load's problems are reported and the run stops.
template <typename Load, typename Value>
Value loaded_or_abort(Load load, std::optional<Value> Load::*result) {
    if (!(load.*result)) {
        for (const auto& d : load.problems) {
            ADD_FAILURE() << d.to_string();
        }
        std::abort();
    }
    return std::move(*(load.*result));
}

inline const Criteria& default_criteria() {
    static const Criteria criteria = loaded_or_abort(
        load_criteria_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/default.json"),
        &CriteriaLoad::criteria);
    return criteria;
}

// The bundled disclosure criteria over the default criteria, made once.
inline const DisclosureCriteria& default_disclosure_criteria() {
    static const DisclosureCriteria criteria = loaded_or_abort(
        load_disclosure_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/disclosure.json",
                             default_criteria()),
        &DisclosureLoad::criteria);
    return criteria;
}

// A scorer over the default criteria, made once.
inline const Scorer& default_scorer() {
    static const Scorer scorer(default_criteria());
    return scorer;
}

// A scenario file that must load.
inline Scenario load_scenario_or_abort(const std::string& path) {
    return loaded_or_abort(load_scenario_file(path), &ScenarioLoad::scenario);
}

// "[a, b]", for failure messages about sets of ids.
inline std::string describe(const std::set<std::string>& ids) {
    std::string out = "[";
    for (const auto& x : ids) {
        out += (out.size() > 1 ? ", " : "") + x;
    }
    return out + "]";
}

// Calls `visit(object, line number)` for each non-empty line of a JSON Lines file.
template <typename Visit>
void for_each_json_line(const std::string& path, Visit visit) {
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << path;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty()) {
            visit(nlohmann::json::parse(line), number);
        }
    }
}

inline std::string data_path(const std::string& relative) {
    return std::string(ET_TEST_DATA) + "/" + relative;
}

inline std::string source_path(const std::string& relative) {
    return std::string(ET_SOURCE_DIR) + "/" + relative;
}

// The text of the bundled default criteria.
inline std::string default_criteria_text() {
    std::ifstream in(source_path("assets/criteria/default.json"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Criteria text loaded as a file beside the default, so that the cue table it names is found.
inline CriteriaLoad load_criteria_beside_default(std::string text) {
    return load_criteria_text(source_path("assets/criteria/edited.json"), std::move(text));
}

// The default criteria with the first occurrence of `from` replaced by `to`, loaded.
inline CriteriaLoad load_default_criteria_with(const std::string& from, const std::string& to) {
    std::string text = default_criteria_text();
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return load_criteria_beside_default(std::move(text));
}

// The first error of a load, as FILE:LINE:COL: path: message; empty when there is none.
inline std::string first_error(const CriteriaLoad& load) {
    for (const auto& d : load.problems) {
        if (d.severity == Severity::Error) {
            return d.to_string();
        }
    }
    return "";
}

} // namespace et::test
