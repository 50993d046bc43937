// Couples mode, the end of each round and of the session: the speaker rates how heard they
// felt, then the rating and the engine's reading side by side, and the players' summary.
#include <algorithm>

#include <imgui.h>

#include "ui/couples_internal.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

void CouplesView::draw_rating(AppState& app) {
    CouplesSession& c = *app.couples;
    const CouplesRound& r = *c.round();
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(40));
    const std::string& speaker = c.name(c.speaker());
    heading(app, (speaker + ", how heard did you feel?").c_str());
    dim_text_wrapped(("Read " + c.name(c.listener()) +
                      "'s answer. Your rating comes first; the engine's reading is shown "
                      "after it.").c_str());
    ImGui::Spacing();
    bubble(r.partner_says.empty() ? std::string("(your words)") : r.partner_says, palette().bubble,
           palette().bubble_text, width);
    ImGui::Spacing();
    const float indent = std::min(em(3), width * 0.15f);
    ImGui::Indent(indent);
    bubble(r.response, palette().mine, palette().mine_text, width - indent);
    ImGui::Unindent(indent);
    ImGui::Spacing();
    ImGui::Spacing();
    // Eleven buttons 0..10 (keys 0-9 too); the chosen one confirms with Enter.
    const float button_w = std::max(ImGui::GetFrameHeight(), em(1.8f));
    for (int n = 0; n <= 10; ++n) {
        if (n > 0) {
            same_line_if_fits(button_w, ImGui::GetStyle().ItemSpacing.x);
        }
        const bool chosen = n == rating_; // a click changes rating_ between push and pop
        push_accent(chosen);
        const std::string label = std::to_string(n);
        if (ImGui::Button(label.c_str(), ImVec2(button_w, 0))) {
            rating_ = n;
        }
        pop_accent(chosen);
        record_item(app, "couples:rating:" + label);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted("0 not heard at all \xC2\xB7 10 completely heard");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    push_accent(true);
    const std::string label = "I felt " + std::to_string(rating_) + "/10 heard  (Enter)";
    if (action_button(app, label.c_str(), "couples:rate")) {
        app.couples_rate(rating_);
    }
    pop_accent(true);
}

void CouplesView::draw_verdict(AppState& app) {
    CouplesSession& c = *app.couples;
    const CouplesRound& r = *c.round();
    const Palette& p = palette();
    heading(app, ("Round " + std::to_string(r.number) + ": side by side").c_str());
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= em(36);
    const float left_w = side_by_side ? std::min(em(14), avail * 0.35f) : avail;
    const float right_w = side_by_side ? avail - left_w - em(1) : avail;

    Panel panel = begin_panel(left_w);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_w - panel.pad.x * 2);
    bold_text(app, ("How " + c.name(r.speaker) + " felt").c_str());
    ImGui::PushFont(app.fonts.heading);
    ImGui::Text("%d / 10 heard", r.felt_heard);
    ImGui::PopFont();
    const float bar_w = left_w - panel.pad.x * 2;
    ImGui::ProgressBar(static_cast<float>(r.felt_heard) / 10.0f, ImVec2(bar_w, em(0.5f)), "");
    dim_text_wrapped("The speaker's feeling is the truth the engine serves.");
    ImGui::PopTextWrapPos();
    end_panel(app, panel, p.panel, "couples:felt");
    if (side_by_side) {
        ImGui::SameLine(0, em(1));
    } else {
        ImGui::Spacing();
    }
    panel = begin_panel(right_w);
    const float inner = right_w - panel.pad.x * 2;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    bold_text(app, ("What the engine read in " + c.name(r.listener) + "'s answer").c_str());
    level_badge(app, r.level, true);
    ImGui::SameLine(0, em(1));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d / 100", r.points);
    mistakes_line(app, r.mistakes);
    highlighted_response(app, r.response, r.score.matches, inner);
    ImGui::PopTextWrapPos();
    end_panel(app, panel, p.mine, "couples:engine");
    record_item(app, "couples:verdict", Item::Static);

    const std::string note = c.disagreement_note();
    if (!note.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail);
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        record_item(app, "couples:disagreement", Item::Static);
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail);
    if (!r.score.worked.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.empathy);
        bold_text(app, "What worked");
        ImGui::PopStyleColor();
        bullet_lines(r.score.worked);
    }
    if (!r.score.avoid.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.mistake);
        bold_text(app, "What to avoid, and why");
        ImGui::PopStyleColor();
        bullet_lines(r.score.avoid);
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    push_accent(true);
    const std::string next = "Next round: " + c.name(r.listener) + " speaks  (Enter)";
    if (action_button(app, next.c_str(), "couples:next")) {
        app.couples_next_round();
    }
    pop_accent(true);
    ImGui::SameLine(0, em(0.8f));
    if (action_button(app, "End the session", "couples:end")) {
        app.couples_next_round();
        app.couples_finish();
    }
}

void CouplesView::draw_summary(AppState& app) {
    CouplesSession& c = *app.couples;
    heading(app, "How you listened to each other");
    const auto summary = c.summary();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= em(36);
    const float col_w = side_by_side ? (avail - em(1)) * 0.5f : avail;
    for (int p = 0; p < 2; ++p) {
        const PlayerSummary& s = summary[static_cast<std::size_t>(p)];
        if (p > 0) {
            if (side_by_side) {
                ImGui::SameLine(0, em(1));
            } else {
                ImGui::Spacing();
            }
        }
        const Panel panel = begin_panel(col_w);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w - panel.pad.x * 2);
        ImGui::PushFont(app.fonts.heading);
        ImGui::TextUnformatted(s.name.c_str());
        ImGui::PopFont();
        if (s.levels.empty()) {
            dim_text_wrapped("No turns as the listener.");
        } else {
            ImGui::Text("As listener, round by round:");
            for (std::size_t i = 0; i < s.levels.size(); ++i) {
                if (i > 0) {
                    same_line_if_fits(em(6), ImGui::GetStyle().ItemSpacing.x);
                }
                level_badge(app, s.levels[i], false);
            }
            ImGui::Text("%s felt heard %.1f/10 on average", c.name(1 - p).c_str(), average(s.heard));
            if (s.common_mistake) {
                ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
                ImGui::TextWrapped("! Most frequent trap: %s (%d time%s)",
                                   mistake_titles(app, {*s.common_mistake}).c_str(),
                                   s.common_mistake_count, s.common_mistake_count == 1 ? "" : "s");
                ImGui::PopStyleColor();
            } else {
                ImGui::TextWrapped("No listening mistakes.");
            }
        }
        ImGui::PushStyleColor(ImGuiCol_Text, palette().empathy);
        ImGui::TextWrapped("+ Did well: %s", s.did_well.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        end_panel(app, panel, palette().panel, p == 0 ? "couples:summary:0" : "couples:summary:1");
    }
    ImGui::Spacing();
    if (!c.keep_real_talk_words()) {
        dim_text_wrapped("Real-talk words were not kept: only ratings and levels.");
    }
    push_accent(true);
    if (action_button(app, "Play again", "couples:again")) {
        const auto names = c.names();
        const bool keep = c.keep_real_talk_words();
        app.close_couples();
        app.start_couples(names[0], names[1], keep);
    }
    pop_accent(true);
    ImGui::SameLine(0, em(0.8f));
    if (action_button(app, "Done", "couples:done")) {
        app.close_couples();
    }
}

} // namespace et::ui
