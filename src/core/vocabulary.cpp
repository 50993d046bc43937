// The vocabulary of a criteria file: word and stem ids, and the first-word index of its
// patterns that lets a response try only the patterns that could start in it.
#include "core/pattern.hpp"

#include <tuple>

namespace et {

int Vocabulary::intern(const std::string& key) {
    // Most keys are already known; emplace would allocate a node before finding that out.
    if (const auto it = ids_.find(key); it != ids_.end()) {
        return it->second;
    }
    return ids_.emplace(key, static_cast<int>(ids_.size())).first->second;
}

const std::vector<std::pair<int, int>>& Vocabulary::words_of(std::string_view raw,
                                                             const Normalisation& normalisation) {
    if (auto it = words_.find(raw); it != words_.end()) {
        return it->second;
    }
    std::vector<std::pair<int, int>> ids;
    for (const auto& w : normalise_words(raw, normalisation)) {
        ids.emplace_back(intern(w), intern(stem_key(stem_of(w, normalisation))));
    }
    return words_.emplace(std::string(raw), std::move(ids)).first->second;
}

int Vocabulary::find(const std::string& key) const {
    const auto it = ids_.find(key);
    return it == ids_.end() ? -1 : it->second;
}

void Vocabulary::assign(std::vector<Token>& tokens) const {
    for (Token& t : tokens) {
        std::tie(t.text_id, t.stem_id) = ids_of(t.text, t.stem);
    }
}

int Vocabulary::add_pattern(const std::vector<int>& ids, std::uint64_t slots, bool always) {
    const int serial = patterns_++;
    if (always) {
        always_.push_back(serial);
        return serial;
    }
    for (int id : ids) {
        if (by_id_.size() <= static_cast<std::size_t>(id)) {
            by_id_.resize(static_cast<std::size_t>(id) + 1);
        }
        by_id_[static_cast<std::size_t>(id)].push_back(serial);
    }
    for (int slot = 0; slot < 64; ++slot) {
        if ((slots >> slot) & 1u) {
            by_slot_[static_cast<std::size_t>(slot)].push_back(serial);
        }
    }
    return serial;
}

void Vocabulary::candidates(const std::vector<Token>& tokens, std::uint64_t slots_present,
                            std::vector<char>& out) const {
    out.assign(static_cast<std::size_t>(patterns_), 0);
    for (int serial : always_) {
        out[static_cast<std::size_t>(serial)] = 1;
    }
    for (const Token& t : tokens) {
        for (int id : {t.text_id, t.stem_id}) {
            if (id < 0) {
                continue;
            }
            if (static_cast<std::size_t>(id) < by_id_.size()) {
                for (int serial : by_id_[static_cast<std::size_t>(id)]) {
                    out[static_cast<std::size_t>(serial)] = 1;
                }
            }
        }
    }
    for (int slot = 0; slot < 64; ++slot) {
        if ((slots_present >> slot) & 1u) {
            for (int serial : by_slot_[static_cast<std::size_t>(slot)]) {
                out[static_cast<std::size_t>(serial)] = 1;
            }
        }
    }
}

} // namespace et
