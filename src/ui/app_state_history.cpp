// AppState actions for the practice history: recording attempts, the Progress screen's
// export and delete, and "practise my weakest".
#include "ui/app_state.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>

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
        // The first snapshot also gives the library its "best level so far" from past runs.
        refresh_progress();
    }
}

void AppState::record_attempt(const Attempt& attempt) {
    await_history();
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

void AppState::refresh_progress() {
    if (!history_available()) {
        return;
    }
    if (progress_job_.valid()) {
        progress_again_ = true; // one more pass once this one is in
        return;
    }
    if (progress_sync) {
        progress_ = history->compute_summary(progress_player);
        poll_progress();
        return;
    }
    progress_job_ = std::async(std::launch::async, [file = history->file(), player = progress_player] {
        const HistoryStore reader(file, HistoryStore::Access::ReadOnly);
        return reader.compute_summary(player);
    });
}

void AppState::set_progress_player(std::optional<std::string> player) {
    if (player != progress_player) {
        progress_player = std::move(player);
        refresh_progress();
    }
}

void AppState::poll_progress() {
    if (progress_job_.valid() &&
        progress_job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        progress_ = progress_job_.get();
        if (trace != nullptr) {
            trace->event("progress_ready", {{"attempts", progress_->attempts}});
        }
        if (progress_again_) {
            progress_again_ = false;
            refresh_progress();
        }
    }
    if (progress_ && !progress_->player) {
        for (const ScenarioBest& b : progress_->best_per_scenario) {
            best.record(b.scenario_id, b.best_level);
        }
    }
}

void AppState::wait_progress() {
    while (progress_job_.valid()) {
        progress_job_.wait();
        poll_progress();
    }
}

void AppState::open_progress() {
    await_history();
    refresh_progress(); // another instance may have recorded meanwhile, and so may this one
    show_page(Page::Progress);
    if (trace != nullptr) {
        trace->event("progress_opened", {{"available", history_available()}});
    }
}

void AppState::export_history(bool json) {
    await_history();
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
        ok = out && (json ? history->export_json(out, progress_player)
                          : history->export_csv(out, progress_player));
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
    await_history();
    if (!history_available()) {
        return;
    }
    if (!history->delete_all()) {
        report_error("The history could not be deleted: " + history->last_error());
        return;
    }
    progress_player.reset();
    refresh_progress();
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
    const ProgressSummary* summary = progress_summary();
    const std::optional<Mistake> weakest =
        summary == nullptr ? history->weakest_mistake(progress_player)
        : summary->weakest_mistake ? summary->weakest_mistake
                                   : summary->most_common_mistake;
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
