// Clicking through io reaches the real buttons: start a scenario, open pages, quit.
#include "ui_fixture.hpp"

namespace et::ui::test {

TEST_F(UiTest, LibraryListsTheBundledScenarios) {
    frames(2);
    ASSERT_FALSE(app->library.scenarios.empty());
    EXPECT_NE(item("scenario:fear-friend-fight"), nullptr);
    EXPECT_TRUE(app->scorer) << "criteria failed to load";
}

TEST_F(UiTest, ClickingTheStartButtonOpensAScenario) {
    frames(2);
    EXPECT_EQ(app->page, Page::Home);
    click_item("home:start");
    ASSERT_TRUE(app->session);
    EXPECT_EQ(app->page, Page::Practice);
    const auto opened = trace_events("scenario_opened");
    ASSERT_EQ(opened.size(), 1u);
    EXPECT_EQ(opened[0]["scenario"], app->session->scenario().id);
}

TEST_F(UiTest, ClickingAScenarioRowOpensIt) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    ASSERT_TRUE(app->session);
    EXPECT_EQ(app->session->scenario().id, "fear-friend-fight");
}

TEST_F(UiTest, MenuOpensPagesAndEscapeComesBack) {
    frames(2);
    click_item("menu:settings");
    EXPECT_EQ(app->page, Page::Settings);
    press(kEscape);
    EXPECT_EQ(app->page, Page::Home);
    click_item("menu:help");
    EXPECT_EQ(app->page, Page::Help);
    click_item("menu:problems");
    EXPECT_EQ(app->page, Page::Problems);
}

TEST_F(UiTest, CtrlQRequestsQuit) {
    frames(2);
    press('Q', true);
    EXPECT_TRUE(app->quit_requested);
}

TEST_F(UiTest, EmotionFilterShowsOnlyThatEmotion) {
    frames(2);
    click_item("library:filter:glad");
    frames(2);
    int rows = 0;
    for (const LayoutRecord& r : layout) {
        if (r.id.rfind("scenario:", 0) == 0) {
            ++rows;
            const Scenario* s = app->find_scenario(r.id.substr(9));
            ASSERT_NE(s, nullptr);
            EXPECT_EQ(s->emotion, "glad") << r.id;
        }
    }
    EXPECT_GT(rows, 0);
}

TEST_F(UiTest, SearchFiltersByText) {
    frames(2);
    click_item("library:search");
    type("friend");
    frames(2);
    for (const LayoutRecord& r : layout) {
        if (r.id.rfind("scenario:", 0) == 0) {
            const Scenario* s = app->find_scenario(r.id.substr(9));
            ASSERT_NE(s, nullptr);
            const std::string all = s->title + s->summary + s->partner.name;
            std::string tags;
            for (const auto& t : s->tags) tags += t;
            EXPECT_TRUE((all + tags).find("riend") != std::string::npos) << r.id;
        }
    }
    EXPECT_NE(item("scenario:fear-friend-fight"), nullptr);
}

} // namespace et::ui::test
