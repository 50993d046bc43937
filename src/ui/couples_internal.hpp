// Small helpers shared by the couples screens (couples_view.cpp, couples_results_view.cpp).
#pragma once

#include <numeric>
#include <vector>

#include <imgui.h>

#include "ui/theme.hpp"

namespace et::ui {

// The accent button colours, pushed only when `on` (a chosen rating, the main action).
inline void accent_colours(bool on) {
    if (on) {
        const Palette& p = palette();
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.85f));
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
}

inline void end_accent(bool on) {
    if (on) {
        ImGui::PopStyleColor(3);
    }
}

inline double average(const std::vector<int>& values) {
    return values.empty() ? 0.0
                          : std::accumulate(values.begin(), values.end(), 0.0) /
                                static_cast<double>(values.size());
}

} // namespace et::ui
