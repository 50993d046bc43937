// Internals shared by the pattern compiler and matcher.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/pattern.hpp"

namespace et {

// The longest gap "..." or "~" may span, in words.
inline constexpr int kGapMaxWords = 8;

// The one id that tells whether a token could be a pattern's word, in the id lists checked
// against tokens (word sets, requirements, first words): its stem's id, or the word's own
// for an "=exact" word (stem id -1). A token is stemmed as the pattern's words are, so a
// token with the word's id always has its stem's id too; listing both only doubled the
// lists and the checks of every response against them.
inline int stands_for(int text_id, int stem_id) {
    return stem_id >= 0 ? stem_id : text_id;
}

// A pattern's nodes with the lists their spans index (see Pattern::Node).
struct NodeList {
    const Pattern::Node* nodes;
    const int* set_ids;
    std::string_view prefixes;

    const Pattern::Node& operator[](std::uint32_t i) const { return nodes[i]; }
    bool in_set(const Pattern::Node& node, int id) const {
        return std::binary_search(set_ids + node.span_begin, set_ids + node.span_end, id);
    }
};

// The branches of the group at `group`: each opened by a Branch node whose `end` closes it.
template <class F>
bool any_branch(const NodeList& nodes, std::uint32_t group, const F& f) {
    for (std::uint32_t b = group + 1; b < nodes[group].end; b = nodes[b].end) {
        if (f(b + 1, nodes[b].end)) {
            return true;
        }
    }
    return false;
}

} // namespace et
