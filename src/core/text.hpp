// Turns a typed response into normalised, stemmed word tokens that keep their byte spans.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text_index.hpp"

namespace et {

// Hashes a word for the normalisation's maps. Transparent, so that a word is looked up as a
// string_view without building a string; and not std::hash, which libstdc++ does not count
// as fast, so that its small maps (ten contractions, three context spellings) were searched
// by comparing every key in turn. Not noexcept, on purpose: libstdc++ then keeps each key's
// hash in its node, and a lookup compares hashes along a bucket rather than hashing again
// every key it passes (a third of normalising a criteria file's words).
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const {
        return static_cast<std::size_t>(TextIndex::hash(word));
    }
};
template <class Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

// How casual writing is normalised before matching; loaded from the criteria file so
// that a therapist can add a spelling without touching C++.
struct Normalisation {
    // Whole-word replacements: "ur" -> "your", "dont" -> "don't", "u" -> "you".
    WordMap<std::string> spellings;
    // Whole contractions: "won't" -> "will not", "let's" -> "let us".
    WordMap<std::string> contractions;
    // Suffix rules applied after whole contractions: "n't" -> "not", "'re" -> "are".
    std::vector<std::pair<std::string, std::string>> suffixes;
    // Words before which "'s" means "is" ("that's", "it's"); elsewhere it is possessive.
    std::vector<std::string> is_contractions;
    // Irregular forms stemmed as their base word ("lost" -> "lose", "grew" -> "grow"),
    // which a suffix stemmer cannot know.
    WordMap<std::string> lemmas;
    // Spellings whose meaning depends on the next word: "ur mum" is "your mum" but
    // "ur right" is "you're right". Maps a spelling to {before a noun, otherwise}.
    WordMap<std::pair<std::string, std::string>> context_spellings;
    std::unordered_set<std::string> nouns; // words that make such a spelling possessive
};

struct Token {
    std::string text;     // lower case, straight apostrophes, contractions expanded
    std::string stem;     // Snowball English stem of `text`
    std::uint32_t begin;  // byte span in the original text of the word it came from
    std::uint32_t end;
    std::uint16_t sentence; // index of the sentence (. ! ? ; and line breaks end one)
    std::uint16_t clause;   // index of the clause (sentence ends, commas, colons, dashes)
    bool question;          // the sentence ends with a question mark
    bool quoted = false;    // inside quotation marks: someone else's words, reported
    int text_id = -1;       // ids in the criteria's vocabulary (-1: a word no pattern uses)
    int stem_id = -1;
};

// Snowball (Porter2) English stem. Thread-safe (one stemmer per thread).
std::string stem_word(std::string_view word);
// The stem used for matching: the lemma's stem for irregular forms, else stem_word.
std::string stem_of(const std::string& word, const Normalisation& normalisation);

// Lower-cases ASCII letters and straightens curly apostrophes and quotes.
std::string fold_case(std::string_view text);

// Remembers what each written word tokenizes to (words, stems and vocabulary ids), so that
// a response typed and rescored on every keystroke is not normalised and stemmed again and
// again. Belongs to one normalisation and vocabulary; not thread-safe (its owner locks it).
struct WordMemo {
    struct Word {
        std::string text, stem;
        int text_id = -1, stem_id = -1;
    };
    // Fills a new word's ids, once, when it is first seen.
    std::function<void(Word&)> identify;
    std::unordered_map<std::string, std::vector<Word>> words;
    static constexpr std::size_t kMaxWords = 50000; // then it starts again
};

// Splits `text` into tokens. Letters, digits, apostrophes inside words and any non-ASCII
// character form words; everything else separates them. Text need not be valid UTF-8.
// With a memo, tokens also get their vocabulary ids.
std::vector<Token> tokenize(std::string_view text, const Normalisation& normalisation, WordMemo* memo = nullptr);

// Splits a phrase written in a criteria or scenario file into normalised words, the same
// way responses are, so that authors can write "you're" or "don't" naturally.
std::vector<std::string> normalise_words(std::string_view phrase, const Normalisation& normalisation);
// The same, appended to `out`, so that a caller normalising many phrases reuses one list.
void normalise_words(std::string_view phrase, const Normalisation& normalisation, std::vector<std::string>& out);

} // namespace et
