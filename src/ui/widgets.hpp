// Small shared widgets: font-unit sizes, tags, badges, the avatar, speech bubbles, wrapped
// choice rows and the response with highlighted spans.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/scorer.hpp"
#include "ui/app_state.hpp"

namespace et::ui {

// n font heights: every layout size goes through this (or GetFrameHeight) so that the
// font-size setting scales the whole UI.
float em(float n);
ImVec2 em2(float w, float h);

// Records the last item: as a Tab stop when `focusable`, and its rectangle for layout tests.
// Takes keyboard focus when app.focus_request_label names it.
enum class Item { Control, Text, Static };
void record_item(AppState& app, const std::string& id, Item kind = Item::Control);
// Call just before drawing the text box recorded as `id`: activates it when Tab chose it.
void text_focus_point(AppState& app, const std::string& id);
// Gives keyboard (nav) focus to a control drawn in an earlier frame, with the highlight on.
void focus_control(const TabStop& stop);

void heading(const AppState& app, const char* text);
void bold_text(const AppState& app, const char* text);
void dim_text_wrapped(const char* text);

const char* level_name(int level); // "No empathy yet", "Level One", "Level Two"
// A rounded badge with the level's name; `large` for the feedback header.
void level_badge(const AppState& app, int level, bool large);
// A coloured dot and the emotion's word, so colour never carries meaning alone.
void emotion_tag(const std::string& emotion);
void difficulty_tag(int difficulty);
void avatar(const AppState& app, const std::string& name, float diameter, ImVec4 colour);
// Wrapped text on a rounded background, `width` wide.
void bubble(const std::string& text, ImVec4 bg, ImVec4 fg, float width);
// A padded panel with a rounded background behind whatever is drawn between begin_panel
// and end_panel (the background is drawn after the content, on a channel beneath it).
struct Panel {
    ImVec2 start;
    ImVec2 pad;
    float width;
};
Panel begin_panel(float width);
void end_panel(AppState& app, const Panel& panel, ImVec4 bg, const char* record_id);
// A selectable row with a number key and wrapped text. Returns true when chosen.
bool choice_row(const AppState& app, int number, const std::string& text, float width);
// Words to mark in a text: tinted, underlined by style (solid good, dashed warn, dotted note,
// so it reads without colour), a tag where they end, and a tooltip.
enum class HighlightStyle { Good, Warn, Note };
struct Highlight {
    std::size_t begin = 0, end = 0; // byte span, end exclusive
    HighlightStyle style = HighlightStyle::Good;
    std::string tag;     // drawn where the words end ("+1"); none when empty
    std::string title;   // the tooltip's first line
    std::string explain; // the tooltip's second line, if any
};
// `text` wrapped to `width`, with the highlights; a tooltip on hover.
void highlighted_text(const AppState& app, const std::string& text,
                      const std::vector<Highlight>& spans, float width);
// The response with each judgement's words highlighted (tint plus underline style plus a
// numbered tag), a tooltip per span, and the numbered list of judgements below.
void highlighted_response(const AppState& app, const std::string& text,
                          const std::vector<Match>& matches, float width);
std::string criterion_label(const Match& match);
// The accent colours (the screen's main action) for the buttons that follow, when `on`;
// pop_accent(on) undoes them.
void push_accent(bool on = true);
void pop_accent(bool on = true);
// "Fixing, Dismissing": the criteria file's titles for mistakes (ids without criteria).
std::string mistake_titles(const AppState& app, const std::vector<Mistake>& mistakes);
// "! Mistakes: ..." in the mistake colour, wrapped; nothing when there are none.
void mistakes_line(const AppState& app, const std::vector<Mistake>& mistakes);
// Wrapped bulleted lines.
void bullet_lines(const std::vector<std::string>& lines);
// SameLine() when an item `next_width` wide still fits on this line; else a new line.
void same_line_if_fits(float next_width, float spacing);
// A button that is wide enough for projector-size text and records itself.
bool action_button(AppState& app, const char* label, const char* record_id = nullptr);
// The width action_button() gives `label`, for deciding whether it fits on this line.
float action_button_width(const char* label);

} // namespace et::ui
