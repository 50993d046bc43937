// Workshop presenter state: reveal order forward and back, hidden levels, the room's
// suggestions, marking and comparing, and presenting without criteria.
#include <gtest/gtest.h>

#include "core/scenario_loader.hpp"
#include "core/workshop_session.hpp"
#include "test_support.hpp"

namespace et {
namespace {

using test::source_path;

const Scorer& scorer() { return test::default_scorer(); }

// fear-friend-fight: steps "share" (6 choices), "opens-up" (6), "shuts-down" (5).
const Scenario& friend_fight() {
    static const Scenario s =
        test::load_scenario_or_abort(source_path("scenarios/fear-friend-fight.json"));
    return s;
}

const std::string kRoomLevelOne = "Three days is a long time to wait. You must be so anxious.";

std::vector<std::string> texts(const WorkshopSession& w) {
    std::vector<std::string> out;
    for (const WorkshopResponse& r : w.responses()) {
        out.push_back(r.text);
    }
    return out;
}

TEST(WorkshopSessionTest, ForwardShowsChoicesOneAtATimeThenTheNextStep) {
    const Scenario& s = friend_fight();
    WorkshopSession w(s, &scorer());
    EXPECT_EQ(w.step_index(), 0);
    EXPECT_EQ(w.step_count(), 3);
    EXPECT_EQ(w.step().id, "share");
    EXPECT_TRUE(w.responses().empty());
    EXPECT_EQ(w.shown_choices(), 0);
    EXPECT_EQ(w.choice_count(), 6);
    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(w.forward());
        EXPECT_EQ(w.step_index(), 0);
        ASSERT_EQ(w.shown_choices(), i + 1);
        ASSERT_EQ(w.responses().size(), static_cast<std::size_t>(i + 1));
        const WorkshopResponse& r = w.responses().back();
        EXPECT_EQ(r.choice, i);
        EXPECT_EQ(r.text, s.steps[0].choices[static_cast<std::size_t>(i)].text);
        EXPECT_EQ(r.author_level, s.steps[0].choices[static_cast<std::size_t>(i)].level);
        EXPECT_FALSE(r.from_room);
        EXPECT_TRUE(r.engine_scored);
    }
    // All six are up: the next press moves on to the next step, empty again.
    ASSERT_TRUE(w.forward());
    EXPECT_EQ(w.step_index(), 1);
    EXPECT_EQ(w.step().id, "opens-up");
    EXPECT_TRUE(w.responses().empty());
    EXPECT_EQ(w.shown_choices(), 0);

