// The scenario model: a partner, their card, and steps of a branching conversation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/mistakes.hpp"

namespace et {

// A fact on the partner card: history, wounds or personality.
struct CardFact {
    std::string id;
    std::string text;
    std::vector<std::string> cues; // phrases that count as a reference; may be empty
};

struct Partner {
    std::string name;
    std::string relationship; // optional: "partner", "friend"...
    std::vector<CardFact> card;
};

struct Choice {
    std::string text;
    int level = 0;
    std::vector<Mistake> mistakes;
    std::string why;
};

// How an answer turned out, which picks the next step.
enum class Outcome { LevelTwo, LevelOne, Missed, Mistake };
const char* outcome_id(Outcome outcome);
Outcome outcome_of(int level, bool made_mistake);

struct Step {
    std::string id;
    std::string partner_says;
    std::vector<std::string> feelings;
    std::vector<Choice> choices;
    std::map<std::string, std::string> next; // outcome id or "default" -> step id

    // The step that follows an answer with this outcome, or nothing when the scenario ends.
    std::optional<std::string> next_step(Outcome outcome) const;
};

struct Scenario {
    std::string id;
    std::string title;
    std::string summary;
    std::string emotion;  // "mad", "sad", "glad", "fear" or empty
    int difficulty = 0;   // 1..3, 0 when not given
    std::vector<std::string> tags;
    Partner partner;
    std::vector<Step> steps;
    std::string file;     // where it was loaded from

    const Step* find_step(const std::string& step_id) const;
};

} // namespace et
