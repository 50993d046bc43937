// Scoring: tokenise, find validation and mistake phrases (with negation and exceptions),
// find partner-card references and links for Level Two, then weigh and explain.
//
// (Preparing a step is in scorer_prepare.cpp; the JSON output in score_json.cpp.)
//
// [SECTION] Per-response analysis (scorer_analysis.hpp)
// [SECTION] Level Two
// [SECTION] Scoring, feedback
#include "core/scorer.hpp"

#include "core/scorer_analysis.hpp"
#include "core/scorer_internal.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <set>

namespace et {

using scoring::contains;
using scoring::format_text;

const char* match_kind_id(MatchKind kind) {
    switch (kind) {
    case MatchKind::LevelOne: return "level_one";
    case MatchKind::LevelTwo: return "level_two";
    case MatchKind::Link: return "link";
    case MatchKind::Mistake: return "mistake";
    }
    return "";
}

std::vector<std::string> Score::feedback() const {
    std::vector<std::string> all = worked;
    all.insert(all.end(), avoid.begin(), avoid.end());
    return all;
}

bool Score::has(Mistake m) const { return std::find(mistakes.begin(), mistakes.end(), m) != mistakes.end(); }

ScoringStep scoring_step(const Scenario& scenario, const Step& step) {
    return ScoringStep{scenario.partner.name, step.partner_says, step.feelings, scenario.partner.card};
}

using scoring::Analysis;
using scoring::Candidate;
using scoring::contains_mistake;
using scoring::overlaps;

// ============================================================================
// [SECTION] Level Two
// ============================================================================

namespace {

struct CardReference {
    const CardFact* fact = nullptr;
    TokenSpan span;
};

// Finds card phrases in the response: all content words of a phrase, in order, within
// one sentence, skipping determiners and stop words ("your mum" matches "my mum").
std::vector<CardReference> find_card_references(const PreparedStep& step, const Analysis& a,
                                                const Criteria& c) {
    std::vector<CardReference> refs;
    const auto& tokens = a.tokens();
    std::vector<std::size_t> content_words; // indices of content tokens
    std::vector<std::size_t> every;   // indices of all tokens, for whole cues
    // Per token: the stem it compares as ("lawyer" as "attorney").
    std::vector<const std::string*> stems;
    stems.reserve(tokens.size());
    // Words of a set phrase ("of course", "at least") never name something on the card.
    std::vector<bool> idiom(tokens.size(), false);
    // Only the idioms that begin with the token's word, found by the sorted first words.
    const auto idioms_end = c.card_idiom_ids.end();
    const auto before = [](const std::vector<int>& ids, int id) {
        return ids.empty() || ids.front() < id;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const int first = tokens[i].text_id;
        for (auto it = std::lower_bound(c.card_idiom_ids.begin(), idioms_end, first, before);
             it != idioms_end && it->front() == first; ++it) {
            const std::vector<int>& ids = *it;
            if (i + ids.size() <= tokens.size() &&
                std::equal(ids.begin(), ids.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i),
                           [](int id, const Token& t) { return id == t.text_id; })) {
                std::fill(idiom.begin() + static_cast<std::ptrdiff_t>(i),
                          idiom.begin() + static_cast<std::ptrdiff_t>(i + ids.size()), true);
            }
        }
    }
    // Per token, the quick keys of its stem and of the stem it compares as; and all of them,
    // sorted, to skip at once the phrases (most of a card's) whose first word has neither of
    // its keys among them.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keys;
    keys.reserve(tokens.size());
    std::vector<std::uint64_t> any_keys;
    any_keys.reserve(2 * tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        stems.push_back(&c.card_stem(tokens[i].stem_id, tokens[i].stem));
        keys.emplace_back(quick_key(tokens[i].stem), quick_key(*stems.back()));
        any_keys.push_back(keys.back().first);
        if (keys.back().second != keys.back().first) {
            any_keys.push_back(keys.back().second);
        }
        if (idiom[i]) {
            continue;
        }
        every.push_back(i);
        if (tokens[i].text_id < 0 ||
            !std::binary_search(c.determiner_ids.begin(), c.determiner_ids.end(),
                                tokens[i].text_id)) {
            content_words.push_back(i);
        }
    }
    std::sort(any_keys.begin(), any_keys.end());
    const auto has_key = [&](std::uint64_t key) {
        return std::binary_search(any_keys.begin(), any_keys.end(), key);
    };
    // A phrase matches when its words appear in order within one sentence, with at most
    // two other words between neighbours ("your dad always said" matches "dad said").
    constexpr std::size_t kMaxGap = 2;
    for (const PreparedFact& pf : step.facts) {
        for (const CardPhrase& phrase : pf.phrases) {
            const auto first_keys = phrase.keys[0];
            if (!has_key(first_keys.first) &&
                (first_keys.second == first_keys.first || !has_key(first_keys.second))) {
                continue;
            }
            const std::vector<std::size_t>& content = phrase.whole ? every : content_words;
            // A synonym counts unless the partner just said it: "the hospital" they mentioned
            // is not a memory of "the ward" on the card.
            std::pair<std::uint64_t, std::uint64_t> word_keys;
            const auto same_thing = [&](std::size_t token, std::size_t word) {
                return (keys[token].first == word_keys.first &&
                        tokens[token].stem == phrase.stems[word]) ||
                       (keys[token].second == word_keys.second &&
                        *stems[token] == phrase.compared[word] &&
                        step.said_stems.count(tokens[token].stem) == 0);
            };
            for (std::size_t k = 0; k < content.size(); ++k) {
                word_keys = first_keys;
                if (!same_thing(content[k], 0)) {
                    continue;
                }
                std::size_t at = k;
                bool found = true;
                for (std::size_t m = 1; m < phrase.stems.size() && found; ++m) {
                    found = false;
                    word_keys = phrase.keys[m];
                    for (std::size_t next = at + 1; next < content.size() && next <= at + 1 + kMaxGap; ++next) {
                        if (tokens[content[next]].sentence != tokens[content[k]].sentence) {
                            break;
                        }
                        if (same_thing(content[next], m)) {
                            at = next;
                            found = true;
                            break;
                        }
                    }
                }
                if (found) {
                    refs.push_back({pf.fact, TokenSpan{content[k], content[at] + 1}});
                }
            }
        }
    }
    return refs;
}

} // namespace

