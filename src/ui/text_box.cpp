// The wrapping multi-line text box: ImGui's own multi-line box edits the wrapped display,
// and each edit is mapped back to the text (the inserted breaks are never part of it).
#include "ui/text_box.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/utf8.hpp"

namespace et::ui {

std::string WrappedText::text() const {
    std::string out;
    out.reserve(display.size());
    std::size_t from = 0;
    for (std::size_t b : breaks) {
        out.append(display, from, b - from);
        from = b + 1;
    }
    out.append(display, from, std::string::npos);
    return out;
}

std::size_t WrappedText::to_text(std::size_t display_offset) const {
    const auto before =
        std::lower_bound(breaks.begin(), breaks.end(), display_offset) - breaks.begin();
    return display_offset - static_cast<std::size_t>(before);
}

std::size_t WrappedText::to_display(std::size_t text_offset) const {
    std::size_t shown = 0;
    for (std::size_t i = 0; i < breaks.size() && breaks[i] - i <= text_offset; ++i) {
        ++shown;
    }
    return text_offset + shown;
}

WrappedText wrap_text(std::string_view text, const ImFont& font, float font_size, float width) {
    WrappedText out;
    out.display.reserve(text.size() + text.size() / 16);
    const float scale = font_size / font.FontSize;
    std::size_t line = 0;
    while (true) {
        std::size_t end = text.find('\n', line);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::size_t at = line;
        while (at < end) {
            const char* begin = text.data() + at;
            const char* stop = text.data() + end;
            const char* cut = font.CalcWordWrapPositionA(scale, begin, stop, width);
            if (cut >= stop) {
                break; // the rest of the line fits
            }
            if (cut <= begin) {
                // Not even one character fits: one per line, so that wrapping always ends.
                unsigned int c = 0;
                cut = begin + std::max(1, ImTextCharFromUtf8(&c, begin, stop));
            }
            // The spaces after the cut stay at the end of this line, as in a word processor.
            const char* next = cut;
            while (next < stop && (*next == ' ' || *next == '\t')) {
                ++next;
            }
            if (next >= stop) {
                break; // only spaces follow
            }
            out.display.append(begin, next);
            out.breaks.push_back(out.display.size());
            out.display.push_back('\n');
            at = static_cast<std::size_t>(next - text.data());
        }
        out.display.append(text.substr(at, end - at));
        if (end >= text.size()) {
            return out;
        }
        out.display.push_back('\n'); // the text's own line break
        line = end + 1;
    }
}

namespace {

struct BoxState {
    std::string buffer;  // ImGui's copy of the display: written by ImGui, read between frames
    WrappedText shown;   // the display as this file last made it, with its breaks
    std::string source;  // the text `shown` was made from
    float width = -1.0f; // the wrap width `shown` was made for
    float wanted_width = 0.0f;
    const ImFont* font = nullptr;
    float font_size = 0.0f;
    std::string* target = nullptr;
    bool cursor_to_end = false;
    bool changed = false;
    ImGuiID id = 0;
    ImGuiContext* context = nullptr; // with last_frame: which state is current (tests make
    int last_frame = -1;             // many contexts, and ids repeat between them)
};

// Per box, like ImGui's own widget state; keyed by ImGui id.
std::unordered_map<ImGuiID, BoxState>& boxes() {
    static std::unordered_map<ImGuiID, BoxState> all;
    return all;
}

// The text and cursor after an edit of the display: the breaks before and after the edited
// stretch carry over, and any line break typed or pasted into it is the person's own.
std::pair<std::string, std::size_t> text_after_edit(const WrappedText& before, std::string_view now,
                                                    std::size_t cursor) {
    const std::string& old = before.display;
    const std::size_t common = std::min(old.size(), now.size());
    std::size_t prefix = 0;
    while (prefix < common && old[prefix] == now[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < common - prefix &&
           old[old.size() - 1 - suffix] == now[now.size() - 1 - suffix]) {
        ++suffix;
    }
    WrappedText edited;
    edited.display.assign(now);
    std::size_t breaks_removed = 0;
    for (std::size_t b : before.breaks) {
        if (b < prefix) {
            edited.breaks.push_back(b);
        } else if (b >= old.size() - suffix) {
            edited.breaks.push_back(b + now.size() - old.size());
        } else {
            ++breaks_removed;
        }
    }
    std::string text = edited.text();
    std::size_t at = edited.to_text(std::min(cursor, now.size()));
    const bool only_breaks_deleted = prefix + suffix == now.size() &&
                                     old.size() - now.size() == breaks_removed &&
                                     breaks_removed > 0;
    if (only_breaks_deleted) {
        // Backspace at the start of a wrapped line (or Delete at the end of one) took only the
        // box's own break: take the character the person meant.
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete))) {
            if (at < text.size()) {
                text.erase(at, utf8_char_end(text, at) - at);
            }
        } else if (at > 0) {
            const std::size_t start = utf8_char_start(text, at - 1);
            text.erase(start, at - start);
            at = start;
        }
    }
    return {std::move(text), at};
}

