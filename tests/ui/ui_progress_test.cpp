// Practice history through the screens: answers recorded, the Progress screen's records,
// filter, "practise my weakest", export and delete, history being unavailable, and layout.
#include "ui_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <imgui_internal.h>
#include <map>
#include <optional>

namespace et::ui::test {

namespace {

namespace fs = std::filesystem;

// [SECTION] Reading the screen

// One glyph as drawn: its code point and its quad.
struct DrawnGlyph {
    unsigned int codepoint = 0;
    ImVec2 min, max;
};

// The glyphs of one draw list, in drawing order (a glyph is a quad whose texture corners are
// that glyph's corners in the atlas), as ui_modes_test.cpp reads them.
std::vector<DrawnGlyph> glyphs_of(const ImDrawList& list) {
    std::map<std::pair<float, float>, const ImFontGlyph*> atlas;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts) {
        for (const ImFontGlyph& g : font->Glyphs) {
            if (g.Visible) {
                atlas[{g.U0, g.V0}] = &g;
            }
        }
    }
    std::vector<DrawnGlyph> out;
    const ImVector<ImDrawVert>& v = list.VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i) {
        const auto it = atlas.find({v[i].uv.x, v[i].uv.y});
        if (it == atlas.end()) {
            continue;
        }
        const ImFontGlyph& g = *it->second;
        if (v[i + 1].uv.x == g.U1 && v[i + 1].uv.y == g.V0 && v[i + 2].uv.x == g.U1 &&
            v[i + 2].uv.y == g.V1 && v[i + 3].uv.x == g.U0 && v[i + 3].uv.y == g.V1) {
            out.push_back({g.Codepoint, v[i].pos, v[i + 2].pos});
            i += 3;
        }
    }
    return out;
}

// Lower case without spaces, one '?' for each character outside ASCII (so UTF-8 text and
// drawn glyphs compare alike).
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            if (byte >= 0xC0) {
                out += '?'; // a lead byte; continuation bytes add nothing
            }
        } else if (c != ' ' && c != '\n' && c != '\t') {
            out += static_cast<char>(std::tolower(byte));
        }
    }
    return out;
}

std::string squeeze(const std::vector<DrawnGlyph>& glyphs) {
    std::string out;
    for (const DrawnGlyph& g : glyphs) {
        out += g.codepoint < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(g.codepoint)))
                                  : '?';
    }
    return out;
}

// All the last frame drew, squeezed.
std::string drawn_squeezed() {
    const ImDrawData* data = ImGui::GetDrawData();
    std::string all;
    for (int l = 0; data != nullptr && l < data->CmdListsCount; ++l) {
        all += squeeze(glyphs_of(*data->CmdLists[l]));
    }
    return all;
}

// Whether the last frame drew `text` (spaces and case aside), in any window.
bool shows(const std::string& text) {
    return drawn_squeezed().find(squeeze(text)) != std::string::npos;
}

// Where the last frame drew `text`, looking at the top-most window first (an open menu or
// combo list): the centre of its glyphs, or nothing.
std::optional<ImVec2> where_drawn(const std::string& text) {
    const ImDrawData* data = ImGui::GetDrawData();
    const std::string wanted = squeeze(text);
    for (int l = data != nullptr ? data->CmdListsCount - 1 : -1; l >= 0; --l) {
        const std::vector<DrawnGlyph> glyphs = glyphs_of(*data->CmdLists[l]);
        const std::size_t at = squeeze(glyphs).find(wanted);
        if (at != std::string::npos) {
            const DrawnGlyph& first = glyphs[at];
            const DrawnGlyph& last = glyphs[at + wanted.size() - 1];
            return ImVec2((first.min.x + last.max.x) * 0.5f, (first.min.y + last.max.y) * 0.5f);
        }
    }
    return std::nullopt;
}

// [SECTION] Layout (the check itself is the fixture's expect_clean_layout)

