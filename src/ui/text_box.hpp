// A multi-line text box whose long lines wrap at its width, as people expect of an answer
// box: ImGui 1.86's InputTextMultiline only scrolls sideways.
#pragma once

#include <cstddef>
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace et::ui {

// What the box shows: the text with a line break at each wrap point. The breaks are the
// box's own (never part of the text) and sit after the spaces that end a line, so removing
// them gives the text back unchanged.
struct WrappedText {
    std::string display;
    std::vector<std::size_t> breaks; // offsets in `display` of the inserted '\n', ascending

    std::string text() const; // display without the inserted breaks
    std::size_t to_text(std::size_t display_offset) const;
    // A position at a wrap point is shown at the start of the next line.
    std::size_t to_display(std::size_t text_offset) const;
};

// Wraps `text` for lines `width` pixels wide in `font` at `font_size`. Lines break after
// spaces (and, as ImGui's wrapped text does, after . , ; ! ?); a word longer than a line is cut.
WrappedText wrap_text(std::string_view text, const ImFont& font, float font_size, float width);

struct TextBoxOptions {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_None;
    bool cursor_to_end = false; // put the cursor after the text (once, when it is activated)
};

// Edits `text` in a box of `size`; returns true when the text changed. The text may also be
// changed by the caller between frames (cleared after sending, say), even while the box has
// the keyboard.
bool wrapped_text_box(const char* label, std::string& text, const ImVec2& size,
                      const TextBoxOptions& options = {});

// The display of the box last drawn editing `text` (for tests); null when there is none.
const WrappedText* wrapped_display_of(const std::string& text);

} // namespace et::ui
