// The patterns one response could match, found from the words and slots the response has.
#pragma once

#include "core/pattern.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

namespace et {

struct Criteria;

// Files each pattern under two requirements it cannot match without: its keys. A response then
// looks up only its own words and slots, and the patterns it makes candidates are the few
// whose keys it has, so what it costs grows with the response rather than with the criteria.
//
// The keys are the two requirements whose words and slots the fewest patterns need: a
// stand-in for the rarest in responses ("you" and "that" are in hundreds of patterns and most
// responses; "wonder" is in a few of each). A pattern is a candidate when the response meets
// both; about one in ten of the patterns that start with one of its words is.
class PatternKeys {
public:
    PatternKeys() = default;
    // `serial_count` and `id_count` are the numbers of serials and ids in the patterns'
    // vocabulary; a serial that none of `patterns` has, or a pattern without requirements, is
    // a candidate for every input.
    PatternKeys(std::span<const Pattern* const> patterns, std::size_t serial_count,
                std::size_t id_count);
    // Every pattern of a criteria file: its Level One, link and mistake patterns and exceptions.
    static PatternKeys of(const Criteria& criteria);

    std::size_t serial_count() const { return serial_count_; }
    // One bit per serial (of serial_count()): set for the candidates of the input whose
    // words are `words` and whose slots hit are `slots`.
    void candidates(const InputWords& words, SlotMask slots, std::vector<std::uint64_t>& out) const;

private:
    std::size_t serial_count_ = 0;
    // Two keys made the typical response 4% cheaper than one; three, dearer again (the third
    // is a common word whose postings cost more to walk than the checks they save).
    static constexpr std::uint32_t kKeys = 2;
    // Per key: the bits of the serials without that key (a candidate whatever the input).
    std::array<std::vector<std::uint64_t>, kKeys> without_;
    // A posting is a serial and which of its keys: kKeys * serial + which. Postings by the ids
    // of their keys, all in one array: an id's run ends at id_ends_[id].
    std::vector<std::uint32_t> id_ends_;
    std::vector<std::uint32_t> by_id_;
    std::array<std::vector<std::uint32_t>, 64> by_slot_;
};

// Calls f(i) for each set bit i of `bits` in [begin, end), ascending.
template <class F>
void for_each_set_bit(const std::vector<std::uint64_t>& bits, std::size_t begin, std::size_t end,
                      const F& f) {
    for (std::size_t word = begin / 64; word * 64 < end; ++word) {
        std::uint64_t set = bits[word];
        if (word == begin / 64) {
            set &= ~std::uint64_t{0} << (begin % 64);
        }
        if (end - word * 64 < 64) {
            set &= (std::uint64_t{1} << (end - word * 64)) - 1;
        }
        for (; set != 0; set &= set - 1) {
            f(word * 64 + static_cast<std::size_t>(std::countr_zero(set)));
        }
    }
}

inline bool bit_set(const std::vector<std::uint64_t>& bits, std::size_t i) {
    return ((bits[i / 64] >> (i % 64)) & 1u) != 0;
}

} // namespace et
