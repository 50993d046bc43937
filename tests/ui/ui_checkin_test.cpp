// The check-in screen driven through io: opened from the menu and the home page, typed into,
// live feedback per box, Tab between boxes, the reflection, the free box, a failed criteria
// load, couples' "Use my check-in", and the layout at a laptop size and at 4K.
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "ui_fixture.hpp"

namespace et::ui::test {

namespace {

std::string last_active_box(const std::vector<nlohmann::json>& events) {
    return events.empty() ? std::string() : events.back().value("id", "");
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

constexpr const char* kOuter = "I went to the gym and then cooked dinner.";
constexpr const char* kInner = "I felt so lonely when nobody called.";

class CheckinTest : public UiTest {
protected:
    void open_from_menu() {
        frames(2);
        click_item("menu:checkin");
        frames(2);
        ASSERT_EQ(app->page, Page::CheckIn);
    }
    std::string active_box() const { return last_active_box(trace_events("text_box_active")); }
};

} // namespace

TEST_F(CheckinTest, MenuOpensItWithTheFirstBoxReadyAndTabMovesOn) {
    open_from_menu();
    EXPECT_EQ(trace_events("checkin_opened").size(), 1u);
    EXPECT_EQ(active_box(), "checkin:answer:mad");
    for (const CheckinQuestion& q : kCheckinQuestions) {
        EXPECT_NE(item(std::string("checkin:answer:") + q.id), nullptr) << q.id;
    }
    type(kOuter);
    EXPECT_EQ(app->checkin.answers[0], kOuter);
    press(kTab);
    EXPECT_EQ(active_box(), "checkin:answer:sad");
    type(kInner);
    EXPECT_EQ(app->checkin.answers[1], kInner);
    EXPECT_EQ(app->checkin.answers[0], kOuter) << "Tab must not change the text it leaves";
    press(kTab, false, true); // Shift+Tab goes back
    EXPECT_EQ(active_box(), "checkin:answer:mad");
}

TEST_F(CheckinTest, FeedbackFollowsEachBoxAsItIsTyped) {
    open_from_menu();
    type(kOuter);
    const auto& mad = app->checkin.readings[0];
    ASSERT_TRUE(mad.result);
    EXPECT_EQ(mad.result->layer, Layer::Outer);
    EXPECT_TRUE(mad.result->emotions.empty());
    EXPECT_NE(item("checkin:answer:mad:feedback"), nullptr);
    EXPECT_EQ(item("checkin:answer:sad:feedback"), nullptr) << "no panel under an empty box";

    press(kTab);
    type(kInner);
    const auto& sad = app->checkin.readings[1];
    ASSERT_TRUE(sad.result);
    EXPECT_EQ(sad.result->layer, Layer::Inner);
    EXPECT_EQ(sad.result->emotions, std::vector<CoreEmotion>{CoreEmotion::Sad});
    ASSERT_FALSE(sad.result->matches.empty());
    EXPECT_EQ(sad.result->matches[0].kind, DisclosureKind::Feeling);
    EXPECT_NE(item("checkin:answer:sad:feedback"), nullptr);

    press(kTab);
    type("I was so happy to see Mia, but my boss was angry.");
    const auto& glad = app->checkin.readings[2];
    ASSERT_TRUE(glad.result);
    EXPECT_EQ(glad.result->layer, Layer::Inner);
    EXPECT_EQ(glad.result->emotions, std::vector<CoreEmotion>{CoreEmotion::Glad});

    // Cached: an unchanged box is not analysed again on the next frames.
    app->checkin.readings[1].result->feedback.push_back("sentinel");
    frames(3);
    EXPECT_EQ(app->checkin.readings[1].result->feedback.back(), "sentinel");
    // ...and a changed one is.
    type(" Honestly I was scared too.");
    EXPECT_EQ(app->checkin.readings[2].result->emotions,
              (std::vector<CoreEmotion>{CoreEmotion::Fear, CoreEmotion::Glad}));
}

TEST_F(CheckinTest, CtrlEnterFinishesWithAReflection) {
    open_from_menu();
    press(kEnter, true);
    EXPECT_FALSE(app->checkin_reflection) << "nothing written: nothing to finish";
    click_item("checkin:answer:mad"); // Ctrl+Enter let go of the box, as ImGui's boxes do
    type(kOuter);
    press(kTab);
    type(kInner);
    press(kEnter, true);
    ASSERT_TRUE(app->checkin_reflection);
    const CheckinReflection& r = *app->checkin_reflection;
    EXPECT_TRUE(r.analysed);
    EXPECT_EQ(r.answers.size(), 2u);
    EXPECT_EQ(r.inner, 1);
    EXPECT_EQ(r.emotions, std::vector<CoreEmotion>{CoreEmotion::Sad});
    EXPECT_FALSE(r.nudge.empty());
    EXPECT_EQ(app->checkin_inner_text, kInner);
    frames(2);
    EXPECT_TRUE(app->checkin.reflecting);
    EXPECT_NE(item("checkin:nudge"), nullptr);
    EXPECT_NE(item("checkin:done"), nullptr);

    const auto finished = trace_events("checkin_finished");
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0]["answers"], 2);
    EXPECT_EQ(finished[0]["inner"], 1);
    EXPECT_EQ(finished[0]["emotions"], nlohmann::json::array({"sad"}));
    const auto analysed = trace_events("checkin_analysed");
    ASSERT_EQ(analysed.size(), 1u);
    EXPECT_EQ(analysed[0]["answers"][0]["layer"], "outer");
    EXPECT_EQ(analysed[0]["answers"][1]["layer"], "inner");
    const std::string trace = read_file(dir_ / "trace.jsonl");
    EXPECT_EQ(trace.find("lonely"), std::string::npos) << "the user's words reached the trace";
    EXPECT_EQ(trace.find("gym"), std::string::npos) << "the user's words reached the trace";

