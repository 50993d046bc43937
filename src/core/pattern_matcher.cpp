// The pattern matcher: backtracking over tokens, from the starts the input allows (the
// tokens a pattern's first word or slot is at).
#include "core/pattern.hpp"

#include <algorithm>
#include <bit>

#include "core/input_words.hpp"
#include "core/pattern_internal.hpp"

namespace et {

namespace {

class Continuation {
public:
    template <class F>
    explicit Continuation(const F& f)
        : object_(&f), call_([](const void* o, std::size_t end) {
              return (*static_cast<const F*>(o))(end);
          }) {}
    bool operator()(std::size_t end) const { return call_(object_, end); }

private:
    const void* object_;
    bool (*call_)(const void*, std::size_t);
};

class Matcher {
public:
    Matcher(NodeList nodes, const MatchInput& input, std::size_t start)
        : nodes_(nodes), tokens_(*input.tokens), hits_(*input.hits), sentence_((*input.tokens)[start].sentence) {}

    // Matches the sequence of nodes [i, end) at `pos`, then `next`.
    bool sequence(std::uint32_t i, std::uint32_t end, std::size_t pos, const Continuation& next) const {
        using Kind = Pattern::Node::Kind;
        // The nodes that match one way or not at all (most are plain words) are stepped
        // through here: a continuation is built only where a match can go two ways.
        for (; i != end; i = nodes_[i].end) {
            const Pattern::Node& node = nodes_[i];
            switch (node.kind) {
            case Kind::Word:
                if (!word_at(node, pos)) {
                    return false;
                }
                ++pos;
                continue;
            case Kind::WordSet:
                if (node.optional) {
                    break;
                }
                if (!in_set_at(node, pos)) {
                    return false;
                }
                ++pos;
                continue;
            case Kind::Prefix:
                if (!in_sentence(pos) ||
                    !std::string_view(tokens_[pos].text)
                         .starts_with(nodes_.prefixes.substr(node.span_begin,
                                                             node.span_end - node.span_begin))) {
                    return false;
                }
                ++pos;
                continue;
            case Kind::Any:
                if (!in_sentence(pos)) {
                    return false;
                }
                ++pos;
                continue;
            case Kind::ClauseStart:
                if (pos >= tokens_.size() ||
                    (pos > 0 && tokens_[pos - 1].clause == tokens_[pos].clause)) {
                    return false;
                }
                continue;
            case Kind::Not:
                if (!not_at(i, pos)) {
                    return false;
                }
                continue;
            default:
                break;
            }
            break;
        }
        if (i == end) {
            return next(pos);
        }
        const Pattern::Node& node = nodes_[i];
        const std::uint32_t after = node.end;
        auto rest_fn = [&](std::size_t p) { return sequence(after, end, p, next); };
        const Continuation rest_here(rest_fn);
        // The last node of a sequence continues straight into `next`: one indirect call
        // less per step of every branch, which is most of the matcher's work.
        const Continuation& rest = after == end ? next : rest_here;
        switch (node.kind) {
        case Kind::WordSet: // optional
            return (in_set_at(node, pos) && rest(pos + 1)) || rest(pos);
        case Kind::Slot:
            if (!in_sentence(pos)) {
                return false;
            }
            for (const SlotHit& hit : hits_[pos]) {
                if ((node.slots >> hit.slot) & 1u) {
                    if (pos + hit.length <= tokens_.size() &&
                        tokens_[pos + hit.length - 1].sentence == sentence_ && rest(pos + hit.length)) {
                        return true;
                    }
                }
            }
            return false;
        case Kind::Gap: {
            // Greedy: the longest gap first, so a match covers all the words it judges.
            int longest = 0;
            while (longest < kGapMaxWords && in_sentence(pos + longest) &&
                   (!node.clause_only || (pos > 0 && tokens_[pos + longest].clause == tokens_[pos - 1].clause))) {
                ++longest;
            }
            for (int g = longest; g >= 0; --g) {
                if (rest(pos + g)) {
                    return true;
                }
            }
            return false;
        }
        case Kind::Optional:
            return any_branch_at(i, pos, rest) || rest(pos);
        case Kind::Alternatives:
            return any_branch_at(i, pos, rest);
        case Kind::SentenceEnd: {
            if (pos < tokens_.size() && tokens_[pos].sentence == sentence_) {
                return false;
            }
            // Whatever follows "$" continues in the next sentence ("Nice. What's for dinner?").
            const std::uint16_t saved = sentence_;
            if (pos < tokens_.size()) {
                sentence_ = tokens_[pos].sentence;
            }
            const bool matched = rest(pos);
            sentence_ = saved;
            return matched;
        }
        default:
            break; // the others are stepped through above; Branch is only walked by any_branch
        }
        return false;
    }

private:
    // Whether a branch of the group at `group` matches at `pos`, then `rest`. Most branches
    // fail on their first word, and groups of many branches (forty ways of saying
    // "overreacting") are common: a branch that opens with a word is passed over by
    // comparing ids, the token's read once for the group.
    bool any_branch_at(std::uint32_t group, std::size_t pos, const Continuation& rest) const {
        using Kind = Pattern::Node::Kind;
        // Ids no word has when `pos` is outside the sentence: no Word branch can start.
        constexpr int kNoWord = -2;
        const bool here = in_sentence(pos);
        const int text_id = here ? tokens_[pos].text_id : kNoWord;
        const int stem_id = here ? tokens_[pos].stem_id : kNoWord;
        for (std::uint32_t b = group + 1; b < nodes_[group].end; b = nodes_[b].end) {
            const std::uint32_t first = b + 1;
            const std::uint32_t last = nodes_[b].end;
            const Pattern::Node& opening = nodes_[first];
            if (first != last && opening.kind == Kind::Word) {
                if (opening.text_id != text_id &&
                    (opening.stem_id < 0 || opening.stem_id != stem_id)) {
                    continue;
                }
            } else if (!may_start(first, pos)) {
                continue;
            }
            if (sequence(first, last, pos, rest)) {
                return true;
            }
        }
        return false;
    }