// The records of one window (e.g. a modal's, which covers the page under it).
std::vector<LayoutRecord> records_in(const std::vector<LayoutRecord>& layout, ImGuiID window) {
    std::vector<LayoutRecord> out;
    std::copy_if(layout.begin(), layout.end(), std::back_inserter(out),
                 [&](const LayoutRecord& r) { return r.window == window; });
    return out;
}

// [SECTION] Histories

// An attempt `days_ago` days before now, for a bundled scenario's first step.
Attempt past_attempt(int days_ago, int minute, int level, int score, std::vector<Mistake> mistakes,
                     const std::string& scenario = "fear-friend-fight",
                     const std::string& player = "") {
    Attempt a;
    a.time_ms = now_ms() - static_cast<std::int64_t>(days_ago) * 24 * 3600 * 1000 -
                static_cast<std::int64_t>(minute) * 60 * 1000;
    a.local_day = local_day_of(a.time_ms);
    a.player = player;
    a.scenario_id = scenario;
    a.step_id = "share";
    a.response = "That sounds hard.";
    a.level = level;
    a.score = score;
    a.mistakes = std::move(mistakes);
    return a;
}

class ProgressTest : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        const char* home = std::getenv("HOME");
        saved_home_ = home != nullptr ? std::optional<std::string>(home) : std::nullopt;
    }
    void TearDown() override {
        saved_home_ ? ::setenv("HOME", saved_home_->c_str(), 1) : ::unsetenv("HOME");
        UiTest::TearDown();
    }

    // Installs a store on a file of this test's own, as the window does at startup.
    HistoryStore& use_history(const fs::path& file) {
        app->apply_history(std::make_unique<HistoryStore>(file));
        return *app->history;
    }
    HistoryStore& use_history() { return use_history(dir_ / "data" / "history.sqlite3"); }

    // A few hundred attempts over eight weeks by three players on several scenarios, some
    // with mistakes: what a household that practises most days has after two months.
    void fill_history(HistoryStore& store, int per_day = 6) {
        const std::vector<std::string> players = {"", "Robin", "Alexandra"};
        const std::vector<std::string> scenarios = {"fear-friend-fight", "scenario-gone",
                                                    "real-talk"};
        int n = 0;
        for (int day = 55; day >= 0; --day) {
            for (int i = 0; i < per_day; ++i, ++n) {
                std::vector<Mistake> mistakes;
                if (n % 3 == 0) {
                    mistakes.push_back(kAllMistakes[static_cast<std::size_t>(n / 3) % kMistakeCount]);
                }
                const std::string scenario =
                    n % 7 == 0 ? library_ids().at(static_cast<std::size_t>(n) % library_ids().size())
                               : scenarios[static_cast<std::size_t>(n) % scenarios.size()];
                ASSERT_TRUE(store.record(past_attempt(day, per_day - i, n % 3, (n * 37) % 101,
                                                      mistakes, scenario,
                                                      players[static_cast<std::size_t>(n) % 3])))
                    << store.last_error();
            }
        }
    }

    std::vector<std::string> library_ids() const {
        std::vector<std::string> ids;
        for (const Scenario& s : app->library.scenarios) {
            ids.push_back(s.id);
        }
        return ids;
    }

    // Progress from the menu bar, or from the "Modes" menu it folds into on a small window.
    void open_progress_from_menu() {
        frames(2);
        if (item("menu:progress") != nullptr) {
            click_item("menu:progress");
        } else {
            click_item("menu:modes");
            frames(1);
            const std::optional<ImVec2> at = where_drawn("Progress");
            ASSERT_TRUE(at) << "the Modes menu shows no Progress item";
            click(*at);
        }
        ASSERT_EQ(app->page, Page::Progress);
        frames(2);
    }

    // Turns the mouse wheel over the window holding `id` until the control shows whole.
    void scroll_to(const std::string& id) {
        for (int i = 0; i < 60; ++i) {
            const LayoutRecord* r = item(id);
            ASSERT_NE(r, nullptr) << "no control recorded as " << id;
            if (r->min.y >= r->clip_min.y && r->max.y <= r->clip_max.y) {
                return;
            }
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(r->clip_max.x - 4, (r->clip_min.y + r->clip_max.y) * 0.5f);
            io.MouseWheel = r->max.y > r->clip_max.y ? -2.0f : 2.0f;
            frame();
            io.MouseWheel = 0;
            frame();
        }
        FAIL() << id << " never scrolled into view";
    }

    // Everything drawn while the mouse wheel takes the page from where it is down to `last`.
    std::string text_scrolling_down_to(const std::string& last) {
        std::string seen = drawn_squeezed();
        for (int i = 0; i < 60; ++i) {
            const LayoutRecord* r = item(last);
            if (r == nullptr || (r->min.y >= r->clip_min.y && r->max.y <= r->clip_max.y)) {
                break;
            }
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(r->clip_max.x - 4, (r->clip_min.y + r->clip_max.y) * 0.5f);
            io.MouseWheel = -1.0f;
            frame();
            io.MouseWheel = 0;
            frame();
            seen += drawn_squeezed();
        }
        return seen;
    }

    void set_home(const fs::path& home) {
        fs::create_directories(home);
        ::setenv("HOME", home.c_str(), 1);
    }

    std::optional<std::string> saved_home_;
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

