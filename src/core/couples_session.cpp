// Couples turns: round flow, the felt-heard rating against the engine, and the tally.
#include "core/couples_session.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/text.hpp"

namespace et {

namespace {

// The lexicon's feeling words in the speaker's own text: what the listener should reflect.
std::vector<std::string> feelings_in(const std::string& text, const Criteria& criteria) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text, criteria.normalisation)) {
        if (criteria.emotion_of(t.text) && std::find(out.begin(), out.end(), t.text) == out.end()) {
            out.push_back(t.text);
        }
    }
    return out;
}

} // namespace

const char* couples_phase_id(CouplesPhase phase) {
    switch (phase) {
    case CouplesPhase::Choosing: return "choosing";
    case CouplesPhase::Sharing: return "sharing";
    case CouplesPhase::PassToListener: return "pass_to_listener";
    case CouplesPhase::Answering: return "answering";
    case CouplesPhase::PassToSpeaker: return "pass_to_speaker";
    case CouplesPhase::Rating: return "rating";
    case CouplesPhase::Verdict: return "verdict";
    case CouplesPhase::Finished: return "finished";
    }
    return "";
}

const char* round_kind_id(RoundKind kind) {
    return kind == RoundKind::RealTalk ? "real_talk" : "scripted";
}

CouplesSession::CouplesSession(std::array<std::string, 2> names, const Scorer* scorer,
                               bool keep_real_talk_words)
    : names_(std::move(names)), scorer_(scorer), keep_words_(keep_real_talk_words) {}

int CouplesSession::speaker() const {
    if (phase_ == CouplesPhase::Choosing || rounds_.empty()) {
        return next_speaker_;
    }
    return rounds_.back().speaker;
}

int CouplesSession::at_keyboard() const {
    switch (phase_) {
    case CouplesPhase::PassToListener: // the speaker hands over; the listener takes it
    case CouplesPhase::Answering:
        return listener();
    default:
        return speaker();
    }
}

void CouplesSession::start_scripted(const Scenario& scenario, const Step& step) {
    if (phase_ != CouplesPhase::Choosing) {
        return;
    }
    CouplesRound r;
    r.number = static_cast<int>(rounds_.size()) + 1;
    r.kind = RoundKind::Scripted;
    r.speaker = next_speaker_;
    r.listener = 1 - next_speaker_;
    r.scenario_id = scenario.id;
    r.scenario_title = scenario.title;
    r.step_id = step.id;
    r.partner_says = step.partner_says;
    choices_ = step.choices;
    for (const Choice& c : step.choices) {
        r.choices.push_back(c.text);
    }
    rounds_.push_back(std::move(r));
    prepared_ = scorer_ != nullptr ? scorer_->prepare(scoring_step(scenario, step)) : nullptr;
    phase_ = CouplesPhase::Sharing;
}

void CouplesSession::start_real_talk() {
    if (phase_ != CouplesPhase::Choosing) {
        return;
    }
    CouplesRound r;
    r.number = static_cast<int>(rounds_.size()) + 1;
    r.kind = RoundKind::RealTalk;
    r.speaker = next_speaker_;
    r.listener = 1 - next_speaker_;
    choices_.clear();
    prepared_.reset();
    rounds_.push_back(std::move(r));
    phase_ = CouplesPhase::Sharing;
}

bool CouplesSession::share(const std::string& text, const std::string& emotion,
                           const std::vector<std::string>& card) {
    if (phase_ != CouplesPhase::Sharing || rounds_.back().kind != RoundKind::RealTalk ||
        text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return false;
    }
    CouplesRound& r = rounds_.back();
    r.partner_says = text;
    r.emotion = emotion;
    r.card.clear();
    for (const std::string& line : card) {
        if (line.find_first_not_of(" \t\r\n") != std::string::npos) {
            r.card.push_back(line);
        }
    }
    prepare_round();
    phase_ = CouplesPhase::PassToListener;
    return true;
}

