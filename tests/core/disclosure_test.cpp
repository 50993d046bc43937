// The disclosure analyser: the labelled table, held-out agreement, spans, feedback, and the
// loader's refusal of a bad criteria file.
#include "core/disclosure.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace et {
namespace {

Disclosure analyse(std::string_view text) {
    return DisclosureAnalyser(test::default_disclosure_criteria()).analyse(text);
}

std::set<std::string> emotion_ids(const std::vector<CoreEmotion>& emotions) {
    std::set<std::string> out;
    for (CoreEmotion e : emotions) {
        out.insert(core_emotion_id(e));
    }
    return out;
}

struct LabelledStatement {
    std::string text;
    std::string layer;
    std::set<std::string> emotions;
    int line = 0;
};

std::vector<LabelledStatement> read_statements(const std::string& path) {
    std::vector<LabelledStatement> out;
    test::for_each_json_line(path, [&](const nlohmann::json& j, int number) {
        LabelledStatement s;
        s.text = j.at("text").get<std::string>();
        s.layer = j.at("layer").get<std::string>();
        for (const auto& e : j.at("emotions")) {
            s.emotions.insert(e.get<std::string>());
        }
        s.line = number;
        out.push_back(std::move(s));
    });
    return out;
}

// The labelled table the criteria are developed against: every statement must agree.
TEST(DisclosureTable, EveryLabelledStatementAgrees) {
    const auto cases = read_statements(test::data_path("disclosure/cases.jsonl"));
    ASSERT_GE(cases.size(), 60u);
    std::set<std::string> covered;
    for (const auto& c : cases) {
        const Disclosure d = analyse(c.text);
        EXPECT_EQ(layer_id(d.layer), c.layer) << "cases.jsonl:" << c.line << ": " << c.text;
        EXPECT_EQ(emotion_ids(d.emotions), c.emotions)
            << "cases.jsonl:" << c.line << ": " << c.text << " got "
            << test::describe(emotion_ids(d.emotions)) << " want " << test::describe(c.emotions);
        covered.insert(c.layer);
        covered.insert(c.emotions.begin(), c.emotions.end());
    }
    EXPECT_EQ(covered, (std::set<std::string>{"inner", "outer", "mad", "sad", "glad", "fear"}));
}

// Sets written before the criteria were measured on them: the analyser must generalise.
TEST(DisclosureTable, GeneralisesToHeldOutSets) {
    for (const char* set :
         {"disclosure/holdout.jsonl", "disclosure/holdout2.jsonl", "disclosure/holdout3.jsonl",
          "disclosure/holdout4.jsonl", "disclosure/holdout5.jsonl", "disclosure/holdout6.jsonl",
          "disclosure/holdout7.jsonl", "disclosure/holdout8.jsonl", "disclosure/holdout9.jsonl",
          "disclosure/holdout10.jsonl"}) {
        SCOPED_TRACE(set);
        const auto cases = read_statements(test::data_path(set));
        ASSERT_GE(cases.size(), 50u);
        int layer_ok = 0, emotions_ok = 0;
        for (const auto& c : cases) {
            const Disclosure d = analyse(c.text);
            layer_ok += layer_id(d.layer) == c.layer;
            emotions_ok += emotion_ids(d.emotions) == c.emotions;
        }
        const double n = static_cast<double>(cases.size());
        EXPECT_GE(layer_ok / n, 0.95);
        EXPECT_GE(emotions_ok / n, 0.90);
        RecordProperty(std::string(set) + ".layer", std::to_string(layer_ok / n));
        RecordProperty(std::string(set) + ".emotions", std::to_string(emotions_ok / n));
    }
}

TEST(Disclosure, MatchesPointAtTheWordsBehindEachJudgement) {
    const std::string text = "We watched a scary movie. My boss was angry. I was so anxious.";
    const Disclosure d = analyse(text);
    EXPECT_EQ(d.layer, Layer::Inner);
    EXPECT_EQ(emotion_ids(d.emotions), std::set<std::string>{"fear"});
    std::set<std::string> kinds;
    for (const DisclosureMatch& m : d.matches) {
        ASSERT_LE(m.begin, m.end);
        ASSERT_LE(m.end, text.size());
        kinds.insert(disclosure_kind_id(m.kind));
        if (m.kind == DisclosureKind::Feeling) {
            EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "I was so anxious");
            EXPECT_EQ(m.criterion, "i_am_feeling");
            EXPECT_FALSE(m.explain.empty());
        }
        if (m.kind == DisclosureKind::Thing) {
            EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "a scary movie");
        }
    }
    EXPECT_TRUE(kinds.count("thing") && kinds.count("other") && kinds.count("feeling"))
        << kinds.size();
}

