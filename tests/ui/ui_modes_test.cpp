// Couples and workshop modes through the screens, driven like a person (clicks and keys):
// what each screen shows and hides, and their layout at a small laptop size and at 4K.
#include "ui_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace et::ui::test {

namespace {

constexpr int kF11 = 300; // GLFW_KEY_F11, as the app's key handling expects

const std::string kFeeling = "I'm so frustrated, the wedding planning got taken over again";
const std::string kCardLine = "My sister always gets her way";
const std::string kAnswer = "No wonder you're frustrated, with your sister always getting her way";

// Lower case without spaces: the form drawn_text() can compare against.
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\n' && c != '\t') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

void append_utf8(std::string& out, unsigned int c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Every glyph drawn in the last frame, read back from the draw lists (a glyph is a quad whose
// texture corners are that glyph's in the atlas), squeezed: what a person could read on the
// screen, whichever widget drew it (text items, badges drawn straight into the draw list).
std::string drawn_text() {
    std::map<std::pair<float, float>, const ImFontGlyph*> glyphs;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts) {
        for (const ImFontGlyph& g : font->Glyphs) {
            if (g.Visible) {
                glyphs[{g.U0, g.V0}] = &g;
            }
        }
    }
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data != nullptr && l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i) {
            const auto it = glyphs.find({v[i].uv.x, v[i].uv.y});
            if (it == glyphs.end()) {
                continue;
            }
            const ImFontGlyph& g = *it->second;
            if (v[i + 1].uv.x == g.U1 && v[i + 1].uv.y == g.V0 && v[i + 2].uv.x == g.U1 &&
                v[i + 2].uv.y == g.V1 && v[i + 3].uv.x == g.U0 && v[i + 3].uv.y == g.V1) {
                append_utf8(out, g.Codepoint);
                i += 3;
            }
        }
    }
    return squeeze(out);
}

bool shows(const std::string& text) {
    return drawn_text().find(squeeze(text)) != std::string::npos;
}

// The page's own records (the menu bar's are the same on every page).
std::vector<std::string> page_records(const std::vector<LayoutRecord>& layout,
                                      const std::string& prefix) {
    std::vector<std::string> out;
    for (const LayoutRecord& r : layout) {
        if (r.id.rfind(prefix, 0) == 0) {
            out.push_back(r.id);
        }
    }
    return out;
}

// Panels are backgrounds recorded around the controls they hold.
bool is_panel(const std::string& id) {
    static const std::vector<std::string> panels = {"couples:felt",      "couples:engine",
                                                    "couples:card",      "couples:summary:0",
                                                    "couples:summary:1", "workshop:card"};
    const bool suffix = id.size() > 6 && id.compare(id.size() - 6, 6, "-panel") == 0;
    return suffix || std::find(panels.begin(), panels.end(), id) != panels.end() ||
           id.rfind("workshop:response:", 0) == 0 || id.rfind("workshop:compare:", 0) == 0;
}

// The fixture's layout check with this file's panels; "couples:verdict" only marks that the
// verdict is on screen (it is recorded on the engine's panel, with its rectangle).
void expect_clean_screen(const std::vector<LayoutRecord>& items, ImVec2 display,
                         const std::string& screen) {
    expect_clean_layout(items, display, screen, LayoutAllowances{is_panel, {"couples:verdict"}});
}

class ModesTest : public UiTest {
protected:
    // Turns the mouse wheel over the window holding `id` until the control shows whole, as
    // a presenter scrolls down to the suggestion box under six answers.
    void scroll_to(const std::string& id) {
        for (int i = 0; i < 40; ++i) {
            const LayoutRecord* r = item(id);
            ASSERT_NE(r, nullptr) << "no control recorded as " << id;
            if (r->min.y >= r->clip_min.y && r->max.y <= r->clip_max.y) {
                return;
            }
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2((r->clip_min.x + r->clip_max.x) * 0.5f,
                                 (r->clip_min.y + r->clip_max.y) * 0.5f);
            io.MouseWheel = r->max.y > r->clip_max.y ? -2.0f : 2.0f;
            frame();
            io.MouseWheel = 0;
            frame();
        }
        FAIL() << id << " never scrolled into view";
    }
};

} // namespace

TEST_F(ModesTest, DrawnTextReadsWhatIsOnScreen) {
    // The helper the privacy checks below rely on: it sees text items and buttons.
    frames(2);
    EXPECT_TRUE(shows("Couples"));
    EXPECT_TRUE(shows("A fight with an old friend"));
    EXPECT_FALSE(shows(kFeeling));
}

