// The learned cues: the words they cut, the table they read (and the place of every problem
// in it), the sums they make, and how the criteria file and the scorer use them.
#include "core/criteria.hpp"
#include "core/learned_cues.hpp"
#include "core/scorer.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace et {
namespace {

using ::testing::HasSubstr;
using test::load_default_criteria_with;

const char* kTable = "# a comment\n"
                     "sequence\tdismissing\tmaking_it_about_you\n"
                     "(prior)\t-2\t-2.5\n"
                     "you always\t3.5\t0\n"
                     "always\t1\t0\n"
                     "my mum's\t0\t4.25\n"
                     "we\t0\t1.5\n";

LearnedCues table(const std::string& text = kTable) {
    LearnedCues cues;
    const auto problem = read_cue_table("t.tsv", text, cues);
    EXPECT_FALSE(problem) << (problem ? problem->to_string() : "");
    cues.thresholds = {2, 2.5};
    return cues;
}

std::string table_error(const std::string& text) {
    LearnedCues cues;
    const auto problem = read_cue_table("t.tsv", text, cues);
    EXPECT_TRUE(problem) << text;
    EXPECT_TRUE(cues.empty());
    return problem ? problem->to_string() : "";
}

TEST(LearnedCues, WordsFoldCaseAndCurlyApostrophes) {
    const std::string text = "Don\u2019t YOU  dare, ok?";
    const CueWords w = cue_words(text);
    EXPECT_EQ(w.joined, "don't you dare ok");
    ASSERT_EQ(w.words.size(), 4u);
    EXPECT_EQ(text.substr(w.words[0].text_begin, w.words[0].text_end - w.words[0].text_begin),
              "Don\u2019t");
    EXPECT_EQ(w.run(1, 2), "you dare");
    EXPECT_TRUE(cue_words("\u00e9t\u00e9 !").words.size() == 1); // "t" between the accented letters
}

// The table's sequences are cut by the trainer (tests/tools/train_cues.py); a response cut
// otherwise here would look up sequences the table never has.
TEST(LearnedCues, WordsAreCutAsTheTrainerCutsThem) {
#ifndef ET_PYTHON
    GTEST_SKIP() << "no Python to run the trainer";
#else
    std::vector<std::string> texts = {
        "I\u2019m SO sorry\u2018 you\u2019re dealing with this!!", "don't-worry,it'll be FINE",
        "caf\u00e9 na\u00efve \u00c9T\u00c9 \u0130stanbul 3rd 10pm", "   ", "",
        "tab\tand\nnewline", "emoji \U0001F600 between", "end with \u2019",
        "\u02bcmodifier letter apostrophe\u02bc", "a\u2019\u2019b '' ' x"};
    namespace fs = std::filesystem;
    for (const auto& entry : fs::recursive_directory_iterator(test::data_path("scoring"))) {
        if (entry.path().extension() == ".jsonl") {
            test::for_each_json_line(entry.path().string(), [&](const nlohmann::json& row, int) {
                texts.push_back(row.at("response").get<std::string>());
            });
        }
    }
    const fs::path in = fs::temp_directory_path() / "et-cue-words-in.jsonl";
    const fs::path out = fs::temp_directory_path() / "et-cue-words-out.jsonl";
    {
        std::ofstream file(in);
        for (const auto& text : texts) {
            file << nlohmann::json(text).dump() << "\n";
        }
    }
    const std::string command = std::string(ET_PYTHON) + " " +
                                test::source_path("tests/tools/train_cues.py") + " --words " +
                                in.string() + " " + out.string();
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream cut(out);
    std::string line;
    std::size_t compared = 0;
    int shown = 0;
    for (const auto& text : texts) {
        ASSERT_TRUE(std::getline(cut, line)) << "the trainer cut fewer texts than it was given";
        const auto trainer = nlohmann::json::parse(line).get<std::string>();
        if (trainer != cue_words(text).joined && shown++ < 5) {
            ADD_FAILURE() << "\"" << text << "\": the trainer cuts \"" << trainer
                          << "\", the scorer \"" << cue_words(text).joined << "\"";
        }
        ++compared;
    }
    EXPECT_GT(compared, 20000u);
    fs::remove(in);
    fs::remove(out);
#endif
}

TEST(LearnedCues, ReadsATable) {
    const LearnedCues cues = table();
    ASSERT_EQ(cues.mistakes,
              (std::vector<Mistake>{Mistake::Dismissing, Mistake::MakingItAboutYou}));
    EXPECT_EQ(cues.priors, (std::vector<float>{-2, -2.5}));
    EXPECT_EQ(cues.rows(), 4u);
    ASSERT_TRUE(cues.find("my mum's"));
    EXPECT_FLOAT_EQ(cues.weights[*cues.find("my mum's") * 2 + 1], 4.25f);
    EXPECT_FALSE(cues.find("you"));
}

TEST(LearnedCues, FlagsAMistakeWhenTheSumPassesItsThreshold) {
    const LearnedCues cues = table();
    // dismissing: -2 + 3.5 ("you always") + 1 ("always") = 2.5 > 2; the other column -2.5.
    const std::string text = "Honestly, YOU ALWAYS do this.";
    const auto found = find_cue_mistakes(cues, text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].mistake, Mistake::Dismissing);
    EXPECT_FLOAT_EQ(found[0].sum, 2.5f);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
              "YOU ALWAYS"); // the weightiest words
    // A sequence counts once however often it comes: -2.5 + 4.25 = 1.75, not 6.
    EXPECT_TRUE(find_cue_mistakes(cues, "my mum's, my mum's!").empty());
    // Both pass (-2.5 + 4.25 + 1.5 = 3.25 > 2.5; -2 + 3.5 + 1 = 2.5 > 2), in the order of
    // kAllMistakes.
    const auto both = find_cue_mistakes(cues, "We and my mum\u2019s... you always");
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].mistake, Mistake::MakingItAboutYou);
    EXPECT_EQ(both[1].mistake, Mistake::Dismissing);
    EXPECT_TRUE(find_cue_mistakes(LearnedCues{}, "you always").empty());
}