void CouplesSession::prepare_round() {
    if (scorer_ == nullptr) {
        prepared_.reset();
        return;
    }
    const CouplesRound& r = rounds_.back();
    ScoringStep step;
    step.partner_name = name(r.speaker);
    step.partner_says = r.partner_says;
    step.feelings = feelings_in(r.partner_says, scorer_->criteria());
    if (!r.emotion.empty()) {
        step.feelings.push_back(r.emotion);
    }
    for (std::size_t i = 0; i < r.card.size(); ++i) {
        step.card.push_back(CardFact{"shared_" + std::to_string(i + 1), r.card[i], {}});
    }
    prepared_ = scorer_->prepare(step);
}

void CouplesSession::pass_to_listener() {
    if (phase_ == CouplesPhase::Sharing && rounds_.back().kind == RoundKind::Scripted) {
        phase_ = CouplesPhase::PassToListener;
    }
}

void CouplesSession::listener_ready() {
    if (phase_ == CouplesPhase::PassToListener) {
        phase_ = CouplesPhase::Answering;
    }
}

bool CouplesSession::answer_typed(const std::string& text) {
    if (phase_ != CouplesPhase::Answering || !prepared_ ||
        text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return false;
    }
    CouplesRound& r = rounds_.back();
    r.source = AnswerSource::Typed;
    r.choice = -1;
    r.response = text;
    r.score = scorer_->score(*prepared_, text);
    if (!r.score.error.empty()) {
        return false;
    }
    r.level = r.score.level;
    r.mistakes = r.score.mistakes;
    r.points = r.score.score;
    phase_ = CouplesPhase::PassToSpeaker;
    return true;
}

bool CouplesSession::answer_choice(int index) {
    if (phase_ != CouplesPhase::Answering || index < 0 ||
        index >= static_cast<int>(choices_.size())) {
        return false;
    }
    const Choice& choice = choices_[static_cast<std::size_t>(index)];
    CouplesRound& r = rounds_.back();
    Exchange e; // reuses solo practice's rule: the author's rating counts for a pick
    e.source = AnswerSource::Choice;
    e.response = choice.text;
    if (prepared_) {
        e.score = scorer_->score(*prepared_, choice.text);
        e.engine_scored = true;
    }
    e.level = choice.level;
    e.mistakes = choice.mistakes;
    r.source = AnswerSource::Choice;
    r.choice = index;
    r.response = choice.text;
    r.score = e.score;
    r.level = choice.level;
    r.mistakes = choice.mistakes;
    r.points = authored_points(e, scorer_);
    phase_ = CouplesPhase::PassToSpeaker;
    return true;
}

void CouplesSession::speaker_ready() {
    if (phase_ == CouplesPhase::PassToSpeaker) {
        phase_ = CouplesPhase::Rating;
    }
}

void CouplesSession::rate(int rating) {
    if (phase_ != CouplesPhase::Rating) {
        return;
    }
    rounds_.back().felt_heard = std::clamp(rating, 0, 10);
    phase_ = CouplesPhase::Verdict;
}

void CouplesSession::forget_words(CouplesRound& r) {
    if (r.kind != RoundKind::RealTalk || keep_words_) {
        return;
    }
    r.partner_says.clear();
    r.card.clear();
    r.response.clear();
    r.score.matches.clear();
    r.score.suggestion.clear();
    r.score.worked.clear(); // quotes the card line and the feeling word named
    r.words_kept = false;
}

void CouplesSession::next_round() {
    if (phase_ != CouplesPhase::Verdict) {
        return;
    }
    forget_words(rounds_.back());
    next_speaker_ = 1 - rounds_.back().speaker;
    prepared_.reset();
    phase_ = CouplesPhase::Choosing;
}

void CouplesSession::abandon_round() {
    if (phase_ == CouplesPhase::Choosing || phase_ == CouplesPhase::Finished) {
        return;
    }
    if (phase_ == CouplesPhase::Verdict) {
        next_round(); // already rated: it counts
        return;
    }
    rounds_.pop_back();
    prepared_.reset();
    choices_.clear();
    phase_ = CouplesPhase::Choosing;
}