// [SECTION] Recording

TEST_F(ProgressTest, TypedAndPickedAnswersAreRecorded) {
    HistoryStore& store = use_history();
    ASSERT_TRUE(store.available()) << store.notice();
    ASSERT_EQ(store.summary().attempts, 0);
    app->settings().keep_response_words = false;
    frames(2);
    click_item("scenario:fear-friend-fight");
    frames(2);
    type("You're overreacting, she's probably just busy.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(store.summary().attempts, 1);
    auto all = store.attempts();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_FALSE(all[0].response.has_value()) << "words kept although keep_response_words is off";
    EXPECT_EQ(all[0].mode, PracticeMode::Solo);
    EXPECT_EQ(all[0].player, "");
    EXPECT_EQ(all[0].scenario_id, "fear-friend-fight");
    EXPECT_EQ(all[0].step_id, "share");
    EXPECT_EQ(all[0].source, AnswerSource::Typed);
    EXPECT_EQ(all[0].level, app->session->current()->level);
    EXPECT_EQ(all[0].score, app->session->current()->points);
    EXPECT_EQ(all[0].mistakes, app->session->current()->mistakes);
    EXPECT_FALSE(all[0].mistakes.empty());
    EXPECT_EQ(all[0].local_day, local_day_of(all[0].time_ms));

    // The next step, picked with key 1, keeping the words this time.
    app->settings().keep_response_words = true;
    click_item("feedback:continue");
    frames(2);
    press('1');
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(store.summary().attempts, 2);
    all = store.attempts();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].source, AnswerSource::Choice);
    EXPECT_EQ(all[1].step_id, app->session->step().id);
    EXPECT_EQ(all[1].level, app->session->current()->level);
    ASSERT_TRUE(all[1].response.has_value());
    EXPECT_EQ(*all[1].response, app->session->current()->response);
    EXPECT_TRUE(app->errors.empty()) << app->errors.front();
}

