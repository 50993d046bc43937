// The headless ImGui fixture: fonts built on the CPU, input through io, no GPU; and the layout
// check every screen must pass.
#include "ui_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "app/font_loader.hpp"
#include "ui/theme.hpp"

namespace et::ui::test {

namespace {

constexpr float kTolerance = 1.0f; // touching edges are fine; overlapping is not

std::string describe(const LayoutRecord& r) {
    std::ostringstream s;
    s << r.id << " [" << r.min.x << "," << r.min.y << " - " << r.max.x << "," << r.max.y << "]";
    return s.str();
}

} // namespace

void expect_clean_layout(const std::vector<LayoutRecord>& recorded, ImVec2 display,
                         const std::string& screen, const LayoutAllowances& allow) {
    std::vector<LayoutRecord> items;
    for (const LayoutRecord& r : recorded) {
        if (std::find(allow.markers.begin(), allow.markers.end(), r.id) == allow.markers.end()) {
            items.push_back(r);
        }
    }
    auto on_panel = [&](const LayoutRecord& control, const LayoutRecord& panel) {
        return allow.is_panel && allow.is_panel(panel.id) &&
               control.min.x + kTolerance >= panel.min.x &&
               control.min.y + kTolerance >= panel.min.y &&
               control.max.x - kTolerance <= panel.max.x &&
               control.max.y - kTolerance <= panel.max.y;
    };
    ASSERT_FALSE(items.empty()) << screen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const LayoutRecord& a = items[i];
        SCOPED_TRACE(screen + ": " + describe(a));
        EXPECT_GT(a.max.x - a.min.x, 0.0f);
        EXPECT_GT(a.max.y - a.min.y, 0.0f);
        // Never cut off sideways, and never outside the window at all.
        EXPECT_GE(a.min.x + kTolerance, a.clip_min.x);
        EXPECT_LE(a.max.x - kTolerance, a.clip_max.x);
        EXPECT_GE(a.min.x + kTolerance, 0.0f);
        EXPECT_LE(a.max.x - kTolerance, display.x);
        if (!a.scrolls_y) {
            EXPECT_GE(a.min.y + kTolerance, a.clip_min.y);
            EXPECT_LE(a.max.y - kTolerance, a.clip_max.y);
        }
        // Only what shows counts: a control scrolled under the menu bar is not overlapping it.
        const ImVec2 a_min(std::max(a.min.x, a.clip_min.x), std::max(a.min.y, a.clip_min.y));
        const ImVec2 a_max(std::min(a.max.x, a.clip_max.x), std::min(a.max.y, a.clip_max.y));
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const LayoutRecord& b = items[j];
            if (on_panel(b, a) || on_panel(a, b)) {
                continue; // a control on its panel
            }
            const ImVec2 b_min(std::max(b.min.x, b.clip_min.x), std::max(b.min.y, b.clip_min.y));
            const ImVec2 b_max(std::min(b.max.x, b.clip_max.x), std::min(b.max.y, b.clip_max.y));
            const float w = std::min(a_max.x, b_max.x) - std::max(a_min.x, b_min.x);
            const float h = std::min(a_max.y, b_max.y) - std::max(a_min.y, b_min.y);
            EXPECT_FALSE(w > kTolerance && h > kTolerance) << "overlaps " << describe(b);
        }
    }
}

void UiTest::SetUp() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("et-ui-" + std::to_string(::getpid()) + "-" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // tests never touch imgui.ini
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    const int map[][2] = {{ImGuiKey_Tab, kTab},
                          {ImGuiKey_LeftArrow, kLeft},
                          {ImGuiKey_RightArrow, kRight},
                          {ImGuiKey_UpArrow, kUp},
                          {ImGuiKey_DownArrow, kDown},
                          {ImGuiKey_Backspace, kBackspace},
                          {ImGuiKey_Space, kSpace},
                          {ImGuiKey_Enter, kEnter},
                          {ImGuiKey_Escape, kEscape},
                          {ImGuiKey_KeyPadEnter, 335},
                          {ImGuiKey_Delete, kDelete},
                          {ImGuiKey_Home, kHome},
                          {ImGuiKey_End, kEnd},
                          {ImGuiKey_A, 'A'},
                          {ImGuiKey_C, 'C'},
                          {ImGuiKey_V, 'V'},
                          {ImGuiKey_X, 'X'},
                          {ImGuiKey_Y, 'Y'},
                          {ImGuiKey_Z, 'Z'}};
    for (const auto& [imgui_key, code] : map) {
        io.KeyMap[imgui_key] = code;
    }
    start.scenarios_dir = std::string(ET_SOURCE_DIR) + "/scenarios";
    make_app();
}

void UiTest::make_app() {
    ImGuiIO& io = ImGui::GetIO();
    trace_ = std::make_unique<Trace>();
    trace_->open((dir_ / "trace.jsonl").string());
    SettingsStore store(dir_ / "config" / "settings.json");
    store.load();
    app = std::make_unique<AppState>(std::move(store), start, trace_.get());
    app->progress_sync = true; // the Progress snapshot is computed in place: tests stay exact
    app->layout_log = &layout;
    app->fonts = load_fonts(*io.Fonts, app->settings().font_size);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // what a backend would upload
    apply_theme(app->settings().theme, app->settings().font_size);
    app->load_criteria();
    app->load_library();
    ui = std::make_unique<AppUi>();
}

Fonts UiTest::load_fonts_for_test(float size) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts = load_fonts(*io.Fonts, size);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    apply_theme(app->settings().theme, size);
    return fonts;
}

void UiTest::TearDown() {
    ui.reset();
    app.reset();
    ImGui::DestroyContext();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

void UiTest::resize(float width, float height) {
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
    frames(3);
}

void UiTest::frame() {
    ui->before_frame(ImGui::GetIO());
    ImGui::NewFrame();
    ui->draw(*app);
    ImGui::Render();
}

void UiTest::frames(int n) {
    for (int i = 0; i < n; ++i) {
        frame();
    }
}

void UiTest::move_mouse(ImVec2 pos) {
    ImGui::GetIO().MousePos = pos;
    frame();
}

void UiTest::click(ImVec2 pos) {
    ImGuiIO& io = ImGui::GetIO();
    move_mouse(pos);
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame(); // let the screen show what the click changed, as the app's extra frames do
}

void UiTest::click_item(const std::string& id) {
    const LayoutRecord* r = item(id);
    ASSERT_NE(r, nullptr) << "no control recorded as " << id;
    // The visible part only: a control half scrolled out is clicked where it shows.
    const float top = std::max(r->min.y, r->clip_min.y);
    const float bottom = std::min(r->max.y, r->clip_max.y);
    ASSERT_LT(top, bottom) << id << " is scrolled out of view";
    click(ImVec2((r->min.x + r->max.x) * 0.5f, (top + bottom) * 0.5f));
}

void UiTest::press(int key, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    frame();
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame();
}

void UiTest::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frames(2);
}

const LayoutRecord* UiTest::item(const std::string& id) const {
    for (const LayoutRecord& r : layout) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

std::vector<nlohmann::json> UiTest::trace_events(const std::string& name) const {
    std::vector<nlohmann::json> out;
    std::ifstream in(dir_ / "trace.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.value("event", "") == name) {
            out.push_back(j);
        }
    }
    return out;
}

} // namespace et::ui::test