TEST(Disclosure, NegatedFeelingsAreShownAsSuch) {
    const std::string text = "I wasn't upset at all.";
    const Disclosure d = analyse(text);
    EXPECT_EQ(d.layer, Layer::Outer);
    ASSERT_EQ(d.matches.size(), 1u);
    EXPECT_EQ(d.matches[0].kind, DisclosureKind::Negated);
    EXPECT_EQ(text.substr(d.matches[0].begin, d.matches[0].end - d.matches[0].begin),
              "I wasn't upset");
    EXPECT_NE(d.matches[0].explain.find("instead"), std::string::npos) << d.matches[0].explain;
}

TEST(Disclosure, CasualWritingAndCurlyApostrophes) {
    for (const char* text : {"im soooo nervous abt tmrw", "I\xE2\x80\x99m really worried",
                             "WORRIED SICK", "i dont know why but im scared"}) {
        const Disclosure d = analyse(text);
        EXPECT_EQ(d.layer, Layer::Inner) << text;
        EXPECT_EQ(emotion_ids(d.emotions), std::set<std::string>{"fear"}) << text;
    }
}

TEST(Disclosure, FeedbackNudgesInwardAndNamesWhatCameThrough) {
    Disclosure d = analyse("I cleaned the kitchen and walked the dog.");
    EXPECT_EQ(d.layer, Layer::Outer);
    ASSERT_FALSE(d.feedback.empty());
    EXPECT_EQ(d.feedback.front(), "You told me what you did; what did you feel?");

    d = analyse("I feel like he should have called.");
    ASSERT_FALSE(d.feedback.empty());
    EXPECT_NE(d.feedback.front().find("thought"), std::string::npos) << d.feedback.front();

    d = analyse("I was furious and then really sad.");
    EXPECT_EQ(emotion_ids(d.emotions), (std::set<std::string>{"mad", "sad"}));
    ASSERT_GE(d.feedback.size(), 2u);
    EXPECT_NE(d.feedback[0].find("mad and sad"), std::string::npos) << d.feedback[0];
    EXPECT_NE(d.feedback[1].find("joy"), std::string::npos) << d.feedback[1]; // glad is missing

    d = analyse("My stomach was in knots.");
    ASSERT_GE(d.feedback.size(), 2u);
    EXPECT_NE(d.feedback[0].find("My stomach was in knots"), std::string::npos) << d.feedback[0];
    EXPECT_NE(d.feedback[0].find("afraid"), std::string::npos) << d.feedback[0];

    d = analyse("   ");
    EXPECT_EQ(d.layer, Layer::Outer);
    EXPECT_TRUE(d.matches.empty());
    EXPECT_EQ(d.feedback.size(), 1u);
}

TEST(Disclosure, RefusesInvalidUtf8AndHugeTexts) {
    Disclosure d = analyse("I was so \xFF happy");
    EXPECT_FALSE(d.error.empty());
    EXPECT_TRUE(d.matches.empty());
    d = analyse(std::string(kMaxDisclosureBytes + 1, 'a'));
    EXPECT_FALSE(d.error.empty());
    // Long but allowed: every span stays inside the text.
    std::string text;
    while (text.size() < 20000) {
        text += "I was so scared, then I went home. ";
    }
    d = analyse(text);
    EXPECT_TRUE(d.error.empty());
    for (const auto& m : d.matches) {
        EXPECT_LE(m.end, text.size());
    }
}

TEST(Disclosure, JsonShape) {
    const std::string text = "I was so relieved";
    const Disclosure d = analyse(text);
    std::string line;
    append_disclosure_json(line, d, text);
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j, disclosure_to_json(d, text));
    EXPECT_EQ(j["layer"], "inner");
    EXPECT_EQ(j["emotions"], nlohmann::json::array({"glad"}));
    ASSERT_EQ(j["matches"].size(), 1u);
    for (const char* key : {"begin", "end", "kind", "criterion", "text", "emotions", "explain"}) {
        EXPECT_TRUE(j["matches"][0].contains(key)) << key;
    }
    EXPECT_FALSE(j["feedback"].empty());
}

