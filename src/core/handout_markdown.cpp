// The Handout as Markdown: bold for empathy, bracketed italics for mistakes, with a legend.
#include <string_view>
#include <vector>

#include "core/handout_internal.hpp"

namespace et::handout {

namespace {

// Every ASCII character that can start or end Markdown syntax inside a paragraph is escaped
// (CommonMark allows a backslash before any ASCII punctuation). Line breaks become spaces:
// scenario text sits inside list items and quotes, where a new line could start a heading.
void escape(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '&': case '#': case '|': case '~':
            out += '\\';
            out += c;
            break;
        case '\n': case '\r': case '\t': out += ' '; break;
        default: out += c;
        }
    }
}

std::string escaped(std::string_view text) {
    std::string out;
    escape(out, text);
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

struct Run {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empathy = false;
    bool mistake = false;
    bool marked() const { return empathy || mistake; }
    bool same_kind(const Run& other) const {
        return empathy == other.empathy && mistake == other.mistake;
    }
};

// Markdown cannot show which judgement is which (the HTML's titles), so neighbouring pieces
// of the same kind, even across a space, read better as one: "**after feeling so alone**"
// rather than "**after** **feeling so** **alone**".
std::vector<Run> runs_of(const RatedResponse& r) {
    std::vector<Run> runs;
    for (const Piece& p : r.pieces) {
        const Run run{p.begin, p.end, p.empathy, p.mistake};
        if (!runs.empty() && runs.back().same_kind(run)) {
            runs.back().end = run.end;
            continue;
        }
        const bool joins_across_space =
            runs.size() >= 2 && run.marked() && runs[runs.size() - 2].same_kind(run) &&
            !runs.back().marked() &&
            r.text.find_first_not_of(" ", runs.back().begin) >= runs.back().end;
        if (joins_across_space) {
            runs.pop_back();
            runs.back().end = run.end;
            continue;
        }
        runs.push_back(run);
    }
    return runs;
}

// The markers go around the words only: CommonMark ignores "** word**".
void append_marked(std::string& out, const RatedResponse& r) {
    const std::string_view text = r.text;
    for (const Run& run : runs_of(r)) {
        std::size_t begin = run.begin;
        std::size_t end = run.end;
        if (!run.marked()) {
            escape(out, text.substr(begin, end - begin));
            continue;
        }
        while (begin < end && is_space(text[begin])) {
            ++begin;
        }
        while (end > begin && is_space(text[end - 1])) {
            --end;
        }
        escape(out, text.substr(run.begin, begin - run.begin));
        if (begin < end) {
            out += run.empathy ? "**" : "";
            out += run.mistake ? "*\\[" : "";
            escape(out, text.substr(begin, end - begin));
            out += run.mistake ? "\\]*" : "";
            out += run.empathy ? "**" : "";
        }
        escape(out, text.substr(end, run.end - end));
    }
}

std::string verdict(const RatedResponse& r) {
    // A refused response (too long for the engine) must not read as "No empathy yet".
    if (!r.score.error.empty()) {
        return "**Not rated** · " + escaped(r.score.error);
    }
    std::string out = "**";
    out += handout_level_name(r.score.level);
    out += "**";
    if (r.mistake_names.empty()) {
        out += " · no mistakes";
        return out;
    }
    out += r.mistake_names.size() == 1 ? " · mistake: " : " · mistakes: ";
    for (std::size_t i = 0; i < r.mistake_names.size(); ++i) {
        out += (i == 0 ? "" : ", ") + escaped(r.mistake_names[i]);
    }
    return out;
}

std::string author_rating(const RatedChoice& rc) {
    std::string out = handout_level_name(rc.choice->level);
    if (rc.author_mistake_names.empty()) {
        return out + ", no mistakes";
    }
    for (std::size_t i = 0; i < rc.author_mistake_names.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + escaped(rc.author_mistake_names[i]);
    }
    return out;
}

} // namespace

std::string write_markdown(const RatedScenario& rated) {
    const Scenario& s = *rated.scenario;
    const std::string name = escaped(s.partner.name);
    std::string out;
    out += "# " + escaped(s.title) + "\n\n";

    out += "*Empathy Trainer handout* · " + escaped(about_line(s)) + "\n\n";
    if (!s.summary.empty()) {
        out += escaped(s.summary) + "\n\n";
    }
    out += "> **How to read this handout.** Each answer shows the level the engine gives it "
           "(No empathy yet, Level One or Level Two) and the mistakes it finds. Words in "
           "**bold** show empathy; words in *\\[brackets\\]* are behind a mistake. *Why* is "
           "the scenario author's note.\n\n";

    if (!s.partner.card.empty()) {
        out += "## What you know about " + name;
        if (!s.partner.relationship.empty()) {
            out += " (" + escaped(s.partner.relationship) + ")";
        }
        out += "\n\n";
        for (const CardFact& fact : s.partner.card) {
            out += "- " + escaped(fact.text) + "\n";
        }
        out += "\n";
    }

    for (const RatedStep& rs : rated.steps) {
        const Step& step = *rs.step;
        out += "## Step " + std::to_string(rs.number) + " of " + std::to_string(s.steps.size()) +
               ": " + escaped(step.id) + "\n\n";
        out += "> **" + name + ":** " + escaped(step.partner_says) + "\n\n";
        if (!step.feelings.empty()) {
            out += "Feelings behind it: ";
            for (std::size_t i = 0; i < step.feelings.size(); ++i) {
                out += (i == 0 ? "" : ", ") + escaped(step.feelings[i]);
            }
            out += "\n\n";
        }
        if (!rs.choices.empty()) {
            out += "### Answers\n\n";
        }
        for (std::size_t i = 0; i < rs.choices.size(); ++i) {
            const RatedChoice& rc = rs.choices[i];
            const std::string marker = std::to_string(i + 1) + ". ";
            // Continuation paragraphs line up with the item's text, as CommonMark requires.
            const std::string indent(marker.size(), ' ');
            out += marker + verdict(rc.rated) + "\n\n";
            out += indent;
            append_marked(out, rc.rated);
            out += "\n\n";
            if (!rc.choice->why.empty()) {
                out += indent + "*Why:* " + escaped(rc.choice->why) + "\n\n";
            }
            if (rc.author_differs) {
                out += indent + "*The scenario's author rates it " +
                       author_rating(rc) + ".*\n\n";
            }
        }
        if (!rs.suggestion.text.empty()) {
            out += "**Suggested response** (the engine's; " +
                   std::string(handout_level_name(rs.suggestion.score.level)) + "): ";
            append_marked(out, rs.suggestion);
            out += "\n\n";
        }
        std::string next = "*Next:* ";
        if (rs.routes.size() == 1 && rs.routes.front().target == nullptr) {
            next += "the conversation ends here";
        } else {
            for (std::size_t i = 0; i < rs.routes.size(); ++i) {
                const Route& route = rs.routes[i];
                next += (i == 0 ? "after " : "; after ") + route.when + ", ";
                next += route.target == nullptr
                            ? std::string("the conversation ends")
                            : "step " + std::to_string(route.target_number) + " (" +
                                  escaped(route.target->id) + ")";
            }
        }
        next += '.';
        out += next + "\n\n";
    }
    return out;
}

} // namespace et::handout
