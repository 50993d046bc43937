// Couples turns: turn order and roles, scripted and real-talk rounds, rating before the verdict,
// agreement with the engine, privacy of real-talk words, abandoning, and the summary.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/couples_session.hpp"
#include "core/scenario_loader.hpp"
#include "test_support.hpp"

namespace et {
namespace {

using test::source_path;

const Scorer& scorer() { return test::default_scorer(); }

Scenario load(const std::string& path) { return test::load_scenario_or_abort(path); }

const Scenario& friend_fight() {
    static const Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    return s;
}

// A real-talk round: a feeling, and a card line the listener can tie it to.
const std::string kSisterSays = "I'm so frustrated, the wedding planning got taken over again";
const std::string kSisterCard = "My sister always gets her way";
const std::string kLevelTwoAnswer =
    "No wonder you're frustrated, with your sister always getting her way";
const std::string kLevelOneAnswer = "That sounds so frustrating.";

class CouplesTest : public ::testing::Test {
protected:
    CouplesSession make(bool keep_words = true, const Scorer* s = &scorer()) {
        return CouplesSession({"Alex", "Blair"}, s, keep_words);
    }

    // Plays the first step of the friend-fight scenario up to the rating.
    static void scripted_to_rating(CouplesSession& c, int choice, int step = 0) {
        const Scenario& s = friend_fight();
        c.start_scripted(s, s.steps[static_cast<std::size_t>(step)]);
        c.pass_to_listener();
        c.listener_ready();
        ASSERT_TRUE(c.answer_choice(choice));
        c.speaker_ready();
        ASSERT_EQ(c.phase(), CouplesPhase::Rating);
    }

    static void real_talk_to_rating(CouplesSession& c, const std::string& says,
                                    const std::vector<std::string>& card,
                                    const std::string& answer) {
        c.start_real_talk();
        ASSERT_TRUE(c.share(says, "mad", card));
        c.listener_ready();
        ASSERT_TRUE(c.answer_typed(answer));
        c.speaker_ready();
        ASSERT_EQ(c.phase(), CouplesPhase::Rating);
    }
};

TEST_F(CouplesTest, RolesSwapEachRoundAndTheKeyboardFollowsThePhase) {
    CouplesSession c = make();
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);
    EXPECT_EQ(c.round(), nullptr);
    EXPECT_EQ(c.name(0), "Alex");
    EXPECT_EQ(c.name(1), "Blair");
    const Scenario& s = friend_fight();
    for (int n = 0; n < 4; ++n) {
        SCOPED_TRACE("round " + std::to_string(n + 1));
        const int speaker = n % 2;
        const int listener = 1 - speaker;
        ASSERT_EQ(c.phase(), CouplesPhase::Choosing);
        EXPECT_EQ(c.speaker(), speaker);
        EXPECT_EQ(c.listener(), listener);
        EXPECT_EQ(c.at_keyboard(), speaker);

        // Scripted and real-talk rounds alternate; the roles do not care which.
        if (n < 2) {
            c.start_scripted(s, s.steps.front());
            ASSERT_EQ(c.phase(), CouplesPhase::Sharing);
            EXPECT_EQ(c.round()->kind, RoundKind::Scripted);
            c.pass_to_listener();
        } else {
            c.start_real_talk();
            ASSERT_EQ(c.phase(), CouplesPhase::Sharing);
            EXPECT_EQ(c.round()->kind, RoundKind::RealTalk);
            EXPECT_EQ(c.at_keyboard(), speaker); // the speaker types their feeling
            ASSERT_TRUE(c.share(kSisterSays, "mad", {kSisterCard}));
        }
        ASSERT_NE(c.round(), nullptr);
        EXPECT_EQ(c.round()->number, n + 1);
        EXPECT_EQ(c.round()->speaker, speaker);
        EXPECT_EQ(c.round()->listener, listener);

        ASSERT_EQ(c.phase(), CouplesPhase::PassToListener);
        EXPECT_EQ(c.at_keyboard(), listener);
        c.listener_ready();
        ASSERT_EQ(c.phase(), CouplesPhase::Answering);
        EXPECT_EQ(c.at_keyboard(), listener);
        EXPECT_EQ(c.speaker(), speaker);
        ASSERT_TRUE(n < 2 ? c.answer_choice(1) : c.answer_typed(kLevelOneAnswer));
        ASSERT_EQ(c.phase(), CouplesPhase::PassToSpeaker);
        EXPECT_EQ(c.at_keyboard(), speaker);
        c.speaker_ready();
        ASSERT_EQ(c.phase(), CouplesPhase::Rating);
        EXPECT_EQ(c.at_keyboard(), speaker);
        c.rate(7);
        ASSERT_EQ(c.phase(), CouplesPhase::Verdict);
        EXPECT_EQ(c.at_keyboard(), speaker);
        c.next_round();
    }
    EXPECT_EQ(c.rounds().size(), 4u);
    EXPECT_EQ(c.speaker(), 0);
}

TEST_F(CouplesTest, StepsOutOfOrderAreIgnored) {
    CouplesSession c = make();
    const Scenario& s = friend_fight();
    c.listener_ready();
    c.speaker_ready();
    c.pass_to_listener();
    EXPECT_FALSE(c.answer_choice(0));
    EXPECT_FALSE(c.share(kSisterSays, "", {}));
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);
    EXPECT_TRUE(c.rounds().empty());

