// The check-in reflection: what came through, how many answers reached the inner layer, the
// one nudge chosen, and the inner-layer answers offered to couples mode.
#include "core/checkin.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace et {
namespace {

CheckinReflection reflect(const std::vector<CheckinAnswer>& answers) {
    const DisclosureAnalyser analyser(test::default_disclosure_criteria());
    return reflect_on_checkin(answers, &analyser);
}

TEST(Checkin, QuestionsAreTheDomainGuidesDailyQuestions) {
    ASSERT_EQ(kCheckinQuestionCount, 5u);
    EXPECT_STREQ(kCheckinQuestions[0].text, "What made me feel mad today?");
    EXPECT_STREQ(kCheckinQuestions[1].text, "What brought sadness?");
    EXPECT_STREQ(kCheckinQuestions[2].text, "What brought joy?");
    EXPECT_STREQ(kCheckinQuestions[3].text, "Did I feel afraid?");
    EXPECT_STREQ(kCheckinQuestions[4].text, "What's been on your head and heart today?");
}

TEST(Checkin, NothingWrittenAsksForOneLine) {
    const CheckinReflection r = reflect({{"mad", ""}, {"sad", "  \n "}});
    EXPECT_TRUE(r.answers.empty());
    EXPECT_EQ(r.inner, 0);
    EXPECT_TRUE(r.emotions.empty());
    EXPECT_EQ(r.missing.size(), 4u);
    EXPECT_NE(r.nudge.find("one line"), std::string::npos) << r.nudge;
}

TEST(Checkin, OnlyWhatHappenedAsksForFeelings) {
    const CheckinReflection r = reflect({{"mad", "I went to the gym and then cooked dinner."},
                                         {"heart", "We watched a scary movie."}});
    ASSERT_EQ(r.answers.size(), 2u);
    EXPECT_EQ(r.answers[0].question, "mad");
    EXPECT_EQ(r.answers[0].layer, Layer::Outer);
    EXPECT_EQ(r.inner, 0);
    EXPECT_TRUE(r.emotions.empty()); // a scary movie is not the speaker's fear
    EXPECT_NE(r.nudge.find("not only what happened"), std::string::npos) << r.nudge;
}

TEST(Checkin, CountsInnerAnswersAndTheEmotionsThatCameThrough) {
    const CheckinReflection r = reflect({{"mad", "I was furious when the bus left without me."},
                                         {"sad", "I felt so lonely when nobody called."},
                                         {"glad", ""},
                                         {"fear", "I went to work."}});
    ASSERT_EQ(r.answers.size(), 3u); // the blank one is skipped
    EXPECT_EQ(r.answers[1].question, "sad");
    EXPECT_EQ(r.answers[1].layer, Layer::Inner);
    EXPECT_EQ(r.answers[1].emotions, std::vector<CoreEmotion>{CoreEmotion::Sad});
    EXPECT_EQ(r.inner, 2);
    EXPECT_EQ(r.emotions, (std::vector<CoreEmotion>{CoreEmotion::Mad, CoreEmotion::Sad}));
    EXPECT_EQ(r.missing, (std::vector<CoreEmotion>{CoreEmotion::Glad, CoreEmotion::Fear}));
    // Most answers were inner: the nudge asks, gently, about a missing emotion, joy first.
    EXPECT_EQ(r.nudge, test::default_disclosure_criteria().text("missing.glad"));
}

TEST(Checkin, MostlyOuterAsksForFeelingsBeforeMissingEmotions) {
    const CheckinReflection r = reflect({{"mad", "I was furious at the bus driver."},
                                         {"sad", "I cleaned the kitchen."},
                                         {"glad", "I went for a run."}});
    EXPECT_EQ(r.inner, 1);
    EXPECT_NE(r.nudge.find("not only what happened"), std::string::npos) << r.nudge;
}

TEST(Checkin, AllFourAsFeelingsIsCelebrated) {
    const CheckinReflection r =
        reflect({{kCheckinFreeId, "I was angry at my boss, sad about Gran, glad to see my "
                                  "sister, and I was scared about the surgery."}});
    ASSERT_EQ(r.answers.size(), 1u);
    EXPECT_EQ(r.answers[0].question, kCheckinFreeId);
    EXPECT_EQ(r.inner, 1);
    EXPECT_EQ(r.emotions.size(), 4u);
    EXPECT_TRUE(r.missing.empty());
    EXPECT_NE(r.nudge.find("All four"), std::string::npos) << r.nudge;
}

TEST(Checkin, WithoutCriteriaOnlyCounts) {
    const CheckinReflection r =
        reflect_on_checkin({{"mad", "I felt so lonely when nobody called."}, {"sad", ""}}, nullptr);
    EXPECT_FALSE(r.analysed);
    ASSERT_EQ(r.answers.size(), 1u);
    EXPECT_EQ(r.inner, 0);
    EXPECT_TRUE(r.emotions.empty());
    EXPECT_TRUE(r.missing.empty()); // unknown, not missing
    EXPECT_FALSE(r.nudge.empty());
}

TEST(Checkin, MissingOrderAndTextsComeFromTheCriteriaWhenGiven) {
    std::vector<CheckinAnswerReading> readings = {{"glad", Layer::Inner, {CoreEmotion::Glad}}};
    const CheckinReflection fallback = reflect_on_readings(readings, true, nullptr);
    // Without criteria the order is mad, sad, glad, fear.
    EXPECT_NE(fallback.nudge.find("mad"), std::string::npos) << fallback.nudge;
    const CheckinReflection with =
        reflect_on_readings(readings, true, &test::default_disclosure_criteria());
    EXPECT_EQ(with.nudge,
              test::default_disclosure_criteria().text("missing.sad")); // glad, sad, mad, fear
}

TEST(Checkin, InnerLayerTextKeepsOnlyTheInnerAnswers) {
    const DisclosureAnalyser analyser(test::default_disclosure_criteria());
    const std::string text =
        inner_layer_text({{"mad", "I went to the gym.\n"},
                          {"sad", "  I felt so lonely when nobody called.\n\n"},
                          {"glad", "I was so happy to see Mia."}},
                         analyser);
    EXPECT_EQ(text, "I felt so lonely when nobody called.\n\nI was so happy to see Mia.");
    EXPECT_EQ(inner_layer_text({{"mad", "I went to the gym."}}, analyser), "");
}

} // namespace
} // namespace et
