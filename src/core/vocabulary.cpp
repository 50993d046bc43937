// The vocabulary of a criteria file: word and stem ids, interned once per spelling.
#include "core/pattern.hpp"

#include <tuple>

namespace et {

int Vocabulary::intern(std::string_view key) {
    return static_cast<int>(ids_.add(key).first);
}

void Vocabulary::add_spelling(std::string_view raw, const Normalisation& normalisation) {
    // One list for every new spelling, kept with its room: most are one plain word.
    thread_local std::vector<std::string> words;
    words.clear();
    normalise_words(raw, normalisation, words);
    for (const auto& w : words) {
        spelling_words_.emplace_back(intern(w), intern(stem_key(stem_of(w, normalisation))));
    }
    spelling_ends_.push_back(static_cast<std::uint32_t>(spelling_words_.size()));
}

int Vocabulary::find(std::string_view key) const {
    const std::uint32_t number = ids_.find(key);
    return number == TextIndex::kNone ? -1 : static_cast<int>(number);
}

void Vocabulary::assign(std::vector<Token>& tokens) const {
    for (Token& t : tokens) {
        std::tie(t.text_id, t.stem_id) = ids_of(t.text, t.stem);
    }
}

} // namespace et