    c.start_scripted(s, s.steps.front());
    c.start_real_talk(); // a round is already under way
    EXPECT_EQ(c.rounds().size(), 1u);
    EXPECT_EQ(c.round()->kind, RoundKind::Scripted);
    EXPECT_FALSE(c.share(kSisterSays, "", {})); // scripted: the line is the scenario's
    c.listener_ready();
    EXPECT_EQ(c.phase(), CouplesPhase::Sharing);
    EXPECT_FALSE(c.answer_typed("That sounds so hard."));
    EXPECT_EQ(c.phase(), CouplesPhase::Sharing);
}

TEST_F(CouplesTest, ScriptedPickCountsAtTheAuthorsLevel) {
    CouplesSession c = make();
    const Scenario& s = friend_fight();
    const Step& step = s.steps.front();
    c.start_scripted(s, step);
    const CouplesRound& r = *c.round();
    EXPECT_EQ(r.scenario_id, "fear-friend-fight");
    EXPECT_EQ(r.scenario_title, s.title);
    EXPECT_EQ(r.step_id, step.id);
    EXPECT_EQ(r.partner_says, step.partner_says);
    ASSERT_EQ(r.choices.size(), step.choices.size());
    EXPECT_EQ(r.choices[3], step.choices[3].text);
    c.pass_to_listener();
    c.listener_ready();
    EXPECT_FALSE(c.answer_choice(-1));
    EXPECT_FALSE(c.answer_choice(static_cast<int>(step.choices.size())));
    ASSERT_TRUE(c.answer_choice(3)); // "You're overreacting...": level 0, dismissing
    const Choice& picked = step.choices[3];
    const CouplesRound& a = *c.round();
    EXPECT_EQ(a.source, AnswerSource::Choice);
    EXPECT_EQ(a.choice, 3);
    EXPECT_EQ(a.response, picked.text);
    EXPECT_EQ(a.level, picked.level);
    EXPECT_EQ(a.mistakes, picked.mistakes);
    ASSERT_EQ(a.mistakes, std::vector<Mistake>{Mistake::Dismissing});
    // The engine's reading is kept alongside (for the highlighted words) ...
    const Score engine = scorer().score(*scorer().prepare(scoring_step(s, step)), picked.text);
    EXPECT_EQ(a.score.level, engine.level);
    EXPECT_EQ(a.score.matches.size(), engine.matches.size());
    // ... and the points follow the author's level and mistakes, as in solo practice.
    Exchange e;
    e.score = engine;
    e.level = picked.level;
    e.mistakes = picked.mistakes;
    EXPECT_EQ(a.points, authored_points(e, &scorer()));
}

