// The per-response word positions and the pattern keys: a pattern is left out only when it
// cannot match, and its matches are the same found from the positions as from every token.
#include "core/input_words.hpp"
#include "core/pattern_keys.hpp"
#include "core/scorer_analysis.hpp"
#include "test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <set>

namespace et {
namespace {

std::vector<std::uint32_t> positions(const InputWords& words, std::uint32_t entry) {
    std::vector<std::uint32_t> out;
    for (; entry != InputWords::kEnd; entry = words.next(entry)) {
        out.push_back(words.position(entry));
    }
    return out;
}

TEST(InputWords, PositionsOfWordsStemsAndSlotsAscending) {
    const Criteria& c = test::default_criteria();
    auto tokens = tokenize("You said you were tired, and being tired is hard", c.normalisation);
    c.vocabulary.assign(tokens);
    std::vector<std::vector<SlotHit>> hits(tokens.size());
    hits[4] = {{3, 1}};
    hits[7] = {{3, 1}, {3, 2}, {5, 1}}; // one slot twice (two lengths): one position
    InputWords words;
    words.assign(tokens, hits);

    using List = std::vector<std::uint32_t>;
    const auto [you, you_stem] = c.vocabulary.ids_of("you", stem_of("you", c.normalisation));
    ASSERT_GE(you, 0);
    EXPECT_TRUE(words.has(you));
    EXPECT_EQ(positions(words, words.first_of(you)), (List{0, 2}));
    EXPECT_EQ(positions(words, words.first_of(you_stem)), (List{0, 2}));
    const auto [tired, tired_stem] =
        c.vocabulary.ids_of("tired", stem_of("tired", c.normalisation));
    EXPECT_EQ(positions(words, words.first_of(tired)), (List{4, 7}));
    EXPECT_EQ(positions(words, words.first_of(tired_stem)), (List{4, 7}));
    EXPECT_EQ(positions(words, words.first_of_slot(3)), (List{4, 7}));
    EXPECT_EQ(positions(words, words.first_of_slot(5)), (List{7}));
    EXPECT_EQ(words.first_of_slot(4), InputWords::kEnd);

    const int absent = c.vocabulary.find("congratulations");
    ASSERT_GE(absent, 0);
    EXPECT_FALSE(words.has(absent));
    EXPECT_EQ(words.first_of(absent), InputWords::kEnd);
    EXPECT_FALSE(words.has(-1));
    EXPECT_FALSE(words.has(1 << 30));
    EXPECT_EQ(words.ids().size(), std::set<int>(words.ids().begin(), words.ids().end()).size());
}

TEST(ForEachSetBit, SetBitsOfARangeInOrder) {
    std::vector<std::uint64_t> bits(3, 0);
    for (std::size_t i : {0u, 5u, 63u, 64u, 100u, 127u, 128u, 191u}) {
        bits[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    const auto set = [&](std::size_t begin, std::size_t end) {
        std::vector<std::size_t> out;
        for_each_set_bit(bits, begin, end, [&](std::size_t i) { out.push_back(i); });
        return out;
    };
    using List = std::vector<std::size_t>;
    EXPECT_EQ(set(0, 192), (List{0, 5, 63, 64, 100, 127, 128, 191}));
    EXPECT_EQ(set(1, 64), (List{5, 63}));
    EXPECT_EQ(set(5, 65), (List{5, 63, 64}));
    EXPECT_EQ(set(64, 128), (List{64, 100, 127}));
    EXPECT_EQ(set(101, 191), (List{127, 128}));
    EXPECT_EQ(set(6, 63), List{});
    EXPECT_EQ(set(7, 7), List{});
}

// A pattern whose keys a response lacks is left out; one without requirements never is.
TEST(PatternKeys, APatternIsACandidateWhenTheResponseHasItsKeys) {
    const Criteria& c = test::default_criteria();
    Vocabulary vocabulary;
    const auto resolve = [](std::string_view) -> std::optional<SlotMask> { return std::nullopt; };
    Pattern::CompileError error{0, ""};
    std::vector<Pattern> patterns;
    for (const char* source :
         {"that sounds hard", "you should call", "{any}", "no wonder ... (scared|afraid)"}) {
        patterns.push_back(*Pattern::compile(source, c.normalisation, resolve, vocabulary, error));
    }
    std::vector<const Pattern*> listed;
    for (const Pattern& p : patterns) {
        listed.push_back(&p);
    }
    const PatternKeys keys(listed, vocabulary.pattern_count(), vocabulary.size());
    const auto candidates = [&](const std::string& text) {
        auto tokens = tokenize(text, c.normalisation);
        vocabulary.assign(tokens);
        const std::vector<std::vector<SlotHit>> hits(tokens.size());
        InputWords words;
        words.assign(tokens, hits);
        std::vector<std::uint64_t> bits;
        keys.candidates(words, 0, bits);
        std::vector<std::string> out;
        for (const Pattern& p : patterns) {
            if (bit_set(bits, static_cast<std::size_t>(p.serial()))) {
                out.push_back(p.source());
            }
        }
        return out;
    };
    using List = std::vector<std::string>;
    EXPECT_EQ(candidates("That sounds so hard."), (List{"that sounds hard", "{any}"}));
    EXPECT_EQ(candidates("You should call, that sounded hard"),
              (List{"that sounds hard", "you should call", "{any}"}));
    EXPECT_EQ(candidates("No wonder you're afraid"),
              (List{"{any}", "no wonder ... (scared|afraid)"}));
    EXPECT_EQ(candidates("You're afraid"), (List{"{any}"}));
    EXPECT_EQ(candidates("Hard to say"), (List{"{any}"}));
}

std::vector<std::string> labelled_responses() {
    std::vector<std::string> out;
    for (const char* file :
         {"/scoring/dev.jsonl", "/scoring/cases.jsonl", "/scoring/holdout/holdout.jsonl"}) {
        std::ifstream in(std::string(ET_TEST_DATA) + file);
        for (std::string line; std::getline(in, line);) {
            out.push_back(nlohmann::json::parse(line).at("response").get<std::string>());
        }
    }
    return out;
}

// Over the bundled criteria and the labelled responses: every pattern that matches is a
// candidate, and finds the same matches from the word positions as by trying every token.
TEST(PatternKeys, EveryPatternThatMatchesIsACandidateWithTheSameMatches) {
    const Criteria& c = test::default_criteria();
    const std::vector<const Pattern*> patterns = c.all_patterns();
    ASSERT_EQ(c.pattern_keys.serial_count(), c.vocabulary.pattern_count());
    const auto responses = labelled_responses();
    ASSERT_GT(responses.size(), 500u);
    std::size_t matched = 0;
    std::size_t candidates = 0;
    for (const std::string& response : responses) {
        const scoring::Analysis a(c, response);
        const MatchInput every_token{&a.tokens(), &a.hits()};
        InputWords words;
        words.assign(a.tokens(), a.hits());
        std::vector<std::uint64_t> bits;
        c.pattern_keys.candidates(words, a.input().slots, bits);
        for (const Pattern* p : patterns) {
            const auto expected = p->find_all(every_token);
            const bool candidate = bit_set(bits, static_cast<std::size_t>(p->serial()));
            candidates += candidate ? 1 : 0;
            if (expected.empty()) {
                continue;
            }
            ++matched;
            EXPECT_TRUE(candidate) << p->source() << "\n  in: " << response;
            EXPECT_TRUE(p->meets_requirements(a.input())) << p->source() << "\n  in: " << response;
            const auto found = p->find_all(a.input());
            ASSERT_EQ(found.size(), expected.size()) << p->source() << "\n  in: " << response;
            for (std::size_t k = 0; k < found.size(); ++k) {
                EXPECT_EQ(found[k].first, expected[k].first)
                    << p->source() << "\n  in: " << response;
                EXPECT_EQ(found[k].end, expected[k].end) << p->source() << "\n  in: " << response;
            }
        }
    }
    EXPECT_GT(matched, responses.size()); // the check has something to check
    // ... and the keys leave most patterns out, or they are no use.
    EXPECT_LT(candidates, responses.size() * patterns.size() / 10);
}

} // namespace
} // namespace et
