// Settings: keep_response_words is saved, loaded, defaults to true and is checked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/settings.hpp"

namespace et {
namespace {

namespace fs = std::filesystem;

fs::path temp_settings(const char* name) {
    const fs::path dir =
        fs::path(testing::TempDir()) / ("et_settings_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    return dir / "settings.json";
}

TEST(Settings, KeepResponseWordsDefaultsToTrueAndRoundTrips) {
    const fs::path file = temp_settings("round_trip");
    EXPECT_TRUE(Settings{}.keep_response_words);
    {
        SettingsStore store(file);
        store.load();
        EXPECT_TRUE(store.settings().keep_response_words);
        store.settings().keep_response_words = false;
        ASSERT_TRUE(store.save()) << store.last_error();
    }
    SettingsStore reloaded(file);
    reloaded.load();
    EXPECT_FALSE(reloaded.problem().has_value());
    EXPECT_FALSE(reloaded.settings().keep_response_words);
    fs::remove_all(file.parent_path());
}

TEST(Settings, AWrongKeepResponseWordsIsAProblemAndTheFileIsKept) {
    const fs::path file = temp_settings("wrong_type");
    fs::create_directories(file.parent_path());
    const std::string text = "{\"keep_response_words\": \"no\"}\n";
    std::ofstream(file) << text;
    SettingsStore store(file);
    store.load();
    ASSERT_TRUE(store.problem().has_value());
    EXPECT_NE(store.problem()->to_string().find("keep_response_words"), std::string::npos);
    EXPECT_FALSE(store.save());
    std::ifstream in(file);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);
    fs::remove_all(file.parent_path());
}

} // namespace
} // namespace et
