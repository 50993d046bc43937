// The vocabulary's table of texts: what is not inline (adding a new text, growing).
#include "core/text_index.hpp"

namespace et {

std::uint32_t TextIndex::insert(std::size_t slot, std::string_view text, std::uint64_t hash) {
    const auto number = static_cast<std::uint32_t>(ends_.size());
    bytes_.append(text);
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    slots_[slot] = Slot{static_cast<std::uint32_t>(hash), number};
    return number;
}

void TextIndex::reserve(std::size_t count, std::size_t bytes) {
    bytes_.reserve(bytes);
    ends_.reserve(count);
    std::size_t slot_count = 64;
    while (slot_count < count * 2) {
        slot_count *= 2;
    }
    if (slot_count > slots_.size()) {
        grow(slot_count);
    }
}

void TextIndex::clear() {
    slots_.clear();
    shift_ = 64;
    bytes_.clear();
    ends_.clear();
}

void TextIndex::grow(std::size_t slot_count) {
    slots_.assign(slot_count, Slot{});
    shift_ = 64;
    for (std::size_t n = slot_count; n > 1; n /= 2) {
        --shift_;
    }
    // The full hash is not kept, so the texts are hashed again; growing is rare.
    for (std::uint32_t number = 0; number < ends_.size(); ++number) {
        const std::uint64_t hash = hash_of(text_of(number));
        slots_[locate(text_of(number), hash)] = Slot{static_cast<std::uint32_t>(hash), number};
    }
}

} // namespace et