// The window starts loading the criteria and opening the history after its first frame. An
// answer given before either worker has finished waits for it: scored and recorded, not lost.
TEST_F(ProgressTest, AnAnswerBeforeTheBackgroundLoadsFinishWaitsForThem) {
    app->scorer.reset(); // it points into the criteria
    app->criteria.reset();
    std::atomic<int> finished{0};
    app->start_criteria_load([&] { ++finished; });
    app->start_history_open(dir_ / "data" / "history.sqlite3", [&] { ++finished; });
    EXPECT_TRUE(app->loading());
    frames(2); // the library needs neither
    click_item("scenario:fear-friend-fight");
    ASSERT_NE(app->scorer, nullptr) << "the scenario opened without waiting for the criteria";
    EXPECT_NE(app->disclosure, nullptr) << "the disclosure criteria load with them";
    frames(2);
    type("That sounds so lonely.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->score.level, 1);
    ASSERT_TRUE(app->history_available()) << "the answer was not recorded: no history yet";
    EXPECT_EQ(app->history->summary().attempts, 1);
    EXPECT_FALSE(app->loading());
    EXPECT_EQ(finished, 2);
    EXPECT_FALSE(app->poll_loads()) << "nothing is left to install";
    EXPECT_TRUE(app->errors.empty()) << app->errors.front();
}

TEST_F(ProgressTest, CouplesRoundsRecordTheListenerWithFeltHeard) {
    HistoryStore& store = use_history();
    app->start_couples("Alex", "Blair", false);
    ASSERT_TRUE(app->couples);
    // Round 1, real talk: Alex speaks, Blair listens; the words are not kept.
    app->couples_start_real_talk();
    app->couples_share("I'm so frustrated, the wedding planning got taken over again", "mad",
                       {"My sister always gets her way"});
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToListener);
    app->couples->listener_ready();
    app->draft = "No wonder you're frustrated, with your sister always getting her way";
    app->couples_submit_typed();
    ASSERT_EQ(app->couples->phase(), CouplesPhase::PassToSpeaker);
    app->couples->speaker_ready();
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Rating);
    EXPECT_EQ(store.summary().attempts, 0); // recorded with the rating, not before
    app->couples_rate(8);
    // Round 2, scripted: Blair speaks, Alex picks the first answer.
    app->couples_next_round();
    app->couples_start_scripted("fear-friend-fight");
    app->couples->pass_to_listener();
    app->couples->listener_ready();
    app->couples_pick(0);
    app->couples->speaker_ready();
    ASSERT_EQ(app->couples->phase(), CouplesPhase::Rating);
    app->couples_rate(5);
    ASSERT_TRUE(app->errors.empty()) << app->errors.front();

    const auto all = store.attempts();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].mode, PracticeMode::Couples);
    EXPECT_EQ(all[0].player, "Blair");
    EXPECT_EQ(all[0].scenario_id, "real-talk");
    EXPECT_EQ(all[0].felt_heard, 8);
    EXPECT_EQ(all[0].level, 2);
    EXPECT_EQ(all[0].source, AnswerSource::Typed);
    EXPECT_FALSE(all[0].response.has_value()) << "real-talk words kept against the couple's wish";
    EXPECT_EQ(all[1].mode, PracticeMode::Couples);
    EXPECT_EQ(all[1].player, "Alex");
    EXPECT_EQ(all[1].scenario_id, "fear-friend-fight");
    EXPECT_EQ(all[1].felt_heard, 5);
    EXPECT_EQ(all[1].source, AnswerSource::Choice);
    EXPECT_TRUE(all[1].response.has_value()); // scripted words are the author's
    const ProgressSummary& s = store.summary();
    EXPECT_EQ(s.felt_heard.rated, 2);
    EXPECT_DOUBLE_EQ(s.felt_heard.average_rating, 6.5);

    // The Progress screen shows the couple's line and lets each player be picked.
    app->close_couples();
    open_progress_from_menu();
    EXPECT_TRUE(shows("Couples: felt heard 6.5/10 on average over 2 rated answers"));
    EXPECT_NE(item("progress:player"), nullptr);
}

// [SECTION] The Progress screen

