// The root frame: menu bar, library sidebar, current page, global keys and popups.
#include "ui/app_ui.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {
// ImGui 1.86 indexes KeysDown by the platform backend's key codes and names no function
// keys; this is GLFW_KEY_F11 (the ui layer does not include GLFW).
constexpr int kKeyF11 = 300;
} // namespace

void AppUi::before_frame(ImGuiIO& io) {
    // While presenting, the arrows belong to the presenter's clicker, not to ImGui's
    // keyboard navigation (which would also draw its focus frame on the projector).
    if (presenting_) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    } else {
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    }
    if (tab_key_ < 0 && io.KeyMap[ImGuiKey_Tab] >= 0) {
        tab_key_ = io.KeyMap[ImGuiKey_Tab];
        io.KeyMap[ImGuiKey_Tab] = -1;
    }
    const int enter = io.KeyMap[ImGuiKey_Enter];
    if (enter >= 0 && io.KeysDown[enter] && !io.WantTextInput && !io.KeyCtrl && !io.KeyAlt) {
        io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
    }
}

void AppUi::handle_tab(AppState& app, const std::vector<TabStop>& stops) {
    if (tab_key_ < 0 || stops.empty() || !ImGui::IsKeyPressed(tab_key_)) {
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID current = ImGui::GetActiveID() != 0 ? ImGui::GetActiveID() : ImGui::GetFocusID();
    int index = -1;
    for (std::size_t i = 0; i < stops.size(); ++i) {
        if (stops[i].id == current) {
            index = static_cast<int>(i);
        }
    }
    const int n = static_cast<int>(stops.size());
    const int next = index < 0 ? (io.KeyShift ? n - 1 : 0) : (index + (io.KeyShift ? n - 1 : 1)) % n;
    if (ImGui::GetActiveID() != 0) {
        ImGui::ClearActiveID(); // leave the text box (its text stays)
    }
    const TabStop& target = stops[static_cast<std::size_t>(next)];
    if (target.text) {
        app.focus_text_label = target.label; // a text box needs activating to take typing
    } else {
        focus_control(target);
    }
}

void AppUi::handle_keys(AppState& app) {
    ImGuiIO& io = ImGui::GetIO();
    // Read before anything is drawn: true when a text box had the keyboard last frame and
    // still has it (Enter or Esc may have just let it go).
    const bool typing = io.WantTextInput && ImGui::GetActiveID() != 0;
    const bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) {
        app.request_quit();
    }
    if (ImGui::IsKeyPressed(kKeyF11, false)) {
        app.fullscreen_requested = true;
    }
    if (popup) {
        return;
    }
    if (app.page == Page::Couples) {
        couples_.handle_keys(app, typing);
    } else if (app.page == Page::Workshop) {
        workshop_.handle_keys(app, typing);
    }
    const bool practising = app.page == Page::Practice && app.session;
    const bool answering = practising && app.session->current() == nullptr;
    if (io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))) {
        if (answering) {
            app.submit_typed();
        } else if (app.page == Page::CheckIn) {
            app.finish_checkin();
        }
    }
    if (!typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        app.back();
        return; // backing out may have ended the session read below
    }
    if (answering && !typing && !io.KeyCtrl && !io.KeyAlt) {
        const auto& choices = app.session->step().choices;
        for (int n = 1; n <= static_cast<int>(std::min<std::size_t>(choices.size(), 9)); ++n) {
            if (ImGui::IsKeyPressed('0' + n, false)) {
                app.pick_choice(n - 1);
                break;
            }
        }
    }
}

