// Loads disclosure criteria on top of the scoring criteria's lexicon; any error refuses the file.
#include "core/disclosure.hpp"
#include "core/json_checker.hpp"
#include "core/paths.hpp"
#include "core/pattern_reading.hpp"

#include <algorithm>
#include <type_traits>

namespace et {

namespace {

// Keys every disclosure file must give under "feedback", so the UI never shows a blank.
constexpr std::string_view kRequiredTexts[] = {
    "empty",           "too_long",      "invalid_utf8", "outer",        "outer_hint",
    "thought",         "other",         "thing",        "negated",      "inner",
    "inner_body",      "inner_no_core", "missing.mad",  "missing.sad",  "missing.glad",
    "missing.fear",    "emotion.mad",   "emotion.sad",  "emotion.glad", "emotion.fear",
    "explain.negated",
};

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

class DisclosureReader {
public:
    DisclosureReader(const JsonDocument& doc, Diagnostics& problems, const Criteria& base)
        : doc_(doc), check_(doc, problems), base_(base) {
        // The analyser finds where its patterns may start by their first words.
        c_.vocabulary.index_first_words();
    }

    std::optional<DisclosureCriteria> read() {
        const auto& root = doc_.value();
        const JsonPath top;
        if (!check_.expect_object(root, top)) {
            return std::nullopt;
        }
        c_.file = doc_.file();
        c_.base_file = base_.file;
        c_.normalisation = base_.normalisation;
        read_normalisation(root, top);
        c_.name = check_.string_member(root, top, "name", true).value_or("");
        check_.warn_unknown_keys(root, top,
                                 {"$schema", "name", "version", "description", "normalisation",
                                  "lexicon", "lists", "exact_lists", "groups", "negation",
                                  "coordination", "criteria", "feedback", "missing_order"});
        read_slots(root, top);
        if (check_.failed()) {
            return std::nullopt; // patterns cannot compile without slots
        }
        read_negation(root, top);
        c_.coordination_ids =
            patterns_.word_ids(check_.string_array_member(root, top, "coordination", true)
                                   .value_or(std::vector<std::string>{}));
        read_criteria(root, top);
        read_texts(root, top);
        patterns_.compile_pending();
        if (check_.failed()) {
            return std::nullopt;
        }
        c_.slot_index_by_id.resize(c_.vocabulary.size());
        return std::move(c_);
    }

private:
    std::size_t add_slot(const std::string& name, std::vector<LexiconEntry> entries,
                         const JsonPath& at, std::optional<CoreEmotion> emotion = std::nullopt,
                         bool feeling = false) {
        if (c_.slot_names.size() >= 64) {
            check_.error(
                at, "too many lexicon groups and lists (at most 64, with the scoring criteria's)");
            return 0;
        }
        if (std::find(c_.slot_names.begin(), c_.slot_names.end(), name) != c_.slot_names.end()) {
            check_.error(at, "the name \"" + name + "\" is already used by another group or list");
            return 0;
        }
        c_.slot_names.push_back(name);
        c_.slot_entries.push_back(std::move(entries));
        c_.slot_emotion.push_back(emotion);
        c_.slot_is_feeling.push_back(feeling || emotion.has_value() ? 1 : 0);
        c_.slot_needs_feel.push_back(name.rfind("feel_word_", 0) == 0 ? 1 : 0);
        return c_.slot_names.size() - 1;
    }

    // Spellings, irregular forms and "'s" words added to the scoring criteria's, for casual
    // writing that check-ins see more than responses do ("feelin", "my heart's racing").
    void read_normalisation(const nlohmann::json& root, const JsonPath& top) {
        const auto* n = check_.object_member(root, top, "normalisation", false);
        if (n == nullptr) {
            return;
        }
        const JsonPath at = top / "normalisation";
        check_.warn_unknown_keys(*n, at, {"spellings", "lemmas", "is_contractions"});
        for (const auto& w : check_.string_array_member(*n, at, "is_contractions", false)
                                 .value_or(std::vector<std::string>{})) {
            c_.normalisation.is_contractions.push_back(fold_case(w));
        }
        for (const char* key : {"spellings", "lemmas"}) {
            const auto* map = check_.object_member(*n, at, key, false);
            if (map == nullptr) {
                continue;
            }
            auto& into = std::string(key) == "spellings" ? c_.normalisation.spellings
                                                         : c_.normalisation.lemmas;
            for (const auto& [k, v] : map->items()) {
                if (check_.expect_string(v, at / key / k)) {
                    into[fold_case(k)] = fold_case(v.get<std::string>());
                }
            }
        }
    }

