// The scorer's per-response analysis (internal to scorer.cpp, kept apart for size): the
// response's tokens, slot hits and pattern matches, with negation and exception checks.
#pragma once

#include "core/criteria.hpp"
#include "core/input_words.hpp"
#include "core/pattern.hpp"
#include "core/pattern_keys.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace et::scoring {

struct Candidate {
    TokenSpan span;
    const Criterion* criterion = nullptr;
    std::optional<Mistake> mistake;
    bool negated = false;
    bool dropped = false;
};

inline bool overlaps(const TokenSpan& a, const TokenSpan& b) {
    return a.first < b.end && b.first < a.end;
}

inline bool contains_mistake(const std::vector<Mistake>& list, Mistake m) {
    return std::find(list.begin(), list.end(), m) != list.end();
}

class Analysis {
public:
    // With a memo, the tokens come with their vocabulary ids.
    Analysis(const Criteria& c, std::string_view response, WordMemo* memo = nullptr)
        : c_(c), tokens_(tokenize(response, c.normalisation, memo)) {
        if (memo == nullptr) {
            c.vocabulary.assign(tokens_);
        }
        compute_hits();
        for (const auto& hits : hits_) {
            for (const SlotHit& h : hits) {
                slots_ |= SlotMask{1} << h.slot;
            }
        }
        words_.assign(tokens_, hits_);
        c.pattern_keys.candidates(words_, slots_, candidates_);
        input_.tokens = &tokens_;
        input_.hits = &hits_;
        input_.words = &words_;
        input_.slots = slots_;
    }

    const std::vector<Token>& tokens() const { return tokens_; }
    const MatchInput& input() const { return input_; }
    const std::vector<std::vector<SlotHit>>& hits() const { return hits_; }

    // A match is negated when a negator comes just before it, with only "transparent"
    // words (so, that, really, sound...) between: "that doesn't sound so bad".
    bool negated(const TokenSpan& span, bool validation = true) const {
        const Token& first = tokens_[span.first];
        // "...didn't get it, that must have hurt": the judgement sits in a later clause,
        // beyond the negator's reach.
        if (tokens_[span.end - 1].clause != first.clause) {
            return false;
        }
        // "A hole you didn't make must have been a shock": a validation whose verb is a modal
        // (its first word, or its second after a subject) is never denied by a word before it,
        // since English puts "not" after the modal. Advice keeps the wider reach: in "you don't
        // feel you can ask", the negation does cover "you can ask".
        if (has_id(c_.negation_modal_ids, first) ||
            (validation && span.end - span.first > 1 &&
             has_id(c_.negation_modal_ids, tokens_[span.first + 1]))) {
            return false;
        }
        std::size_t i = span.first;
        int budget = 4;
        while (i > 0 && budget-- > 0) {
            const Token& before = tokens_[i - 1];
            if (before.clause != first.clause) {
                return false;
            }
            // "No answers must be so frightening": a determiner right before the match's
            // first word makes a subject ("no answers"), it does not deny what follows.
            if (i == span.first && span.end - span.first > 1 &&
                has_id(c_.negation_determiner_ids, before) &&
                !has_id(c_.negation_transparent_ids, first)) {
                return false;
            }
            if (has_id(c_.negator_ids, before)) {
                // "Oh no, that's such a blow" exclaims; it does not negate the validation.
                const bool exclaimed = i >= 2 && tokens_[i - 2].clause == before.clause &&
                                       has_id(c_.negation_exclamation_ids, tokens_[i - 2]);
                return !exclaimed;
            }
            if (!has_id(c_.negation_transparent_ids, before)) {
                return false;
            }
            --i;
        }
        return false;
    }

    // Whether a word of `sorted_ids` is anywhere in the sentence that `span` starts in.
    bool sentence_has(const TokenSpan& span, const std::vector<int>& sorted_ids) const {
        if (sorted_ids.empty()) {
            return false;
        }
        const auto sentence = tokens_[span.first].sentence;
        std::size_t first = span.first;
        while (first > 0 && tokens_[first - 1].sentence == sentence) {
            --first;
        }
        for (std::size_t i = first; i < tokens_.size() && tokens_[i].sentence == sentence; ++i) {
            if (has_id(sorted_ids, tokens_[i])) {
                return true;
            }
        }
        return false;
    }

    static bool has_id(const std::vector<int>& sorted_ids, const Token& t) {
        return t.text_id >= 0 &&
               std::binary_search(sorted_ids.begin(), sorted_ids.end(), t.text_id);
    }

