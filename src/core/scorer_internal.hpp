// Internals shared by the scorer's source files: the prepared step and small text helpers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/criteria.hpp"
#include "core/scorer.hpp"

namespace et {

// A word's length and first bytes in one integer. Words with different keys differ, so
// comparing keys first leaves almost no card comparison to compare strings.
inline std::uint64_t quick_key(const std::string& word) {
    std::uint64_t key = word.size() & 0xff;
    const std::size_t n = std::min<std::size_t>(word.size(), 7);
    for (std::size_t k = 0; k < n; ++k) {
        key |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * (k + 1));
    }
    return key;
}

struct CardPhrase {
    std::vector<std::string> stems;    // content words, in order
    std::vector<std::string> compared; // the same through the card synonyms ("lawyer": "attorney")
    bool whole = false;                // matched against every word, determiners included
    // Per word, the quick keys of its stem and of its compared stem: computed once with the
    // step rather than for every response.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keys;
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
