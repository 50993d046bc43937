// Preparing a step for scoring: card references, the partner's words, and the suggested
// better response, all computed once per step.
#include "core/scorer.hpp"
#include "core/scorer_internal.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <tuple>

namespace et {

namespace scoring {

bool sorted_contains(const std::vector<std::string>& sorted, const std::string& word) {
    return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool contains(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string format_text(std::string text, const std::vector<std::pair<std::string, std::string>>& vars) {
    for (const auto& [key, value] : vars) {
        const std::string token = "{" + key + "}";
        for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos + value.size())) {
            text.replace(pos, token.size(), value);
        }
    }
    return text;
}

} // namespace scoring

using scoring::contains;
using scoring::format_text;
using scoring::sorted_contains;

namespace {

// Stems of a phrase's content words: its tokens without stop words, determiners and
// `exclude_words`.
std::vector<std::string> content_stems(const std::vector<Token>& tokens, const Criteria& c,
                                       const std::set<std::string>& exclude_words) {
    std::vector<std::string> out;
    for (const Token& t : tokens) {
        if (sorted_contains(c.determiners, t.text) || sorted_contains(c.stopwords, t.text) ||
            exclude_words.count(t.text) > 0) {
            continue;
        }
        out.push_back(t.stem);
    }
    return out;
}

bool is_feeling_word(const Criteria& c, const std::string& stem) {
    for (std::size_t slot = 0; slot < static_cast<std::size_t>(c.first_list_slot); ++slot) {
        for (const auto& e : c.slot_entries[slot]) {
            if (e.words.size() == 1 && e.stems.front() == stem) { // stems filled at load
                return true;
            }
        }
    }
    return false;
}

// A verb after "you" in the plain form: "replays" -> "replay", "worries" -> "worry",
// "watches" -> "watch". The criteria's perspective list ("@has": "have") is asked first.
std::string plain_verb(const std::string& verb) {
    auto ends = [&](const char* suffix) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        return verb.size() > n + 1 && verb.compare(verb.size() - n, n, suffix) == 0;
    };
    if (ends("ies")) {
        return verb.substr(0, verb.size() - 3) + "y";
    }
    if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") || ends("oes")) {
        return verb.substr(0, verb.size() - 2);
    }
    if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
        return verb.substr(0, verb.size() - 1);
    }
    return verb;
}

enum class Pronouns { He, She, They };

std::optional<Pronouns> pronouns_of(const std::string& folded) {
    static const std::vector<std::string> he = {"he",   "him",  "his",  "himself",
                                                "he's", "he'd", "he'll"};
    static const std::vector<std::string> she = {"she",   "her",   "hers",  "herself",
                                                 "she's", "she'd", "she'll"};
    static const std::vector<std::string> they = {
        "they", "them", "their", "theirs", "themselves", "they're", "they'd", "they'll", "they've"};
    if (contains(he, folded)) {
        return Pronouns::He;
    }
    if (contains(she, folded)) {
        return Pronouns::She;
    }
    if (contains(they, folded)) {
        return Pronouns::They;
    }
    return std::nullopt;
}

// A card fact's words as written, case-folded, and the ",", ";" or ":" after each.
struct FactWord {
    std::string text, folded, trailing;
};

std::vector<FactWord> fact_words(const std::string& fact) {
    std::vector<FactWord> words;
    for (std::size_t i = 0; i < fact.size();) {
        std::size_t j = fact.find(' ', i);
        if (j == std::string::npos) {
            j = fact.size();
        }
        FactWord w;
        w.text = fact.substr(i, j - i);
        w.folded = fold_case(w.text);
        while (!w.folded.empty() && std::string(",;:").find(w.folded.back()) != std::string::npos) {
            w.trailing.insert(w.trailing.begin(), w.folded.back());
            w.folded.pop_back();
        }
        w.text.resize(w.folded.size());
        if (!w.folded.empty()) {
            words.push_back(std::move(w));
        }
        i = j + 1;
    }
    return words;
}

