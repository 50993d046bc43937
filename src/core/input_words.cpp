// Building the per-input word and slot positions (see input_words.hpp).
#include "core/input_words.hpp"

#include "core/pattern.hpp"

#include <algorithm>
#include <bit>

namespace et {

void InputWords::assign(const std::vector<Token>& tokens,
                        const std::vector<std::vector<SlotHit>>& hits) {
    // Two ids a token at most, so at most half the cells are ever used.
    const std::size_t cells = std::bit_ceil(std::max<std::size_t>(16, 4 * tokens.size()));
    table_.assign(cells, Cell{});
    shift_ = 64 - std::countr_zero(cells);
    ids_.clear();
    entries_.clear();
    entries_.reserve(2 * tokens.size());
    slot_first_.fill(kEnd);
    int largest = -1;
    // Last token first, each position put in front, so that every list ends up ascending.
    for (std::size_t i = tokens.size(); i-- > 0;) {
        const auto position = static_cast<std::uint32_t>(i);
        // A word id and a stem id never coincide (stems are interned under a marked key), so a
        // token is listed once under each of its ids.
        for (int id : {tokens[i].text_id, tokens[i].stem_id}) {
            if (id < 0) {
                continue;
            }
            std::size_t cell = slot_for(id);
            while (table_[cell].id >= 0 && table_[cell].id != id) {
                cell = (cell + 1) & (cells - 1);
            }
            if (table_[cell].id < 0) {
                table_[cell].id = id;
                ids_.push_back(id);
                largest = std::max(largest, id);
            }
            push_front(position, table_[cell].first);
        }
        // A token may hit one slot with phrases of two lengths: it is one position.
        for (const SlotHit& hit : hits[i]) {
            std::uint32_t& first = slot_first_[hit.slot];
            if (first == kEnd || entries_[first].position != position) {
                push_front(position, first);
            }
        }
    }
    present_.assign(static_cast<std::size_t>(largest + 64) / 64, 0);
    for (int id : ids_) {
        present_[static_cast<std::size_t>(id) / 64] |= std::uint64_t{1} << (id % 64);
    }
}

} // namespace et
