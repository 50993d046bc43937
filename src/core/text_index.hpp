// Numbers distinct texts 0, 1, 2... in the order they are first added, for the vocabulary.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace et {

// An open-addressing table over one buffer of key bytes: adding a text allocates nothing
// but the occasional growth, and a lookup reads one slot and one key. Loading a criteria
// file looks up some 20,000 words and adds some 6,000, which a node-based map made a
// fifth of the load (a node per key, a division per lookup).
class TextIndex {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // The text's number, or kNone.
    std::uint32_t find(std::string_view text) const {
        if (slots_.empty()) {
            return kNone;
        }
        return slots_[locate(text, hash_of(text))].number;
    }
    // The text's number, and whether it was added now. Inline, as compiling the patterns
    // calls it for every word it reads.
    std::pair<std::uint32_t, bool> add(std::string_view text) {
        if ((ends_.size() + 1) * 2 > slots_.size()) {
            grow(slots_.empty() ? 64 : slots_.size() * 2);
        }
        const std::uint64_t hash = hash_of(text);
        const std::size_t slot = locate(text, hash);
        if (slots_[slot].number != kNone) {
            return {slots_[slot].number, false};
        }
        return {insert(slot, text, hash), true};
    }
    std::size_t size() const { return ends_.size(); }
    // The text numbered `number` (below size()).
    std::string_view text(std::uint32_t number) const { return text_of(number); }
    // The hash a text is filed under: also what the normalisation's word maps hash with.
    static std::uint64_t hash(std::string_view text) { return hash_of(text); }
    // Room for `count` texts of `bytes` in all without growing.
    void reserve(std::size_t count, std::size_t bytes);
    // Forgets every text.
    void clear();

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t number = kNone; // kNone: an empty slot
    };

    static std::uint64_t read_bytes(const char* p, std::size_t count) {
        std::uint64_t value = 0;
        std::memcpy(&value, p, count);
        return value;
    }
    static std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
        h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
        return h ^ (h >> 32);
    }
    // Eight bytes at a time rather than one: most words are read in one or two pieces (the
    // pieces may overlap, as the length is mixed in too). The final multiplication spreads
    // the hash into the high bits, which choose the slot.
    static std::uint64_t hash_of(std::string_view text) {
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
            h = mix(h, byte_at(p, 0) | (byte_at(p, n / 2) << 8) | (byte_at(p, n - 1) << 16));
        }
        return h * 0x9E3779B97F4A7C15ULL;
    }
    static std::uint64_t byte_at(const char* p, std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
    }

    // a == b, read like hash_of reads them rather than through a call to memcmp: most keys
    // are a word of a few bytes.
    static bool same_text(std::string_view a, std::string_view b) {
        const std::size_t n = a.size();
        if (n != b.size()) {
            return false;
        }
        const char* p = a.data();
        const char* q = b.data();
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 < n; i += 8) {
                if (read_bytes(p + i, 8) != read_bytes(q + i, 8)) {
                    return false;
                }
            }
            return read_bytes(p + n - 8, 8) == read_bytes(q + n - 8, 8);
        }
        if (n >= 4) {
            return read_bytes(p, 4) == read_bytes(q, 4) && read_bytes(p + n - 4, 4) == read_bytes(q + n - 4, 4);
        }
        return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
    }

    // The slot that holds `text`, or the empty slot where it would go.
    std::size_t locate(std::string_view text, std::uint64_t hash) const {
        const auto short_hash = static_cast<std::uint32_t>(hash);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(hash >> shift_);; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.number == kNone || (slot.hash == short_hash && same_text(text_of(slot.number), text))) {
                return i;
            }
        }
    }
    std::string_view text_of(std::uint32_t number) const {
        const std::uint32_t begin = number == 0 ? 0 : ends_[number - 1];
        return {bytes_.data() + begin, ends_[number] - begin};
    }
    std::uint32_t insert(std::size_t slot, std::string_view text, std::uint64_t hash);
    void grow(std::size_t slot_count);

    std::vector<Slot> slots_;         // a power of two of them, at most half in use
    int shift_ = 64;                  // 64 - log2(slots_.size())
    std::string bytes_;               // every text, back to back, in number order
    std::vector<std::uint32_t> ends_; // per number: where its text ends in bytes_
};

} // namespace et
