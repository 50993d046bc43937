// Numbers distinct texts 0, 1, 2... in the order they are first added, for the vocabulary.
#pragma once

#include <cstdint>
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
    std::uint32_t find(std::string_view text) const;
    // The text's number, and whether it was added now.
    std::pair<std::uint32_t, bool> add(std::string_view text);
    std::size_t size() const { return ends_.size(); }
    // Room for `count` texts of `bytes` in all without growing.
    void reserve(std::size_t count, std::size_t bytes);

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t number = kNone; // kNone: an empty slot
    };

    static std::uint64_t hash_of(std::string_view text);
    std::string_view text_of(std::uint32_t number) const {
        const std::uint32_t begin = number == 0 ? 0 : ends_[number - 1];
        return {bytes_.data() + begin, ends_[number] - begin};
    }
    std::size_t slot_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> shift_); }
    void grow(std::size_t slot_count);

    std::vector<Slot> slots_;         // a power of two of them, at most half in use
    int shift_ = 64;                  // 64 - log2(slots_.size())
    std::string bytes_;               // every text, back to back, in number order
    std::vector<std::uint32_t> ends_; // per number: where its text ends in bytes_
};

} // namespace et
