// The criteria file: the default loads; errors are located and refuse the whole file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/criteria.hpp"
#include "test_support.hpp"

namespace et {
namespace {

std::string default_text() {
    std::ifstream in(test::source_path("assets/criteria/default.json"));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

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

// Replaces the first occurrence of `from` in the default criteria and loads the result.
CriteriaLoad load_with(const std::string& from, const std::string& to) {
    std::string text = default_text();
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return load_criteria_text("edited.json", text);
}

std::string first_error(const CriteriaLoad& load) {
    for (const auto& d : load.problems) {
        if (d.severity == Severity::Error) {
            return d.to_string();
        }
    }
    return "";
}

TEST(Criteria, BadPatternIsLocatedAndRefused) {
    const auto load = load_with("\"no wonder {any}\"", "\"no wonder {anything}\"");
    EXPECT_FALSE(load.criteria);
    const std::string e = first_error(load);
    EXPECT_NE(e.find("edited.json:"), std::string::npos) << e;
    EXPECT_NE(e.find("level_one.criteria.no_wonder.patterns["), std::string::npos) << e;
    EXPECT_NE(e.find("unknown slot {anything}"), std::string::npos) << e;
}

TEST(Criteria, WrongTypesAndUnknownIdsAreRefused) {
    EXPECT_NE(first_error(load_with("\"named_feeling_bonus\": 10", "\"named_feeling_bonus\": \"ten\""))
                  .find("weights.named_feeling_bonus: expected an integer from 0 to 100, got a string"),
              std::string::npos);
    EXPECT_NE(first_error(load_with("\"fixing\": {", "\"fixin\": {")).find("unknown mistake id \"fixin\""),
              std::string::npos);
    EXPECT_NE(first_error(load_with("\"furious\": 4", "\"furious\": 9"))
                  .find("lexicon.mad.furious: expected an integer from 1 to 4, got 9"),
              std::string::npos);
    EXPECT_NE(first_error(load_with("\"cancels_after\": [", "\"cancels_after\": [\"nope\", "))
                  .find("mistakes.making_it_about_you.cancels_after[0]: no level_one criterion has "
                        "the id \"nope\""),
              std::string::npos);
    EXPECT_FALSE(load_criteria_text("x.json", "{\"name\": ").criteria);
    EXPECT_FALSE(load_criteria_text("x.json", "[]").criteria);
}

TEST(Criteria, GroupsNameKnownSlotsAndNewNames) {
    EXPECT_NE(first_error(load_with("\"appraisal\": [", "\"appraisal\": [\"nonsense\", "))
                  .find("groups.appraisal[0]: unknown group or list \"nonsense\""),
              std::string::npos);
    // A group may not take a name a list already has: which one would {you} mean?
    EXPECT_NE(first_error(load_with("\"appraisal\": [", "\"you\": [\"mad\"], \"appraisal\": ["))
                  .find("groups.you: the name \"you\" is already used by another group or list"),
              std::string::npos);
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

    EXPECT_NE(first_error(load_with("[\n        \"lawyer\",", "[\n        \"family lawyer\","))
                  .find("level_two.synonyms[0][0]: a synonym is one word (\"family lawyer\" is 2)"),
              std::string::npos);
    EXPECT_NE(first_error(load_with("[\n        \"lawyer\",", "[\n        \"doctor\", \"lawyer\","))
                  .find("level_two.synonyms[2][0]: \"doctor\" is already in synonym group 1"),
              std::string::npos);
    EXPECT_NE(
        first_error(load_with("[\n        \"lawyer\",", "[\"lawyer\"], [\n        \"lawyer\","))
            .find("level_two.synonyms[0]: a synonym group needs at least two words"),
        std::string::npos);
}

TEST(Criteria, TimeSpansAreListsOfWords) {
    EXPECT_NE(first_error(load_with("\"counts\": [", "\"counts\": 3, \"was\": ["))
                  .find("level_two.time_spans.counts"),
              std::string::npos);
    EXPECT_NE(first_error(load_with("\"units\": [", "\"units\": [7, "))
                  .find("level_two.time_spans.units[0]"),
              std::string::npos);
}

TEST(Criteria, MissingFeedbackTextIsAnError) {
    const auto load = load_with("\"clean\":", "\"clean_renamed\":");
    EXPECT_FALSE(load.criteria);
    EXPECT_NE(first_error(load).find("feedback: missing required key \"clean\""), std::string::npos);
}

TEST(Criteria, UnknownTopLevelKeyIsOnlyAWarning) {
    const auto load = load_with("\"version\": 1", "\"version\": 1, \"future_feature\": true");
    ASSERT_TRUE(load.criteria);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0].severity, Severity::Warning);
}

} // namespace
} // namespace et
