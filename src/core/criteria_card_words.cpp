// Level Two's card-word lists in a criteria file: synonyms, idioms and time spans, which
// decide what in a response names something on the partner card.
#include "core/criteria_internal.hpp"

#include <algorithm>

namespace et {

namespace {

// "time_spans": {"counts": ["two", "last", ...], "units": ["years", ...]}.
void read_time_spans(JsonChecker& check, const nlohmann::json& l2, const JsonPath& at,
                     Criteria& c) {
    const auto* spans = check.object_member(l2, at, "time_spans", false);
    if (spans == nullptr) {
        return;
    }
    const JsonPath here = at / "time_spans";
    for (const auto& w : check.string_array_member(*spans, here, "counts", true)
                             .value_or(std::vector<std::string>{})) {
        for (auto& n : normalise_words(w, c.normalisation)) {
            c.time_counts.push_back(std::move(n));
        }
    }
    for (const auto& w : check.string_array_member(*spans, here, "units", true)
                             .value_or(std::vector<std::string>{})) {
        for (const auto& n : normalise_words(w, c.normalisation)) {
            c.time_units.push_back(stem_of(n, c.normalisation));
        }
    }
    for (auto* list : {&c.time_counts, &c.time_units}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
}

// "synonyms": groups of single words that name the same thing on a partner card.
void read_card_synonyms(JsonChecker& check, const nlohmann::json& l2, const JsonPath& at,
                        Criteria& c) {
    const auto* groups = check.member(l2, at, "synonyms", false);
    if (groups == nullptr || !check.expect_array(*groups, at / "synonyms")) {
        return;
    }
    for (std::size_t g = 0; g < groups->size(); ++g) {
        const JsonPath here = at / "synonyms" / g;
        const auto& group = (*groups)[g];
        if (!check.expect_array(group, here)) {
            continue;
        }
        if (group.size() < 2) {
            check.error(here, "a synonym group needs at least two words");
            continue;
        }
        const int index = static_cast<int>(c.card_synonym_stems.size());
        for (std::size_t k = 0; k < group.size(); ++k) {
            if (!check.expect_string(group[k], here, k)) {
                continue;
            }
            const auto words = normalise_words(group[k].get<std::string>(), c.normalisation);
            if (words.size() != 1) {
                check.error(here / k, "a synonym is one word (\"" + group[k].get<std::string>() +
                                          "\" is " + std::to_string(words.size()) + ")");
                continue;
            }
            const std::string stem = stem_of(words.front(), c.normalisation);
            if (c.card_synonym_stems.size() == static_cast<std::size_t>(index)) {
                c.card_synonym_stems.push_back(stem);
            }
            const auto id = static_cast<std::size_t>(c.vocabulary.intern(stem_key(stem)));
            if (c.card_synonym_of.size() <= id) {
                c.card_synonym_of.resize(id + 1, -1);
            }
            int& slot = c.card_synonym_of[id];
            if (slot >= 0 && slot != index) {
                check.error(here / k, "\"" + group[k].get<std::string>() +
                                          "\" is already in synonym group " +
                                          std::to_string(slot + 1));
                continue;
            }
            slot = index;
        }
    }
}

} // namespace

void read_card_words(JsonChecker& check, const nlohmann::json& l2, const JsonPath& at,
                     Criteria& c) {
    read_card_synonyms(check, l2, at, c);
    for (const auto& idiom :
         check.string_array_member(l2, at, "idioms", false).value_or(std::vector<std::string>{})) {
        auto words = normalise_words(idiom, c.normalisation);
        if (!words.empty()) {
            c.card_idioms.push_back(std::move(words));
        }
    }
    read_time_spans(check, l2, at, c);
}

} // namespace et
