// The scenario library sidebar.
#include <algorithm>
#include <cctype>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

const char* kEmotions[] = {"all", "mad", "sad", "glad", "fear"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool matches_search(const Scenario& s, const std::string& needle) {
    if (needle.empty()) {
        return true;
    }
    const std::string n = lower(needle);
    if (lower(s.title).find(n) != std::string::npos ||
        lower(s.summary).find(n) != std::string::npos ||
        lower(s.partner.name).find(n) != std::string::npos || lower(s.emotion) == n) {
        return true;
    }
    return std::any_of(s.tags.begin(), s.tags.end(),
                       [&](const std::string& t) { return lower(t).find(n) != std::string::npos; });
}

// One scenario as a selectable card: title, then emotion, difficulty and best level.
bool scenario_row(AppState& app, const Scenario& s, bool selected, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // Start in by the half spacing ImGui adds around a selectable (see choice_row).
    const float spread = IM_FLOOR(style.ItemSpacing.x * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + spread);
    width -= spread * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = width - style.FramePadding.x * 2;
    ImGui::PushFont(app.fonts.bold);
    const float title_h = ImGui::CalcTextSize(s.title.c_str(), nullptr, false, wrap).y;
    ImGui::PopFont();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = style.FramePadding.y * 2 + title_h + line + style.ItemSpacing.y * 0.5f;

    ImGui::PushID(s.id.c_str());
    const bool clicked = ImGui::Selectable("##scenario", selected, 0, ImVec2(width, height));
    record_item(app, "scenario:" + s.id);
    ImGui::PopID();
    const ImVec2 after = ImGui::GetCursorScreenPos();

    // Content drawn over the selectable; the emotion word sits beside its colour.
    ImGui::SetCursorScreenPos(ImVec2(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + wrap);
    ImGui::PushFont(app.fonts.bold);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    emotion_tag(s.emotion.empty() ? "check-in" : s.emotion);
    ImGui::SameLine(0, em(0.8f));
    difficulty_tag(s.difficulty);
    if (const auto best = app.best.get(s.id)) {
        ImGui::SameLine(0, em(0.8f));
        ImGui::PushStyleColor(ImGuiCol_Text, palette().level[*best == 0 ? 0 : *best]);
        ImGui::TextUnformatted(*best == 2 ? "best: L2" : *best == 1 ? "best: L1" : "best: L0");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("Best this session: %s", level_name(*best));
        }
    }
    ImGui::SetCursorScreenPos(after);
    return clicked;
}

} // namespace

void LibraryView::draw(AppState& app) {
    const float width = ImGui::GetContentRegionAvail().x;
    heading(app, "Scenarios");

    ImGui::SetNextItemWidth(width);
    text_focus_point(app, "library:search");
    ImGui::InputTextWithHint("##search", "Search title, name, tag", &search_);
    record_item(app, "library:search", Item::Text);

    // Emotion filter: words on the buttons, the colour only as a dot beside them.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < 5; ++i) {
        if (i > 0) {
            const float next_w =
                ImGui::CalcTextSize(kEmotions[i]).x + ImGui::GetStyle().FramePadding.x * 2;
            if (ImGui::GetItemRectMax().x + em(0.3f) + next_w <= right) {
                ImGui::SameLine(0, em(0.3f));
            }
        }
        const bool on = emotion_ == i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? palette().accent : ImGui::GetStyleColorVec4(ImGuiCol_Button));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? palette().accent_text : (i == 0 ? palette().text : emotion_colour(kEmotions[i])));
        if (ImGui::Button(kEmotions[i])) {
            emotion_ = i;
        }
        ImGui::PopStyleColor(2);
        record_item(app, std::string("library:filter:") + kEmotions[i]);
    }

    if (app.folder_missing) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("The scenario folder is gone: %s. The list below is what was loaded "
                           "before.", app.scenario_folder().c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();

    ImGui::BeginChild("##scenario-list", ImVec2(0, 0), false);
    // Room for the half spacing a selectable reaches above itself.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + IM_FLOOR(ImGui::GetStyle().ItemSpacing.y * 0.5f));
    const float row_w = ImGui::GetContentRegionAvail().x;
    int shown = 0;
    const std::string current = app.session ? app.session->scenario().id : std::string();
    for (const Scenario& s : app.library.scenarios) {
        if ((emotion_ != 0 && s.emotion != kEmotions[emotion_]) || !matches_search(s, search_)) {
            continue;
        }
        ++shown;
        if (scenario_row(app, s, s.id == current, row_w)) {
            app.open_scenario(s.id);
        }
    }
    if (shown == 0) {
        dim_text_wrapped(app.library.scenarios.empty()
                             ? "No scenarios loaded. See Problems, or choose a folder in Settings."
                             : "No scenario matches. Clear the search or pick \"all\".");
    }
    ImGui::EndChild();
}

} // namespace et::ui
