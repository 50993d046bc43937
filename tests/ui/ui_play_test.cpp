// Whole scenarios played through the screens: by picking (click and keys) and by typing.
#include "ui_fixture.hpp"

namespace et::ui::test {

TEST_F(UiTest, PlayAScenarioByPickingWithKeysAndClicks) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    ASSERT_TRUE(app->session);
    // Step 1: key 1 picks the Level Two answer (the box has focus and is empty).
    press('1');
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->source, AnswerSource::Choice);
    EXPECT_EQ(app->session->current()->level, 2);
    EXPECT_FALSE(app->session->current()->author_why.empty());
    click_item("feedback:continue");
    EXPECT_EQ(app->session->step().id, "opens-up");
    // Step 2: click the third answer (Level One).
    frames(2);
    click_item("practice:choice:3");
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->level, 1);
    // Try again, then the Level Two answer.
    click_item("feedback:try-again");
    EXPECT_EQ(app->session->current(), nullptr);
    frames(2);
    click_item("practice:choice:1");
    ASSERT_NE(app->session->current(), nullptr);
    click_item("feedback:continue");
    EXPECT_EQ(app->page, Page::Summary);
    EXPECT_TRUE(app->session->finished());
    const SessionSummary summary = app->session->summary();
    ASSERT_EQ(summary.steps.size(), 2u);
    EXPECT_EQ(summary.steps[0].level, 2);
    EXPECT_EQ(summary.steps[1].level, 2);
    EXPECT_EQ(summary.steps[1].attempts, 2);
    EXPECT_FALSE(summary.practise_next.empty());
    EXPECT_EQ(app->best.get("fear-friend-fight"), 2);
    EXPECT_EQ(trace_events("response_scored").size(), 3u);
    EXPECT_EQ(trace_events("step_changed").size(), 1u);
    ASSERT_EQ(trace_events("scenario_finished").size(), 1u);
    frames(2);
    click_item("summary:close");
    EXPECT_FALSE(app->session);
}

TEST_F(UiTest, PlayAScenarioByTyping) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    // A dismissive answer: the branch goes to the partner shutting down.
    type("You're overreacting, she's probably just busy.");
    EXPECT_EQ(app->draft, "You're overreacting, she's probably just busy.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->source, AnswerSource::Typed);
    EXPECT_FALSE(app->session->current()->mistakes.empty());
    click_item("feedback:continue");
    EXPECT_EQ(app->session->step().id, "shuts-down");
    frames(2);
    // The typing box has focus again when a step opens.
    type("You're not being silly. No wonder you're scared; after growing up so lonely, "
         "your friendship with Jess means everything.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->level, 2);
    EXPECT_TRUE(app->session->current()->mistakes.empty());
    click_item("feedback:continue");
    EXPECT_EQ(app->session->step().id, "opens-up");
    frames(2);
    type("Of course you're scared of losing her; Jess was your first real friend.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_GE(app->session->current()->level, 1);
    click_item("feedback:continue");
    EXPECT_EQ(app->page, Page::Summary);
    const auto scored = trace_events("response_scored");
    ASSERT_EQ(scored.size(), 3u);
    for (const auto& e : scored) {
        EXPECT_EQ(e["source"], "typed");
        EXPECT_EQ(e["scenario"], "fear-friend-fight");
    }
    EXPECT_EQ(scored[0]["step"], "share");
    EXPECT_EQ(scored[1]["level"], 2);
}

TEST_F(UiTest, CtrlEnterOnAnEmptyBoxDoesNothing) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    press(kEnter, true);
    EXPECT_EQ(app->session->current(), nullptr);
}

TEST_F(UiTest, LiveMeterFollowsTheDraft) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    type("That sounds so hard, of course you're anxious.");
    ASSERT_TRUE(app->live);
    EXPECT_GE(app->live->level, 1);
    EXPECT_EQ(app->session->current(), nullptr) << "the meter must not submit";
}

TEST_F(UiTest, EscapeLeavesTheBoxKeepingTheTextThenBacksOut) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    type("Half an answer");
    press(kEscape);
    EXPECT_EQ(app->draft, "Half an answer");
    EXPECT_TRUE(app->session);
    press(kEscape);
    EXPECT_FALSE(app->session);
    EXPECT_EQ(app->page, Page::Home);
}

TEST_F(UiTest, HugeEmojiAndRightToLeftResponsesDoNotBreakTheScreen) {
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    std::string huge;
    while (huge.size() < 10000) {
        huge += "that sounds so hard \xF0\x9F\x98\xA2 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ";
    }
    type(huge);
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    frames(3); // the feedback lays out 10,000 characters of highlighted text
    EXPECT_NE(item("feedback:continue"), nullptr);
}

} // namespace et::ui::test
