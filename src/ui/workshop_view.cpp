// Workshop presenter mode: projector-first screens driven by a clicker's arrow keys.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

void key_hints(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

} // namespace

void WorkshopView::draw(AppState& app) {
    if (!app.workshop) {
        draw_picker(app);
    } else if (app.workshop_compare) {
        draw_compare(app);
    } else {
        draw_presenting(app);
    }
}

void WorkshopView::draw_picker(AppState& app) {
    heading(app, "Workshop: present a scenario");
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(avail, em(36)));
    ImGui::TextWrapped("Step through a scenario with a room: the partner's line and card, the "
                       "authored answers one at a time with their levels hidden until you "
                       "reveal them, two answers side by side, and the room's own suggestions "
                       "scored live. Nothing is recorded.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    bool preset = app.presenter_preset;
    if (ImGui::Checkbox("Projector text size", &preset)) {
        app.set_presenter_preset(preset);
    }
    record_item(app, "workshop:preset");
    ImGui::SameLine(0, em(1.5f));
    ImGui::BeginDisabled(!app.presenter_preset);
    ImGui::Checkbox("High contrast", &app.presenter_contrast);
    record_item(app, "workshop:contrast");
    ImGui::EndDisabled();
    ImGui::Checkbox("Record the room's suggestions in my history", &app.workshop_records);
    record_item(app, "workshop:record");
    key_hints("F11 full screen \xC2\xB7 Esc back");
    ImGui::Spacing();
    bold_text(app, "Choose a scenario");
    ImGui::BeginChild("##workshop-scenarios", ImVec2(0, 0), false);
    const float width = ImGui::GetContentRegionAvail().x;
    int n = 0;
    for (const Scenario& s : app.library.scenarios) {
        ImGui::PushID(s.id.c_str());
        const std::string label = s.title + "##pick";
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(std::min(width, em(30)), 0))) {
            app.open_workshop(s.id);
        }
        record_item(app, "workshop:scenario:" + std::to_string(++n));
        ImGui::SameLine(0, em(1));
        emotion_tag(s.emotion);
        ImGui::PopID();
    }
    if (app.library.scenarios.empty()) {
        dim_text_wrapped("No scenarios are loaded: see Problems.");
    }
    ImGui::EndChild();
}

