// The criteria file: the default loads; errors are located and refuse the whole file.
#include "core/criteria.hpp"
#include "test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace et {
namespace {

using ::testing::HasSubstr;

using test::first_error;
using test::load_default_criteria_with;

TEST(Criteria, DefaultLoadsCleanly) {
    const auto load = load_criteria_file(test::source_path("assets/criteria/default.json"));
    ASSERT_TRUE(load.criteria);
    for (const auto& d : load.problems) {
        ADD_FAILURE() << d.to_string();
    }
    const Criteria& c = *load.criteria;
    EXPECT_FALSE(c.level_one.empty());
    EXPECT_FALSE(c.links.empty());
    for (const auto& m : c.mistakes) {
        EXPECT_FALSE(m.criteria.empty());
        EXPECT_FALSE(m.why.empty());
        EXPECT_GT(m.weight, 0);
    }
    EXPECT_EQ(c.emotion_of("furious"), CoreEmotion::Mad);
    EXPECT_EQ(c.emotion_of("heartbroken"), CoreEmotion::Sad);
    EXPECT_EQ(c.emotion_of("over the moon"), CoreEmotion::Glad);
    EXPECT_EQ(c.emotion_of("anxious"), CoreEmotion::Fear);
    EXPECT_FALSE(c.emotion_of("table").has_value());
}

// The scorer walks a criterion's patterns by their serials in the first-word index, which
// it may only do when they are one run in the patterns' order.
TEST(Criteria, ACriterionsPatternsAreNumberedInOneRun) {
    const auto load = load_criteria_file(test::source_path("assets/criteria/default.json"));
    ASSERT_TRUE(load.criteria);
    std::vector<const Criterion*> all;
    for (const auto& crit : load.criteria->level_one) {
        all.push_back(&crit);
    }
    for (const auto& crit : load.criteria->links) {
        all.push_back(&crit);
    }
    for (const auto& m : load.criteria->mistakes) {
        for (const auto& crit : m.criteria) {
            all.push_back(&crit);
        }
    }
    for (const Criterion* crit : all) {
        ASSERT_FALSE(crit->patterns.empty()) << crit->id;
        const int first = crit->patterns.front().serial();
        EXPECT_GE(first, 0) << crit->id;
        for (std::size_t i = 0; i < crit->patterns.size(); ++i) {
            EXPECT_EQ(crit->patterns[i].serial(), first + static_cast<int>(i)) << crit->id;
        }
    }
}

TEST(Criteria, BadPatternIsLocatedAndRefused) {
    const auto load = load_default_criteria_with("\"no wonder {any}\"", "\"no wonder {anything}\"");
    EXPECT_FALSE(load.criteria);
    const std::string e = first_error(load);
    EXPECT_THAT(e, HasSubstr("edited.json:"));
    EXPECT_THAT(e, HasSubstr("level_one.criteria.no_wonder.patterns["));
    EXPECT_THAT(e, HasSubstr("unknown slot {anything}"));
}

// The patterns compile on two threads, the later half on the worker (see
// PatternReading::compile_pending); a problem in either half is still reported at its
// element, in the order the patterns are read.
TEST(Criteria, BadPatternsInBothHalvesAreEachLocatedInReadingOrder) {
    std::string text = test::default_criteria_text();
    const std::string early = "\"(sound|sounds|sounded|sounding) [like]";
    const std::string late = "\"what are we (doing|having|eating) for (dinner|tea|lunch)\"";
    ASSERT_NE(text.find(early), std::string::npos);
    ASSERT_NE(text.rfind(late), std::string::npos);
    text.replace(text.find(early), early.size(), "\"(sound|sounds|sounded|sounding [like]");
    text.replace(text.rfind(late), late.size(), "\"what are we {nonsense} for\"");
    const auto load = test::load_criteria_beside_default(std::move(text));
    EXPECT_FALSE(load.criteria);
    std::vector<Diagnostic> errors;
    for (const auto& d : load.problems) {
        if (d.severity == Severity::Error) {
            errors.push_back(d);
        }
    }
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_THAT(errors[0].to_string(), HasSubstr("level_one.criteria.that_sounds.patterns[0]"));
    EXPECT_THAT(errors[0].message, HasSubstr("missing ')'"));
    EXPECT_THAT(errors[1].to_string(), HasSubstr("mistakes.dismissing.criteria.turning_away.patterns["));
    EXPECT_THAT(errors[1].message, HasSubstr("unknown slot {nonsense}"));
    EXPECT_LT(errors[0].line, errors[1].line);
}

TEST(Criteria, WrongTypesAndUnknownIdsAreRefused) {
    EXPECT_THAT(
        first_error(load_default_criteria_with("\"named_feeling_bonus\": 10", "\"named_feeling_bonus\": \"ten\"")),
        HasSubstr("weights.named_feeling_bonus: expected an integer from 0 to 100, got a string"));
    EXPECT_THAT(first_error(load_default_criteria_with("\"fixing\": {", "\"fixin\": {")),
                HasSubstr("unknown mistake id \"fixin\""));
    EXPECT_THAT(first_error(load_default_criteria_with("\"furious\": 4", "\"furious\": 9")),
                HasSubstr("lexicon.mad.furious: expected an integer from 1 to 4, got 9"));
    EXPECT_THAT(
        first_error(load_default_criteria_with("\"cancels_after\": [", "\"cancels_after\": [\"nope\", ")),
        HasSubstr("mistakes.making_it_about_you.cancels_after[0]: no level_one criterion has "
                  "the id \"nope\""));
    EXPECT_FALSE(load_criteria_text("x.json", "{\"name\": ").criteria);
    EXPECT_FALSE(load_criteria_text("x.json", "[]").criteria);
}

TEST(Criteria, GroupsNameKnownSlotsAndNewNames) {
    EXPECT_THAT(first_error(load_default_criteria_with("\"appraisal\": [", "\"appraisal\": [\"nonsense\", ")),
                HasSubstr("groups.appraisal[0]: unknown group or list \"nonsense\""));
    // A group may not take a name a list already has: which one would {you} mean?
    EXPECT_THAT(first_error(load_default_criteria_with("\"appraisal\": [", "\"you\": [\"mad\"], \"appraisal\": [")),
                HasSubstr("groups.you: the name \"you\" is already used by another group or list"));
}

TEST(Criteria, CardSynonymsAreSingleWordsInOneGroup) {
    const auto load = load_criteria_file(test::source_path("assets/criteria/default.json"));
    ASSERT_TRUE(load.criteria);
    const Criteria& c = *load.criteria;
    EXPECT_EQ(c.card_stem(stem_of("lawyer", c.normalisation)),
              c.card_stem(stem_of("attorney", c.normalisation)));
    EXPECT_NE(c.card_stem(stem_of("lawyer", c.normalisation)),
              c.card_stem(stem_of("doctor", c.normalisation)));
    EXPECT_EQ(c.card_stem("table"), "table");

    EXPECT_THAT(
        first_error(load_default_criteria_with("[\n        \"lawyer\",", "[\n        \"family lawyer\",")),
        HasSubstr("level_two.synonyms[0][0]: a synonym is one word (\"family lawyer\" is 2)"));
    EXPECT_THAT(
        first_error(load_default_criteria_with("[\n        \"lawyer\",", "[\n        \"doctor\", \"lawyer\",")),
        HasSubstr("level_two.synonyms[2][0]: \"doctor\" is already in synonym group 1"));
    EXPECT_THAT(
        first_error(load_default_criteria_with("[\n        \"lawyer\",", "[\"lawyer\"], [\n        \"lawyer\",")),
        HasSubstr("level_two.synonyms[0]: a synonym group needs at least two words"));
}

TEST(Criteria, SentenceExceptionsAreSingleWords) {
    EXPECT_THAT(first_error(load_default_criteria_with("\"yourselves\",", "\"yourselves\", \"your own\",")),
                HasSubstr("mistakes.making_it_about_you.criteria.listener_first.unless_sentence_has[5]: "
                          "a sentence is checked word by word, so each entry is one word "
                          "(\"your own\" is 2)"));
    EXPECT_THAT(first_error(load_default_criteria_with("\"yourselves\",", "\"yourselves\", 3,")),
                HasSubstr("listener_first.unless_sentence_has"));
}

TEST(Criteria, TimeSpansAreListsOfWords) {
    EXPECT_THAT(first_error(load_default_criteria_with("\"counts\": [", "\"counts\": 3, \"was\": [")),
                HasSubstr("level_two.time_spans.counts"));
    EXPECT_THAT(first_error(load_default_criteria_with("\"units\": [", "\"units\": [7, ")),
                HasSubstr("level_two.time_spans.units[0]"));
}

TEST(Criteria, MissingFeedbackTextIsAnError) {
    const auto load = load_default_criteria_with("\"clean\":", "\"clean_renamed\":");
    EXPECT_FALSE(load.criteria);
    EXPECT_THAT(first_error(load), HasSubstr("feedback: missing required key \"clean\""));
}

TEST(Criteria, UnknownTopLevelKeyIsOnlyAWarning) {
    const auto load = load_default_criteria_with("\"version\": 1", "\"version\": 1, \"future_feature\": true");
    ASSERT_TRUE(load.criteria);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0].severity, Severity::Warning);
}

} // namespace
} // namespace et