    // False when the branch's first word or slot is plainly not at `pos`: most branches of
    // a group fail on their first word, and this skips building their continuation.
    bool may_start(std::uint32_t first, std::size_t pos) const {
        using Kind = Pattern::Node::Kind;
        const Pattern::Node& node = nodes_[first];
        switch (node.kind) {
        case Kind::Word:
            return word_at(node, pos);
        case Kind::Slot:
            return in_sentence(pos) && std::any_of(hits_[pos].begin(), hits_[pos].end(), [&](const SlotHit& hit) {
                       return ((node.slots >> hit.slot) & 1u) != 0;
                   });
        default:
            return true;
        }
    }

    // A Word node's word (or its stem, unless "=exact") is at `pos`, in the sentence.
    bool word_at(const Pattern::Node& node, std::size_t pos) const {
        return in_sentence(pos) && (tokens_[pos].text_id == node.text_id ||
                                    (node.stem_id >= 0 && tokens_[pos].stem_id == node.stem_id));
    }

    // A WordSet node's word (or its stem) is at `pos`, in the sentence.
    bool in_set_at(const Pattern::Node& node, std::size_t pos) const {
        return in_sentence(pos) &&
               ((tokens_[pos].text_id >= 0 && nodes_.in_set(node, tokens_[pos].text_id)) ||
                (tokens_[pos].stem_id >= 0 && nodes_.in_set(node, tokens_[pos].stem_id)));
    }

    // The Not node at `i` lets a match go on at `pos`: none of its words (or branches) is there.
    bool not_at(std::uint32_t i, std::size_t pos) const {
        const Pattern::Node& node = nodes_[i];
        if (node.span_begin != node.span_end) {
            return pos >= tokens_.size() ||
                   !((tokens_[pos].text_id >= 0 && nodes_.in_set(node, tokens_[pos].text_id)) ||
                     (tokens_[pos].stem_id >= 0 && nodes_.in_set(node, tokens_[pos].stem_id)));
        }
        const auto accept_fn = [](std::size_t) { return true; };
        const Continuation accept(accept_fn);
        return !any_branch(nodes_, i, [&](std::uint32_t first, std::uint32_t last) {
            return sequence(first, last, pos, accept);
        });
    }

    bool in_sentence(std::size_t pos) const {
        return pos < tokens_.size() && tokens_[pos].sentence == sentence_;
    }