int on_box_event(ImGuiInputTextCallbackData* data) {
    BoxState& box = *static_cast<BoxState*>(data->UserData);
    std::string text;
    std::size_t cursor = 0;
    const std::size_t cursor_now = static_cast<std::size_t>(std::max(0, data->CursorPos));
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        std::tie(text, cursor) = text_after_edit(
            box.shown, std::string_view(data->Buf, static_cast<std::size_t>(data->BufTextLen)),
            cursor_now);
        *box.target = text;
        box.changed = true;
    } else if (*box.target != box.source) {
        text = *box.target; // changed by the app while the box has the keyboard
        cursor = text.size();
    } else if (box.wanted_width != box.width) {
        text = box.source;
        cursor = box.shown.to_text(cursor_now);
    } else {
        if (box.cursor_to_end) {
            data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        }
        return 0;
    }
    WrappedText wrapped = wrap_text(text, *box.font, box.font_size, box.wanted_width);
    const bool display_changed =
        wrapped.display != std::string_view(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    box.source = std::move(text);
    box.width = box.wanted_width;
    box.shown = std::move(wrapped);
    const int shown_cursor = static_cast<int>(box.shown.to_display(cursor));
    if (display_changed) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, box.shown.display.data(),
                          box.shown.display.data() + box.shown.display.size());
        // ImGui's undo records are positions in the old display: replaying one now could
        // touch the wrong characters, so the undo history starts again here.
        if (ImGuiInputTextState* state = ImGui::GetInputTextState(box.id)) {
            state->Stb.undostate.undo_point = 0;
            state->Stb.undostate.undo_char_point = 0;
            state->Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
            state->Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
        }
    }
    data->CursorPos = data->SelectionStart = data->SelectionEnd = shown_cursor;
    return 0;
}

} // namespace

bool wrapped_text_box(const char* label, std::string& text, const ImVec2& size,
                      const TextBoxOptions& options) {
    const ImGuiID id = ImGui::GetID(label);
    BoxState& box = boxes()[id];
    if (box.context != ImGui::GetCurrentContext()) {
        box = BoxState{};
        box.context = ImGui::GetCurrentContext();
    }
    box.last_frame = ImGui::GetFrameCount();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 frame = ImGui::CalcItemSize(
        size, ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * 8 + style.FramePadding.y * 2);
    ImFont* font = ImGui::GetFont();
    const float space = font->GetCharAdvance(' ') * ImGui::GetFontSize() / font->FontSize;
    // Room for the scroll bar, and for a space and the cursor at the end of a full line
    // (past the edge, ImGui would scroll the box sideways).
    box.wanted_width =
        std::max(space * 4, frame.x - style.FramePadding.x * 2 - style.ScrollbarSize - space * 2);
    box.id = id;
    box.target = &text;
    box.cursor_to_end = options.cursor_to_end;
    box.changed = false;
    const bool font_changed = box.font != font || box.font_size != ImGui::GetFontSize();
    box.font = font;
    box.font_size = ImGui::GetFontSize();
    const bool active = ImGui::GetActiveID() == id;
    if (!active && (text != box.source || box.wanted_width != box.width || font_changed)) {
        box.shown = wrap_text(text, *font, box.font_size, box.wanted_width);
        box.source = text;
        box.width = box.wanted_width;
        box.buffer = box.shown.display;
    } else if (active && font_changed) {
        box.width = -1.0f; // rewrapped by the next callback
    }
    ImGui::InputTextMultiline(label, &box.buffer, frame,
                              options.flags | ImGuiInputTextFlags_CallbackEdit |
                                  ImGuiInputTextFlags_CallbackAlways,
                              on_box_event, &box);
    return box.changed;
}

const WrappedText* wrapped_display_of(const std::string& text) {
    const BoxState* latest = nullptr;
    for (const auto& [id, box] : boxes()) {
        if (box.target == &text && box.context == ImGui::GetCurrentContext() &&
            (latest == nullptr || box.last_frame > latest->last_frame)) {
            latest = &box;
        }
    }
    return latest != nullptr ? &latest->shown : nullptr;
}

} // namespace et::ui