TEST_F(CouplesTest, APickCountsAtTheAuthorsLevelEvenWhenTheEngineReadsItOtherwise) {
    // The bundled pack agrees with the engine everywhere, so an author is made to disagree:
    // "You're overreacting. She's probably just busy." rated Level One without mistakes.
    Scenario s = friend_fight();
    Choice& doctored = s.steps.front().choices[3];
    doctored.level = 1;
    doctored.mistakes.clear();
    CouplesSession c = make();
    c.start_scripted(s, s.steps.front());
    c.pass_to_listener();
    c.listener_ready();
    ASSERT_TRUE(c.answer_choice(3));
    const CouplesRound& r = *c.round();
    EXPECT_EQ(r.score.level, 0);
    EXPECT_TRUE(r.score.has(Mistake::Dismissing));
    EXPECT_EQ(r.level, 1);
    EXPECT_TRUE(r.mistakes.empty());
}

TEST_F(CouplesTest, ScriptedTypedAnswerIsRatedByTheEngine) {
    CouplesSession c = make();
    const Scenario& s = friend_fight();
    c.start_scripted(s, s.steps.front());
    c.pass_to_listener();
    EXPECT_FALSE(c.preview("Of course you're anxious.")); // not answering yet
    c.listener_ready();
    const std::string text =
        "No wonder you're anxious; after feeling so alone growing up, your friendships mean "
        "everything.";
    const auto preview = c.preview(text);
    ASSERT_TRUE(preview);
    EXPECT_EQ(preview->level, 2);
    EXPECT_FALSE(c.answer_typed("   \n"));
    EXPECT_EQ(c.phase(), CouplesPhase::Answering);
    ASSERT_TRUE(c.answer_typed(text));
    const CouplesRound& r = *c.round();
    EXPECT_EQ(r.source, AnswerSource::Typed);
    EXPECT_EQ(r.choice, -1);
    EXPECT_EQ(r.response, text);
    EXPECT_EQ(r.level, 2);
    EXPECT_EQ(r.level, r.score.level);
    EXPECT_EQ(r.points, r.score.score);
    EXPECT_TRUE(r.mistakes.empty());
    EXPECT_FALSE(r.score.matches.empty());

    // The next round, a typed dismissal: the engine's level and mistakes count.
    c.speaker_ready();
    c.rate(3);
    c.next_round();
    c.start_scripted(s, s.steps.front());
    c.pass_to_listener();
    c.listener_ready();
    ASSERT_TRUE(c.answer_typed("You're overreacting, she's probably just busy."));
    EXPECT_EQ(c.round()->level, 0);
    EXPECT_EQ(c.round()->mistakes, c.round()->score.mistakes);
    EXPECT_TRUE(c.round()->score.has(Mistake::Dismissing));
}

TEST_F(CouplesTest, RealTalkCardLineMakesLevelTwoPossible) {
    CouplesSession c = make();
    c.start_real_talk();
    EXPECT_EQ(c.phase(), CouplesPhase::Sharing);
    EXPECT_FALSE(c.share(" \n\t", "mad", {kSisterCard})); // nothing said yet
    EXPECT_EQ(c.phase(), CouplesPhase::Sharing);
    // Blank card lines (the box's empty lines) are dropped.
    ASSERT_TRUE(c.share(kSisterSays, "mad", {kSisterCard, "", "  "}));
    EXPECT_EQ(c.round()->partner_says, kSisterSays);
    EXPECT_EQ(c.round()->emotion, "mad");
    EXPECT_EQ(c.round()->card, std::vector<std::string>{kSisterCard});
    EXPECT_TRUE(c.round()->choices.empty());
    EXPECT_FALSE(c.answer_choice(0)); // not answering yet, and nothing to pick in real talk
    c.listener_ready();
    EXPECT_FALSE(c.answer_choice(0));
    ASSERT_EQ(c.preview(kLevelOneAnswer)->level, 1);
    ASSERT_TRUE(c.answer_typed(kLevelTwoAnswer));
    EXPECT_EQ(c.round()->level, 2);
    EXPECT_TRUE(c.round()->mistakes.empty());
    EXPECT_TRUE(c.round()->score.named_feeling); // "frustrated" is the speaker's own word
    const bool card_used =
        std::any_of(c.round()->score.matches.begin(), c.round()->score.matches.end(),
                    [](const Match& m) { return m.kind == MatchKind::LevelTwo; });
    EXPECT_TRUE(card_used);
}

