// The user's settings (font size, theme, practice options, folders), kept in settings.json
// in the config directory; a file that fails to load is never overwritten.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace et {

enum class Theme { Dark, Light, HighContrast };
const char* theme_id(Theme theme);
std::optional<Theme> parse_theme(std::string_view id);

struct Settings {
    static constexpr float kMinFontSize = 14.0f;
    static constexpr float kMaxFontSize = 48.0f; // projector size, readable from the back
    static constexpr float kDefaultFontSize = 20.0f;

    float font_size = kDefaultFontSize;
    Theme theme = Theme::Dark;
    bool hide_card_while_answering = false;
    bool live_meter = true;
    bool keep_response_words = true; // false: history keeps scores and mistakes, not the words
    std::string scenario_folder; // empty: the bundled scenarios
    std::string criteria_file;   // empty: the bundled default criteria

    bool operator==(const Settings&) const = default;
};

// Keeps the settings and the file they came from. `save()` refuses to write when the file
// existed but could not be read, so a typo in a hand-edited file is never wiped.
class SettingsStore {
public:
    explicit SettingsStore(std::filesystem::path file);

    // Reads the file. A missing file is not a problem (defaults are used); an unreadable
    // or invalid one sets problem() and makes the store read-only for this run.
    void load();
    // Writes atomically (temporary file, then rename), creating the directory if needed.
    // Returns false and sets last_error() when refused or failed.
    bool save();

    Settings& settings() { return settings_; }
    const Settings& settings() const { return settings_; }
    const std::filesystem::path& file() const { return file_; }
    bool writable() const { return writable_; }
    const std::optional<Diagnostic>& problem() const { return problem_; }
    const std::string& last_error() const { return last_error_; }

private:
    std::filesystem::path file_;
    Settings settings_;
    bool writable_ = true;
    std::optional<Diagnostic> problem_;
    std::string last_error_;
    std::string unknown_json_; // keys this version does not know, kept on save
};

} // namespace et
