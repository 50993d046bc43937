// Where each vocabulary word, stem and slot of one input is, in tables sized by the input.
#pragma once

#include "core/text.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace et {

struct SlotHit;

// The words of one input (a response), as the patterns ask about them: whether a vocabulary
// id is anywhere in it, and at which tokens an id or a slot is. Arrays sized by the
// vocabulary or by the number of patterns cost every response as much as the criteria
// grow; these grow only with the response.
class InputWords {
public:
    static constexpr std::uint32_t kEnd = UINT32_MAX; // ends a list of positions

    // Indexes the text and stem ids of `tokens` and the slots of `hits` (one list per token).
    void assign(const std::vector<Token>& tokens, const std::vector<std::vector<SlotHit>>& hits);

    bool has(int id) const {
        const auto i = static_cast<std::size_t>(id);
        return id >= 0 && i / 64 < present_.size() && ((present_[i / 64] >> (i % 64)) & 1u) != 0;
    }
    // The distinct ids of the input, in no particular order.
    const std::vector<int>& ids() const { return ids_; }

    // The first of the positions of `id` (ascending), or kEnd; next() walks the rest.
    std::uint32_t first_of(int id) const {
        if (!has(id)) {
            return kEnd;
        }
        for (std::size_t i = slot_for(id);; i = (i + 1) & (table_.size() - 1)) {
            if (table_[i].id == id) {
                return table_[i].first;
            }
            if (table_[i].id < 0) {
                return kEnd;
            }
        }
    }
    // The first of the positions of slot `slot` (ascending), or kEnd; next() walks the rest.
    std::uint32_t first_of_slot(std::uint8_t slot) const { return slot_first_[slot]; }
    // Positions are walked through their entries: the token of an entry, and the entry after.
    std::uint32_t position(std::uint32_t entry) const { return entries_[entry].position; }
    std::uint32_t next(std::uint32_t entry) const { return entries_[entry].next; }

private:
    struct Cell {
        int id = -1; // -1: empty
        std::uint32_t first = kEnd;
    };
    struct Entry {
        std::uint32_t position;
        std::uint32_t next;
    };
    std::size_t slot_for(int id) const {
        return static_cast<std::size_t>(
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(id)) * 0x9E3779B97F4A7C15ULL) >>
            shift_);
    }
    // Adds `position` in front of the list that starts at `first`.
    void push_front(std::uint32_t position, std::uint32_t& first) {
        entries_.push_back({position, first});
        first = static_cast<std::uint32_t>(entries_.size() - 1);
    }

    std::vector<Cell> table_; // open addressing, a power of two of cells, at most half in use
    int shift_ = 64;          // 64 - log2(table_.size())
    std::vector<int> ids_;
    // One bit per id up to the largest in the input: asked a hundred times a response, more
    // often than the table, and cheaper.
    std::vector<std::uint64_t> present_;
    std::vector<Entry> entries_; // the lists of positions of every id and slot, threaded
    std::array<std::uint32_t, 64> slot_first_{};
};

} // namespace et
