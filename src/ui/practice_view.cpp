// The practice screen: who is speaking, the conversation so far, the partner card, and the
// two ways to answer (type, or pick with a click or keys 1-9).
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

// Below this content width the card moves above the conversation instead of beside it.
constexpr float kTwoColumnEms = 38.0f;

void partner_line(const AppState& app, const Scenario& s, const std::string& text, float width) {
    avatar(app, s.partner.name, ImGui::GetFrameHeight(), emotion_colour(s.emotion));
    ImGui::SameLine(0, em(0.5f));
    bubble(text, palette().bubble, palette().bubble_text, width - ImGui::GetFrameHeight() - em(0.5f));
}

void my_line(const std::string& text, int level, float width) {
    // Indented from the left like a reply in a chat; the level is said in words.
    const float indent = std::min(em(3), width * 0.15f);
    ImGui::Indent(indent);
    bubble(text, palette().mine, palette().mine_text, width - indent);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::Text("You \xE2\x80\x94 %s", level_name(level));
    ImGui::PopStyleColor();
    ImGui::Unindent(indent);
}

} // namespace

void PracticeView::draw(AppState& app) {
    if (!app.session) {
        draw_home(app);
        return;
    }
    draw_header(app);
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool two_columns = avail >= em(kTwoColumnEms);
    if (two_columns) {
        const float card_w = std::clamp(avail * 0.3f, em(12), em(20));
        const float conv_w = avail - card_w - ImGui::GetStyle().ItemSpacing.x;
        ImGui::BeginChild("##conversation", ImVec2(conv_w, 0), false);
        draw_conversation(app, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##card", ImVec2(card_w, 0), false);
        draw_card(app, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
    } else {
        ImGui::BeginChild("##conversation", ImVec2(avail, 0), false);
        draw_card(app, ImGui::GetContentRegionAvail().x);
        ImGui::Spacing();
        draw_conversation(app, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
    }
}

void PracticeView::draw_header(AppState& app) {
    const PracticeSession& session = *app.session;
    const Scenario& s = session.scenario();
    const float d = ImGui::GetFrameHeight() * 1.8f;
    avatar(app, s.partner.name, d, emotion_colour(s.emotion));
    ImGui::SameLine(0, em(0.6f));
    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(s.partner.name.c_str());
    ImGui::PopFont();
    if (!s.partner.relationship.empty()) {
        ImGui::SameLine(0, em(0.5f));
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        ImGui::TextUnformatted(s.partner.relationship.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::Text("%s \xC2\xB7 step %d", s.title.c_str(), session.step_number());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, em(1));
    emotion_tag(s.emotion);
    ImGui::EndGroup();
    ImGui::Separator();
}

void PracticeView::draw_conversation(AppState& app, float width) {
    PracticeSession& session = *app.session;
    const Scenario& s = session.scenario();
    for (const Exchange* e : session.history()) {
        if (const Step* step = s.find_step(e->step_id)) {
            partner_line(app, s, step->partner_says, width);
        }
        my_line(e->response, e->level, width);
        ImGui::Spacing();
    }
    // Scroll once to the newest part whenever the step or the answer state changes.
    const std::string key = std::to_string(session.step_number()) +
                            (session.current() != nullptr ? "a" + std::to_string(session.log().size()) : "q");
    const bool scroll = key != scroll_key_;
    scroll_key_ = key;
    if (scroll) {
        ImGui::SetScrollHereY(0.0f);
    }
    partner_line(app, s, session.step().partner_says, width);
    ImGui::Spacing();
    ImGui::Spacing();
    if (session.current() != nullptr) {
        draw_feedback(app, width);
    } else {
        draw_answering(app, width);
    }
}

void PracticeView::draw_answering(AppState& app, float width) {
    PracticeSession& session = *app.session;
    const Step& step = session.step();
    bold_text(app, "Your answer");
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID box_id = ImGui::GetID("##answer");
    const bool box_active = ImGui::GetActiveID() == box_id;
    // Esc in ImGui's text box throws the typed text away; here it only leaves the box.
    if (box_active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ImGui::ClearActiveID();
    }
    // The box has focus when a step opens, so a digit typed into an empty box picks that
    // answer instead of starting the text with it.
    if (box_active && app.draft.empty() && !io.KeyCtrl && !io.KeyAlt) {
        for (int n = 1; n <= static_cast<int>(std::min<std::size_t>(step.choices.size(), 9)); ++n) {
            if (ImGui::IsKeyPressed('0' + n, false)) {
                io.InputQueueCharacters.resize(0);
                ImGui::ClearActiveID();
                app.pick_choice(n - 1);
                return;
            }
        }
    }
    if (app.focus_answer) {
        ImGui::SetKeyboardFocusHere();
        app.focus_answer = false;
    }
    text_focus_point(app, "practice:answer");
    const float box_h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    wrapped_text_box("##answer", app.draft, ImVec2(width, box_h));
    record_item(app, "practice:answer", Item::Text);
    if (!app.draft.empty()) {
        app.answering_started = true;
    }
    const bool can_type = session.can_score_typed();
    ImGui::BeginDisabled(!can_type || app.draft.find_first_not_of(" \t\r\n") == std::string::npos);
    if (action_button(app, "Send  Ctrl+Enter", "practice:submit")) {
        app.submit_typed();
    }
    ImGui::EndDisabled();
    if (!can_type) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("Typed answers can't be scored: the criteria did not load.");
        ImGui::PopStyleColor();
    } else if (app.settings().live_meter) {
        app.update_live_meter();
        // Beside the button when there is room for a badge with mistakes, else below it.
        const float submit_right = ImGui::GetItemRectMax().x;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (right - submit_right > em(17)) {
            ImGui::SameLine(0, em(1));
        }
        ImGui::BeginGroup();
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        ImGui::TextUnformatted("Live level:");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (app.live && app.live->error.empty()) {
            level_badge(app, app.live->level, false);
            if (!app.live->mistakes.empty()) {
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
                ImGui::Text("! %zu mistake%s", app.live->mistakes.size(),
                            app.live->mistakes.size() == 1 ? "" : "s");
                ImGui::PopStyleColor();
            }
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
            ImGui::TextWrapped("%s", app.live ? app.live->error.c_str() : "starts as you type");
            ImGui::PopStyleColor();
        }
        ImGui::EndGroup();
        record_item(app, "practice:meter", Item::Static);
    }

    if (!step.choices.empty()) {
        ImGui::Spacing();
        ImGui::Spacing();
        bold_text(app, "Or pick one (keys 1-9)");
        for (std::size_t i = 0; i < step.choices.size(); ++i) {
            const int n = static_cast<int>(i) + 1;
            if (choice_row(app, n, step.choices[i].text, width)) {
                app.pick_choice(static_cast<int>(i));
            }
            record_item(app, "practice:choice:" + std::to_string(n));
        }
    }
}

void PracticeView::draw_card(AppState& app, float width) {
    const Scenario& s = app.session->scenario();
    const std::string& step_id = app.session->step().id;
    if (peek_step_ != step_id) {
        peek_step_ = step_id;
        peek_card_ = false;
    }
    const Panel panel = begin_panel(width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - panel.pad.x * 2);
    const std::string title = "What you know about " + s.partner.name;
    bold_text(app, title.c_str());
    const bool hidden = app.settings().hide_card_while_answering && app.answering_started &&
                        app.session->current() == nullptr && !peek_card_;
    if (hidden) {
        dim_text_wrapped("Hidden while you answer: Level Two means remembering, as in real life.");
        if (ImGui::SmallButton("Show the card")) {
            peek_card_ = true;
        }
    } else if (s.partner.card.empty()) {
        dim_text_wrapped("Nothing more is known: a Level One answer is the goal here.");
    } else {
        for (const CardFact& f : s.partner.card) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", f.text.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    end_panel(app, panel, palette().panel, "practice:card");
}

} // namespace et::ui