void WorkshopView::draw_presenting(AppState& app) {
    WorkshopSession& w = *app.workshop;
    const Scenario& s = w.scenario();
    const Step& step = w.step();
    // Header, kept to two lines so the room sees the conversation: the scenario and where in
    // it; then the keys (for the presenter) and the handout.
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    const std::string where = "step " + std::to_string(w.step_index() + 1) + " of " +
                              std::to_string(w.step_count());
    same_line_if_fits(ImGui::CalcTextSize(where.c_str()).x, em(1));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(where.c_str());
    ImGui::PopStyleColor();
    same_line_if_fits(em(4), em(1));
    emotion_tag(s.emotion);
    if (ImGui::SmallButton("Save handout")) {
        app.workshop_save_handout();
    }
    record_item(app, "workshop:handout");
    ImGui::SameLine(0, em(1));
    key_hints("\xE2\x86\x92 next  \xE2\x86\x90 back  A all  R reveal  C compare  S suggest  F11  "
              "Esc");
    if (!app.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().empathy);
        ImGui::TextWrapped("%s", app.notice.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();

    const bool new_step = shown_step_ != step.id;
    shown_step_ = step.id;
    // The partner's line stays in view; the card and the answers scroll beneath it.
    const float line_w = std::min(ImGui::GetContentRegionAvail().x, em(48));
    avatar(app, s.partner.name, ImGui::GetFrameHeight(), emotion_colour(s.emotion));
    ImGui::SameLine(0, em(0.5f));
    ImGui::PushFont(app.fonts.bold);
    bubble(step.partner_says, palette().bubble, palette().bubble_text,
           line_w - ImGui::GetFrameHeight() - em(0.5f));
    ImGui::PopFont();
    record_item(app, "workshop:line", Item::Static);
    ImGui::BeginChild("##presenting", ImVec2(0, 0), false);
    if (new_step) {
        ImGui::SetScrollY(0);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, em(48));
    if (!s.partner.card.empty()) {
        ImGui::Spacing();
        const Panel panel = begin_panel(width);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - panel.pad.x * 2);
        bold_text(app, ("What we know about " + s.partner.name).c_str());
        for (const CardFact& f : s.partner.card) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", f.text.c_str());
        }
        ImGui::PopTextWrapPos();
        end_panel(app, panel, palette().panel, "workshop:card");
    }
    ImGui::Spacing();
    const int hidden = w.choice_count() - w.shown_choices();
    if (w.responses().empty()) {
        key_hints(hidden > 0 ? "Press \xE2\x86\x92 to show the first answer, or A for all of them."
                             : "This step has no authored answers: take suggestions from the room.");
    }
    // When an answer appears (a clicker's "next", or the room's), it comes into view.
    const std::string key = step.id + ":" + std::to_string(w.responses().size());
    const bool changed = key != scroll_key_ && !w.responses().empty();
    scroll_key_ = key;
    for (int i = 0; i < static_cast<int>(w.responses().size()); ++i) {
        draw_response(app, i, width);
        if (changed && i + 1 == static_cast<int>(w.responses().size())) {
            ImGui::SetScrollHereY(1.0f);
        }
    }
    if (hidden > 0 && !w.responses().empty()) {
        key_hints(("\xE2\x86\x92 shows the next answer (" + std::to_string(hidden) + " more)").c_str());
    }
    ImGui::Spacing();
    draw_room(app, width);
    ImGui::EndChild();
}

void WorkshopView::draw_response(AppState& app, int index, float width) {
    WorkshopSession& w = *app.workshop;
    const WorkshopResponse& r = w.responses()[static_cast<std::size_t>(index)];
    const Palette& p = palette();
    ImGui::PushID(index);
    const Panel panel = begin_panel(width);
    const float inner = width - panel.pad.x * 2;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    if (r.from_room) {
        ImGui::TextUnformatted("From the room");
    } else {
        ImGui::Text("Answer %d", r.choice + 1);
    }
    ImGui::PopStyleColor();
    ImGui::SameLine(0, em(1));
    bool marked = std::find(w.marked().begin(), w.marked().end(), index) != w.marked().end();
    if (ImGui::Checkbox("compare", &marked)) {
        w.toggle_mark(index);
    }
    record_item(app, "workshop:mark:" + std::to_string(index + 1));
    if (r.revealed) {
        level_badge(app, r.level(), true);
        if (r.engine_scored && !r.from_room && r.score.level != r.author_level) {
            ImGui::SameLine(0, em(1));
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
            ImGui::Text("(the engine reads %s)", level_name(r.score.level));
            ImGui::PopStyleColor();
        }
        mistakes_line(app, r.mistakes());
        highlighted_response(app, r.text, r.score.matches, inner);
        if (!r.why.empty()) {
            ImGui::Spacing();
            bold_text(app, "Why");
            ImGui::TextWrapped("%s", r.why.c_str());
        } else if (r.from_room && !r.score.feedback().empty()) {
            bullet_lines(r.score.feedback());
        }
    } else {
        ImGui::TextWrapped("%s", r.text.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
        ImGui::TextUnformatted("Level hidden: ask the room, then press R.");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, em(1));
        if (ImGui::SmallButton("Reveal")) {
            w.reveal(index);
        }
        record_item(app, "workshop:reveal:" + std::to_string(index + 1));
    }
    ImGui::PopTextWrapPos();
    end_panel(app, panel, r.from_room ? p.mine : p.panel,
              ("workshop:response:" + std::to_string(index + 1)).c_str());
    ImGui::Spacing();
    ImGui::PopID();
}