TEST_F(ModesTest, CouplesRealTalkRoundThroughTheScreens) {
    frames(2);
    click_item("menu:couples");
    ASSERT_EQ(app->page, Page::Couples);
    click_item("couples:first");
    type("Alex");
    click_item("couples:second");
    type("Blair");
    click_item("couples:start");
    ASSERT_TRUE(app->couples) << (app->errors.empty() ? "" : app->errors.front());
    EXPECT_EQ(app->couples->name(0), "Alex");
    EXPECT_EQ(app->couples->name(1), "Blair");
    frames(2);
    EXPECT_TRUE(shows("Round 1: Alex speaks, Blair listens"));

    // Alex shares a real feeling and a line for Blair's card.
    click_item("couples:real-talk");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Sharing);
    ASSERT_EQ(app->couples->round()->kind, RoundKind::RealTalk);
    frames(2);
    type(kFeeling); // the box has the keyboard when the screen opens
    click_item("couples:emotion:mad");
    click_item("couples:card");
    type(kCardLine);
    EXPECT_TRUE(shows(kFeeling));
    press(kEnter, true);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToListener);
    EXPECT_EQ(app->couples->round()->partner_says, kFeeling);
    EXPECT_EQ(app->couples->round()->emotion, "mad");
    EXPECT_EQ(app->couples->round()->card, std::vector<std::string>{kCardLine});
    frames(2);

    // The pass screen: only the ready button, and none of Alex's words.
    EXPECT_EQ(page_records(layout, "couples:"), std::vector<std::string>{"couples:ready"});
    EXPECT_TRUE(shows("Pass the keyboard to Blair"));
    EXPECT_FALSE(shows("frustrated"));
    EXPECT_FALSE(shows("wedding"));
    EXPECT_FALSE(shows("taken over"));
    EXPECT_FALSE(shows("gets her way"));

    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Answering);
    frames(2);
    EXPECT_TRUE(shows(kFeeling));
    EXPECT_TRUE(shows(kCardLine));
    type(kAnswer);
    EXPECT_EQ(app->draft, kAnswer);
    press(kEnter, true);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToSpeaker);
    EXPECT_EQ(app->couples->round()->response, kAnswer);
    EXPECT_TRUE(app->draft.empty());
    frames(2);

    // Passing back: Blair's answer stays hidden until Alex is ready.
    EXPECT_EQ(page_records(layout, "couples:"), std::vector<std::string>{"couples:ready"});
    EXPECT_TRUE(shows("Pass the keyboard to Alex"));
    EXPECT_FALSE(shows("No wonder"));
    EXPECT_FALSE(shows("wedding"));

    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Rating);
    frames(2);
    // Alex reads the answer and rates it before any verdict.
    EXPECT_TRUE(shows(kAnswer));
    EXPECT_TRUE(shows("how heard did you feel?"));
    EXPECT_EQ(item("couples:verdict"), nullptr);
    EXPECT_EQ(item("couples:engine"), nullptr);
    EXPECT_FALSE(shows("Level Two"));
    EXPECT_FALSE(shows("Level One"));
    EXPECT_NE(item("couples:rating:10"), nullptr);
    EXPECT_TRUE(trace_events("round_rated").empty());

    press('8');
    EXPECT_TRUE(shows("I felt 8/10 heard"));
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Rating);
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    frames(2);
    const CouplesRound& r = *app->couples->round();
    EXPECT_EQ(r.felt_heard, 8);
    EXPECT_EQ(r.level, 2);
    EXPECT_NE(item("couples:verdict"), nullptr);
    EXPECT_NE(item("couples:felt"), nullptr);
    EXPECT_TRUE(shows("8 / 10 heard"));
    EXPECT_TRUE(shows("Level Two"));
    EXPECT_TRUE(shows("Next round: Blair speaks"));
    // The trace has the rating and level, never the words.
    const auto rated = trace_events("round_rated");
    ASSERT_EQ(rated.size(), 1u);
    EXPECT_EQ(rated[0]["felt_heard"], 8);
    EXPECT_EQ(rated[0]["level"], 2);
    EXPECT_EQ(rated[0].dump().find("wedding"), std::string::npos);

    // Enter: the next round, with the roles swapped.
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Choosing);
    EXPECT_EQ(app->couples->speaker(), 1);
    EXPECT_EQ(app->couples->name(app->couples->speaker()), "Blair");
    frames(2);
    EXPECT_TRUE(shows("Round 2: Blair speaks, Alex listens"));
    EXPECT_TRUE(shows("Blair: 1 turn listening, felt heard 8.0/10 on average"));
    // "Keep the words" was left off (the default): only the rating and level remain.
    EXPECT_FALSE(app->couples->keep_real_talk_words());
    const CouplesRound& first = app->couples->rounds().front();
    EXPECT_FALSE(first.words_kept);
    EXPECT_TRUE(first.partner_says.empty());
    EXPECT_TRUE(first.response.empty());
    EXPECT_EQ(first.felt_heard, 8);
    EXPECT_EQ(first.level, 2);
}