    w.go_to_step(2);
    EXPECT_EQ(w.step().id, "shuts-down");
    w.show_all_choices();
    EXPECT_EQ(w.shown_choices(), 5);
    EXPECT_FALSE(w.forward()); // the very end
    EXPECT_EQ(w.step_index(), 2);
    EXPECT_EQ(w.responses().size(), 5u);
    w.go_to_step(7); // out of range: ignored
    EXPECT_EQ(w.step_index(), 2);
}

TEST(WorkshopSessionTest, BackwardUndoesForward) {
    const Scenario& s = friend_fight();
    WorkshopSession w(s, &scorer());
    EXPECT_FALSE(w.backward()); // the very start
    w.forward();
    w.forward();
    ASSERT_TRUE(w.backward());
    EXPECT_EQ(w.shown_choices(), 1);
    ASSERT_EQ(w.responses().size(), 1u);
    EXPECT_EQ(w.responses()[0].choice, 0);
    ASSERT_TRUE(w.backward());
    EXPECT_TRUE(w.responses().empty());
    EXPECT_FALSE(w.backward());

    // Back from a new step returns to the previous one as it was left: every choice shown.
    w.show_all_choices();
    w.forward();
    ASSERT_EQ(w.step_index(), 1);
    ASSERT_TRUE(w.backward());
    EXPECT_EQ(w.step_index(), 0);
    EXPECT_EQ(w.shown_choices(), 6);
    EXPECT_EQ(w.responses().size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(w.responses()[static_cast<std::size_t>(i)].choice, i);
    }
}

TEST(WorkshopSessionTest, LevelsStayHiddenUntilRevealed) {
    WorkshopSession w(friend_fight(), &scorer());
    w.forward();
    w.forward();
    w.forward();
    EXPECT_FALSE(w.responses()[0].revealed);
    EXPECT_FALSE(w.all_revealed());
    w.reveal(1);
    EXPECT_FALSE(w.responses()[0].revealed);
    EXPECT_TRUE(w.responses()[1].revealed);
    EXPECT_FALSE(w.responses()[2].revealed);
    w.reveal(-1); // out of range: ignored
    w.reveal(3);
    EXPECT_FALSE(w.all_revealed());
    w.reveal_all();
    EXPECT_TRUE(w.all_revealed());
    // A choice shown after the reveal is hidden again until the next one.
    w.forward();
    EXPECT_FALSE(w.responses()[3].revealed);
    EXPECT_FALSE(w.all_revealed());
    // The level that shows is the author's, with the engine's reading alongside.
    const WorkshopResponse& r = w.responses()[3];
    EXPECT_EQ(r.level(), friend_fight().steps[0].choices[3].level);
    EXPECT_EQ(r.mistakes(), friend_fight().steps[0].choices[3].mistakes);
    EXPECT_EQ(r.why, friend_fight().steps[0].choices[3].why);
}

TEST(WorkshopSessionTest, RoomSuggestionsAreScoredAtOnceAndFollowTheAuthoredChoices) {
    const Scenario& s = friend_fight();
    WorkshopSession w(s, &scorer());
    EXPECT_TRUE(w.can_score());
    w.forward();
    w.forward();
    std::string error;
    ASSERT_TRUE(w.add_suggestion(kRoomLevelOne, &error)) << error;
    ASSERT_EQ(w.responses().size(), 3u);
    const WorkshopResponse& room = w.responses()[2];
    EXPECT_TRUE(room.from_room);
    EXPECT_EQ(room.choice, -1);
    EXPECT_EQ(room.author_level, -1);
    EXPECT_TRUE(room.engine_scored);
    EXPECT_TRUE(room.revealed); // scored live: shown at once
    EXPECT_EQ(room.level(), 1);
    EXPECT_EQ(room.level(), room.score.level);
    EXPECT_EQ(room.mistakes(), room.score.mistakes);
    EXPECT_TRUE(room.mistakes().empty());

    // A second suggestion with a mistake, then more authored choices: these go before the
    // room's, in their authored order.
    ASSERT_TRUE(w.add_suggestion("Just call her instead of texting.", &error)) << error;
    EXPECT_TRUE(w.responses().back().score.has(Mistake::Fixing));
    w.forward();
    w.forward();
    const std::vector<std::string> expected = {s.steps[0].choices[0].text,
                                               s.steps[0].choices[1].text,
                                               s.steps[0].choices[2].text,
                                               s.steps[0].choices[3].text,
                                               kRoomLevelOne,
                                               "Just call her instead of texting."};
    EXPECT_EQ(texts(w), expected);
    w.show_all_choices();
    EXPECT_EQ(w.responses().size(), 8u);
    EXPECT_EQ(w.responses()[5].choice, 5);
    EXPECT_TRUE(w.responses()[6].from_room);
    EXPECT_TRUE(w.responses()[7].from_room);
    // Backward hides the last authored choice, never a suggestion.
    w.backward();
    EXPECT_EQ(w.responses().size(), 7u);
    EXPECT_EQ(w.responses()[4].choice, 4);
    EXPECT_EQ(w.responses()[5].text, kRoomLevelOne);
    // The next step starts clean.
    w.show_all_choices();
    w.forward();
    EXPECT_EQ(w.step_index(), 1);
    EXPECT_TRUE(w.responses().empty());
}

TEST(WorkshopSessionTest, EmptySuggestionIsRefusedWithAMessage) {
    WorkshopSession w(friend_fight(), &scorer());
    std::string error;
    EXPECT_FALSE(w.add_suggestion("", &error));
    EXPECT_EQ(error, "Type what the room suggested first.");
    error.clear();
    EXPECT_FALSE(w.add_suggestion(" \t\n ", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(w.add_suggestion("   ")); // no error out-parameter: still refused
    EXPECT_TRUE(w.responses().empty());
    // Refused by the engine (not UTF-8): the engine's own message.
    error.clear();
    EXPECT_FALSE(w.add_suggestion("caf\xC3 so hard", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_TRUE(w.responses().empty());
}

TEST(WorkshopSessionTest, CompareTheMarkedPairElseHighestAgainstLowest) {
    WorkshopSession w(friend_fight(), &scorer());
    EXPECT_FALSE(w.compare_pair()); // nothing on screen
    w.forward();
    EXPECT_FALSE(w.compare_pair()); // one is not a pair
    w.show_all_choices();
    // Levels 2, 1, 1 (fixing), 0 (dismissing), 0, 0: the Level Two one against the first
    // of the lowest.
    auto pair = w.compare_pair();
    ASSERT_TRUE(pair);
    EXPECT_EQ(pair->first, 0);
    EXPECT_EQ(pair->second, 3);
    // Two marks win, in screen order whatever order they were marked in.
    w.toggle_mark(4);
    EXPECT_EQ(w.compare_pair(), pair); // one mark is not enough
    w.toggle_mark(1);
    EXPECT_EQ(w.marked(), (std::vector<int>{4, 1}));
    pair = w.compare_pair();
    ASSERT_TRUE(pair);
    EXPECT_EQ(*pair, std::make_pair(1, 4));
    // Unmarking one falls back to the highest against the lowest.
    w.toggle_mark(4);
    EXPECT_EQ(w.marked(), std::vector<int>{1});
    EXPECT_EQ(*w.compare_pair(), std::make_pair(0, 3));
}

TEST(WorkshopSessionTest, ComparingEqualLevelsStillGivesTwoResponses) {
    WorkshopSession w(friend_fight(), &scorer());
    w.go_to_step(1); // opens-up: two Level Two answers first
    w.forward();
    w.forward();
    const auto pair = w.compare_pair();
    ASSERT_TRUE(pair);
    EXPECT_NE(pair->first, pair->second);
}

TEST(WorkshopSessionTest, AThirdMarkReplacesTheOldest) {
    WorkshopSession w(friend_fight(), &scorer());
    w.show_all_choices();
    w.toggle_mark(0);
    w.toggle_mark(2);
    w.toggle_mark(5);
    EXPECT_EQ(w.marked(), (std::vector<int>{2, 5}));
    w.toggle_mark(9); // out of range: ignored
    w.toggle_mark(-1);
    EXPECT_EQ(w.marked(), (std::vector<int>{2, 5}));
    w.toggle_mark(5); // toggles off
    EXPECT_EQ(w.marked(), std::vector<int>{2});
}

TEST(WorkshopSessionTest, MarksFollowTheirResponsesAsChoicesComeAndGo) {
    WorkshopSession w(friend_fight(), &scorer());
    w.forward();
    ASSERT_TRUE(w.add_suggestion(kRoomLevelOne));
    w.toggle_mark(0); // the first authored answer
    w.toggle_mark(1); // the room's suggestion
    w.forward();      // a choice slides in before the suggestion
    ASSERT_EQ(w.responses()[2].text, kRoomLevelOne);
    EXPECT_EQ(w.marked(), (std::vector<int>{0, 2}));
    w.backward();
    EXPECT_EQ(w.marked(), (std::vector<int>{0, 1}));
    w.backward(); // hides the marked first answer: its mark goes with it
    EXPECT_EQ(w.marked(), std::vector<int>{0});
    EXPECT_EQ(w.responses()[0].text, kRoomLevelOne);
    // Moving to another step clears the marks.
    w.show_all_choices();
    w.forward();
    EXPECT_TRUE(w.marked().empty());
}

TEST(WorkshopSessionTest, WithoutCriteriaAuthoredLevelsRevealAndSuggestionsAreRefused) {
    const Scenario& s = friend_fight();
    WorkshopSession w(s, nullptr);
    EXPECT_FALSE(w.can_score());
    w.forward();
    const WorkshopResponse& r = w.responses().front();
    EXPECT_FALSE(r.engine_scored);
    EXPECT_TRUE(r.score.matches.empty());
    w.reveal_all();
    EXPECT_TRUE(w.responses().front().revealed);
    EXPECT_EQ(w.responses().front().level(), s.steps[0].choices[0].level);
    std::string error;
    EXPECT_FALSE(w.add_suggestion(kRoomLevelOne, &error));
    EXPECT_NE(error.find("criteria did not load"), std::string::npos) << error;
    EXPECT_EQ(w.responses().size(), 1u);
    // Stepping and comparing work as ever.
    w.show_all_choices();
    const auto pair = w.compare_pair();
    ASSERT_TRUE(pair);
    EXPECT_EQ(*pair, std::make_pair(0, 3));
    w.forward();
    EXPECT_EQ(w.step_index(), 1);
}

} // namespace
} // namespace et
