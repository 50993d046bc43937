// AppState actions: loading with problems carried to the Problems panel, practice steps
// recorded in the trace, and page navigation.
#include "ui/app_state.hpp"

#include <filesystem>
#include <system_error>

#include "core/paths.hpp"

namespace et::ui {

namespace {

nlohmann::json mistakes_json(const std::vector<Mistake>& mistakes) {
    nlohmann::json out = nlohmann::json::array();
    for (Mistake m : mistakes) {
        out.push_back(std::string(mistake_id(m)));
    }
    return out;
}

bool is_folder(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

} // namespace

AppState::AppState(SettingsStore store, StartOptions start, Trace* trace_file)
    : settings_store(std::move(store)), options(std::move(start)), trace(trace_file) {
    if (options.mode == Mode::Couples) {
        page = Page::Couples;
    } else if (options.mode == Mode::Workshop) {
        page = Page::Workshop;
        presenter_preset = true;
    } else if (options.mode == Mode::CheckIn) {
        open_checkin();
    }
}

// [SECTION] Loading

std::string AppState::scenario_folder() const {
    if (!options.scenarios_dir.empty()) {
        return options.scenarios_dir;
    }
    if (!settings().scenario_folder.empty()) {
        return settings().scenario_folder;
    }
    return bundled_scenarios_dir().string();
}

std::string AppState::criteria_file() const {
    if (!options.criteria_file.empty()) {
        return options.criteria_file;
    }
    if (!settings().criteria_file.empty()) {
        return settings().criteria_file;
    }
    return default_criteria_path();
}

void AppState::load_criteria() {
    apply_criteria(load_criteria_file(criteria_file()));
    load_disclosure(); // on top of the criteria now in effect
}

void AppState::apply_criteria(CriteriaLoad loaded) {
    // A background load installs first, so that these newer criteria win; a disclosure load
    // reads the criteria about to be replaced, so it finishes first too.
    await_criteria();
    criteria_problems = std::move(loaded.problems);
    if (loaded.criteria) {
        // The session's prepared step points into the old scorer: end it first.
        if (session) {
            close_scenario();
        }
        if (couples) {
            close_couples();
        }
        if (workshop) {
            close_workshop();
        }
        scorer.reset();
        criteria = std::make_unique<Criteria>(std::move(*loaded.criteria));
        scorer = std::make_unique<Scorer>(*criteria);
    } else if (!scorer) {
        report_error("The scoring criteria could not be loaded, so typed answers cannot be "
                     "scored (picking an answer still works). See Problems for where.");
    }
    live.reset();
    live_text.clear();
}

void AppState::load_library() {
    const std::string folder = scenario_folder();
    folder_missing = !is_folder(folder);
    if (folder_missing) {
        // Keep what was loaded before: a folder on a drive that went away should not empty
        // the list mid-practice.
        Diagnostic d;
        d.file = folder;
        d.message = "the scenario folder does not exist (or is not a folder)";
        if (library.scenarios.empty()) {
            library.problems = {d};
        }
        return;
    }
    library = load_scenario_folder(folder);
}

void AppState::apply_library(LibraryLoad loaded) {
    folder_missing = !is_folder(scenario_folder());
    library = std::move(loaded);
}

bool AppState::check_folder() {
    const bool missing = !is_folder(scenario_folder());
    if (missing == folder_missing) {
        return false;
    }
    folder_missing = missing;
    if (!missing) {
        load_library(); // it came back
    }
    return true;
}

Diagnostics AppState::problems() const {
    Diagnostics out;
    if (settings_store.problem()) {
        out.push_back(*settings_store.problem());
    }
    out.insert(out.end(), criteria_problems.begin(), criteria_problems.end());
    out.insert(out.end(), disclosure_problems.begin(), disclosure_problems.end());
    out.insert(out.end(), library.problems.begin(), library.problems.end());
    return out;
}

const Scenario* AppState::find_scenario(const std::string& id) const {
    for (const Scenario& s : library.scenarios) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

// [SECTION] Practice

bool AppState::open_scenario(const std::string& id) {
    const Scenario* scenario = find_scenario(id);
    if (scenario == nullptr) {
        report_error("There is no scenario with the id \"" + id + "\" in " + scenario_folder() +
                     ".");
        return false;
    }
    await_criteria();
    session.emplace(*scenario, scorer.get());
    draft.clear();
    live.reset();
    live_text.clear();
    focus_answer = true;
    answering_started = false;
    page = Page::Practice;
    if (trace != nullptr) {
        trace->event("scenario_opened", {{"scenario", id}, {"step", session->step().id}});
    }
    return true;
}

void AppState::close_scenario() {
    session.reset();
    draft.clear();
    live.reset();
    if (page == Page::Practice || page == Page::Summary) {
        page = Page::Home;
    }
}

void AppState::after_answer() {
    const Exchange* e = session->current();
    if (e == nullptr) {
        return;
    }
    best.record(session->scenario().id, e->level);
    record_attempt(attempt_from_exchange(*e, session->scenario().id, PracticeMode::Solo, "",
                                         settings().keep_response_words));
    answering_started = false;
    focus_request_label = "feedback:continue"; // Enter or Space moves on
    if (trace != nullptr) {
        trace->event("response_scored", {{"scenario", session->scenario().id},
                                         {"step", e->step_id},
                                         {"level", e->level},
                                         {"mistakes", mistakes_json(e->mistakes)},
                                         {"source", answer_source_id(e->source)},
                                         {"score", e->points},
                                         {"engine_level", e->score.level}});
    }
}

void AppState::submit_typed() {
    if (!session || session->current() != nullptr || session->finished()) {
        return;
    }
    if (draft.find_first_not_of(" \t\r\n") == std::string::npos) {
        return; // nothing typed yet: Ctrl+Enter on an empty box is not an answer
    }
    if (!session->can_score_typed()) {
        report_error("Typed answers need the scoring criteria, which failed to load (see "
                     "Problems). Pick one of the answers instead.");
        return;
    }
    if (session->answer_typed(draft) != nullptr) {
        after_answer();
    }
}

void AppState::pick_choice(int index) {
    if (!session || session->current() != nullptr || session->finished()) {
        return;
    }
    if (session->answer_choice(index) != nullptr) {
        after_answer();
    }
}

void AppState::try_again() {
    if (!session || session->current() == nullptr) {
        return;
    }
    session->try_again();
    focus_answer = true;
}

void AppState::continue_on() {
    if (!session || session->current() == nullptr) {
        return;
    }
    const std::string from = session->step().id;
    const auto next = session->advance();
    draft.clear();
    live.reset();
    live_text.clear();
    if (next) {
        focus_answer = true;
        if (trace != nullptr) {
            trace->event("step_changed",
                         {{"scenario", session->scenario().id}, {"from", from}, {"step", *next}});
        }
        return;
    }
    const SessionSummary summary = session->summary();
    page = Page::Summary;
    focus_request_label = "summary:close";
    if (trace != nullptr) {
        nlohmann::json steps = nlohmann::json::array();
        for (const StepSummary& s : summary.steps) {
            steps.push_back({{"step", s.step_id},
                             {"level", s.level},
                             {"mistakes", mistakes_json(s.mistakes)},
                             {"score", s.score}});
        }
        trace->event("scenario_finished", {{"scenario", session->scenario().id},
                                           {"total", summary.total},
                                           {"max_total", summary.max_total},
                                           {"steps", steps}});
    }
}

void AppState::update_live_meter() {
    if (!session || !settings().live_meter || session->current() != nullptr) {
        return;
    }
    if (draft == live_text && (live || draft.empty())) {
        return;
    }
    live_text = draft;
    if (draft.find_first_not_of(" \t\r\n") == std::string::npos) {
        live.reset();
        return;
    }
    live = session->preview(draft);
}

// [SECTION] Navigation and errors

const char* page_id(Page page) {
    switch (page) {
    case Page::Home:
        return "home";
    case Page::Practice:
        return "practice";
    case Page::Summary:
        return "summary";
    case Page::Settings:
        return "settings";
    case Page::Problems:
        return "problems";
    case Page::Help:
        return "help";
    case Page::Couples:
        return "couples";
    case Page::Workshop:
        return "workshop";
    case Page::Progress:
        return "progress";
    case Page::CheckIn:
        return "checkin";
    }
    return "";
}

void AppState::show_page(Page target) {
    if (target == page) {
        return;
    }
    // Side pages return where they were opened from.
    auto side = [](Page p) {
        return p == Page::Settings || p == Page::Problems || p == Page::Help || p == Page::Progress;
    };
    if (side(target)) {
        if (!side(page)) {
            page_before_ = page;
        }
    }
    page = target;
    if (page == Page::Practice && session && session->current() == nullptr) {
        focus_answer = true;
    }
    if (trace != nullptr) {
        trace->event("page_shown", {{"page", page_id(page)}});
    }
}

void AppState::back() {
    switch (page) {
    case Page::Settings:
    case Page::Problems:
    case Page::Help:
    case Page::Progress:
        notice.clear();
        page = page_before_;
        if (page == Page::Practice && !session) {
            page = Page::Home;
        }
        if (page == Page::Practice && session && session->current() == nullptr) {
            focus_answer = true;
        }
        break;
    case Page::Practice:
    case Page::Summary:
        close_scenario();
        break;
    case Page::Couples:
        // One level at a time: out of a round (it does not count), then to the summary,
        // then out of couples mode.
        if (!couples) {
            page = Page::Home;
        } else if (couples->phase() == CouplesPhase::Verdict) {
            couples_next_round();
        } else if (couples->phase() == CouplesPhase::Finished ||
                   (couples->phase() == CouplesPhase::Choosing && couples->rounds().empty())) {
            close_couples();
        } else if (couples->phase() == CouplesPhase::Choosing) {
            couples_finish();
        } else {
            couples->abandon_round();
            draft.clear();
        }
        break;
    case Page::Workshop:
        if (workshop_compare) {
            workshop_compare = false;
        } else if (workshop) {
            close_workshop(); // back to the scenario picker
        } else {
            page = Page::Home;
            presenter_preset = false;
        }
        break;
    case Page::CheckIn:
        page = Page::Home; // the answers stay for this run
        break;
    case Page::Home: break;
    }
}

void AppState::report_error(std::string message) { errors.push_back(std::move(message)); }

void AppState::request_quit() { quit_requested = true; }

void AppState::save_settings() {
    if (settings_store.save()) {
        save_refusal_reported_ = false;
        return;
    }
    if (!save_refusal_reported_) {
        save_refusal_reported_ = true;
        report_error("Settings were not saved: " + settings_store.last_error());
    }
}

} // namespace et::ui
