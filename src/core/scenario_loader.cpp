// Scenario validation: required keys and types, ids, branching targets, reachability,
// choices, and pack-level checks. Problems never stop other files from loading.
#include "core/scenario_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/json_checker.hpp"

namespace et {

namespace {

namespace fs = std::filesystem;

bool is_valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

constexpr std::string_view kOutcomeKeys[] = {"level_two", "level_one", "missed", "mistake", "default"};

class ScenarioReader {
public:
    ScenarioReader(const JsonDocument& doc, Diagnostics& problems) : check_(doc, problems) {}

    std::optional<Scenario> read() {
        const auto& root = check_.document().value();
        const JsonPath top;
        if (!check_.expect_object(root, top)) {
            return std::nullopt;
        }
        check_.warn_unknown_keys(root, top,
                                 {"$schema", "id", "title", "summary", "emotion", "difficulty",
                                  "tags", "partner", "steps"});
        Scenario s;
        s.file = check_.document().file();
        s.id = read_id(root, top, "id");
        s.title = check_.string_member(root, top, "title", true).value_or("");
        s.summary = check_.string_member(root, top, "summary", false).value_or("");
        if (auto emotion = check_.string_member(root, top, "emotion", false)) {
            if (*emotion == "mad" || *emotion == "sad" || *emotion == "glad" || *emotion == "fear") {
                s.emotion = *emotion;
            } else {
                check_.error(top / "emotion",
                             "expected one of mad, sad, glad, fear, got \"" + *emotion + "\"");
            }
        }
        s.difficulty = static_cast<int>(check_.integer_member(root, top, "difficulty", false, 1, 3).value_or(0));
        s.tags = check_.string_array_member(root, top, "tags", false).value_or(std::vector<std::string>{});
        read_partner(root, top, s.partner);
        read_steps(root, top, s);
        if (check_.failed()) {
            return std::nullopt;
        }
        return s;
    }

private:
    std::string read_id(const nlohmann::json& obj, const JsonPath& path, std::string_view key) {
        auto id = check_.string_member(obj, path, key, true);
        if (!id) {
            return "";
        }
        if (!is_valid_id(*id)) {
            check_.error(path / std::string(key),
                         "\"" + *id + "\" is not a valid id (use a-z, 0-9 and -)");
        }
        return *id;
    }

    void read_partner(const nlohmann::json& root, const JsonPath& top, Partner& partner) {
        const auto* p = check_.object_member(root, top, "partner", true);
        const JsonPath at = top / "partner";
        if (p == nullptr) {
            return;
        }
        check_.warn_unknown_keys(*p, at, {"name", "relationship", "pronouns", "age", "context"});
        partner.name = check_.string_member(*p, at, "name", true).value_or("");
        partner.relationship = check_.string_member(*p, at, "relationship", false).value_or("");
        const auto* context = check_.member(*p, at, "context", false);
        const JsonPath card = at / "context";
        if (context == nullptr || !check_.expect_array(*context, card)) {
            return;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < context->size(); ++i) {
            const auto& f = (*context)[i];
            const JsonPath here = card / i;
            if (!check_.expect_object(f, here)) {
                continue;
            }
            check_.warn_unknown_keys(f, here, {"id", "text", "cues"});
            CardFact fact;
            fact.id = read_id(f, here, "id");
            fact.text = check_.string_member(f, here, "text", true).value_or("");
            fact.cues = check_.string_array_member(f, here, "cues", false).value_or(std::vector<std::string>{});
            for (std::size_t k = 0; k < fact.cues.size(); ++k) {
                if (fact.cues[k].find_first_not_of(" \t") == std::string::npos) {
                    check_.error(here / "cues" / k, "must not be empty");
                }
            }
            if (!fact.id.empty() && !ids.insert(fact.id).second) {
                check_.error(here / "id", "duplicate card fact id \"" + fact.id + "\"");
            }
            partner.card.push_back(std::move(fact));
        }
    }