    const NodeList nodes_;
    const std::vector<Token>& tokens_;
    const std::vector<std::vector<SlotHit>>& hits_;
    mutable std::uint16_t sentence_; // the sentence being matched; "$" moves to the next
};

bool token_meets(const int* ids, const int* ids_end, SlotMask slots, const Token& token,
                 const std::vector<SlotHit>& hits) {
    for (const SlotHit& h : hits) {
        if ((slots >> h.slot) & 1u) {
            return true;
        }
    }
    return (token.text_id >= 0 && std::binary_search(ids, ids_end, token.text_id)) ||
           (token.stem_id >= 0 && std::binary_search(ids, ids_end, token.stem_id));
}

} // namespace

std::optional<TokenSpan> Pattern::scan(const MatchInput& input, std::size_t from) const {
    const auto& tokens = *input.tokens;
    for (std::size_t start = from; start < tokens.size(); ++start) {
        if (first_) {
            if (start + first_offset_ >= tokens.size()) {
                break;
            }
            if (!token_meets(ids() + first_->begin, ids() + first_->end, first_->slots,
                             tokens[start + first_offset_], (*input.hits)[start + first_offset_])) {
                continue;
            }
        }
        if (const auto end = match_at(input, start)) {
            return TokenSpan{start, *end};
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> Pattern::match_at(const MatchInput& input, std::size_t start) const {
    Matcher matcher(NodeList{nodes(), ids(), prefixes()}, input, start);
    std::size_t end = start;
    auto accept = [&](std::size_t e) {
        end = e;
        return e > start; // a match must consume at least one word
    };
    if (matcher.sequence(0, layout_.node_count, start, Continuation(accept))) {
        return end;
    }
    return std::nullopt;
}
std::optional<TokenSpan> Pattern::find_first(const MatchInput& input, std::size_t from) const {
    if (!meets_requirements(input)) {
        return std::nullopt;
    }
    return scan(input, from);
}

std::vector<TokenSpan> Pattern::find_anchored(const MatchInput& input) const {
    const InputWords& words = *input.words;
    // Every token first_ is met at, ascending: the starts scan() would try, without testing
    // every token. Kept between calls (a response asks a few dozen patterns).
    static thread_local std::vector<std::uint32_t> anchors;
    anchors.clear();
    int lists = 0;
    const auto add_list = [&](std::uint32_t entry) {
        lists += entry != InputWords::kEnd ? 1 : 0;
        for (; entry != InputWords::kEnd; entry = words.next(entry)) {
            anchors.push_back(words.position(entry));
        }
    };
    const int* ids = this->ids();
    for (std::uint32_t k = first_->begin; k < first_->end; ++k) {
        add_list(words.first_of(ids[k]));
    }
    for (SlotMask rest = first_->slots; rest != 0; rest &= rest - 1) {
        add_list(words.first_of_slot(static_cast<std::uint8_t>(std::countr_zero(rest))));
    }
    if (lists > 1) {
        // A token can meet first_ by its word, its stem and its slots alike: one start.
        std::sort(anchors.begin(), anchors.end());
        anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
    }
    std::vector<TokenSpan> spans;
    std::size_t from = 0;
    for (const std::uint32_t anchor : anchors) {
        match_anchor(input, anchor, from, spans);
    }
    return spans;
}

void Pattern::match_anchor(const MatchInput& input, std::size_t anchor, std::size_t& from,
                           std::vector<TokenSpan>& spans) const {
    if (anchor < from + first_offset_) {
        return;
    }
    const std::size_t start = anchor - first_offset_;
    if (const auto end = match_at(input, start)) {
        spans.push_back({start, *end});
        from = *end;
    }
}

std::vector<TokenSpan> Pattern::find_all(const MatchInput& input) const {
    if (input.words != nullptr && first_) {
        return find_anchored(input);
    }
    std::vector<TokenSpan> spans;
    const bool indexed = input.starts != nullptr && serial_ >= 0 &&
                         static_cast<std::size_t>(serial_) < input.starts->head.size();
    const int head =
        indexed ? input.starts->head[static_cast<std::size_t>(serial_)] : StartPositions::kAnywhere;
    if (head == StartPositions::kNone) {
        return spans;
    }
    std::size_t from = 0;
    if (head != StartPositions::kAnywhere) {
        // Only the tokens the first word or slot is at, rather than testing every token: the
        // same starts, in the same order, as scan() would try.
        for (int e = head; e != StartPositions::kNone;
             e = input.starts->entries[static_cast<std::size_t>(e)].next) {
            match_anchor(input, input.starts->entries[static_cast<std::size_t>(e)].position, from,
                         spans);
        }
        return spans;
    }
    while (auto span = scan(input, from)) {
        spans.push_back(*span);
        from = span->end;
    }
    return spans;
}

} // namespace et
