// DejaVu Sans (regular, bold, heading) at the settings' size, or ImGui's built-in font when
// the files are missing. Pure ImGui: the GL texture is rebuilt by the caller.
#pragma once

#include <string>

#include "ui/app_state.hpp"

struct ImFontAtlas;

namespace et {

inline constexpr const char* kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kDejaVuSansBold =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Clears `atlas`, adds the fonts at `size` pixels and builds it. `warning` is set when a
// fallback was used (shown in the Problems panel, never fatal).
ui::Fonts load_fonts(ImFontAtlas& atlas, float size, std::string* warning = nullptr);

} // namespace et
