// The check-in being written (an answer per daily question, or one free box) and the live
// disclosure reading of each box, kept in AppState so that tests and couples mode can see it.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/checkin.hpp"
#include "core/disclosure.hpp"

namespace et::ui {

// One text box's live reading, recomputed only when its text (or the analyser) changed, so an
// idle frame costs nothing.
struct DisclosureReading {
    std::string text;                 // what `result` was computed for
    unsigned generation = 0;          // AppState::disclosure_generation it was computed with
    std::optional<Disclosure> result; // none for a blank text or without disclosure criteria
};

struct CheckinState {
    std::array<std::string, kCheckinQuestionCount> answers; // by kCheckinQuestions index
    std::string free_text;
    bool free_box = false; // one free box instead of a box per question
    std::array<DisclosureReading, kCheckinQuestionCount> readings;
    DisclosureReading free_reading;
    bool reflecting = false; // the reflection is shown in place of the questions
};

} // namespace et::ui
