// Behaviour of the scoring engine on the hard parts named in domain.md, plus spans,
// feedback, suggestions, the JSON contract and hostile input.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "core/scorer.hpp"
#include "test_support.hpp"

namespace et {
namespace {

ScoringStep sam_step() {
    ScoringStep s;
    s.partner_name = "Sam";
    s.partner_says = "Jess and I had a fight and now she won't answer my texts.";
    s.feelings = {"anxious", "hurt"};
    s.card = {{"isolated", "Sam felt isolated growing up and had few friends until college.",
               {"isolated", "alone", "growing up", "lonely childhood"}},
              {"mother", "Sam's mother criticised everything she did.", {}}};
    return s;
}

class ScorerTest : public ::testing::Test {
protected:
    Score score(const std::string& response) { return scorer_.score(*prepared_, response); }
    Scorer scorer_{test::default_criteria()};
    std::shared_ptr<const PreparedStep> prepared_ = scorer_.prepare(sam_step());
};

TEST_F(ScorerTest, DomainExampleIsLevelTwoWithSpans) {
    const std::string r = "No wonder you're anxious; after feeling so alone growing up, your friendships mean everything.";
    const Score s = score(r);
    EXPECT_EQ(s.level, 2);
    EXPECT_TRUE(s.mistakes.empty());
    EXPECT_TRUE(s.named_feeling);
    EXPECT_TRUE(s.suggestion.empty());
    bool card = false, link = false, validation = false;
    for (const Match& m : s.matches) {
        const std::string text = r.substr(m.begin, m.end - m.begin);
        if (m.kind == MatchKind::LevelTwo) {
            card = true;
            EXPECT_EQ(m.fact, "isolated");
            EXPECT_TRUE(text == "alone" || text == "growing up" || text == "alone growing up") << text;
        }
        link = link || m.kind == MatchKind::Link;
        validation = validation || (m.kind == MatchKind::LevelOne && text == "No wonder you're anxious");
    }
    EXPECT_TRUE(card && link && validation);
    EXPECT_EQ(s.score, 100);
}

TEST_F(ScorerTest, SetPhrasesNeverNameTheCard) {
    // "of course" is not Sam's cooking course; "the course" still is.
    ScoringStep step = sam_step();
    step.card.push_back({"course", "Sam dropped out of a cooking course last spring.", {}});
    const auto prepared = scorer_.prepare(step);
    EXPECT_EQ(scorer_.score(*prepared, "Of course you're hurt, no wonder.").level, 1);
    EXPECT_EQ(scorer_.score(*prepared, "No wonder you're hurt, after the course fell apart.").level, 2);
}

TEST_F(ScorerTest, RestatingThisStepIsOnlyLevelOne) {
    // "texts" and "fight" are what Sam just said, not something remembered about Sam.
    EXPECT_EQ(score("No wonder you're anxious, because she won't answer your texts after the fight.").level, 1);
}

TEST_F(ScorerTest, CardWithoutValidationOrLinkIsNotLevelTwo) {
    EXPECT_EQ(score("You were so alone growing up.").level, 1);          // validation-like, no link
    EXPECT_EQ(score("After growing up alone, friends matter.").level, 0); // no validation
}

TEST_F(ScorerTest, UsingTheCardToJudgeIsDismissing) {
    const Score s = score("This is just your lonely childhood thing again, you always overreact.");
    EXPECT_EQ(s.level, 0);
    EXPECT_TRUE(s.has(Mistake::Dismissing));
}

TEST_F(ScorerTest, NegationAndScope) {
    const Score negated = score("That doesn't sound so terrible.");
    EXPECT_EQ(negated.level, 0);
    EXPECT_TRUE(negated.has(Mistake::Dismissing));
    const Score dont = score("I don't understand why she'd say that.");
    EXPECT_FALSE(dont.has(Mistake::IUnderstand));
    const Score not_over = score("You're not overreacting at all.");
    EXPECT_EQ(not_over.level, 1);
    EXPECT_TRUE(not_over.mistakes.empty());
}

TEST_F(ScorerTest, PerspectiveTakingIsNotHijacking) {
    const Score s = score("I'd have been mortified too.");
    EXPECT_EQ(s.level, 1);
    EXPECT_TRUE(s.mistakes.empty());
    const Score story = score("That reminds me of when I fell out with my sister for a year.");
    EXPECT_TRUE(story.has(Mistake::Hijacking));
}

TEST_F(ScorerTest, EmpathyAndAMistakeAreReportedSideBySide) {
    const Score s = score("That sounds rough, but honestly you should just call her.");
    EXPECT_EQ(s.level, 1);
    EXPECT_EQ(s.mistakes, std::vector<Mistake>{Mistake::Fixing});
    EXPECT_LT(s.score, score("That sounds rough.").score);
}

TEST_F(ScorerTest, CasualTyping) {
    EXPECT_EQ(score("omg thats so unfair, no wonder ur fed up").level, 1);
    EXPECT_EQ(score("u must be gutted").level, 1);
    EXPECT_EQ(score("that sounds exhausting").level, 1);
    EXPECT_EQ(score("ugh, what a day").level, 1);
}

TEST_F(ScorerTest, EachMistakeHasAnExample) {
    EXPECT_TRUE(score("Have you thought about texting her mum?").has(Mistake::Fixing));
    EXPECT_TRUE(score("I understand.").has(Mistake::IUnderstand));
    EXPECT_TRUE(score("Same thing happened with my sister last year.").has(Mistake::Hijacking));
    EXPECT_TRUE(score("What's your next step?").has(Mistake::ProblemSolvingQuestion));
    EXPECT_TRUE(score("So does that mean we're not going out tonight?").has(Mistake::MakingItAboutYou));
    EXPECT_TRUE(score("Don't worry, it's not that serious.").has(Mistake::Dismissing));
}

TEST(Scorer, GoodNewsDeservesEmpathy) {
    const Scorer scorer(test::default_criteria());
    ScoringStep step{"Priya", "I got the promotion!", {"proud", "thrilled"}, {}};
    const Score moon = scorer.score(step, "You must be over the moon");
    EXPECT_EQ(moon.level, 1);
    // The feedback quotes the whole lexicon phrase the listener named.
    const auto feedback = moon.feedback();
    EXPECT_TRUE(std::any_of(feedback.begin(), feedback.end(),
                            [](const std::string& f) { return f.find("\"over the moon\"") != std::string::npos; }));
    EXPECT_EQ(scorer.score(step, "That's huge, you earned this").level, 1);
    const Score away = scorer.score(step, "Nice. What's for dinner?");
    EXPECT_EQ(away.level, 0);
    EXPECT_TRUE(away.has(Mistake::Dismissing));
}

// The card fact is retold to the partner in good English: verbs agree with "you", "her"
// as an object becomes "you", as a possessive "your", and a fact's first word reads on.
TEST_F(ScorerTest, SuggestionRetellsTheCardToThePartner) {
    auto suggestion_for = [&](const std::string& fact) {
        ScoringStep step{"Maya", "Nobody replied to my message.", {"hurt"}, {{"f", fact, {}}}};
        return scorer_.score(step, "ok").suggestion;
    };
    const struct {
        const char* fact;
        const char* retold;
    } cases[] = {
        {"Maya replays conversations for days and worries she has said something wrong.",
         "you replay conversations for days and worry you have said something wrong"},
        {"When Maya is scared, she keeps busy and says nothing; asking for help costs her a lot.",
         "when you are scared, you keep busy and say nothing; asking for help costs you a lot"},
        {"In her first marriage Maya handled every crisis alone.",
         "in your first marriage you handled every crisis alone"},
        {"Being a mum is the role Maya is proudest of, and she always tries her best.",
         "being a mum is the role you are proudest of, and you always try your best"},
        {"Maya watches her sister's kids every Sunday.",
         "you watch your sister's kids every Sunday"},
        // "her" before a subject pronoun or "every" is an object.
        {"Maya left school at sixteen, and her father told her she would never amount to much.",
         "your father told you you would never amount to much"},
        // Adverbs between "and" and the partner's second verb.
        {"Maya kept the family together and still organises everything.",
         "you kept the family together and still organise everything"},
        // The card speaking of the listener as "you" is retold as "I".
        {"You have cancelled plans with Maya for your work three times this year.",
         "I have cancelled plans with you for my work three times this year"},
    };
    for (const auto& c : cases) {
        const std::string s = suggestion_for(c.fact);
        EXPECT_NE(s.find(c.retold), std::string::npos) << c.fact << "\n  -> " << s;
    }
}

// Pronouns that are someone else's stay: the card shows the partner's own ("Marcus worries
// he ...", "Dana blames herself"), and a fact about another person keeps theirs.
TEST_F(ScorerTest, SuggestionKeepsOtherPeoplesPronouns) {
    auto suggestion_for = [&](const std::string& name, std::vector<CardFact> card) {
        ScoringStep step{name, "She did it!", {"proud"}, std::move(card)};
        return scorer_.score(step, "ok").suggestion;
    };
    const std::string marcus = suggestion_for(
        "Marcus",
        {{"shy",
          "Marcus worries he passed his shyness on to Imani and blames himself when she struggles.",
          {}}});
    EXPECT_NE(
        marcus.find(
            "you worry you passed your shyness on to Imani and blame yourself when she struggles"),
        std::string::npos)
        << marcus;
    const std::string dana = suggestion_for(
        "Dana",
        {{"brother", "Dana's older brother struggled with addiction through his twenties.", {}},
         {"blame", "Dana blames herself whenever something goes wrong at home.", {}},
         {"dad",
          "Dana grew up with a strict father and promised herself she would be an open parent.",
          {}}});
    EXPECT_NE(dana.find("your older brother struggled with addiction through his twenties"),
              std::string::npos)
        << dana;
}

// On a card without cues, a span of time ("over six years") refers to the fact as a pair,
// though "six" and "years" alone are stop words; the same words the partner just said do not.
TEST(Scorer, ATimeSpanOnTheCardIsAReference) {
    const Scorer scorer(test::default_criteria());
    const std::vector<CardFact> card{{"rejections", "Joel has kept every rejection email, forty-one of them over six years.", {}}};
    ScoringStep step{"Joel", "A magazine accepted my poem!", {"proud", "thrilled"}, card};
    EXPECT_EQ(scorer.score(step, "Six years of trying, no wonder you're thrilled.").level, 2);
    EXPECT_EQ(scorer.score(step, "Two weeks of trying, no wonder you're thrilled.").level, 1);
    step.partner_says = "After six years a magazine accepted my poem!";
    EXPECT_EQ(scorer.score(step, "Six years of trying, no wonder you're thrilled.").level, 1);
}

// A suggestion names one feeling, and a second only from another core emotion: not the
// author's whole list of near-synonyms.
TEST_F(ScorerTest, SuggestionNamesAFeelingOrTwo) {
    auto suggestion_for = [&](std::vector<std::string> feelings) {
        ScoringStep step{"Maya", "Nobody replied.", std::move(feelings), {}};
        return scorer_.score(step, "ok").suggestion;
    };
    const std::string same = suggestion_for({"scared", "terrified", "anxious", "afraid"});
    EXPECT_NE(same.find("scared"), std::string::npos) << same;
    EXPECT_EQ(same.find("terrified"), std::string::npos) << same;
    const std::string mixed = suggestion_for({"hurt", "sad", "angry", "furious"});
    EXPECT_NE(mixed.find("hurt and angry"), std::string::npos) << mixed;
    EXPECT_EQ(mixed.find("furious"), std::string::npos) << mixed;
}

TEST_F(ScorerTest, FeedbackAndSuggestion) {
    const Score s = score("That sucks.");
    EXPECT_EQ(s.level, 1);
    EXPECT_FALSE(s.named_feeling);
    ASSERT_FALSE(s.worked.empty());
    EXPECT_NE(s.worked.front().find("Level One"), std::string::npos);
    // The suggestion uses the step's feelings and a card fact retold to Sam.
    EXPECT_NE(s.suggestion.find("anxious and hurt"), std::string::npos) << s.suggestion;
    EXPECT_NE(s.suggestion.find("you felt isolated growing up"), std::string::npos) << s.suggestion;
    const Score m = score("You should call her.");
    ASSERT_FALSE(m.avoid.empty());
    EXPECT_NE(m.avoid.front().find("Fixing"), std::string::npos);
}

TEST_F(ScorerTest, EmptyAndWhitespaceInviteAReply) {
    for (const char* r : {"", "   \n\t "}) {
        const Score s = score(r);
        EXPECT_EQ(s.level, 0);
        EXPECT_EQ(s.score, 0);
        ASSERT_EQ(s.worked.size(), 1u);
        EXPECT_NE(s.worked[0].find("Take your time"), std::string::npos);
    }
}

TEST_F(ScorerTest, InvalidUtf8IsReportedNotScored) {
    const Score s = score(std::string("that sucks \xFF\xFE"));
    EXPECT_EQ(s.level, 0);
    EXPECT_NE(s.error.find("byte 11"), std::string::npos) << s.error;
    EXPECT_NO_THROW((void)score_to_json(s, "x").dump());
}

TEST_F(ScorerTest, HugeResponsesAreRefusedQuicklyAtTheDocumentedLimit) {
    const std::string huge(1024 * 1024, 'a');
    const auto start = std::chrono::steady_clock::now();
    const Score s = score(huge);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(s.error.empty());
    EXPECT_NE(s.error.find("64 KiB"), std::string::npos);
    // Generous bound: this guards against scanning the text, it is not a benchmark.
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 100);
    // Just under the limit is still scored.
    std::string long_text;
    while (long_text.size() + 40 < kMaxResponseBytes) {
        long_text += "That sounds so hard, I'm sorry. ";
    }
    EXPECT_EQ(score(long_text).level, 1);
}

TEST_F(ScorerTest, JsonContract) {
    const std::string r = "That sounds rough, but you should call her.";
    const auto j = score_to_json(score(r), r);
    EXPECT_EQ(j["level"], 1);
    EXPECT_EQ(j["mistakes"], nlohmann::json::array({"fixing"}));
    EXPECT_TRUE(j["score"].is_number_integer());
    ASSERT_TRUE(j["matches"].is_array());
    for (const auto& m : j["matches"]) {
        const auto b = m["begin"].get<std::size_t>(), e = m["end"].get<std::size_t>();
        ASSERT_LE(b, e);
        ASSERT_LE(e, r.size());
        EXPECT_EQ(m["text"], r.substr(b, e - b));
        EXPECT_TRUE(m["kind"] == "level_one" || m["kind"] == "level_two" || m["kind"] == "link" ||
                    m["kind"] == "mistake");
    }
    EXPECT_TRUE(j["feedback"].is_array());
    EXPECT_TRUE(j["suggestion"].is_string());
}

TEST_F(ScorerTest, FastJsonWriterMatchesTheDomJson) {
    for (const std::string r : {"No wonder you're anxious; after feeling so alone growing up, your friendships mean everything.",
                                "That sounds rough, but \"honestly\" you should call her.\t\b\f\x01",
                                "", "I understand. \xC3\xA9t\xC3\xA9", "bad \xFF utf8"}) {
        const Score s = score(r);
        std::string fast;
        append_score_json(fast, s, r);
        EXPECT_EQ(fast, score_to_json(s, r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << r;
    }
}

TEST_F(ScorerTest, RememberedWordsScoreAsNewOnes) {
    // The scorer remembers how words tokenize; a fresh scorer has seen none of them.
    for (const char* r : {"No wonder you're anxious; after feeling so alone growing up, your friendships mean everything.",
                          "It's been awful, ur mum's right. You should've called her.",
                          "I'd already paid for mine, same thing happened to my sister"}) {
        const Score first = score(r);
        const Score again = score(r);
        const Scorer fresh(test::default_criteria());
        const Score cold = fresh.score(*fresh.prepare(sam_step()), r);
        for (const Score* other : {&again, &cold}) {
            EXPECT_EQ(first.level, other->level) << r;
            EXPECT_EQ(first.mistakes, other->mistakes) << r;
            EXPECT_EQ(first.score, other->score) << r;
            ASSERT_EQ(first.matches.size(), other->matches.size()) << r;
            for (std::size_t i = 0; i < first.matches.size(); ++i) {
                EXPECT_EQ(first.matches[i].criterion, other->matches[i].criterion) << r;
                EXPECT_EQ(first.matches[i].begin, other->matches[i].begin) << r;
                EXPECT_EQ(first.matches[i].end, other->matches[i].end) << r;
            }
        }
    }
}

TEST(Scorer, WorksWithoutAPartnerCard) {
    const Scorer scorer(test::default_criteria());
    ScoringStep step{"Alex", "My bike was stolen.", {"angry"}, {}};
    const Score s = scorer.score(step, "ok");
    EXPECT_EQ(s.level, 0);
    EXPECT_NE(s.suggestion.find("angry"), std::string::npos);
}

} // namespace
} // namespace et