// The partner's pronouns, read off the card: in each fact that names the partner (not as
// "Dana's", whose next pronoun is likely the other person's: "Dana's brother ... his"), the
// first third-person pronoun after the name, unless another name comes first ("Dana helped
// train Mark when he joined": "he" is Mark); the most common wins.
std::optional<Pronouns> partner_pronouns(const std::vector<std::string>& name_words,
                                         const std::vector<CardFact>& card) {
    int votes[3] = {0, 0, 0};
    for (const CardFact& fact : card) {
        // A sentence's last word keeps its full stop in `folded`.
        std::vector<std::string> words;
        std::vector<bool> capitalised;
        for (FactWord& w : fact_words(fact.text)) {
            while (!w.folded.empty() && std::string(".!?").find(w.folded.back()) != std::string::npos) {
                w.folded.pop_back();
            }
            capitalised.push_back(!w.text.empty() && w.text[0] >= 'A' && w.text[0] <= 'Z');
            words.push_back(std::move(w.folded));
        }
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (!contains(name_words, words[k])) {
                continue;
            }
            for (std::size_t j = k + 1; j < words.size(); ++j) {
                if (const auto p = pronouns_of(words[j])) {
                    ++votes[static_cast<int>(*p)];
                    break;
                }
                if (capitalised[j] && !contains(name_words, words[j])) {
                    break; // someone else is named before any pronoun
                }
            }
            break;
        }
    }
    const int* best = std::max_element(std::begin(votes), std::end(votes));
    if (*best == 0 || std::count(std::begin(votes), std::end(votes), *best) > 1) {
        return std::nullopt; // no fact says, or they disagree evenly
    }
    return static_cast<Pronouns>(best - std::begin(votes));
}

// A card fact retold to the partner, for "given that {fact}": "Sam replays conversations
// for days" -> "you replay conversations for days", "it costs her a lot" -> "it costs you a
// lot", "her sister" -> "your sister". Third-person pronouns are the partner's unless the
// card shows the partner's are others ("Marcus ... blames himself when she struggles": "she"
// is his daughter, and stays).
std::string retell_fact(const Criteria& c, const std::string& partner_name, std::string fact,
                        std::optional<Pronouns> partner) {
    while (!fact.empty() && (fact.back() == '.' || fact.back() == ' ')) {
        fact.pop_back();
    }
    const auto name_words = normalise_words(partner_name, c.normalisation);
    auto perspective = [&](const std::string& key) -> const std::string* {
        const auto it = std::find_if(c.perspective.begin(), c.perspective.end(),
                                     [&](const auto& kv) { return kv.first == key; });
        return it == c.perspective.end() ? nullptr : &it->second;
    };
    auto is_stopword = [&](const std::string& w) { return contains(c.stopwords, w); };
    static const std::vector<std::string> kAdverbs = {
        "always", "never", "still", "often", "usually", "sometimes", "rarely", "also",
        "just", "really", "only", "even", "already", "seldom", "barely", "hardly"};
    static const std::vector<std::string> kClauseStarts = {
        "and", "but", "or", "that", "because", "when", "so", "since", "while", "after",
        "before", "until", "if", "although", "though", "who", "where", "as", "what", "how"};
    static const std::vector<std::string> kSubjectPronouns = {"she", "he", "they"};
    // After "her", these say it is the object ("costs her a lot"), not "her sister".
    static const std::vector<std::string> kAfterObject = {
        "a", "an", "the", "to", "for", "with", "at", "in", "on", "about", "and", "or", "but",
        "when", "that", "so", "up", "down", "out", "off", "back", "again", "too", "as",
        "from", "by", "into", "feel", "feeling", "think", "like", "more", "most", "every", "each",
        "twice", "once", "all", "she", "he", "it", "they", "you", "i", "we"};
    // A card may speak of the listener as "you" ("You have cancelled plans with Sam"): retold
    // to the partner, that is "I".
    static const std::vector<std::pair<std::string, std::string>> kListener = {
        {"your", "my"}, {"yours", "mine"}, {"yourself", "myself"}, {"you've", "I've"}, {"you'd", "I'd"},
        {"you'll", "I'll"}, {"you're", "I'm"}};

    const std::vector<FactWord> words = fact_words(fact);

    std::string out;
    bool clause_start = true;   // the next word may be a clause's subject
    bool subject_you = false;   // this clause's subject is the partner
    bool verb_next = false;     // the next word (past adverbs) is the partner's verb
    for (std::size_t k = 0; k < words.size(); ++k) {
        const FactWord& w = words[k];
        const bool possessive = w.folded.size() > 2 && w.folded.compare(w.folded.size() - 2, 2, "'s") == 0;
        const std::string base = possessive ? w.folded.substr(0, w.folded.size() - 2) : w.folded;
        std::string said = w.text;
        bool is_subject_you = false;
        const bool verb_follows =
            k + 1 < words.size() && perspective("@" + words[k + 1].folded) != nullptr;
        const auto pronouns = pronouns_of(w.folded);
        const bool after_and = subject_you && k > 0 && (words[k - 1].folded == "and" || words[k - 1].folded == "or");
        const auto listener = std::find_if(kListener.begin(), kListener.end(),
                                           [&](const auto& kv) { return kv.first == w.folded; });
        if (w.folded == "you") {
            said = clause_start ? "I" : "me";
        } else if (listener != kListener.end()) {
            said = listener->second;
        } else if (k > 0 && out.size() >= 2 && out.compare(out.size() - 2, 2, " I") == 0 &&
                   (w.folded == "are" || w.folded == "were")) {
            said = w.folded == "are" ? "am" : "was";
        } else if (partner && pronouns && *pronouns != *partner && *pronouns != Pronouns::They) {
            // Someone else's "he" or "she": kept. ("They" mostly takes the partner in, as in
            // "their son" or "since they were six", so it is retold.)
        } else if (contains(name_words, base)) {
            said = possessive ? "your" : "you";
            is_subject_you = !possessive && (clause_start || verb_follows);
        } else if (w.folded == "her") {
            const bool object = k + 1 == words.size() || !w.trailing.empty() ||
                                contains(kAfterObject, words[k + 1].folded);
            said = object ? "you" : "your";
        } else if (const std::string* to = perspective(w.folded)) {
            said = *to;
            is_subject_you = contains(kSubjectPronouns, w.folded);
        } else if (verb_next || after_and) {
            if (const std::string* plain = perspective("@" + w.folded)) {
                said = *plain;
            } else if (verb_next && !contains(kAdverbs, w.folded)) {
                said = plain_verb(w.folded);
            }
        }
        if (k == 0 && said == w.text && (is_stopword(w.folded) || perspective(w.folded) != nullptr)) {
            said = w.folded; // "In her first marriage" reads on after "given that"
        }
        const bool adverb = contains(kAdverbs, w.folded);
        // "and still organises": adverbs may stand between "and" and the partner's verb.
        verb_next = is_subject_you || ((verb_next || after_and) && adverb);
        if (is_subject_you) {
            subject_you = true;
        }
        if (!out.empty()) {
            out += ' ';
        }
        out += said + w.trailing;
        const bool ends_clause = w.trailing.find_first_of(";:") != std::string::npos;
        if (ends_clause) {
            subject_you = false;
        }
        clause_start = ends_clause || !w.trailing.empty() || contains(kClauseStarts, w.folded);
    }
    return out;
}

