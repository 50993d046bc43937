// The Handout: golden files, every bundled choice present, escaping that survives hostile text.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/handout.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"
#include "test_support.hpp"

namespace et {
namespace {

using test::source_path;

const Scorer& scorer() { return test::default_scorer(); }

Scenario load(const std::string& path) { return test::load_scenario_or_abort(path); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Written independently of the handout's own escaping, so the two check each other.
std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string markdown_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string("\\`*_[]<>&#|~").find(c) != std::string::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string without_marks(const std::string& html) {
    static const std::regex mark("</?mark[^>]*>");
    return std::regex_replace(html, mark, "");
}

std::string without_markdown_marks(std::string md) {
    for (const char* marker : {"*\\[", "\\]*", "**"}) {
        for (std::size_t at; (at = md.find(marker)) != std::string::npos;) {
            md.erase(at, std::string(marker).size());
        }
    }
    return md;
}

// On a mismatch: the first differing line, and the commands to see the whole diff and to
// accept the new output. ET_UPDATE_GOLDEN=1 rewrites the golden file instead of failing.
void expect_golden(const std::string& actual, const std::string& name) {
    const std::string golden = test::data_path("handout/" + name);
    if (const char* update = std::getenv("ET_UPDATE_GOLDEN"); update && *update == '1') {
        std::ofstream(golden, std::ios::binary) << actual;
        std::cout << "updated " << golden << '\n';
        return;
    }
    const std::string expected = read_file(golden);
    if (expected == actual) {
        return;
    }
    const std::string actual_path = testing::TempDir() + "actual-" + name;
    std::ofstream(actual_path, std::ios::binary) << actual;
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 0;
    while (true) {
        ++line;
        const bool more_e = static_cast<bool>(std::getline(e, el));
        const bool more_a = static_cast<bool>(std::getline(a, al));
        if (!more_e && !more_a) {
            break;
        }
        if (!more_e || !more_a || el != al) {
            break;
        }
    }
    ADD_FAILURE() << "the handout differs from " << golden << " at line " << line << "\n"
                  << "  expected: " << (e ? el : "<end of file>") << "\n"
                  << "  actual:   " << (a ? al : "<end of file>") << "\n"
                  << "see it all: diff -u '" << golden << "' '" << actual_path << "'\n"
                  << "if the change is intended: ET_UPDATE_GOLDEN=1 ctest -R HandoutGolden "
                  << "(or tests/tools/update_handout_golden.sh BUILD_DIR)";
}

TEST(HandoutGolden, FearFriendFightHtml) {
    const Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    expect_golden(render_handout(s, scorer(), {HandoutFormat::Html, PaperSize::Auto}),
                  "fear-friend-fight.html");
}

TEST(HandoutGolden, FearFriendFightMarkdown) {
    const Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    expect_golden(render_handout(s, scorer(), {HandoutFormat::Markdown, PaperSize::Auto}),
                  "fear-friend-fight.md");
}

TEST(Handout, EveryBundledChoiceAppearsEscaped) {
    const LibraryLoad library = load_scenario_folder(source_path("scenarios"));
    ASSERT_GE(library.scenarios.size(), 20u);
    for (const Scenario& s : library.scenarios) {
        const std::string html = without_marks(render_handout(s, scorer()));
        const std::string md =
            without_markdown_marks(render_handout(s, scorer(), {HandoutFormat::Markdown}));
        EXPECT_NE(html.find("<h1>" + html_escaped(s.title) + "</h1>"), std::string::npos) << s.id;
        for (const Step& step : s.steps) {
            EXPECT_NE(html.find(html_escaped(step.partner_says)), std::string::npos) << s.id;
            for (const Choice& choice : step.choices) {
                EXPECT_NE(html.find(html_escaped(choice.text)), std::string::npos)
                    << s.id << ": " << choice.text;
                EXPECT_NE(html.find(html_escaped(choice.why)), std::string::npos) << s.id;
                EXPECT_NE(md.find(markdown_escaped(choice.text)), std::string::npos)
                    << s.id << ": " << choice.text;
            }
        }
    }
}

// A scenario with markup, quotes and ampersands in every text a handout shows.
TEST(HandoutEscaping, HostileTextIsShownNotRun) {
    const Scenario s = load(test::data_path("handout/hostile.json"));
    const std::string html = render_handout(s, scorer());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<SCRIPT"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    // Every element is one the handout writes itself.
    const std::set<std::string> allowed = {"!DOCTYPE", "html", "head", "meta", "title", "style",
                                           "body", "header", "h1", "h2", "h3", "p", "section",
                                           "span", "mark", "ul", "ol", "li", "blockquote",
                                           "div", "a", "footer"};
    static const std::regex tag("</?([A-Za-z!][A-Za-z0-9]*)");
    const std::sregex_iterator end;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != end; ++it) {
        EXPECT_TRUE(allowed.count((*it)[1].str())) << "unexpected element " << (*it)[0].str();
    }
    const std::string stripped = without_marks(html);
    for (const std::string& text :
         {s.title, s.summary, s.partner.name, s.partner.relationship, s.partner.card[0].text,
          s.steps[0].partner_says, s.steps[0].feelings[1], s.steps[0].choices[0].text,
          s.steps[0].choices[0].why, s.steps[0].choices[1].text, s.steps[0].choices[1].why}) {
        EXPECT_NE(stripped.find(html_escaped(text)), std::string::npos) << text;
    }
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("Tom &amp; Jerry&#39;s &quot;big&quot;"), std::string::npos);
}

// The engine's byte spans are on the raw text; escaping must not shift the highlight.
TEST(HandoutEscaping, HighlightsStayOnTheirWords) {
    const Scenario s = load(test::data_path("handout/hostile.json"));
    const std::string html = render_handout(s, scorer());
    const Step& step = s.steps[0];
    const auto prepared = scorer().prepare(scoring_step(s, step));
    for (const Choice& choice : step.choices) {
        const Score score = scorer().score(*prepared, choice.text);
        ASSERT_FALSE(score.matches.empty()) << choice.text;
        const Match& first = score.matches.front();
        // The paragraph opens with the escaped text before the first match, then its mark.
        const std::string opening = "<p class=\"response\">" +
                                    html_escaped(choice.text.substr(0, first.begin)) + "<mark";
        const std::size_t at = html.find(opening);
        ASSERT_NE(at, std::string::npos) << opening;
        const std::size_t words = html.find('>', at + opening.size()) + 1;
        const std::string matched =
            html_escaped(choice.text.substr(first.begin, first.end - first.begin));
        const std::string rest =
            without_marks(html.substr(words, html.find("</p>", words) - words));
        EXPECT_EQ(rest.substr(0, matched.size()), matched);
    }
    EXPECT_NE(html.find("<mark class=\"mistake\" title=\"Fixing: you_should\">You should</mark>"),
              std::string::npos);
}

TEST(HandoutEscaping, MarkdownSpecialCharactersAreEscaped) {
    const Scenario s = load(test::data_path("handout/hostile.json"));
    const std::string md = render_handout(s, scorer(), {HandoutFormat::Markdown});
    // Every angle bracket is escaped, so no renderer sees an element.
    for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
        EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at, 20);
    }
    EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
    EXPECT_NE(md.find("\\*Really\\* \\[annoyed\\] \\# \\_now\\_ \\| \\`ok\\` \\~"),
              std::string::npos);
    EXPECT_NE(md.find("# Tom \\& Jerry's \"big\" \\<script\\>"), std::string::npos);
    EXPECT_NE(md.find("*\\[You should\\]*"), std::string::npos);
}

