// Couples mode: set up two players, then each round's screens in turn (choose, share, pass
// the keyboard, answer, pass back, rate how heard, verdict side by side) and the summary.
#include "ui/couples_internal.hpp"
#include "ui/disclosure_feedback.hpp"
#include "ui/screens.hpp"
#include "ui/text_box.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace et::ui {

namespace {

constexpr const char* kCoreEmotions[] = {"mad", "sad", "glad", "fear"};

// Shown while the speaker writes: the daily check-in questions from the domain guide.
constexpr const char* kPrompts[] = {
    "What's been on your head and heart today?",
    "What were your highs and lows?",
    "What made you feel mad, sad, glad or afraid?",
};

// A centred card for the screens that hide everything while the keyboard changes hands.
bool pass_screen(AppState& app, const std::string& to, const std::string& why, const char* id) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = std::min(avail.x, em(28));
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - w) * 0.5f,
                               ImGui::GetCursorPosY() + std::max(0.0f, avail.y * 0.25f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextWrapped("Pass the keyboard to %s", to.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    dim_text_wrapped(why.c_str());
    ImGui::Spacing();
    const std::string label = to + ", I'm ready  (Enter)";
    push_accent(true);
    const bool ready = action_button(app, label.c_str(), id);
    pop_accent(true);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return ready;
}

} // namespace

void CouplesView::draw(AppState& app) {
    if (!app.couples) {
        draw_setup(app);
        return;
    }
    CouplesSession& c = *app.couples;
    if (c.phase() != last_phase_ || c.rounds().size() != last_round_count_) {
        // A new screen: the box that takes typing gets the keyboard.
        last_phase_ = c.phase();
        if (app.trace != nullptr) {
            app.trace->event("couples_screen", {{"phase", couples_phase_id(c.phase())},
                                                {"at_keyboard", c.name(c.at_keyboard())}});
        }
        last_round_count_ = c.rounds().size();
        focus_box_ = c.phase() == CouplesPhase::Sharing || c.phase() == CouplesPhase::Answering;
        if (c.phase() == CouplesPhase::Sharing) {
            share_text_.clear();
            share_card_.clear();
            share_emotion_.clear();
        }
        if (c.phase() == CouplesPhase::Rating) {
            rating_ = 5;
        }
    }
    switch (c.phase()) {
    case CouplesPhase::Choosing: draw_choosing(app); break;
    case CouplesPhase::Sharing: draw_sharing(app); break;
    case CouplesPhase::PassToListener:
        if (pass_screen(app, c.name(c.listener()),
                        c.name(c.speaker()) + "'s words stay hidden until you are at the keyboard.",
                        "couples:ready")) {
            c.listener_ready();
        }
        break;
    case CouplesPhase::Answering: draw_answering(app); break;
    case CouplesPhase::PassToSpeaker:
        if (pass_screen(app, c.name(c.speaker()),
                        "You'll read " + c.name(c.listener()) +
                            "'s answer and say how heard you felt before anyone sees the "
                            "engine's reading.",
                        "couples:ready")) {
            c.speaker_ready();
        }
        break;
    case CouplesPhase::Rating: draw_rating(app); break;
    case CouplesPhase::Verdict: draw_verdict(app); break;
    case CouplesPhase::Finished: draw_summary(app); break;
    }
}