TEST_F(ModesTest, CouplesKeepWordsIsAskedForAndTheSummaryKeepsNoWordsOtherwise) {
    frames(2);
    click_item("menu:couples");
    click_item("couples:first");
    type("Alex");
    click_item("couples:second");
    type("Blair");
    EXPECT_TRUE(shows("Real-talk words are dropped when each round ends"));
    click_item("couples:keep-words");
    EXPECT_TRUE(shows("Real-talk words are kept for this session's screens."));
    click_item("couples:keep-words"); // and off again
    click_item("couples:start");
    ASSERT_TRUE(app->couples);
    EXPECT_FALSE(app->couples->keep_real_talk_words());
    frames(2);
    click_item("couples:real-talk");
    frames(2);
    type(kFeeling);
    press(kEnter, true);
    press(kEnter);
    frames(2);
    type(kAnswer);
    press(kEnter, true);
    press(kEnter);
    press('6');
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    frames(2);
    click_item("couples:end");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Finished);
    frames(2);
    EXPECT_TRUE(shows("Real-talk words were not kept: only ratings and levels."));
    EXPECT_FALSE(shows("wedding"));
    EXPECT_FALSE(shows("No wonder"));
    // Play again: the same players, a fresh session.
    click_item("couples:again");
    ASSERT_TRUE(app->couples);
    EXPECT_EQ(app->couples->name(1), "Blair");
    EXPECT_TRUE(app->couples->rounds().empty());
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Choosing);
    EXPECT_EQ(app->page, Page::Couples);
}

TEST_F(ModesTest, CouplesEmptyShareIsRefusedWithAMessage) {
    app->start_couples("Alex", "Blair", true); // setup: the names screen is tested above
    frames(2);
    click_item("couples:real-talk");
    frames(2);
    press(kEnter, true);
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Sharing);
    ASSERT_EQ(app->errors.size(), 1u);
    EXPECT_TRUE(shows("Say something first"));
    press(kEnter);
    EXPECT_TRUE(app->errors.empty());
    click_item("couples:share");
    type(kFeeling);
    press(kEnter, true);
    EXPECT_EQ(app->couples->phase(), CouplesPhase::PassToListener);
}

TEST_F(ModesTest, CouplesRealTalkDigitsAreTypedNotPicked) {
    app->start_couples("Alex", "Blair", true);
    frames(2);
    click_item("couples:real-talk");
    frames(2);
    type(kFeeling);
    press(kEnter, true);
    press(kEnter);
    frames(2);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Answering);
    EXPECT_EQ(item("couples:choice:1"), nullptr); // nothing to pick in real talk
    press('1');
    type("1 more time with the planning? No wonder you're frustrated.");
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Answering);
    EXPECT_EQ(app->draft, "1 more time with the planning? No wonder you're frustrated.");
}

TEST_F(ModesTest, CouplesEscapeBacksOutOneLevelAtATime) {
    app->start_couples("Alex", "Blair", true);
    frames(2);
    click_item("couples:scripted");
    press(kEnter); // Alex has read the line aloud
    press(kEnter); // Blair is ready
    press('1');
    press(kEnter); // Alex is ready
    press('7');
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    press(kEscape); // the rated round counts: on to the next
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Choosing);
    EXPECT_EQ(app->couples->speaker(), 1);
    EXPECT_EQ(app->couples->rounds().size(), 1u);
    press(kEscape); // the summary
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Finished);
    EXPECT_NE(item("couples:summary:1"), nullptr);
    press(kEscape); // out of couples mode
    EXPECT_FALSE(app->couples);
    EXPECT_EQ(app->page, Page::Home);
}

