// The pattern notation: compile errors with columns, and matching semantics.
#include <gtest/gtest.h>

#include "core/input_words.hpp"
#include "core/pattern.hpp"
#include "test_support.hpp"

namespace et {
namespace {

// Slots for these tests: 0 = {feeling} (a tiny lexicon), 1 = {you}.
struct Fixture {
    Normalisation n = test::default_criteria().normalisation;
    mutable Vocabulary vocabulary;
    std::vector<std::vector<std::pair<std::string, int>>> lists = {
        {{"angry", 1}, {"fed up", 2}}, {{"you", 1}}};

    static std::optional<SlotMask> slot(std::string_view name) {
        if (name == "feeling") return SlotMask{1};
        if (name == "you") return SlotMask{2};
        return std::nullopt;
    }

    std::optional<Pattern> compile(const std::string& source, Pattern::CompileError& error) const {
        return Pattern::compile(source, n, slot, vocabulary, error);
    }

    // As a criteria file's later half compiles (see PatternReading::compile_pending): into a
    // vocabulary of its own, whose ids differ, then renumbered onto this one.
    std::optional<Pattern> compile_elsewhere(const std::string& source) const {
        Vocabulary other;
        for (const char* word : {"zebra", "you", "\x01sound", "apple", "was"}) {
            other.intern(word); // ids in another order than this vocabulary's
        }
        Pattern::CompileError error{0, ""};
        auto p = Pattern::compile_unnumbered(source, n, slot, other, error);
        if (!p) {
            return p;
        }
        std::vector<int> to(other.size());
        for (std::size_t id = 0; id < to.size(); ++id) {
            to[id] = vocabulary.intern(other.key(static_cast<int>(id)));
        }
        p->renumber(to);
        p->register_in(vocabulary);
        return p;
    }

    std::vector<std::string> matches(const std::string& source, const std::string& text) const {
        Pattern::CompileError error{0, ""};
        const auto p = compile(source, error);
        EXPECT_TRUE(p.has_value()) << error.message;
        return matches_of(*p, text);
    }