void CouplesView::draw_setup(AppState& app) {
    heading(app, "Couples: take turns listening");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, em(34)));
    ImGui::TextWrapped("Each round one of you speaks and the other listens; then you swap. "
                       "The speaker says how heard they felt before the engine's reading is "
                       "shown: your feeling is the truth the engine serves.");
    ImGui::Spacing();
    const float field_w = std::min(ImGui::GetContentRegionAvail().x, em(16));
    // The first name box has the keyboard when the screen opens; Enter in a box moves on to
    // the empty one, or starts when both are filled.
    bool start = false;
    auto name_box = [&](const char* label, const char* id, std::string& value, bool& focus) {
        bold_text(app, label);
        if (focus) {
            ImGui::SetKeyboardFocusHere();
            focus = false;
        }
        text_focus_point(app, id);
        ImGui::SetNextItemWidth(field_w);
        const std::string box = std::string("##") + id;
        if (ImGui::InputText(box.c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (first_name_.find_first_not_of(' ') == std::string::npos) {
                focus_first_ = true;
            } else if (second_name_.find_first_not_of(' ') == std::string::npos) {
                focus_second_ = true;
            } else {
                start = true;
            }
        }
        record_item(app, id, Item::Text);
    };
    name_box("First player", "couples:first", first_name_, focus_first_);
    name_box("Second player", "couples:second", second_name_, focus_second_);
    ImGui::Spacing();
    ImGui::Checkbox("Keep the words of real-talk rounds", &keep_words_);
    record_item(app, "couples:keep-words");
    dim_text_wrapped(keep_words_
                         ? "Real-talk words are kept for this session's screens."
                         : "Real-talk words are dropped when each round ends: only ratings and "
                           "levels are kept.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    push_accent(true);
    if (action_button(app, "Start", "couples:start") || start) {
        app.start_couples(first_name_, second_name_, keep_words_);
    }
    pop_accent(true);
}

void CouplesView::draw_tally(AppState& app) {
    const auto summary = app.couples->summary();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    for (int p = 0; p < 2; ++p) {
        const PlayerSummary& s = summary[static_cast<std::size_t>(p)];
        if (p > 0) {
            ImGui::SameLine(0, em(2));
        }
        if (s.levels.empty()) {
            ImGui::Text("%s: no turns listening yet", s.name.c_str());
        } else {
            ImGui::Text("%s: %zu turn%s listening, felt heard %.1f/10 on average", s.name.c_str(),
                        s.levels.size(), s.levels.size() == 1 ? "" : "s", average(s.heard));
        }
    }
    ImGui::PopStyleColor();
    record_item(app, "couples:tally", Item::Static);
}

void CouplesView::draw_choosing(AppState& app) {
    CouplesSession& c = *app.couples;
    const std::string title = "Round " + std::to_string(c.rounds().size() + 1) + ": " +
                              c.name(c.speaker()) + " speaks, " + c.name(c.listener()) + " listens";
    heading(app, title.c_str());
    draw_tally(app);
    ImGui::Separator();
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= em(36);
    const float col_w = side_by_side ? (avail - em(1)) * 0.5f : avail;

    // Real talk first: it is the point of the exercise; scripted rounds are the warm-up.
    Panel panel = begin_panel(col_w);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w - panel.pad.x * 2);
    bold_text(app, "Real talk");
    ImGui::TextWrapped("%s shares a real feeling from their own day; %s responds in their own "
                       "words.", c.name(c.speaker()).c_str(), c.name(c.listener()).c_str());
    ImGui::PopTextWrapPos();
    push_accent(true);
    if (action_button(app, "Start real talk  (Enter)", "couples:real-talk")) {
        app.couples_start_real_talk();
    }
    pop_accent(true);
    end_panel(app, panel, palette().panel, "couples:real-talk-panel");
    if (side_by_side) {
        ImGui::SameLine(0, em(1));
    } else {
        ImGui::Spacing();
    }
    panel = begin_panel(col_w);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w - panel.pad.x * 2);
    bold_text(app, "Scripted");
    ImGui::TextWrapped("%s reads a scenario's line aloud; %s picks or types a response.",
                       c.name(c.speaker()).c_str(), c.name(c.listener()).c_str());
    ImGui::PopTextWrapPos();
    const auto& scenarios = app.library.scenarios;
    if (scenarios.empty()) {
        dim_text_wrapped("No scenarios are loaded: see Problems.");
    } else {
        scenario_pick_ = std::clamp(scenario_pick_, 0, static_cast<int>(scenarios.size()) - 1);
        ImGui::SetNextItemWidth(col_w - panel.pad.x * 2);
        if (ImGui::BeginCombo("##scenario", scenarios[static_cast<std::size_t>(scenario_pick_)].title.c_str())) {
            for (int i = 0; i < static_cast<int>(scenarios.size()); ++i) {
                if (ImGui::Selectable(scenarios[static_cast<std::size_t>(i)].title.c_str(), i == scenario_pick_)) {
                    scenario_pick_ = i;
                }
            }
            ImGui::EndCombo();
        }
        record_item(app, "couples:scenario");
        if (action_button(app, "Start scripted round", "couples:scripted")) {
            app.couples_start_scripted(scenarios[static_cast<std::size_t>(scenario_pick_)].id);
        }
    }
    end_panel(app, panel, palette().panel, "couples:scripted-panel");
    ImGui::Spacing();
    ImGui::Spacing();
    if (action_button(app, c.rounds().empty() ? "Leave couples mode" : "End the session",
                      "couples:end")) {
        if (c.rounds().empty()) {
            app.close_couples();
        } else {
            app.couples_finish();
        }
    }
}