// In the app the snapshot is computed on a worker thread: the screen says it is reading,
// never waits for it in a frame, and shows the figures once they are in.
TEST_F(ProgressTest, SnapshotIsComputedOffTheUiThread) {
    app->progress_sync = false;
    HistoryStore& store = use_history();
    fill_history(store);
    app->wait_progress(); // the startup snapshot (best levels for the library)
    store.record(Attempt{}); // one more, which the open screen must pick up
    open_progress_from_menu();
    const bool loading_or_done = app->progress_loading() || app->progress_summary() != nullptr;
    EXPECT_TRUE(loading_or_done);
    app->wait_progress();
    frames(2);
    ASSERT_NE(app->progress_summary(), nullptr);
    EXPECT_EQ(app->progress_summary()->attempts, 56 * 6 + 1);
    EXPECT_TRUE(shows(std::to_string(56 * 6 + 1) + " answers"));
    EXPECT_FALSE(trace_events("progress_ready").empty());
}

TEST_F(ProgressTest, ShowsTilesChartsWeeksAndScenarios) {
    HistoryStore& store = use_history();
    fill_history(store);
    const std::int64_t total = store.summary().attempts;
    ASSERT_EQ(total, 56 * 6);
    open_progress_from_menu();
    ASSERT_TRUE(app->errors.empty()) << app->errors.front();
    for (const char* id : {"progress:answers", "progress:days", "progress:streak",
                           "progress:best-streak", "progress:score-chart", "progress:level-chart",
                           "progress:weeks", "progress:scenarios", "progress:player",
                           "progress:weakest"}) {
        EXPECT_NE(item(id), nullptr) << id;
    }
    EXPECT_TRUE(shows(std::to_string(total) + " answers"));
    // 56 days, or 57 when a day's answers straddle midnight.
    const ProgressSummary& s = store.summary();
    EXPECT_GE(s.practice_days, 56);
    EXPECT_GE(s.current_streak, 56);
    EXPECT_TRUE(shows(std::to_string(s.practice_days) + " days of practice"));
    EXPECT_TRUE(shows(std::to_string(s.current_streak) + " days current streak"));
    EXPECT_TRUE(shows("Level and score, day by day"));
    EXPECT_TRUE(shows("Mistakes per week"));
    EXPECT_TRUE(shows(store.summary().per_week.back().week));
    // Scenario titles from the library; ids the library lacks as they are; real talk by name.
    const std::string table = text_scrolling_down_to("progress:keep-words");
    EXPECT_NE(table.find(squeeze("A fight with an old friend")), std::string::npos);
    EXPECT_NE(table.find(squeeze("scenario-gone")), std::string::npos);
    EXPECT_NE(table.find(squeeze("Real talk (couples)")), std::string::npos);
    EXPECT_EQ(table.find(squeeze("fear-friend-fight")), std::string::npos);
    EXPECT_EQ(trace_events("progress_opened").size(), 1u);

    // The filter: one player's view, then everyone again.
    scroll_to("progress:answers");
    click_item("progress:player");
    const std::optional<ImVec2> robin = where_drawn("Robin");
    ASSERT_TRUE(robin) << "the player list shows no Robin";
    click(*robin);
    ASSERT_EQ(app->progress_player, std::optional<std::string>("Robin"));
    ASSERT_NE(app->progress_summary(), nullptr);
    EXPECT_EQ(app->progress_summary()->attempts, total / 3);
    EXPECT_TRUE(shows(std::to_string(total / 3) + " answers"));
    click_item("progress:player");
    const std::optional<ImVec2> everyone = where_drawn("Everyone");
    ASSERT_TRUE(everyone);
    click(*everyone);
    EXPECT_FALSE(app->progress_player);
    EXPECT_EQ(app->progress_summary()->attempts, total);
}

