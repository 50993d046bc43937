// The CLI as a process: exit codes, usage on stderr, and the `score` JSON contract.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <string>
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
    EXPECT_EQ(help.out.find("handout"), std::string::npos); // only commands that exist
    const Result version = run("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("empathy-trainer ", 0), 0u);
}

TEST(Cli, UsageErrorsExitTwoWithAMessage) {
    for (const char* args : {"--bogus", "frobnicate", "--frames x", "--mode party", "score",
                             "score --scenario x.json", "validate"}) {
        const Result r = run(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_FALSE(r.err.empty()) << args;
        EXPECT_TRUE(r.out.empty()) << args;
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

} // namespace