TEST(Handout, SaysWhenTheAuthorRatesAChoiceDifferently) {
    Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    const std::string agreed = render_handout(s, scorer());
    EXPECT_EQ(agreed.find("author rates it"), std::string::npos);
    Choice& choice = s.steps[0].choices[3]; // "You're overreacting": dismissing, level 0
    choice.level = 1;
    choice.mistakes = {Mistake::Dismissing, Mistake::Fixing};
    const std::string html = render_handout(s, scorer());
    EXPECT_NE(html.find("The scenario's author rates it Level One with Dismissing, Fixing."),
              std::string::npos);
    const std::string md = render_handout(s, scorer(), {HandoutFormat::Markdown});
    EXPECT_NE(md.find("*The scenario's author rates it Level One with Dismissing, Fixing.*"),
              std::string::npos);
}

TEST(Handout, AResponseTheEngineRefusesSaysSo) {
    Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    s.steps[0].choices[0].text = std::string(kMaxResponseBytes + 1, 'a');
    const std::string html = render_handout(s, scorer());
    EXPECT_NE(html.find("<span class=\"level level-0\">Not rated</span> "), std::string::npos);
    const std::string md = render_handout(s, scorer(), {HandoutFormat::Markdown});
    EXPECT_NE(md.find("1. **Not rated** · "), std::string::npos);
}

