// Practice state machine: scoring, branching and the end-of-scenario summary.
#include "core/practice_session.hpp"

#include <algorithm>
#include <array>

namespace et {

namespace {

// Scenarios may loop (shuts down -> opens up -> shuts down...); a walk this long ends
// gracefully instead of going on for ever.
constexpr std::size_t kMaxVisitsPerStep = 3;

} // namespace

// The engine's formula applied to the author's level and mistakes, so that the number
// agrees with the badge.
int authored_points(const Exchange& e, const Scorer* scorer) {
    if (scorer == nullptr) {
        static constexpr std::array<int, 3> kFallback = {10, 60, 90};
        return std::max(0, kFallback[static_cast<std::size_t>(std::clamp(e.level, 0, 2))] -
                               30 * static_cast<int>(e.mistakes.size()));
    }
    const Criteria& c = scorer->criteria();
    int points = c.level_points[static_cast<std::size_t>(std::clamp(e.level, 0, 2))];
    if (e.score.named_feeling) {
        points += c.named_feeling_bonus;
    }
    for (Mistake m : e.mistakes) {
        points -= c.mistakes[static_cast<std::size_t>(m)].weight;
    }
    return std::clamp(points, 0, 100);
}

const char* answer_source_id(AnswerSource source) {
    return source == AnswerSource::Choice ? "choice" : "typed";
}

PracticeSession::PracticeSession(Scenario scenario, const Scorer* scorer)
    : scenario_(std::move(scenario)), scorer_(scorer) {
    if (scenario_.steps.empty()) {
        finished_ = true; // the loader never lets this happen; stay safe anyway
        return;
    }
    open_step(scenario_.steps.front());
}

void PracticeSession::open_step(const Step& step) {
    step_ = &step;
    path_.push_back(step.id);
    attempts_here_ = 0;
    answered_ = false;
    prepared_ = scorer_ != nullptr ? scorer_->prepare(scoring_step(scenario_, step)) : nullptr;
}

std::vector<const Exchange*> PracticeSession::history() const {
    std::vector<const Exchange*> out;
    out.reserve(history_.size());
    for (std::size_t i : history_) {
        out.push_back(&log_[i]);
    }
    return out;
}

const Exchange* PracticeSession::answer_typed(const std::string& text) {
    if (finished_ || answered_ || scorer_ == nullptr || !prepared_) {
        return nullptr;
    }
    Exchange e;
    e.step_id = step_->id;
    e.source = AnswerSource::Typed;
    e.response = text;
    e.score = scorer_->score(*prepared_, text);
    e.engine_scored = true;
    e.level = e.score.level;
    e.mistakes = e.score.mistakes;
    e.points = e.score.score;
    log_.push_back(std::move(e));
    answered_ = true;
    ++attempts_here_;
    return &log_.back();
}

const Exchange* PracticeSession::answer_choice(int index) {
    if (finished_ || answered_ || index < 0 ||
        index >= static_cast<int>(step_->choices.size())) {
        return nullptr;
    }
    const Choice& choice = step_->choices[static_cast<std::size_t>(index)];
    Exchange e;
    e.step_id = step_->id;
    e.source = AnswerSource::Choice;
    e.choice = index;
    e.response = choice.text;
    if (scorer_ != nullptr && prepared_) {
        e.score = scorer_->score(*prepared_, choice.text);
        e.engine_scored = true;
    }
    // The author's rating is the ground truth for authored answers; the engine's analysis
    // is still shown for its highlighted words.
    e.level = choice.level;
    e.mistakes = choice.mistakes;
    e.author_why = choice.why;
    e.points = authored_points(e, scorer_);
    log_.push_back(std::move(e));
    answered_ = true;
    ++attempts_here_;
    return &log_.back();
}

std::optional<Score> PracticeSession::preview(const std::string& text) const {
    if (scorer_ == nullptr || !prepared_ || finished_) {
        return std::nullopt;
    }
    return scorer_->score(*prepared_, text);
}

void PracticeSession::try_again() {
    if (!finished_) {
        answered_ = false;
    }
}

std::optional<std::string> PracticeSession::advance() {
    if (finished_ || !answered_) {
        return std::nullopt;
    }
    const Exchange& last = log_.back();
    history_.push_back(log_.size() - 1);
    attempts_per_visit_.push_back(attempts_here_);
    const auto next_id = step_->next_step(outcome_of(last.level, !last.mistakes.empty()));
    const Step* next = next_id ? scenario_.find_step(*next_id) : nullptr;
    if (next != nullptr &&
        static_cast<std::size_t>(std::count(path_.begin(), path_.end(), next->id)) >=
            kMaxVisitsPerStep) {
        next = nullptr;
    }
    if (next == nullptr) {
        finished_ = true;
        answered_ = false;
        return std::nullopt;
    }
    open_step(*next);
    return next->id;
}

SessionSummary PracticeSession::summary() const {
    SessionSummary out;
    std::array<int, kMistakeCount> mistake_counts{};
    int level_two_steps = 0;
    for (std::size_t i = 0; i < history_.size(); ++i) {
        const Exchange& e = log_[history_[i]];
        StepSummary s;
        s.step_id = e.step_id;
        if (const Step* step = scenario_.find_step(e.step_id)) {
            s.partner_says = step->partner_says;
        }
        s.level = e.level;
        s.mistakes = e.mistakes;
        s.score = e.points;
        s.attempts = i < attempts_per_visit_.size() ? attempts_per_visit_[i] : 1;
        out.total += s.score;
        out.max_total += 100;
        out.best_level = std::max(out.best_level, s.level);
        level_two_steps += s.level == 2 && s.mistakes.empty() ? 1 : 0;
        out.steps.push_back(std::move(s));
    }
    // Every attempt counts here, not only the final ones: a mistake made and then fixed
    // is still the habit to work on.
    for (const Exchange& e : log_) {
        for (Mistake m : e.mistakes) {
            ++mistake_counts[static_cast<std::size_t>(m)];
        }
    }
    const auto most = std::max_element(mistake_counts.begin(), mistake_counts.end());
    const std::string& name = scenario_.partner.name;
    if (*most > 0) {
        const auto m = static_cast<Mistake>(most - mistake_counts.begin());
        std::string title(mistake_id(m));
        std::string why;
        if (scorer_ != nullptr) {
            const MistakeCriteria& mc = scorer_->criteria().mistakes[static_cast<std::size_t>(m)];
            title = mc.title.empty() ? title : mc.title;
            why = mc.why;
        }
        out.practise_next = "Practise avoiding \"" + title + "\" (" + std::to_string(*most) +
                            (*most == 1 ? " time" : " times") + " this round)." +
                            (why.empty() ? "" : " " + why) +
                            " Next time, answer with the feeling first and stop there.";
    } else if (level_two_steps < static_cast<int>(out.steps.size())) {
        out.practise_next = "Practise Level Two: name the feeling, then tie it to something on " +
                            name + "'s card with a link such as \"no wonder\", \"because\" or " +
                            "\"after\".";
    } else {
        out.practise_next = "Level Two all the way. Try a harder scenario next, or answer "
                            "from memory with the partner card hidden (Settings).";
    }
    return out;
}

void BestLevels::record(const std::string& scenario_id, int level) {
    auto [it, inserted] = best_.emplace(scenario_id, level);
    if (!inserted) {
        it->second = std::max(it->second, level);
    }
}

std::optional<int> BestLevels::get(const std::string& scenario_id) const {
    if (auto it = best_.find(scenario_id); it != best_.end()) {
        return it->second;
    }
    return std::nullopt;
}

} // namespace et