TEST(LearnedCues, TableProblemsAreLocated) {
    EXPECT_THAT(table_error(""), HasSubstr("t.tsv: the table is empty"));
    EXPECT_THAT(table_error("words\tdismissing\n"), HasSubstr("t.tsv:1:1: expected the header"));
    EXPECT_THAT(table_error("sequence\tdismissing\tfixin\n"),
                HasSubstr("t.tsv:1:21: \"fixin\" is not a mistake id"));
    EXPECT_THAT(table_error("sequence\tfixing\tfixing\n"),
                HasSubstr("t.tsv:1:17: \"fixing\" is a column twice"));
    EXPECT_THAT(table_error("sequence\tfixing\nyou\t1\n"),
                HasSubstr("t.tsv:2:1: expected the \"(prior)\" row"));
    LearnedCues rowless;
    EXPECT_FALSE(read_cue_table("t.tsv", "sequence\tfixing\n(prior)\t-1\n", rowless));
    EXPECT_EQ(rowless.rows(), 0u);
}

TEST(LearnedCues, RowProblemsAreLocated) {
    const std::string head = "sequence\tfixing\tdismissing\n(prior)\t-1\t-1\n";
    EXPECT_THAT(table_error(head + "you should\t1\tx2\n"),
                HasSubstr("t.tsv:3:14: \"x2\" is not a weight"));
    EXPECT_THAT(table_error(head + "you should\t1.\t2\n"),
                HasSubstr("t.tsv:3:12: \"1.\" is not a weight"));
    EXPECT_THAT(table_error(head + "you should\t1\n"),
                HasSubstr("t.tsv:3:1: expected 2 weights (one per mistake), got 1"));
    EXPECT_THAT(table_error(head + "You should\t1\t2\n"),
                HasSubstr("is not one to three lower-case words"));
    EXPECT_THAT(table_error(head + "you  should\t1\t2\n"),
                HasSubstr("is not one to three lower-case words"));
    EXPECT_THAT(table_error(head + "a b c d\t1\t2\n"),
                HasSubstr("is not one to three lower-case words"));
    EXPECT_THAT(table_error(head + "you\t1\t2\r\nyou\t3\t4\r\n"),
                HasSubstr("t.tsv:4:1: \"you\" is given twice"));
}

CriteriaLoad load_without_cues() {
    std::string text = test::default_criteria_text();
    const auto begin = text.find("\n  \"learned_cues\": {");
    const auto end = text.find("\n  },", begin + 1);
    EXPECT_NE(end, std::string::npos);
    text.erase(begin, end + 5 - begin);
    return test::load_criteria_beside_default(std::move(text));
}

// The first error of a load that must have been refused.
std::string first_error(const CriteriaLoad& load) {
    EXPECT_FALSE(load.criteria);
    return test::first_error(load);
}

TEST(LearnedCuesCriteria, TheDefaultHasThem) {
    const Criteria& c = test::default_criteria();
    ASSERT_FALSE(c.learned_cues.empty());
    EXPECT_GT(c.learned_cues.rows(), 1000u);
    EXPECT_EQ(c.learned_cues.thresholds.size(), c.learned_cues.mistakes.size());
    EXPECT_FALSE(c.learned_cues.explain.empty());
    const auto without = load_without_cues();
    ASSERT_TRUE(without.criteria);
    EXPECT_TRUE(without.criteria->learned_cues.empty());
}