void CouplesSession::finish() {
    if (phase_ == CouplesPhase::Finished) {
        return;
    }
    if (!rounds_.empty() && rounds_.back().felt_heard < 0) {
        rounds_.pop_back(); // a round that never reached its rating does not count
    } else if (!rounds_.empty()) {
        forget_words(rounds_.back());
    }
    prepared_.reset();
    phase_ = CouplesPhase::Finished;
}

std::optional<Score> CouplesSession::preview(const std::string& text) const {
    if (phase_ != CouplesPhase::Answering || !prepared_) {
        return std::nullopt;
    }
    return scorer_->score(*prepared_, text);
}

Agreement CouplesSession::agreement(int felt_heard, int level) {
    // The engine's level placed on the speaker's scale: none 0, Level One 5, Level Two 10.
    const int gap = std::abs(std::clamp(felt_heard, 0, 10) - 5 * std::clamp(level, 0, 2));
    return gap >= 6 ? Agreement::StronglyDiffer : gap >= 4 ? Agreement::Differ : Agreement::Agree;
}

std::string CouplesSession::disagreement_note() const {
    const CouplesRound* r = round();
    if (r == nullptr || r->felt_heard < 0 ||
        agreement(r->felt_heard, r->level) != Agreement::StronglyDiffer) {
        return "";
    }
    const std::string& speaker = name(r->speaker);
    const std::string& listener = name(r->listener);
    const std::string rating = std::to_string(r->felt_heard) + "/10";
    if (r->felt_heard > 5 * r->level) {
        return speaker + " felt heard (" + rating + ") although the engine found less. " +
               speaker + "'s feeling is what counts: something in " + listener +
               "'s words or way reached them that the engine's criteria do not see.";
    }
    return "The engine reads this as " + std::string(r->level == 2 ? "Level Two" : "Level One") +
           ", but " + speaker + " felt only " + rating + " heard. Trust " + speaker + ": " +
           listener + ", ask what was missing.";
}

std::array<PlayerSummary, 2> CouplesSession::summary() const {
    std::array<PlayerSummary, 2> out;
    for (int p = 0; p < 2; ++p) {
        PlayerSummary& s = out[static_cast<std::size_t>(p)];
        s.name = name(p);
        std::array<int, kMistakeCount> counts{};
        int named = 0;
        int best_level = -1;
        int best_heard = -1;
        std::string best_worked;
        for (const CouplesRound& r : rounds_) {
            if (r.listener != p || r.felt_heard < 0) {
                continue;
            }
            s.levels.push_back(r.level);
            s.heard.push_back(r.felt_heard);
            for (Mistake m : r.mistakes) {
                ++counts[static_cast<std::size_t>(m)];
            }
            if (r.score.named_feeling) {
                ++named;
            }
            if (r.level > best_level || (r.level == best_level && r.felt_heard > best_heard)) {
                best_level = r.level;
                best_heard = r.felt_heard;
                best_worked = r.score.worked.empty() ? "" : r.score.worked.front();
            }
        }
        for (Mistake m : kAllMistakes) {
            const int n = counts[static_cast<std::size_t>(m)];
            if (n > s.common_mistake_count) {
                s.common_mistake = m;
                s.common_mistake_count = n;
            }
        }
        if (s.levels.empty()) {
            s.did_well = "No turns as the listener yet.";
        } else if (best_level == 2) {
            s.did_well = "Reached Level Two: tied " + name(1 - p) +
                         "'s feeling to something you know about them.";
        } else if (best_heard >= 8) {
            s.did_well = name(1 - p) + " felt " + std::to_string(best_heard) +
                         "/10 heard by you in one round.";
        } else if (named > 0) {
            s.did_well = "Named " + name(1 - p) + "'s feeling in " + std::to_string(named) +
                         (named == 1 ? " round." : " rounds.");
        } else if (!best_worked.empty()) {
            s.did_well = best_worked;
        } else {
            s.did_well = "Showed up for every turn: that is where listening starts.";
        }
    }
    return out;
}

} // namespace et
