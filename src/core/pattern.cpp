// What a pattern needs of an input, derived once when it is compiled, and the check that
// lets most patterns be skipped without trying a single start position.
#include "core/pattern.hpp"

#include <algorithm>

#include "core/input_words.hpp"
#include "core/pattern_internal.hpp"

namespace et {

namespace {

// Adds to `r` what the node at `i` demands of the token it starts at; false when that cannot
// be said simply (then `r` is partly filled and must be dropped). Appending into one
// requirement rather than returning one per node keeps compiling from allocating per word.
bool add_requirement(const NodeList& nodes, std::uint32_t i, Pattern::Requirement& r) {
    using Kind = Pattern::Node::Kind;
    const Pattern::Node& node = nodes[i];
    switch (node.kind) {
    case Kind::Word:
        if (r.ids.empty()) {
            r.ids.reserve(2);
        }
        r.ids.push_back(stands_for(node.text_id, node.stem_id));
        return true;
    case Kind::Slot:
        r.slots |= node.slots;
        return true;
    case Kind::WordSet:
        if (node.optional) {
            return false;
        }
        r.ids.insert(r.ids.end(), nodes.set_ids + node.span_begin, nodes.set_ids + node.span_end);
        return true;
    case Kind::Alternatives:
        return !any_branch(nodes, i, [&](std::uint32_t first, std::uint32_t last) {
            std::uint32_t k = first;
            while (k < last && nodes[k].kind == Kind::ClauseStart) {
                k = nodes[k].end;
            }
            return k == last || !add_requirement(nodes, k, r);
        });
    default:
        return false;
    }
}

// Adds to `r` what the first token of a match of the sequence [i, end) must meet, looking
// through optional groups, alternatives and anchors; false when any token could start it.
bool add_first(const NodeList& nodes, std::uint32_t i, std::uint32_t end, Pattern::Requirement& r) {
    using Kind = Pattern::Node::Kind;
    if (i >= end) {
        return false;
    }
    const Pattern::Node& node = nodes[i];
    switch (node.kind) {
    case Kind::Word:
    case Kind::Slot:
        return add_requirement(nodes, i, r);
    case Kind::WordSet:
        if (!node.optional) {
            return add_requirement(nodes, i, r);
        }
        r.ids.insert(r.ids.end(), nodes.set_ids + node.span_begin, nodes.set_ids + node.span_end);
        return add_first(nodes, node.end, end, r);
    case Kind::ClauseStart:
    case Kind::Not:
        return add_first(nodes, node.end, end, r);
    case Kind::Alternatives:
    case Kind::Optional: {
        const bool unknown = any_branch(nodes, i, [&](std::uint32_t first, std::uint32_t last) {
            return !add_first(nodes, first, last, r);
        });
        if (unknown) {
            return false;
        }
        return node.kind == Kind::Alternatives || add_first(nodes, node.end, end, r);
    }
    default:
        return false;
    }
}
bool input_meets(const int* ids, const int* ids_end, SlotMask slots, const MatchInput& input) {
    if ((slots & input.slots) != 0) {
        return true;
    }
    for (; ids != ids_end; ++ids) {
        if ((*input.present)[static_cast<std::size_t>(*ids)] != 0) {
            return true;
        }
    }
    return false;
}

} // namespace
void Pattern::derive_requirements(const std::vector<int>& set_ids) {
    const NodeList nodes{nodes_.data(), set_ids.data(), prefixes_};
    const auto top_end = static_cast<std::uint32_t>(nodes_.size());
    // Gathered in scratch lists kept between patterns, then copied at their final size: a
    // pattern's own lists are allocated once each, not grown node by node.
    static thread_local Requirement scratch;
    static thread_local std::vector<RequirementSpan> spans;
    static thread_local std::vector<int> ids;
    spans.clear();
    ids.assign(set_ids.begin(), set_ids.end());
    for (std::uint32_t i = 0; i < top_end; i = nodes_[i].end) {
        scratch.ids.clear();
        scratch.slots = 0;
        if (add_requirement(nodes, i, scratch)) {
            RequirementSpan span;
            span.begin = static_cast<std::uint32_t>(ids.size());
            ids.insert(ids.end(), scratch.ids.begin(), scratch.ids.end());
            span.end = static_cast<std::uint32_t>(ids.size());
            span.slots = scratch.slots;
            spans.push_back(span);
        }
    }
    requirements_.assign(spans.begin(), spans.end());
    // Single words first: they fail fastest for a response that cannot match.
    // A stable insertion sort: a pattern has a handful of requirements, and std::stable_sort
    // allocated a buffer for every pattern.
    const auto before = [](const RequirementSpan& a, const RequirementSpan& b) {
        const auto size_a = a.end - a.begin;
        const auto size_b = b.end - b.begin;
        return (a.slots != 0) < (b.slots != 0) || ((a.slots != 0) == (b.slots != 0) && size_a < size_b);
    };
    for (std::size_t k = 1; k < requirements_.size(); ++k) {
        const RequirementSpan moving = requirements_[k];
        std::size_t at = k;
        for (; at > 0 && before(moving, requirements_[at - 1]); --at) {
            requirements_[at] = requirements_[at - 1];
        }
        requirements_[at] = moving;
    }
    // A pattern that opens with "{any}" words ("!(i|we) {any} (is|was) ...") is anchored on
    // the first word after them, so it is not tried at every word of the response.
    std::uint32_t lead = 0;
    first_offset_ = 0;
    while (lead < top_end && (nodes_[lead].kind == Node::Kind::Any || nodes_[lead].kind == Node::Kind::Not ||
                              nodes_[lead].kind == Node::Kind::ClauseStart)) {
        first_offset_ += nodes_[lead].kind == Node::Kind::Any ? 1 : 0;
        lead = nodes_[lead].end;
    }
    scratch.ids.clear();
    scratch.slots = 0;
    if (add_first(nodes, lead, top_end, scratch)) {
        std::sort(scratch.ids.begin(), scratch.ids.end());
        scratch.ids.erase(std::unique(scratch.ids.begin(), scratch.ids.end()), scratch.ids.end());
        RequirementSpan first;
        first.begin = static_cast<std::uint32_t>(ids.size());
        ids.insert(ids.end(), scratch.ids.begin(), scratch.ids.end());
        first.end = static_cast<std::uint32_t>(ids.size());
        first.slots = scratch.slots;
        first_ = first;
    }
    ids_.assign(ids.begin(), ids.end());
}
bool Pattern::meets_requirements(const MatchInput& input) const {
    if (input.words != nullptr) {
        const InputWords& words = *input.words;
        return std::all_of(requirements_.begin(), requirements_.end(),
                           [&](const RequirementSpan& r) {
                               return (r.slots & input.slots) != 0 ||
                                      std::any_of(ids_.data() + r.begin, ids_.data() + r.end,
                                                  [&](int id) { return words.has(id); });
                           });
    }
    if (input.present != nullptr) {
        for (const RequirementSpan& r : requirements_) {
            if (!input_meets(ids_.data() + r.begin, ids_.data() + r.end, r.slots, input)) {
                return false;
            }
        }
    }
    return true;
}
} // namespace et