TEST(LearnedCuesCriteria, ProblemsAreLocatedAndRefuseTheFile) {
    EXPECT_THAT(
        first_error(load_default_criteria_with("\"table\": \"default-cues.tsv\"", "\"table\": \"nope.tsv\"")),
        HasSubstr("learned_cues.table: cannot read the cue table"));
    const std::string wrong_column =
        first_error(load_default_criteria_with("\"hijacking\": 12.0", "\"i_understand\": 12"));
    EXPECT_THAT(
        wrong_column,
        HasSubstr("learned_cues.thresholds.i_understand: \"i_understand\" is not a column"));
    EXPECT_THAT(first_error(load_default_criteria_with("\"dismissing\": 3.0", "\"dismissing\": \"3\"")),
                HasSubstr("learned_cues.thresholds.dismissing: expected a number, got a string"));
    const auto misspelt = load_default_criteria_with("\"dismissing\": 3.0", "\"dismissin\": 3");
    EXPECT_THAT(first_error(misspelt), HasSubstr("\"dismissin\" is not a column"));
    ASSERT_EQ(misspelt.problems.size(), 2u);
    EXPECT_THAT(misspelt.problems[1].to_string(),
                HasSubstr("missing a threshold for \"dismissing\""));
}

TEST(LearnedCuesCriteria, SilencersAreKnownLevelOneCriteria) {
    EXPECT_THAT(first_error(load_default_criteria_with("\"perspective\"\n      ]", "\"perspectiv\"\n      ]")),
                HasSubstr("learned_cues.silenced_by.hijacking[0]: no level_one criterion has the "
                          "id \"perspectiv\""));
    EXPECT_THAT(first_error(load_default_criteria_with("\"silenced_by\": {\n      \"hijacking\"",
                                        "\"silenced_by\": {\n      \"fixing\"")),
                HasSubstr("learned_cues.silenced_by.fixing: \"fixing\" is not a column"));
}

TEST(LearnedCuesCriteria, ABrokenTableIsNamedAtItsLine) {
    const auto dir = std::filesystem::temp_directory_path() / "et-cues-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "broken.tsv")
        << "sequence\tdismissing\tmaking_it_about_you\thijacking\tfixing\t"
           "problem_solving_question\n(prior)\t-2\t-2\t-2\t-2\t-2\nyou always\t1\t2\n";
    std::string text = test::default_criteria_text();
    const std::string from = "\"table\": \"default-cues.tsv\"";
    text.replace(text.find(from), from.size(), "\"table\": \"broken.tsv\"");
    const auto load = load_criteria_text((dir / "copy.json").string(), text);
    EXPECT_THAT(first_error(load),
                HasSubstr("broken.tsv:3:1: expected 5 weights (one per mistake), got 2"));
    std::filesystem::remove_all(dir);
}

ScoringStep friend_step() {
    ScoringStep s;
    s.partner_name = "Sam";
    s.partner_says = "Jess and I had a fight and now she won't answer my texts.";
    s.feelings = {"anxious", "hurt"};
    return s;
}

TEST(LearnedCuesScoring, SpeakOnlyWhenThePatternsFindNoMistake) {
    const Criteria& c = test::default_criteria();
    const Scorer scorer(c);
    // No pattern of the default criteria knows this one; its wording is the listener's evening.
    const std::string r = "so I guess you won\u2019t be up for doing the food shop later then";
    const Score s = scorer.score(friend_step(), r);
    ASSERT_EQ(s.mistakes, std::vector<Mistake>{Mistake::MakingItAboutYou});
    const auto cue = std::find_if(s.matches.begin(), s.matches.end(),
                                  [](const Match& m) { return m.criterion == "learned_cues"; });
    ASSERT_NE(cue, s.matches.end());
    EXPECT_EQ(cue->kind, MatchKind::Mistake);
    EXPECT_EQ(cue->mistake, Mistake::MakingItAboutYou);
    EXPECT_EQ(cue->explain, c.learned_cues.explain);
    EXPECT_LT(cue->begin, cue->end);
    EXPECT_LE(cue->end, r.size());
    EXPECT_FALSE(s.avoid.empty());
    // The same answer under the same criteria without the cues is clean...
    const auto without = load_without_cues();
    ASSERT_TRUE(without.criteria);
    EXPECT_TRUE(Scorer(*without.criteria).score(friend_step(), r).mistakes.empty());
    // Imagining their position is not hijacking, whatever its words weigh.
    const Score perspective = scorer.score(
        friend_step(), "I'd be raging too if my aunt said that to me in front of everyone");
    EXPECT_EQ(perspective.level, 1);
    EXPECT_TRUE(perspective.mistakes.empty());
    // ... and after a pattern's finding the cues add nothing.
    const Score fixing = scorer.score(
        friend_step(),
        "You should just text her. I guess you won't be up for the food shop later then");
    EXPECT_TRUE(std::none_of(fixing.matches.begin(), fixing.matches.end(),
                             [](const Match& m) { return m.criterion == "learned_cues"; }));
}

} // namespace
} // namespace et
