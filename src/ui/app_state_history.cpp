// AppState actions for the practice history: recording attempts, the Progress screen's
// export and delete, and "practise my weakest".
#include "ui/app_state.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace et::ui {

namespace {

// Where exported files go: ~/Documents when it exists, else the home folder.
std::filesystem::path documents_folder() {
    namespace fs = std::filesystem;
    const char* home = std::getenv("HOME");
    fs::path folder = home != nullptr ? fs::path(home) : fs::current_path();
    std::error_code ec;
    if (fs::is_directory(folder / "Documents", ec)) {
        folder /= "Documents";
    }
    return folder;
}

} // namespace

void AppState::apply_history(std::unique_ptr<HistoryStore> store) {
    history = std::move(store);
    if (history) {
        const std::string notice_text = history->take_notice();
        if (!notice_text.empty()) {
            report_error(notice_text);
        }
        // The library's "best level so far" reaches back past this run.
        if (history->available()) {
            for (const ScenarioBest& b : history->compute_summary(std::nullopt).best_per_scenario) {
                best.record(b.scenario_id, b.best_level);
            }
        }
    }
}

void AppState::record_attempt(const Attempt& attempt) {
    if (!history_available()) {
        return;
    }
    if (!history->record(attempt)) {
        // Said once per failure streak, not on every answer.
        if (!history_error_reported_) {
            history_error_reported_ = true;
            report_error("This answer was not saved in your history: " + history->last_error());
        }
        return;
    }
    history_error_reported_ = false;
}

void AppState::open_progress() {
    if (history) {
        history->refresh(); // another instance may have recorded meanwhile
    }
    show_page(Page::Progress);
    if (trace != nullptr) {
        trace->event("progress_opened",
                     {{"available", history_available()},
                      {"attempts", history_available() ? history->summary().attempts : 0}});
    }
}

void AppState::export_history(bool json) {
    if (!history_available()) {
        report_error("There is no history to export: " +
                     (history ? history->unavailable_reason() : std::string("not opened")));
        return;
    }
    const std::filesystem::path file =
        documents_folder() / (json ? "empathy-trainer-history.json" : "empathy-trainer-history.csv");
    const std::filesystem::path temp = file.string() + ".tmp";
    bool ok = false;
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        ok = out && (json ? history->export_json(out, history->player())
                          : history->export_csv(out, history->player()));
        out.close();
        ok = ok && out.good();
    }
    std::error_code ec;
    if (ok) {
        std::filesystem::rename(temp, file, ec); // never leaves half a file under the name
    }
    if (!ok || ec) {
        std::filesystem::remove(temp, ec);
        report_error("The history was not exported to " + file.string() + ".");
        return;
    }
    notice = "History exported to " + file.string() + ".";
    if (trace != nullptr) {
        trace->event("history_exported", {{"format", json ? "json" : "csv"}, {"file", file.string()}});
    }
}

void AppState::delete_history() {
    if (!history_available()) {
        return;
    }
    if (!history->delete_all()) {
        report_error("The history could not be deleted: " + history->last_error());
        return;
    }
    history->set_player(std::nullopt);
    notice = "All history was deleted.";
    if (trace != nullptr) {
        trace->event("history_deleted", nlohmann::json::object());
    }
}

const Scenario* AppState::scenario_for_mistake(Mistake mistake) const {
    const Scenario* best = nullptr;
    int best_count = 0;
    for (const Scenario& s : library.scenarios) {
        int count = 0;
        for (const Step& step : s.steps) {
            for (const Choice& c : step.choices) {
                count += std::count(c.mistakes.begin(), c.mistakes.end(), mistake) > 0 ? 1 : 0;
            }
        }
        if (count > best_count ||
            (count == best_count && count > 0 && best != nullptr && s.difficulty < best->difficulty)) {
            best = &s;
            best_count = count;
        }
    }
    return best;
}

void AppState::practise_weakest() {
    if (!history_available()) {
        return;
    }
    const ProgressSummary& summary = history->summary();
    const std::optional<Mistake> weakest =
        summary.weakest_mistake ? summary.weakest_mistake : summary.most_common_mistake;
    if (!weakest) {
        report_error("No listening mistakes in your history yet: any scenario will do.");
        return;
    }
    const Scenario* s = scenario_for_mistake(*weakest);
    if (s == nullptr) {
        report_error("No scenario in the library has answers that show this mistake.");
        return;
    }
    if (trace != nullptr) {
        trace->event("practise_weakest", {{"mistake", std::string(mistake_id(*weakest))},
                                          {"scenario", s->id}});
    }
    open_scenario(s->id);
}

} // namespace et::ui
