// The history store: recording, the progress summary, export and schema migration (the
// failures it must survive are in history_failure_test.cpp).
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "history_support.hpp"

namespace et {
namespace {

using test::attempt;
using test::History;
using test::query_text;
using test::read_file;
namespace fs = std::filesystem;

// [SECTION] Recording and reading back

TEST(HistoryIds, ModesRoundTrip) {
    for (PracticeMode m : {PracticeMode::Solo, PracticeMode::Couples, PracticeMode::Workshop,
                           PracticeMode::Checkin}) {
        EXPECT_EQ(parse_practice_mode(practice_mode_id(m)), m);
    }
    EXPECT_FALSE(parse_practice_mode("party"));
}

TEST_F(History, KeepsEachMistakeApart) {
    HistoryStore store(db());
    for (Mistake m : kAllMistakes) {
        ASSERT_TRUE(store.record(attempt("2026-11-20", 0, 10, {m})));
    }
    ASSERT_TRUE(
        store.record(attempt("2026-11-20", 0, 0, {kAllMistakes.begin(), kAllMistakes.end()})));
    const auto all = store.attempts();
    ASSERT_EQ(all.size(), kMistakeCount + 1);
    for (std::size_t i = 0; i < kMistakeCount; ++i) {
        EXPECT_EQ(all[i].mistakes, std::vector<Mistake>{kAllMistakes[i]});
    }
    EXPECT_EQ(all.back().mistakes.size(), kMistakeCount);
    const auto totals = store.summary().mistake_totals;
    for (int count : totals) {
        EXPECT_EQ(count, 2);
    }
}

TEST_F(History, DefaultPathFollowsXdgDataHome) {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_DATA_HOME", dir_.c_str(), 1);
    EXPECT_EQ(default_history_path(), dir_ / "empathy-trainer" / "history.sqlite3");
    old ? ::setenv("XDG_DATA_HOME", saved.c_str(), 1) : ::unsetenv("XDG_DATA_HOME");
}

TEST_F(History, RecordsEveryFieldAndReadsItBack) {
    HistoryStore store(db());
    ASSERT_TRUE(store.available()) << store.notice();
    EXPECT_TRUE(store.notice().empty());
    EXPECT_TRUE(store.unavailable_reason().empty());
    EXPECT_EQ(store.schema_version(), HistoryStore::kSchemaVersion);
    EXPECT_EQ(query_text(db(), "PRAGMA journal_mode"), "wal");

    Attempt a = attempt("2026-11-20", 2, 95, {Mistake::Fixing, Mistake::Dismissing});
    a.mode = PracticeMode::Couples;
    a.player = "Sam";
    a.source = AnswerSource::Choice;
    a.felt_heard = 7;
    a.response = "Comma, \"quote\"\nand a new line";
    const auto id = store.record(a);
    ASSERT_TRUE(id) << store.last_error();

    Attempt no_words = attempt("2026-11-21", 1, 60);
    no_words.response.reset();
    ASSERT_TRUE(store.record(no_words));

    const auto all = store.attempts();
    ASSERT_EQ(all.size(), 2u);
    a.id = *id;
    EXPECT_EQ(all[0], a);
    EXPECT_FALSE(all[1].response.has_value());
    EXPECT_FALSE(all[1].felt_heard.has_value());
}

TEST_F(History, FillsInTimeAndLocalDayAndRefusesValuesOutOfRange) {
    HistoryStore store(db());
    Attempt a = attempt("", 1, 50);
    a.time_ms = 0;
    const std::int64_t before = now_ms();
    ASSERT_TRUE(store.record(a));
    const Attempt back = store.attempts().at(0);
    EXPECT_GE(back.time_ms, before);
    EXPECT_EQ(back.local_day, local_day_of(back.time_ms));

    for (auto bad : {attempt("2026-11-20", 3, 50), attempt("2026-11-20", 1, 101),
                     attempt("20261120", 1, 50), attempt("2026-13-01", 1, 50)}) {
        EXPECT_FALSE(store.record(bad));
        EXPECT_FALSE(store.last_error().empty());
    }
    Attempt rating = attempt("2026-11-20", 1, 50);
    rating.felt_heard = 11;
    EXPECT_FALSE(store.record(rating));
    EXPECT_EQ(store.attempts().size(), 1u);
}

TEST_F(History, AttemptFromExchangeDropsTheWordsWhenAsked) {
    Exchange e;
    e.step_id = "share";
    e.response = "That sounds so hard.";
    e.level = 1;
    e.points = 70;
    e.mistakes = {Mistake::Fixing};
    const Attempt kept =
        attempt_from_exchange(e, "fear-friend-fight", PracticeMode::Solo, "", true);
    EXPECT_EQ(kept.response, "That sounds so hard.");
    EXPECT_EQ(kept.score, 70);
    EXPECT_EQ(kept.mistakes, e.mistakes);
    const Attempt dropped =
        attempt_from_exchange(e, "fear-friend-fight", PracticeMode::Solo, "", false);
    EXPECT_FALSE(dropped.response.has_value());

    HistoryStore store(db());
    ASSERT_TRUE(store.record(dropped));
    std::ostringstream json;
    ASSERT_TRUE(store.export_json(json));
    EXPECT_TRUE(nlohmann::json::parse(json.str()).at(0).at("response").is_null());
}

TEST_F(History, DeleteAllRemovesEveryAttempt) {
    HistoryStore store(db());
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(store.record(attempt("2026-11-2" + std::to_string(i), 1, 60)));
    }
    EXPECT_EQ(store.summary().attempts, 5);
    ASSERT_TRUE(store.delete_all());
    EXPECT_TRUE(store.attempts().empty());
    EXPECT_EQ(store.summary().attempts, 0);
    EXPECT_TRUE(store.record(attempt("2026-11-22", 1, 60)));
}

TEST_F(History, DeleteAllLeavesNoWordsInTheFiles) {
    const std::string secret = "only-these-words-say-zebra-umbrella-4711";
    HistoryStore store(db());
    Attempt a = attempt("2026-11-20", 1, 60);
    a.response = "I hear you. " + secret;
    for (int i = 0; i < 50; ++i) {
        ASSERT_TRUE(store.record(a));
    }
    ASSERT_NE((read_file(db()) + read_file(db().string() + "-wal")).find(secret),
              std::string::npos); // the check below can see the words
    ASSERT_TRUE(store.delete_all());
    for (const std::string suffix : {"", "-wal"}) {
        EXPECT_EQ(read_file(db().string() + suffix).find(secret), std::string::npos) << suffix;
    }
}

// [SECTION] The progress summary

TEST_F(History, SummaryAggregatesDaysWeeksMistakesAndScenarios) {
    HistoryStore store(db());
    // ISO weeks at year ends: 2021-01-03 (a Sunday) is in 2020-W53; 2024-12-30 in 2025-W01.
    store.record(attempt("2021-01-03", 1, 60, {Mistake::Fixing}));
    store.record(attempt("2024-12-30", 0, 10, {Mistake::Fixing, Mistake::Dismissing}));
    store.record(attempt("2026-11-16", 2, 90, {}, "sad-pet"));
    store.record(attempt("2026-11-16", 1, 50, {Mistake::Hijacking}, "sad-pet"));
    store.record(attempt("2026-11-22", 0, 20, {Mistake::Hijacking}));

    const ProgressSummary s = store.compute_summary(std::nullopt, "2026-11-22");
    ASSERT_TRUE(s.available);
    EXPECT_EQ(s.attempts, 5);
    EXPECT_EQ(s.practice_days, 4);
    ASSERT_EQ(s.per_day.size(), 4u);
    EXPECT_EQ(s.per_day[2].day, "2026-11-16");
    EXPECT_EQ(s.per_day[2].attempts, 2);
    EXPECT_DOUBLE_EQ(s.per_day[2].average_level, 1.5);
    EXPECT_DOUBLE_EQ(s.per_day[2].average_score, 70.0);
    ASSERT_EQ(s.per_attempt.size(), 5u);

    ASSERT_EQ(s.per_week.size(), 3u);
    EXPECT_EQ(s.per_week[0].week, "2020-W53");
    EXPECT_EQ(s.per_week[1].week, "2025-W01");
    EXPECT_EQ(s.per_week[2].week, "2026-W47"); // Monday 16 to Sunday 22 November 2026
    EXPECT_EQ(s.per_week[2].attempts, 3);
    EXPECT_EQ(s.per_week[2].mistakes[static_cast<int>(Mistake::Hijacking)], 2);
    EXPECT_DOUBLE_EQ(s.per_week[2].average_level, 1.0);           // 2, 1, 0
    EXPECT_DOUBLE_EQ(s.per_week[2].average_score, 160.0 / 3.0); // 90, 50, 20
    EXPECT_EQ(s.per_week[1].mistakes[static_cast<int>(Mistake::Dismissing)], 1);
    EXPECT_EQ(s.mistake_totals[static_cast<int>(Mistake::Fixing)], 2);
    EXPECT_EQ(s.mistake_totals[static_cast<int>(Mistake::Hijacking)], 2);
    EXPECT_EQ(s.most_common_mistake, Mistake::Fixing); // ties go to the earlier mistake

    ASSERT_EQ(s.best_per_scenario.size(), 2u);
    EXPECT_EQ(s.best_per_scenario[0].scenario_id, "fear-friend-fight");
    EXPECT_EQ(s.best_per_scenario[0].best_level, 1);
    EXPECT_EQ(s.best_per_scenario[0].attempts, 3);
    EXPECT_EQ(s.best_per_scenario[1].best_level, 2);
    EXPECT_EQ(s.best_per_scenario[1].best_score, 90);
}

TEST_F(History, IsoWeeksGroupMondayToSunday) {
    HistoryStore store(db());
    store.record(attempt("2026-11-22", 1, 50)); // Sunday: week 47
    store.record(attempt("2026-11-23", 1, 50)); // Monday: week 48
    const auto s = store.compute_summary(std::nullopt, "2026-11-23");
    ASSERT_EQ(s.per_week.size(), 2u);
    EXPECT_EQ(s.per_week[0].week, "2026-W47");
    EXPECT_EQ(s.per_week[1].week, "2026-W48");
}

TEST_F(History, StreaksCountConsecutiveDaysEndingTodayOrYesterday) {
    HistoryStore store(db());
    for (const char* day : {"2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", // 4 days
                            "2026-11-10", "2026-11-20", "2026-11-21", "2026-11-21"}) {
        store.record(attempt(day, 1, 50));
    }
    EXPECT_EQ(store.compute_summary(std::nullopt, "2026-11-21").current_streak, 2); // today
    EXPECT_EQ(store.compute_summary(std::nullopt, "2026-11-22").current_streak, 2); // yesterday
    const auto lapsed = store.compute_summary(std::nullopt, "2026-11-23");
    EXPECT_EQ(lapsed.current_streak, 0);
    EXPECT_EQ(lapsed.best_streak, 4); // across the end of October
}

TEST_F(History, FiltersByPlayerAndListsPlayers) {
    HistoryStore store(db());
    store.record(attempt("2026-11-20", 2, 90, {}, "a", "Robin"));
    store.record(attempt("2026-11-21", 0, 10, {Mistake::IUnderstand}, "b", "Alex"));
    store.record(attempt("2026-11-21", 0, 10, {Mistake::IUnderstand}, "b", "Alex"));
    const auto robin = store.compute_summary(std::string("Robin"), "2026-11-21");
    EXPECT_EQ(robin.attempts, 1);
    EXPECT_FALSE(robin.most_common_mistake);
    EXPECT_EQ(robin.current_streak, 1);
    EXPECT_EQ(robin.players, (std::vector<std::string>{"Alex", "Robin"}));
    EXPECT_EQ(store.weakest_mistake(std::string("Alex")), Mistake::IUnderstand);
    EXPECT_FALSE(store.weakest_mistake(std::string("Robin")));
    EXPECT_EQ(store.attempts(std::string("Alex")).size(), 2u);
}

TEST_F(History, WeakestMistakeLooksAtRecentAttempts) {
    HistoryStore store(db());
    Attempt old = attempt("2026-01-01", 0, 10, {Mistake::Fixing});
    for (int i = 0; i < 100; ++i) {
        old.time_ms = 1'000'000 + i;
        store.record(old);
    }
    Attempt recent = attempt("2026-11-01", 0, 10, {Mistake::MakingItAboutYou});
    for (int i = 0; i < kWeakestWindow; ++i) {
        recent.time_ms = 2'000'000 + i;
        store.record(recent);
    }
    EXPECT_EQ(store.summary().most_common_mistake, Mistake::Fixing);
    EXPECT_EQ(store.summary().weakest_mistake, Mistake::MakingItAboutYou);
    EXPECT_EQ(store.weakest_mistake(), Mistake::MakingItAboutYou);
}

TEST_F(History, SeriesAreCappedForPlotting) {
    HistoryStore store(db());
    Attempt a = attempt("2026-11-20", 1, 50);
    for (std::size_t i = 0; i < kMaxAttemptPoints + 20; ++i) {
        a.time_ms = 5'000 + static_cast<std::int64_t>(i);
        a.score = static_cast<int>(i % 100);
        ASSERT_TRUE(store.record(a));
    }
    const auto& s = store.summary();
    EXPECT_EQ(s.per_attempt.size(), kMaxAttemptPoints);
    EXPECT_EQ(s.per_attempt.back().time_ms, 5'000 + static_cast<int>(kMaxAttemptPoints) + 19);
    EXPECT_LT(s.per_attempt.front().time_ms, s.per_attempt.back().time_ms); // oldest first
}

TEST_F(History, SummaryIsCachedUntilAWriteOrARefresh) {
    HistoryStore store(db());
    store.record(attempt("2026-11-20", 1, 50));
    const ProgressSummary* first = &store.summary();
    EXPECT_EQ(first->attempts, 1);

    HistoryStore other(db()); // another instance of the app
    other.record(attempt("2026-11-20", 1, 50));
    EXPECT_EQ(store.summary().attempts, 1); // cached: no query per frame
    store.refresh();
    EXPECT_EQ(store.summary().attempts, 2);
    store.record(attempt("2026-11-21", 1, 50));
    EXPECT_EQ(store.summary().attempts, 3);
    store.set_player(std::string("nobody"));
    EXPECT_EQ(store.summary().attempts, 0);
    EXPECT_EQ(store.summary().player, "nobody");
}

TEST_F(History, FeltHeardRatingsSitBesideTheEngineScore) {
    HistoryStore store(db());
    Attempt a = attempt("2026-11-20", 2, 90);
    a.mode = PracticeMode::Couples;
    a.felt_heard = 8;
    ASSERT_TRUE(store.record(a));
    a.felt_heard.reset();
    a.score = 40;
    const auto later = store.record(a); // the speaker rates after the answer is recorded
    ASSERT_TRUE(later);
    store.record(attempt("2026-11-20", 0, 0)); // solo: no rating
    EXPECT_EQ(store.summary().felt_heard.rated, 1);
    ASSERT_TRUE(store.set_felt_heard(*later, 5));
    const FeltHeard f = store.summary().felt_heard;
    EXPECT_EQ(f.rated, 2);
    EXPECT_DOUBLE_EQ(f.average_rating, 6.5);
    EXPECT_DOUBLE_EQ(f.average_score, 65.0);
    EXPECT_EQ(store.attempts()[1].felt_heard, 5);
    EXPECT_FALSE(store.set_felt_heard(*later, 11));
    EXPECT_FALSE(store.set_felt_heard(*later + 100, 5));
    EXPECT_FALSE(store.last_error().empty());
    EXPECT_EQ(store.compute_summary(std::string("nobody")).felt_heard.rated, 0);
}

// [SECTION] Export

TEST_F(History, CsvQuotesFieldsAndListsMistakes) {
    HistoryStore store(db());
    Attempt a = attempt("2026-11-20", 1, 55, {Mistake::Fixing, Mistake::Hijacking});
    a.player = "O'Neil, Pat";
    a.response = "She said \"fine\",\nthen left";
    ASSERT_TRUE(store.record(a));
    std::ostringstream csv;
    ASSERT_TRUE(store.export_csv(csv));
    const std::string text = csv.str();
    EXPECT_EQ(text.rfind("id,time_utc,time_ms,local_day,mode,player,scenario_id,step_id,source,"
                         "level,score,mistakes,felt_heard,response\r\n",
                         0),
              0u);
    EXPECT_NE(text.find(",solo,\"O'Neil, Pat\",fear-friend-fight,share,typed,1,55,"
                        "fixing hijacking,,\"She said \"\"fine\"\",\nthen left\"\r\n"),
              std::string::npos)
        << text;
}

// A response that starts like a spreadsheet formula is exported as text, not as a formula.
TEST_F(History, CsvNeverStartsACellWithAFormula) {
    HistoryStore store(db());
    Attempt a = attempt("2026-11-20", 1, 55);
    a.player = "@admin";
    a.response = "=HYPERLINK(\"http://example.invalid\",\"hi\")";
    ASSERT_TRUE(store.record(a));
    std::ostringstream csv;
    ASSERT_TRUE(store.export_csv(csv));
    const std::string text = csv.str();
    EXPECT_NE(text.find(",'@admin,"), std::string::npos) << text;
    EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"hi\"\")\"\r\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos) << text;
}

TEST_F(History, JsonIsAnArrayOfObjectsWithMistakes) {
    HistoryStore store(db());
    std::ostringstream empty;
    ASSERT_TRUE(store.export_json(empty));
    EXPECT_EQ(nlohmann::json::parse(empty.str()), nlohmann::json::array());

    Attempt a = attempt("2026-11-20", 2, 90, {Mistake::ProblemSolvingQuestion});
    a.mode = PracticeMode::Couples;
    a.felt_heard = 9;
    store.record(a);
    store.record(attempt("2026-11-21", 0, 0));
    std::ostringstream out;
    ASSERT_TRUE(store.export_json(out));
    const auto j = nlohmann::json::parse(out.str());
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["mistakes"], nlohmann::json::array({"problem_solving_question"}));
    EXPECT_EQ(j[0]["felt_heard"], 9);
    EXPECT_EQ(j[0]["mode"], "couples");
    EXPECT_EQ(j[0]["local_day"], "2026-11-20");
    EXPECT_EQ(j[1]["mistakes"], nlohmann::json::array());
    EXPECT_TRUE(j[1]["felt_heard"].is_null());
    EXPECT_EQ(j[1]["response"], "That sounds hard.");
}

// [SECTION] Schema migration

TEST_F(History, UpgradesAVersionOneDatabaseInPlace) {
    fs::create_directories(db().parent_path());
    {
        // Exactly what version 1 of the app created.
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db().c_str(), &raw), SQLITE_OK);
        const char* v1 = R"sql(
            PRAGMA journal_mode = WAL;
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, local_day TEXT NOT NULL,
                mode TEXT NOT NULL, player TEXT NOT NULL DEFAULT '', scenario_id TEXT NOT NULL,
                step_id TEXT NOT NULL, response TEXT,
                source TEXT NOT NULL CHECK (source IN ('typed', 'choice')),
                level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2),
                score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
                mistakes INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX attempts_day ON attempts(local_day);
            INSERT INTO attempts VALUES (1, 1000, '2026-01-05', 'solo', '', 'x', 'share',
                                         'old words', 'typed', 1, 60, 1);
            INSERT INTO attempts VALUES (2, 2000, '2026-01-06', 'solo', '', 'x', 'share',
                                         NULL, 'choice', 2, 90, 0);
            PRAGMA user_version = 1;)sql";
        ASSERT_EQ(sqlite3_exec(raw, v1, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    }
    {
        // Reading an old database for export does not upgrade it.
        HistoryStore reader(db(), HistoryStore::Access::ReadOnly);
        ASSERT_TRUE(reader.available()) << reader.notice();
        EXPECT_EQ(reader.schema_version(), 1);
        EXPECT_EQ(reader.attempts().size(), 2u);
    }
    HistoryStore store(db());
    ASSERT_TRUE(store.available()) << store.notice();
    EXPECT_TRUE(store.notice().empty());
    EXPECT_EQ(store.schema_version(), 2);
    const auto old = store.attempts();
    ASSERT_EQ(old.size(), 2u);
    EXPECT_EQ(old[0].response, "old words");
    EXPECT_EQ(old[0].mistakes, std::vector<Mistake>{Mistake::Fixing});
    EXPECT_FALSE(old[0].felt_heard);
    EXPECT_EQ(old[1].source, AnswerSource::Choice);
    Attempt couples = attempt("2026-01-07", 2, 95);
    couples.felt_heard = 8;
    ASSERT_TRUE(store.record(couples)) << store.last_error();
    EXPECT_EQ(store.attempts().back().felt_heard, 8);
    EXPECT_EQ(store.integrity_check(), "ok");
}

TEST_F(History, LeavesADatabaseFromANewerVersionAlone) {
    fs::create_directories(db().parent_path());
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db().c_str(), &raw), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE future (x); PRAGMA user_version = 99;", nullptr,
                               nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = read_file(db());
    HistoryStore store(db());
    EXPECT_FALSE(store.available());
    EXPECT_NE(store.notice().find("newer version"), std::string::npos) << store.notice();
    EXPECT_FALSE(store.record(attempt("2026-11-20", 1, 50)));
    EXPECT_TRUE(read_file(db()) == before); // not EXPECT_EQ: no binary dump on failure
    EXPECT_FALSE(fs::exists(db().string() + "-wal"));
}

} // namespace
} // namespace et
