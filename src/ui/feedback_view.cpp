// Feedback after an answer: the level badge and score, the response with the words behind
// each judgement, what worked, what to avoid, a stronger answer, and where to go next.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

// Try again and Continue sit beside the badge, so they are on screen however long the
// feedback below grows.
void draw_actions(AppState& app, const Exchange& e) {
    const bool last = !app.session->step().next_step(outcome_of(e.level, !e.mistakes.empty()));
    const char* next_label = last ? "Finish  \xE2\x86\x92" : "Continue  \xE2\x86\x92";
    const float buttons_w =
        action_button_width("Try again") + action_button_width(next_label) + em(0.8f);
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0, em(1.5f));
    if (ImGui::GetCursorPosX() + buttons_w > right) {
        ImGui::NewLine();
    } else {
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - buttons_w));
    }
    if (action_button(app, "Try again", "feedback:try-again")) {
        app.try_again();
    }
    ImGui::SameLine(0, em(0.8f));
    push_accent();
    if (action_button(app, next_label, "feedback:continue")) {
        app.continue_on();
    }
    pop_accent();
}

} // namespace

void draw_feedback(AppState& app, float width) {
    const PracticeSession& session = *app.session;
    const Exchange& e = *session.current();
    const Palette& p = palette();

    level_badge(app, e.level, true);
    record_item(app, "feedback:badge", Item::Static);
    ImGui::SameLine(0, em(1));
    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts.bold);
    ImGui::Text("%d / 100", e.points);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    ImGui::TextUnformatted(e.source == AnswerSource::Choice ? "your pick" : "your own words");
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    draw_actions(app, e);
    mistakes_line(app, e.mistakes);
    ImGui::Spacing();

    if (!e.score.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
        ImGui::TextWrapped("%s", e.score.error.c_str());
        ImGui::PopStyleColor();
    }
    // The response itself, with the evidence marked.
    const Panel panel = begin_panel(width);
    highlighted_response(app, e.response, e.score.matches, width - panel.pad.x * 2);
    end_panel(app, panel, p.mine, "feedback:response");
    if (!e.score.matches.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
        ImGui::TextWrapped("+ marks empathy (solid underline); ! marks a mistake (dashed underline). "
                           "Hover a marked phrase for why.");
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();

    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width);
    if (!e.author_why.empty()) {
        bold_text(app, "Why this answer rates as it does");
        ImGui::TextWrapped("%s", e.author_why.c_str());
        ImGui::Spacing();
    }
    if (!e.score.worked.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.empathy);
        bold_text(app, "What worked");
        ImGui::PopStyleColor();
        bullet_lines(e.score.worked);
        ImGui::Spacing();
    }
    if (!e.score.avoid.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.mistake);
        bold_text(app, "What to avoid, and why");
        ImGui::PopStyleColor();
        bullet_lines(e.score.avoid);
        ImGui::Spacing();
    }
    if (!e.score.suggestion.empty() && e.level < 2) {
        bold_text(app, "A stronger answer might be");
        ImGui::PopTextWrapPos();
        bubble(e.score.suggestion, p.panel, p.text, width);
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width);
        ImGui::Spacing();
    }
    if (!e.engine_scored) {
        dim_text_wrapped("The scoring criteria are not loaded, so only the author's rating is "
                         "shown.");
    }
    ImGui::PopTextWrapPos();

}

} // namespace et::ui
