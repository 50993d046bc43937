// Settings file reading and atomic writing; every value is checked and located on error.
#include "core/settings.hpp"

#include <cmath>
#include <fstream>
#include <system_error>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/json_file.hpp"

namespace et {

const char* theme_id(Theme theme) {
    switch (theme) {
    case Theme::Dark: return "dark";
    case Theme::Light: return "light";
    case Theme::HighContrast: return "high_contrast";
    }
    return "dark";
}

std::optional<Theme> parse_theme(std::string_view id) {
    for (Theme t : {Theme::Dark, Theme::Light, Theme::HighContrast}) {
        if (id == theme_id(t)) {
            return t;
        }
    }
    return std::nullopt;
}

SettingsStore::SettingsStore(std::filesystem::path file) : file_(std::move(file)) {}

void SettingsStore::load() {
    problem_.reset();
    writable_ = true;
    std::error_code ec;
    if (!std::filesystem::exists(file_, ec)) {
        return; // first run: defaults, and saving may create the file
    }
    JsonLoad loaded = read_json_file(file_.string(), JsonLimits{64 * 1024, 16});
    if (!loaded.document) {
        problem_ = loaded.error;
        writable_ = false;
        return;
    }
    const JsonDocument& doc = *loaded.document;
    const nlohmann::json& root = doc.value();
    if (!root.is_object()) {
        problem_ = doc.at({}, "expected an object, got " + json_type_name(root));
        writable_ = false;
        return;
    }
    // Read into a copy so that one bad value leaves nothing half-applied.
    Settings s;
    nlohmann::json unknown = nlohmann::json::object();
    auto fail = [&](const std::string& key, const std::string& message) {
        problem_ = doc.at(JsonPath() / key, message);
        writable_ = false;
    };
    for (const auto& [key, value] : root.items()) {
        if (key == "font_size") {
            if (!value.is_number() || !std::isfinite(value.get<double>())) {
                return fail(key, "expected a number, got " + json_type_name(value));
            }
            const double v = value.get<double>();
            if (v < Settings::kMinFontSize || v > Settings::kMaxFontSize) {
                return fail(key, "font_size must be between 14 and 48");
            }
            s.font_size = static_cast<float>(v);
        } else if (key == "theme") {
            const auto theme = value.is_string() ? parse_theme(value.get<std::string>())
                                                 : std::nullopt;
            if (!theme) {
                return fail(key, "theme must be \"dark\", \"light\" or \"high_contrast\"");
            }
            s.theme = *theme;
        } else if (key == "hide_card_while_answering" || key == "live_meter" ||
                   key == "keep_response_words") {
            if (!value.is_boolean()) {
                return fail(key, "expected true or false, got " + json_type_name(value));
            }
            bool& target = key == "live_meter"            ? s.live_meter
                           : key == "keep_response_words" ? s.keep_response_words
                                                          : s.hide_card_while_answering;
            target = value.get<bool>();
        } else if (key == "scenario_folder" || key == "criteria_file") {
            if (!value.is_string()) {
                return fail(key, "expected a string, got " + json_type_name(value));
            }
            (key == "scenario_folder" ? s.scenario_folder : s.criteria_file) =
                value.get<std::string>();
        } else {
            unknown[key] = value; // written by a newer version: keep it
        }
    }
    settings_ = s;
    unknown_json_ = unknown.empty() ? std::string() : unknown.dump();
}

bool SettingsStore::save() {
    last_error_.clear();
    if (!writable_) {
        last_error_ = "not saved: " + file_.string() +
                      " could not be read, so it is left as it is (fix or remove it first)";
        return false;
    }
    nlohmann::json out =
        unknown_json_.empty() ? nlohmann::json::object() : nlohmann::json::parse(unknown_json_);
    out["font_size"] = settings_.font_size;
    out["theme"] = theme_id(settings_.theme);
    out["hide_card_while_answering"] = settings_.hide_card_while_answering;
    out["live_meter"] = settings_.live_meter;
    out["keep_response_words"] = settings_.keep_response_words;
    out["scenario_folder"] = settings_.scenario_folder;
    out["criteria_file"] = settings_.criteria_file;

    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    if (ec) {
        last_error_ = "cannot create " + file_.parent_path().string() + ": " + ec.message();
        return false;
    }
    // A crash mid-write must leave either the old file or the new one, never half of one.
    const auto temp = file_.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream f(temp, std::ios::binary | std::ios::trunc);
        f << out.dump(2) << '\n';
        f.flush();
        if (!f) {
            last_error_ = "cannot write " + temp;
            std::filesystem::remove(temp, ec);
            return false;
        }
    }
    std::filesystem::rename(temp, file_, ec);
    if (ec) {
        last_error_ = "cannot replace " + file_.string() + ": " + ec.message();
        std::filesystem::remove(temp, ec);
        return false;
    }
    return true;
}

} // namespace et