    // Words of a list: each a word or phrase, normalised like responses.
    std::vector<LexiconEntry> read_words(const nlohmann::json& words, const JsonPath& at) {
        std::vector<LexiconEntry> entries;
        if (!check_.expect_array(words, at)) {
            return entries;
        }
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!check_.expect_string(words[i], at, i)) {
                continue;
            }
            LexiconEntry e;
            e.words = normalise_words(words[i].get<std::string>(), c_.normalisation);
            if (e.words.empty()) {
                check_.error(at / i, "expected a word or phrase");
                continue;
            }
            entries.push_back(std::move(e));
        }
        return entries;
    }

    // {"mad": [...], "sad": [...], ...}: any of the four core emotions.
    std::array<std::vector<LexiconEntry>, 4>
    read_by_emotion(const nlohmann::json& parent, const JsonPath& path, std::string_view key) {
        std::array<std::vector<LexiconEntry>, 4> out;
        const auto* obj = check_.object_member(parent, path, key, false);
        if (obj == nullptr) {
            return out;
        }
        const JsonPath at = path / std::string(key);
        for (const auto& [id, words] : obj->items()) {
            const auto emotion = parse_core_emotion(id);
            if (!emotion) {
                check_.error(at / id, "unknown core emotion \"" + id +
                                          "\"; expected mad, sad, glad or fear");
                continue;
            }
            out[static_cast<std::size_t>(*emotion)] = read_words(words, at / id);
        }
        return out;
    }

