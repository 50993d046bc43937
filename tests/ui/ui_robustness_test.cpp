// Settings that fail to load are never overwritten; a scenario folder that vanishes gives a
// message, not a crash; a missing criteria file shows a problem and picks still work.
#include <fstream>
#include <sstream>

#include "ui_fixture.hpp"

namespace et::ui::test {

namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_all(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

TEST_F(UiTest, SettingsAreSavedAtomicallyAndReadBack) {
    frames(2);
    click_item("menu:settings");
    click_item("settings:theme:light");
    EXPECT_EQ(app->settings().theme, Theme::Light);
    const auto file = dir_ / "config" / "settings.json";
    ASSERT_TRUE(std::filesystem::exists(file));
    SettingsStore again(file);
    again.load();
    EXPECT_FALSE(again.problem());
    EXPECT_EQ(again.settings().theme, Theme::Light);
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
        EXPECT_EQ(entry.path().filename(), "settings.json") << "left behind: " << entry.path();
    }
}

TEST_F(UiTest, BrokenSettingsAreReportedAndNeverOverwritten) {
    const auto file = dir_ / "config" / "settings.json";
    const std::string broken = "{\n  \"font_size\": 22,\n  \"theme\": \"purple\"\n}\n";
    write_all(file, broken);
    make_app();
    ASSERT_TRUE(app->settings_store.problem());
    const std::string where = app->settings_store.problem()->to_string();
    EXPECT_NE(where.find("settings.json:3:"), std::string::npos) << where;
    frames(2);
    click_item("menu:settings");
    click_item("settings:theme:high_contrast");
    EXPECT_EQ(app->settings().theme, Theme::HighContrast); // applies for this session
    EXPECT_EQ(read_all(file), broken);                     // but the file is untouched
    EXPECT_FALSE(app->errors.empty());                     // and the user is told why
}

TEST_F(UiTest, UnknownSettingsKeysSurviveASave) {
    const auto file = dir_ / "config" / "settings.json";
    write_all(file, R"({"font_size": 26, "from_a_newer_version": [1, 2]})");
    make_app();
    EXPECT_FALSE(app->settings_store.problem());
    EXPECT_EQ(app->settings().font_size, 26.0f);
    app->settings().live_meter = false;
    ASSERT_TRUE(app->settings_store.save());
    EXPECT_NE(read_all(file).find("from_a_newer_version"), std::string::npos);
}

TEST_F(UiTest, AVanishingScenarioFolderGivesAMessageNotACrash) {
    const auto folder = dir_ / "pack";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(std::string(ET_SOURCE_DIR) + "/scenarios/fear-friend-fight.json",
                               folder / "fear-friend-fight.json");
    start.scenarios_dir = folder.string();
    make_app();
    frames(2);
    click_item("scenario:fear-friend-fight");
    ASSERT_TRUE(app->session);
    std::filesystem::remove_all(folder);
    EXPECT_TRUE(app->check_folder());
    EXPECT_TRUE(app->folder_missing);
    frames(3);
    press('1'); // the open scenario keeps working: it was copied when opened
    ASSERT_NE(app->session->current(), nullptr);
    app->load_library(); // a reload while it is gone keeps the list
    EXPECT_FALSE(app->library.scenarios.empty());
    frames(2);
    std::filesystem::create_directories(folder);
    EXPECT_TRUE(app->check_folder());
    EXPECT_FALSE(app->folder_missing);
}

TEST_F(UiTest, MissingCriteriaShowAProblemAndPicksStillWork) {
    start.criteria_file = (dir_ / "no-such-criteria.json").string();
    make_app();
    EXPECT_FALSE(app->scorer);
    EXPECT_FALSE(app->criteria_problems.empty());
    EXPECT_FALSE(app->errors.empty());
    frames(2);
    click_item("popup:ok");
    EXPECT_TRUE(app->errors.empty());
    click_item("scenario:fear-friend-fight");
    press('4');
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->level, 0);
    EXPECT_FALSE(app->session->current()->mistakes.empty());
    click_item("menu:problems");
    EXPECT_EQ(app->page, Page::Problems);
}

TEST_F(UiTest, UnknownScenarioIdIsAnErrorPopup) {
    EXPECT_FALSE(app->open_scenario("no-such-scenario"));
    ASSERT_EQ(app->errors.size(), 1u);
    frames(2);
    EXPECT_NE(item("popup:ok"), nullptr);
    press(kEnter);
    EXPECT_TRUE(app->errors.empty());
}

} // namespace et::ui::test