TEST_F(ProgressTest, NoPlayerFilterForSoloOnlyAndAnEmptyHistorySaysSo) {
    HistoryStore& store = use_history();
    open_progress_from_menu();
    EXPECT_TRUE(shows("Nothing here yet"));
    EXPECT_EQ(item("progress:answers"), nullptr);
    EXPECT_NE(item("progress:export-csv"), nullptr);
    ASSERT_TRUE(store.record(past_attempt(1, 0, 1, 60, {})));
    ASSERT_TRUE(store.record(past_attempt(0, 0, 2, 90, {})));
    app->back();
    open_progress_from_menu();
    EXPECT_NE(item("progress:answers"), nullptr);
    EXPECT_EQ(item("progress:player"), nullptr); // solo answers only: nobody to choose
    EXPECT_EQ(item("progress:weakest"), nullptr);
    EXPECT_TRUE(shows("No listening mistakes so far."));
}

TEST_F(ProgressTest, PractiseMyWeakestOpensTheScenarioForTheMostCommonMistake) {
    HistoryStore& store = use_history();
    const Mistake weakest = Mistake::Hijacking;
    for (int i = 0; i < 12; ++i) {
        ASSERT_TRUE(store.record(past_attempt(i % 4, i, 0, 20, {weakest})));
    }
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(store.record(past_attempt(i % 4, 30 + i, 1, 50, {Mistake::Fixing})));
    }
    // The scenario whose authored answers show that mistake the most, counted here.
    int most = 0;
    for (const Scenario& s : app->library.scenarios) {
        int count = 0;
        for (const Step& step : s.steps) {
            for (const Choice& c : step.choices) {
                count += std::count(c.mistakes.begin(), c.mistakes.end(), weakest) > 0 ? 1 : 0;
            }
        }
        most = std::max(most, count);
    }
    ASSERT_GT(most, 0) << "no bundled scenario exercises the mistake";
    const Scenario* expected = app->scenario_for_mistake(weakest);
    ASSERT_NE(expected, nullptr);

    open_progress_from_menu();
    EXPECT_TRUE(shows("Your most common trap lately"));
    EXPECT_TRUE(shows("(12 times in all)"));
    EXPECT_TRUE(shows("opens \"" + expected->title + "\""));
    click_item("progress:weakest");
    ASSERT_EQ(app->page, Page::Practice);
    ASSERT_TRUE(app->session);
    EXPECT_EQ(app->session->scenario().id, expected->id);
    int count = 0;
    for (const Step& step : app->session->scenario().steps) {
        for (const Choice& c : step.choices) {
            count += std::count(c.mistakes.begin(), c.mistakes.end(), weakest) > 0 ? 1 : 0;
        }
    }
    EXPECT_EQ(count, most);
    const auto events = trace_events("practise_weakest");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["mistake"], "hijacking");
}

TEST_F(ProgressTest, ExportWritesCsvAndJsonUnderHome) {
    HistoryStore& store = use_history();
    fill_history(store, 1);
    const std::size_t total = store.attempts().size();
    const fs::path home = dir_ / "home";
    set_home(home);
    fs::create_directories(home / "Documents");
    open_progress_from_menu();
    scroll_to("progress:export-csv");
    click_item("progress:export-csv");
    const fs::path csv = home / "Documents" / "empathy-trainer-history.csv";
    ASSERT_TRUE(fs::exists(csv)) << (app->errors.empty() ? "" : app->errors.front());
    EXPECT_EQ(app->notice, "History exported to " + csv.string() + ".");
    frames(2);
    EXPECT_TRUE(shows("History exported to"));
    const std::string text = read_text(csv);
    EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), total + 1);
    EXPECT_FALSE(fs::exists(csv.string() + ".tmp"));

    scroll_to("progress:export-json");
    click_item("progress:export-json");
    const fs::path json = home / "Documents" / "empathy-trainer-history.json";
    ASSERT_TRUE(fs::exists(json));
    EXPECT_EQ(app->notice, "History exported to " + json.string() + ".");
    const auto parsed = nlohmann::json::parse(read_text(json), nullptr, false);
    ASSERT_TRUE(parsed.is_array());
    EXPECT_EQ(parsed.size(), total);

    // Without a Documents folder the file goes to the home folder itself.
    fs::remove_all(home / "Documents");
    scroll_to("progress:export-csv");
    click_item("progress:export-csv");
    EXPECT_TRUE(fs::exists(home / "empathy-trainer-history.csv"));
    EXPECT_TRUE(app->errors.empty()) << app->errors.front();
    EXPECT_EQ(trace_events("history_exported").size(), 3u);
}

