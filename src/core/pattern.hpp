// The phrase-pattern notation of criteria files, compiled once and matched over tokens.
//
// Notation (also in README.md, "How the scoring works"):
//   that sounds {intensifier} {feeling}    words match by spelling or by stem
//   [so] [so|really]                        optional (one of the alternatives, or none)
//   (must be|must have been|seems)         alternatives
//   {feeling} {feeling:glad} {appraisal}   a feelings-lexicon word or phrase
//   {you}                                  a word list defined in the criteria file
//   {any}                                  any one word
//   ...                                    a gap of zero to eight words
//   ~                                      a gap of zero to eight words in the same clause
//   frustrat*                              a word beginning with "frustrat"
//   =happens                               exactly this word (not "happened")
//   ^                                      the start of a clause (or sentence)
//   $                                      the end of a sentence
//   !(i|we)                                the next word is none of these (consumes nothing)
// A pattern never matches across a sentence boundary.
#pragma once

#include "core/text.hpp"
#include "core/text_index.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace et {

class InputWords;
struct SlotHit;
struct StartPositions;

// Every word and stem a pattern mentions gets a small integer id, so that matching compares
// integers rather than strings. Stems are stored under a marked key (see stem_key).
//
// It also indexes patterns by the words or slots they can start with, so that a statement
// only tries the patterns that could begin at one of its words (the disclosure analyser's
// index; the scorer finds its candidates by PatternKeys).
class Vocabulary {
public:
    // Room for a criteria file's words up front: growing the tables step by step was a
    // measurable part of loading.
    static constexpr std::size_t kRoomForIds = 8192;
    Vocabulary() {
        ids_.reserve(kRoomForIds, 64 * 1024);
        spellings_.reserve(4096, 32 * 1024);
    }
    int intern(std::string_view key);
    int find(std::string_view key) const;
    // The (word id, stem id) pairs a word written in a pattern stands for ("you're" is two
    // words), normalised, stemmed and interned once per distinct spelling. Valid until the
    // next call. Always inline: the parser calls it for every word of every pattern, nearly
    // always for a spelling already seen.
    [[gnu::always_inline]] std::span<const std::pair<int, int>> words_of(std::string_view raw,
                                                                         const Normalisation& normalisation) {
        const auto [number, added] = spellings_.add(raw);
        if (added) {
            add_spelling(raw, normalisation);
        }
        const std::uint32_t begin = number == 0 ? 0 : spelling_ends_[number - 1];
        return {spelling_words_.data() + begin, spelling_ends_[number] - begin};
    }
    std::size_t size() const { return ids_.size(); }
    // The word or stem key (see stem_key) that has the id `id`.
    std::string_view key(int id) const { return ids_.text(static_cast<std::uint32_t>(id)); }
    // Fills text_id and stem_id of every token.
    void assign(std::vector<Token>& tokens) const;
    // The (word id, stem id) of a normalised word and its stem; -1 for one no pattern uses.
    std::pair<int, int> ids_of(const std::string& text, const std::string& stem) const;

    // Files the patterns compiled from now on in the first-word index, which only the
    // disclosure analyser asks: the scorer finds its candidates by PatternKeys, and filing its
    // thousands of patterns was work for nothing at every load.
    void index_first_words() { index_first_words_ = true; }
    // Registers a pattern that starts with one of `ids` or `slots` (`always` when its
    // start cannot be told); returns the pattern's serial number.
    int add_pattern(std::span<const int> ids, std::uint64_t slots, bool always);
    std::size_t pattern_count() const { return static_cast<std::size_t>(patterns_); }
    // Lists, per pattern serial, the tokens at which the pattern's first word or slot is.
    void candidates(const std::vector<Token>& tokens, const std::vector<std::vector<SlotHit>>& hits,
                    StartPositions& out) const;

private:
    // words_of for a spelling seen for the first time.
    void add_spelling(std::string_view raw, const Normalisation& normalisation);

    TextIndex ids_; // a word or stem key's number is its id
    // words_of's memo: per spelling's number, where its pairs end in spelling_words_ (they
    // begin where the previous spelling's end).
    TextIndex spellings_;
    std::vector<std::uint32_t> spelling_ends_;
    std::vector<std::pair<int, int>> spelling_words_;
    std::vector<std::vector<int>> by_id_; // by vocabulary id (ids are dense)
    std::vector<std::vector<int>> by_slot_ = std::vector<std::vector<int>>(64);
    std::vector<int> always_;
    int patterns_ = 0;
    bool index_first_words_ = false;
};