    void read_steps(const nlohmann::json& root, const JsonPath& top, Scenario& s) {
        const auto* steps = check_.member(root, top, "steps", true);
        const JsonPath at = top / "steps";
        if (steps == nullptr || !check_.expect_array(*steps, at)) {
            return;
        }
        if (steps->empty()) {
            check_.error(at, "a scenario needs at least one step");
            return;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const auto& j = (*steps)[i];
            const JsonPath here = at / i;
            if (!check_.expect_object(j, here)) {
                s.steps.emplace_back();
                continue;
            }
            check_.warn_unknown_keys(j, here, {"id", "partner_says", "feelings", "choices", "next"});
            Step step;
            step.id = read_id(j, here, "id");
            if (!step.id.empty() && !ids.insert(step.id).second) {
                check_.error(here / "id", "duplicate step id \"" + step.id + "\"");
            }
            step.partner_says = check_.string_member(j, here, "partner_says", true).value_or("");
            step.feelings = check_.string_array_member(j, here, "feelings", true).value_or(std::vector<std::string>{});
            read_choices(j, here, step);
            read_next(j, here, step);
            s.steps.push_back(std::move(step));
        }
        check_branches(s, at);
    }

    void read_choices(const nlohmann::json& j, const JsonPath& here, Step& step) {
        const auto* choices = check_.member(j, here, "choices", false);
        const JsonPath at = here / "choices";
        if (choices == nullptr || !check_.expect_array(*choices, at)) {
            return;
        }
        for (std::size_t k = 0; k < choices->size(); ++k) {
            const auto& c = (*choices)[k];
            const JsonPath ch = at / k;
            if (!check_.expect_object(c, ch)) {
                continue;
            }
            check_.warn_unknown_keys(c, ch, {"text", "level", "mistakes", "why"});
            Choice choice;
            choice.text = check_.string_member(c, ch, "text", true).value_or("");
            choice.level = static_cast<int>(check_.integer_member(c, ch, "level", true, 0, 2).value_or(0));
            choice.why = check_.string_member(c, ch, "why", true).value_or("");
            const auto mistakes = check_.string_array_member(c, ch, "mistakes", false);
            for (std::size_t m = 0; mistakes && m < mistakes->size(); ++m) {
                if (const auto mistake = parse_mistake((*mistakes)[m])) {
                    choice.mistakes.push_back(*mistake);
                } else {
                    check_.error(ch / "mistakes" / m,
                                 "unknown mistake \"" + (*mistakes)[m] +
                                     "\"; expected one of fixing, i_understand, hijacking, "
                                     "problem_solving_question, making_it_about_you, dismissing");
                }
            }
            step.choices.push_back(std::move(choice));
        }
    }

    void read_next(const nlohmann::json& j, const JsonPath& here, Step& step) {
        const auto* next = check_.object_member(j, here, "next", false);
        const JsonPath at = here / "next";
        if (next == nullptr) {
            return;
        }
        for (const auto& [key, target] : next->items()) {
            if (std::find(std::begin(kOutcomeKeys), std::end(kOutcomeKeys), key) ==
                std::end(kOutcomeKeys)) {
                check_.error(at / key, "unknown outcome \"" + key +
                                           "\"; expected level_two, level_one, missed, mistake or default");
                continue;
            }
            if (check_.expect_string(target, at / key)) {
                step.next[key] = target.get<std::string>();
            }
        }
    }

    void check_branches(const Scenario& s, const JsonPath& at) {
        std::set<std::string> ids;
        for (const Step& step : s.steps) {
            ids.insert(step.id);
        }
        for (std::size_t i = 0; i < s.steps.size(); ++i) {
            for (const auto& [outcome, target] : s.steps[i].next) {
                if (ids.count(target) == 0) {
                    check_.error(at / i / "next" / outcome,
                                 "no step has the id \"" + target + "\"");
                }
            }
        }
        // Reachability from the first step.
        std::set<std::string> seen;
        std::vector<std::string> todo = {s.steps.front().id};
        while (!todo.empty()) {
            const std::string id = todo.back();
            todo.pop_back();
            if (!seen.insert(id).second) {
                continue;
            }
            if (const Step* step = s.find_step(id)) {
                for (const auto& [outcome, target] : step->next) {
                    todo.push_back(target);
                }
            }
        }
        for (std::size_t i = 1; i < s.steps.size(); ++i) {
            if (!s.steps[i].id.empty() && seen.count(s.steps[i].id) == 0) {
                check_.warning(at / i / "id", "step \"" + s.steps[i].id +
                                                  "\" cannot be reached from the first step");
            }
        }
    }

