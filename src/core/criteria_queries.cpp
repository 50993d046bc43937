// What a loaded Criteria answers (a word's core emotion, its texts) and the core emotions'
// ids; loading and compiling a criteria file is criteria.cpp.
#include "core/criteria.hpp"
#include "core/paths.hpp"

namespace et {

const char* core_emotion_id(CoreEmotion emotion) {
    switch (emotion) {
    case CoreEmotion::Mad:
        return "mad";
    case CoreEmotion::Sad:
        return "sad";
    case CoreEmotion::Glad:
        return "glad";
    case CoreEmotion::Fear:
        return "fear";
    }
    return "";
}

std::optional<CoreEmotion> parse_core_emotion(std::string_view id) {
    for (CoreEmotion e : kCoreEmotions) {
        if (id == core_emotion_id(e)) {
            return e;
        }
    }
    return std::nullopt;
}

std::optional<CoreEmotion> Criteria::emotion_of(std::string_view word) const {
    const auto words = normalise_words(word, normalisation);
    if (words.empty()) {
        return std::nullopt;
    }
    std::vector<std::string> stems;
    for (const auto& w : words) {
        stems.push_back(stem_of(w, normalisation));
    }
    for (std::size_t slot = 0; slot < 4; ++slot) {
        for (const auto& entry : slot_entries[slot]) {
            if (entry.words.size() != words.size()) {
                continue;
            }
            bool same = true;
            for (std::size_t k = 0; k < words.size() && same; ++k) {
                same = entry.words[k] == words[k] ||
                       stem_of(entry.words[k], normalisation) == stems[k];
            }
            if (same) {
                return kCoreEmotions[slot];
            }
        }
    }
    return std::nullopt;
}

std::string Criteria::text(const std::string& key) const {
    const auto it = texts.find(key);
    return it == texts.end() ? key : it->second;
}

std::string default_criteria_path() {
    return (assets_dir() / "criteria" / "default.json").string();
}

const std::string& Criteria::card_stem(int stem_id, const std::string& stem) const {
    if (stem_id >= 0 && static_cast<std::size_t>(stem_id) < card_synonym_of.size()) {
        const int group = card_synonym_of[static_cast<std::size_t>(stem_id)];
        if (group >= 0) {
            return card_synonym_stems[static_cast<std::size_t>(group)];
        }
    }
    return stem;
}

const std::string& Criteria::card_stem(const std::string& stem) const {
    return card_synonym_stems.empty() ? stem : card_stem(vocabulary.find(stem_key(stem)), stem);
}

std::vector<const Pattern*> Criteria::all_patterns() const {
    std::vector<const Pattern*> patterns;
    const auto add = [&](const std::vector<Pattern>& list) {
        for (const Pattern& p : list) {
            patterns.push_back(&p);
        }
    };
    for (const Criterion& c : level_one) {
        add(c.patterns);
    }
    add(level_one_except);
    for (const Criterion& c : links) {
        add(c.patterns);
    }
    for (const MistakeCriteria& m : mistakes) {
        for (const Criterion& c : m.criteria) {
            add(c.patterns);
        }
        add(m.except);
    }
    return patterns;
}

} // namespace et
