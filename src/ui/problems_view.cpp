// The Problems panel (every load problem with file:line:col) and the error popup for
// errors carried to the edge.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

void draw_problems(AppState& app) {
    heading(app, "Problems");
    const Diagnostics problems = app.problems();
    if (problems.empty() && app.extra_problems.empty()) {
        dim_text_wrapped("Nothing to report: every file loaded cleanly.");
    } else {
        dim_text_wrapped("Files that could not be used, or only in part. A broken scenario "
                         "file never stops the others from loading.");
    }
    if (action_button(app, "Reload scenarios and criteria", "problems:reload")) {
        app.load_criteria();
        app.load_library();
    }
    ImGui::Spacing();
    ImGui::BeginChild("##problem-list", ImVec2(0, 0), false);
    ImGui::PushTextWrapPos(0.0f);
    for (const Diagnostic& d : problems) {
        const bool error = d.severity == Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text, error ? palette().mistake : palette().warning);
        ImGui::TextUnformatted(error ? "error" : "warning");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextUnformatted(d.to_string().c_str());
    }
    for (const std::string& line : app.extra_problems) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextUnformatted("warning");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

void draw_error_popup(AppState& app) {
    const char* title = "Something needs your attention";
    if (!app.errors.empty() && !ImGui::IsPopupOpen(title)) {
        ImGui::OpenPopup(title);
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(16), 0), ImVec2(em(34), FLT_MAX));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(em(32));
        ImGui::TextUnformatted(app.errors.empty() ? "" : app.errors.front().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        // Not the key that caused the error (Enter in a text box): it would close the popup
        // in the frame it opens, before anyone could read it.
        const bool enter = !ImGui::IsWindowAppearing() &&
                           (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false));
        if (action_button(app, "OK", "popup:ok") || enter || app.errors.empty()) {
            if (!app.errors.empty()) {
                app.errors.erase(app.errors.begin());
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace et::ui
