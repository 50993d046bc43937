// The daily check-in: its questions, and the reflection on a finished one (which core emotions
// came through, how many answers reached the inner layer, and one gentle nudge).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria.hpp"
#include "core/disclosure.hpp"

namespace et {

struct CheckinQuestion {
    const char* id;   // stable, for traces and the history: never shown
    const char* text; // as the domain guide asks it
};

// The daily questions from the domain guide: one per core emotion, then the open one.
inline constexpr std::array<CheckinQuestion, 5> kCheckinQuestions = {{
    {"mad", "What made me feel mad today?"},
    {"sad", "What brought sadness?"},
    {"glad", "What brought joy?"},
    {"fear", "Did I feel afraid?"},
    {"heart", "What's been on your head and heart today?"},
}};
inline constexpr std::size_t kCheckinQuestionCount = kCheckinQuestions.size();
// The id of the single free box (the open question, written as one text).
inline constexpr const char* kCheckinFreeId = "free";

struct CheckinAnswer {
    std::string question; // a question id or kCheckinFreeId
    std::string text;
};

// One answer as the analyser read it. Holds no words, so it can be recorded whatever the
// user's privacy settings.
struct CheckinAnswerReading {
    std::string question;
    Layer layer = Layer::Outer;
    std::vector<CoreEmotion> emotions; // sorted, distinct
};

struct CheckinReflection {
    std::vector<CheckinAnswerReading> answers; // the answers that were not blank, in order
    bool analysed = false;              // false: no disclosure criteria, only `answers.size()`
                                        // is known (layers and emotions are left empty)
    int inner = 0;                      // answers that reached the inner layer
    std::vector<CoreEmotion> emotions;  // came through in any answer; sorted, distinct
    std::vector<CoreEmotion> missing;   // the core emotions that did not; sorted
    std::string nudge;                  // one gentle next step, never empty
};

// Reflects on a finished check-in: blank answers are skipped; each other answer is analysed
// with `analyser`, or, when it is null (the disclosure criteria did not load), only counted.
// The nudge asks, in this order, for anything at all, for feelings rather than events (when at
// most half the answers reached the inner layer), for a core emotion not named (the criteria's
// `missing_order` and `missing.*` texts when given), then for the rest to be told as feelings.
CheckinReflection reflect_on_checkin(const std::vector<CheckinAnswer>& answers,
                                     const DisclosureAnalyser* analyser);

// The same from readings already made (the screen keeps one per box as the user types).
// `criteria` may be null; it only supplies the order and texts of missing-emotion nudges.
CheckinReflection reflect_on_readings(std::vector<CheckinAnswerReading> readings, bool analysed,
                                      const DisclosureCriteria* criteria);

// The answers that reached the inner layer, in order, separated by a blank line: what the user
// may bring to a real-talk round in couples mode. Empty when none did.
std::string inner_layer_text(const std::vector<CheckinAnswer>& answers,
                             const DisclosureAnalyser& analyser);

} // namespace et
