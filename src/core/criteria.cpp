// Loads and compiles a criteria file; any error refuses the whole file.
#include "core/criteria.hpp"

#include "core/criteria_internal.hpp"
#include "core/json_checker.hpp"
#include "core/pattern_reading.hpp"
#include "core/worker_thread.hpp"

#include <algorithm>
#include <memory>
#include <system_error>
#include <type_traits>

namespace et {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Keys every criteria file must give under "feedback", so the UI never shows a blank.
constexpr std::string_view kRequiredTexts[] = {
    "empty",          "invalid_utf8",        "too_long",         "level_0",
    "level_1",        "level_2",             "named_feeling",    "generic_validation",
    "no_card_reference", "no_link",          "no_validation_for_card", "clean",
};

class CriteriaReader {
public:
    CriteriaReader(const JsonDocument& doc, Diagnostics& problems)
        : doc_(doc), check_(doc, problems) {}

    std::optional<Criteria> read() {
        auto cue_table = start_reading_cue_table(doc_);
        const auto& root = doc_.value();
        const JsonPath top;
        if (!check_.expect_object(root, top)) {
            return std::nullopt;
        }
        c_.file = doc_.file();
        c_.name = check_.string_member(root, top, "name", true).value_or("");
        check_.warn_unknown_keys(root, top,
                                 {"$schema", "name", "version", "description", "normalisation",
                                  "lexicon", "appraisals", "lists", "exact_lists", "groups",
                                  "level_one", "level_two", "negation", "mistakes", "learned_cues",
                                  "weights", "feedback", "suggestions"});
        read_normalisation(root, top);
        read_slots(root, top);
        if (check_.failed()) {
            return std::nullopt; // patterns cannot compile without slots
        }
        read_level_one(root, top);
        read_level_two(root, top);
        read_negation(root, top);
        read_mistakes(root, top);
        read_learned_cues(check_, root, top, c_, cue_table);
        read_weights(root, top);
        read_texts(root, top);
        patterns_.compile_pending();
        if (check_.failed()) {
            return std::nullopt;
        }
        // Interned last, so that every id a pattern uses stays what it was.
        for (const auto& w : c_.determiners) {
            c_.determiner_ids.push_back(c_.vocabulary.intern(w));
        }
        std::sort(c_.determiner_ids.begin(), c_.determiner_ids.end());
        for (const auto& words : c_.card_idioms) {
            auto& ids = c_.card_idiom_ids.emplace_back();
            for (const auto& w : words) {
                ids.push_back(c_.vocabulary.intern(w));
            }
        }
        std::sort(c_.card_idiom_ids.begin(), c_.card_idiom_ids.end());
        // Words interned after the lexicon was indexed (patterns) have no entries.
        c_.slot_index_by_id.resize(c_.vocabulary.size());
        c_.pattern_keys = PatternKeys::of(c_);
        return std::move(c_);
    }

private:
    std::map<std::string, std::string> string_map(const nlohmann::json& parent,
                                                  const JsonPath& path, std::string_view key) {
        std::map<std::string, std::string> out;
        const auto* obj = check_.object_member(parent, path, key, false);
        if (obj == nullptr) {
            return out;
        }
        const JsonPath at = path / std::string(key);
        for (const auto& [k, v] : obj->items()) {
            if (check_.expect_string(v, at, k, true)) {
                out[fold_case(k)] = fold_case(v.get<std::string>());
            }
        }
        return out;
    }

    // The same as string_map, straight into a normalisation's map: sorting the words first
    // was for nothing, as the map has no order.
    void read_word_map(const nlohmann::json& parent, const JsonPath& path, std::string_view key,
                       WordMap<std::string>& into) {
        const auto* obj = check_.object_member(parent, path, key, false);
        if (obj == nullptr) {
            return;
        }
        const JsonPath at = path / std::string(key);
        into.reserve(obj->size());
        for (const auto& [k, v] : obj->items()) {
            if (check_.expect_string(v, at, k, true)) {
                // A word folding like an earlier one replaces it, as in string_map.
                into.insert_or_assign(fold_case(k), fold_case(v.get_ref<const std::string&>()));
            }
        }
    }

