// Loads scenario files and folders (packs) with precise, located problems.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/scenario.hpp"

namespace et {

struct PackInfo {
    std::string name;
    std::string author;
    std::string language;
    std::string version;
    std::string description;
};

struct ScenarioLoad {
    std::optional<Scenario> scenario; // empty when the file has errors
    Diagnostics problems;             // errors and warnings
};

struct LibraryLoad {
    std::vector<Scenario> scenarios;  // every good scenario, sorted by title
    std::optional<PackInfo> pack;     // from pack.json, when the folder has one
    Diagnostics problems;             // from every file; a bad file never stops the rest
    int files_seen = 0;
};

ScenarioLoad load_scenario_file(const std::string& path);
ScenarioLoad load_scenario_text(const std::string& name, std::string text);

// Loads every `*.json` in `folder` (not recursing; `pack.json` and `schema.json` are not
// scenarios) and checks that ids are unique in the pack.
LibraryLoad load_scenario_folder(const std::string& folder);

// Loads any mix of files and folders, as `validate` does.
LibraryLoad load_scenario_paths(const std::vector<std::string>& paths);

} // namespace et