// ============================================================================
// [SECTION] Scoring, feedback
// ============================================================================

Score Scorer::score(const ScoringStep& step, std::string_view response) const {
    return score(*prepare(step), response);
}

Score Scorer::score(const PreparedStep& step, std::string_view response) const {
    const Criteria& c = *criteria_;
    Score result;
    const auto name_vars = [&](std::vector<std::pair<std::string, std::string>> extra = {}) {
        extra.emplace_back("name", step.step.partner_name.empty() ? "them" : step.step.partner_name);
        extra.emplace_back("feeling", step.step.feelings.empty() ? "that way" : step.feelings_named);
        return extra;
    };

    if (response.size() > kMaxResponseBytes) {
        result.error = format_text(c.text("too_long"),
                                   {{"limit", std::to_string(kMaxResponseBytes / 1024) + " KiB"}});
        result.avoid.push_back(result.error);
        return result;
    }
    if (const auto bad = find_invalid_utf8(response)) {
        result.error = format_text(c.text("invalid_utf8"), {{"offset", std::to_string(*bad)}});
        result.avoid.push_back(result.error);
        return result;
    }

    const Analysis a = [&] {
        if (!memo_) {
            return Analysis(c, response); // a moved-from scorer
        }
        const std::lock_guard<std::mutex> hold(memo_->lock);
        return Analysis(c, response, &memo_->words);
    }();
    if (a.tokens().empty()) {
        result.worked.push_back(format_text(c.text("empty"), name_vars()));
        result.score = 0;
        return result;
    }

    // Validation candidates.
    std::vector<Candidate> validations;
    for (const Criterion& crit : c.level_one) {
        a.find(crit, std::nullopt, validations);
    }
    // A validation inside a wh-question explores rather than validates; conditionals
    // and other exceptions from the criteria file don't count either.
    for (Candidate& v : validations) {
        if (a.any_match(c.level_one_except, v.span)) {
            v.dropped = true;
        }
        const auto sentence = a.tokens()[v.span.first].sentence;
        std::size_t first = v.span.first;
        while (first > 0 && a.tokens()[first - 1].sentence == sentence) {
            --first;
        }
        if (a.tokens()[first].question && contains(c.question_words, a.tokens()[first].text)) {
            v.dropped = true;
        }
    }
    // Mistake candidates, minus exceptions and negated phrases ("I don't understand why").
    std::vector<Candidate> mistakes;
    std::vector<Candidate> found;
    for (Mistake m : kAllMistakes) {
        const MistakeCriteria& mc = c.mistakes[static_cast<std::size_t>(m)];
        found.clear();
        for (const Criterion& crit : mc.criteria) {
            a.find(crit, m, found);
        }
        for (const Candidate& cand : found) {
            if (!cand.negated && !a.quoted(cand.span) && !a.any_match(mc.except, cand.span)) {
                mistakes.push_back(cand);
            }
        }
    }
    // Some mistakes absorb others in the same sentence (a suggestion inside a
    // problem-solving question is the question).
    for (const Candidate& m : mistakes) {
        const MistakeCriteria& mc = c.mistakes[static_cast<std::size_t>(*m.mistake)];
        for (Candidate& other : mistakes) {
            if (&other == &m || other.mistake == m.mistake) {
                continue;
            }
            const bool same_sentence = a.tokens()[other.span.first].sentence == a.tokens()[m.span.first].sentence;
            if ((same_sentence && contains_mistake(mc.absorbs, *other.mistake)) ||
                (overlaps(other.span, m.span) && contains_mistake(mc.absorbs_overlapping, *other.mistake))) {
                other.dropped = true;
            }
        }
    }
    mistakes.erase(std::remove_if(mistakes.begin(), mistakes.end(), [](const Candidate& m) { return m.dropped; }),
                   mistakes.end());
    // A validation that is negated ("doesn't sound so bad") minimises the feeling,
    // unless a positive validation covers the same words ("not knowing is the hardest part").
    for (Candidate& v : validations) {
        if (!v.negated || v.dropped) {
            continue;
        }
        const bool covered = std::any_of(validations.begin(), validations.end(), [&](const Candidate& o) {
            return !o.negated && overlaps(o.span, v.span) && o.span.first <= v.span.first &&
                   o.span.end >= v.span.end && &o != &v;
        });
        if (!covered) {
            Candidate d = v;
            d.dropped = false;
            d.mistake = Mistake::Dismissing;
            mistakes.push_back(d);
        }
    }
    // Dismissing words inside a validation-looking phrase win ("you're just tired"), and
    // some mistakes cancel weak validations anywhere ("Nice. What's for dinner?").
    for (Candidate& v : validations) {
        for (const Candidate& m : mistakes) {
            if (m.mistake == Mistake::Dismissing && overlaps(m.span, v.span)) {
                v.dropped = true;
            }
            const MistakeCriteria& mc = c.mistakes[static_cast<std::size_t>(*m.mistake)];
            const bool later = v.span.first >= m.span.end;
            const bool same_sentence = a.tokens()[v.span.first].sentence == a.tokens()[m.span.first].sentence;
            const bool within = v.span.first >= m.span.first && v.span.end <= m.span.end;
            if (contains(mc.cancels, v.criterion->id) || (later && contains(mc.cancels_after, v.criterion->id)) ||
                (later && same_sentence && contains(mc.cancels_later_in_sentence, v.criterion->id)) ||
                (within && contains(mc.cancels_within, v.criterion->id))) {
                v.dropped = true;
            }
        }
    }
    std::vector<const Candidate*> kept;
    for (const Candidate& v : validations) {
        if (!v.dropped && !v.negated) {
            kept.push_back(&v);
        }
    }
    // Overlapping validations: keep the longest (a match explains its words once).
    std::sort(kept.begin(), kept.end(), [](const Candidate* x, const Candidate* y) {
        const auto lx = x->span.end - x->span.first, ly = y->span.end - y->span.first;
        return lx != ly ? lx > ly : x->span.first < y->span.first;
    });
    std::vector<const Candidate*> shown;
    for (const Candidate* v : kept) {
        if (std::none_of(shown.begin(), shown.end(), [&](const Candidate* s) { return overlaps(s->span, v->span); })) {
            shown.push_back(v);
        }
    }
    result.level = shown.empty() ? 0 : 1;
    for (const Candidate* v : shown) {
        const auto [b, e] = a.bytes(v->span);
        result.matches.push_back({MatchKind::LevelOne, v->criterion->id, std::nullopt, "", b, e, v->criterion->explain});
    }

    // Named feeling: a feeling word inside a validation that is the partner's own
    // feeling or shares its core emotion.
    std::string named;
    for (const Candidate* v : shown) {
        for (std::size_t i = v->span.first; i < v->span.end && named.empty(); ++i) {
            for (const SlotHit& h : a.hits()[i]) {
                if (h.slot >= 4) {
                    continue;
                }
                const bool same_word = contains(step.feeling_stems, a.tokens()[i].stem);
                const bool same_emotion = std::find(step.feeling_emotions.begin(), step.feeling_emotions.end(),
                                                    kCoreEmotions[h.slot]) != step.feeling_emotions.end();
                if (same_word || same_emotion) {
                    // The whole lexicon phrase: "over the moon", not "over".
                    const Token& last = a.tokens()[std::min(i + h.length, a.tokens().size()) - 1];
                    named = std::string(response.substr(a.tokens()[i].begin, last.end - a.tokens()[i].begin));
                    break;
                }
            }
        }
    }
    result.named_feeling = !named.empty();

    // Level Two: a validation, a card reference (not used to judge) and a link.
    const auto refs = find_card_references(step, a, c);
    std::vector<Candidate> links;
    for (const Criterion& crit : c.links) {
        a.find(crit, std::nullopt, links);
    }
    const CardReference* used = nullptr;
    const Candidate* used_link = nullptr;
    if (!shown.empty()) {
        for (const CardReference& ref : refs) {
            const auto ref_sentence = a.tokens()[ref.span.first].sentence;
            const auto ref_clause = a.tokens()[ref.span.first].clause;
            const bool judging = std::any_of(mistakes.begin(), mistakes.end(), [&](const Candidate& m) {
                return a.tokens()[m.span.first].clause == ref_clause ||
                       a.tokens()[m.span.end - 1].clause == ref_clause;
            });
            if (judging) {
                continue; // the card used to judge or to advise ("your mother issues again") is not Level Two
            }
            // "my dad" is the listener's own story, not the partner's dad on the card.
            if (ref.span.first > 0 && contains(c.self_words, a.tokens()[ref.span.first - 1].text)) {
                continue;
            }
            const bool validation_near = std::any_of(shown.begin(), shown.end(), [&](const Candidate* v) {
                if (contains(c.slight_validations, v->criterion->id)) {
                    return false;
                }
                const int d = static_cast<int>(a.tokens()[v->span.first].sentence) - ref_sentence;
                return d >= -1 && d <= 1;
            });
            if (!validation_near) {
                continue;
            }
            for (const Candidate& l : links) {
                const auto link_sentence = a.tokens()[l.span.first].sentence;
                const bool in_validation_sentence = std::any_of(shown.begin(), shown.end(), [&](const Candidate* v) {
                    return a.tokens()[v->span.first].sentence == link_sentence;
                });
                if (!l.negated && (link_sentence == ref_sentence || in_validation_sentence)) {
                    used = &ref;
                    used_link = &l;
                    break;
                }
            }
            if (used != nullptr) {
                break;
            }
        }
    }
    if (used != nullptr) {
        result.level = 2;
        const auto [b, e] = a.bytes(used->span);
        result.matches.push_back({MatchKind::LevelTwo, "card_reference", std::nullopt, used->fact->id, b, e,
                                  format_text(c.level_two_explain, {{"fact", used->fact->text}})});
        const auto [lb, le] = a.bytes(used_link->span);
        result.matches.push_back({MatchKind::Link, used_link->criterion->id, std::nullopt, "", lb, le,
                                  used_link->criterion->explain});
    }

    // Mistakes: distinct ids, each phrase shown once.
    std::vector<const Candidate*> shown_mistakes;
    for (const Candidate& m : mistakes) {
        const bool duplicate = std::any_of(shown_mistakes.begin(), shown_mistakes.end(), [&](const Candidate* s) {
            return s->mistake == m.mistake && overlaps(s->span, m.span);
        });
        if (!duplicate) {
            shown_mistakes.push_back(&m);
        }
    }
    for (Mistake m : kAllMistakes) {
        if (std::any_of(shown_mistakes.begin(), shown_mistakes.end(), [&](const Candidate* s) { return s->mistake == m; })) {
            result.mistakes.push_back(m);
        }
    }
    // The learned cues' second opinion, only for a response the patterns found clean (after a
    // pattern's finding they mostly mistook one mistake for another). It cancels no validation.
    if (result.mistakes.empty() && !c.learned_cues.empty()) {
        std::vector<std::string_view> validated_by; // silences some columns (see LearnedCues)
        for (const Candidate& v : validations) {
            if (!v.dropped) {
                validated_by.push_back(v.criterion->id);
            }
        }
        for (const CueFinding& f : find_cue_mistakes(c.learned_cues, response, validated_by)) {
            result.mistakes.push_back(f.mistake);
            result.matches.push_back({MatchKind::Mistake, "learned_cues", f.mistake, "", f.begin, f.end,
                                      c.learned_cues.explain});
        }
    }
    for (const Candidate* m : shown_mistakes) {
        const auto [b, e] = a.bytes(m->span);
        // Negated validations are the only negated candidates that reach this list.
        result.matches.push_back({MatchKind::Mistake, m->negated ? "negated_validation" : m->criterion->id,
                                  m->mistake, "", b, e,
                                  m->negated ? c.text("negated_validation") : m->criterion->explain});
    }
    std::sort(result.matches.begin(), result.matches.end(),
              [](const Match& x, const Match& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; });

    // Score.
    int points = c.level_points[static_cast<std::size_t>(result.level)];
    if (result.named_feeling) {
        points += c.named_feeling_bonus;
    }
    for (Mistake m : result.mistakes) {
        points -= c.mistakes[static_cast<std::size_t>(m)].weight;
    }
    result.score = std::clamp(points, 0, 100);

    // ========================================================================
    // [SECTION] Feedback and suggestion
    // ========================================================================
    const PreparedFact* best_fact = nullptr;
    for (const PreparedFact& pf : step.facts) {
        if (best_fact == nullptr || pf.relevance > best_fact->relevance) {
            best_fact = &pf;
        }
    }
    if (result.level == 2) {
        result.worked.push_back(format_text(c.text("level_2"), name_vars({{"fact", used->fact->text}})));
    } else if (result.level == 1) {
        result.worked.push_back(format_text(c.text("level_1"), name_vars()));
        if (!shown.empty() && !shown.front()->criterion->explain.empty()) {
            result.worked.push_back(shown.front()->criterion->explain);
        }
    } else {
        result.worked.push_back(format_text(c.text("level_0"), name_vars()));
    }
    if (result.level >= 1) {
        result.worked.push_back(result.named_feeling
                                    ? format_text(c.text("named_feeling"), name_vars({{"word", named}}))
                                    : format_text(c.text("generic_validation"), name_vars()));
    }
    if (result.level < 2 && best_fact != nullptr) {
        if (refs.empty()) {
            result.worked.push_back(format_text(c.text("no_card_reference"), name_vars({{"fact", best_fact->fact->text}})));
        } else if (result.level == 0) {
            result.worked.push_back(format_text(c.text("no_validation_for_card"), name_vars({{"fact", refs.front().fact->text}})));
        } else {
            result.worked.push_back(format_text(c.text("no_link"), name_vars({{"fact", refs.front().fact->text}})));
        }
    }
    for (Mistake m : result.mistakes) {
        const MistakeCriteria& mc = c.mistakes[static_cast<std::size_t>(m)];
        result.avoid.push_back(mc.title + ": " + mc.why);
    }
    if (result.mistakes.empty() && result.level >= 1) {
        result.worked.push_back(format_text(c.text("clean"), name_vars()));
    }

    if (result.level < 2) {
        result.suggestion = step.suggestion;
    }
    return result;
}


} // namespace et