void WorkshopView::draw_room(AppState& app, float width) {
    bold_text(app, "Live from the room");
    if (app.focus_suggestion) {
        ImGui::SetKeyboardFocusHere();
        app.focus_suggestion = false;
    }
    text_focus_point(app, "workshop:suggestion");
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* button = "Score it  Enter";
    const float button_w = ImGui::CalcTextSize(button).x + style.FramePadding.x * 4;
    ImGui::SetNextItemWidth(std::max(em(8), width - button_w - style.ItemSpacing.x));
    const bool entered = ImGui::InputTextWithHint("##suggestion", "Type what someone suggests",
                                                  &app.suggestion_draft,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    record_item(app, "workshop:suggestion", Item::Text);
    ImGui::SameLine();
    ImGui::BeginDisabled(app.suggestion_draft.find_first_not_of(" \t\r\n") == std::string::npos);
    push_accent();
    const bool clicked = action_button(app, button, "workshop:score");
    pop_accent();
    ImGui::EndDisabled();
    if (entered || clicked) {
        // The keyboard goes back to the presenting keys (arrows, R, C); S types the next one.
        app.workshop_add_suggestion();
    }
}

void WorkshopView::draw_compare(AppState& app) {
    WorkshopSession& w = *app.workshop;
    const auto pair = w.compare_pair();
    heading(app, "Side by side");
    key_hints("C or Esc to go back \xC2\xB7 tick \"compare\" on two answers to choose which");
    ImGui::Separator();
    if (!pair) {
        dim_text_wrapped("Show at least two answers (\xE2\x86\x92 or A) or add a suggestion from the "
                         "room to compare.");
        return;
    }
    // Measured inside the child, so that its scrollbar does not cover the right column.
    ImGui::BeginChild("##compare", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= em(30);
    const float col_w = side_by_side ? (avail - em(1)) * 0.5f : avail;
    const int indices[2] = {pair->first, pair->second};
    for (int k = 0; k < 2; ++k) {
        const WorkshopResponse& r = w.responses()[static_cast<std::size_t>(indices[k])];
        if (k == 1) {
            if (side_by_side) {
                ImGui::SameLine(0, em(1));
            } else {
                ImGui::Spacing();
            }
        }
        const Panel panel = begin_panel(col_w);
        const float inner = col_w - panel.pad.x * 2;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        if (r.from_room) {
            ImGui::TextUnformatted("From the room");
        } else {
            ImGui::Text("Answer %d", r.choice + 1);
        }
        ImGui::PopStyleColor();
        // Comparing is revealing: the point is to see why one rates higher.
        level_badge(app, r.level(), true);
        mistakes_line(app, r.mistakes());
        highlighted_response(app, r.text, r.score.matches, inner);
        if (!r.why.empty()) {
            ImGui::Spacing();
            ImGui::TextWrapped("%s", r.why.c_str());
        }
        ImGui::PopTextWrapPos();
        end_panel(app, panel, palette().panel, k == 0 ? "workshop:compare:0" : "workshop:compare:1");
    }
    ImGui::EndChild();
}

void WorkshopView::handle_keys(AppState& app, bool typing) {
    if (!app.workshop || typing) {
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt) {
        return;
    }
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
    // Clickers send arrows or Page Up/Down.
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown)) {
        app.workshop_forward();
    } else if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) {
        app.workshop_backward();
    } else if (ImGui::IsKeyPressed('R', false)) {
        app.workshop_reveal_all();
    } else if (ImGui::IsKeyPressed('A', false)) {
        app.workshop_show_all();
    } else if (ImGui::IsKeyPressed('C', false)) {
        app.workshop_toggle_compare();
    } else if (ImGui::IsKeyPressed('S', false) && !app.workshop_compare) {
        app.focus_suggestion = true;
    }
}

} // namespace et::ui