TEST_F(ModesTest, CouplesScriptedRoundPickedWithAKey) {
    frames(2);
    click_item("menu:couples");
    click_item("couples:first");
    type("Alex");
    click_item("couples:second");
    type("Blair");
    click_item("couples:start");
    ASSERT_TRUE(app->couples);
    frames(2);
    click_item("couples:scripted");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Sharing);
    ASSERT_EQ(app->couples->round()->kind, RoundKind::Scripted);
    frames(2);
    EXPECT_TRUE(shows("Alex, read this aloud to Blair"));
    EXPECT_TRUE(shows(app->couples->round()->partner_says));
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToListener);
    frames(2);
    EXPECT_FALSE(shows(app->couples->round()->partner_says));
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Answering);
    frames(2);
    ASSERT_NE(item("couples:choice:1"), nullptr);
    press('2'); // the box is empty: a digit picks
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToSpeaker);
    EXPECT_EQ(app->couples->round()->source, AnswerSource::Choice);
    EXPECT_EQ(app->couples->round()->choice, 1);
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Rating);
    frames(2);
    click_item("couples:rating:3");
    click_item("couples:rate");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    EXPECT_EQ(app->couples->round()->felt_heard, 3);
    // End the session from the verdict: the summary.
    frames(2);
    click_item("couples:end");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Finished);
    frames(2);
    EXPECT_NE(item("couples:summary:0"), nullptr);
    EXPECT_NE(item("couples:summary:1"), nullptr);
    EXPECT_TRUE(shows("How you listened to each other"));
    click_item("couples:done");
    EXPECT_FALSE(app->couples);
}

TEST_F(ModesTest, EscapeAbandonsACouplesRoundAndKeepsTheSpeaker) {
    app->start_couples("Alex", "Blair", true); // setup: the names screen is tested above
    frames(2);
    click_item("couples:real-talk");
    frames(2);
    type(kFeeling);
    press(kEnter, true);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToListener);
    press(kEscape);
    EXPECT_EQ(app->couples->phase(), CouplesPhase::Choosing);
    EXPECT_TRUE(app->couples->rounds().empty());
    EXPECT_EQ(app->couples->speaker(), 0);
    EXPECT_EQ(app->page, Page::Couples);
}