// Slots are numbered 0..63; a pattern slot refers to a set of them.
using SlotMask = std::uint64_t;

// Where a slot (lexicon category or word list) matches, computed once per response.
// The key under which a stem is stored in a Vocabulary or slot index, so that a stem never
// collides with a word spelled the same.
inline std::string stem_key(const std::string& stem) {
    std::string key;
    key.reserve(stem.size() + 1);
    key.push_back('\x01');
    key.append(stem);
    return key;
}

inline std::pair<int, int> Vocabulary::ids_of(const std::string& text, const std::string& stem) const {
    return {find(text), find(stem_key(stem))};
}

struct SlotHit {
    std::uint8_t slot;
    std::uint8_t length; // tokens consumed
};

// Where each pattern could start in one input: per pattern serial, the positions of the
// tokens its first word or slot is at, ascending. The lists are threaded through one array,
// so that building them for every pattern allocates twice per response, not per pattern.
struct StartPositions {
    static constexpr int kNone = -1;     // the pattern cannot start anywhere
    static constexpr int kAnywhere = -2; // its start cannot be told: try every token
    struct Entry {
        std::uint32_t position; // of the token the first word or slot is at
        int next;               // index in `entries`, or kNone
    };
    std::vector<int> head; // per pattern serial: its first entry, kNone or kAnywhere
    std::vector<Entry> entries;
};

struct MatchInput {
    const std::vector<Token>* tokens = nullptr;
    const std::vector<std::vector<SlotHit>>* hits = nullptr; // one vector per token
    // Optional summaries of the whole input; when set, patterns that cannot match are
    // skipped without trying every start position.
    const std::vector<char>* present = nullptr;    // per vocabulary id: used anywhere in the input
    const StartPositions* starts = nullptr;        // per pattern serial: where it could start
    SlotMask slots = 0;                            // slots hit anywhere
    // Where each word, stem and slot is: when set, it answers for `present` and `starts`.
    const InputWords* words = nullptr;
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
                                          const SlotResolver& resolve, Vocabulary& vocabulary,
                                          CompileError& error);

    // compile in steps, so that a criteria file's thousands of patterns compile on two
    // threads, each with a vocabulary of its own: compile_unnumbered leaves the pattern out
    // of the vocabulary's index; renumber moves a pattern onto another vocabulary; and
    // register_in files it in the index (in reading order, which numbers the patterns).
    static std::optional<Pattern> compile_unnumbered(std::string_view source,
                                                     const Normalisation& normalisation,
                                                     const SlotResolver& resolve,
                                                     Vocabulary& vocabulary, CompileError& error);
    // `to[id]` is the id, in the vocabulary the pattern moves to, of its vocabulary's `id`.
    void renumber(std::span<const int> to);
    void register_in(Vocabulary& vocabulary);

    // All non-overlapping matches, leftmost first. Ask may_match first: find_all itself only
    // skips a pattern the first-word index rules out.
    std::vector<TokenSpan> find_all(const MatchInput& input) const;
    // False when the input's summaries rule this pattern out: a cheap pre-check, far cheaper
    // than a find_all call that finds nothing. For a typical response, nine in ten of the
    // patterns the first-word index leaves lack another word they need.
    bool may_match(const MatchInput& input) const {
        return can_start(input) && meets_requirements(input);
    }
    // The first-word index finds a token the pattern could start at (or has no say).
    bool can_start(const MatchInput& input) const {
        return input.starts == nullptr || serial_ < 0 ||
               static_cast<std::size_t>(serial_) >= input.starts->head.size() ||
               input.starts->head[static_cast<std::size_t>(serial_)] != StartPositions::kNone;
    }
    // Every word or slot the pattern needs is somewhere in the input (or it has no summary).
    bool meets_requirements(const MatchInput& input) const;
    // The pattern's number in its vocabulary's first-word index (-1 when it has none).
    int serial() const { return serial_; }
    // What meets_requirements asks, one requirement at a time: one of these ids or slots.
    std::size_t requirement_count() const { return layout_.requirement_count; }
    std::span<const int> requirement_ids(std::size_t k) const {
        return {ids() + requirements()[k].begin, requirements()[k].end - requirements()[k].begin};
    }
    SlotMask requirement_slots(std::size_t k) const { return requirements()[k].slots; }
    // The first match that starts at or after `from`.
    std::optional<TokenSpan> find_first(const MatchInput& input, std::size_t from = 0) const;

    // The pattern's text (a copy: it is kept in the pattern's one block, see block_).
    std::string source() const { return std::string(text(layout_.source_at, layout_.end)); }

    Pattern() = default;
    Pattern(const Pattern& other);
    Pattern(Pattern&& other) noexcept;
    Pattern& operator=(const Pattern& other);
    Pattern& operator=(Pattern&& other) noexcept;
    ~Pattern() = default;

    struct Node;

    // Something a token (or the input) must have: one of the ids in [begin, end) of the
    // pattern's id list (words or stems), or a hit of one of these slots.
    struct RequirementSpan {
        std::uint32_t begin = 0, end = 0;
        SlotMask slots = 0;
    };

