// The vocabulary of a criteria file: word and stem ids, and the first-word index of its
// patterns that lets a response try only the patterns that could start in it.
#include "core/pattern.hpp"

#include <bit>
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

int Vocabulary::add_pattern(std::span<const int> ids, std::uint64_t slots, bool always) {
    const int serial = patterns_++;
    if (!index_first_words_) {
        return serial;
    }
    if (always) {
        always_.push_back(serial);
        return serial;
    }
    if (by_id_.capacity() == 0) {
        // Room for as many ids as the vocabulary has room for (see its constructor): growing
        // the list step by step freed blocks large enough to make malloc sweep every small
        // free block of the load each time.
        by_id_.reserve(kRoomForIds);
    }
    for (int id : ids) {
        if (by_id_.size() <= static_cast<std::size_t>(id)) {
            by_id_.resize(static_cast<std::size_t>(id) + 1);
        }
        auto& serials = by_id_[static_cast<std::size_t>(id)];
        // Most words start a few patterns: room for four at once rather than growing from one.
        if (serials.empty()) {
            serials.reserve(4);
        }
        serials.push_back(serial);
    }
    // Only the set bits (most patterns name no slot first, a few one or two).
    for (std::uint64_t rest = slots; rest != 0; rest &= rest - 1) {
        by_slot_[static_cast<std::size_t>(std::countr_zero(rest))].push_back(serial);
    }
    return serial;
}

void Vocabulary::candidates(const std::vector<Token>& tokens,
                            const std::vector<std::vector<SlotHit>>& hits,
                            StartPositions& out) const {
    out.head.assign(static_cast<std::size_t>(patterns_), StartPositions::kNone);
    out.entries.clear();
    for (int serial : always_) {
        out.head[static_cast<std::size_t>(serial)] = StartPositions::kAnywhere;
    }
    // Room for every entry up front: growing the array was most of building it.
    std::size_t most = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (int id : {tokens[i].text_id, tokens[i].stem_id}) {
            if (id >= 0 && static_cast<std::size_t>(id) < by_id_.size()) {
                most += by_id_[static_cast<std::size_t>(id)].size();
            }
        }
        for (const SlotHit& hit : hits[i]) {
            most += by_slot_[hit.slot].size();
        }
    }
    out.entries.reserve(most);
    // Last token first, each new entry in front, so that every list ends up ascending; a
    // token that starts a pattern by both its word and its stem is listed once.
    const auto add = [&](int serial, std::uint32_t position) {
        int& head = out.head[static_cast<std::size_t>(serial)];
        if (head >= 0 && out.entries[static_cast<std::size_t>(head)].position == position) {
            return;
        }
        out.entries.push_back({position, head});
        head = static_cast<int>(out.entries.size() - 1);
    };
    for (std::size_t i = tokens.size(); i-- > 0;) {
        const auto position = static_cast<std::uint32_t>(i);
        for (int id : {tokens[i].text_id, tokens[i].stem_id}) {
            if (id >= 0 && static_cast<std::size_t>(id) < by_id_.size()) {
                for (int serial : by_id_[static_cast<std::size_t>(id)]) {
                    add(serial, position);
                }
            }
        }
        for (const SlotHit& hit : hits[i]) {
            for (int serial : by_slot_[hit.slot]) {
                add(serial, position);
            }
        }
    }
}

} // namespace et
