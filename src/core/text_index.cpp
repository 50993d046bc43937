// The vocabulary's table of texts: linear probing, keys kept back to back.
#include "core/text_index.hpp"

#include <cstring>

namespace et {

namespace {

std::uint64_t read_bytes(const char* p, std::size_t count) {
    std::uint64_t value = 0;
    std::memcpy(&value, p, count);
    return value;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 32);
}

} // namespace

// Inlined into every lookup: a call per lookup was a measurable part of compiling patterns.
[[gnu::always_inline]] inline std::uint64_t TextIndex::hash_of(std::string_view text) {
    // Eight bytes at a time rather than one: most words are read in one or two pieces (the
    // pieces may overlap, as the length is mixed in too). The final multiplication spreads
    // the hash into the high bits, which choose the slot.
    const char* p = text.data();
    const std::size_t n = text.size();
    std::uint64_t h = mix(0x9E3779B97F4A7C15ULL, n);
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            h = mix(h, read_bytes(p + i, 8));
        }
        h = mix(h, read_bytes(p + n - 8, 8));
    } else if (n >= 4) {
        h = mix(h, read_bytes(p, 4) | (read_bytes(p + n - 4, 4) << 32));
    } else if (n > 0) {
        const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        h = mix(h, byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16));
    }
    return h * 0x9E3779B97F4A7C15ULL;
}

std::uint32_t TextIndex::find(std::string_view text) const {
    if (slots_.empty()) {
        return kNone;
    }
    const std::uint64_t hash = hash_of(text);
    const auto short_hash = static_cast<std::uint32_t>(hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot_of(hash);; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.number == kNone) {
            return kNone;
        }
        if (slot.hash == short_hash && text_of(slot.number) == text) {
            return slot.number;
        }
    }
}

std::pair<std::uint32_t, bool> TextIndex::add(std::string_view text) {
    if ((ends_.size() + 1) * 2 > slots_.size()) {
        grow(slots_.empty() ? 64 : slots_.size() * 2);
    }
    const std::uint64_t hash = hash_of(text);
    const auto short_hash = static_cast<std::uint32_t>(hash);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot_of(hash);
    for (;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.number == kNone) {
            break;
        }
        if (slot.hash == short_hash && text_of(slot.number) == text) {
            return {slot.number, false};
        }
    }
    const auto number = static_cast<std::uint32_t>(ends_.size());
    bytes_.append(text);
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    slots_[i] = Slot{short_hash, number};
    return {number, true};
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

void TextIndex::grow(std::size_t slot_count) {
    slots_.assign(slot_count, Slot{});
    shift_ = 64;
    for (std::size_t n = slot_count; n > 1; n /= 2) {
        --shift_;
    }
    const std::size_t mask = slot_count - 1;
    // The full hash is not kept, so the texts are hashed again; growing is rare.
    for (std::uint32_t number = 0; number < ends_.size(); ++number) {
        const std::uint64_t hash = hash_of(text_of(number));
        std::size_t i = slot_of(hash);
        while (slots_[i].number != kNone) {
            i = (i + 1) & mask;
        }
        slots_[i] = Slot{static_cast<std::uint32_t>(hash), number};
    }
}

} // namespace et
