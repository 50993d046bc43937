// Colour themes (warm dark, warm light, high contrast) and the style scaled to the font size.
#pragma once

#include <imgui.h>

#include "core/settings.hpp"

namespace et::ui {

// Colours the screens use for meaning, beside ImGui's own style colours.
struct Palette {
    ImVec4 text, text_dim, accent, accent_text;
    ImVec4 panel;                   // cards and bubbles
    ImVec4 bubble, bubble_text;     // the partner's speech
    ImVec4 mine, mine_text;         // the user's own answers
    ImVec4 empathy, empathy_bg;     // highlighted empathy spans
    ImVec4 mistake, mistake_bg;     // highlighted mistake spans
    ImVec4 level[3];                // badge colours for levels 0, 1, 2
    ImVec4 level_text[3];
    ImVec4 mad, sad, glad, fear;    // the four core emotions
    ImVec4 warning;
};

// The style for `theme` at `font_size`: sizes are designed at 20 px and scaled from a
// fresh copy every time, so repeated changes never accumulate rounding.
ImGuiStyle make_style(Theme theme, float font_size);
// Sets ImGui's style and the current palette.
void apply_theme(Theme theme, float font_size);
const Palette& palette();
ImVec4 emotion_colour(const std::string& emotion);

} // namespace et::ui
