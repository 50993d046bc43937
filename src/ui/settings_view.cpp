// Settings: font size (up to projector size), theme, practice options, folders. Every
// change is saved at once; a settings file that failed to load is never overwritten.
#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

struct Preset {
    const char* name;
    float size;
};
const Preset kPresets[] = {{"Normal", 20}, {"Large", 26}, {"Projector", 36}, {"Huge", 48}};

void section(const AppState& app, const char* title) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    bold_text(app, title);
    ImGui::PopStyleColor();
}

} // namespace

void SettingsView::draw(AppState& app) {
    Settings& s = app.settings();
    if (!edits_loaded_) {
        folder_edit_ = s.scenario_folder;
        criteria_edit_ = s.criteria_file;
        edits_loaded_ = true;
    }
    bool changed = false;
    heading(app, "Settings");
    if (!app.settings_store.writable() && app.settings_store.problem()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("Your settings file could not be read, so changes here apply to this "
                           "session only and the file is left untouched:\n%s",
                           app.settings_store.problem()->to_string().c_str());
        ImGui::PopStyleColor();
    }

    section(app, "Text size");
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%.0f px", static_cast<double>(s.font_size));
    ImGui::SameLine(0, em(0.8f));
    if (ImGui::Button(" - ##smaller") && s.font_size > Settings::kMinFontSize) {
        s.font_size = std::max(Settings::kMinFontSize, std::round(s.font_size - 2));
        changed = true;
    }
    record_item(app, "settings:smaller");
    ImGui::SameLine();
    if (ImGui::Button(" + ##larger") && s.font_size < Settings::kMaxFontSize) {
        s.font_size = std::min(Settings::kMaxFontSize, std::round(s.font_size + 2));
        changed = true;
    }
    record_item(app, "settings:larger");
    const float radio_extra = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    for (const Preset& preset : kPresets) {
        same_line_if_fits(ImGui::CalcTextSize(preset.name).x + radio_extra, em(0.8f));
        if (ImGui::RadioButton(preset.name, std::abs(s.font_size - preset.size) < 0.5f)) {
            s.font_size = preset.size;
            changed = true;
        }
        record_item(app, std::string("settings:preset:") + preset.name);
    }
    dim_text_wrapped("Everything scales with the text. Projector and Huge read from the back "
                     "of a room.");

    section(app, "Theme");
    const std::pair<Theme, const char*> themes[] = {
        {Theme::Dark, "Warm dark"}, {Theme::Light, "Warm light"}, {Theme::HighContrast, "High contrast"}};
    bool first = true;
    for (const auto& [theme, name] : themes) {
        if (!first) {
            same_line_if_fits(ImGui::CalcTextSize(name).x + radio_extra, em(1));
        }
        first = false;
        if (ImGui::RadioButton(name, s.theme == theme)) {
            s.theme = theme;
            changed = true;
        }
        record_item(app, std::string("settings:theme:") + theme_id(theme));
    }

    section(app, "Practice");
    changed |= ImGui::Checkbox("Hide the partner card once I start answering", &s.hide_card_while_answering);
    record_item(app, "settings:hide-card");
    dim_text_wrapped("Level Two means remembering what you know about them, as in real life.");
    changed |= ImGui::Checkbox("Show the live level meter while I type", &s.live_meter);
    record_item(app, "settings:live-meter");
    changed |= ImGui::Checkbox("Keep the words of my answers in my history", &s.keep_response_words);
    record_item(app, "settings:keep-words");
    dim_text_wrapped("Off: your history keeps levels, scores and mistakes, not what you wrote.");

    const float field_w = std::min(ImGui::GetContentRegionAvail().x, em(30));
    section(app, "Scenario folder");
    ImGui::SetNextItemWidth(field_w);
    text_focus_point(app, "settings:folder");
    ImGui::InputTextWithHint("##folder", "empty: the bundled scenarios", &folder_edit_);
    record_item(app, "settings:folder", Item::Text);
    if (action_button(app, "Load folder", "settings:folder-apply")) {
        s.scenario_folder = folder_edit_;
        changed = true;
        app.load_library();
    }
    same_line_if_fits(em(7), ImGui::GetStyle().ItemSpacing.x);
    if (action_button(app, "Use bundled", "settings:folder-bundled")) {
        folder_edit_.clear();
        s.scenario_folder.clear();
        changed = true;
        app.load_library();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextWrapped("In use: %s (%zu scenarios)", app.scenario_folder().c_str(),
                       app.library.scenarios.size());
    ImGui::PopStyleColor();

    section(app, "Scoring criteria file");
    ImGui::SetNextItemWidth(field_w);
    text_focus_point(app, "settings:criteria");
    ImGui::InputTextWithHint("##criteria", "empty: the bundled default criteria", &criteria_edit_);
    record_item(app, "settings:criteria", Item::Text);
    if (action_button(app, "Load criteria", "settings:criteria-apply")) {
        s.criteria_file = criteria_edit_;
        changed = true;
        app.load_criteria();
    }
    same_line_if_fits(em(7), ImGui::GetStyle().ItemSpacing.x);
    if (action_button(app, "Use default", "settings:criteria-default")) {
        criteria_edit_.clear();
        s.criteria_file.clear();
        changed = true;
        app.load_criteria();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextWrapped("In use: %s%s", app.criteria_file().c_str(),
                       app.scorer               ? ""
                       : app.criteria_loading() ? " (loading\xE2\x80\xA6)"
                                                : " (not loaded: see Problems)");
    ImGui::Spacing();
    ImGui::TextWrapped("Saved in %s", app.settings_store.file().string().c_str());
    ImGui::PopStyleColor();

    if (changed) {
        app.save_settings();
    }
}

} // namespace et::ui