TEST_F(ProgressTest, ExportToAFolderThatCannotBeWrittenSaysSo) {
    HistoryStore& store = use_history();
    fill_history(store, 1);
    set_home(dir_ / "home");
    // The export's name is taken by a folder, so the rename over it fails.
    fs::create_directories(dir_ / "home" / "empathy-trainer-history.csv" / "x");
    open_progress_from_menu();
    scroll_to("progress:export-csv");
    click_item("progress:export-csv");
    ASSERT_EQ(app->errors.size(), 1u);
    EXPECT_NE(app->errors.front().find("was not exported"), std::string::npos);
    EXPECT_TRUE(app->notice.empty());
    EXPECT_FALSE(fs::exists(dir_ / "home" / "empathy-trainer-history.csv.tmp"));
}

TEST_F(ProgressTest, DeleteAllHistoryAsksFirst) {
    HistoryStore& store = use_history();
    fill_history(store, 2);
    const std::int64_t total = store.summary().attempts;
    open_progress_from_menu();
    scroll_to("progress:delete");
    click_item("progress:delete");
    frames(2);
    ASSERT_NE(item("progress:delete-cancel"), nullptr);
    ASSERT_NE(item("progress:delete-confirm"), nullptr);
    EXPECT_TRUE(shows("This cannot be undone."));
    click_item("progress:delete-cancel");
    frames(2);
    EXPECT_EQ(item("progress:delete-confirm"), nullptr);
    EXPECT_EQ(store.summary().attempts, total);
    EXPECT_EQ(store.attempts().size(), static_cast<std::size_t>(total));

    // Esc keeps it too.
    scroll_to("progress:delete");
    click_item("progress:delete");
    frames(2);
    ASSERT_NE(item("progress:delete-confirm"), nullptr);
    press(kEscape);
    EXPECT_EQ(item("progress:delete-confirm"), nullptr);
    EXPECT_EQ(app->page, Page::Progress);
    EXPECT_EQ(store.summary().attempts, total);

    // A filtered view deletes everyone's history, and the filter goes with it.
    app->set_progress_player("Robin");
    frames(2);
    scroll_to("progress:delete");
    click_item("progress:delete");
    frames(2);
    click_item("progress:delete-confirm");
    frames(2);
    EXPECT_EQ(item("progress:delete-confirm"), nullptr);
    EXPECT_TRUE(store.attempts().empty());
    EXPECT_EQ(store.summary().attempts, 0);
    EXPECT_FALSE(app->progress_player);
    EXPECT_EQ(app->notice, "All history was deleted.");
    EXPECT_TRUE(shows("All history was deleted."));
    EXPECT_TRUE(shows("Nothing here yet"));
    EXPECT_EQ(item("progress:player"), nullptr);
    EXPECT_EQ(trace_events("history_deleted").size(), 1u);
}

// [SECTION] History unavailable

