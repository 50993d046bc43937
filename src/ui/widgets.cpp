// Shared widgets, drawn with ImGui items (so keyboard navigation reaches them) plus the
// window's draw list for shapes ImGui has no widget for.
#include "ui/widgets.hpp"

#include <algorithm>
#include <string_view>

#include <imgui_internal.h>

#include "ui/theme.hpp"

namespace et::ui {

float em(float n) { return n * ImGui::GetFontSize(); }
ImVec2 em2(float w, float h) { return ImVec2(em(w), em(h)); }

void focus_control(const TabStop& stop) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = stop.window;
    if (window == nullptr) {
        return;
    }
    ImGui::FocusWindow(window);
    const auto layer = static_cast<ImGuiNavLayer>(stop.nav_layer);
    g.NavId = stop.id;
    g.NavLayer = layer;
    g.NavFocusScopeId = 0;
    window->NavLastIds[layer] = stop.id;
    window->NavRectRel[layer] = ImRect(ImVec2(stop.min.x - window->Pos.x, stop.min.y - window->Pos.y),
                                       ImVec2(stop.max.x - window->Pos.x, stop.max.y - window->Pos.y));
    // Show where the keyboard is, and keep the mouse from stealing it until it moves.
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = g.NavMousePosDirty = true;
    ImGui::ScrollToBringRectIntoView(window, ImRect(stop.min, stop.max));
}

void text_focus_point(AppState& app, const std::string& id) {
    if (app.focus_text_label != id) {
        return;
    }
    // ImGui skips items that are clipped, so a box scrolled out of view would never take the
    // keyboard: scroll to it first and ask again on the next frame.
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float top = window->DC.CursorPos.y;
    if (top > window->ClipRect.Max.y || top + ImGui::GetFrameHeight() < window->ClipRect.Min.y) {
        ImGui::SetScrollHereY(0.2f);
        return;
    }
    app.focus_text_label.clear();
    ImGui::SetKeyboardFocusHere();
}

void record_item(AppState& app, const std::string& id, Item kind) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    // A text box scrolled out of view has no item id this frame (ImGui skips clipped items),
    // but Tab must still reach it: text_focus_point scrolls to it by its label.
    if (kind == Item::Text || (kind != Item::Static && ImGui::GetItemID() != 0)) {
        TabStop stop{ImGui::GetItemID(), window, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                     static_cast<int>(window->DC.NavLayerCurrent), id, kind == Item::Text};
        app.tab_stops.push_back(stop);
        if (stop.id != 0 && !app.focus_request_label.empty() && app.focus_request_label == id) {
            app.focus_request_label.clear();
            focus_control(stop);
        }
    }
    if (kind == Item::Text && app.trace != nullptr && ImGui::IsItemActivated()) {
        // Keys typed before a box has the keyboard go nowhere: tests wait for this line.
        app.trace->event("text_box_active", {{"id", id}});
    }
    if (app.layout_log == nullptr) {
        return;
    }
    LayoutRecord r;
    r.id = id;
    r.min = ImGui::GetItemRectMin();
    r.max = ImGui::GetItemRectMax();
    r.clip_min = window->ClipRect.Min;
    r.clip_max = window->ClipRect.Max;
    r.window = window->ID;
    r.scrolls_y = window->ScrollMax.y > 0.0f;
    app.layout_log->push_back(r);
}