    // Back to the answers, still there; Done goes home.
    click_item("checkin:edit");
    EXPECT_FALSE(app->checkin.reflecting);
    EXPECT_EQ(app->checkin.answers[1], kInner);
    press(kEnter, true);
    click_item("checkin:done");
    EXPECT_EQ(app->page, Page::Home);
}

TEST_F(CheckinTest, HomePageAndFreeBox) {
    frames(2);
    click_item("home:checkin");
    ASSERT_EQ(app->page, Page::CheckIn);
    click_item("checkin:free-box");
    ASSERT_TRUE(app->checkin.free_box);
    frames(2);
    EXPECT_EQ(active_box(), "checkin:free");
    EXPECT_EQ(item("checkin:answer:mad"), nullptr);
    type("Work was long. I was furious at the printer, and then so relieved to be home.");
    ASSERT_TRUE(app->checkin.free_reading.result);
    EXPECT_EQ(app->checkin.free_reading.result->layer, Layer::Inner);
    press(kEnter, true);
    ASSERT_TRUE(app->checkin_reflection);
    ASSERT_EQ(app->checkin_reflection->answers.size(), 1u);
    EXPECT_EQ(app->checkin_reflection->answers[0].question, kCheckinFreeId);
    EXPECT_EQ(app->checkin_reflection->inner, 1);
    // Esc leaves the page; the check-in stays for this run.
    frames(2);
    press(kEscape);
    EXPECT_EQ(app->page, Page::Home);
    EXPECT_TRUE(app->checkin_reflection);
}

TEST_F(CheckinTest, WithoutDisclosureCriteriaItIsAJournal) {
    // As at startup when the file is broken: nothing loaded, the problem listed.
    app->disclosure.reset();
    app->disclosure_criteria.reset();
    app->apply_disclosure(load_disclosure_text("broken-disclosure.json", "{\"criteria\": 3}",
                                               *app->criteria));
    ASSERT_FALSE(app->disclosure);
    bool listed = false;
    for (const Diagnostic& d : app->problems()) {
        listed = listed || d.file == "broken-disclosure.json";
    }
    EXPECT_TRUE(listed) << "the disclosure problem is not in the Problems panel";

    open_from_menu();
    EXPECT_NE(item("checkin:unavailable"), nullptr);
    type(kInner);
    EXPECT_FALSE(app->checkin.readings[0].result);
    EXPECT_EQ(item("checkin:answer:mad:feedback"), nullptr);
    press(kEnter, true);
    ASSERT_TRUE(app->checkin_reflection);
    EXPECT_FALSE(app->checkin_reflection->analysed);
    EXPECT_EQ(app->checkin_reflection->answers.size(), 1u);
    EXPECT_TRUE(app->checkin_inner_text.empty());
    EXPECT_EQ(trace_events("checkin_finished").size(), 1u);
}

