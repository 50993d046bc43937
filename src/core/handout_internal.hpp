// Internals shared by the handout's writers: the scenario rated once by the engine, with each
// response cut into highlighted pieces, so the HTML and the Markdown say the same things.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/handout.hpp"

namespace et::handout {

// A run of a response's bytes that carries the same judgements. Offsets, not views, so the
// pieces stay valid when the strings they describe move.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empathy = false; // a Level One validation, a partner-card reference or a link
    bool mistake = false;
    std::string title;    // the judgements behind it: "Fixing: you_should; Level One: ..."
};

struct RatedResponse {
    std::string text;
    Score score;
    std::vector<Piece> pieces; // cover `text` from start to end, in order
    std::vector<std::string> mistake_names; // titles from the criteria ("Fixing")
};

struct RatedChoice {
    const Choice* choice = nullptr;
    RatedResponse rated;
    bool author_differs = false; // the author's level or mistakes differ from the engine's
    std::vector<std::string> author_mistake_names; // titles of the author's mistakes
};

// Where the conversation goes after some outcomes.
struct Route {
    std::string when;            // "Level Two or Level One"; our words, not the scenario's
    const Step* target = nullptr; // nothing: the conversation ends
    int target_number = 0;       // 1-based position of `target` in the scenario
};

struct RatedStep {
    const Step* step = nullptr;
    int number = 0;
    std::vector<RatedChoice> choices;
    RatedResponse suggestion; // empty text when the criteria compose none
    std::vector<Route> routes;
};

struct RatedScenario {
    const Scenario* scenario = nullptr;
    std::vector<RatedStep> steps;
};

RatedScenario rate_scenario(const Scenario& scenario, const Scorer& scorer);

// "Core emotion: Fear · Difficulty: moderate (2 of 3) · 3 steps": our words only, no
// scenario text, so both writers show the same line.
std::string about_line(const Scenario& scenario);

std::string write_html(const RatedScenario& rated, PaperSize paper);
std::string write_markdown(const RatedScenario& rated);

} // namespace et::handout
