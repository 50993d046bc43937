// The daily check-in: the four core-emotion questions and the open one, each with a box and
// live feedback (or one free box), then a short reflection on what came through.
#include "ui/disclosure_feedback.hpp"
#include "ui/screens.hpp"
#include "ui/text_box.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace et::ui {

namespace {

// Past this width a box and its feedback sit side by side; below it, feedback goes under.
constexpr float kSideBySideEms = 40.0f;
// Longer lines are hard to read; on a 4K screen the page stays this wide.
constexpr float kMaxPageEms = 62.0f;

const char* question_text(const std::string& id) {
    for (const CheckinQuestion& q : kCheckinQuestions) {
        if (id == q.id) {
            return q.text;
        }
    }
    return "What's been on your head and heart today?"; // the free box asks the open question
}

// action_button's width for `label`, to decide whether the next one fits on this line.
// One question: its text, the box, and the live feedback beside it or under it.
void answer_box(AppState& app, const char* question, const std::string& id, std::string& text,
                DisclosureReading& reading, float width, int lines, bool general_nudges) {
    bold_text(app, question);
    const std::string box = "##" + id;
    // Esc in ImGui's text box throws the typed text away; here it only leaves the box.
    if (ImGui::GetActiveID() == ImGui::GetID(box.c_str()) &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ImGui::ClearActiveID();
    }
    const bool side = width >= em(kSideBySideEms);
    const float gap = em(1);
    const float box_w = side ? (width - gap) * 0.5f : width;
    const float box_h = ImGui::GetTextLineHeight() * static_cast<float>(lines) +
                        ImGui::GetStyle().FramePadding.y * 2;
    text_focus_point(app, id);
    wrapped_text_box(box.c_str(), text, ImVec2(box_w, box_h));
    record_item(app, id, Item::Text);
    if (!app.disclosure) {
        return; // the one "unavailable" line at the top says why
    }
    const Disclosure* d = app.read_disclosure(reading, text);
    if (d == nullptr) {
        return; // nothing typed yet: five "starts as you type" panels would only be noise
    }
    if (side) {
        ImGui::SameLine(0, gap);
    }
    FeedbackOptions options;
    options.general_nudges = general_nudges;
    disclosure_feedback(app, d, text, side ? width - box_w - gap : width, id + ":feedback",
                        options);
}

void draw_questions(AppState& app, float width) {
    CheckinState& c = app.checkin;
    heading(app, "Daily check-in");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    dim_text_wrapped("A few minutes for your inner world. Say what happened if you like, then how "
                     "it left you feeling: mad, sad, glad or afraid. Feedback appears beside each "
                     "answer as you type.");
    if (!app.disclosure) {
        feedback_unavailable_line(app);
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Checkbox("One free box instead of the questions", &c.free_box)) {
        app.focus_text_label = c.free_box ? "checkin:free" : "checkin:answer:mad";
    }
    record_item(app, "checkin:free-box");
    ImGui::Spacing();
    if (c.free_box) {
        answer_box(app, question_text(kCheckinFreeId), "checkin:free", c.free_text,
                   c.free_reading, width, 8, true);
    } else {
        for (std::size_t i = 0; i < kCheckinQuestionCount; ++i) {
            ImGui::PushID(static_cast<int>(i));
            // Each box asks about one emotion: "was there joy?" under the anger box is noise.
            answer_box(app, kCheckinQuestions[i].text,
                       std::string("checkin:answer:") + kCheckinQuestions[i].id, c.answers[i],
                       c.readings[i], width, 3, false);
            ImGui::PopID();
            ImGui::Spacing();
        }
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(!app.checkin_written());
    push_accent();
    if (action_button(app, "Finish check-in  Ctrl+Enter", "checkin:finish")) {
        app.finish_checkin();
    }
    pop_accent();
    ImGui::EndDisabled();
}

void emotions_line(const std::vector<CoreEmotion>& emotions) {
    for (std::size_t i = 0; i < emotions.size(); ++i) {
        const char* id = core_emotion_id(emotions[i]);
        if (i > 0) {
            same_line_if_fits(ImGui::CalcTextSize(id).x + em(0.9f), em(1));
        }
        emotion_tag(id);
    }
}

std::string emotion_words(const std::vector<CoreEmotion>& emotions) {
    std::string out;
    for (std::size_t i = 0; i < emotions.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == emotions.size() ? " and " : ", ");
        out += emotions[i] == CoreEmotion::Fear ? "afraid" : core_emotion_id(emotions[i]);
    }
    return out;
}

void draw_reflection(AppState& app, float width) {
    const CheckinReflection& r = *app.checkin_reflection;
    heading(app, "Today's check-in");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    const int answered = static_cast<int>(r.answers.size());
    if (!r.analysed) {
        ImGui::TextWrapped("You wrote %d answer%s. Live feedback was unavailable, so nothing was "
                           "judged.", answered, answered == 1 ? "" : "s");
    } else {
        bold_text(app, "Came through today");
        if (r.emotions.empty()) {
            dim_text_wrapped("No core emotion came through in words yet.");
        } else {
            emotions_line(r.emotions);
        }
        if (!r.missing.empty()) {
            dim_text_wrapped(("Not named today: " + emotion_words(r.missing) + ".").c_str());
        }
        ImGui::Spacing();
        ImGui::TextWrapped("%d of %d answer%s reached the inner layer (what you felt, not only "
                           "what happened).", r.inner, answered, answered == 1 ? "" : "s");
    }
    ImGui::Spacing();
    const Panel panel = begin_panel(width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - panel.pad.x * 2);
    bold_text(app, "One thing to try");
    ImGui::TextWrapped("%s", r.nudge.c_str());
    ImGui::PopTextWrapPos();
    end_panel(app, panel, palette().panel, "checkin:nudge");
    ImGui::Spacing();
    if (r.analysed && !r.answers.empty()) {
        for (std::size_t i = 0; i < r.answers.size(); ++i) {
            const CheckinAnswerReading& a = r.answers[i];
            ImGui::PushID(static_cast<int>(i));
            layer_badge(app, a.layer);
            ImGui::SameLine(0, em(0.6f));
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", question_text(a.question));
            ImGui::PopID();
        }
        record_item(app, "checkin:answers", Item::Static);
    }
    if (!app.checkin_inner_text.empty()) {
        ImGui::Spacing();
        dim_text_wrapped("In couples mode, a real-talk round can start from what you felt here: "
                         "\"Use my check-in\".");
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    push_accent();
    if (action_button(app, "Done", "checkin:done")) {
        app.page = Page::Home;
    }
    pop_accent();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    same_line_if_fits(action_button_width("Back to my answers"), spacing);
    if (action_button(app, "Back to my answers", "checkin:edit")) {
        app.checkin.reflecting = false;
        app.focus_text_label = app.checkin.free_box ? "checkin:free" : "checkin:answer:mad";
    }
    same_line_if_fits(action_button_width("New check-in"), spacing);
    if (action_button(app, "New check-in", "checkin:new")) {
        app.new_checkin();
    }
}

} // namespace

void draw_checkin(AppState& app) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(kMaxPageEms));
    if (app.checkin.reflecting && app.checkin_reflection) {
        draw_reflection(app, width);
    } else {
        draw_questions(app, width);
    }
}

} // namespace et::ui