TEST_F(ProgressTest, UnavailableHistoryIsExplainedAndPracticeGoesOn) {
    std::ofstream(dir_ / "not-a-folder") << "a file where a folder should be";
    HistoryStore& store = use_history(dir_ / "not-a-folder" / "history.sqlite3");
    ASSERT_FALSE(store.available());
    ASSERT_FALSE(store.unavailable_reason().empty());
    EXPECT_LE(app->errors.size(), 1u);
    frames(2);
    if (!app->errors.empty()) {
        press(kEnter); // the one notice: history is not being saved
    }
    ASSERT_TRUE(app->errors.empty());

    click_item("scenario:fear-friend-fight");
    frames(2);
    type("You must be so scared of losing her.");
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_GE(app->session->current()->level, 1);
    click_item("feedback:continue");
    frames(2);
    press('1');
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_TRUE(app->errors.empty()) << app->errors.front(); // no message per answer

    open_progress_from_menu();
    EXPECT_TRUE(shows("History is not being saved"));
    EXPECT_TRUE(shows(store.unavailable_reason().substr(0, 20)));
    EXPECT_TRUE(shows("Practice still works"));
    EXPECT_EQ(item("progress:export-csv"), nullptr);
    // The actions do nothing harmful without a store that works.
    app->practise_weakest();
    app->delete_history();
    EXPECT_EQ(app->page, Page::Progress);
    app->export_history(false);
    EXPECT_EQ(app->errors.size(), 1u); // export says why it cannot
    EXPECT_TRUE(app->notice.empty());
}

// [SECTION] Layout

class ProgressLayoutTest : public ProgressTest, public ::testing::WithParamInterface<ImVec2> {};

TEST_P(ProgressLayoutTest, ProgressScreenFits) {
    const ImVec2 size = GetParam();
    HistoryStore& store = use_history();
    fill_history(store);
    ASSERT_TRUE(store.record([] {
        Attempt a = past_attempt(0, 1, 2, 88, {}, "fear-friend-fight", "Alexandra");
        a.mode = PracticeMode::Couples;
        a.felt_heard = 9;
        return a;
    }()));
    resize(size.x, size.y);
    open_progress_from_menu();
    frames(2);
    ASSERT_TRUE(app->errors.empty()) << app->errors.front();
    ASSERT_NE(item("progress:weeks"), nullptr);
    expect_clean_layout(layout, size, "progress, top");
    scroll_to("progress:keep-words");
    frames(2);
    expect_clean_layout(layout, size, "progress, bottom");

    app->set_progress_player("Alexandra");
    frames(3);
    expect_clean_layout(layout, size, "progress, one player");

    scroll_to("progress:delete");
    click_item("progress:delete");
    frames(3);
    const LayoutRecord* confirm = item("progress:delete-confirm");
    ASSERT_NE(confirm, nullptr);
    expect_clean_layout(records_in(layout, confirm->window), size, "delete confirmation");
    click_item("progress:delete-cancel");
}

TEST_P(ProgressLayoutTest, ProjectorFontStillFitsAndProgressIsUnderModes) {
    const ImVec2 size = GetParam();
    HistoryStore& store = use_history();
    fill_history(store, 3);
    app->settings().font_size = 36;
    app->fonts = load_fonts_for_test(36);
    resize(size.x, size.y);
    if (size.x < 1000) {
        // The bar has no room for every page at this size: Progress is in "Modes".
        EXPECT_EQ(item("menu:progress"), nullptr);
        EXPECT_NE(item("menu:modes"), nullptr);
    }
    open_progress_from_menu();
    frames(2);
    expect_clean_layout(layout, size, "progress at 36 px, top");
    scroll_to("progress:keep-words");
    frames(2);
    expect_clean_layout(layout, size, "progress at 36 px, bottom");
    scroll_to("progress:delete");
    click_item("progress:delete");
    frames(3);
    const LayoutRecord* confirm = item("progress:delete-confirm");
    ASSERT_NE(confirm, nullptr);
    expect_clean_layout(records_in(layout, confirm->window), size, "delete confirmation at 36 px");
}

INSTANTIATE_TEST_SUITE_P(Sizes, ProgressLayoutTest,
                         ::testing::Values(ImVec2(800, 600), ImVec2(3840, 2160)),
                         [](const auto& info) {
                             return std::to_string(static_cast<int>(info.param.x)) + "x" +
                                    std::to_string(static_cast<int>(info.param.y));
                         });

} // namespace et::ui::test