TEST_F(CouplesTest, RealTalkWithoutTheCardLineStaysAtLevelOne) {
    // The same answer with nothing on the card: nothing known to tie the feeling to.
    CouplesSession c = make();
    c.start_real_talk();
    ASSERT_TRUE(c.share(kSisterSays, "mad", {}));
    c.listener_ready();
    ASSERT_TRUE(c.answer_typed(kLevelTwoAnswer));
    EXPECT_EQ(c.round()->level, 1);
}

TEST_F(CouplesTest, RealTalkCardLineThatRepeatsTheFeelingIsNotAMemory) {
    // The engine's rule for cards: words the speaker has just said are a restatement. Here
    // "sister" is the card line's only content word ("always gets her way" is all stop
    // words), and the speaker said it, so the same answer reads as Level One.
    CouplesSession c = make();
    c.start_real_talk();
    ASSERT_TRUE(c.share("I'm so frustrated, my sister took over the wedding planning again", "mad",
                        {kSisterCard}));
    c.listener_ready();
    ASSERT_TRUE(c.answer_typed(kLevelTwoAnswer));
    EXPECT_EQ(c.round()->level, 1);
}

TEST_F(CouplesTest, RatingComesOnlyAfterTheAnswerAndTheVerdictOnlyAfterRating) {
    CouplesSession c = make();
    const Scenario& s = friend_fight();
    auto rate_is_ignored = [&](CouplesPhase phase) {
        ASSERT_EQ(c.phase(), phase);
        c.rate(9);
        EXPECT_EQ(c.phase(), phase);
        if (c.round() != nullptr) {
            EXPECT_EQ(c.round()->felt_heard, -1);
        }
        EXPECT_EQ(c.disagreement_note(), "");
    };
    rate_is_ignored(CouplesPhase::Choosing);
    c.start_scripted(s, s.steps.front());
    rate_is_ignored(CouplesPhase::Sharing);
    c.speaker_ready(); // nothing to rate yet
    rate_is_ignored(CouplesPhase::Sharing);
    c.pass_to_listener();
    rate_is_ignored(CouplesPhase::PassToListener);
    c.listener_ready();
    c.speaker_ready();
    rate_is_ignored(CouplesPhase::Answering);
    ASSERT_TRUE(c.answer_choice(0));
    rate_is_ignored(CouplesPhase::PassToSpeaker);
    c.next_round(); // no way past the rating
    rate_is_ignored(CouplesPhase::PassToSpeaker);
    c.speaker_ready();
    ASSERT_EQ(c.phase(), CouplesPhase::Rating);
    c.next_round();
    c.listener_ready();
    EXPECT_EQ(c.phase(), CouplesPhase::Rating);
    EXPECT_EQ(c.round()->felt_heard, -1);

    c.rate(15); // clamped
    ASSERT_EQ(c.phase(), CouplesPhase::Verdict);
    EXPECT_EQ(c.round()->felt_heard, 10);
    c.rate(2); // rated once
    EXPECT_EQ(c.round()->felt_heard, 10);
    EXPECT_EQ(c.phase(), CouplesPhase::Verdict);
    c.next_round();

    scripted_to_rating(c, 0);
    c.rate(-4);
    EXPECT_EQ(c.round()->felt_heard, 0);
}

