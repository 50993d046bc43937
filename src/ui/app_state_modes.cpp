// AppState actions for couples turns and workshop presenting, each recorded in the trace.
#include "ui/app_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/handout.hpp"

namespace et::ui {

namespace {

nlohmann::json mistake_ids(const std::vector<Mistake>& mistakes) {
    nlohmann::json out = nlohmann::json::array();
    for (Mistake m : mistakes) {
        out.push_back(std::string(mistake_id(m)));
    }
    return out;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "";
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

// [SECTION] Couples

void AppState::start_couples(const std::string& first, const std::string& second,
                             bool keep_words) {
    std::string a = trimmed(first);
    std::string b = trimmed(second);
    if (a.empty() || b.empty()) {
        report_error("Both players need a name before you start.");
        return;
    }
    if (a == b) {
        b += " (2)"; // the screens say whose turn it is by name
    }
    await_criteria();
    couples.emplace(std::array<std::string, 2>{a, b}, scorer.get(), keep_words);
    draft.clear();
    page = Page::Couples;
    if (trace != nullptr) {
        trace->event("couples_started", {{"players", {a, b}}, {"keep_real_talk_words", keep_words}});
    }
}

void AppState::couples_start_scripted(const std::string& scenario_id) {
    const Scenario* s = find_scenario(scenario_id);
    if (!couples || s == nullptr || s->steps.empty()) {
        return;
    }
    couples->start_scripted(*s, s->steps.front());
    if (trace != nullptr) {
        trace->event("round_started", {{"kind", "scripted"},
                                       {"scenario", s->id},
                                       {"speaker", couples->name(couples->speaker())},
                                       {"listener", couples->name(couples->listener())}});
    }
}

void AppState::couples_start_real_talk() {
    if (!couples) {
        return;
    }
    couples->start_real_talk();
    if (trace != nullptr) {
        trace->event("round_started", {{"kind", "real_talk"},
                                       {"speaker", couples->name(couples->speaker())},
                                       {"listener", couples->name(couples->listener())}});
    }
}

void AppState::couples_share(const std::string& text, const std::string& emotion,
                             const std::vector<std::string>& card) {
    if (couples && !couples->share(text, emotion, card)) {
        report_error("Say something first: type what you felt, in your own words.");
    }
}

void AppState::couples_submit_typed() {
    if (!couples || couples->phase() != CouplesPhase::Answering) {
        return;
    }
    if (!couples->can_score_typed()) {
        report_error("Typed answers can't be scored: the criteria did not load.");
        return;
    }
    if (couples->answer_typed(draft)) {
        draft.clear();
        live.reset();
        live_text.clear();
        if (trace != nullptr) {
            const CouplesRound& r = *couples->round();
            trace->event("couples_answered", {{"round", r.number}, {"source", "typed"}});
        }
    }
}

void AppState::couples_pick(int index) {
    if (couples && couples->answer_choice(index)) {
        draft.clear();
        if (trace != nullptr) {
            trace->event("couples_answered", {{"round", couples->round()->number},
                                              {"source", "choice"},
                                              {"choice", index + 1}});
        }
    }
}

void AppState::couples_rate(int rating) {
    if (!couples || couples->phase() != CouplesPhase::Rating) {
        return;
    }
    couples->rate(rating);
    const CouplesRound& r = *couples->round();
    Attempt a;
    a.mode = PracticeMode::Couples;
    a.player = couples->name(r.listener);
    a.scenario_id = r.kind == RoundKind::Scripted ? r.scenario_id : "real-talk";
    a.step_id = r.step_id;
    // Real-talk words stay out of history unless the couple chose to keep them.
    const bool keep = settings().keep_response_words &&
                      (r.kind == RoundKind::Scripted || couples->keep_real_talk_words());
    if (keep) {
        a.response = r.response;
    }
    a.source = r.source;
    a.level = r.level;
    a.score = r.points;
    a.mistakes = r.mistakes;
    a.felt_heard = r.felt_heard;
    record_attempt(a);
    if (trace != nullptr) {
        // Real-talk words never reach the trace: only levels and ratings.
        trace->event("round_rated", {{"round", r.number},
                                     {"kind", round_kind_id(r.kind)},
                                     {"speaker", couples->name(r.speaker)},
                                     {"listener", couples->name(r.listener)},
                                     {"felt_heard", r.felt_heard},
                                     {"level", r.level},
                                     {"score", r.points},
                                     {"mistakes", mistake_ids(r.mistakes)},
                                     {"source", answer_source_id(r.source)}});
    }
}

void AppState::couples_next_round() {
    if (couples) {
        couples->next_round();
    }
}

void AppState::couples_finish() {
    if (!couples) {
        return;
    }
    couples->finish();
    if (trace != nullptr) {
        trace->event("couples_finished", {{"rounds", couples->rounds().size()}});
    }
}

void AppState::close_couples() {
    couples.reset();
    draft.clear();
    live.reset();
    live_text.clear();
    page = Page::Home;
}

// [SECTION] Workshop

bool AppState::open_workshop(const std::string& scenario_id) {
    const Scenario* s = find_scenario(scenario_id);
    if (s == nullptr || s->steps.empty()) {
        report_error("There is no scenario with the id \"" + scenario_id + "\" to present.");
        return false;
    }
    await_criteria();
    workshop.emplace(*s, scorer.get());
    suggestion_draft.clear();
    page = Page::Workshop;
    if (trace != nullptr) {
        trace->event("workshop_opened", {{"scenario", s->id}, {"step", workshop->step().id}});
    }
    return true;
}

void AppState::close_workshop() {
    workshop.reset();
    workshop_compare = false;
    suggestion_draft.clear();
}

void AppState::workshop_add_suggestion() {
    if (!workshop) {
        return;
    }
    std::string error;
    if (!workshop->add_suggestion(suggestion_draft, &error)) {
        report_error(error);
        return;
    }
    const WorkshopResponse& r = workshop->responses().back();
    if (workshop_records) {
        Attempt a;
        a.mode = PracticeMode::Workshop;
        a.scenario_id = workshop->scenario().id;
        a.step_id = workshop->step().id;
        if (settings().keep_response_words) {
            a.response = r.text;
        }
        a.level = r.score.level;
        a.score = r.score.score;
        a.mistakes = r.score.mistakes;
        record_attempt(a);
    }
    if (trace != nullptr) {
        trace->event("suggestion_scored", {{"scenario", workshop->scenario().id},
                                           {"step", workshop->step().id},
                                           {"level", r.score.level},
                                           {"mistakes", mistake_ids(r.score.mistakes)}});
    }
    suggestion_draft.clear();
}

void AppState::workshop_forward() {
    if (workshop && workshop->forward()) {
        workshop_compare = false;
        trace_workshop("workshop_forward");
    }
}

void AppState::workshop_backward() {
    if (workshop && workshop->backward()) {
        workshop_compare = false;
        trace_workshop("workshop_backward");
    }
}

void AppState::workshop_reveal_all() {
    if (workshop) {
        workshop->reveal_all();
        trace_workshop("workshop_revealed");
    }
}

void AppState::workshop_show_all() {
    if (workshop) {
        workshop->show_all_choices();
        trace_workshop("workshop_all_shown");
    }
}

void AppState::workshop_toggle_compare() {
    if (workshop) {
        workshop_compare = !workshop_compare;
        trace_workshop(workshop_compare ? "workshop_compare" : "workshop_compare_closed");
    }
}

void AppState::trace_workshop(const char* event) {
    if (trace != nullptr && workshop) {
        nlohmann::json revealed = nlohmann::json::array();
        for (const WorkshopResponse& r : workshop->responses()) {
            revealed.push_back(r.revealed);
        }
        trace->event(event, {{"scenario", workshop->scenario().id},
                             {"step", workshop->step().id},
                             {"shown", workshop->shown_choices()},
                             {"revealed", revealed}});
    }
}

void AppState::workshop_save_handout() {
    if (!workshop) {
        return;
    }
    if (!scorer) {
        report_error("The handout needs the scoring criteria, which did not load.");
        return;
    }
    namespace fs = std::filesystem;
    const char* home = std::getenv("HOME");
    fs::path folder = home != nullptr ? fs::path(home) : fs::current_path();
    std::error_code ec;
    if (fs::is_directory(folder / "Documents", ec)) {
        folder /= "Documents";
    }
    const fs::path file = folder / handout_file_name(workshop->scenario(), HandoutFormat::Html);
    const std::string html = render_handout(workshop->scenario(), *scorer);
    if (const auto error = write_file_atomically(file.string(), html)) {
        report_error("The handout was not saved: " + *error);
        return;
    }
    notice = "Handout saved to " + file.string() + " (open it in a browser to print).";
    if (trace != nullptr) {
        trace->event("handout_saved", {{"scenario", workshop->scenario().id}, {"file", file.string()}});
    }
}

void AppState::set_presenter_preset(bool on) { presenter_preset = on; }

float AppState::font_size() const {
    return presenter_preset ? std::max(settings().font_size, kPresenterFontSize)
                            : settings().font_size;
}

Theme AppState::theme() const {
    return presenter_preset && presenter_contrast ? Theme::HighContrast : settings().theme;
}

} // namespace et::ui