private:
    // Appends to `ids` (the word sets' ids so far) the ids of the requirements of the
    // pattern of `nodes`, listed in `spans`, and those of first_, which it sets with
    // first_offset_.
    void derive_requirements(const std::vector<Node>& nodes, std::vector<int>& ids,
                             std::vector<RequirementSpan>& spans);
    // find_first without the whole-input requirement check (find_all checks once).
    std::optional<TokenSpan> scan(const MatchInput& input, std::size_t from) const;
    // The end of a match that starts at `start`, if there is one.
    std::optional<std::size_t> match_at(const MatchInput& input, std::size_t start) const;
    // find_all for an input with its word positions: starts only where first_ is met.
    std::vector<TokenSpan> find_anchored(const MatchInput& input) const;
    // Tries the match that puts first_ at token `anchor`, unless it would start inside the
    // last match (before `from`); a match is added to `spans` and moves `from` to its end.
    void match_anchor(const MatchInput& input, std::size_t anchor, std::size_t& from,
                      std::vector<TokenSpan>& spans) const;

    // Where the block's lists begin and end, in bytes: the nodes, the requirements, the ids,
    // the prefixes' text, the source text, in that order (the widest-aligned first, so each
    // list is aligned for its type). Offsets rather than pointers, so that a copy is a copy.
    struct Layout {
        std::uint32_t node_count = 0, requirement_count = 0;
        std::uint32_t requirements_at = 0, ids_at = 0, prefixes_at = 0, source_at = 0, end = 0;
    };

    // Every node of the pattern in one list, each followed by what is inside it (see Node):
    // the top-level sequence is all of it.
    const Node* nodes() const { return reinterpret_cast<const Node*>(block_.get()); }
    // Every one must be met somewhere in the input.
    const RequirementSpan* requirements() const {
        return reinterpret_cast<const RequirementSpan*>(block_.get() + layout_.requirements_at);
    }
    // Every id list of the pattern back to back: the sorted ids of its WordSet and Not nodes
    // (by span), then its requirements', then those its first word may be.
    const int* ids() const { return reinterpret_cast<const int*>(block_.get() + layout_.ids_at); }
    // The text of Prefix nodes, by span.
    std::string_view prefixes() const { return text(layout_.prefixes_at, layout_.source_at); }
    // The bytes [begin, end) of the block as text.
    std::string_view text(std::uint32_t begin, std::uint32_t end) const {
        return {reinterpret_cast<const char*>(block_.get()) + begin, end - begin};
    }

    // All of the pattern's lists in one allocation rather than one each: allocating and
    // copying five lists per pattern was a twentieth of loading the criteria.
    std::unique_ptr<std::byte[]> block_;
    Layout layout_;
    std::optional<RequirementSpan> first_;   // what the first token of a match must meet
    std::size_t first_offset_ = 0;           // ... counted after this many leading "{any}" words
    int serial_ = -1;                        // index in the vocabulary's pattern index
};

// A node of a pattern. The nodes of a group's branches follow it in Pattern::nodes(), each
// branch opened by a Branch node; `end` is the index just after a node and all it holds, so
// that a sequence is walked from one node to the next by `end`.
struct Pattern::Node {
    enum class Kind : std::uint8_t {
        Word, Prefix, Slot, Any, Gap, Optional, Alternatives, ClauseStart, SentenceEnd, Not, WordSet, Branch
    };
    Kind kind = Kind::Word;
    bool optional = false;    // WordSet: may also match nothing
    bool clause_only = false; // Gap: "~" stays within the clause
    std::uint32_t end = 0;
    int text_id = -1;
    int stem_id = -1; // -1 for "=exact" words
    // WordSet and Not: sorted word and stem ids of one-word alternatives, in ids();
    // Prefix: its text, in prefixes().
    std::uint32_t span_begin = 0, span_end = 0;
    SlotMask slots = 0;
};

} // namespace et
