// Tokenizer and normaliser: spans, contractions, casual spelling, sentence boundaries.
#include <gtest/gtest.h>

#include <tuple>

#include "core/criteria.hpp"
#include "core/text.hpp"
#include "test_support.hpp"

namespace et {
namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text, test::default_criteria().normalisation)) {
        out.push_back(t.text);
    }
    return out;
}

TEST(Text, LowerCasesAndSplitsOnPunctuation) {
    EXPECT_EQ(words("That SOUNDS hard!"), (std::vector<std::string>{"that", "sounds", "hard"}));
}

TEST(Text, ExpandsContractionsStraightAndCurly) {
    const std::vector<std::string> want = {"you", "are", "not", "alone"};
    EXPECT_EQ(words("You're not alone"), want);
    EXPECT_EQ(words("You\xE2\x80\x99re not alone"), want);
    EXPECT_EQ(words("that doesn't sound bad"),
              (std::vector<std::string>{"that", "does", "not", "sound", "bad"}));
    EXPECT_EQ(words("I can't"), (std::vector<std::string>{"i", "can", "not"}));
    EXPECT_EQ(words("it's hard"), (std::vector<std::string>{"it", "is", "hard"}));
}

TEST(Text, PossessiveSIsDroppedButThatsIsIs) {
    EXPECT_EQ(words("Sam's mum"), (std::vector<std::string>{"sam", "mum"}));
    EXPECT_EQ(words("that's rough"), (std::vector<std::string>{"that", "is", "rough"}));
}

// "'s" and "'d" before a past participle are "has" and "had", not "is" and "would".
TEST(Text, ContractionsBeforeAParticipleAreHasAndHad) {
    EXPECT_EQ(words("it\xE2\x80\x99s been so lonely"),
              (std::vector<std::string>{"it", "has", "been", "so", "lonely"}));
    EXPECT_EQ(words("she's just left"), (std::vector<std::string>{"she", "has", "just", "left"}));
    EXPECT_EQ(words("I'd already paid"), (std::vector<std::string>{"i", "had", "already", "paid"}));
    EXPECT_EQ(words("it's just a dent"), (std::vector<std::string>{"it", "is", "just", "a", "dent"}));
    EXPECT_EQ(words("I'd love to"), (std::vector<std::string>{"i", "would", "love", "to"}));
    // A sentence boundary in between changes nothing.
    EXPECT_EQ(words("that's it. Been there"), (std::vector<std::string>{"that", "is", "it", "been", "there"}));
}

TEST(Text, CasualSpellingUsesTheNextWord) {
    EXPECT_EQ(words("ur right"), (std::vector<std::string>{"you", "are", "right"}));
    EXPECT_EQ(words("ur mum"), (std::vector<std::string>{"your", "mum"}));
    EXPECT_EQ(words("u must be gutted"), (std::vector<std::string>{"you", "must", "be", "gutted"}));
    EXPECT_EQ(words("thats so unfair im sorry"),
              (std::vector<std::string>{"that", "is", "so", "unfair", "i", "am", "sorry"}));
}

TEST(Text, TokensKeepTheirByteSpans) {
    const std::string text = "Oh no, you're hurt.";
    const auto tokens = tokenize(text, test::default_criteria().normalisation);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "you're");
    EXPECT_EQ(tokens[2].begin, tokens[3].begin); // "you" and "are" share the span
    EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin), "hurt");
}

TEST(Text, SentencesClausesAndQuestions) {
    const auto tokens = tokenize("Nice. What's for dinner? ok, fine", test::default_criteria().normalisation);
    ASSERT_EQ(tokens.size(), 7u);
    EXPECT_EQ(tokens[0].sentence, 0);
    EXPECT_FALSE(tokens[0].question);
    EXPECT_EQ(tokens[1].sentence, 1);
    EXPECT_TRUE(tokens[1].question);
    EXPECT_EQ(tokens[5].sentence, 2);
    EXPECT_NE(tokens[5].clause, tokens[6].clause); // the comma splits the clause
}

TEST(Text, HyphenJoinsWordsButADashEndsAClause) {
    const auto tokens = tokenize("so fed-up - honestly", test::default_criteria().normalisation);
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_EQ(tokens[1].text, "fed");
    EXPECT_EQ(tokens[2].text, "up");
    EXPECT_EQ(tokens[1].clause, tokens[2].clause); // "fed-up" is one phrase
    EXPECT_NE(tokens[2].clause, tokens[3].clause); // " - " still splits the clause
}

TEST(Text, StemsAndIrregularForms) {
    const auto& n = test::default_criteria().normalisation;
    EXPECT_EQ(stem_of("exhausting", n), stem_of("exhausted", n));
    EXPECT_EQ(stem_of("lost", n), stem_of("losing", n));
    EXPECT_EQ(stem_of("grew", n), stem_of("growing", n));
}