    JsonChecker check_;
};

void append(Diagnostics& to, const Diagnostics& from) { to.insert(to.end(), from.begin(), from.end()); }

std::optional<PackInfo> read_pack(const std::string& path, Diagnostics& problems) {
    auto loaded = read_json_file(path);
    if (!loaded.document) {
        problems.push_back(loaded.error);
        return std::nullopt;
    }
    JsonChecker check(*loaded.document, problems);
    const auto& root = loaded.document->value();
    const JsonPath top;
    if (!check.expect_object(root, top)) {
        return std::nullopt;
    }
    check.warn_unknown_keys(root, top, {"$schema", "name", "author", "language", "version", "description"});
    PackInfo pack;
    pack.name = check.string_member(root, top, "name", true).value_or("");
    pack.author = check.string_member(root, top, "author", false).value_or("");
    pack.language = check.string_member(root, top, "language", false).value_or("");
    pack.version = check.string_member(root, top, "version", false).value_or("");
    pack.description = check.string_member(root, top, "description", false).value_or("");
    if (check.failed()) {
        return std::nullopt;
    }
    return pack;
}

bool is_scenario_file(const fs::path& p) {
    const auto name = p.filename().string();
    return p.extension() == ".json" && name != "pack.json" && name != "schema.json";
}

// Ids must be unique in a pack: later duplicates are refused with a pointer to the first.
void add_unique(LibraryLoad& library, ScenarioLoad&& loaded) {
    append(library.problems, loaded.problems);
    if (!loaded.scenario) {
        return;
    }
    for (const Scenario& existing : library.scenarios) {
        if (existing.id == loaded.scenario->id) {
            auto doc = read_json_file(loaded.scenario->file);
            Diagnostic d;
            if (doc.document) {
                d = doc.document->at(JsonPath() / "id", "");
            } else {
                d.file = loaded.scenario->file;
            }
            d.json_path = "id";
            d.message = "duplicate scenario id \"" + existing.id + "\" (also in " + existing.file + ")";
            library.problems.push_back(d);
            return;
        }
    }
    library.scenarios.push_back(std::move(*loaded.scenario));
}

void sort_library(LibraryLoad& library) {
    std::sort(library.scenarios.begin(), library.scenarios.end(),
              [](const Scenario& a, const Scenario& b) { return a.title < b.title; });
}

void load_folder_into(LibraryLoad& library, const std::string& folder) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_scenario_file(it->path())) {
            files.push_back(it->path());
        }
    }
    if (ec) {
        Diagnostic d;
        d.file = folder;
        d.message = "cannot read the folder: " + ec.message();
        library.problems.push_back(d);
        return;
    }
    std::sort(files.begin(), files.end());
    const fs::path pack = fs::path(folder) / "pack.json";
    if (fs::is_regular_file(pack, ec)) {
        library.pack = read_pack(pack.string(), library.problems);
    }
    for (const auto& f : files) {
        ++library.files_seen;
        add_unique(library, load_scenario_file(f.string()));
    }
}

} // namespace

ScenarioLoad load_scenario_text(const std::string& name, std::string text) {
    ScenarioLoad result;
    result.scenario = read_document<ScenarioReader>(parse_json_text(name, std::move(text)), result.problems);
    return result;
}

ScenarioLoad load_scenario_file(const std::string& path) {
    ScenarioLoad result;
    result.scenario = read_document<ScenarioReader>(read_json_file(path), result.problems);
    return result;
}

LibraryLoad load_scenario_folder(const std::string& folder) {
    LibraryLoad library;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        Diagnostic d;
        d.file = folder;
        d.message = fs::exists(folder, ec) ? "not a folder" : "no such folder";
        library.problems.push_back(d);
        return library;
    }
    load_folder_into(library, folder);
    sort_library(library);
    return library;
}

LibraryLoad load_scenario_paths(const std::vector<std::string>& paths) {
    LibraryLoad library;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            load_folder_into(library, path);
        } else if (fs::exists(path, ec)) {
            ++library.files_seen;
            add_unique(library, load_scenario_file(path));
        } else {
            Diagnostic d;
            d.file = path;
            d.message = "no such file or folder";
            library.problems.push_back(d);
        }
    }
    sort_library(library);
    return library;
}

} // namespace et
