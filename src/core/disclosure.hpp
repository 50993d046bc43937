// Self-disclosure: tells whether a statement shares the inner layer (what the speaker felt)
// or only the outer one (what they did or what happened), and which core emotions came through.
//
// The rules live in a disclosure criteria file (assets/criteria/disclosure.json) that is
// loaded on top of the scoring criteria: it reuses their feelings lexicon, normalisation and
// pattern notation, and adds only what is particular to talking about oneself.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/criteria.hpp"

namespace et {

// What a disclosure criterion recognises. Only `Feeling` and `Body` make a statement inner;
// the others explain why a feeling word did not count, or mark the outer layer.
enum class DisclosureKind {
    Feeling, // the speaker's own feeling, named ("I was so anxious", "it made me furious")
    Body,    // a feeling shown by the body or an urge ("my stomach was in knots")
    Outer,   // what the speaker did or what happened
    Thing,   // a feeling word describing a thing ("a scary movie", "exciting news")
    Other,   // someone else's feeling ("my boss was angry")
    Negated, // a feeling said not to be felt ("I wasn't upset at all")
    Thought, // a thought dressed as a feeling ("I feel like he should have called")
};
inline constexpr int kDisclosureKindCount = 7;
const char* disclosure_kind_id(DisclosureKind kind);
// Whether a match of this kind shares the speaker's own feeling (Feeling, Body).
inline bool counts_as_inner(DisclosureKind kind) {
    return kind == DisclosureKind::Feeling || kind == DisclosureKind::Body;
}
std::optional<DisclosureKind> parse_disclosure_kind(std::string_view id);

enum class Layer { Outer, Inner };
const char* layer_id(Layer layer);

// A named group of patterns in the disclosure criteria.
struct DisclosureCriterion {
    std::string id;
    DisclosureKind kind = DisclosureKind::Feeling;
    std::string explain;                // why this counts (or not), for tooltips
    std::optional<CoreEmotion> emotion; // fixed emotion (body language); else from the lexicon
    std::vector<Pattern> patterns;
    std::vector<Pattern> except; // a match overlapping one of these does not count
};

// Disclosure criteria compiled against a copy of the scoring criteria's lexicon and
// normalisation, so they stay valid when the scoring criteria are reloaded or freed.
struct DisclosureCriteria {
    std::string name;
    std::string file;
    std::string base_file; // the scoring criteria whose lexicon was used
    Normalisation normalisation;
    Vocabulary vocabulary;

    std::vector<std::string> slot_names;
    std::vector<std::vector<LexiconEntry>> slot_entries;
    std::vector<std::optional<CoreEmotion>> slot_emotion; // per slot
    std::vector<char> slot_is_feeling;                    // per slot: a feeling word or phrase
    std::vector<char> slot_needs_feel;                    // per slot: a feeling only after "feel"
    std::vector<std::vector<std::pair<std::uint8_t, std::size_t>>> slot_index_by_id;

    std::vector<DisclosureCriterion> criteria;
    std::vector<int> negator_ids;           // sorted vocabulary ids
    std::vector<int> transparent_ids;       // words allowed between a negator and a feeling
    std::vector<Pattern> not_negation;      // "never been so happy": the negator does not negate
    std::vector<int> coordination_ids;      // words that join feelings ("angry and then sad")
    std::vector<CoreEmotion> missing_order; // which missing emotion to ask about first
    std::map<std::string, std::string> texts;

    std::string text(const std::string& key) const; // feedback text, or the key if missing
};

struct DisclosureLoad {
    std::optional<DisclosureCriteria> criteria;
    Diagnostics problems; // any error refuses the whole file
};

// Loads disclosure criteria on top of `base` (the scoring criteria). Errors are located
// `FILE:LINE:COL: json.path: message`; with any error nothing is returned.
DisclosureLoad load_disclosure_file(const std::string& path, const Criteria& base);
DisclosureLoad load_disclosure_text(const std::string& name, std::string text,
                                    const Criteria& base);

// The bundled disclosure criteria (assets/criteria/disclosure.json).
std::string default_disclosure_path();

// One judgement and the exact words behind it.
struct DisclosureMatch {
    DisclosureKind kind = DisclosureKind::Feeling;
    std::string criterion; // criterion id from the criteria file
    std::size_t begin = 0; // byte span in the text, end exclusive
    std::size_t end = 0;
    std::vector<CoreEmotion> emotions; // for Feeling and Body, sorted
    std::string explain;
};

struct Disclosure {
    Layer layer = Layer::Outer;
    std::vector<CoreEmotion> emotions;    // expressed about the speaker; sorted, distinct
    std::vector<DisclosureMatch> matches; // sorted by position
    std::vector<std::string> feedback;
    std::string error; // set when the text was refused (bad UTF-8, too long)
};

// Texts longer than this are refused with a message rather than analysed.
inline constexpr std::size_t kMaxDisclosureBytes = 64 * 1024;

// Analyses statements; cheap enough to call on every keystroke (tens of microseconds for a
// typical statement). Holds a reference to the criteria, which must outlive it.
class DisclosureAnalyser {
public:
    explicit DisclosureAnalyser(const DisclosureCriteria& criteria) : criteria_(&criteria) {}
    Disclosure analyse(std::string_view text) const;
    const DisclosureCriteria& criteria() const { return *criteria_; }

private:
    const DisclosureCriteria* criteria_;
};

// The stable JSON shape of the `disclose` command:
// {"emotions":[...],"feedback":[...],"layer":"inner","matches":[{"begin","criterion","emotions",
// "end","explain","kind","text"}]} plus "error" when refused. One line, keys sorted.
nlohmann::json disclosure_to_json(const Disclosure& disclosure, std::string_view text);
void append_disclosure_json(std::string& out, const Disclosure& disclosure, std::string_view text);

} // namespace et