// The window loads the disclosure criteria after its first frame, on a worker thread: the
// page says feedback is getting ready, then gives it once the load is installed.
TEST_F(CheckinTest, FeedbackArrivesFromTheBackgroundLoad) {
    app->disclosure.reset();
    app->disclosure_criteria.reset();
    std::atomic<bool> done{false};
    app->start_disclosure_load([&] { done = true; });
    ASSERT_TRUE(app->disclosure_loading());
    open_from_menu();
    if (!app->poll_loads()) {
        EXPECT_NE(item("checkin:loading"), nullptr);
        EXPECT_EQ(item("checkin:unavailable"), nullptr);
    }
    while (!app->poll_loads() && app->disclosure_loading()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_TRUE(done);
    ASSERT_TRUE(app->disclosure);
    frames(2);
    EXPECT_EQ(item("checkin:loading"), nullptr);
    type(kInner);
    frames(2);
    EXPECT_TRUE(app->checkin.readings[0].result);
}

TEST_F(CheckinTest, RealTalkGetsLiveFeedbackAndTheCheckin) {
    open_from_menu();
    press(kTab);
    type(kInner);
    press(kEnter, true);
    ASSERT_TRUE(app->checkin_reflection);

    app->start_couples("Sam", "Alex", false);
    app->page = Page::Couples;
    app->couples_start_real_talk();
    frames(3);
    EXPECT_EQ(item("couples:share-feedback"), nullptr) << "no feedback before anything is typed";
    click_item("couples:use-checkin");
    frames(2);
    const LayoutRecord* feedback = item("couples:share-feedback");
    ASSERT_NE(feedback, nullptr);
    EXPECT_GT(feedback->min.y, item("couples:share")->min.y) << "feedback goes under the box";
    press(kEnter, true); // share and pass the keyboard
    ASSERT_TRUE(app->couples->round());
    EXPECT_EQ(app->couples->round()->partner_says, kInner);
}

TEST_F(CheckinTest, RealTalkWithoutACheckinHasNoButton) {
    app->start_couples("Sam", "Alex", false);
    app->page = Page::Couples;
    app->couples_start_real_talk();
    frames(3);
    EXPECT_EQ(item("couples:use-checkin"), nullptr);
    type("My sister took over the wedding planning.");
    const LayoutRecord* feedback = item("couples:share-feedback");
    ASSERT_NE(feedback, nullptr);
}

TEST_F(CheckinTest, TabReachesBoxesScrolledOutOfView) {
    resize(800, 600);
    open_from_menu();
    for (std::size_t i = 0; i + 1 < kCheckinQuestionCount; ++i) {
        type(kInner);
        press(kTab);
        frames(2);
        EXPECT_EQ(active_box(), std::string("checkin:answer:") + kCheckinQuestions[i + 1].id);
    }
    type(kOuter);
    EXPECT_EQ(app->checkin.answers.back(), kOuter);
    const LayoutRecord* heart = item("checkin:answer:heart");
    ASSERT_NE(heart, nullptr);
    EXPECT_LT(heart->min.y, heart->clip_max.y) << "the last box is not in view";
}

class CheckinLayoutTest : public UiTest, public ::testing::WithParamInterface<ImVec2> {};

TEST_P(CheckinLayoutTest, QuestionsFeedbackAndReflectionFit) {
    const ImVec2 size = GetParam();
    resize(size.x, size.y);
    click_item("home:checkin");
    frames(2);
    expect_clean_layout(layout, size, "check-in, empty");
    type(kOuter);
    press(kTab);
    type("I felt so lonely when nobody called, and I feel like he should have called me back "
         "before the weekend.");
    frames(2);
    expect_clean_layout(layout, size, "check-in, typed");
    EXPECT_NE(item("checkin:answer:sad:feedback"), nullptr);
    press(kEnter, true);
    frames(2);
    expect_clean_layout(layout, size, "check-in reflection");
    click_item("checkin:new");
    click_item("checkin:free-box");
    type("I went to work. Honestly I was so anxious before the meeting.");
    frames(2);
    expect_clean_layout(layout, size, "check-in, free box");
}

TEST_P(CheckinLayoutTest, ProjectorFontStillFits) {
    const ImVec2 size = GetParam();
    app->settings().font_size = 36;
    app->fonts = load_fonts_for_test(36);
    resize(size.x, size.y);
    // The menu bar folds the check-in into "Modes" when it has no room for its own item.
    if (size.x < 1000) {
        EXPECT_NE(item("menu:modes"), nullptr);
        click_item("menu:modes");
        frames(2);
    }
    click_item("menu:checkin");
    frames(3);
    ASSERT_EQ(app->page, Page::CheckIn);
    expect_clean_layout(layout, size, "check-in at 36 px");
    type(kInner);
    frames(2);
    expect_clean_layout(layout, size, "check-in typed at 36 px");
}

INSTANTIATE_TEST_SUITE_P(Sizes, CheckinLayoutTest,
                         ::testing::Values(ImVec2(800, 600), ImVec2(3840, 2160)),
                         [](const auto& info) {
                             return std::to_string(static_cast<int>(info.param.x)) + "x" +
                                    std::to_string(static_cast<int>(info.param.y));
                         });

} // namespace et::ui::test