TEST_F(CouplesTest, AgreementPlacesTheLevelOnTheSpeakersScale) {
    using A = Agreement;
    // Level 0 sits at 0, Level One at 5, Level Two at 10.
    EXPECT_EQ(CouplesSession::agreement(0, 0), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(3, 0), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(4, 0), A::Differ);
    EXPECT_EQ(CouplesSession::agreement(6, 0), A::StronglyDiffer);
    EXPECT_EQ(CouplesSession::agreement(10, 0), A::StronglyDiffer);
    EXPECT_EQ(CouplesSession::agreement(5, 1), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(1, 1), A::Differ);
    EXPECT_EQ(CouplesSession::agreement(10, 1), A::Differ);
    EXPECT_EQ(CouplesSession::agreement(10, 2), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(7, 2), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(5, 2), A::Differ);
    EXPECT_EQ(CouplesSession::agreement(4, 2), A::StronglyDiffer);
    EXPECT_EQ(CouplesSession::agreement(0, 2), A::StronglyDiffer);
    // Out-of-range input is clamped, not trusted.
    EXPECT_EQ(CouplesSession::agreement(40, 2), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(-3, 0), A::Agree);
    EXPECT_EQ(CouplesSession::agreement(10, 7), A::Agree);
}

TEST_F(CouplesTest, DisagreementNoteTrustsTheSpeakerBothWays) {
    CouplesSession c = make();
    // Alex speaks; Blair picks a dismissal (level 0) and Alex still felt completely heard.
    scripted_to_rating(c, 3);
    c.rate(10);
    ASSERT_EQ(CouplesSession::agreement(10, c.round()->level), Agreement::StronglyDiffer);
    std::string note = c.disagreement_note();
    EXPECT_NE(note.find("Alex felt heard (10/10)"), std::string::npos) << note;
    EXPECT_NE(note.find("Blair's words"), std::string::npos) << note;
    c.next_round();

    // Blair speaks; Alex picks the Level Two answer and Blair felt barely heard.
    scripted_to_rating(c, 0);
    ASSERT_EQ(c.round()->level, 2);
    c.rate(1);
    note = c.disagreement_note();
    EXPECT_NE(note.find("Level Two"), std::string::npos) << note;
    EXPECT_NE(note.find("Blair felt only 1/10 heard"), std::string::npos) << note;
    EXPECT_NE(note.find("Alex, ask what was missing"), std::string::npos) << note;
    c.next_round();

    // Agreement (and mere difference) leaves no note.
    scripted_to_rating(c, 0);
    c.rate(9);
    EXPECT_EQ(c.disagreement_note(), "");
    c.next_round();
    scripted_to_rating(c, 1); // Level One
    c.rate(1);
    EXPECT_EQ(CouplesSession::agreement(1, 1), Agreement::Differ);
    EXPECT_EQ(c.disagreement_note(), "");
}

TEST_F(CouplesTest, RealTalkWordsAreDroppedAtTheNextRoundWhenNotKept) {
    CouplesSession c = make(false);
    EXPECT_FALSE(c.keep_real_talk_words());
    real_talk_to_rating(c, kSisterSays, {kSisterCard}, kLevelTwoAnswer);
    c.rate(8);
    // The verdict still shows the words side by side ...
    EXPECT_EQ(c.round()->partner_says, kSisterSays);
    EXPECT_EQ(c.round()->response, kLevelTwoAnswer);
    EXPECT_TRUE(c.round()->words_kept);
    const int points = c.round()->points;
    c.next_round();
    // ... and then only the ratings and levels stay.
    const CouplesRound& r = c.rounds().front();
    EXPECT_FALSE(r.words_kept);
    EXPECT_TRUE(r.partner_says.empty());
    EXPECT_TRUE(r.response.empty());
    EXPECT_TRUE(r.card.empty());
    EXPECT_TRUE(r.score.matches.empty());
    EXPECT_TRUE(r.score.suggestion.empty());
    // The engine's feedback quotes the card line ("... what you know about Alex (My sister
    // always gets her way)"): it goes with the words.
    for (const std::string& line : r.score.feedback()) {
        EXPECT_EQ(line.find("sister"), std::string::npos) << line;
    }
    EXPECT_EQ(r.felt_heard, 8);
    EXPECT_EQ(r.level, 2);
    EXPECT_EQ(r.score.level, 2);
    EXPECT_EQ(r.points, points);
    EXPECT_EQ(r.kind, RoundKind::RealTalk);

    // A scripted round's words are the author's, not the couple's: they stay.
    scripted_to_rating(c, 0);
    c.rate(9);
    c.next_round();
    EXPECT_TRUE(c.rounds().back().words_kept);
    EXPECT_FALSE(c.rounds().back().partner_says.empty());
    EXPECT_FALSE(c.rounds().back().response.empty());

    // Finishing straight from a verdict drops them too.
    real_talk_to_rating(c, kSisterSays, {kSisterCard}, kLevelOneAnswer);
    c.rate(5);
    c.finish();
    EXPECT_EQ(c.phase(), CouplesPhase::Finished);
    EXPECT_FALSE(c.rounds().back().words_kept);
    EXPECT_TRUE(c.rounds().back().partner_says.empty());
    EXPECT_TRUE(c.rounds().back().response.empty());
    EXPECT_EQ(c.rounds().back().felt_heard, 5);
    EXPECT_EQ(c.rounds().back().level, 1);
}

