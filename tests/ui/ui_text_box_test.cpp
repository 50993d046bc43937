// The wrapping text box: long answers wrap at the box's width while the text itself never
// gains a line break; editing across a wrap point does what a person means.
#include "ui/text_box.hpp"
#include "ui_fixture.hpp"

#include <imgui_internal.h>
#include <string>

namespace et::ui::test {
namespace {

const std::string kLong =
    "That sounds really lonely and confusing, especially after all the years you two have "
    "known each other and everything you went through together at school and after it.";

std::vector<std::string> lines_of(const std::string& display) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const std::size_t nl = display.find('\n', from);
        out.push_back(
            display.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
        if (nl == std::string::npos) {
            return out;
        }
        from = nl + 1;
    }
}

class TextBoxTest : public UiTest {
protected:
    void open_answer_box() {
        frames(2);
        click_item("scenario:fear-friend-fight");
        frames(3); // the answer box takes the keyboard when the step opens
        ASSERT_EQ(ImGui::GetActiveID() != 0, true) << "the answer box does not have the keyboard";
    }
    const WrappedText& shown() {
        const WrappedText* w = wrapped_display_of(app->draft);
        EXPECT_NE(w, nullptr);
        static const WrappedText none;
        return w != nullptr ? *w : none;
    }
    float box_text_width() const {
        const LayoutRecord* box = item("practice:answer");
        EXPECT_NE(box, nullptr);
        const ImGuiStyle& style = ImGui::GetStyle();
        return box == nullptr
                   ? 0
                   : box->max.x - box->min.x - style.FramePadding.x * 2 - style.ScrollbarSize;
    }
};

// [SECTION] Wrapping as a function

TEST_F(TextBoxTest, WrapsAtSpacesAndGivesTheTextBackUnchanged) {
    frames(1);
    ImFont& font = *ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float width = ImGui::CalcTextSize("That sounds really lonely and").x;
    const WrappedText w = wrap_text(kLong, font, size, width);
    ASSERT_GE(w.breaks.size(), 3u);
    EXPECT_EQ(w.text(), kLong);
    for (const std::string& line : lines_of(w.display)) {
        // Trailing spaces may hang past the edge; the words never do.
        const std::string words = line.substr(0, line.find_last_not_of(' ') + 1);
        EXPECT_LE(ImGui::CalcTextSize(words.c_str()).x, width + 0.5f) << line;
    }
    for (std::size_t b : w.breaks) {
        ASSERT_GT(b, 0u);
        EXPECT_EQ(w.display[b - 1], ' ') << "a break inside a word: " << w.display.substr(0, b);
    }
}

TEST_F(TextBoxTest, KeepsTheTextsOwnLineBreaksAndCutsAWordLongerThanALine) {
    frames(1);
    ImFont& font = *ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const std::string text = "first line\n\nsupercalifragilisticexpialidocious\nlast";
    const float width = ImGui::CalcTextSize("supercali").x;
    const WrappedText w = wrap_text(text, font, size, width);
    EXPECT_EQ(w.text(), text);
    ASSERT_FALSE(w.breaks.empty());
    EXPECT_NE(w.display.find("\n\n"), std::string::npos) << "the empty line between paragraphs";
    for (const std::string& line : lines_of(w.display)) {
        EXPECT_LE(ImGui::CalcTextSize(line.c_str()).x, width + 0.5f) << line;
    }
    // An emoji-heavy line wraps between characters, never inside one.
    const std::string emoji =
        "\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2";
    const WrappedText e = wrap_text(emoji, font, size, ImGui::CalcTextSize("ab").x);
    EXPECT_EQ(e.text(), emoji);
    for (std::size_t b : e.breaks) {
        EXPECT_NE(static_cast<unsigned char>(e.display[b + 1]) & 0xC0, 0x80u)
            << "cut inside a character";
    }
}

TEST_F(TextBoxTest, PositionsMapBetweenTextAndDisplay) {
    frames(1);
    const WrappedText w = wrap_text(kLong, *ImGui::GetFont(), ImGui::GetFontSize(),
                                    ImGui::CalcTextSize("That sounds really lonely").x);
    ASSERT_FALSE(w.breaks.empty());
    for (std::size_t t = 0; t <= kLong.size(); ++t) {
        const std::size_t d = w.to_display(t);
        ASSERT_LE(d, w.display.size());
        EXPECT_EQ(w.to_text(d), t);
        if (t < kLong.size()) {
            EXPECT_EQ(w.display[d], kLong[t]) << "at " << t;
        }
    }
    // At a wrap point the cursor shows at the start of the next line.
    const std::size_t b = w.breaks.front();
    EXPECT_EQ(w.to_display(b), b + 1);
}

// [SECTION] The answer box, typed into

TEST_F(TextBoxTest, ALongAnswerWrapsInTheBoxAndIsSentWithoutBreaks) {
    open_answer_box();
    type(kLong);
    EXPECT_EQ(app->draft, kLong);
    const WrappedText& w = shown();
    EXPECT_GE(w.breaks.size(), 1u) << "the answer did not wrap";
    EXPECT_EQ(w.text(), kLong);
    for (const std::string& line : lines_of(w.display)) {
        const std::string words = line.substr(0, line.find_last_not_of(' ') + 1);
        EXPECT_LE(ImGui::CalcTextSize(words.c_str()).x, box_text_width()) << line;
    }
    press(kEnter, true);
    ASSERT_NE(app->session->current(), nullptr);
    EXPECT_EQ(app->session->current()->response, kLong);
}

TEST_F(TextBoxTest, BackspaceAtTheStartOfAWrappedLineJoinsTheWords) {
    open_answer_box();
    type(kLong);
    const WrappedText& w = shown();
    ASSERT_FALSE(w.breaks.empty());
    // The cursor to the start of the second line, as a person would get it there.
    const std::size_t second_line = w.to_text(w.breaks.front() + 1);
    press(kHome, true);
    press(kDown);
    press(kHome);
    press(kBackspace);
    std::string expected = kLong;
    expected.erase(second_line - 1, 1); // the space before the first word of that line
    EXPECT_EQ(app->draft, expected);
    type("_");
    expected.insert(second_line - 1, "_");
    EXPECT_EQ(app->draft, expected) << "the cursor is not where the space was";
}

TEST_F(TextBoxTest, DeleteAtTheEndOfAWrappedLineTakesTheNextCharacter) {
    open_answer_box();
    type(kLong);
    const WrappedText& w = shown();
    ASSERT_FALSE(w.breaks.empty());
    const std::size_t break_text = w.to_text(w.breaks.front());
    press(kHome, true); // the very start
    press(kDown);
    press(kHome); // start of the second line, then one left: the end of the first
    press(kLeft);
    press(kDelete);
    std::string expected = kLong;
    expected.erase(break_text, 1);
    EXPECT_EQ(app->draft, expected);
}

TEST_F(TextBoxTest, EnterKeepsALineBreakOfThePersonsOwn) {
    open_answer_box();
    type("That sounds hard.");
    press(kEnter);
    type("I'm here.");
    EXPECT_EQ(app->draft, "That sounds hard.\nI'm here.");
}

TEST_F(TextBoxTest, TextChangedByTheAppWhileTheBoxHasTheKeyboardIsShown) {
    open_answer_box();
    type(kLong);
    app->draft = "Start again";
    frames(2);
    EXPECT_EQ(shown().display, "Start again");
    type(".");
    EXPECT_EQ(app->draft, "Start again.") << "the cursor should be at the end of the new text";
}

TEST_F(TextBoxTest, ANarrowerWindowRewrapsWhileTyping) {
    open_answer_box();
    type(kLong);
    const std::size_t wide_breaks = shown().breaks.size();
    resize(800, 600);
    frames(3);
    EXPECT_GT(shown().breaks.size(), wide_breaks);
    EXPECT_EQ(shown().text(), kLong);
    type("!");
    EXPECT_EQ(app->draft, kLong + "!");
}

} // namespace
} // namespace et::ui::test
