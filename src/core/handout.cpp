// The Handout: rates every authored choice once, then hands the result to a format writer.
#include "core/handout.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/handout_internal.hpp"
#include "core/scorer_internal.hpp"
#include "core/utf8.hpp"

namespace et {

namespace handout {

namespace {

std::string judgement_title(const Match& m, const Criteria& criteria) {
    switch (m.kind) {
    case MatchKind::LevelOne: return "Level One: " + m.criterion;
    case MatchKind::LevelTwo:
        return "Partner card" + (m.fact.empty() ? std::string() : " (" + m.fact + ")") + ": " +
               m.criterion;
    case MatchKind::Link: return "Level Two link: " + m.criterion;
    case MatchKind::Mistake:
        return (m.mistake ? criteria.mistakes[static_cast<std::size_t>(*m.mistake)].title
                          : std::string("Mistake")) +
               ": " + m.criterion;
    }
    return m.criterion;
}

// Cuts `text` at every match boundary and merges neighbours with the same judgements, so
// overlapping matches become flat pieces that any format can mark up one after another.
std::vector<Piece> cut_pieces(const std::string& text, const std::vector<Match>& matches,
                              const Criteria& criteria) {
    // A boundary inside a UTF-8 sequence would split a character between two elements.
    auto snap = [&text](std::size_t at) {
        return at < text.size() ? utf8_char_start(text, at) : text.size();
    };
    std::vector<std::size_t> cuts = {0, text.size()};
    for (const Match& m : matches) {
        cuts.push_back(snap(m.begin));
        cuts.push_back(snap(m.end));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::vector<Piece> pieces;
    std::vector<std::size_t> previous_cover;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const std::size_t begin = cuts[i];
        const std::size_t end = cuts[i + 1];
        std::vector<std::size_t> cover;
        for (std::size_t k = 0; k < matches.size(); ++k) {
            if (snap(matches[k].begin) <= begin && snap(matches[k].end) >= end) {
                cover.push_back(k);
            }
        }
        if (!pieces.empty() && cover == previous_cover) {
            pieces.back().end = end;
            continue;
        }
        Piece piece;
        piece.begin = begin;
        piece.end = end;
        std::vector<std::string> titles;
        for (std::size_t k : cover) {
            const bool is_mistake = matches[k].kind == MatchKind::Mistake;
            piece.mistake = piece.mistake || is_mistake;
            piece.empathy = piece.empathy || !is_mistake;
            std::string title = judgement_title(matches[k], criteria);
            // The same judgement can match twice over one span; say it once.
            if (std::find(titles.begin(), titles.end(), title) == titles.end()) {
                piece.title += (titles.empty() ? "" : "; ") + title;
                titles.push_back(std::move(title));
            }
        }
        pieces.push_back(std::move(piece));
        previous_cover = std::move(cover);
    }
    return pieces;
}

RatedResponse rate_response(std::string text, const PreparedStep& step, const Scorer& scorer) {
    RatedResponse r;
    r.text = std::move(text);
    r.score = scorer.score(step, r.text);
    r.pieces = cut_pieces(r.text, r.score.matches, scorer.criteria());
    for (Mistake m : r.score.mistakes) {
        r.mistake_names.push_back(scorer.criteria().mistakes[static_cast<std::size_t>(m)].title);
    }
    return r;
}

bool same_mistakes(std::vector<Mistake> a, std::vector<Mistake> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    return a == b;
}

// Outcomes grouped by where they lead, in the order a reader thinks of them (best first).
std::vector<Route> routes_of(const Scenario& scenario, const Step& step) {
    static constexpr std::pair<Outcome, const char*> kOutcomes[] = {
        {Outcome::LevelTwo, "Level Two"},
        {Outcome::LevelOne, "Level One"},
        {Outcome::Missed, "no empathy"},
        {Outcome::Mistake, "a mistake"},
    };
    std::vector<Route> routes;
    std::vector<std::vector<const char*>> whens;
    for (const auto& [outcome, words] : kOutcomes) {
        const auto next = step.next_step(outcome);
        const Step* target = next ? scenario.find_step(*next) : nullptr;
        auto it = std::find_if(routes.begin(), routes.end(),
                               [target](const Route& r) { return r.target == target; });
        if (it == routes.end()) {
            Route route;
            route.target = target;
            if (target != nullptr) {
                route.target_number = static_cast<int>(target - scenario.steps.data()) + 1;
            }
            routes.push_back(std::move(route));
            whens.emplace_back();
            it = routes.end() - 1;
        }
        whens[static_cast<std::size_t>(it - routes.begin())].push_back(words);
    }
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto& w = whens[i];
        if (w.size() == std::size(kOutcomes)) {
            routes[i].when = "any answer";
            continue;
        }
        for (std::size_t k = 0; k < w.size(); ++k) {
            routes[i].when += (k == 0 ? "" : k + 1 == w.size() ? " or " : ", ");
            routes[i].when += w[k];
        }
    }
    return routes;
}

} // namespace

RatedScenario rate_scenario(const Scenario& scenario, const Scorer& scorer) {
    RatedScenario rated;
    rated.scenario = &scenario;
    for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
        const Step& step = scenario.steps[i];
        RatedStep rs;
        rs.step = &step;
        rs.number = static_cast<int>(i) + 1;
        const auto prepared = scorer.prepare(scoring_step(scenario, step));
        for (const Choice& choice : step.choices) {
            RatedChoice rc;
            rc.choice = &choice;
            rc.rated = rate_response(choice.text, *prepared, scorer);
            rc.author_differs = rc.rated.score.level != choice.level ||
                                !same_mistakes(rc.rated.score.mistakes, choice.mistakes);
            for (Mistake m : choice.mistakes) {
                rc.author_mistake_names.push_back(
                    scorer.criteria().mistakes[static_cast<std::size_t>(m)].title);
            }
            rs.choices.push_back(std::move(rc));
        }
        // The step's suggestion does not depend on any response, so it is taken as composed
        // and then rated like any answer: the handout shows why it works, not just that it does.
        if (!prepared->suggestion.empty()) {
            rs.suggestion = rate_response(prepared->suggestion, *prepared, scorer);
        }
        rs.routes = routes_of(scenario, step);
        rated.steps.push_back(std::move(rs));
    }
    return rated;
}

