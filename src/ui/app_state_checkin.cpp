// AppState actions for the daily check-in: the disclosure criteria, live readings per box, and
// the reflection when it is finished, recorded in the trace without the user's words.
#include "ui/app_state.hpp"

namespace et::ui {

namespace {

nlohmann::json emotion_ids(const std::vector<CoreEmotion>& emotions) {
    nlohmann::json out = nlohmann::json::array();
    for (CoreEmotion e : emotions) {
        out.push_back(std::string(core_emotion_id(e)));
    }
    return out;
}

std::vector<CheckinAnswer> answers_of(const CheckinState& c) {
    if (c.free_box) {
        return {{kCheckinFreeId, c.free_text}};
    }
    std::vector<CheckinAnswer> out;
    for (std::size_t i = 0; i < kCheckinQuestionCount; ++i) {
        out.push_back({kCheckinQuestions[i].id, c.answers[i]});
    }
    return out;
}

} // namespace

void AppState::load_disclosure() {
    if (!criteria) {
        // The scoring criteria's own problem is already listed; the check-in says what it means.
        return;
    }
    apply_disclosure(load_disclosure_file(default_disclosure_path(), *criteria));
}

void AppState::apply_disclosure(DisclosureLoad loaded) {
    disclosure_problems = std::move(loaded.problems);
    if (!loaded.criteria) {
        return; // what loaded before (if anything) stays in use
    }
    disclosure.reset();
    disclosure_criteria = std::make_unique<DisclosureCriteria>(std::move(*loaded.criteria));
    disclosure = std::make_unique<DisclosureAnalyser>(*disclosure_criteria);
    ++disclosure_generation;
}

void AppState::open_checkin() {
    page = Page::CheckIn;
    if (!checkin.reflecting) {
        focus_text_label = checkin.free_box ? "checkin:free" : "checkin:answer:mad";
    }
    if (trace != nullptr) {
        trace->event("checkin_opened", {{"free_box", checkin.free_box},
                                        {"reflecting", checkin.reflecting}});
    }
}

const Disclosure* AppState::read_disclosure(DisclosureReading& reading, const std::string& text) {
    if (reading.generation == disclosure_generation && reading.text == text) {
        return reading.result ? &*reading.result : nullptr;
    }
    reading.text = text;
    reading.generation = disclosure_generation;
    reading.result.reset();
    if (disclosure && text.find_first_not_of(" \t\r\n") != std::string::npos) {
        reading.result = disclosure->analyse(text);
    }
    return reading.result ? &*reading.result : nullptr;
}

bool AppState::checkin_written() const {
    for (const CheckinAnswer& a : answers_of(checkin)) {
        if (a.text.find_first_not_of(" \t\r\n") != std::string::npos) {
            return true;
        }
    }
    return false;
}

void AppState::finish_checkin() {
    if (checkin.reflecting || !checkin_written()) {
        return;
    }
    const std::vector<CheckinAnswer> answers = answers_of(checkin);
    checkin_reflection = reflect_on_checkin(answers, disclosure.get());
    checkin_inner_text = disclosure ? inner_layer_text(answers, *disclosure) : std::string();
    checkin.reflecting = true;
    focus_request_label = "checkin:done";
    const CheckinReflection& r = *checkin_reflection;
    if (trace != nullptr) {
        // Layers and emotions only: the words stay on this machine, out of every trace.
        nlohmann::json per_answer = nlohmann::json::array();
        for (const CheckinAnswerReading& a : r.answers) {
            nlohmann::json one = {{"question", a.question}};
            if (r.analysed) {
                one["layer"] = layer_id(a.layer);
                one["emotions"] = emotion_ids(a.emotions);
            }
            per_answer.push_back(std::move(one));
        }
        trace->event("checkin_analysed", {{"feedback", r.analysed}, {"answers", per_answer}});
        trace->event("checkin_finished", {{"answers", r.answers.size()},
                                          {"inner", r.inner},
                                          {"emotions", emotion_ids(r.emotions)},
                                          {"free_box", checkin.free_box}});
    }
    // One attempt per check-in: how much of it reached the inner layer, as a level (all of it:
    // Two, some: One) and a score, so sharing shows up in the streak and the charts.
    Attempt a;
    a.mode = PracticeMode::Checkin;
    a.scenario_id = "check-in";
    a.step_id = checkin.free_box ? "free" : "questions";
    const int shared = static_cast<int>(r.answers.size());
    a.level = !r.analysed || r.inner == 0 ? 0 : r.inner == shared ? 2 : 1;
    a.score = r.analysed && shared > 0 ? 100 * r.inner / shared : 0;
    if (settings().keep_response_words) {
        std::string words;
        for (const CheckinAnswer& answer : answers) {
            if (answer.text.find_first_not_of(" \t\r\n") != std::string::npos) {
                words += (words.empty() ? "" : "\n") + answer.text;
            }
        }
        a.response = words;
    }
    record_attempt(a);
}

void AppState::new_checkin() {
    const bool free_box = checkin.free_box; // a preference, not part of the answers
    checkin = CheckinState{};
    checkin.free_box = free_box;
    focus_text_label = free_box ? "checkin:free" : "checkin:answer:mad";
}

} // namespace et::ui
