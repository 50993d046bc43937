// The CLI as a process: exit codes, usage on stderr, and the `score` JSON contract.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace {

struct Result {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs the app with a shell-quoted argument string, capturing stdout and stderr.
Result run(const std::string& args) {
    // One file per call and process: CTest runs these tests in parallel processes.
    static int calls = 0;
    const std::string err_file = testing::TempDir() + "cli_err_" + std::to_string(getpid()) + "_" +
                                 std::to_string(++calls) + ".txt";
    const std::string cmd = std::string("'") + ET_APP + "' " + args + " 2>'" + err_file + "'";
    Result r;
    FILE* pipe = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream e(err_file);
    r.err.assign(std::istreambuf_iterator<char>(e), {});
    std::remove(err_file.c_str());
    return r;
}

std::string scenario() { return std::string("'") + ET_SOURCE_DIR + "/scenarios/fear-friend-fight.json'"; }

TEST(Cli, HelpAndVersion) {
    const Result help = run("--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("score"), std::string::npos);
    EXPECT_NE(help.out.find("validate"), std::string::npos);
    EXPECT_NE(help.out.find("handout"), std::string::npos);
    EXPECT_NE(help.out.find("disclose"), std::string::npos);
    const Result version = run("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("empathy-trainer ", 0), 0u);
}

TEST(Cli, UsageErrorsExitTwoWithAMessage) {
    for (const char* args : {"--bogus", "frobnicate", "--frames x", "--mode party", "score",
                             "score --scenario x.json", "validate", "disclose",
                             "disclose --text", "disclose --text a --texts b", "disclose --bogus",
                             "disclose --text a --text b"}) {
        const Result r = run(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_FALSE(r.err.empty()) << args;
        EXPECT_TRUE(r.out.empty()) << args;
        // The subcommands say it in one line: what is wrong, and where to read more.
        if (std::string(args).rfind("score", 0) == 0 ||
            std::string(args).rfind("disclose", 0) == 0) {
            EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ":\n" << r.err;
        }
    }
}

TEST(Cli, ScoreOneResponse) {
    const Result r = run("score --scenario " + scenario() +
                      " --response \"No wonder you're anxious; after feeling so alone growing up, your friendships mean everything.\"");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["level"], 2);
    EXPECT_TRUE(j["mistakes"].empty());
    for (const char* key : {"score", "matches", "feedback", "suggestion"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
}

TEST(Cli, ScoreManyResponsesAsJsonLines) {
    const std::string path = testing::TempDir() + "responses_" + std::to_string(getpid()) + ".txt";
    std::ofstream(path) << "That sucks.\nYou should call her.\n\nI understand.\n";
    const Result r = run("score --scenario " + scenario() + " --step share --responses '" + path + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    std::vector<nlohmann::json> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
    }
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0]["level"], 1);
    EXPECT_EQ(lines[1]["mistakes"], nlohmann::json::array({"fixing"}));
    EXPECT_EQ(lines[2]["level"], 0);
    EXPECT_EQ(lines[3]["mistakes"], nlohmann::json::array({"i_understand"}));
}

TEST(Cli, BadFilesExitTwoWithOneLocatedLine) {
    const std::string bad = testing::TempDir() + "bad_scenario_" + std::to_string(getpid()) + ".json";
    std::ofstream(bad) << "{\n  \"id\": \"x\",\n  \"title\": 5\n}\n";
    Result r = run("score --scenario '" + bad + "' --response hi");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    EXPECT_NE(r.err.find(bad + ":3:3: title: expected a string, got a number"), std::string::npos) << r.err;

    const std::string criteria = testing::TempDir() + "bad_criteria_" + std::to_string(getpid()) + ".json";
    std::ofstream(criteria) << "{\"name\": \"x\",\n \"lexicon\": [}";
    r = run("score --scenario " + scenario() + " --criteria '" + criteria + "' --response hi");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(criteria + ":2:"), std::string::npos) << r.err;

    r = run("score --scenario " + scenario() + " --step nope --response hi");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no step has the id \"nope\""), std::string::npos);
}

std::string temp_path(const std::string& name) {
    return testing::TempDir() + std::to_string(getpid()) + "_" + name;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(CliHandout, WritesHtmlAndMarkdown) {
    const std::string html = temp_path("handout.html");
    Result r = run("handout --scenario " + scenario() + " --out '" + html + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_TRUE(r.err.empty());
    const std::string page = read(html);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(page.find("<h1>A fight with an old friend</h1>"), std::string::npos);

    // The format follows the extension unless --format says otherwise.
    const std::string md = temp_path("handout.md");
    r = run("handout --scenario " + scenario() + " --out '" + md + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read(md).rfind("# A fight with an old friend\n", 0), 0u);
    r = run("handout --scenario " + scenario() + " --format html --paper letter --out '" + md +
            "'");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(read(md).find("size: letter"), std::string::npos);

    r = run("handout --scenario " + scenario() + " --format md --out -");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("# A fight with an old friend\n", 0), 0u);
    std::remove(html.c_str());
    std::remove(md.c_str());
}

TEST(CliHandout, UsageErrorsExitTwoWithOneClearLine) {
    const std::string out = "'" + temp_path("never.html") + "'";
    const std::pair<std::string, std::string> cases[] = {
        {"handout --out " + out, "--scenario FILE is required"},
        {"handout --scenario " + scenario(), "--out FILE is required"},
        {"handout --scenario " + scenario() + " --out " + out + " --format pdf",
         "--format must be html or md, got \"pdf\""},
        {"handout --scenario " + scenario() + " --out " + out + " --paper a5",
         "--paper must be auto, a4 or letter"},
        {"handout --scenario " + scenario() + " --out " + out + " --bogus",
         "unknown argument --bogus"},
        {"handout --scenario " + scenario() + " --out", "option --out needs a value"},
    };
    for (const auto& [args, message] : cases) {
        const Result r = run(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty()) << args;
    }
    EXPECT_FALSE(std::ifstream(temp_path("never.html")).good());
}

TEST(CliHandout, BadScenarioExitsTwoWithItsLocation) {
    const std::string bad = temp_path("bad_handout_scenario.json");
    std::ofstream(bad) << "{\n  \"id\": \"x\",\n  \"title\": 5\n}\n";
    const Result r = run("handout --scenario '" + bad + "' --out '" + temp_path("x.html") + "'");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(bad + ":3:3:"), std::string::npos) << r.err;
    std::remove(bad.c_str());
}

