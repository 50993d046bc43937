// Warm, calm palettes: low-glare backgrounds, one amber accent, meaning carried by a few
// distinct colours that are always paired with words or marks.
#include "ui/theme.hpp"

#include <string>

namespace et::ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

Palette g_palette;
bool g_palette_set = false;

struct Base {
    ImVec4 bg, child, popup, frame, frame_hover, button, button_hover, button_active, border;
    ImVec4 header, header_hover;
};

void fill_colours(ImGuiStyle& s, const Base& b, const Palette& p) {
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_dim;
    c[ImGuiCol_WindowBg] = b.bg;
    c[ImGuiCol_ChildBg] = b.child;
    c[ImGuiCol_PopupBg] = b.popup;
    c[ImGuiCol_Border] = b.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = b.frame;
    c[ImGuiCol_FrameBgHovered] = b.frame_hover;
    c[ImGuiCol_FrameBgActive] = b.frame_hover;
    c[ImGuiCol_TitleBg] = b.child;
    c[ImGuiCol_TitleBgActive] = b.child;
    c[ImGuiCol_TitleBgCollapsed] = b.child;
    c[ImGuiCol_MenuBarBg] = b.child;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = b.button;
    c[ImGuiCol_ScrollbarGrabHovered] = b.button_hover;
    c[ImGuiCol_ScrollbarGrabActive] = b.button_active;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = b.button;
    c[ImGuiCol_ButtonHovered] = b.button_hover;
    c[ImGuiCol_ButtonActive] = b.button_active;
    c[ImGuiCol_Header] = b.header;
    c[ImGuiCol_HeaderHovered] = b.header_hover;
    c[ImGuiCol_HeaderActive] = b.header_hover;
    c[ImGuiCol_Separator] = b.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = p.accent;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = b.button;
    c[ImGuiCol_TabHovered] = b.button_hover;
    c[ImGuiCol_TabActive] = b.header;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.35f);
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_TableHeaderBg] = b.child;
    c[ImGuiCol_TableBorderStrong] = b.border;
    c[ImGuiCol_TableBorderLight] = b.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(b.frame.x, b.frame.y, b.frame.z, 0.35f);
}

void dark(ImGuiStyle& s, Palette& p) {
    p.text = rgb(0xF3EAE0);
    p.text_dim = rgb(0xB5A596);
    p.accent = rgb(0xE6A65D);
    p.accent_text = rgb(0x2A211B);
    p.panel = rgb(0x3A322C);
    p.bubble = rgb(0x4A3D33);
    p.bubble_text = p.text;
    p.mine = rgb(0x2F3B3A);
    p.mine_text = p.text;
    p.empathy = rgb(0x86D0AA);
    p.empathy_bg = rgb(0x86D0AA, 0.22f);
    p.mistake = rgb(0xF4937A);
    p.mistake_bg = rgb(0xF4937A, 0.24f);
    p.level[0] = rgb(0x6B5F57);
    p.level[1] = rgb(0xE6A65D);
    p.level[2] = rgb(0x86D0AA);
    p.level_text[0] = rgb(0xF3EAE0);
    p.level_text[1] = rgb(0x2A211B);
    p.level_text[2] = rgb(0x1E2A24);
    p.mad = rgb(0xEE7B68);
    p.sad = rgb(0x7FAEE0);
    p.glad = rgb(0xEDC85F);
    p.fear = rgb(0xB799E3);
    p.warning = rgb(0xF0B35A);
    const Base b{rgb(0x2A2420), rgb(0x322B26), rgb(0x3A322C), rgb(0x40362F), rgb(0x4C4038),
                 rgb(0x4A3F37), rgb(0x5C4E43), rgb(0x6E5C4E), rgb(0x54473E), rgb(0x4E4138),
                 rgb(0x5E4E42)};
    fill_colours(s, b, p);
}