TEST_F(CouplesTest, RealTalkWordsStayWhenKept) {
    CouplesSession c = make(true);
    EXPECT_TRUE(c.keep_real_talk_words());
    real_talk_to_rating(c, kSisterSays, {kSisterCard}, kLevelTwoAnswer);
    c.rate(8);
    c.next_round();
    const CouplesRound& r = c.rounds().front();
    EXPECT_TRUE(r.words_kept);
    EXPECT_EQ(r.partner_says, kSisterSays);
    EXPECT_EQ(r.response, kLevelTwoAnswer);
    EXPECT_EQ(r.card, std::vector<std::string>{kSisterCard});
    EXPECT_FALSE(r.score.matches.empty());
    c.finish();
    EXPECT_EQ(c.rounds().front().partner_says, kSisterSays);
}

TEST_F(CouplesTest, AbandoningAnUnratedRoundDropsItAndKeepsTheSpeaker) {
    CouplesSession c = make();
    c.abandon_round(); // nothing to abandon
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);

    scripted_to_rating(c, 0);
    c.abandon_round();
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);
    EXPECT_TRUE(c.rounds().empty());
    EXPECT_EQ(c.speaker(), 0);

    // A rated round counts; the next one is abandoned while the listener answers.
    scripted_to_rating(c, 0);
    c.rate(8);
    c.next_round();
    ASSERT_EQ(c.speaker(), 1);
    c.start_real_talk();
    ASSERT_TRUE(c.share(kSisterSays, "mad", {}));
    c.listener_ready();
    c.abandon_round();
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);
    ASSERT_EQ(c.rounds().size(), 1u);
    EXPECT_EQ(c.speaker(), 1);
    EXPECT_EQ(c.listener(), 0);
    // The next round is numbered after the rounds that count.
    c.start_real_talk();
    EXPECT_EQ(c.round()->number, 2);
    EXPECT_EQ(c.round()->speaker, 1);

    // From the verdict the round was rated: it counts and the roles swap.
    ASSERT_TRUE(c.share(kSisterSays, "mad", {}));
    c.listener_ready();
    ASSERT_TRUE(c.answer_typed(kLevelOneAnswer));
    c.speaker_ready();
    c.rate(6);
    c.abandon_round();
    EXPECT_EQ(c.phase(), CouplesPhase::Choosing);
    EXPECT_EQ(c.rounds().size(), 2u);
    EXPECT_EQ(c.speaker(), 0);
}

TEST_F(CouplesTest, FinishDropsAnUnratedRound) {
    CouplesSession c = make();
    scripted_to_rating(c, 0);
    c.rate(9);
    c.next_round();
    scripted_to_rating(c, 1);
    c.finish();
    EXPECT_EQ(c.phase(), CouplesPhase::Finished);
    ASSERT_EQ(c.rounds().size(), 1u);
    EXPECT_EQ(c.rounds().front().felt_heard, 9);
    c.start_real_talk(); // finished is final
    EXPECT_EQ(c.phase(), CouplesPhase::Finished);
}

