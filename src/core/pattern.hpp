// The phrase-pattern notation of criteria files, compiled once and matched over tokens.
//
// Notation (see assets/criteria/README.md):
//   that sounds {intensifier} {feeling}    words match by spelling or by stem
//   [so] [so|really]                        optional (one of the alternatives, or none)
//   (must be|must have been|seems)         alternatives
//   {feeling} {feeling:glad} {appraisal}   a feelings-lexicon word or phrase
//   {you}                                  a word list defined in the criteria file
//   {any}                                  any one word
//   ...                                    a gap of zero to eight words
//   frustrat*                              a word beginning with "frustrat"
//   =happens                               exactly this word (not "happened")
//   ^                                      the start of a clause (or sentence)
//   $                                      the end of a sentence
//   !(i|we)                                the next word is none of these (consumes nothing)
// A pattern never matches across a sentence boundary.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace et {

// Slots are numbered 0..63; a pattern slot refers to a set of them.
using SlotMask = std::uint64_t;

// Where a slot (lexicon category or word list) matches, computed once per response.
struct SlotHit {
    std::uint8_t slot;
    std::uint8_t length; // tokens consumed
};

struct MatchInput {
    const std::vector<Token>* tokens = nullptr;
    const std::vector<std::vector<SlotHit>>* hits = nullptr; // one vector per token
};

struct TokenSpan {
    std::size_t first = 0; // token indices, end exclusive
    std::size_t end = 0;
};

class Pattern {
public:
    // Resolves `{name}` to a slot mask; returns nothing for an unknown name.
    using SlotResolver = std::function<std::optional<SlotMask>(std::string_view name)>;

    struct CompileError {
        std::size_t column; // 0-based byte offset in the pattern text
        std::string message;
    };

    // Compiles `source`; on failure returns nothing and fills `error`.
    static std::optional<Pattern> compile(std::string_view source, const Normalisation& normalisation,
                                          const SlotResolver& resolve, CompileError& error);

    // All non-overlapping matches, leftmost first.
    std::vector<TokenSpan> find_all(const MatchInput& input) const;
    // The first match that starts at or after `from`.
    std::optional<TokenSpan> find_first(const MatchInput& input, std::size_t from = 0) const;

    const std::string& source() const { return source_; }

    struct Node;
    using Sequence = std::vector<Node>;

private:
    std::string source_;
    std::vector<Sequence> sequence_; // exactly one element: the top-level sequence
};

struct Pattern::Node {
    enum class Kind { Word, Prefix, Slot, Any, Gap, Optional, Alternatives, ClauseStart, SentenceEnd, Not };
    Kind kind = Kind::Word;
    std::string text;
    std::string stem;
    SlotMask slots = 0;
    std::vector<Sequence> branches;
};

} // namespace et