void light(ImGuiStyle& s, Palette& p) {
    p.text = rgb(0x3B2E25);
    p.text_dim = rgb(0x7A6859);
    p.accent = rgb(0xB5612B);
    p.accent_text = rgb(0xFFFFFF);
    p.panel = rgb(0xF1E7DA);
    p.bubble = rgb(0xEBDCCB);
    p.bubble_text = p.text;
    p.mine = rgb(0xE1ECE6);
    p.mine_text = p.text;
    p.empathy = rgb(0x1F7A52);
    p.empathy_bg = rgb(0x2E9E6B, 0.20f);
    p.mistake = rgb(0xB8402A);
    p.mistake_bg = rgb(0xD9583F, 0.18f);
    p.level[0] = rgb(0xD8CBBD);
    p.level[1] = rgb(0xE9B26C);
    p.level[2] = rgb(0x7CC3A0);
    p.level_text[0] = rgb(0x3B2E25);
    p.level_text[1] = rgb(0x3B2E25);
    p.level_text[2] = rgb(0x13301F);
    p.mad = rgb(0xC0432F);
    p.sad = rgb(0x2F6DB0);
    p.glad = rgb(0xA67C00);
    p.fear = rgb(0x7450B0);
    p.warning = rgb(0xA35A00);
    const Base b{rgb(0xFBF6EF), rgb(0xF4EDE3), rgb(0xFFFBF5), rgb(0xEEE4D7), rgb(0xE6D8C7),
                 rgb(0xEADCCB), rgb(0xE0CDB8), rgb(0xD4BA9E), rgb(0xD9CAB8), rgb(0xEAD7C1),
                 rgb(0xE2C9AE)};
    fill_colours(s, b, p);
}

void high_contrast(ImGuiStyle& s, Palette& p) {
    p.text = rgb(0xFFFFFF);
    p.text_dim = rgb(0xE0E0E0);
    p.accent = rgb(0xFFD400);
    p.accent_text = rgb(0x000000);
    p.panel = rgb(0x000000);
    p.bubble = rgb(0x1A1A1A);
    p.bubble_text = p.text;
    p.mine = rgb(0x0A1A14);
    p.mine_text = p.text;
    p.empathy = rgb(0x3DFFA8);
    p.empathy_bg = rgb(0x3DFFA8, 0.25f);
    p.mistake = rgb(0xFF7A7A);
    p.mistake_bg = rgb(0xFF7A7A, 0.28f);
    p.level[0] = rgb(0xFFFFFF);
    p.level[1] = rgb(0xFFD400);
    p.level[2] = rgb(0x3DFFA8);
    p.level_text[0] = rgb(0x000000);
    p.level_text[1] = rgb(0x000000);
    p.level_text[2] = rgb(0x000000);
    p.mad = rgb(0xFF8A7A);
    p.sad = rgb(0x8CC8FF);
    p.glad = rgb(0xFFE14D);
    p.fear = rgb(0xD7B8FF);
    p.warning = rgb(0xFFD400);
    const Base b{rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0x1A1A1A), rgb(0x333333),
                 rgb(0x1A1A1A), rgb(0x333333), rgb(0x4D4D4D), rgb(0xFFFFFF), rgb(0x333333),
                 rgb(0x4D4D4D)};
    fill_colours(s, b, p);
    s.FrameBorderSize = 1.0f;
    s.ChildBorderSize = 1.0f;
}

} // namespace

ImGuiStyle make_style(Theme theme, float font_size) {
    ImGuiStyle s; // ImGui's defaults, then our shape at the 20 px design size
    s.WindowPadding = ImVec2(16, 14);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(8, 5);
    s.IndentSpacing = 22;
    s.ScrollbarSize = 16;
    s.GrabMinSize = 14;
    s.WindowRounding = 6;
    s.ChildRounding = 8;
    s.FrameRounding = 6;
    s.PopupRounding = 6;
    s.ScrollbarRounding = 8;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 0;
    s.WindowTitleAlign = ImVec2(0.5f, 0.5f);
    s.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    Palette p;
    switch (theme) {
    case Theme::Dark: dark(s, p); break;
    case Theme::Light: light(s, p); break;
    case Theme::HighContrast: high_contrast(s, p); break;
    }
    s.ScaleAllSizes(font_size / 20.0f);
    g_palette = p;
    g_palette_set = true;
    return s;
}

void apply_theme(Theme theme, float font_size) { ImGui::GetStyle() = make_style(theme, font_size); }

const Palette& palette() {
    if (!g_palette_set) {
        make_style(Theme::Dark, 20.0f); // so that drawing before apply_theme() stays visible
    }
    return g_palette;
}

ImVec4 emotion_colour(const std::string& emotion) {
    const Palette& p = palette();
    if (emotion == "mad") return p.mad;
    if (emotion == "sad") return p.sad;
    if (emotion == "glad") return p.glad;
    if (emotion == "fear") return p.fear;
    return p.text_dim;
}

} // namespace et::ui