// The feelings a suggestion names: the step's first, and the first of another core emotion
// if there is one ("anxious and hurt"), not the author's whole list of near-synonyms.
// `emotions` gives each feeling's core emotion, if it has one.
std::string feelings_to_name(const std::vector<std::string>& feelings,
                             const std::vector<std::optional<CoreEmotion>>& emotions) {
    if (feelings.empty()) {
        return "";
    }
    for (std::size_t i = 1; i < feelings.size(); ++i) {
        if (emotions.front() && emotions[i] && *emotions[i] != *emotions.front()) {
            return feelings.front() + " and " + feelings[i];
        }
    }
    return feelings.front();
}

// A better response for this step: a Level Two template filled with the feelings it names
// and the most relevant card fact retold to the partner, or a Level One template.
std::string compose_suggestion(const Criteria& c, const ScoringStep& step, const PreparedFact* best_fact,
                               const std::string& feelings_named) {
    std::string suggestion;
    const std::string feeling = step.feelings.empty() ? std::string("this way") : feelings_named;
    if (best_fact != nullptr && !c.level_two_templates.empty()) {
        const auto pronouns =
            partner_pronouns(normalise_words(step.partner_name, c.normalisation), step.card);
        const std::string clause =
            retell_fact(c, step.partner_name, best_fact->owned.text, pronouns);
        const std::string link = c.link_phrases.empty() ? "because" : c.link_phrases.front();
        suggestion = format_text(c.level_two_templates.front(),
                                 {{"feeling", feeling}, {"fact", clause}, {"link", link},
                                  {"name", step.partner_name}});
    } else if (!c.level_one_templates.empty()) {
        suggestion = format_text(c.level_one_templates.front(),
                                 {{"feeling", feeling}, {"name", step.partner_name}});
    }
    if (!suggestion.empty()) {
        suggestion[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(suggestion[0])));
    }
    return suggestion;
}

} // namespace

Scorer::Scorer(const Criteria& criteria) : criteria_(&criteria), memo_(std::make_unique<Memo>()) {
    const Vocabulary* vocabulary = &criteria.vocabulary;
    memo_->words.identify = [vocabulary](WordMemo::Word& w) {
        std::tie(w.text_id, w.stem_id) = vocabulary->ids_of(w.text, w.stem);
    };
}
Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

