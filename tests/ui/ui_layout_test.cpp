// Every screen at a small laptop size and at 4K: recorded controls must not overlap each
// other or be cut off by their window (a scrolling window may hide them vertically).
#include "ui_fixture.hpp"

namespace et::ui::test {

namespace {

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
