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

// Couples mode: setup, then each phase of a round, then the summary.
class CouplesView {
public:
    void draw(AppState& app);
    // Keys that act without a focused control: Enter on the pass and rating screens, 0-9 to
    // rate, 1-9 to pick, Ctrl+Enter to share or send. Called before drawing.
    void handle_keys(AppState& app, bool typing);

private:
    void draw_setup(AppState& app);
    void draw_tally(AppState& app);
    void draw_choosing(AppState& app);
    void draw_sharing(AppState& app);
    void draw_answering(AppState& app);
    void draw_rating(AppState& app);
    void draw_verdict(AppState& app);
    void draw_summary(AppState& app);
    void request_submit(AppState& app);
    void submit_share(AppState& app);

    std::string first_name_;
    std::string second_name_;
    bool focus_first_ = true;
    bool focus_second_ = false;
    bool keep_words_ = false; // privacy first: real-talk words are dropped unless asked
    int scenario_pick_ = 0;
    std::string share_text_;
    std::string share_card_;
    std::string share_emotion_;
    DisclosureReading share_reading_; // the live inner/outer reading of share_text_
    bool cursor_to_end_ = false;      // after "Use my check-in" filled the box
    bool share_requested_ = false;
    int rating_ = 5;
    CouplesPhase last_phase_ = CouplesPhase::Finished;
    std::size_t last_round_count_ = 0;
    bool focus_box_ = false;
};

// Workshop presenter mode: a scenario picker, then the presenting screen (partner line and
// card, choices revealed one at a time, levels on R, compare on C, the room's suggestions).
class WorkshopView {
public:
    void draw(AppState& app);
    // Arrows (a clicker's keys), R, A, C. Called before drawing, when not typing.
    void handle_keys(AppState& app, bool typing);

private:
    void draw_picker(AppState& app);
    void draw_presenting(AppState& app);
    void draw_response(AppState& app, int index, float width);
    void draw_compare(AppState& app);
    void draw_room(AppState& app, float width);
    std::string shown_step_; // the step last shown, to scroll back to the top on a new step
    std::string scroll_key_; // answers shown, to scroll to a new one
};

// Progress: streaks, level and score over time, mistakes per week, best level per scenario,
// per-player views, "practise my weakest", export and delete.
class ProgressView {
public:
    void draw(AppState& app);

private:
    void draw_chart(AppState& app, const ProgressSummary& s, float width);
    void draw_mistakes(AppState& app, const ProgressSummary& s);
    void draw_scenarios(AppState& app, const ProgressSummary& s);
    void draw_actions(AppState& app);
    bool confirm_delete_ = false;
};

void draw_home(AppState& app);
void draw_feedback(AppState& app, float width);
void draw_summary(AppState& app);
void draw_problems(AppState& app);
void draw_help(AppState& app);
void draw_checkin(AppState& app);
void draw_error_popup(AppState& app);

} // namespace et::ui