void CouplesView::draw_sharing(AppState& app) {
    CouplesSession& c = *app.couples;
    const CouplesRound& r = *c.round();
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(40));
    const std::string& listener = c.name(c.listener());
    if (r.kind == RoundKind::Scripted) {
        const std::string title = c.name(c.speaker()) + ", read this aloud to " + listener;
        heading(app, title.c_str());
        dim_text_wrapped(("From \"" + r.scenario_title + "\". Say it as if it were yours.").c_str());
        ImGui::Spacing();
        ImGui::PushFont(app.fonts.bold);
        bubble(r.partner_says, palette().bubble, palette().bubble_text, width);
        ImGui::PopFont();
        ImGui::Spacing();
        push_accent(true);
        const std::string label = "Pass the keyboard to " + listener + "  (Enter)";
        if (action_button(app, label.c_str(), "couples:pass")) {
            c.pass_to_listener();
        }
        pop_accent(true);
        return;
    }
    const std::string title = c.name(c.speaker()) + ", what's on your heart?";
    heading(app, title.c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    for (const char* prompt : kPrompts) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        ImGui::TextWrapped("%s", prompt);
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("I felt mostly:");
    for (const char* e : kCoreEmotions) {
        ImGui::SameLine();
        const bool on = share_emotion_ == e;
        // Colour plus the word, and a check mark when chosen: never colour alone.
        ImGui::PushStyleColor(ImGuiCol_Text, on ? palette().accent_text : emotion_colour(e));
        ImGui::PushStyleColor(ImGuiCol_Button, on ? emotion_colour(e) : palette().panel);
        const std::string label = std::string(on ? "\xE2\x9C\x93 " : "") + e + "##emotion";
        if (ImGui::Button(label.c_str())) {
            share_emotion_ = on ? "" : e;
        }
        ImGui::PopStyleColor(2);
        record_item(app, std::string("couples:emotion:") + e);
    }
    if (!app.checkin_inner_text.empty()) {
        // What the speaker felt in today's check-in, as a start they can edit.
        if (action_button(app, "Use my check-in", "couples:use-checkin")) {
            share_text_ = app.checkin_inner_text;
            focus_box_ = true;
            cursor_to_end_ = true; // to go on writing after it, not before it
        }
    }
    if (focus_box_) {
        ImGui::SetKeyboardFocusHere();
        focus_box_ = false;
    }
    text_focus_point(app, "couples:share");
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().FramePadding.y * 2;
    TextBoxOptions share_options;
    share_options.cursor_to_end = cursor_to_end_;
    wrapped_text_box("##share", share_text_, ImVec2(width, line * 4 + pad), share_options);
    if (ImGui::IsItemActive()) {
        cursor_to_end_ = false;
    }
    record_item(app, "couples:share", Item::Text);
    if (const Disclosure* d = app.read_disclosure(share_reading_, share_text_)) {
        FeedbackOptions feedback;
        feedback.highlight = false;      // the box is right above; the badge and nudge suffice
        feedback.general_nudges = false; // one feeling shared is enough for a round
        disclosure_feedback(app, d, share_text_, width, "couples:share-feedback", feedback);
    }
    bold_text(app, ("What should " + listener + " keep in mind? (optional, one per line)").c_str());
    text_focus_point(app, "couples:card");
    wrapped_text_box("##card", share_card_, ImVec2(width, line * 2 + pad));
    record_item(app, "couples:card", Item::Text);
    dim_text_wrapped(("e.g. \"My sister always gets her way\": " + listener +
                      " can tie your feeling to it (Level Two).").c_str());
    ImGui::BeginDisabled(share_text_.find_first_not_of(" \t\r\n") == std::string::npos);
    push_accent(true);
    if (action_button(app, "Share and pass the keyboard  Ctrl+Enter", "couples:share-submit") ||
        share_requested_) {
        submit_share(app);
    }
    pop_accent(true);
    ImGui::EndDisabled();
    share_requested_ = false;
}

void CouplesView::request_submit(AppState& app) {
    if (!app.couples) {
        return;
    }
    if (app.couples->phase() == CouplesPhase::Sharing) {
        share_requested_ = true;
    } else if (app.couples->phase() == CouplesPhase::Answering) {
        app.couples_submit_typed();
    }
}

void CouplesView::submit_share(AppState& app) {
    std::vector<std::string> card;
    std::size_t start = 0;
    while (start <= share_card_.size()) {
        const std::size_t end = std::min(share_card_.find('\n', start), share_card_.size());
        card.push_back(share_card_.substr(start, end - start));
        start = end + 1;
    }
    app.couples_share(share_text_, share_emotion_, card);
    if (app.couples->phase() != CouplesPhase::Sharing) {
        share_text_.clear();
        share_card_.clear();
    }
}