void AppUi::draw_menu(AppState& app) {
    if (!ImGui::BeginMenuBar()) {
        return;
    }
    auto page_item = [&](const char* label, Page page, const char* id) {
        if (ImGui::MenuItem(label, nullptr, app.page == page)) {
            if (app.page == page) {
                app.back();
            } else {
                app.show_page(page);
            }
        }
        record_item(app, id);
    };
    if (ImGui::MenuItem("Practice", nullptr, app.page == Page::Practice || app.page == Page::Home)) {
        app.show_page(app.session ? Page::Practice : Page::Home);
    }
    record_item(app, "menu:practice");
    // The check-in and the two other modes get their own items when the bar has room (a
    // projector font on a small window does not), else one "Modes" menu.
    const ImGuiStyle& style = ImGui::GetStyle();
    float needed = 0;
    for (const char* label : {"Check-in", "Couples", "Workshop", "Progress", "Settings",
                              "Problems (99)", "Help"}) {
        needed += ImGui::CalcTextSize(label).x + style.ItemSpacing.x * 2;
    }
    const bool roomy = ImGui::GetCursorPosX() + needed < ImGui::GetWindowContentRegionMax().x;
    const bool in_menu = !roomy && ImGui::BeginMenu("Modes");
    if (!roomy) {
        record_item(app, "menu:modes"); // the menu's own item, open or not
    }
    if ((roomy || in_menu) && ImGui::MenuItem("Check-in", nullptr, app.page == Page::CheckIn)) {
        app.open_checkin();
    }
    if (roomy || in_menu) {
        record_item(app, "menu:checkin"); // in the open Modes menu too, so tests can click it
    }
    if ((roomy || in_menu) && ImGui::MenuItem("Couples", nullptr, app.page == Page::Couples)) {
        app.show_page(Page::Couples);
    }
    if (roomy) {
        record_item(app, "menu:couples");
    }
    if ((roomy || in_menu) && ImGui::MenuItem("Workshop", nullptr, app.page == Page::Workshop)) {
        app.show_page(Page::Workshop);
    }
    if (roomy) {
        record_item(app, "menu:workshop");
    }
    if ((roomy || in_menu) && ImGui::MenuItem("Progress", nullptr, app.page == Page::Progress)) {
        if (app.page == Page::Progress) {
            app.back();
        } else {
            app.open_progress();
        }
    }
    if (roomy) {
        record_item(app, "menu:progress");
    }
    if (in_menu) {
        ImGui::EndMenu();
    }
    page_item("Settings", Page::Settings, "menu:settings");
    const Diagnostics problems = app.problems();
    const std::size_t count = problems.size() + app.extra_problems.size();
    const std::string label = count == 0 ? std::string("Problems")
                                         : "Problems (" + std::to_string(count) + ")###problems";
    if (count > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    }
    page_item(label.c_str(), Page::Problems, "menu:problems");
    if (count > 0) {
        ImGui::PopStyleColor();
    }
    page_item("Help", Page::Help, "menu:help");
#ifndef NDEBUG
    if (ImGui::BeginMenu("Debug")) {
        ImGui::MenuItem("ImGui demo window", nullptr, &app.show_demo);
        ImGui::MenuItem("ImGui metrics", nullptr, &app.show_metrics);
        ImGui::EndMenu();
    }
#endif
    const char* quit = "Quit  Ctrl+Q";
    const float quit_w = ImGui::CalcTextSize(quit).x + ImGui::GetStyle().ItemSpacing.x * 2;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetCursorPosX() + quit_w < right) {
        ImGui::SetCursorPosX(right - quit_w);
        if (ImGui::MenuItem(quit)) {
            app.request_quit();
        }
        record_item(app, "menu:quit");
    }
    ImGui::EndMenuBar();
}

void AppUi::draw(AppState& app) {
    if (app.layout_log != nullptr) {
        app.layout_log->clear();
    }
    const std::vector<TabStop> stops = std::move(app.tab_stops);
    app.tab_stops.clear();
    if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        handle_tab(app, stops);
    }
    handle_keys(app);
    presenting_ = app.page == Page::Workshop && app.workshop.has_value();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   // The frame is cleared to the window colour already; a
                                   // software renderer would blend every pixel twice.
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("Empathy Trainer##root", nullptr, flags);
    draw_menu(app);

    const float avail = ImGui::GetContentRegionAvail().x;
    // The sidebar shrinks before the page does, and steps aside in a scenario when the text
    // is large for the window (a projector font on a laptop): Esc brings it back.
    const bool in_scenario = app.session && (app.page == Page::Practice || app.page == Page::Summary);
    // Couples and workshop screens are for two people or a room: no library beside them.
    const bool own_screen = app.page == Page::Couples || app.page == Page::Workshop ||
                            app.page == Page::Progress ||
                            app.page == Page::CheckIn; // a page of one's own, no scenarios
    if (!own_screen && (!in_scenario || avail >= em(44))) {
        const float sidebar_w = std::clamp(avail * 0.27f, std::min(em(13), avail * 0.4f), em(20));
        ImGui::BeginChild("##library", ImVec2(sidebar_w, 0), false);
        library_.draw(app);
        ImGui::EndChild();
        ImGui::SameLine(0, em(1));
    }
    ImGui::BeginChild("##page", ImVec2(0, 0), false);
    switch (app.page) {
    case Page::Home: draw_home(app); break;
    case Page::Practice: practice_.draw(app); break;
    case Page::Summary: draw_summary(app); break;
    case Page::Settings: settings_.draw(app); break;
    case Page::Problems: draw_problems(app); break;
    case Page::Help: draw_help(app); break;
    case Page::Couples: couples_.draw(app); break;
    case Page::Workshop: workshop_.draw(app); break;
    case Page::Progress: progress_.draw(app); break;
    case Page::CheckIn: draw_checkin(app); break;
    }
    ImGui::EndChild();
    draw_error_popup(app);
    ImGui::End();

    if (app.show_demo) {
        ImGui::ShowDemoWindow(&app.show_demo);
    }
    if (app.show_metrics) {
        ImGui::ShowMetricsWindow(&app.show_metrics);
    }
}

} // namespace et::ui
