// Learned cues: word sequences weighed by how often they came with each mistake in labelled
// practice answers, a second opinion for the mistakes the criteria's patterns did not find.
#pragma once

#include "core/diagnostic.hpp"
#include "core/mistakes.hpp"
#include "core/text_index.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace et {

// A naive Bayes table: per sequence of one to three words, one weight per mistake column.
// A mistake is flagged when its prior plus the weights of the distinct sequences in a
// response pass its threshold. The table is a tab-separated file trained by
// tests/tools/train_cues.py; the criteria file names it and sets the thresholds. Empty when a
// criteria file has no "learned_cues".
struct LearnedCues {
    std::vector<Mistake> mistakes; // the table's columns
    std::vector<float> priors;     // per column, the table's "(prior)" row
    std::vector<float> thresholds; // per column, from the criteria file
    std::string explain;           // shown beside a mistake found this way
    // Per column, the Level One criteria that silence it when a response matches them:
    // imagining the partner's position ("I'd be raging too if that happened to me") is not
    // hijacking, though its words are a story's.
    std::vector<std::vector<std::string>> silenced_by;
    std::vector<float> weights; // rows x columns

    bool empty() const { return mistakes.empty(); }
    std::size_t rows() const { return sequences_.size(); }
    // Room for `rows` rows whose sequences take `bytes` in all.
    void reserve(std::size_t rows, std::size_t bytes);

    // Adds a row: a sequence of one to three lower-case words and a weight per column.
    // Returns why it cannot (and adds nothing), or nothing when it did.
    std::optional<std::string> add_row(std::string_view sequence, const std::vector<float>& row);
    // The row of a sequence ("you always"), if the table has it.
    std::optional<std::uint32_t> find(std::string_view sequence) const;

private:
    // The table is read on every load, thousands of rows: the vocabulary's index numbers the
    // sequences in the order they are added, which is their row, without a node per row.
    TextIndex sequences_;
};

// Reads a cue table into `cues` (its columns, priors and rows): tab-separated, '#' lines are
// comments; a header "sequence" then the mistake ids, a "(prior)" row, then one row per
// sequence. A problem comes back as a diagnostic at its line and column in `file`.
std::optional<Diagnostic> read_cue_table(const std::string& file, std::string_view text,
                                         LearnedCues& cues);

// A mistake the cues speak for, and the words that weighed most for it.
struct CueFinding {
    Mistake mistake;
    float sum = 0;         // prior plus weights
    std::size_t begin = 0; // byte span of the sequence with the largest weight
    std::size_t end = 0;
};

// The mistakes of `cues` that `text` passes the threshold for, in the order of kAllMistakes,
// leaving out the columns silenced by a Level One criterion in `validated_by` (the ids of the
// validations the patterns found in `text`).
std::vector<CueFinding> find_cue_mistakes(const LearnedCues& cues, std::string_view text,
                                          const std::vector<std::string_view>& validated_by = {});

// The words as the cues cut them: ASCII letters folded to lower case, digits and apostrophes
// (straight or curly, which count as straight) make words; anything else separates them.
// They are kept joined by single spaces, so that any run of words is a slice of `joined`, the
// form a table's sequences have.
struct CueWords {
    struct Word {
        std::size_t begin = 0; // in `joined`
        std::size_t end = 0;
        std::size_t text_begin = 0; // byte span in the text
        std::size_t text_end = 0;
    };
    std::string joined;
    std::vector<Word> words;

    // Words [first, first + count) as one sequence.
    std::string_view run(std::size_t first, std::size_t count) const {
        return std::string_view(joined).substr(words[first].begin,
                                               words[first + count - 1].end - words[first].begin);
    }
};
CueWords cue_words(std::string_view text);

} // namespace et