TEST_F(CouplesTest, SummaryTalliesEachListener) {
    CouplesSession c = make();
    const auto empty = c.summary();
    EXPECT_EQ(empty[0].name, "Alex");
    EXPECT_TRUE(empty[0].levels.empty());
    EXPECT_FALSE(empty[0].common_mistake);
    EXPECT_FALSE(empty[0].did_well.empty());

    // 1: Alex speaks, Blair dismisses (a pick: level 0, dismissing).
    scripted_to_rating(c, 3);
    c.rate(2);
    c.next_round();
    // 2: Blair speaks, Alex reaches Level Two (a pick).
    scripted_to_rating(c, 0);
    c.rate(9);
    c.next_round();
    // 3: Alex speaks, Blair: "I know exactly how you feel. Don't worry..." (i_understand and
    // dismissing).
    scripted_to_rating(c, 3, 1);
    ASSERT_EQ(c.round()->mistakes.size(), 2u);
    c.rate(3);
    c.next_round();
    // 4: Blair speaks in real talk, Alex answers at Level One in their own words.
    real_talk_to_rating(c, kSisterSays, {kSisterCard}, kLevelOneAnswer);
    c.rate(6);
    // 5: unrated, so it does not count.
    c.next_round();
    scripted_to_rating(c, 2);
    c.finish();

    const auto summary = c.summary();
    const PlayerSummary& alex = summary[0];
    const PlayerSummary& blair = summary[1];
    EXPECT_EQ(alex.name, "Alex");
    EXPECT_EQ(blair.name, "Blair");
    EXPECT_EQ(alex.levels, (std::vector<int>{2, 1}));
    EXPECT_EQ(alex.heard, (std::vector<int>{9, 6}));
    EXPECT_FALSE(alex.common_mistake);
    EXPECT_EQ(alex.common_mistake_count, 0);
    EXPECT_NE(alex.did_well.find("Level Two"), std::string::npos) << alex.did_well;
    EXPECT_NE(alex.did_well.find("Blair"), std::string::npos) << alex.did_well;

    EXPECT_EQ(blair.levels, (std::vector<int>{0, 0}));
    EXPECT_EQ(blair.heard, (std::vector<int>{2, 3}));
    ASSERT_TRUE(blair.common_mistake);
    EXPECT_EQ(*blair.common_mistake, Mistake::Dismissing);
    EXPECT_EQ(blair.common_mistake_count, 2);
    EXPECT_FALSE(blair.did_well.empty());
}

TEST_F(CouplesTest, SummaryNamesAHighRatingWhenNoRoundReachedLevelTwo) {
    CouplesSession c = make();
    scripted_to_rating(c, 1); // Level One, rated 8
    c.rate(8);
    c.next_round();
    const auto summary = c.summary();
    EXPECT_EQ(summary[1].did_well, "Alex felt 8/10 heard by you in one round.");
    EXPECT_EQ(summary[0].did_well, "No turns as the listener yet.");
}

TEST_F(CouplesTest, WithoutCriteriaPicksCountAndTypingIsRefused) {
    CouplesSession c = make(true, nullptr);
    EXPECT_FALSE(c.can_score_typed());
    const Scenario& s = friend_fight();
    c.start_scripted(s, s.steps.front());
    c.pass_to_listener();
    c.listener_ready();
    EXPECT_FALSE(c.preview("That sounds hard."));
    EXPECT_FALSE(c.answer_typed("That sounds hard."));
    EXPECT_EQ(c.phase(), CouplesPhase::Answering);
    ASSERT_TRUE(c.answer_choice(0));
    EXPECT_EQ(c.round()->level, 2);
    EXPECT_EQ(c.round()->points, 90); // the fixed fallback for Level Two without mistakes
    EXPECT_TRUE(c.round()->score.matches.empty());
    c.speaker_ready();
    c.rate(7);
    c.next_round();
    // Real talk can be shared but not answered: there is nothing to pick.
    c.start_real_talk();
    EXPECT_TRUE(c.share(kSisterSays, "mad", {kSisterCard}));
    c.listener_ready();
    EXPECT_FALSE(c.answer_typed(kLevelOneAnswer));
    EXPECT_EQ(c.phase(), CouplesPhase::Answering);
}

} // namespace
} // namespace et
