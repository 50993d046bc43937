// The root of the UI: one full-window frame with a menu bar, the library sidebar and the
// current page; global keys (Ctrl+Q, Esc, F11, 1-9, Ctrl+Enter) are handled here.
#pragma once

#include "ui/app_state.hpp"
#include "ui/screens.hpp"

namespace et::ui {

class AppUi {
public:
    // Call before every ImGui::NewFrame(): takes Tab over from ImGui 1.86 (which tabs only
    // between text boxes) and lets Enter activate the focused control, as Space does.
    void before_frame(ImGuiIO& io);
    // Draws one frame's worth of UI. Call between ImGui::NewFrame() and ImGui::Render().
    void draw(AppState& app);

private:
    void handle_keys(AppState& app);
    void handle_tab(AppState& app, const std::vector<TabStop>& stops);
    int tab_key_ = -1;
    bool presenting_ = false; // workshop presenting: arrows are not ImGui navigation
    void draw_menu(AppState& app);
    LibraryView library_;
    PracticeView practice_;
    SettingsView settings_;
    CouplesView couples_;
    WorkshopView workshop_;
    ProgressView progress_;
};

} // namespace et::ui
