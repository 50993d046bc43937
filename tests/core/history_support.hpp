// Shared by the history tests: a temporary folder per test, a sample attempt, raw file access.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <sqlite3.h>

#include "core/history.hpp"

namespace et::test {

namespace fs = std::filesystem;

// A folder of its own per test and process: CTest runs tests in parallel.
class History : public testing::Test {
protected:
    void SetUp() override {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::path(testing::TempDir()) /
               ("et_history_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir_, ec);
    }
    fs::path db() const { return dir_ / "data" / "history.sqlite3"; }

    fs::path dir_;
};

inline Attempt attempt(const std::string& day, int level, int score,
                       std::vector<Mistake> mistakes = {},
                       const std::string& scenario = "fear-friend-fight",
                       const std::string& player = "") {
    Attempt a;
    // Later calls are later in time, so attempts read back in the order they were made.
    static std::int64_t last_time_ms = 1'700'000'000'000;
    a.time_ms = ++last_time_ms;
    a.local_day = day;
    a.scenario_id = scenario;
    a.step_id = "share";
    a.response = "That sounds hard.";
    a.level = level;
    a.score = score;
    a.mistakes = std::move(mistakes);
    a.player = player;
    return a;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Raw SQL for the few checks the store does not expose (journal mode, an old schema).
inline std::string query_text(const fs::path& file, const char* sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW) {
            out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

} // namespace et::test