void heading(const AppState& app, const char* text) {
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void bold_text(const AppState& app, const char* text) {
    ImGui::PushFont(app.fonts.bold);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

void dim_text_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

const char* level_name(int level) {
    switch (level) {
    case 2: return "Level Two";
    case 1: return "Level One";
    default: return "No empathy yet";
    }
}

void level_badge(const AppState& app, int level, bool large) {
    const int l = std::clamp(level, 0, 2);
    const Palette& p = palette();
    ImGui::PushFont(large ? app.fonts.heading : app.fonts.bold);
    const std::string label = level_name(l);
    const ImVec2 pad(ImGui::GetFontSize() * 0.6f, ImGui::GetFontSize() * 0.2f);
    const ImVec2 text = ImGui::CalcTextSize(label.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(text.x + pad.x * 2, text.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                      ImGui::GetColorU32(p.level[l]), size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(p.level_text[l]),
                label.c_str());
    ImGui::Dummy(size);
    ImGui::PopFont();
}

void emotion_tag(const std::string& emotion) {
    if (emotion.empty()) {
        return;
    }
    const ImVec4 colour = emotion_colour(emotion);
    const float r = ImGui::GetFontSize() * 0.28f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + r, pos.y + h * 0.5f), r,
                                                ImGui::GetColorU32(colour));
    ImGui::Dummy(ImVec2(r * 2, h));
    ImGui::SameLine(0, r);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(emotion.c_str());
    ImGui::PopStyleColor();
}

void difficulty_tag(int difficulty) {
    if (difficulty <= 0) {
        return;
    }
    static const char* names[] = {"gentle", "moderate", "hard"};
    const int d = std::clamp(difficulty, 1, 3);
    const float r = ImGui::GetFontSize() * 0.18f;
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(palette().text_dim);
    for (int i = 0; i < 3; ++i) {
        const ImVec2 c(pos.x + r + static_cast<float>(i) * r * 2.8f, pos.y + h * 0.5f);
        if (i < d) {
            dl->AddCircleFilled(c, r, col);
        } else {
            dl->AddCircle(c, r, col, 0, 1.0f);
        }
    }
    ImGui::Dummy(ImVec2(r * 2.8f * 3, h));
    ImGui::SameLine(0, r);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(names[d - 1]);
    ImGui::PopStyleColor();
}

void avatar(const AppState& app, const std::string& name, float diameter, ImVec4 colour) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float r = diameter * 0.5f;
    const ImVec2 centre(pos.x + r, pos.y + r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, r, ImGui::GetColorU32(colour), 48);
    // The initial is the first UTF-8 character, not the first byte.
    std::string initial;
    if (!name.empty()) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, name.c_str(), name.c_str() + name.size());
        initial = name.substr(0, static_cast<std::size_t>(std::max(n, 1)));
    }
    ImFont* font = app.fonts.heading != nullptr ? app.fonts.heading : ImGui::GetFont();
    const float size = font->FontSize * (diameter / (font->FontSize * 1.6f));
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0.0f, initial.c_str());
    dl->AddText(font, size, ImVec2(centre.x - text.x * 0.5f, centre.y - text.y * 0.5f),
                ImGui::GetColorU32(palette().accent_text), initial.c_str());
    ImGui::Dummy(ImVec2(diameter, diameter));
}

void bubble(const std::string& text, ImVec4 bg, ImVec4 fg, float width) {
    const ImVec2 pad = em2(0.8f, 0.55f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = std::max(width - pad.x * 2, em(4));
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const ImVec2 box(wrap + pad.x * 2, size.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + box.x, pos.y + box.y), ImGui::GetColorU32(bg),
                      em(0.6f));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad.x, pos.y + pad.y));
    ImGui::PushTextWrapPos(pos.x + pad.x + wrap - ImGui::GetWindowPos().x);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(box);
}