TEST(Text, SurvivesEmojiRightToLeftAndBinary) {
    const auto& n = test::default_criteria().normalisation;
    EXPECT_FALSE(tokenize("\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2 so sad \xF0\x9F\x92\x94", n).empty());
    EXPECT_FALSE(tokenize("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D that sucks", n).empty());
    const std::string binary("\x00\xFF\xFE\xE2\x80", 5);
    EXPECT_NO_THROW(tokenize(binary, n));
    EXPECT_TRUE(tokenize("   \n\t  ", n).empty());
}

TEST(Text, AMemoGivesTheSameTokensWithTheirIds) {
    const Criteria& c = test::default_criteria();
    WordMemo memo;
    memo.identify = [&](WordMemo::Word& w) { std::tie(w.text_id, w.stem_id) = c.vocabulary.ids_of(w.text, w.stem); };
    // Twice: the second time every word comes from the memo ("ur" never does).
    const std::string text = "It's been awful, ur mum's right; I'd already paid. \"Don't\" worry?";
    for (int round = 0; round < 2; ++round) {
        auto plain = tokenize(text, c.normalisation);
        c.vocabulary.assign(plain);
        const auto memoised = tokenize(text, c.normalisation, &memo);
        ASSERT_EQ(plain.size(), memoised.size());
        for (std::size_t i = 0; i < plain.size(); ++i) {
            EXPECT_EQ(plain[i].text, memoised[i].text) << i;
            EXPECT_EQ(plain[i].stem, memoised[i].stem) << i;
            EXPECT_EQ(plain[i].text_id, memoised[i].text_id) << plain[i].text;
            EXPECT_EQ(plain[i].stem_id, memoised[i].stem_id) << plain[i].text;
            EXPECT_EQ(plain[i].begin, memoised[i].begin);
            EXPECT_EQ(plain[i].end, memoised[i].end);
            EXPECT_EQ(plain[i].sentence, memoised[i].sentence);
            EXPECT_EQ(plain[i].clause, memoised[i].clause);
            EXPECT_EQ(plain[i].question, memoised[i].question);
            EXPECT_EQ(plain[i].quoted, memoised[i].quoted);
        }
    }
    EXPECT_EQ(memo.words.count("ur"), 0u);
    EXPECT_EQ(memo.words.count("been"), 1u);
}

// A phrase of plain words is returned as written without tokenizing it, but only when
// tokenize() would return it so; a word that a rule changes sends it the slow way. One written
// word with capitals or apostrophes is expanded without tokenizing it, as tokenize() would.
TEST(Text, PhrasesNormaliseAsTheyTokenize) {
    Normalisation n = test::default_criteria().normalisation;
    n.suffixes.emplace_back("in", "ing"); // a rule with no apostrophe, which plain words can meet
    n.spellings.emplace("itsbeen", "it is been"); // three words from one: "has" for tokenize()
    for (const char* phrase :
         {"fed up",   "  on   edge ", "u r right",  "ur mum", "i would be", "dont go",
          "its been", "walkin home",  "cannot win", "x 12 y", "you're",     "Don't",
          "UR",       "ur",           "'cause",     "it's",   "won't",      "y'all",
          "Sarah's",  "they'd",       "''",         "'",      "itsbeen",    "it'S"}) {
        std::vector<std::string> tokenized;
        for (const Token& t : tokenize(phrase, n)) {
            tokenized.push_back(t.text);
        }
        EXPECT_EQ(normalise_words(phrase, n), tokenized) << phrase;
    }
}

// The normalisation's word maps hash with WordHash and are looked up by string_view; the
// small ones (a few contractions, a few context spellings) must still find every key.
TEST(Text, NormalisationMapsFindWordsByView) {
    Normalisation n;
    n.spellings.emplace("u", "you");
    n.contractions.emplace("wont", "will not");
    n.context_spellings["ur"] = {"your", "youre"};
    n.nouns.insert("mum");
    n.lemmas.emplace("lost", "lose");
    const std::string_view wont = "wont";
    ASSERT_NE(n.contractions.find(wont), n.contractions.end());
    EXPECT_EQ(n.contractions.find(wont)->second, "will not");
    EXPECT_EQ(n.contractions.find(std::string_view("won")), n.contractions.end());
    EXPECT_EQ(n.spellings.count(std::string_view("u")), 1u);
    EXPECT_EQ(normalise_words("wont go", n), (std::vector<std::string>{"will", "not", "go"}));
    EXPECT_EQ(normalise_words("u go", n), (std::vector<std::string>{"you", "go"}));
    EXPECT_EQ(normalise_words("ur right", n), (std::vector<std::string>{"youre", "right"}));
    EXPECT_EQ(normalise_words("ur mum", n), (std::vector<std::string>{"your", "mum"}));
    EXPECT_EQ(normalise_words("went home", n), (std::vector<std::string>{"went", "home"}));
    EXPECT_EQ(stem_of("lost", n), stem_word("lose"));
}

} // namespace
} // namespace et
