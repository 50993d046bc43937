// Live self-disclosure feedback under a text box: the layer in words, the core emotions that came
// through, the analyser's nudge and the words behind each judgement. Used by the check-in and by
// couples' real talk.
#pragma once

#include <string>

#include "core/disclosure.hpp"
#include "ui/app_state.hpp"

namespace et::ui {

// "Inner layer" or "Outer layer" on a rounded badge (the words carry it, not the colour).
void layer_badge(const AppState& app, Layer layer);

// What the feedback block shows besides the badge and the emotions.
struct FeedbackOptions {
    bool highlight = true;       // the text again, with the judged words marked
    bool general_nudges = true;  // about the whole day: "if you like: was there joy?", "start
                                 // from the four core emotions"
};

// The feedback for `text` as read in `d` (null: nothing typed yet), `width` wide, recorded for
// layout tests as `record_id`.
void disclosure_feedback(AppState& app, const Disclosure* d, const std::string& text, float width,
                         const std::string& record_id, FeedbackOptions options = {});

// The one line shown where live feedback would be when the disclosure criteria did not load.
void feedback_unavailable_line(AppState& app);

} // namespace et::ui
