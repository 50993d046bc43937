// Solo practice as a state machine over one scenario: answer a step (typed or picked), see
// the score, try again or continue along the branch the outcome leads to, then a summary.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/scorer.hpp"

namespace et {

enum class AnswerSource { Typed, Choice };
const char* answer_source_id(AnswerSource source);

// One answer to one step, with everything the feedback screen shows.
struct Exchange {
    std::string step_id;
    AnswerSource source = AnswerSource::Typed;
    int choice = -1;          // index into the step's choices when picked
    std::string response;
    Score score;              // the engine's analysis (spans, feedback); empty without criteria
    bool engine_scored = false;
    int level = 0;            // the level that counts: the author's for a picked choice
    std::vector<Mistake> mistakes; // likewise
    int points = 0;           // 0..100, from the level and mistakes that count
    std::string author_why;   // for a picked choice
};

// Points for an answer rated by its author: the engine's formula applied to the author's
// level and mistakes (and the engine's named-feeling bonus), so the number agrees with the
// badge. Without a scorer, a fixed fallback.
int authored_points(const Exchange& e, const Scorer* scorer);

struct StepSummary {
    std::string step_id;
    std::string partner_says;
    int level = 0;
    std::vector<Mistake> mistakes;
    int score = 0;
    int attempts = 0;
};

struct SessionSummary {
    std::vector<StepSummary> steps; // the steps walked through, in order
    int total = 0;                  // sum of step scores
    int max_total = 0;              // 100 per step
    int best_level = 0;             // best level reached on any step
    std::string practise_next;      // one concrete thing to work on
};

class PracticeSession {
public:
    // The scenario is copied so that reloading the library cannot pull it away mid-session.
    // `scorer` may be null (criteria failed to load): picks still work on authored levels,
    // typed answers are refused.
    PracticeSession(Scenario scenario, const Scorer* scorer);

    const Scenario& scenario() const { return scenario_; }
    const Step& step() const { return *step_; }
    int step_number() const { return static_cast<int>(path_.size()); } // 1-based
    bool can_score_typed() const { return scorer_ != nullptr; }

    // The answer to the current step, once given and until try_again() or advance().
    const Exchange* current() const { return answered_ ? &log_.back() : nullptr; }
    const std::vector<Exchange>& log() const { return log_; }
    // The final answer given at each step already left behind, for "the exchange so far".
    std::vector<const Exchange*> history() const;
    bool finished() const { return finished_; }

    // Scores a typed response (ignored when finished or already answered). Returns the
    // exchange, or null when it could not be scored.
    const Exchange* answer_typed(const std::string& text);
    const Exchange* answer_choice(int index);
    // What the engine would say about `text` right now, without recording anything.
    std::optional<Score> preview(const std::string& text) const;

    void try_again();
    // Follows the branch the current answer's outcome leads to. Returns the new step id, or
    // nothing when the scenario ended (finished() becomes true).
    std::optional<std::string> advance();

    SessionSummary summary() const;

private:
    void open_step(const Step& step);

    Scenario scenario_;
    const Scorer* scorer_;
    const Step* step_ = nullptr;
    std::shared_ptr<const PreparedStep> prepared_;
    std::vector<Exchange> log_;
    // Indices into log_ (pointers would dangle when it grows).
    std::vector<std::size_t> history_;
    std::vector<std::string> path_;
    int attempts_here_ = 0;
    std::vector<int> attempts_per_visit_;
    bool answered_ = false;
    bool finished_ = false;
};

// The best level reached in each scenario during this run of the app.
class BestLevels {
public:
    void record(const std::string& scenario_id, int level);
    std::optional<int> get(const std::string& scenario_id) const;

private:
    std::map<std::string, int> best_;
};

} // namespace et