bool choice_row(const AppState& app, int number, const std::string& text, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float key_w = ImGui::GetFrameHeight();
    const float gap = style.ItemInnerSpacing.x * 1.5f;
    const ImVec2 pad = style.FramePadding;
    // ImGui widens a selectable by half the item spacing on each side; start it that much
    // in so that its whole rectangle stays inside `width`.
    const float spread = IM_FLOOR(style.ItemSpacing.x * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + spread);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    width -= spread * 2;
    const float wrap = std::max(width - key_w - gap - pad.x * 2, em(4));
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float height = std::max(text_size.y, ImGui::GetTextLineHeight()) + pad.y * 2;

    ImGui::PushID(number);
    ImGui::PushStyleColor(ImGuiCol_Header, palette().panel);
    const bool chosen = ImGui::Selectable("##choice", false, ImGuiSelectableFlags_None,
                                          ImVec2(width, height));
    ImGui::PopStyleColor();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Background first so hovered and plain rows read as one card each.
    if (!ImGui::IsItemHovered() && !ImGui::IsItemFocused()) {
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height),
                          ImGui::GetColorU32(palette().panel), style.FrameRounding);
    }
    const ImVec2 key_min(pos.x + pad.x * 0.5f, pos.y + pad.y);
    const float key_h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(key_min, ImVec2(key_min.x + key_w - pad.x * 0.5f, key_min.y + key_h),
                      ImGui::GetColorU32(palette().accent), style.FrameRounding);
    const std::string key = std::to_string(number);
    ImFont* bold = app.fonts.bold != nullptr ? app.fonts.bold : ImGui::GetFont();
    const ImVec2 ks = bold->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, key.c_str());
    dl->AddText(bold, ImGui::GetFontSize(),
                ImVec2(key_min.x + (key_w - pad.x * 0.5f - ks.x) * 0.5f, key_min.y),
                ImGui::GetColorU32(palette().accent_text), key.c_str());
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(pos.x + key_w + gap, pos.y + pad.y), ImGui::GetColorU32(palette().text),
                text.c_str(), nullptr, wrap);
    return chosen;
}

std::string criterion_label(const Match& match) {
    std::string name = match.criterion;
    std::replace(name.begin(), name.end(), '_', ' ');
    switch (match.kind) {
    case MatchKind::LevelOne: return "Validation: " + name;
    case MatchKind::LevelTwo: return "Partner card: " + (match.fact.empty() ? name : match.fact);
    case MatchKind::Link: return "Link: " + name;
    case MatchKind::Mistake:
        return "Mistake: " + std::string(match.mistake ? mistake_id(*match.mistake) : name);
    }
    return name;
}

void same_line_if_fits(float next_width, float spacing) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + next_width <= right) {
        ImGui::SameLine(0, spacing);
    }
}

float action_button_width(const char* label) {
    return std::max(em(6), ImGui::CalcTextSize(label, nullptr, true).x +
                               ImGui::GetStyle().FramePadding.x * 4);
}

bool action_button(AppState& app, const char* label, const char* record_id) {
    const float w = action_button_width(label);
    const bool pressed = ImGui::Button(label, ImVec2(w, ImGui::GetFrameHeight() * 1.25f));
    record_item(app, record_id != nullptr ? record_id : label);
    return pressed;
}

Panel begin_panel(float width) {
    Panel panel{ImGui::GetCursorScreenPos(), em2(0.8f, 0.6f), width};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(panel.start.x + panel.pad.x, panel.start.y + panel.pad.y));
    ImGui::BeginGroup();
    return panel;
}

void end_panel(AppState& app, const Panel& panel, ImVec4 bg, const char* record_id) {
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + panel.pad.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(panel.start, ImVec2(panel.start.x + panel.width, bottom),
                      ImGui::GetColorU32(bg), em(0.5f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(panel.start);
    ImGui::Dummy(ImVec2(panel.width, bottom - panel.start.y));
    record_item(app, record_id, Item::Static);
}

void push_accent(bool on) {
    if (on) {
        const Palette& p = palette();
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.85f));
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
}

void pop_accent(bool on) {
    if (on) {
        ImGui::PopStyleColor(3);
    }
}

std::string mistake_titles(const AppState& app, const std::vector<Mistake>& mistakes) {
    std::string out;
    for (std::size_t i = 0; i < mistakes.size(); ++i) {
        const Mistake m = mistakes[i];
        std::string title(mistake_id(m));
        if (app.criteria && !app.criteria->mistakes[static_cast<std::size_t>(m)].title.empty()) {
            title = app.criteria->mistakes[static_cast<std::size_t>(m)].title;
        }
        out += (i > 0 ? ", " : "") + title;
    }
    return out;
}

void mistakes_line(const AppState& app, const std::vector<Mistake>& mistakes) {
    if (mistakes.empty()) {
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
    ImGui::TextWrapped("! Mistakes: %s", mistake_titles(app, mistakes).c_str());
    ImGui::PopStyleColor();
}

void bullet_lines(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", line.c_str());
    }
}

} // namespace et::ui
