// What a pattern needs of an input, derived once when it is compiled, and the check that
// lets most patterns be skipped without trying a single start position.
#include "core/pattern.hpp"

#include <algorithm>

#include "core/input_words.hpp"
#include "core/pattern_internal.hpp"

namespace et {

namespace {

// Appends what parts of a pattern demand of an input to `ids` (which already holds the
// pattern's word sets, and has room reserved for all it will get: see derive_requirements),
// so that compiling appends into lists kept between patterns instead of allocating.
class RequirementWriter {
public:
    RequirementWriter(const Pattern::Node* nodes, std::vector<int>& ids)
        : nodes_{nodes, ids.data(), {}}, ids_(ids) {}

    // Adds what the node at `i` demands of the token it starts at; false when that cannot be
    // said simply (then what was added must be dropped).
    bool add_requirement(std::uint32_t i, SlotMask& slots) {
        using Kind = Pattern::Node::Kind;
        const Pattern::Node& node = nodes_[i];
        switch (node.kind) {
        case Kind::Word:
            ids_.push_back(stands_for(node.text_id, node.stem_id));
            return true;
        case Kind::Slot:
            slots |= node.slots;
            return true;
        case Kind::WordSet:
            if (node.optional) {
                return false;
            }
            add_set(node);
            return true;
        case Kind::Alternatives:
            return !any_branch(nodes_, i, [&](std::uint32_t first, std::uint32_t last) {
                std::uint32_t k = first;
                while (k < last && nodes_[k].kind == Kind::ClauseStart) {
                    k = nodes_[k].end;
                }
                return k == last || !add_requirement(k, slots);
            });
        default:
            return false;
        }
    }

    // Adds what the first token of a match of the sequence [i, end) must meet, looking
    // through optional groups, alternatives and anchors; false when any token could start it.
    bool add_first(std::uint32_t i, std::uint32_t end, SlotMask& slots) {
        using Kind = Pattern::Node::Kind;
        if (i >= end) {
            return false;
        }
        const Pattern::Node& node = nodes_[i];
        switch (node.kind) {
        case Kind::Word:
        case Kind::Slot:
            return add_requirement(i, slots);
        case Kind::WordSet:
            if (!node.optional) {
                return add_requirement(i, slots);
            }
            add_set(node);
            return add_first(node.end, end, slots);
        case Kind::ClauseStart:
        case Kind::Not:
            return add_first(node.end, end, slots);
        case Kind::Alternatives:
        case Kind::Optional: {
            const bool unknown =
                any_branch(nodes_, i, [&](std::uint32_t first, std::uint32_t last) {
                    return !add_first(first, last, slots);
                });
            if (unknown) {
                return false;
            }
            return node.kind == Kind::Alternatives || add_first(node.end, end, slots);
        }
        default:
            return false;
        }
    }

private:
    // Element by element from the list's own front: the room reserved up front means no
    // push_back here moves the list.
    void add_set(const Pattern::Node& node) {
        for (std::uint32_t k = node.span_begin; k < node.span_end; ++k) {
            ids_.push_back(ids_[k]);
        }
    }

    const NodeList nodes_;
    std::vector<int>& ids_;
};

// Every requirement in [first, last) is met: a slot of it is hit in the input, or one of its
// ids is there by `has`.
template <class Has>
bool all_met(const Pattern::RequirementSpan* first, const Pattern::RequirementSpan* last,
             const int* ids, SlotMask slots, const Has& has) {
    return std::all_of(first, last, [&](const Pattern::RequirementSpan& r) {
        return (r.slots & slots) != 0 || std::any_of(ids + r.begin, ids + r.end, has);
    });
}

} // namespace

void Pattern::derive_requirements(const std::vector<Node>& nodes, std::vector<int>& ids,
                                  std::vector<RequirementSpan>& spans) {
    // Each node is visited at most once for the requirements and once for the first word,
    // adding at most one id (a word) or its set's ids: room for all of that keeps the sets,
    // which the writer copies from, in place.
    ids.reserve(3 * ids.size() + 2 * nodes.size());
    RequirementWriter writer(nodes.data(), ids);
    const auto top_end = static_cast<std::uint32_t>(nodes.size());
    spans.clear();
    for (std::uint32_t i = 0; i < top_end; i = nodes[i].end) {
        RequirementSpan span;
        span.begin = static_cast<std::uint32_t>(ids.size());
        if (writer.add_requirement(i, span.slots)) {
            span.end = static_cast<std::uint32_t>(ids.size());
            spans.push_back(span);
        } else {
            ids.resize(span.begin);
        }
    }
    // Single words first: they fail fastest for a response that cannot match.
    // A stable insertion sort: a pattern has a handful of requirements, and std::stable_sort
    // allocated a buffer for every pattern.
    const auto before = [](const RequirementSpan& a, const RequirementSpan& b) {
        const auto size_a = a.end - a.begin;
        const auto size_b = b.end - b.begin;
        return (a.slots != 0) < (b.slots != 0) || ((a.slots != 0) == (b.slots != 0) && size_a < size_b);
    };
    for (std::size_t k = 1; k < spans.size(); ++k) {
        const RequirementSpan moving = spans[k];
        std::size_t at = k;
        for (; at > 0 && before(moving, spans[at - 1]); --at) {
            spans[at] = spans[at - 1];
        }
        spans[at] = moving;
    }
    // A pattern that opens with "{any}" words ("!(i|we) {any} (is|was) ...") is anchored on
    // the first word after them, so it is not tried at every word of the response.
    std::uint32_t lead = 0;
    first_offset_ = 0;
    while (lead < top_end &&
           (nodes[lead].kind == Node::Kind::Any || nodes[lead].kind == Node::Kind::Not ||
            nodes[lead].kind == Node::Kind::ClauseStart)) {
        first_offset_ += nodes[lead].kind == Node::Kind::Any ? 1 : 0;
        lead = nodes[lead].end;
    }
    RequirementSpan first;
    first.begin = static_cast<std::uint32_t>(ids.size());
    if (writer.add_first(lead, top_end, first.slots)) {
        const auto begin = ids.begin() + first.begin;
        std::sort(begin, ids.end());
        ids.erase(std::unique(begin, ids.end()), ids.end());
        first.end = static_cast<std::uint32_t>(ids.size());
        first_ = first;
    } else {
        ids.resize(first.begin);
    }
}
bool Pattern::meets_requirements(const MatchInput& input) const {
    // Where the lists are, read once: the checks below run for most patterns of every input.
    const int* ids = this->ids();
    const RequirementSpan* first = requirements();
    const RequirementSpan* last = first + layout_.requirement_count;
    if (input.words != nullptr) {
        const InputWords& words = *input.words;
        return all_met(first, last, ids, input.slots, [&](int id) { return words.has(id); });
    }
    if (input.present != nullptr) {
        const std::vector<char>& present = *input.present;
        return all_met(first, last, ids, input.slots,
                       [&](int id) { return present[static_cast<std::size_t>(id)] != 0; });
    }
    return true;
}
} // namespace et
