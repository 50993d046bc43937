// The screens and panels. Each keeps only UI ephemera (a search string, a scroll request);
// everything else is read from and changed through AppState.
#pragma once

#include <string>

#include "ui/app_state.hpp"

namespace et::ui {

// The scenario list: title, emotion (colour and word), difficulty, best level; filter and
// search.
class LibraryView {
public:
    void draw(AppState& app);

private:
    std::string search_;
    int emotion_ = 0; // 0 all, then mad, sad, glad, fear
};

// Conversation, partner card and answering, or the feedback once answered.
class PracticeView {
public:
    void draw(AppState& app);

private:
    void draw_header(AppState& app);
    void draw_conversation(AppState& app, float width);
    void draw_answering(AppState& app, float width);
    void draw_card(AppState& app, float width);
    std::string scroll_key_; // step and answer state last scrolled to
    bool peek_card_ = false;
    std::string peek_step_;
};

class SettingsView {
public:
    void draw(AppState& app);

private:
    std::string folder_edit_;
    std::string criteria_edit_;
    bool edits_loaded_ = false;
};

void draw_home(AppState& app);
void draw_feedback(AppState& app, float width);
void draw_summary(AppState& app);
void draw_problems(AppState& app);
void draw_help(AppState& app);
void draw_error_popup(AppState& app);

} // namespace et::ui