TEST_F(ModesTest, WorkshopStepsRevealsComparesAndScoresTheRoom) {
    frames(2);
    click_item("menu:workshop");
    ASSERT_EQ(app->page, Page::Workshop);
    frames(2);
    const auto& scenarios = app->library.scenarios;
    const auto it = std::find_if(scenarios.begin(), scenarios.end(),
                                 [](const Scenario& s) { return s.id == "fear-friend-fight"; });
    ASSERT_NE(it, scenarios.end());
    click_item("workshop:scenario:" + std::to_string(it - scenarios.begin() + 1));
    ASSERT_TRUE(app->workshop);
    EXPECT_EQ(app->workshop->scenario().id, "fear-friend-fight");
    frames(2);
    EXPECT_TRUE(app->workshop->responses().empty());
    EXPECT_NE(item("workshop:line"), nullptr);
    EXPECT_EQ(item("workshop:response:1"), nullptr);

    // Right arrow: the first answer, its level hidden.
    press(kRight);
    ASSERT_EQ(app->workshop->responses().size(), 1u);
    EXPECT_FALSE(app->workshop->responses()[0].revealed);
    frames(2);
    EXPECT_NE(item("workshop:response:1"), nullptr);
    EXPECT_NE(item("workshop:reveal:1"), nullptr);
    EXPECT_TRUE(shows(app->workshop->responses()[0].text));
    EXPECT_TRUE(shows("Level hidden"));
    EXPECT_FALSE(shows("Level Two")); // the first answer is Level Two

    // R reveals it.
    press('R');
    EXPECT_TRUE(app->workshop->responses()[0].revealed);
    frames(2);
    EXPECT_EQ(item("workshop:reveal:1"), nullptr);
    EXPECT_TRUE(shows("Level Two"));

    // A shows every answer, the new ones hidden.
    press('A');
    ASSERT_EQ(app->workshop->responses().size(), 6u);
    frames(2);
    EXPECT_NE(item("workshop:response:6"), nullptr);
    EXPECT_NE(item("workshop:reveal:6"), nullptr);
    EXPECT_FALSE(app->workshop->all_revealed());

    // C compares the strongest and weakest side by side; Esc comes back.
    press('C');
    ASSERT_TRUE(app->workshop_compare);
    frames(2);
    EXPECT_NE(item("workshop:compare:0"), nullptr);
    EXPECT_NE(item("workshop:compare:1"), nullptr);
    EXPECT_EQ(item("workshop:response:1"), nullptr);
    press(kEscape);
    EXPECT_FALSE(app->workshop_compare);
    ASSERT_TRUE(app->workshop);
    EXPECT_EQ(app->page, Page::Workshop);
    frames(2);
    EXPECT_NE(item("workshop:response:1"), nullptr);

    // A suggestion from the room, typed and sent with Enter: scored and shown at once.
    scroll_to("workshop:suggestion");
    click_item("workshop:suggestion");
    const std::string suggestion = "Three days is a long time to wait. You must be so anxious.";
    type(suggestion);
    EXPECT_EQ(app->suggestion_draft, suggestion);
    press(kEnter);
    ASSERT_EQ(app->workshop->responses().size(), 7u);
    const WorkshopResponse& room = app->workshop->responses().back();
    EXPECT_TRUE(room.from_room);
    EXPECT_TRUE(room.revealed);
    EXPECT_EQ(room.text, suggestion);
    EXPECT_EQ(room.level(), 1);
    EXPECT_TRUE(app->suggestion_draft.empty());
    EXPECT_TRUE(app->errors.empty());
    frames(2);
    EXPECT_NE(item("workshop:response:7"), nullptr);
    EXPECT_TRUE(shows("From the room"));
    ASSERT_EQ(trace_events("suggestion_scored").size(), 1u);
    EXPECT_EQ(trace_events("suggestion_scored")[0]["level"], 1);

    // Enter gives the keyboard back to the presenting keys; S goes back into the box for the
    // next suggestion. Enter on it empty is refused with a message, and nothing is added.
    press('S');
    frames(2);
    type("x");
    EXPECT_EQ(app->suggestion_draft, "x");
    press(kBackspace);
    EXPECT_TRUE(app->suggestion_draft.empty());
    press(kEnter);
    EXPECT_EQ(app->workshop->responses().size(), 7u);
    frames(2);
    ASSERT_FALSE(app->errors.empty());
    EXPECT_EQ(app->errors.front(), "Type what the room suggested first.");
    // The message stays up (the Enter that caused it does not close it) until Enter.
    EXPECT_TRUE(shows("Type what the room suggested first."));
    EXPECT_NE(item("popup:ok"), nullptr);
    press(kEnter);
    EXPECT_TRUE(app->errors.empty());
    EXPECT_EQ(app->workshop->responses().size(), 7u);
}

TEST_F(ModesTest, WorkshopMarkedAnswersAreComparedAndOneCanBeRevealedByClick) {
    ASSERT_TRUE(app->open_workshop("fear-friend-fight")); // setup, as --mode workshop would
    frames(2);
    press('A');
    frames(2);
    click_item("workshop:reveal:3");
    EXPECT_TRUE(app->workshop->responses()[2].revealed);
    EXPECT_FALSE(app->workshop->responses()[1].revealed);
    click_item("workshop:mark:2");
    scroll_to("workshop:mark:5");
    click_item("workshop:mark:5");
    EXPECT_EQ(app->workshop->marked(), (std::vector<int>{1, 4}));
    press('C');
    ASSERT_TRUE(app->workshop_compare);
    frames(2);
    EXPECT_TRUE(shows("Answer 2"));
    EXPECT_TRUE(shows("Answer 5"));
    EXPECT_FALSE(shows("Answer 1"));
    // Comparing reveals: both levels show, Level One against none.
    EXPECT_TRUE(shows("Level One"));
    EXPECT_TRUE(shows("No empathy yet"));
    press('C');
    EXPECT_FALSE(app->workshop_compare);
}

TEST_F(ModesTest, WorkshopClickerKeysMoveThroughSteps) {
    ASSERT_TRUE(app->open_workshop("fear-friend-fight")); // setup, as --mode workshop would
    frames(2);
    for (int i = 0; i < 6; ++i) {
        press(kRight);
    }
    EXPECT_EQ(app->workshop->shown_choices(), 6);
    press(kRight);
    EXPECT_EQ(app->workshop->step_index(), 1);
    frames(2);
    EXPECT_TRUE(shows("step 2 of 3"));
    press(kLeft);
    EXPECT_EQ(app->workshop->step_index(), 0);
    EXPECT_EQ(app->workshop->shown_choices(), 6);
    press(kLeft);
    EXPECT_EQ(app->workshop->shown_choices(), 5);
    // Esc leaves the scenario for the picker, then the page.
    press(kEscape);
    EXPECT_FALSE(app->workshop);
    EXPECT_EQ(app->page, Page::Workshop);
}