    std::vector<std::string> matches_of(const Pattern& pattern, const std::string& text) const {
        const std::string source = pattern.source();
        const Pattern* p = &pattern;
        auto tokens = tokenize(text, n);
        vocabulary.assign(tokens);
        std::vector<std::vector<SlotHit>> hits(tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            for (std::size_t slot = 0; slot < lists.size(); ++slot) {
                for (const auto& [phrase, length] : lists[slot]) {
                    const auto words = normalise_words(phrase, n);
                    bool same = i + words.size() <= tokens.size();
                    for (std::size_t k = 0; same && k < words.size(); ++k) {
                        same = tokens[i + k].text == words[k];
                    }
                    if (same) {
                        hits[i].push_back({static_cast<std::uint8_t>(slot), static_cast<std::uint8_t>(length)});
                    }
                }
            }
        }
        // Found from the word positions as the scorer finds them, the same as by every token.
        InputWords words;
        words.assign(tokens, hits);
        MatchInput indexed{&tokens, &hits};
        indexed.words = &words;
        for (const auto& list : hits) {
            for (const SlotHit& h : list) {
                indexed.slots |= SlotMask{1} << h.slot;
            }
        }
        const auto found = p->find_all({&tokens, &hits});
        const auto found_indexed =
            p->meets_requirements(indexed) ? p->find_all(indexed) : std::vector<TokenSpan>{};
        EXPECT_EQ(found.size(), found_indexed.size()) << source << " in " << text;
        for (std::size_t k = 0; k < std::min(found.size(), found_indexed.size()); ++k) {
            EXPECT_EQ(found[k].first, found_indexed[k].first) << source << " in " << text;
            EXPECT_EQ(found[k].end, found_indexed[k].end) << source << " in " << text;
        }
        std::vector<std::string> out;
        for (const auto& span : found) {
            std::string s;
            for (std::size_t i = span.first; i < span.end; ++i) {
                s += (s.empty() ? "" : " ") + tokens[i].text;
            }
            out.push_back(s);
        }
        return out;
    }
};

TEST(Pattern, WordsMatchByStem) {
    Fixture f;
    EXPECT_EQ(f.matches("that sound hard", "That sounds hard"), std::vector<std::string>{"that sounds hard"});
    EXPECT_TRUE(f.matches("that sound hard", "That sounds easy").empty());
}

TEST(Pattern, OptionalsAlternativesAndSlots) {
    Fixture f;
    EXPECT_EQ(f.matches("no wonder {you} [are|feel] [so] {feeling}", "no wonder you're so fed up"),
              std::vector<std::string>{"no wonder you are so fed up"});
    EXPECT_EQ(f.matches("(must|might) be {feeling}", "you might be angry"),
              std::vector<std::string>{"might be angry"});
    EXPECT_TRUE(f.matches("must be {feeling}", "you must be tired").empty());
}

TEST(Pattern, GapsStayInsideTheSentence) {
    Fixture f;
    EXPECT_EQ(f.matches("of course ... {feeling}", "of course all of this makes you angry").size(), 1u);
    EXPECT_TRUE(f.matches("of course ... {feeling}", "of course. you are angry").empty());
}

TEST(Pattern, AnchorsAndNegativeLookahead) {
    Fixture f;
    EXPECT_EQ(f.matches("^ just call", "ok, just call her").size(), 1u); // clause start
    EXPECT_TRUE(f.matches("^ just call", "i will just call her").empty());
    EXPECT_EQ(f.matches("nice $ what", "Nice. What's for dinner?").size(), 1u); // "$" crosses
    EXPECT_TRUE(f.matches("!(i|we) {any} was hard", "i was hard").empty());
    EXPECT_EQ(f.matches("!(i|we) {any} was hard", "waiting was hard").size(), 1u);
}

TEST(Pattern, ExactWordsAndPrefixes) {
    Fixture f;
    EXPECT_TRUE(f.matches("it =happens", "it happened").empty());
    EXPECT_EQ(f.matches("it =happens", "it happens").size(), 1u);
    EXPECT_EQ(f.matches("frustrat*", "so frustrating").size(), 1u);
}

// A word set lists a word by its stem, an "=exact" word as written: the set still matches
// the word as written and in its other forms, and the exact word only as written.
TEST(Pattern, WordSetsMatchByStemOrExactly) {
    Fixture f;
    EXPECT_EQ(f.matches("that (sounds|seems) hard", "that sounds hard").size(), 1u);
    EXPECT_EQ(f.matches("that (sounds|seems) hard", "that seemed hard").size(), 1u);
    EXPECT_EQ(f.matches("it (=happens|=goes) again", "it happens again").size(), 1u);
    EXPECT_TRUE(f.matches("it (=happens|=goes) again", "it happened again").empty());
    EXPECT_TRUE(f.matches("!(=happens|feel) {any} again", "it feels again").empty());
    EXPECT_TRUE(f.matches("!(=happens|feel) {any} again", "it happens again").empty());
    EXPECT_EQ(f.matches("!(=happens|feel) {any} again", "it happened again").size(), 1u);
}

TEST(Pattern, CompiledInAnotherVocabularyAndRenumberedItMatchesTheSame) {
    Fixture f;
    const std::vector<std::string> texts = {
        "that sounds so angry",        "that must be really fed up. you were right",
        "you are a zebra and an apple", "we said it was fine",
        "i was there and she was not", "the cats were sounding angry",
    };
    std::size_t found = 0;
    for (const std::string source :
         {"that (sounds|seems|must be) [so|really] {feeling}", "(zebra|apple|you) are",
          "!(i|we) {any} (is|was) ...", "=was ~ (fine|not)", "{you} (were|are) ~ (right|zebra|apple)",
          "[the] cat* (were|was) sound (angry|sad)", "^ (we|she) said"}) {
        const auto moved = f.compile_elsewhere(source);
        ASSERT_TRUE(moved.has_value()) << source;
        EXPECT_GE(moved->serial(), 0) << source;
        for (const auto& text : texts) {
            const auto spans = f.matches_of(*moved, text);
            EXPECT_EQ(spans, f.matches(source, text)) << source << " in " << text;
            found += spans.size();
        }
    }
    EXPECT_GE(found, 7u); // every pattern matches somewhere: the comparison is not of nothing
}

TEST(Pattern, CompileErrorsNameTheColumn) {
    Fixture f;
    Pattern::CompileError e{0, ""};
    EXPECT_FALSE(f.compile("that (sounds|seems hard", e));
    EXPECT_EQ(e.message, "missing ')'");
    EXPECT_FALSE(f.compile("that {mood}", e));
    EXPECT_EQ(e.column, 6u);
    EXPECT_EQ(e.message, "unknown slot {mood}");
    EXPECT_FALSE(f.compile("that sounds]", e));
    EXPECT_EQ(e.column, 11u);
    EXPECT_FALSE(f.compile("", e));
    EXPECT_FALSE(f.compile("a [] b", e));
    EXPECT_FALSE(f.compile("what?", e));
}

} // namespace
} // namespace et
