// Workshop presenter mode as state: step through a scenario, reveal authored choices one at
// a time, reveal their levels on demand, compare two responses, and score suggestions from
// the room. Nothing here is recorded anywhere.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/scorer.hpp"

namespace et {

// One response on the presenter's screen: an authored choice or a suggestion from the room.
struct WorkshopResponse {
    std::string text;
    bool from_room = false;
    int choice = -1;           // index into the step's choices, for authored ones
    int author_level = -1;     // authored choices only
    std::vector<Mistake> author_mistakes;
    std::string why;
    Score score;               // the engine's reading (spans for highlighting)
    bool engine_scored = false;
    bool revealed = false;     // level, spans and why shown
    int level() const { return author_level >= 0 ? author_level : score.level; }
    const std::vector<Mistake>& mistakes() const {
        return author_level >= 0 ? author_mistakes : score.mistakes;
    }
};

class WorkshopSession {
public:
    // `scorer` may be null: authored levels still reveal, the room's suggestions cannot be
    // scored.
    WorkshopSession(Scenario scenario, const Scorer* scorer);

    const Scenario& scenario() const { return scenario_; }
    const Step& step() const { return scenario_.steps[static_cast<std::size_t>(step_index_)]; }
    int step_index() const { return step_index_; } // 0-based, in file order
    int step_count() const { return static_cast<int>(scenario_.steps.size()); }
    bool can_score() const { return scorer_ != nullptr; }

    // Authored choices shown so far, then the room's suggestions, in that order.
    const std::vector<WorkshopResponse>& responses() const { return responses_; }
    int shown_choices() const { return shown_; }
    int choice_count() const { return static_cast<int>(step().choices.size()); }

    // Right arrow / clicker "next": shows the next choice, or moves to the next step once all
    // are shown. Returns false at the very end.
    bool forward();
    // Left arrow / clicker "back": hides the last shown choice, or goes to the previous step.
    bool backward();
    void show_all_choices();
    // R: reveals every response on screen (their levels, spans and why).
    void reveal_all();
    void reveal(int index);
    bool all_revealed() const;

    // The room's suggestion, scored at once (and shown revealed). False when it cannot be.
    bool add_suggestion(const std::string& text, std::string* error = nullptr);

    // Compare: marks up to two responses; a third mark replaces the older one.
    void toggle_mark(int index);
    const std::vector<int>& marked() const { return marked_; }
    // The pair to compare: the two marked, or else the highest- and lowest-rated responses
    // on screen (the contrast a room learns most from). Nothing with fewer than two.
    std::optional<std::pair<int, int>> compare_pair() const;

    void go_to_step(int index);

private:
    void open_step(int index, bool all_shown);
    WorkshopResponse authored(int choice) const;

    Scenario scenario_;
    const Scorer* scorer_;
    std::shared_ptr<const PreparedStep> prepared_;
    int step_index_ = 0;
    int shown_ = 0;
    std::vector<WorkshopResponse> responses_;
    std::vector<int> marked_;
};

} // namespace et
