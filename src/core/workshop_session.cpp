// Workshop presenter state: choice reveal order, level reveal, compare and room suggestions.
#include "core/workshop_session.hpp"

#include <algorithm>

namespace et {

WorkshopSession::WorkshopSession(Scenario scenario, const Scorer* scorer)
    : scenario_(std::move(scenario)), scorer_(scorer) {
    if (!scenario_.steps.empty()) {
        open_step(0, false);
    }
}

void WorkshopSession::open_step(int index, bool all_shown) {
    step_index_ = std::clamp(index, 0, std::max(0, step_count() - 1));
    prepared_ = scorer_ != nullptr ? scorer_->prepare(scoring_step(scenario_, step())) : nullptr;
    responses_.clear();
    marked_.clear();
    shown_ = 0;
    if (all_shown) {
        show_all_choices();
    }
}

WorkshopResponse WorkshopSession::authored(int choice) const {
    const Choice& c = step().choices[static_cast<std::size_t>(choice)];
    WorkshopResponse r;
    r.text = c.text;
    r.choice = choice;
    r.author_level = c.level;
    r.author_mistakes = c.mistakes;
    r.why = c.why;
    if (prepared_) {
        r.score = scorer_->score(*prepared_, c.text);
        r.engine_scored = true;
    }
    return r;
}

bool WorkshopSession::forward() {
    if (scenario_.steps.empty()) {
        return false;
    }
    if (shown_ < choice_count()) {
        // Authored choices stay ahead of the room's suggestions on screen.
        responses_.insert(responses_.begin() + shown_, authored(shown_));
        for (int& m : marked_) {
            if (m >= shown_) {
                ++m;
            }
        }
        ++shown_;
        return true;
    }
    if (step_index_ + 1 < step_count()) {
        open_step(step_index_ + 1, false);
        return true;
    }
    return false;
}

bool WorkshopSession::backward() {
    if (shown_ > 0) {
        --shown_;
        responses_.erase(responses_.begin() + shown_);
        marked_.erase(std::remove(marked_.begin(), marked_.end(), shown_), marked_.end());
        for (int& m : marked_) {
            if (m > shown_) {
                --m;
            }
        }
        return true;
    }
    if (step_index_ > 0) {
        open_step(step_index_ - 1, true); // coming back, the previous step is as it was left
        return true;
    }
    return false;
}

void WorkshopSession::show_all_choices() {
    while (shown_ < choice_count()) {
        forward();
    }
}

void WorkshopSession::reveal_all() {
    for (WorkshopResponse& r : responses_) {
        r.revealed = true;
    }
}

void WorkshopSession::reveal(int index) {
    if (index >= 0 && index < static_cast<int>(responses_.size())) {
        responses_[static_cast<std::size_t>(index)].revealed = true;
    }
}

bool WorkshopSession::all_revealed() const {
    return std::all_of(responses_.begin(), responses_.end(),
                       [](const WorkshopResponse& r) { return r.revealed; });
}

bool WorkshopSession::add_suggestion(const std::string& text, std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error != nullptr) {
            *error = why;
        }
        return false;
    };
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return fail("Type what the room suggested first.");
    }
    if (!prepared_) {
        return fail("Suggestions can't be scored: the criteria did not load.");
    }
    WorkshopResponse r;
    r.text = text;
    r.from_room = true;
    r.score = scorer_->score(*prepared_, text);
    if (!r.score.error.empty()) {
        return fail(r.score.error);
    }
    r.engine_scored = true;
    r.revealed = true;
    responses_.push_back(std::move(r));
    return true;
}

void WorkshopSession::toggle_mark(int index) {
    if (index < 0 || index >= static_cast<int>(responses_.size())) {
        return;
    }
    const auto it = std::find(marked_.begin(), marked_.end(), index);
    if (it != marked_.end()) {
        marked_.erase(it);
        return;
    }
    if (marked_.size() == 2) {
        marked_.erase(marked_.begin());
    }
    marked_.push_back(index);
}

std::optional<std::pair<int, int>> WorkshopSession::compare_pair() const {
    if (marked_.size() == 2) {
        return std::make_pair(std::min(marked_[0], marked_[1]), std::max(marked_[0], marked_[1]));
    }
    if (responses_.size() < 2) {
        return std::nullopt;
    }
    // Highest level first (fewest mistakes breaking ties), then the lowest.
    auto rank = [&](int i) {
        const WorkshopResponse& r = responses_[static_cast<std::size_t>(i)];
        return r.level() * 10 - static_cast<int>(r.mistakes().size());
    };
    int best = 0;
    int worst = 0;
    for (int i = 1; i < static_cast<int>(responses_.size()); ++i) {
        if (rank(i) > rank(best)) {
            best = i;
        }
        if (rank(i) < rank(worst)) {
            worst = i;
        }
    }
    if (best == worst) {
        worst = best == 0 ? 1 : 0;
    }
    return std::make_pair(best, worst);
}

void WorkshopSession::go_to_step(int index) {
    if (index >= 0 && index < step_count()) {
        open_step(index, false);
    }
}

} // namespace et