void CouplesView::draw_answering(AppState& app) {
    CouplesSession& c = *app.couples;
    const CouplesRound& r = *c.round();
    const std::string& speaker = c.name(c.speaker());
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, em(40));
    const std::string title = c.name(c.listener()) + ", " + speaker + " said:";
    heading(app, title.c_str());
    bubble(r.partner_says, palette().bubble, palette().bubble_text, width);
    ImGui::Spacing();
    // What the listener may know: the scenario partner's card, or what the speaker added.
    std::vector<std::string> facts = r.card;
    if (r.kind == RoundKind::Scripted) {
        if (const Scenario* s = app.find_scenario(r.scenario_id)) {
            for (const CardFact& f : s->partner.card) {
                facts.push_back(f.text);
            }
        }
    }
    if (!facts.empty()) {
        const Panel panel = begin_panel(width);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - panel.pad.x * 2);
        bold_text(app, ("What you know about " + speaker).c_str());
        bullet_lines(facts);
        ImGui::PopTextWrapPos();
        end_panel(app, panel, palette().panel, "couples:card");
        ImGui::Spacing();
    }
    bold_text(app, "Your answer");
    // The box has focus when the turn opens, so a digit typed into it while empty picks
    // that answer, as in solo practice.
    const bool box_active = ImGui::GetActiveID() == ImGui::GetID("##answer");
    if (box_active && app.draft.empty() && !ImGui::GetIO().KeyCtrl) {
        for (int n = 1; n <= static_cast<int>(std::min<std::size_t>(r.choices.size(), 9)); ++n) {
            if (ImGui::IsKeyPressed('0' + n, false)) {
                ImGui::GetIO().InputQueueCharacters.resize(0);
                ImGui::ClearActiveID();
                app.couples_pick(n - 1);
                return;
            }
        }
    }
    if (focus_box_) {
        ImGui::SetKeyboardFocusHere();
        focus_box_ = false;
    }
    text_focus_point(app, "couples:answer");
    const float box_h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    wrapped_text_box("##answer", app.draft, ImVec2(width, box_h));
    record_item(app, "couples:answer", Item::Text);
    ImGui::BeginDisabled(!c.can_score_typed() ||
                         app.draft.find_first_not_of(" \t\r\n") == std::string::npos);
    push_accent(true);
    if (action_button(app, "Send  Ctrl+Enter", "couples:submit")) {
        app.couples_submit_typed();
    }
    pop_accent(true);
    ImGui::EndDisabled();
    if (!c.can_score_typed()) {
        ImGui::SameLine();
        dim_text_wrapped("Typed answers can't be scored: the criteria did not load.");
    }
    if (!r.choices.empty()) {
        ImGui::Spacing();
        bold_text(app, "Or pick one (keys 1-9)");
        for (std::size_t i = 0; i < r.choices.size(); ++i) {
            const int n = static_cast<int>(i) + 1;
            if (choice_row(app, n, r.choices[i], width)) {
                app.couples_pick(static_cast<int>(i));
            }
            record_item(app, "couples:choice:" + std::to_string(n));
        }
    }
}

void CouplesView::handle_keys(AppState& app, bool typing) {
    if (!app.couples) {
        return;
    }
    CouplesSession& c = *app.couples;
    ImGuiIO& io = ImGui::GetIO();
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (io.KeyCtrl && enter) {
        request_submit(app);
        return;
    }
    if (typing || io.KeyCtrl || io.KeyAlt) {
        return;
    }
    switch (c.phase()) {
    case CouplesPhase::Choosing:
        if (enter) {
            app.couples_start_real_talk();
        }
        break;
    case CouplesPhase::PassToListener:
        if (enter) {
            c.listener_ready();
        }
        break;
    case CouplesPhase::PassToSpeaker:
        if (enter) {
            c.speaker_ready();
        }
        break;
    case CouplesPhase::Sharing:
        if (enter && c.round()->kind == RoundKind::Scripted) {
            c.pass_to_listener();
        }
        break;
    case CouplesPhase::Rating:
        for (int n = 0; n <= 9; ++n) {
            if (ImGui::IsKeyPressed('0' + n, false)) {
                rating_ = n;
            }
        }
        if (enter) {
            app.couples_rate(rating_);
        }
        break;
    case CouplesPhase::Answering: {
        const auto& choices = c.round()->choices;
        for (int n = 1; n <= static_cast<int>(std::min<std::size_t>(choices.size(), 9)); ++n) {
            if (ImGui::IsKeyPressed('0' + n, false)) {
                app.couples_pick(n - 1);
                break;
            }
        }
        break;
    }
    case CouplesPhase::Verdict:
        if (enter) {
            app.couples_next_round();
        }
        break;
    default: break;
    }
}

} // namespace et::ui
