// Branching rules of the scenario model.
#include "core/scenario.hpp"

namespace et {

const char* outcome_id(Outcome outcome) {
    switch (outcome) {
    case Outcome::LevelTwo: return "level_two";
    case Outcome::LevelOne: return "level_one";
    case Outcome::Missed: return "missed";
    case Outcome::Mistake: return "mistake";
    }
    return "";
}

Outcome outcome_of(int level, bool made_mistake) {
    if (made_mistake) {
        return Outcome::Mistake;
    }
    if (level >= 2) {
        return Outcome::LevelTwo;
    }
    return level == 1 ? Outcome::LevelOne : Outcome::Missed;
}

std::optional<std::string> Step::next_step(Outcome outcome) const {
    // Level Two falls back to Level One's branch; a miss falls back to a mistake's.
    std::vector<const char*> keys = {outcome_id(outcome)};
    if (outcome == Outcome::LevelTwo) {
        keys.push_back("level_one");
    } else if (outcome == Outcome::Missed) {
        keys.push_back("mistake");
    }
    keys.push_back("default");
    for (const char* key : keys) {
        if (auto it = next.find(key); it != next.end()) {
            return it->second;
        }
    }
    return std::nullopt;
}

const Step* Scenario::find_step(const std::string& step_id) const {
    for (const Step& s : steps) {
        if (s.id == step_id) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace et
