// The disclosure analyser: finds the speaker's own feelings (named or shown by the body),
// sets aside the traps (things, other people, negation, thoughts), and words the feedback.
//
// [SECTION] Per-text analysis
// [SECTION] Judging the matches
// [SECTION] Feedback
//
// (Loading the criteria is in disclosure_loader.cpp; the JSON output in disclosure_json.cpp.)
#include "core/disclosure.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace et {

const char* disclosure_kind_id(DisclosureKind kind) {
    switch (kind) {
    case DisclosureKind::Feeling:
        return "feeling";
    case DisclosureKind::Body:
        return "body";
    case DisclosureKind::Outer:
        return "outer";
    case DisclosureKind::Thing:
        return "thing";
    case DisclosureKind::Other:
        return "other";
    case DisclosureKind::Negated:
        return "negated";
    case DisclosureKind::Thought:
        return "thought";
    }
    return "";
}

std::optional<DisclosureKind> parse_disclosure_kind(std::string_view id) {
    for (int k = 0; k < kDisclosureKindCount; ++k) {
        const auto kind = static_cast<DisclosureKind>(k);
        if (id == disclosure_kind_id(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

const char* layer_id(Layer layer) {
    return layer == Layer::Inner ? "inner" : "outer";
}

std::string DisclosureCriteria::text(const std::string& key) const {
    const auto it = texts.find(key);
    return it == texts.end() ? key : it->second;
}

// ============================================================================
// [SECTION] Per-text analysis
// ============================================================================

namespace {

bool overlaps(const TokenSpan& a, const TokenSpan& b) {
    return a.first < b.end && b.first < a.end;
}

bool has_id(const std::vector<int>& sorted_ids, const Token& t) {
    return t.text_id >= 0 && std::binary_search(sorted_ids.begin(), sorted_ids.end(), t.text_id);
}

// The emotions as the JSON shows them: sorted by id ("fear", "glad", "mad", "sad").
void sort_emotions(std::vector<CoreEmotion>& emotions) {
    std::sort(emotions.begin(), emotions.end(), [](CoreEmotion a, CoreEmotion b) {
        return std::string_view(core_emotion_id(a)) < std::string_view(core_emotion_id(b));
    });
    emotions.erase(std::unique(emotions.begin(), emotions.end()), emotions.end());
}

// Tokens, lexicon hits and the match input for one text, computed once.
class Text {
public:
    Text(const DisclosureCriteria& c, std::string_view text)
        : c_(c), tokens_(tokenize(text, c.normalisation)) {
        c.vocabulary.assign(tokens_);
        hits_.assign(tokens_.size(), {});
        present_.assign(c.vocabulary.size(), 0);
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            for (int id : {tokens_[i].text_id, tokens_[i].stem_id}) {
                if (id < 0) {
                    continue;
                }
                present_[static_cast<std::size_t>(id)] = 1;
                if (static_cast<std::size_t>(id) < c.slot_index_by_id.size()) {
                    add_hits(i, c.slot_index_by_id[static_cast<std::size_t>(id)]);
                }
            }
            for (const SlotHit& h : hits_[i]) {
                slots_ |= SlotMask{1} << h.slot;
            }
        }
        c.vocabulary.candidates(tokens_, hits_, starts_);
        input_.tokens = &tokens_;
        input_.hits = &hits_;
        input_.present = &present_;
        input_.starts = &starts_;
        input_.slots = slots_;
    }

    const std::vector<Token>& tokens() const { return tokens_; }
    const std::vector<std::vector<SlotHit>>& hits() const { return hits_; }
    const MatchInput& input() const { return input_; }

    std::vector<TokenSpan> find_all(const std::vector<Pattern>& patterns) const {
        std::vector<TokenSpan> spans;
        for (const Pattern& p : patterns) {
            if (p.may_match(input_)) {
                const auto found = p.find_all(input_);
                spans.insert(spans.end(), found.begin(), found.end());
            }
        }
        return spans;
    }

    std::pair<std::size_t, std::size_t> bytes(const TokenSpan& span) const {
        return {tokens_[span.first].begin, tokens_[span.end - 1].end};
    }

private:
    void add_hits(std::size_t i, const std::vector<std::pair<std::uint8_t, std::size_t>>& entries) {
        for (const auto& [slot, index] : entries) {
            const auto& entry = c_.slot_entries[slot][index];
            if (i + entry.words.size() > tokens_.size()) {
                continue;
            }
            bool same = true;
            for (std::size_t k = 1; k < entry.words.size() && same; ++k) {
                const Token& t = tokens_[i + k];
                same = t.text == entry.words[k] || t.stem == entry.stems[k];
            }
            const SlotHit hit{slot, static_cast<std::uint8_t>(entry.words.size())};
            auto& list = hits_[i];
            if (same && std::none_of(list.begin(), list.end(), [&](const SlotHit& h) {
                    return h.slot == hit.slot && h.length == hit.length;
                })) {
                list.push_back(hit);
            }
        }
    }

    const DisclosureCriteria& c_;
    std::vector<Token> tokens_;
    std::vector<std::vector<SlotHit>> hits_;
    std::vector<char> present_;
    StartPositions starts_;
    SlotMask slots_ = 0;
    MatchInput input_;
};

// ============================================================================
// [SECTION] Judging the matches
// ============================================================================

struct Found {
    const DisclosureCriterion* criterion = nullptr;
    DisclosureKind kind = DisclosureKind::Feeling;
    TokenSpan span;
    std::vector<CoreEmotion> emotions;
};

class Judge {
public:
    Judge(const DisclosureCriteria& c, const Text& text) : c_(c), text_(text) {
        not_negation_ = text.find_all(c.not_negation);
    }

    std::vector<Found> run() {
        std::vector<Found> raw;
        for (const DisclosureCriterion& crit : c_.criteria) {
            std::vector<TokenSpan> except;
            bool except_found = false;
            for (const TokenSpan& span : text_.find_all(crit.patterns)) {
                if (!crit.except.empty() && !except_found) {
                    except = text_.find_all(crit.except);
                    except_found = true;
                }
                if (std::none_of(except.begin(), except.end(),
                                 [&](const TokenSpan& e) { return overlaps(e, span); })) {
                    raw.push_back(Found{&crit, crit.kind, span, {}});
                }
            }
        }
        // Feeling words describing a thing or another person are not the speaker's.
        for (const Found& f : raw) {
            if (f.kind == DisclosureKind::Thing || f.kind == DisclosureKind::Other) {
                blocked_.push_back(f.span);
            }
        }
        std::vector<Found> out;
        for (Found& f : raw) {
            if (counts_as_inner(f.kind)) {
                if (!judge_feeling(f)) {
                    continue;
                }
            }
            out.push_back(std::move(f));
        }
        return settle(std::move(out));
    }

private:
    // A feeling word is negated when a negator comes before it in its clause with only
    // transparent words between ("I wasn't upset at all", "I don't feel angry").
    bool negated(std::size_t pos) const {
        const auto& tokens = text_.tokens();
        std::size_t i = pos;
        for (int budget = 5; i > 0 && budget > 0; --budget) {
            const Token& before = tokens[i - 1];
            if (before.clause != tokens[pos].clause) {
                return false;
            }
            if (has_id(c_.negator_ids, before)) {
                const TokenSpan at{i - 1, i};
                return std::none_of(not_negation_.begin(), not_negation_.end(),
                                    [&](const TokenSpan& s) { return overlaps(s, at); });
            }
            if (!has_id(c_.transparent_ids, before)) {
                return false;
            }
            --i;
        }
        return false;
    }

    bool blocked(std::size_t pos) const {
        const TokenSpan at{pos, pos + 1};
        return std::any_of(blocked_.begin(), blocked_.end(),
                           [&](const TokenSpan& s) { return overlaps(s, at); });
    }

    // The longest feeling hit at a token: its length (0 for none) and its emotions.
    // Words that are feelings only after "feel" (`after_feel`) count only inside a match.
    std::size_t feeling_at(std::size_t pos, bool after_feel,
                           std::vector<CoreEmotion>& emotions) const {
        auto counts = [&](const SlotHit& h) {
            return c_.slot_is_feeling[h.slot] && (after_feel || !c_.slot_needs_feel[h.slot]);
        };
        std::size_t longest = 0;
        for (const SlotHit& h : text_.hits()[pos]) {
            if (counts(h) && h.length > longest) {
                longest = h.length;
            }
        }
        for (const SlotHit& h : text_.hits()[pos]) {
            if (counts(h) && h.length == longest && c_.slot_emotion[h.slot]) {
                emotions.push_back(*c_.slot_emotion[h.slot]);
            }
        }
        return longest;
    }

    // Keeps a feeling match when some feeling word in it (or joined to it: "angry and then
    // sad") is the speaker's and not negated; a match whose every feeling is negated becomes
    // a Negated match. Body language and fixed-emotion phrases carry their own emotion.
    bool judge_feeling(Found& f) {
        if (f.criterion->emotion) {
            f.emotions.push_back(*f.criterion->emotion);
            return true;
        }
        const auto& tokens = text_.tokens();
        bool any = false, any_negated = false;
        auto take = [&](std::size_t pos, std::size_t& length, bool inside) {
            std::vector<CoreEmotion> emotions;
            length = feeling_at(pos, inside, emotions);
            if (length == 0 || blocked(pos)) {
                return false;
            }
            if (negated(pos)) {
                any_negated = true;
                return false;
            }
            any = true;
            f.emotions.insert(f.emotions.end(), emotions.begin(), emotions.end());
            return true;
        };
        for (std::size_t i = f.span.first; i < f.span.end;) {
            std::size_t length = 0;
            take(i, length, true);
            i += std::max<std::size_t>(length, 1);
        }
        if (!any) {
            if (any_negated) {
                f.kind = DisclosureKind::Negated;
                return true;
            }
            return false;
        }
        // Coordinated feelings after the match: "I was nervous but also excited".
        std::size_t pos = f.span.end;
        while (pos < tokens.size() && tokens[pos].sentence == tokens[f.span.first].sentence) {
            std::size_t skip = pos;
            while (skip < tokens.size() && skip - pos < 5 &&
                   has_id(c_.coordination_ids, tokens[skip]) &&
                   tokens[skip].sentence == tokens[pos].sentence) {
                ++skip;
            }
            // Joined by a word between, or by the match's own last word ("Scared and excited").
            // A comma list joins them too ("Happy, tired, a little overwhelmed").
            const bool joined = skip > pos || has_id(c_.coordination_ids, tokens[pos - 1]) ||
                                tokens[pos].clause != tokens[pos - 1].clause;
            if (!joined || skip >= tokens.size() || tokens[skip].sentence != tokens[pos].sentence) {
                break;
            }
            std::size_t length = 0;
            if (!take(skip, length, false)) {
                break;
            }
            f.span.end = skip + length;
            pos = f.span.end;
        }
        return true;
    }

    // Overlapping own-feeling matches merge; a trap or outer match under an own feeling goes.
    std::vector<Found> settle(std::vector<Found> found) const {
        std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
            return a.span.first < b.span.first ||
                   (a.span.first == b.span.first && a.span.end > b.span.end);
        });
        std::vector<Found> own;
        for (Found& f : found) {
            if (!counts_as_inner(f.kind)) {
                continue;
            }
            if (!own.empty() && overlaps(own.back().span, f.span)) {
                own.back().span.end = std::max(own.back().span.end, f.span.end);
                own.back().emotions.insert(own.back().emotions.end(), f.emotions.begin(),
                                           f.emotions.end());
                continue;
            }
            own.push_back(std::move(f));
        }
        std::vector<Found> out = own;
        std::vector<Found> others;
        for (Found& f : found) {
            if (f.criterion == nullptr || counts_as_inner(f.kind)) {
                continue;
            }
            const bool under_own = std::any_of(
                own.begin(), own.end(), [&](const Found& o) { return overlaps(o.span, f.span); });
            const bool repeated = std::any_of(others.begin(), others.end(), [&](const Found& o) {
                return o.kind == f.kind && overlaps(o.span, f.span);
            });
            if (!under_own && !repeated) {
                others.push_back(std::move(f));
            }
        }
        out.insert(out.end(), others.begin(), others.end());
        std::stable_sort(out.begin(), out.end(), [](const Found& a, const Found& b) {
            return a.span.first < b.span.first;
        });
        for (Found& f : out) {
            sort_emotions(f.emotions);
        }
        return out;
    }

    const DisclosureCriteria& c_;
    const Text& text_;
    std::vector<TokenSpan> not_negation_;
    std::vector<TokenSpan> blocked_;
};

// ============================================================================
// [SECTION] Feedback
// ============================================================================

std::string fill(std::string text, const std::string& key, const std::string& value) {
    const std::string token = "{" + key + "}";
    for (auto pos = text.find(token); pos != std::string::npos;
         pos = text.find(token, pos + value.size())) {
        text.replace(pos, token.size(), value);
    }
    return text;
}

std::string emotion_names(const DisclosureCriteria& c, const std::vector<CoreEmotion>& emotions) {
    std::string out;
    for (std::size_t i = 0; i < emotions.size(); ++i) {
        if (i > 0) {
            out += i + 1 == emotions.size() ? " and " : ", ";
        }
        out += c.text(std::string("emotion.") + core_emotion_id(emotions[i]));
    }
    return out;
}

std::vector<std::string> feedback(const DisclosureCriteria& c, const Disclosure& d,
                                  std::string_view text) {
    std::vector<std::string> out;
    auto words_of = [&](DisclosureKind kind) -> std::optional<std::string> {
        for (const DisclosureMatch& m : d.matches) {
            if (m.kind == kind) {
                return std::string(text.substr(m.begin, m.end - m.begin));
            }
        }
        return std::nullopt;
    };
    if (d.layer == Layer::Inner) {
        const bool named =
            std::any_of(d.matches.begin(), d.matches.end(),
                        [](const DisclosureMatch& m) { return m.kind == DisclosureKind::Feeling; });
        if (!named) {
            // Only the body spoke: name what it seems to say and ask for the word.
            out.push_back(fill(
                fill(c.text("inner_body"), "words", words_of(DisclosureKind::Body).value_or("")),
                "emotions", emotion_names(c, d.emotions)));
        } else if (!d.emotions.empty()) {
            out.push_back(fill(c.text("inner"), "emotions", emotion_names(c, d.emotions)));
        } else {
            out.push_back(c.text("inner_no_core"));
        }
        for (CoreEmotion e : c.missing_order) {
            if (std::find(d.emotions.begin(), d.emotions.end(), e) == d.emotions.end()) {
                out.push_back(c.text(std::string("missing.") + core_emotion_id(e)));
                break;
            }
        }
        return out;
    }
    bool explained = false;
    for (const auto& [kind, key] : {std::pair{DisclosureKind::Thought, "thought"},
                                    {DisclosureKind::Other, "other"},
                                    {DisclosureKind::Thing, "thing"},
                                    {DisclosureKind::Negated, "negated"}}) {
        if (auto words = words_of(kind)) {
            out.push_back(fill(c.text(key), "words", *words));
            explained = true;
            break;
        }
    }
    if (!explained) {
        out.push_back(c.text("outer"));
    }
    out.push_back(c.text("outer_hint"));
    return out;
}

} // namespace

Disclosure DisclosureAnalyser::analyse(std::string_view text) const {
    const DisclosureCriteria& c = *criteria_;
    Disclosure d;
    if (text.size() > kMaxDisclosureBytes) {
        d.error =
            fill(c.text("too_long"), "limit", std::to_string(kMaxDisclosureBytes / 1024) + " KiB");
        d.feedback.push_back(d.error);
        return d;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        d.error = fill(c.text("invalid_utf8"), "offset", std::to_string(*bad));
        d.feedback.push_back(d.error);
        return d;
    }
    const Text analysed(c, text);
    if (analysed.tokens().empty()) {
        d.feedback.push_back(c.text("empty"));
        return d;
    }
    for (Found& f : Judge(c, analysed).run()) {
        DisclosureMatch m;
        m.kind = f.kind;
        m.criterion = f.criterion->id;
        std::tie(m.begin, m.end) = analysed.bytes(f.span);
        // A feeling criterion whose every feeling was negated explains the negation instead.
        m.explain = f.kind == f.criterion->kind ? f.criterion->explain : c.text("explain.negated");
        if (counts_as_inner(f.kind)) {
            d.layer = Layer::Inner;
            m.emotions = std::move(f.emotions);
            d.emotions.insert(d.emotions.end(), m.emotions.begin(), m.emotions.end());
        }
        d.matches.push_back(std::move(m));
    }
    sort_emotions(d.emotions);
    d.feedback = feedback(c, d, text);
    return d;
}

} // namespace et
