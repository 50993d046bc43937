// Couples turns as a state machine: two players take turns as speaker and listener, the
// speaker rates how heard they felt before the engine's verdict is shown, and a tally per
// player builds an end-of-session summary.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/practice_session.hpp"
#include "core/scenario.hpp"
#include "core/scorer.hpp"

namespace et {

enum class RoundKind { Scripted, RealTalk };
const char* round_kind_id(RoundKind kind);

// Where a round is. The "pass" phases are the screens that hide everything while the
// keyboard changes hands.
enum class CouplesPhase {
    Choosing,       // the speaker picks a scripted scenario or real talk
    Sharing,        // the speaker reads the line aloud (scripted) or types a feeling (real talk)
    PassToListener, // hides the speaker's screen
    Answering,      // the listener picks or types a response
    PassToSpeaker,  // hides the answer until the speaker is ready to rate
    Rating,         // "How heard did you feel?" 0-10, before any verdict is shown
    Verdict,        // the rating and the engine's reading side by side
    Finished,       // the end-of-session summary
};

const char* couples_phase_id(CouplesPhase phase);

// How far apart the speaker's rating and the engine's level are.
enum class Agreement { Agree, Differ, StronglyDiffer };

struct CouplesRound {
    int number = 0; // 1-based
    RoundKind kind = RoundKind::Scripted;
    int speaker = 0; // player index, 0 or 1
    int listener = 1;
    // Scripted: the scenario step the speaker reads. Real talk: the speaker's own words.
    std::string scenario_id;
    std::string scenario_title;
    std::string step_id;
    std::string partner_says;
    std::string emotion;              // real talk: the core emotion the speaker chose, if any
    std::vector<std::string> card;    // real talk: what the speaker asked the listener to know
    std::vector<std::string> choices; // scripted: the authored choices offered
    // The listener's answer and the engine's reading of it.
    AnswerSource source = AnswerSource::Typed;
    int choice = -1;
    std::string response;
    Score score;
    int level = 0;
    int points = 0;
    std::vector<Mistake> mistakes;
    int felt_heard = -1;     // 0..10, the speaker's rating; -1 until rated
    bool words_kept = true;  // false once a real-talk round's words were dropped for privacy
};

struct PlayerSummary {
    std::string name;
    std::vector<int> levels;             // as listener, round by round
    std::vector<int> heard;              // how heard their partner felt, round by round
    std::optional<Mistake> common_mistake;
    int common_mistake_count = 0;
    std::string did_well;                // one thing they did well, in plain words
};

class CouplesSession {
public:
    // `scorer` may be null (criteria failed to load): picks then count at the authored
    // level and typed answers cannot be scored.
    CouplesSession(std::array<std::string, 2> names, const Scorer* scorer,
                   bool keep_real_talk_words);

    const std::array<std::string, 2>& names() const { return names_; }
    const std::string& name(int player) const { return names_[static_cast<std::size_t>(player & 1)]; }
    CouplesPhase phase() const { return phase_; }
    // The round being played (or the last one, once finished); null before the first.
    const CouplesRound* round() const { return rounds_.empty() ? nullptr : &rounds_.back(); }
    const std::vector<CouplesRound>& rounds() const { return rounds_; }
    // The speaker of the round being played, or of the next one while choosing.
    int speaker() const;
    int listener() const { return 1 - speaker(); }
    // Who should have the keyboard now.
    int at_keyboard() const;
    bool keep_real_talk_words() const { return keep_words_; }
    bool can_score_typed() const { return scorer_ != nullptr; }

    // Choosing -> Sharing. A scripted round uses the step given (normally a scenario's first).
    void start_scripted(const Scenario& scenario, const Step& step);
    void start_real_talk();
    // Sharing (real talk): the speaker's words, chosen core emotion and card lines. Returns
    // false (and stays) when the text is empty.
    bool share(const std::string& text, const std::string& emotion,
               const std::vector<std::string>& card);
    // Sharing (scripted) -> PassToListener.
    void pass_to_listener();
    // PassToListener -> Answering.
    void listener_ready();
    // Answering -> PassToSpeaker. False when the answer cannot be taken (empty, unscorable).
    bool answer_typed(const std::string& text);
    bool answer_choice(int index);
    // PassToSpeaker -> Rating.
    void speaker_ready();
    // Rating -> Verdict; `rating` is clamped to 0..10.
    void rate(int rating);
    // Verdict -> Choosing, roles swapped. Real-talk words are dropped here when not kept.
    void next_round();
    // Any phase of an unrated round -> Choosing: the round is dropped, the speaker stays.
    void abandon_round();
    // Any phase -> Finished (an unfinished round is discarded).
    void finish();

    // What the engine would say about `text` right now (the live meter), if scorable.
    std::optional<Score> preview(const std::string& text) const;

    static Agreement agreement(int felt_heard, int level);
    // One plain sentence when rating and engine disagree strongly; empty otherwise.
    std::string disagreement_note() const;
    std::array<PlayerSummary, 2> summary() const;

private:
    void prepare_round();
    void forget_words(CouplesRound& round);

    std::array<std::string, 2> names_;
    const Scorer* scorer_;
    bool keep_words_;
    CouplesPhase phase_ = CouplesPhase::Choosing;
    std::vector<CouplesRound> rounds_;
    std::vector<Choice> choices_;                 // the scripted step's authored choices
    std::shared_ptr<const PreparedStep> prepared_; // the step the listener answers
    int next_speaker_ = 0;
};

} // namespace et
