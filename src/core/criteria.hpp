// The scoring criteria: lexicon, word lists, phrase patterns, weights and texts, loaded
// from a JSON file (assets/criteria/default.json) so that no phrase list lives in C++.
#pragma once

#include "core/diagnostic.hpp"
#include "core/learned_cues.hpp"
#include "core/mistakes.hpp"
#include "core/pattern.hpp"
#include "core/pattern_keys.hpp"
#include "core/text.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace et {

enum class CoreEmotion { Mad, Sad, Glad, Fear };
inline constexpr std::array<CoreEmotion, 4> kCoreEmotions = {CoreEmotion::Mad, CoreEmotion::Sad,
                                                             CoreEmotion::Glad, CoreEmotion::Fear};
const char* core_emotion_id(CoreEmotion emotion);
std::optional<CoreEmotion> parse_core_emotion(std::string_view id);

// A named group of patterns: a judgement the engine can show ("that_sounds").
struct Criterion {
    std::string id;
    std::string explain;           // why this counts, shown in tooltips
    std::vector<Pattern> patterns;
    // Sorted ids of words that, anywhere in a match's sentence, mean it does not count:
    // "I've got work that week" puts the listener first, "I've got you" does not.
    std::vector<int> unless_sentence_has_ids;
};

struct MistakeCriteria {
    std::string title;             // "Fixing"
    std::string why;               // why it hurts, shown as "what to avoid"
    std::vector<Criterion> criteria;
    std::vector<Pattern> except;   // a match overlapping one of these does not count
    std::vector<std::string> cancels; // Level One criteria that don't count when this mistake is made
    // ... or only when they come after it: "We were meant to be in Greece then. Great." is
    // sarcasm, "Amazing! Does that mean we..." is not.
    std::vector<std::string> cancels_after;
    // ... and these only later in the mistake's own sentence ("my grandad got like that, it was
    // horrible" judges the listener's story, not the partner's feeling).
    std::vector<std::string> cancels_later_in_sentence;
    // ... and these only inside the mistake's own words ("I've had such a rubbish day myself"
    // is the listener's feeling, not a validation of the partner's).
    std::vector<std::string> cancels_within;
    // Mistakes that this one absorbs in the same sentence: "What are you going to do, call
    // HR?" is one problem-solving question, not also fixing.
    std::vector<Mistake> absorbs;
    std::vector<Mistake> absorbs_overlapping; // only where the two phrases overlap
    int weight = 0;                // points taken off the score
};

// A lexicon entry: a feeling word or phrase, in normalised words.
struct LexiconEntry {
    std::vector<std::string> words;
    std::vector<std::string> stems; // stem_of each word
    int intensity = 2;             // 1 mild .. 4 intense
};

struct Criteria {
    std::string name;
    std::string file; // where it was loaded from
    Normalisation normalisation;
    Vocabulary vocabulary; // ids of every word the patterns use

    // Slots: the four core emotions, then appraisals, then the word lists. Every slot
    // has a name usable in patterns as {name}.
    std::vector<std::string> slot_names;
    std::vector<std::vector<LexiconEntry>> slot_entries;   // per slot
    int appraisal_slot_first = 4;  // slots [4, first_list) are appraisal groups
    int first_list_slot = 6;
    // Lexicon and list entries by the vocabulary id of their first word or its stem.
    std::vector<std::vector<std::pair<std::uint8_t, std::size_t>>> slot_index_by_id;

    std::vector<Criterion> level_one;
    std::vector<Pattern> level_one_except; // a validation overlapping one of these doesn't count
    // A validation inside a question that starts with one of these ("What's the bit
    // you're dreading most?") explores rather than validates, so it doesn't count.
    std::vector<std::string> question_words;
    std::string level_one_name = "Level One";

    // Level Two
    std::vector<Criterion> links;
    std::vector<std::string> stopwords;  // never count as a reference to the partner card
    std::vector<std::string> determiners; // ignored when matching card cues ("your mum")
    std::vector<std::string> self_words;  // "my", "our": a card word after these is the listener's
    // Level One criteria too slight to carry Level Two on their own ("Cool.", "Ugh").
    std::vector<std::string> slight_validations;
    // Words that name the same thing on a partner card ("lawyer" for "attorney", "career" for
    // "job"): per vocabulary id of a stem key, the index of its group's stem, or -1.
    std::vector<int> card_synonym_of;
    std::vector<std::string> card_synonym_stems; // per group: the stem all its words compare as
    // Set phrases whose words never refer to the card ("of course" is not a cooking course).
    std::vector<std::vector<std::string>> card_idioms; // normalised words
    // A span of time on a card without cues ("over six years") is a reference as a pair of
    // words, though each alone is a stop word: a count followed by a unit.
    std::vector<std::string> time_counts; // normalised words, sorted
    std::vector<std::string> time_units;  // stems, sorted
    // Determiners and idioms by vocabulary id (every word is interned, so a token spelled
    // the same carries its id): scoring checks every token against them, by id rather than
    // by string.
    std::vector<int> determiner_ids;              // sorted
    std::vector<std::vector<int>> card_idiom_ids; // per idiom, its words' ids; sorted
    std::string level_two_explain;

    // Negation
    std::vector<int> negator_ids;              // vocabulary ids, sorted
    std::vector<int> negation_transparent_ids; // words allowed between a negator and a match
    std::vector<int> negation_exclamation_ids; // "oh" in "oh no": the negator is an exclamation
    std::vector<int> negation_determiner_ids;  // "no" in "no text is awful": part of the subject
    std::vector<int> negation_modal_ids;       // "must": English negates a modal after it, never before

    std::array<MistakeCriteria, kMistakeCount> mistakes;
    // A second opinion for the mistakes no pattern found (empty when the file has none).
    LearnedCues learned_cues;
    // Every pattern above filed by its key, so that a response asks only its candidates.
    PatternKeys pattern_keys;

    // Weights
    std::array<int, 3> level_points = {10, 60, 90};
    int named_feeling_bonus = 10;

    // Texts
    std::map<std::string, std::string> texts;            // feedback.* keys
    std::vector<std::string> level_two_templates;         // suggestion templates
    std::vector<std::string> level_one_templates;
    std::vector<std::string> link_phrases;                // used to compose suggestions
    std::vector<std::pair<std::string, std::string>> perspective; // "she" -> "you"

    // Emotion category of a feeling word ("anxious" -> fear), for naming the emotion.
    std::optional<CoreEmotion> emotion_of(std::string_view word) const;
    std::string text(const std::string& key) const; // feedback text, or the key if missing
    // The stem a partner-card reference is compared by: its synonym group's stem, or itself.
    const std::string& card_stem(int stem_id, const std::string& stem) const;
    const std::string& card_stem(const std::string& stem) const;
    // Every compiled pattern: Level One's and its exceptions, the links, then each mistake's
    // criteria and exceptions, in that order.
    std::vector<const Pattern*> all_patterns() const;
};

struct CriteriaLoad {
    std::optional<Criteria> criteria;
    Diagnostics problems; // errors refuse the whole file: nothing half-loads
};

CriteriaLoad load_criteria_file(const std::string& path);
CriteriaLoad load_criteria_text(const std::string& name, std::string text);

// The bundled default criteria path (next to the executable's assets).
std::string default_criteria_path();

} // namespace et
