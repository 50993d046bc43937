// Every screen at a small laptop size and at 4K: recorded controls must not overlap each
// other or be cut off by their window (a scrolling window may hide them vertically).
#include <sstream>

#include "ui_fixture.hpp"

namespace et::ui::test {

namespace {

constexpr float kTolerance = 1.0f; // touching edges are fine; overlapping is not

std::string describe(const LayoutRecord& r) {
    std::ostringstream s;
    s << r.id << " [" << r.min.x << "," << r.min.y << " - " << r.max.x << "," << r.max.y << "]";
    return s.str();
}

void expect_clean_layout(const std::vector<LayoutRecord>& items, ImVec2 display,
                         const std::string& screen) {
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
            const ImVec2 b_min(std::max(b.min.x, b.clip_min.x), std::max(b.min.y, b.clip_min.y));
            const ImVec2 b_max(std::min(b.max.x, b.clip_max.x), std::min(b.max.y, b.clip_max.y));
            const float w = std::min(a_max.x, b_max.x) - std::max(a_min.x, b_min.x);
            const float h = std::min(a_max.y, b_max.y) - std::max(a_min.y, b_min.y);
            EXPECT_FALSE(w > kTolerance && h > kTolerance) << "overlaps " << describe(b);
        }
    }
}

class LayoutTest : public UiTest, public ::testing::WithParamInterface<ImVec2> {};

} // namespace

TEST_P(LayoutTest, EveryScreenFitsWithoutOverlapOrClipping) {
    const ImVec2 size = GetParam();
    resize(size.x, size.y);
    expect_clean_layout(layout, size, "home");
    ASSERT_TRUE(app->errors.empty()) << app->errors.front();

    click_item("scenario:fear-friend-fight");
    frames(3);
    expect_clean_layout(layout, size, "practice");
    EXPECT_NE(item("practice:answer"), nullptr);
    EXPECT_NE(item("practice:card"), nullptr);

    type("That sounds really stressful, but honestly, just call her instead of texting.");
    press(kEnter, true);
    frames(3);
    expect_clean_layout(layout, size, "feedback");
    EXPECT_NE(item("feedback:continue"), nullptr);

    click_item("feedback:continue");
    for (int step = 0; step < 6 && app->page != Page::Summary; ++step) {
        frames(2);
        press('1');
        click_item("feedback:continue");
    }
    frames(3);
    ASSERT_EQ(app->page, Page::Summary);
    expect_clean_layout(layout, size, "summary");

    click_item("menu:settings");
    frames(3);
    expect_clean_layout(layout, size, "settings");
    click_item("menu:help");
    frames(3);
    expect_clean_layout(layout, size, "help");
}

TEST_P(LayoutTest, ProjectorFontStillFits) {
    const ImVec2 size = GetParam();
    app->settings().font_size = 36;
    app->fonts = load_fonts_for_test(36);
    resize(size.x, size.y);
    click_item("scenario:fear-friend-fight");
    frames(3);
    expect_clean_layout(layout, size, "practice at 36 px");
}

INSTANTIATE_TEST_SUITE_P(Sizes, LayoutTest,
                         ::testing::Values(ImVec2(800, 600), ImVec2(1280, 800), ImVec2(3840, 2160)),
                         [](const auto& info) {
                             return std::to_string(static_cast<int>(info.param.x)) + "x" +
                                    std::to_string(static_cast<int>(info.param.y));
                         });

} // namespace et::ui::test