std::shared_ptr<const PreparedStep> Scorer::prepare(const ScoringStep& step) const {
    const Criteria& c = *criteria_;
    auto p = std::make_shared<PreparedStep>();
    p->step = step;
    for (const Token& t : tokenize(step.partner_says, c.normalisation)) {
        p->said_stems.insert(t.stem);
    }
    std::set<std::string> name_words;
    for (const auto& w : normalise_words(step.partner_name, c.normalisation)) {
        name_words.insert(w);
    }
    for (const CardFact& fact : step.card) {
        PreparedFact pf;
        pf.owned = fact;
        // Tokenized once: its content words serve the references and the relevance, its
        // word pairs the spans of time.
        const auto fact_tokens = tokenize(fact.text, c.normalisation);
        const auto fact_stems = content_stems(fact_tokens, c, name_words);
        std::vector<std::vector<std::string>> candidates;
        std::vector<bool> whole_cues; // parallel to candidates when they come from cues
        if (!fact.cues.empty()) {
            // An author's cue is taken as written: only determiners are dropped, so
            // "looks after everyone" keeps all its words.
            for (const auto& cue : fact.cues) {
                std::vector<std::string> stems;
                bool meaningful = false; // some word that is not a stop word
                const auto cue_tokens = tokenize(cue, c.normalisation);
                for (const Token& t : cue_tokens) {
                    if (!sorted_contains(c.determiners, t.text) && name_words.count(t.text) == 0) {
                        stems.push_back(t.stem);
                        meaningful = meaningful || !sorted_contains(c.stopwords, t.text);
                    }
                }
                bool whole = false;
                if (!meaningful) {
                    // "on your own" must not shrink to "on": keep such a cue whole.
                    stems.clear();
                    for (const Token& t : cue_tokens) {
                        stems.push_back(t.stem);
                    }
                    if (stems.size() < 2) {
                        continue;
                    }
                    whole = true;
                }
                whole_cues.push_back(whole);
                candidates.push_back(std::move(stems));
            }
        } else {
            // Without cues, any distinctive content word of the fact refers to it.
            for (const auto& stem : fact_stems) {
                if (stem.size() >= 3 && !is_feeling_word(c, stem)) {
                    candidates.push_back({stem});
                }
            }
            // "six years", "last year": stop words alone, a memory of the card together.
            for (std::size_t i = 0; i + 1 < fact_tokens.size(); ++i) {
                if (fact_tokens[i].clause == fact_tokens[i + 1].clause &&
                    sorted_contains(c.time_counts, fact_tokens[i].text) &&
                    sorted_contains(c.time_units, fact_tokens[i + 1].stem)) {
                    candidates.push_back({fact_tokens[i].stem, fact_tokens[i + 1].stem});
                }
            }
        }
        for (auto& stems : candidates) {
            if (stems.empty()) {
                continue;
            }
            // Words the partner just said are a restatement, not a memory of them.
            const bool restated = std::all_of(stems.begin(), stems.end(), [&](const std::string& s) {
                return p->said_stems.count(s) > 0;
            });
            if (!restated) {
                const std::size_t k = static_cast<std::size_t>(&stems - candidates.data());
                CardPhrase phrase;
                for (const auto& stem : stems) {
                    phrase.compared.push_back(c.card_stem(stem));
                    phrase.keys.emplace_back(quick_key(stem), quick_key(phrase.compared.back()));
                }
                phrase.stems = std::move(stems);
                phrase.whole = k < whole_cues.size() && whole_cues[k];
                pf.phrases.push_back(std::move(phrase));
            }
        }
        for (const auto& stem : fact_stems) {
            pf.relevance += static_cast<int>(p->said_stems.count(stem));
        }
        p->facts.push_back(std::move(pf));
    }
    for (auto& pf : p->facts) {
        pf.fact = &pf.owned;
    }
    const PreparedFact* best_fact = nullptr;
    for (const PreparedFact& pf : p->facts) {
        if (best_fact == nullptr || pf.relevance > best_fact->relevance) {
            best_fact = &pf;
        }
    }
    // Each feeling's core emotion is looked up once (emotion_of scans the lexicon).
    std::vector<std::optional<CoreEmotion>> emotions;
    for (const auto& feeling : step.feelings) {
        for (const auto& w : normalise_words(feeling, c.normalisation)) {
            p->feeling_stems.push_back(stem_of(w, c.normalisation));
        }
        emotions.push_back(c.emotion_of(feeling));
        if (emotions.back()) {
            p->feeling_emotions.push_back(*emotions.back());
        }
    }
    p->feelings_named = feelings_to_name(step.feelings, emotions);
    p->suggestion = compose_suggestion(c, step, best_fact, p->feelings_named);
    return p;
}

} // namespace et
