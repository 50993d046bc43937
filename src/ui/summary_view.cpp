// End of a scenario: each step's level and mistakes, the total, one thing to practise next.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

void draw_summary(AppState& app) {
    if (!app.session) {
        draw_home(app);
        return;
    }
    const SessionSummary summary = app.session->summary();
    const Scenario& s = app.session->scenario();
    const Palette& p = palette();
    heading(app, ("Finished: " + s.title).c_str());
    ImGui::PushFont(app.fonts.bold);
    ImGui::Text("Total %d of %d", summary.total, summary.max_total);
    ImGui::PopFont();
    ImGui::SameLine(0, em(1));
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    ImGui::Text("best level this time: %s", level_name(summary.best_level));
    ImGui::PopStyleColor();
    ImGui::Spacing();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##steps", 4, flags)) {
        ImGui::TableSetupColumn("Step", ImGuiTableColumnFlags_WidthFixed, em(2.5f));
        ImGui::TableSetupColumn(("What " + s.partner.name + " said").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Your level", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Mistakes", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        int n = 0;
        for (const StepSummary& step : summary.steps) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", ++n);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", step.partner_says.c_str());
            ImGui::TableNextColumn();
            level_badge(app, step.level, false);
            ImGui::Text("%d / 100%s", step.score,
                        step.attempts > 1 ? (", " + std::to_string(step.attempts) + " tries").c_str() : "");
            ImGui::TableNextColumn();
            if (step.mistakes.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
                ImGui::TextUnformatted("none");
                ImGui::PopStyleColor();
            }
            for (Mistake m : step.mistakes) {
                ImGui::PushStyleColor(ImGuiCol_Text, p.mistake);
                ImGui::Text("! %s", std::string(mistake_id(m)).c_str());
                ImGui::PopStyleColor();
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    bold_text(app, "Practise next");
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", summary.practise_next.c_str());
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    const std::string id = s.id;
    if (action_button(app, "Play it again", "summary:again")) {
        app.open_scenario(id);
    }
    ImGui::PopStyleColor(2);
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine(0, em(0.8f));
    if (action_button(app, "Choose another scenario", "summary:close")) {
        app.close_scenario();
    }
}

} // namespace et::ui
