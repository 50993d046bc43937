// Choosing each pattern's key, and a response's candidates by their keys (see pattern_keys.hpp).
#include "core/pattern_keys.hpp"

#include "core/criteria.hpp"
#include "core/input_words.hpp"

#include <algorithm>
#include <utility>

namespace et {

namespace {

// A slot is a whole list of words ({feeling} is the lexicon), so a response has it far more
// often than the number of patterns that name it suggests.
constexpr std::uint64_t kSlotWeight = 3;

} // namespace

PatternKeys::PatternKeys(std::span<const Pattern* const> patterns, std::size_t serial_count,
                         std::size_t id_count)
    : serial_count_(serial_count) {
    for (auto& w : without_) {
        w.assign((serial_count + 63) / 64, ~std::uint64_t{0});
    }
    // How many requirements of all the patterns name each id and slot.
    std::vector<std::uint32_t> id_uses(id_count, 0);
    std::array<std::uint64_t, 64> slot_uses{};
    for (const Pattern* p : patterns) {
        for (std::size_t k = 0; k < p->requirement_count(); ++k) {
            for (int id : p->requirement_ids(k)) {
                ++id_uses[static_cast<std::size_t>(id)];
            }
            for (SlotMask rest = p->requirement_slots(k); rest != 0; rest &= rest - 1) {
                ++slot_uses[static_cast<std::size_t>(std::countr_zero(rest))];
            }
        }
    }
    const auto cost = [&](const Pattern& p, std::size_t k) {
        std::uint64_t uses = 0;
        for (int id : p.requirement_ids(k)) {
            uses += id_uses[static_cast<std::size_t>(id)];
        }
        for (SlotMask rest = p.requirement_slots(k); rest != 0; rest &= rest - 1) {
            uses += kSlotWeight * slot_uses[static_cast<std::size_t>(std::countr_zero(rest))];
        }
        return uses;
    };
    // (id, posting) in the order of the patterns; then counted into runs by id (no sort: a
    // criteria file has some 10,000 postings, and sorting them was a tenth of loading it).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> postings;
    postings.reserve(8 * patterns.size());
    std::vector<std::uint32_t> last_posting(id_count, UINT32_MAX); // an id listed twice in a key
    std::vector<std::pair<std::uint64_t, std::size_t>> order;      // (cost, requirement)
    for (const Pattern* p : patterns) {
        const int serial = p->serial();
        if (serial < 0 || static_cast<std::size_t>(serial) >= serial_count) {
            continue;
        }
        // The cheapest requirements, the first one winning ties.
        order.clear();
        for (std::size_t k = 0; k < p->requirement_count(); ++k) {
            order.emplace_back(cost(*p, k), k);
        }
        std::sort(order.begin(), order.end());
        const auto s = static_cast<std::uint32_t>(serial);
        for (std::uint32_t which = 0; which < kKeys && which < order.size(); ++which) {
            without_[which][s / 64] &= ~(std::uint64_t{1} << (s % 64));
            const std::uint32_t posting = kKeys * s + which;
            const std::size_t key = order[which].second;
            for (int id : p->requirement_ids(key)) {
                if (std::exchange(last_posting[static_cast<std::size_t>(id)], posting) != posting) {
                    postings.emplace_back(static_cast<std::uint32_t>(id), posting);
                }
            }
            for (SlotMask rest = p->requirement_slots(key); rest != 0; rest &= rest - 1) {
                by_slot_[static_cast<std::size_t>(std::countr_zero(rest))].push_back(posting);
            }
        }
    }
    id_ends_.assign(id_count, 0);
    for (const auto& [id, posting] : postings) {
        ++id_ends_[id];
    }
    std::uint32_t end = 0;
    for (std::uint32_t& n : id_ends_) {
        end += n;
        n = end;
    }
    // Filled from the back of each run, the postings last first, so that each run keeps
    // the order of the patterns.
    by_id_.resize(postings.size());
    std::vector<std::uint32_t> fill = id_ends_;
    for (auto it = postings.rbegin(); it != postings.rend(); ++it) {
        by_id_[--fill[it->first]] = it->second;
    }
}

PatternKeys PatternKeys::of(const Criteria& criteria) {
    return PatternKeys(criteria.all_patterns(), criteria.vocabulary.pattern_count(),
                       criteria.vocabulary.size());
}

void PatternKeys::candidates(const InputWords& words, SlotMask slots,
                             std::vector<std::uint64_t>& out) const {
    const std::size_t half = without_[0].size();
    out.resize(kKeys * half);
    for (std::uint32_t j = 0; j < kKeys; ++j) {
        std::copy(without_[j].begin(), without_[j].end(),
                  out.begin() + static_cast<std::ptrdiff_t>(j * half));
    }
    const auto mark = [&](std::uint32_t posting) {
        const std::uint32_t serial = posting / kKeys;
        out[(posting % kKeys) * half + serial / 64] |= std::uint64_t{1} << (serial % 64);
    };
    for (int id : words.ids()) {
        const auto i = static_cast<std::size_t>(id);
        if (i < id_ends_.size()) {
            for (std::uint32_t k = i == 0 ? 0 : id_ends_[i - 1]; k < id_ends_[i]; ++k) {
                mark(by_id_[k]);
            }
        }
    }
    for (SlotMask rest = slots; rest != 0; rest &= rest - 1) {
        for (std::uint32_t posting : by_slot_[static_cast<std::size_t>(std::countr_zero(rest))]) {
            mark(posting);
        }
    }
    for (std::uint32_t j = 1; j < kKeys; ++j) {
        for (std::size_t w = 0; w < half; ++w) {
            out[w] &= out[j * half + w];
        }
    }
    out.resize(half);
}

} // namespace et
