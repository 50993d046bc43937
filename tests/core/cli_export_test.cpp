// `empathy-trainer export` as a process (formats, --out, usage errors, the default path), and
// the window's --history-db option through run_cli with a stand-in for the window.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "core/history.hpp"

namespace et {
namespace {

namespace fs = std::filesystem;

struct Result {
    int status = -1;
    std::string out;
    std::string err;
};

class CliExport : public testing::Test {
protected:
    void SetUp() override {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::path(testing::TempDir()) /
               ("et_cli_export_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Runs the app with a shell-quoted argument string (and an optional environment prefix).
    Result run(const std::string& args, const std::string& env = "") const {
        const fs::path err_file = dir_ / "stderr.txt";
        const std::string cmd =
            env + " '" + ET_APP + "' " + args + " 2>'" + err_file.string() + "'";
        Result r;
        FILE* pipe = ::popen(cmd.c_str(), "r");
        std::array<char, 4096> buf{};
        std::size_t n;
        while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
            r.out.append(buf.data(), n);
        }
        const int raw = ::pclose(pipe);
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        std::ifstream e(err_file);
        r.err.assign(std::istreambuf_iterator<char>(e), {});
        return r;
    }

    std::string quoted(const fs::path& p) const { return "'" + p.string() + "'"; }

    fs::path make_history() const {
        const fs::path file = dir_ / "history.sqlite3";
        HistoryStore store(file);
        Attempt a;
        a.time_ms = 1'795'000'000'000;
        a.local_day = "2026-11-18";
        a.scenario_id = "fear-friend-fight";
        a.step_id = "share";
        a.player = "Robin";
        a.response = "That sounds hard, \"really\" hard";
        a.level = 1;
        a.score = 65;
        a.mistakes = {Mistake::Fixing, Mistake::Dismissing};
        EXPECT_TRUE(store.record(a));
        a.player = "Alex";
        a.response.reset();
        a.mistakes.clear();
        a.mode = PracticeMode::Couples;
        a.felt_heard = 6;
        EXPECT_TRUE(store.record(a));
        return file;
    }

    fs::path dir_;
};

TEST_F(CliExport, CsvToStdout) {
    const fs::path db = make_history();
    const Result r = run("export --format csv --history-db " + quoted(db));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.err.empty());
    std::istringstream lines(r.out);
    std::string header, first, second, extra;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    EXPECT_FALSE(std::getline(lines, extra));
    EXPECT_EQ(header.rfind("id,time_utc,time_ms,local_day,mode,player,", 0), 0u);
    EXPECT_NE(first.find(",Robin,fear-friend-fight,share,typed,1,65,fixing dismissing,,"
                         "\"That sounds hard, \"\"really\"\" hard\""),
              std::string::npos)
        << first;
    EXPECT_NE(second.find(",couples,Alex,"), std::string::npos) << second;
    EXPECT_NE(second.find(",6,\r"), std::string::npos) << second; // rating; no words kept
}

TEST_F(CliExport, JsonToAFileAndOnePlayer) {
    const fs::path db = make_history();
    const fs::path out = dir_ / "out.json";
    const Result r = run("export --format json --out " + quoted(out) + " --history-db " +
                         quoted(db) + " --player Robin");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    std::ifstream in(out);
    const auto j = nlohmann::json::parse(in);
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["player"], "Robin");
    EXPECT_EQ(j[0]["mistakes"], nlohmann::json::array({"fixing", "dismissing"}));
    EXPECT_EQ(j[0]["response"], "That sounds hard, \"really\" hard");
}

TEST_F(CliExport, UsageErrorsExitTwoWithOneLine) {
    const fs::path db = make_history();
    for (const std::string& args : std::vector<std::string>{
             "export", "export --format", "export --format xml", "export --format csv --bogus",
             "export --format csv --format json", "export --format csv --history-db",
             "export --format csv --history-db " + quoted(dir_ / "missing.sqlite3")}) {
        const Result r = run(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_TRUE(r.out.empty()) << args;
        ASSERT_FALSE(r.err.empty()) << args;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
    }
    EXPECT_FALSE(fs::exists(dir_ / "missing.sqlite3"));
}

TEST_F(CliExport, ADamagedDatabaseIsReportedAndLeftAlone) {
    const fs::path db = dir_ / "notes.sqlite3";
    std::ofstream(db) << "not a database, just some notes that happen to sit here";
    const Result r = run("export --format json --history-db " + quoted(db));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("not a readable history database"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) {
        ++entries;
    }
    EXPECT_EQ(entries, 2u); // the file and stderr.txt: nothing moved aside or created
}

TEST_F(CliExport, TheDefaultPathFollowsXdgAndNothingRecordedIsAnEmptyExport) {
    const std::string env = "XDG_DATA_HOME=" + quoted(dir_);
    const Result json = run("export --format json", env);
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_EQ(nlohmann::json::parse(json.out), nlohmann::json::array());
    const Result csv = run("export --format csv", env);
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("id,time_utc,", 0), 0u);
    EXPECT_FALSE(fs::exists(dir_ / "empathy-trainer")); // exporting creates nothing

    fs::create_directories(dir_ / "empathy-trainer");
    fs::copy_file(make_history(), dir_ / "empathy-trainer" / "history.sqlite3");
    const Result recorded = run("export --format json", env);
    ASSERT_EQ(recorded.status, 0) << recorded.err;
    EXPECT_EQ(nlohmann::json::parse(recorded.out).size(), 2u);
}

TEST_F(CliExport, HelpListsExport) {
    const Result help = run("--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("export"), std::string::npos);
    const Result own = run("export --help");
    EXPECT_EQ(own.status, 0);
    EXPECT_NE(own.out.find("--history-db FILE"), std::string::npos);
}

TEST(CliGuiOptions, HistoryDbReachesTheWindow) {
    std::ostringstream out, err;
    GuiOptions seen;
    const GuiRunner window = [&](const GuiOptions& o) {
        seen = o;
        return 0;
    };
    EXPECT_EQ(run_cli({"--history-db", "/tmp/practice.sqlite3"}, out, err, window), 0);
    EXPECT_EQ(seen.history_db, "/tmp/practice.sqlite3");
    EXPECT_EQ(run_cli({}, out, err, window), 0);
    EXPECT_TRUE(seen.history_db.empty()); // the default path
    EXPECT_EQ(run_cli({"--history-db"}, out, err, window), 2);
    std::ostringstream help;
    EXPECT_EQ(run_cli({"--help"}, help, err, window), 0);
    EXPECT_NE(help.str().find("--history-db FILE"), std::string::npos);
}

} // namespace
} // namespace et