TEST(Handout, SaysWhereEachOutcomeLeads) {
    auto load = load_scenario_text("routes.json", R"({
        "id": "routes", "title": "Routes", "partner": {"name": "Ana"},
        "steps": [
            {"id": "a", "partner_says": "One.", "feelings": [], "next": {"default": "b"}},
            {"id": "b", "partner_says": "Two.", "feelings": [], "next": {"mistake": "a"}}
        ]})");
    ASSERT_TRUE(load.scenario);
    const std::string md = render_handout(*load.scenario, scorer(), {HandoutFormat::Markdown});
    EXPECT_NE(md.find("*Next:* after any answer, step 2 (b)."), std::string::npos) << md;
    // "missed" falls back to "mistake", as in practice.
    EXPECT_NE(md.find("*Next:* after Level Two or Level One, the conversation ends; after no "
                      "empathy or a mistake, step 1 (a)."),
              std::string::npos)
        << md;
    const std::string html = render_handout(*load.scenario, scorer());
    EXPECT_NE(html.find("<a href=\"#step-1\">step 1 (a)</a>"), std::string::npos);
    EXPECT_NE(html.find("id=\"step-1\""), std::string::npos);
}

TEST(Handout, LevelsReadAsWords) {
    EXPECT_STREQ(handout_level_name(0), "No empathy yet");
    EXPECT_STREQ(handout_level_name(1), "Level One");
    EXPECT_STREQ(handout_level_name(2), "Level Two");
}

TEST(Handout, ParsesFormatsAndPaperSizes) {
    EXPECT_EQ(parse_handout_format("html"), HandoutFormat::Html);
    EXPECT_EQ(parse_handout_format("md"), HandoutFormat::Markdown);
    EXPECT_FALSE(parse_handout_format("pdf"));
    EXPECT_EQ(parse_paper_size("a4"), PaperSize::A4);
    EXPECT_EQ(parse_paper_size("letter"), PaperSize::Letter);
    EXPECT_FALSE(parse_paper_size("A5"));
}

TEST(Handout, PaperSizeOnlyChangesThePageRule) {
    const Scenario s = load(source_path("scenarios/fear-friend-fight.json"));
    const std::string a4 = render_handout(s, scorer(), {HandoutFormat::Html, PaperSize::A4});
    const std::string letter =
        render_handout(s, scorer(), {HandoutFormat::Html, PaperSize::Letter});
    const std::string autosize = render_handout(s, scorer());
    EXPECT_NE(a4.find("size: A4"), std::string::npos);
    EXPECT_NE(letter.find("size: letter"), std::string::npos);
    EXPECT_EQ(autosize.find("size: A4"), std::string::npos);
    EXPECT_EQ(autosize.find("size: letter"), std::string::npos);
}

} // namespace
} // namespace et
