// Internals shared by the scorer's source files: the prepared step and small text helpers.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/criteria.hpp"
#include "core/scorer.hpp"

namespace et {

struct CardPhrase {
    std::vector<std::string> stems;    // content words, in order
    std::vector<std::string> compared; // the same through the card synonyms ("lawyer": "attorney")
    bool whole = false;                // matched against every word, determiners included
};

struct PreparedFact {
    const CardFact* fact = nullptr;
    CardFact owned;
    std::vector<CardPhrase> phrases; // references that are not a restatement of this step
    int relevance = 0;               // content words shared with what the partner said
};

struct Scorer::Memo {
    std::mutex lock; // score() is const and may run on several threads
    WordMemo words;
};

struct PreparedStep {
    ScoringStep step;
    std::set<std::string> said_stems;     // stems of the partner's words in this step
    std::vector<PreparedFact> facts;
    std::vector<std::string> feeling_stems;
    std::vector<CoreEmotion> feeling_emotions;
    std::string feelings_named; // what feedback and the suggestion call the feelings
    std::string suggestion; // depends only on the step, so it is composed once
};

namespace scoring {

bool sorted_contains(const std::vector<std::string>& sorted, const std::string& word);
bool contains(const std::vector<std::string>& list, const std::string& word);
// Replaces each {key} in `text`.
std::string format_text(std::string text, const std::vector<std::pair<std::string, std::string>>& vars);

} // namespace scoring
} // namespace et