TEST_F(ModesTest, F11RequestsFullScreen) {
    frames(2);
    EXPECT_FALSE(app->fullscreen_requested);
    press(kF11);
    EXPECT_TRUE(app->fullscreen_requested);
    // Also while presenting, and while typing a suggestion.
    app->fullscreen_requested = false;
    ASSERT_TRUE(app->open_workshop("fear-friend-fight"));
    frames(2);
    click_item("workshop:suggestion");
    type("That sounds hard");
    press(kF11);
    EXPECT_TRUE(app->fullscreen_requested);
    EXPECT_EQ(app->suggestion_draft, "That sounds hard");
}

class ModesLayoutTest : public ModesTest, public ::testing::WithParamInterface<ImVec2> {};

TEST_P(ModesLayoutTest, CouplesScreensFit) {
    const ImVec2 size = GetParam();
    resize(size.x, size.y);
    app->show_page(Page::Couples); // the menu folds into "Modes" on a small window
    frames(3);
    expect_clean_screen(layout, size, "couples setup");
    ASSERT_NE(item("couples:start"), nullptr);
    click_item("couples:first");
    type("Alexandra");
    click_item("couples:second");
    type("Bartholomew");
    click_item("couples:start");
    ASSERT_TRUE(app->couples);
    frames(3);
    expect_clean_screen(layout, size, "couples choosing");

    click_item("couples:real-talk");
    frames(2);
    type(kFeeling);
    click_item("couples:card");
    type(kCardLine);
    frames(2);
    expect_clean_screen(layout, size, "couples sharing");
    press(kEnter, true);
    press(kEnter);
    frames(2);
    type(kAnswer + ". It makes sense you're fed up; it's your wedding and you wanted a say.");
    press(kEnter, true);
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Rating);
    frames(3);
    expect_clean_screen(layout, size, "couples rating");
    press('9');
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    frames(3);
    expect_clean_screen(layout, size, "couples verdict");

    // A scripted round: the answering screen with its six choices, then the summary.
    press(kEnter);
    frames(2);
    click_item("couples:scripted");
    press(kEnter);
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Answering);
    frames(3);
    expect_clean_screen(layout, size, "couples answering, scripted");
    press('3');
    press(kEnter);
    press(kEnter);
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Verdict);
    frames(2);
    scroll_to("couples:end");
    click_item("couples:end");
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Finished);
    frames(3);
    expect_clean_screen(layout, size, "couples summary");
}

TEST_P(ModesLayoutTest, WorkshopPresentingFits) {
    const ImVec2 size = GetParam();
    resize(size.x, size.y);
    ASSERT_TRUE(app->open_workshop("fear-friend-fight"));
    frames(3);
    expect_clean_screen(layout, size, "workshop, nothing shown");
    press('A');
    press('R');
    scroll_to("workshop:suggestion");
    click_item("workshop:suggestion");
    type("Three days is a long time to wait. You must be so anxious.");
    press(kEnter);
    ASSERT_EQ(app->workshop->responses().size(), 7u);
    frames(3); // Enter left the box: the keys are for the presenter again
    expect_clean_screen(layout, size, "workshop presenting");
    press('C');
    frames(3);
    expect_clean_screen(layout, size, "workshop compare");
}

TEST_P(ModesLayoutTest, WorkshopAtProjectorSizeFits) {
    const ImVec2 size = GetParam();
    app->set_presenter_preset(true);
    app->fonts = load_fonts_for_test(app->font_size());
    resize(size.x, size.y);
    ASSERT_TRUE(app->open_workshop("fear-friend-fight"));
    frames(3);
    press('A');
    press('R');
    frames(3);
    expect_clean_screen(layout, size, "workshop presenting at projector size");
}

INSTANTIATE_TEST_SUITE_P(Sizes, ModesLayoutTest,
                         ::testing::Values(ImVec2(800, 600), ImVec2(3840, 2160)),
                         [](const auto& info) {
                             return std::to_string(static_cast<int>(info.param.x)) + "x" +
                                    std::to_string(static_cast<int>(info.param.y));
                         });

} // namespace et::ui::test