    // Appends the matches of a criterion's patterns to `out`, in the order of its patterns.
    void find(const Criterion& criterion, std::optional<Mistake> mistake,
              std::vector<Candidate>& out) const {
        const auto& patterns = criterion.patterns;
        if (patterns.empty()) {
            return;
        }
        // A criterion's patterns are compiled one after another (PatternReading::compile_list),
        // so their serials are one run: only the candidates of that run are visited, a few
        // in a hundred for a typical response. Patterns numbered otherwise (none from a
        // criteria file) are each asked.
        const int first = patterns.front().serial();
        const auto last = static_cast<std::size_t>(patterns.back().serial());
        const bool run = first >= 0 &&
                         last + 1 == static_cast<std::size_t>(first) + patterns.size() &&
                         last < c_.pattern_keys.serial_count();
        if (!run) {
            for (const Pattern& p : patterns) {
                if (may_match(p)) {
                    add_matches(p, criterion, mistake, out);
                }
            }
            return;
        }
        const auto begin = static_cast<std::size_t>(first);
        for_each_set_bit(candidates_, begin, last + 1, [&](std::size_t serial) {
            const Pattern& p = patterns[serial - begin];
            if (p.meets_requirements(input_)) {
                add_matches(p, criterion, mistake, out);
            }
        });
    }

    // Whether any match of `patterns` overlaps `span`. Matches are found once per pattern
    // list and cached, so checking many candidates stays linear in the response length.
    bool any_match(const std::vector<Pattern>& patterns, const TokenSpan& span) const {
        auto it = std::find_if(match_cache_.begin(), match_cache_.end(),
                               [&](const auto& entry) { return entry.first == &patterns; });
        if (it == match_cache_.end()) {
            std::vector<TokenSpan> spans;
            for (const Pattern& p : patterns) {
                if (may_match(p)) {
                    const auto found = p.find_all(input_);
                    spans.insert(spans.end(), found.begin(), found.end());
                }
            }
            match_cache_.emplace_back(&patterns, std::move(spans));
            it = std::prev(match_cache_.end());
        }
        return std::any_of(it->second.begin(), it->second.end(),
                           [&](const TokenSpan& s) { return overlaps(s, span); });
    }

    // Words in quotation marks are someone else's ("'probably nothing' isn't reassuring").
    bool quoted(const TokenSpan& span) const {
        for (std::size_t i = span.first; i < span.end; ++i) {
            if (tokens_[i].quoted) {
                return true;
            }
        }
        return false;
    }

    // Byte span of a token span.
    std::pair<std::size_t, std::size_t> bytes(const TokenSpan& span) const {
        return {tokens_[span.first].begin, tokens_[span.end - 1].end};
    }

private:
    // A candidate by its key (when it has a serial the keys cover) that meets its requirements.
    bool may_match(const Pattern& p) const {
        const auto serial = static_cast<std::size_t>(p.serial());
        if (p.serial() >= 0 && serial < c_.pattern_keys.serial_count() &&
            !bit_set(candidates_, serial)) {
            return false;
        }
        return p.meets_requirements(input_);
    }

    void add_matches(const Pattern& p, const Criterion& criterion, std::optional<Mistake> mistake,
                     std::vector<Candidate>& out) const {
        for (const TokenSpan& span : p.find_all(input_)) {
            if (sentence_has(span, criterion.unless_sentence_has_ids)) {
                continue;
            }
            Candidate cand;
            cand.span = span;
            cand.criterion = &criterion;
            cand.mistake = mistake;
            cand.negated = negated(span, !mistake.has_value());
            out.push_back(cand);
        }
    }

    void compute_hits() {
        hits_.assign(tokens_.size(), {});
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            for (int id : {tokens_[i].text_id, tokens_[i].stem_id}) {
                if (id >= 0 && static_cast<std::size_t>(id) < c_.slot_index_by_id.size()) {
                    add_hits(i, c_.slot_index_by_id[static_cast<std::size_t>(id)]);
                }
            }
        }
    }

    void add_hits(std::size_t i, const std::vector<std::pair<std::uint8_t, std::size_t>>& entries) {
        for (const auto& [slot, index] : entries) {
            const auto& entry = c_.slot_entries[slot][index];
            const auto& words = entry.words;
            if (i + words.size() > tokens_.size()) {
                continue;
            }
            bool same = true;
            for (std::size_t k = 1; k < words.size() && same; ++k) {
                const Token& t = tokens_[i + k];
                same = t.text == words[k] || t.stem == entry.stems[k];
            }
            if (!same) {
                continue;
            }
            const SlotHit hit{slot, static_cast<std::uint8_t>(words.size())};
            auto& list = hits_[i];
            if (std::none_of(list.begin(), list.end(), [&](const SlotHit& h) {
                    return h.slot == hit.slot && h.length == hit.length;
                })) {
                list.push_back(hit);
            }
        }
    }

    const Criteria& c_;
    std::vector<Token> tokens_;
    std::vector<std::vector<SlotHit>> hits_;
    MatchInput input_;
    InputWords words_;
    std::vector<std::uint64_t> candidates_; // one bit per pattern serial (see PatternKeys)
    SlotMask slots_ = 0;
    // A few pattern lists (the exceptions) per response: a vector beats a map here.
    mutable std::vector<std::pair<const std::vector<Pattern>*, std::vector<TokenSpan>>>
        match_cache_;
};

} // namespace et::scoring
