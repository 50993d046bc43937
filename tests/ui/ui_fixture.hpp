// A test fixture owning an ImGui context with no backend: it renders the real screens into
// draw lists nobody displays, and drives them through io as a person would.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <imgui.h>

#include "core/trace.hpp"
#include "ui/app_state.hpp"
#include "ui/app_ui.hpp"

namespace et::ui::test {

// GLFW's key codes, so keys mean the same here as in the real window.
enum Key : int {
    kSpace = 32,
    kEscape = 256,
    kEnter = 257,
    kTab = 258,
    kBackspace = 259,
    kRight = 262,
    kLeft = 263,
    kDown = 264,
    kUp = 265,
    kDelete = 261,
    kHome = 268,
    kEnd = 269,
};

// What a screen may record besides controls: panels (backgrounds recorded around the controls
// they hold, which may sit on them) and markers (ids that only say something is on screen).
struct LayoutAllowances {
    std::function<bool(const std::string& id)> is_panel; // null: no panels
    std::vector<std::string> markers;
};

// Recorded controls must not overlap each other or be cut off by their window (a scrolling
// window may hide them vertically).
void expect_clean_layout(const std::vector<LayoutRecord>& items, ImVec2 display,
                         const std::string& screen, const LayoutAllowances& allow = {});

class UiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Makes the app (after changing `start` or settings files, if a test needs to).
    void make_app();
    void resize(float width, float height);
    void frame();
    void frames(int n);
    void move_mouse(ImVec2 pos);
    void click(ImVec2 pos);
    // Clicks the centre of a control recorded under `id`; fails the test if not drawn.
    void click_item(const std::string& id);
    void press(int key, bool ctrl = false, bool shift = false);
    void type(const std::string& utf8);
    const LayoutRecord* item(const std::string& id) const;
    // Rebuilds the atlas at another size, as the app does between frames.
    Fonts load_fonts_for_test(float size);
    std::vector<nlohmann::json> trace_events(const std::string& name) const;

    std::filesystem::path dir_;   // a fresh temporary folder per test
    StartOptions start;
    std::unique_ptr<Trace> trace_;
    std::unique_ptr<AppState> app;
    std::unique_ptr<AppUi> ui;
    std::vector<LayoutRecord> layout;
};

} // namespace et::ui::test