    void read_slots(const nlohmann::json& root, const JsonPath& top) {
        const auto* lexicon = check_.object_member(root, top, "lexicon", true);
        const JsonPath lex = top / "lexicon";
        if (lexicon != nullptr) {
            check_.warn_unknown_keys(
                *lexicon, lex,
                {"feelings", "feel_only", "feel_words", "feeling_verbs", "neutral", "exact"});
        }
        const nlohmann::json empty = nlohmann::json::object();
        const nlohmann::json& lx = lexicon != nullptr ? *lexicon : empty;

        // Lexicon words that mean something else unless the speaker says they *feel* them
        // ("I'm free on Friday", "I got lost"): they move from {feeling} to {feel_word}.
        std::vector<std::vector<std::string>> feel_only;
        for (auto& e :
             read_words(lx.value("feel_only", nlohmann::json::array()), lex / "feel_only")) {
            feel_only.push_back(std::move(e.words));
        }
        std::vector<char> feel_only_used(feel_only.size(), 0);
        // Lexicon words matched only as written ("I was shook", not "shaking"; "seen", not "saw").
        std::vector<std::vector<std::string>> exact_words;
        for (auto& e : read_words(lx.value("exact", nlohmann::json::array()), lex / "exact")) {
            exact_words.push_back(std::move(e.words));
        }
        std::vector<char> exact_used(exact_words.size(), 0);
        auto added = read_by_emotion(lx, lex, "feelings");
        auto feel_words = read_by_emotion(lx, lex, "feel_words");
        for (CoreEmotion e : kCoreEmotions) {
            const auto k = static_cast<std::size_t>(e);
            std::vector<LexiconEntry> core;
            for (LexiconEntry entry : base_.slot_entries.at(k)) {
                if (const auto x = std::find(exact_words.begin(), exact_words.end(), entry.words);
                    x != exact_words.end()) {
                    exact_used[static_cast<std::size_t>(x - exact_words.begin())] = 1;
                    entry.stems.assign(entry.words.size(), std::string("\x01"));
                }
                const auto it = std::find(feel_only.begin(), feel_only.end(), entry.words);
                if (it != feel_only.end()) {
                    feel_only_used[static_cast<std::size_t>(it - feel_only.begin())] = 1;
                    feel_words[k].push_back(entry);
                } else {
                    core.push_back(entry);
                }
            }
            for (LexiconEntry& entry : added[k]) {
                if (const auto x = std::find(exact_words.begin(), exact_words.end(), entry.words);
                    x != exact_words.end()) {
                    exact_used[static_cast<std::size_t>(x - exact_words.begin())] = 1;
                    entry.stems.assign(entry.words.size(), std::string("\x01"));
                }
                core.push_back(std::move(entry));
            }
            add_slot(core_emotion_id(e), std::move(core), lex / "feelings", e);
        }
        for (std::size_t i = 0; i < feel_only.size(); ++i) {
            if (!feel_only_used[i]) {
                check_.error(lex / "feel_only" / i,
                             "\"" + joined(feel_only[i]) +
                                 "\" is not in the scoring criteria's lexicon");
            }
        }
        for (std::size_t i = 0; i < exact_words.size(); ++i) {
            if (!exact_used[i]) {
                check_.error(lex / "exact" / i,
                             "\"" + joined(exact_words[i]) + "\" is not in the lexicon");
            }
        }
        // The scoring criteria's appraisals and word lists keep their names ({intensifier}).
        const auto first_appraisal = static_cast<std::size_t>(base_.appraisal_slot_first);
        for (std::size_t s = 4; s < base_.slot_names.size(); ++s) {
            const std::size_t slot = add_slot(base_.slot_names[s], base_.slot_entries[s], top);
            if (s >= first_appraisal && s < static_cast<std::size_t>(base_.first_list_slot)) {
                appraisal_mask_ |= SlotMask{1} << slot;
            }
        }
        SlotMask feel_word_mask = 0, verb_mask = 0;
        auto verbs = read_by_emotion(lx, lex, "feeling_verbs");
        for (CoreEmotion e : kCoreEmotions) {
            const auto k = static_cast<std::size_t>(e);
            feel_word_mask |= SlotMask{1}
                              << add_slot(std::string("feel_word_") + core_emotion_id(e),
                                          std::move(feel_words[k]), lex / "feel_words", e);
            verb_mask |= SlotMask{1} << add_slot(std::string("feeling_verb_") + core_emotion_id(e),
                                                 std::move(verbs[k]), lex / "feeling_verbs", e);
        }
        const std::size_t neutral =
            add_slot("neutral_feeling",
                     read_words(lx.value("neutral", nlohmann::json::array()), lex / "neutral"),
                     lex / "neutral", std::nullopt, true);
        groups_.emplace_back("feeling", SlotMask{0xF});
        groups_.emplace_back("appraisal", appraisal_mask_);
        groups_.emplace_back("feel_word", feel_word_mask);
        groups_.emplace_back("feeling_verb", verb_mask);
        groups_.emplace_back("felt", SlotMask{0xF} | feel_word_mask | (SlotMask{1} << neutral));

        std::vector<std::string> exact;
        if (auto names = check_.string_array_member(root, top, "exact_lists", false)) {
            exact = *names;
        }
        const std::size_t first_own = c_.slot_names.size();
        if (const auto* lists = check_.object_member(root, top, "lists", true)) {
            for (const auto& [name, words] : lists->items()) {
                add_slot(name, read_words(words, top / "lists" / name), top / "lists" / name);
            }
        }
        for (std::size_t i = 0; i < exact.size(); ++i) {
            const auto it =
                std::find(c_.slot_names.begin() + static_cast<std::ptrdiff_t>(first_own),
                          c_.slot_names.end(), exact[i]);
            if (it == c_.slot_names.end()) {
                check_.error(top / "exact_lists" / i, "no list is named \"" + exact[i] + "\"");
            }
        }
        patterns_.read_groups(root, top);
        // Stems for new entries (copied ones keep theirs), then the first-word index.
        for (std::size_t slot = 0; slot < c_.slot_entries.size(); ++slot) {
            // Feelings without a core emotion match as written: "surprisingly" is no feeling.
            const bool exact_only =
                slot == neutral ||
                (slot >= first_own &&
                 std::find(exact.begin(), exact.end(), c_.slot_names[slot]) != exact.end());
            for (auto& entry : c_.slot_entries[slot]) {
                if (entry.stems.size() != entry.words.size()) {
                    entry.stems.clear();
                    for (const auto& w : entry.words) {
                        entry.stems.push_back(exact_only ? std::string("\x01")
                                                         : stem_of(w, c_.normalisation));
                    }
                }
            }
            for (std::size_t i = 0; i < c_.slot_entries[slot].size(); ++i) {
                const auto& entry = c_.slot_entries[slot][i];
                index_entry(entry.words.front(), slot, i);
                if (entry.stems.front() != "\x01") {
                    index_entry(stem_key(entry.stems.front()), slot, i);
                }
            }
        }
    }

    void index_entry(const std::string& key, std::size_t slot, std::size_t entry) {
        const auto id = static_cast<std::size_t>(c_.vocabulary.intern(key));
        if (c_.slot_index_by_id.size() <= id) {
            c_.slot_index_by_id.resize(id + 1);
        }
        auto& list = c_.slot_index_by_id[id];
        const std::pair<std::uint8_t, std::size_t> item{static_cast<std::uint8_t>(slot), entry};
        if (std::find(list.begin(), list.end(), item) == list.end()) {
            list.push_back(item);
        }
    }