// The lexicon comes from the scoring criteria: a word added there is a feeling here too.
TEST(DisclosureCriteriaLoad, ReusesTheScoringLexicon) {
    auto json = nlohmann::json::parse(test::default_criteria_text());
    json["lexicon"]["sad"]["glumptious"] = 2;
    const auto base =
        load_criteria_text(test::source_path("assets/criteria/custom.json"), json.dump(2));
    ASSERT_TRUE(base.criteria);
    const auto load =
        load_disclosure_file(test::source_path("assets/criteria/disclosure.json"), *base.criteria);
    ASSERT_TRUE(load.criteria);
    const Disclosure d = DisclosureAnalyser(*load.criteria).analyse("I felt so glumptious");
    EXPECT_EQ(d.layer, Layer::Inner);
    EXPECT_EQ(emotion_ids(d.emotions), std::set<std::string>{"sad"});
}

// Any error refuses the whole file, located FILE:LINE:COL with the JSON path.
TEST(DisclosureCriteriaLoad, ErrorsAreLocatedAndNothingHalfLoads) {
    std::ifstream in(test::source_path("assets/criteria/disclosure.json"));
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string good = buffer.str();

    auto first_error = [](const DisclosureLoad& load) {
        for (const auto& d : load.problems) {
            if (d.severity == Severity::Error) {
                return d.to_string();
            }
        }
        return std::string();
    };
    // A broken pattern: reported at its own line with its path.
    std::string bad = good;
    const auto at =
        bad.find("\"{self} [{adverb}] [{aux}] (had|have|got|get) [{intensifier}] butterflies\"");
    ASSERT_NE(at, std::string::npos);
    bad.replace(at, 1, "\"[unclosed ");
    const int line =
        static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<long>(at), '\n')) + 1;
    auto load = load_disclosure_text("d.json", bad, test::default_criteria());
    EXPECT_FALSE(load.criteria);
    const std::string message = first_error(load);
    EXPECT_EQ(message.rfind("d.json:" + std::to_string(line) + ":", 0), 0u) << message;
    EXPECT_NE(message.find("criteria.fear_body.patterns["), std::string::npos) << message;
    EXPECT_NE(message.find("missing ']'"), std::string::npos) << message;

    auto json = nlohmann::json::parse(good);
    json["criteria"]["fear_body"]["kind"] = "vibes";
    load = load_disclosure_text("d.json", json.dump(2), test::default_criteria());
    EXPECT_FALSE(load.criteria);
    EXPECT_NE(first_error(load).find("criteria.fear_body.kind: unknown kind \"vibes\""),
              std::string::npos)
        << first_error(load);

    json = nlohmann::json::parse(good);
    json["lexicon"]["feel_only"].push_back("flibbertigibbet");
    load = load_disclosure_text("d.json", json.dump(2), test::default_criteria());
    EXPECT_FALSE(load.criteria);
    EXPECT_NE(first_error(load).find("not in the scoring criteria's lexicon"), std::string::npos);

    json = nlohmann::json::parse(good);
    json["feedback"].erase("outer");
    load = load_disclosure_text("d.json", json.dump(2), test::default_criteria());
    EXPECT_FALSE(load.criteria);
    EXPECT_NE(first_error(load).find("missing required key \"outer\""), std::string::npos);

    // A criterion must say what it recognises: an empty pattern list is an error.
    json = nlohmann::json::parse(good);
    json["criteria"]["fear_body"]["patterns"] = nlohmann::json::array();
    load = load_disclosure_text("d.json", json.dump(2), test::default_criteria());
    EXPECT_FALSE(load.criteria);
    EXPECT_NE(first_error(load).find("criteria.fear_body.patterns: needs at least one pattern"),
              std::string::npos)
        << first_error(load);

    load = load_disclosure_text("d.json", "{\"name\": \"x\",\n \"criteria\": [}",
                                test::default_criteria());
    EXPECT_FALSE(load.criteria);
    EXPECT_EQ(first_error(load).rfind("d.json:2:", 0), 0u) << first_error(load);
}

} // namespace
} // namespace et
