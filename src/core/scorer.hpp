// The scoring engine: rates a response for Level One, Level Two and the six mistakes,
// with the byte span behind every judgement, feedback and a suggested better response.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/criteria.hpp"
#include "core/scenario.hpp"

namespace et {

// Everything the engine needs to know about the moment being answered.
struct ScoringStep {
    std::string partner_name;
    std::string partner_says;
    std::vector<std::string> feelings;
    std::vector<CardFact> card;
};

ScoringStep scoring_step(const Scenario& scenario, const Step& step);

enum class MatchKind { LevelOne, LevelTwo, Link, Mistake };
const char* match_kind_id(MatchKind kind);

// One judgement and the exact words behind it.
struct Match {
    MatchKind kind = MatchKind::LevelOne;
    std::string criterion;          // criterion id from the criteria file
    std::optional<Mistake> mistake; // for MatchKind::Mistake
    std::string fact;               // for MatchKind::LevelTwo: the partner-card fact id
    std::size_t begin = 0;          // byte span in the response, end exclusive
    std::size_t end = 0;
    std::string explain;            // why this judgement, for tooltips
};

struct Score {
    int level = 0;                  // 0 none, 1 Level One, 2 Level Two
    std::vector<Mistake> mistakes;  // distinct, in the order of kAllMistakes
    int score = 0;                  // 0..100
    std::vector<Match> matches;     // sorted by position
    std::vector<std::string> worked;  // what worked (and how to go further)
    std::vector<std::string> avoid;   // what to avoid and why
    std::string suggestion;         // a better response when level < 2
    bool named_feeling = false;     // the partner's own feeling (or its core emotion) named
    std::string error;              // set when the response was refused (bad UTF-8, too long)

    std::vector<std::string> feedback() const; // worked then avoid
    bool has(Mistake m) const;
};

// Responses longer than this are refused with a clear message instead of being scored.
inline constexpr std::size_t kMaxResponseBytes = 64 * 1024;

// A step prepared once (card references, the partner's words) for scoring many responses.
struct PreparedStep;

class Scorer {
public:
    explicit Scorer(const Criteria& criteria);
    ~Scorer();
    Scorer(Scorer&&) noexcept;
    Scorer& operator=(Scorer&&) noexcept;

    std::shared_ptr<const PreparedStep> prepare(const ScoringStep& step) const;
    Score score(const PreparedStep& step, std::string_view response) const;
    Score score(const ScoringStep& step, std::string_view response) const;

    const Criteria& criteria() const { return *criteria_; }

private:
    struct Memo; // the words seen so far, shared by every score() (see WordMemo)
    const Criteria* criteria_;
    std::unique_ptr<Memo> memo_;
};

// The stable JSON shape of the `score` command.
nlohmann::json score_to_json(const Score& score, std::string_view response);
// The same object written straight to text (one line, no trailing newline): the `score`
// command prints thousands of these, and building a DOM for each costs as much as scoring.
void append_score_json(std::string& out, const Score& score, std::string_view response);

} // namespace et