    void read_negation(const nlohmann::json& root, const JsonPath& top) {
        const auto* n = check_.object_member(root, top, "negation", true);
        if (n == nullptr) {
            return;
        }
        const JsonPath at = top / "negation";
        check_.warn_unknown_keys(*n, at, {"negators", "transparent", "except"});
        c_.negator_ids = patterns_.word_ids(check_.string_array_member(*n, at, "negators", true)
                                                .value_or(std::vector<std::string>{}));
        c_.transparent_ids =
            patterns_.word_ids(check_.string_array_member(*n, at, "transparent", true)
                                   .value_or(std::vector<std::string>{}));
        c_.not_negation = patterns_.compile_list(*n, at, "except", false);
    }

    void read_criteria(const nlohmann::json& root, const JsonPath& top) {
        const auto* obj = check_.object_member(root, top, "criteria", true);
        if (obj == nullptr) {
            return;
        }
        const JsonPath at = top / "criteria";
        for (const auto& [id, body] : obj->items()) {
            const JsonPath here = at / id;
            if (!check_.expect_object(body, here)) {
                continue;
            }
            check_.warn_unknown_keys(body, here,
                                     {"kind", "emotion", "explain", "patterns", "except"});
            DisclosureCriterion c;
            c.id = id;
            const auto kind = check_.string_member(body, here, "kind", true);
            if (kind) {
                if (auto k = parse_disclosure_kind(*kind)) {
                    c.kind = *k;
                } else {
                    check_.error(here / "kind",
                                 "unknown kind \"" + *kind +
                                     "\"; expected feeling, body, outer, thing, other, "
                                     "negated or thought");
                }
            }
            if (auto emotion = check_.string_member(body, here, "emotion", false)) {
                c.emotion = parse_core_emotion(*emotion);
                if (!c.emotion) {
                    check_.error(here / "emotion", "unknown core emotion \"" + *emotion +
                                                       "\"; expected mad, sad, glad or fear");
                }
            }
            if (c.kind == DisclosureKind::Body && !body.contains("emotion")) {
                check_.error(here,
                             "a body criterion needs an \"emotion\" (mad, sad, glad or fear)");
            }
            c.explain = check_.string_member(body, here, "explain", true).value_or("");
            c.patterns = patterns_.compile_list(body, here, "patterns", true, true);
            c.except = patterns_.compile_list(body, here, "except", false);
            // Moved, never copied, as its patterns are compiled in place later (see
            // PatternReading::compile_list): growing the list must move them too.
            static_assert(std::is_nothrow_move_constructible_v<DisclosureCriterion>);
            c_.criteria.push_back(std::move(c));
        }
    }

    void read_texts(const nlohmann::json& root, const JsonPath& top) {
        c_.texts = check_.text_map_member(root, top, "feedback", kRequiredTexts);
        const auto order = check_.string_array_member(root, top, "missing_order", true)
                               .value_or(std::vector<std::string>{});
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (auto e = parse_core_emotion(order[i])) {
                c_.missing_order.push_back(*e);
            } else {
                check_.error(top / "missing_order" / i,
                             "unknown core emotion \"" + order[i] + "\"");
            }
        }
    }

    const JsonDocument& doc_;
    JsonChecker check_;
    const Criteria& base_;
    DisclosureCriteria c_;
    std::vector<std::pair<std::string, SlotMask>> groups_;
    // Declared after what it refers to.
    PatternReading patterns_{check_, c_.normalisation, c_.vocabulary, c_.slot_names, groups_};
    SlotMask appraisal_mask_ = 0;
};

} // namespace

namespace {

DisclosureLoad read_loaded(const JsonLoad& loaded, const Criteria& base) {
    DisclosureLoad result;
    if (!loaded.document) {
        result.problems.push_back(loaded.error);
        return result;
    }
    result.criteria = DisclosureReader(*loaded.document, result.problems, base).read();
    return result;
}

} // namespace

DisclosureLoad load_disclosure_text(const std::string& name, std::string text,
                                    const Criteria& base) {
    return read_loaded(parse_json_text(name, std::move(text)), base);
}

DisclosureLoad load_disclosure_file(const std::string& path, const Criteria& base) {
    return read_loaded(read_json_file(path), base);
}

std::string default_disclosure_path() {
    return (assets_dir() / "criteria" / "disclosure.json").string();
}

} // namespace et