std::string about_line(const Scenario& scenario) {
    std::vector<std::string> parts;
    static constexpr std::pair<const char*, const char*> kEmotions[] = {
        {"mad", "Mad"}, {"sad", "Sad"}, {"glad", "Glad"}, {"fear", "Fear"}};
    for (const auto& [id, name] : kEmotions) {
        if (scenario.emotion == id) {
            parts.push_back(std::string("Core emotion: ") + name);
        }
    }
    static constexpr const char* kDifficulties[] = {"gentle", "moderate", "hard"};
    if (scenario.difficulty >= 1 && scenario.difficulty <= 3) {
        parts.push_back(std::string("Difficulty: ") + kDifficulties[scenario.difficulty - 1] +
                        " (" + std::to_string(scenario.difficulty) + " of 3)");
    }
    const std::size_t steps = scenario.steps.size();
    parts.push_back(std::to_string(steps) + (steps == 1 ? " step" : " steps"));
    std::string line;
    for (const std::string& part : parts) {
        line += (line.empty() ? "" : " · ") + part;
    }
    return line;
}

} // namespace handout

std::optional<HandoutFormat> parse_handout_format(std::string_view id) {
    if (id == "html") return HandoutFormat::Html;
    if (id == "md" || id == "markdown") return HandoutFormat::Markdown;
    return std::nullopt;
}

std::optional<PaperSize> parse_paper_size(std::string_view id) {
    if (id == "auto") return PaperSize::Auto;
    if (id == "a4") return PaperSize::A4;
    if (id == "letter") return PaperSize::Letter;
    return std::nullopt;
}

const char* handout_level_name(int level) {
    switch (level) {
    case 2: return "Level Two";
    case 1: return "Level One";
    default: return "No empathy yet";
    }
}

std::string handout_file_name(const Scenario& scenario, HandoutFormat format) {
    return scenario.id + "-handout" + (format == HandoutFormat::Html ? ".html" : ".md");
}

std::string render_handout(const Scenario& scenario, const Scorer& scorer,
                           const HandoutOptions& options) {
    const handout::RatedScenario rated = handout::rate_scenario(scenario, scorer);
    return options.format == HandoutFormat::Html ? handout::write_html(rated, options.paper)
                                                 : handout::write_markdown(rated);
}

} // namespace et