    void read_normalisation(const nlohmann::json& root, const JsonPath& top) {
        const auto* n = check_.object_member(root, top, "normalisation");
        if (n == nullptr) {
            return;
        }
        const JsonPath at = top / "normalisation";
        read_word_map(*n, at, "spellings", c_.normalisation.spellings);
        read_word_map(*n, at, "contractions", c_.normalisation.contractions);
        read_word_map(*n, at, "lemmas", c_.normalisation.lemmas);
        if (const auto* ctx = check_.object_member(*n, at, "context_spellings", false)) {
            for (const auto& [word, body] : ctx->items()) {
                const JsonPath here = at / "context_spellings" / word;
                if (!check_.expect_object(body, here)) {
                    continue;
                }
                auto noun = check_.string_member(body, here, "before_noun", true);
                auto other = check_.string_member(body, here, "otherwise", true);
                if (noun && other) {
                    c_.normalisation.context_spellings[fold_case(word)] = {fold_case(*noun), fold_case(*other)};
                }
            }
        }
        for (const auto& w : check_.string_array_member(*n, at, "nouns", false).value_or(std::vector<std::string>{})) {
            c_.normalisation.nouns.insert(fold_case(w));
        }
        auto suffixes = string_map(*n, at, "suffixes");
        for (auto& [k, v] : suffixes) {
            c_.normalisation.suffixes.emplace_back(k, v);
        }
        // Longest suffix first, so "n't" wins over "t" style rules.
        std::sort(c_.normalisation.suffixes.begin(), c_.normalisation.suffixes.end(),
                  [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        if (auto list = check_.string_array_member(*n, at, "is_contractions", false)) {
            c_.normalisation.is_contractions = *list;
        }
    }

    void add_slot(const std::string& name, std::vector<LexiconEntry> entries, const JsonPath& at) {
        if (c_.slot_names.size() >= 64) {
            check_.error(at, "too many lexicon groups and lists (at most 64)");
            return;
        }
        if (std::find(c_.slot_names.begin(), c_.slot_names.end(), name) != c_.slot_names.end()) {
            check_.error(at, "the name \"" + name + "\" is already used by another group or list");
            return;
        }
        c_.slot_names.push_back(name);
        c_.slot_entries.push_back(std::move(entries));
    }

    std::vector<LexiconEntry> read_weighted_words(const nlohmann::json& obj, const JsonPath& at) {
        std::vector<LexiconEntry> entries;
        entries.reserve(obj.size());
        for (const auto& [word, intensity] : obj.items()) {
            if (!check_.expect_integer(intensity, at, word, 1, 4)) {
                continue;
            }
            LexiconEntry e;
            e.words = normalise_words(word, c_.normalisation);
            e.intensity = intensity.get<int>();
            if (e.words.empty()) {
                check_.error(at / word, "a lexicon entry needs at least one word");
                continue;
            }
            entries.push_back(std::move(e));
        }
        return entries;
    }

    void read_slots(const nlohmann::json& root, const JsonPath& top) {
        const auto* lexicon = check_.object_member(root, top, "lexicon");
        if (lexicon == nullptr) {
            return;
        }
        const JsonPath lex = top / "lexicon";
        for (CoreEmotion e : kCoreEmotions) {
            const char* id = core_emotion_id(e);
            const auto* group = check_.object_member(*lexicon, lex, id);
            add_slot(id, group ? read_weighted_words(*group, lex / id) : std::vector<LexiconEntry>{},
                     lex / id);
        }
        check_.warn_unknown_keys(*lexicon, lex, {"mad", "sad", "glad", "fear"});
        c_.appraisal_slot_first = static_cast<int>(c_.slot_names.size());
        if (const auto* appraisals = check_.object_member(root, top, "appraisals")) {
            for (const auto& [name, group] : appraisals->items()) {
                const JsonPath at = top / "appraisals" / name;
                if (check_.expect_object(group, at)) {
                    add_slot(name, read_weighted_words(group, at), at);
                }
            }
        }
        c_.first_list_slot = static_cast<int>(c_.slot_names.size());
        if (const auto* lists = check_.object_member(root, top, "lists")) {
            for (const auto& [name, words] : lists->items()) {
                const JsonPath at = top / "lists" / name;
                if (!check_.expect_array(words, at)) {
                    continue;
                }
                std::vector<LexiconEntry> entries;
                entries.reserve(words.size());
                for (std::size_t i = 0; i < words.size(); ++i) {
                    if (!check_.expect_string(words[i], at, i)) {
                        continue;
                    }
                    LexiconEntry e;
                    e.words = normalise_words(words[i].get_ref<const std::string&>(), c_.normalisation);
                    if (!e.words.empty()) {
                        entries.push_back(std::move(e));
                    }
                }
                add_slot(name, std::move(entries), at);
            }
        }
        patterns_.read_groups(root, top);
        // Index every entry by its first word and that word's stem; lists named in
        // "exact_lists" match only as written ("tell", not "telling").
        std::vector<std::string> exact;
        if (auto names = check_.string_array_member(root, top, "exact_lists", false)) {
            for (std::size_t i = 0; i < names->size(); ++i) {
                if (!patterns_.slot_mask((*names)[i])) {
                    check_.error(top / "exact_lists" / i, "no list is named \"" + (*names)[i] + "\"");
                }
            }
            exact = *names;
        }
        for (std::size_t slot = 0; slot < c_.slot_entries.size(); ++slot) {
            const bool exact_only = contains(exact, c_.slot_names[slot]);
            for (auto& entry : c_.slot_entries[slot]) {
                entry.stems.clear();
                entry.stems.reserve(entry.words.size());
                for (const auto& w : entry.words) {
                    entry.stems.push_back(exact_only ? std::string("\x01") : stem_of(w, c_.normalisation));
                }
            }
            for (std::size_t i = 0; i < c_.slot_entries[slot].size(); ++i) {
                const auto& first = c_.slot_entries[slot][i].words.front();
                index_entry(first, slot, i);
                if (!exact_only) {
                    index_entry(stem_key(c_.slot_entries[slot][i].stems.front()), slot, i);
                }
            }
        }
    }

    // {"id": {"explain": "...", "patterns": [...], "unless_sentence_has": [...]}, ...}
    std::vector<Criterion> read_criteria(const nlohmann::json& parent, const JsonPath& path,
                                         std::string_view key) {
        std::vector<Criterion> out;
        const auto* obj = check_.object_member(parent, path, key);
        if (obj == nullptr) {
            return out;
        }
        const JsonPath at = path / std::string(key);
        for (const auto& [id, body] : obj->items()) {
            const JsonPath here = at / id;
            if (!check_.expect_object(body, here)) {
                continue;
            }
            check_.warn_unknown_keys(body, here, {"explain", "patterns", "unless_sentence_has"});
            Criterion c;
            c.id = id;
            c.explain = check_.string_member(body, here, "explain", true).value_or("");
            c.patterns = patterns_.compile_list(body, here, "patterns", true);
            const auto unless =
                check_.string_array_member(body, here, "unless_sentence_has", false).value_or(
                    std::vector<std::string>{});
            for (std::size_t i = 0; i < unless.size(); ++i) {
                const std::size_t words = normalise_words(unless[i], c_.normalisation).size();
                if (words != 1) {
                    check_.error(here / "unless_sentence_has" / i,
                                 "a sentence is checked word by word, so each entry is one word (\"" +
                                     unless[i] + "\" is " + std::to_string(words) + ")");
                }
            }
            c.unless_sentence_has_ids = patterns_.word_ids(unless);
            // Moved, never copied, as its patterns are compiled in place later (see
            // PatternReading::compile_list): growing the list must move them too.
            static_assert(std::is_nothrow_move_constructible_v<Criterion>);
            out.push_back(std::move(c));
        }
        return out;
    }

    void read_level_one(const nlohmann::json& root, const JsonPath& top) {
        const auto* l1 = check_.object_member(root, top, "level_one");
        if (l1 == nullptr) {
            return;
        }
        c_.level_one = read_criteria(*l1, top / "level_one", "criteria");
        c_.level_one_except = patterns_.compile_list(*l1, top / "level_one", "except", false);
        for (const auto& w : check_.string_array_member(*l1, top / "level_one", "question_words", false)
                                 .value_or(std::vector<std::string>{})) {
            for (auto& n : normalise_words(w, c_.normalisation)) {
                c_.question_words.push_back(n);
            }
        }
    }

    void read_level_two(const nlohmann::json& root, const JsonPath& top) {
        const auto* l2 = check_.object_member(root, top, "level_two");
        if (l2 == nullptr) {
            return;
        }
        const JsonPath at = top / "level_two";
        c_.level_two_explain = check_.string_member(*l2, at, "explain", true).value_or("");
        c_.links = read_criteria(*l2, at, "links");
        for (const auto& w : check_.string_array_member(*l2, at, "stopwords", true).value_or(
                 std::vector<std::string>{})) {
            for (auto& n : normalise_words(w, c_.normalisation)) {
                c_.stopwords.push_back(n);
            }
        }
        for (const auto& w : check_.string_array_member(*l2, at, "determiners", true).value_or(
                 std::vector<std::string>{})) {
            for (auto& n : normalise_words(w, c_.normalisation)) {
                c_.determiners.push_back(n);
            }
        }
        c_.self_words = check_.string_array_member(*l2, at, "self_words", false).value_or(std::vector<std::string>{});
        c_.slight_validations = level_one_ids(*l2, at, "slight_validations");
        std::sort(c_.stopwords.begin(), c_.stopwords.end());
        std::sort(c_.determiners.begin(), c_.determiners.end());
        read_card_words(check_, *l2, at, c_);
    }

    // Indexes a lexicon or list entry by the vocabulary id of its first word (or stem key),
    // so the scorer finds a token's entries without hashing.
    void index_entry(const std::string& key, std::size_t slot, std::size_t entry) {
        const auto id = static_cast<std::size_t>(c_.vocabulary.intern(key));
        if (c_.slot_index_by_id.size() <= id) {
            c_.slot_index_by_id.resize(id + 1);
        }
        c_.slot_index_by_id[id].emplace_back(static_cast<std::uint8_t>(slot), entry);
    }

    void read_negation(const nlohmann::json& root, const JsonPath& top) {
        const auto* n = check_.object_member(root, top, "negation");
        if (n == nullptr) {
            return;
        }
        const JsonPath at = top / "negation";
        // Each list's words, by vocabulary id ("that's" lists "that" and "is").
        const auto ids = [&](const char* key, bool required) {
            return patterns_.word_ids(check_.string_array_member(*n, at, key, required)
                                          .value_or(std::vector<std::string>{}));
        };
        c_.negator_ids = ids("negators", true);
        c_.negation_transparent_ids = ids("transparent", true);
        c_.negation_exclamation_ids = ids("exclamations", false);
        c_.negation_determiner_ids = ids("determiners", false);
        c_.negation_modal_ids = ids("modals", false);
    }

    void read_mistakes(const nlohmann::json& root, const JsonPath& top) {
        const auto* m = check_.object_member(root, top, "mistakes");
        if (m == nullptr) {
            return;
        }
        const JsonPath at = top / "mistakes";
        for (const auto& [id, body] : m->items()) {
            if (!parse_mistake(id)) {
                check_.error(at / id, "unknown mistake id \"" + id +
                                          "\"; expected one of fixing, i_understand, hijacking, "
                                          "problem_solving_question, making_it_about_you, "
                                          "dismissing");
            }
        }
        for (Mistake mistake : kAllMistakes) {
            const std::string id(mistake_id(mistake));
            const auto* body = check_.object_member(*m, at, id);
            if (body == nullptr) {
                continue;
            }
            const JsonPath here = at / id;
            check_.warn_unknown_keys(*body, here,
                                     {"title", "why", "weight", "criteria", "except", "cancels",
                                      "cancels_after", "cancels_later_in_sentence", "cancels_within", "absorbs",
                                      "absorbs_overlapping"});
            auto& out = c_.mistakes[static_cast<std::size_t>(mistake)];
            out.title = check_.string_member(*body, here, "title", true).value_or("");
            out.why = check_.string_member(*body, here, "why", true).value_or("");
            out.weight = static_cast<int>(check_.integer_member(*body, here, "weight", true, 0, 100).value_or(0));
            out.criteria = read_criteria(*body, here, "criteria");
            out.except = patterns_.compile_list(*body, here, "except", false);
            for (const char* key : {"absorbs", "absorbs_overlapping"}) {
                const auto ids = check_.string_array_member(*body, here, key, false)
                                     .value_or(std::vector<std::string>{});
                auto& into = std::string(key) == "absorbs" ? out.absorbs : out.absorbs_overlapping;
                for (std::size_t i = 0; i < ids.size(); ++i) {
                    if (auto absorbed = parse_mistake(ids[i])) {
                        into.push_back(*absorbed);
                    } else {
                        check_.error(here / key / i, "unknown mistake id \"" + ids[i] + "\"");
                    }
                }
            }
            out.cancels = level_one_ids(*body, here, "cancels");
            out.cancels_after = level_one_ids(*body, here, "cancels_after");
            out.cancels_later_in_sentence = level_one_ids(*body, here, "cancels_later_in_sentence");
            out.cancels_within = level_one_ids(*body, here, "cancels_within");
        }
    }

    // A list of Level One criterion ids (a mistake's "cancels"); unknown ids are errors.
    std::vector<std::string> level_one_ids(const nlohmann::json& body, const JsonPath& here,
                                           std::string_view key) {
        auto ids =
            check_.string_array_member(body, here, key, false).value_or(std::vector<std::string>{});
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const bool known = std::any_of(c_.level_one.begin(), c_.level_one.end(),
                                           [&](const Criterion& l1) { return l1.id == ids[i]; });
            if (!known) {
                check_.error(here / std::string(key) / i,
                             "no level_one criterion has the id \"" + ids[i] + "\"");
            }
        }
        return ids;
    }

    void read_weights(const nlohmann::json& root, const JsonPath& top) {
        const auto* w = check_.object_member(root, top, "weights");
        if (w == nullptr) {
            return;
        }
        const JsonPath at = top / "weights";
        const auto* levels = check_.member(*w, at, "level", true);
        if (levels != nullptr && check_.expect_array(*levels, at / "level")) {
            if (levels->size() != 3) {
                check_.error(at / "level", "expected 3 numbers (points for levels 0, 1 and 2)");
            } else {
                for (std::size_t i = 0; i < 3; ++i) {
                    if (check_.expect_integer((*levels)[i], at / "level" / i, 0, 100)) {
                        c_.level_points[i] = (*levels)[i].get<int>();
                    }
                }
            }
        }
        c_.named_feeling_bonus = static_cast<int>(
            check_.integer_member(*w, at, "named_feeling_bonus", true, 0, 100).value_or(0));
    }

    void read_texts(const nlohmann::json& root, const JsonPath& top) {
        c_.texts = check_.text_map_member(root, top, "feedback", kRequiredTexts);
        if (const auto* s = check_.object_member(root, top, "suggestions")) {
            const JsonPath at = top / "suggestions";
            c_.level_two_templates =
                check_.string_array_member(*s, at, "level_two", true).value_or(std::vector<std::string>{});
            c_.level_one_templates =
                check_.string_array_member(*s, at, "level_one", true).value_or(std::vector<std::string>{});
            c_.link_phrases =
                check_.string_array_member(*s, at, "links", true).value_or(std::vector<std::string>{});
            if (c_.level_two_templates.empty() || c_.level_one_templates.empty()) {
                check_.error(at, "needs at least one level_one and one level_two template");
            }
            for (const auto& [k, v] : string_map(*s, at, "perspective")) {
                c_.perspective.emplace_back(k, v);
            }
        }
    }

    const JsonDocument& doc_;
    JsonChecker check_;
    Criteria c_;
    std::vector<std::pair<std::string, SlotMask>> groups_;
    // Declared after what it refers to.
    PatternReading patterns_{check_, c_.normalisation, c_.vocabulary, c_.slot_names, groups_};
};

} // namespace

namespace {

CriteriaLoad read_loaded(JsonLoad loaded) {
    CriteriaLoad result;
    if (!loaded.document) {
        result.problems.push_back(std::move(loaded.error));
        return result;
    }
    result.criteria = CriteriaReader(*loaded.document, result.problems).read();
    // The document is thousands of small blocks: the worker frees them, rather than the
    // caller waiting for it (freeing was a fourteenth of loading the default criteria).
    auto document = std::make_unique<JsonDocument>(std::move(*loaded.document));
    try {
        WorkerThread::shared().run(
            [document = std::move(document)]() mutable { document.reset(); });
    } catch (const std::system_error&) {
        // No worker to be had: freed here, as the task that held it is gone.
    }
    return result;
}

} // namespace

CriteriaLoad load_criteria_text(const std::string& name, std::string text) {
    return read_loaded(parse_json_text(name, std::move(text)));
}

CriteriaLoad load_criteria_file(const std::string& path) {
    return read_loaded(read_json_file(path));
}

} // namespace et