TEST(CliHandout, UnwritableOutExitsOneNamingTheFile) {
    const std::string missing_dir = temp_path("no-such-dir") + "/handout.html";
    Result r = run("handout --scenario " + scenario() + " --out '" + missing_dir + "'");
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("cannot write " + missing_dir), std::string::npos) << r.err;

    // A folder where the file should be: the old "file" is untouched, no temporary is left.
    const std::string dir = temp_path("out-is-a-dir");
    ASSERT_EQ(::mkdir(dir.c_str(), 0755), 0);
    r = run("handout --scenario " + scenario() + " --out '" + dir + "'");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cannot write " + dir), std::string::npos) << r.err;
    for (const auto& entry : std::filesystem::directory_iterator(testing::TempDir())) {
        EXPECT_NE(entry.path().filename().string().rfind(
                      std::filesystem::path(dir).filename().string() + ".tmp", 0),
                  0u)
            << "left behind: " << entry.path();
    }
    ::rmdir(dir.c_str());
}

TEST(Cli, DiscloseUsageErrorsAreOneLine) {
    for (const char* args : {"disclose", "disclose --text", "disclose --text a --texts b",
                             "disclose --bogus", "disclose --text a --text b"}) {
        const Result r = run(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << args;
    }
}

TEST(Cli, DiscloseOneText) {
    const Result r = run("disclose --text \"I went to work. Honestly I was so anxious and a bit sad.\"");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["layer"], "inner");
    EXPECT_EQ(j["emotions"], nlohmann::json::array({"fear", "sad"}));
    ASSERT_FALSE(j["matches"].empty());
    for (const auto& m : j["matches"]) {
        for (const char* key : {"begin", "end", "kind", "criterion", "text", "emotions", "explain"}) {
            EXPECT_TRUE(m.contains(key)) << key;
        }
    }
    EXPECT_FALSE(j["feedback"].empty());

    const Result help = run("disclose --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("--texts FILE"), std::string::npos);
}

TEST(Cli, DiscloseManyTextsAsJsonLines) {
    const std::string path = testing::TempDir() + "texts_" + std::to_string(getpid()) + ".txt";
    std::ofstream(path) << "I cleaned the house.\r\nWe watched a scary movie.\n\nmy heart was pounding\n"
                           "I feel like he should have called.\n";
    const Result r = run("disclose --texts '" + path + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    std::vector<nlohmann::json> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
    }
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0]["layer"], "outer");
    EXPECT_EQ(lines[0]["feedback"][0], "You told me what you did; what did you feel?");
    EXPECT_EQ(lines[1]["layer"], "outer");
    EXPECT_EQ(lines[2]["layer"], "outer");
    EXPECT_EQ(lines[3]["layer"], "inner");
    EXPECT_EQ(lines[3]["emotions"], nlohmann::json::array({"fear"}));
    EXPECT_EQ(lines[4]["layer"], "outer");
    std::remove(path.c_str());
}

TEST(Cli, DiscloseCriteriaOverridesAndBadFiles) {
    // A disclosure criteria file given to --criteria is used as the disclosure rules.
    const std::string own = std::string("'") + ET_SOURCE_DIR + "/assets/criteria/disclosure.json'";
    Result r = run("disclose --criteria " + own + " --text \"I was thrilled\"");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["emotions"], nlohmann::json::array({"glad"}));
    // So is a scoring criteria file, whose lexicon the disclosure rules then use.
    const std::string base = std::string("'") + ET_SOURCE_DIR + "/assets/criteria/default.json'";
    r = run("disclose --criteria " + base + " --text \"I was thrilled\"");
    ASSERT_EQ(r.status, 0) << r.err;

    const std::string bad = testing::TempDir() + "bad_disclosure_" + std::to_string(getpid()) + ".json";
    std::ofstream(bad) << "{\"name\": \"x\",\n \"criteria\": {\"a\": {\"kind\": \"vibes\"}}}";
    r = run("disclose --disclosure '" + bad + "' --text hi");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind(bad + ":", 0), 0u) << r.err;
    EXPECT_TRUE(r.out.empty());

    std::ofstream(bad) << "{\"name\": \"x\",\n \"lexicon\": [}";
    r = run("disclose --criteria '" + bad + "' --text hi");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(bad + ":2:"), std::string::npos) << r.err;
    std::remove(bad.c_str());

    r = run("disclose --texts /nonexistent/texts.txt");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("cannot open"), std::string::npos);
}

} // namespace
