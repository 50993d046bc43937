// The history store: opening, with schema migrations and recovery from a damaged file
// (writing is in history_write.cpp).
#include "core/history.hpp"

#include <chrono>
#include <ctime>
#include <system_error>
#include <sys/stat.h>
#include <thread>

#include "core/history_db.hpp"
#include "core/paths.hpp"

namespace et {

// [SECTION] Small public helpers

const char* practice_mode_id(PracticeMode mode) {
    switch (mode) {
    case PracticeMode::Solo:
        return "solo";
    case PracticeMode::Couples:
        return "couples";
    case PracticeMode::Workshop:
        return "workshop";
    case PracticeMode::Checkin:
        return "checkin";
    }
    return "solo";
}

std::optional<PracticeMode> parse_practice_mode(std::string_view id) {
    for (PracticeMode m : {PracticeMode::Solo, PracticeMode::Couples, PracticeMode::Workshop,
                           PracticeMode::Checkin}) {
        if (id == practice_mode_id(m)) {
            return m;
        }
    }
    return std::nullopt;
}

Attempt attempt_from_exchange(const Exchange& exchange, std::string scenario_id, PracticeMode mode,
                              std::string player, bool keep_words) {
    Attempt a;
    a.mode = mode;
    a.player = std::move(player);
    a.scenario_id = std::move(scenario_id);
    a.step_id = exchange.step_id;
    if (keep_words) {
        a.response = exchange.response;
    }
    a.source = exchange.source;
    a.level = exchange.level;
    a.score = exchange.points;
    a.mistakes = exchange.mistakes;
    return a;
}

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string local_day_of(std::int64_t time_ms) {
    // Floor division, so times before 1970 still land on the right day.
    const std::time_t seconds =
        static_cast<std::time_t>(time_ms >= 0 ? time_ms / 1000 : -((-time_ms + 999) / 1000));
    std::tm tm{};
    localtime_r(&seconds, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::filesystem::path default_history_path() {
    return data_dir() / "history.sqlite3";
}

// [SECTION] Schema

namespace {

// Each migration takes the schema from the previous version to `version`; they run in
// order, in one transaction, so a database is upgraded in place or not at all. Never edit a
// shipped migration: add a new one.
struct Migration {
    int version;
    const char* sql;
};

const Migration kMigrations[] = {
    {1, R"sql(
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            time_ms INTEGER NOT NULL,
            local_day TEXT NOT NULL,
            mode TEXT NOT NULL,
            player TEXT NOT NULL DEFAULT '',
            scenario_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            response TEXT,
            source TEXT NOT NULL CHECK (source IN ('typed', 'choice')),
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2),
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
            mistakes INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX attempts_day ON attempts(local_day);
    )sql"},
    // Couples mode: the speaker's felt-heard rating. Covering indexes so that the summary
    // reads indexes rather than rows (which carry the response text).
    {2, R"sql(
        ALTER TABLE attempts ADD COLUMN felt_heard INTEGER
            CHECK (felt_heard IS NULL OR felt_heard BETWEEN 0 AND 10);
        DROP INDEX attempts_day;
        CREATE INDEX attempts_day ON attempts(local_day, level, score, mistakes);
        CREATE INDEX attempts_player_day ON attempts(player, local_day, level, score, mistakes);
        CREATE INDEX attempts_time ON attempts(time_ms);
        CREATE INDEX attempts_player_time ON attempts(player, time_ms);
        CREATE INDEX attempts_scenario ON attempts(scenario_id, level, score);
        CREATE INDEX attempts_player_scenario ON attempts(player, scenario_id, level, score);
        CREATE INDEX attempts_rated ON attempts(felt_heard, score)
            WHERE felt_heard IS NOT NULL;
        CREATE INDEX attempts_player_rated ON attempts(player, felt_heard, score)
            WHERE felt_heard IS NOT NULL;
    )sql"},
};
static_assert(std::size(kMigrations) == HistoryStore::kSchemaVersion);

const char* kInsertSql =
    "INSERT INTO attempts (time_ms, local_day, mode, player, scenario_id, step_id, response, "
    "source, level, score, mistakes, felt_heard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

bool damaged_code(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// Version 0 with tables in it is another program's database, not a new one.
bool has_tables(sqlite3* db) {
    Statement s(db, "SELECT 1 FROM sqlite_master LIMIT 1");
    return s.ok() && s.step() == SQLITE_ROW;
}

// Switching a new database to WAL needs an exclusive lock, and when two processes open it at
// once SQLite reports SQLITE_BUSY at once instead of calling the busy handler (waiting could
// deadlock inside it). Waiting out here, holding no lock, is safe.
int exec_waiting(HistoryStore::Db& db, const char* sql) {
    int rc = db.exec(sql);
    for (int waited_ms = 0; (rc & 0xff) == SQLITE_BUSY && waited_ms < 5000; waited_ms += 5) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        rc = db.exec(sql);
    }
    return rc;
}

std::string utc_stamp() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

} // namespace

// [SECTION] Opening

HistoryStore::HistoryStore(std::filesystem::path file, Access access)
    : file_(std::move(file)), access_(access) {
    auto unavailable = [&](const std::string& why) {
        close();
        unavailable_reason_ =
            "Progress history is not available: " + why + "." +
            (access_ == Access::ReadWrite ? " Practice still works, but attempts are not saved."
                                          : "");
        notice_ = (notice_.empty() ? "" : notice_ + " ") + unavailable_reason_;
    };
    if (access_ == Access::ReadWrite && file_.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file_.parent_path(), ec);
        if (ec) {
            unavailable("cannot create the folder " + file_.parent_path().string() + " (" +
                        ec.message() + ")");
            return;
        }
    }
    std::string problem;
    OpenResult result = try_open(problem);
    if (result == OpenResult::Damaged && access_ == Access::ReadWrite) {
        std::string moved_to;
        if (!move_aside(moved_to)) {
            unavailable(file_.string() + " is damaged and could not be moved aside (" + moved_to +
                        ")");
            return;
        }
        if (!moved_to.empty()) { // empty: another instance moved it and told the user
            notice_ = "Your practice history " + file_.string() +
                      " was damaged and could not be read. It was moved to " + moved_to +
                      " and a new, empty history was started.";
        }
        result = try_open(problem);
    }
    if (result != OpenResult::Ok) {
        unavailable(result == OpenResult::Damaged
                        ? file_.string() + " is not a readable history database"
                        : problem);
    }
}

HistoryStore::~HistoryStore() {
    close();
}

void HistoryStore::close() {
    db_.reset();
}

std::string HistoryStore::take_notice() {
    std::string n = std::move(notice_);
    notice_.clear();
    return n;
}

HistoryStore::OpenResult HistoryStore::try_open(std::string& problem) {
    close();
    auto db = std::make_unique<Db>();
    const int flags = access_ == Access::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                   : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(file_.c_str(), &db->handle, flags, nullptr);
    if (struct stat st {}; rc == SQLITE_OK && ::stat(file_.c_str(), &st) == 0) {
        opened_file_ = {st.st_dev, st.st_ino};
    }
    auto fail = [&](const std::string& what) {
        if (damaged_code(rc)) {
            return OpenResult::Damaged;
        }
        problem = "cannot " + what + " " + file_.string() + " (" +
                  (db->handle != nullptr ? db->error() : sqlite3_errstr(rc)) + ")";
        return OpenResult::Failed;
    };
    if (rc != SQLITE_OK) {
        return fail("open");
    }
    sqlite3_extended_result_codes(db->handle, 1);
    // Another instance of the app may hold the write lock for a moment: wait, don't fail.
    sqlite3_busy_timeout(db->handle, 5000);

    // Reading the schema is the first touch of the file: a file that is not SQLite fails here.
    // The version and whether there are tables are read in one transaction: another instance
    // creating the file at this moment commits both at once, and two separate reads could see
    // its tables but not yet its version, and take the file for another program's.
    int version = -1;
    bool foreign_tables = false;
    {
        Transaction snapshot(*db, false);
        rc = snapshot.code();
        if (snapshot.ok()) {
            version = read_user_version(db->handle, rc);
        }
        if (rc != SQLITE_OK) {
            return fail("read");
        }
        foreign_tables = version == 0 && has_tables(db->handle);
    }
    // Before anything writes: even switching to WAL would change a newer version's file.
    if (version > kSchemaVersion && access_ == Access::ReadWrite) {
        problem = file_.string() +
                  " was written by a newer version of Empathy Trainer "
                  "(history schema " +
                  std::to_string(version) + "; this version knows up to " +
                  std::to_string(kSchemaVersion) + "), so it is left as it is";
        return OpenResult::Failed;
    }
    if (foreign_tables) {
        problem = file_.string() + " is a database of another program, so it is left as it is";
        return OpenResult::Failed;
    }
    if (access_ == Access::ReadWrite) {
        if (sqlite3_db_readonly(db->handle, "main") == 1) {
            problem = "cannot write to " + file_.string() + " (it is read-only)";
            return OpenResult::Failed;
        }
        // WAL: readers never block the writer, and a killed process loses nothing committed.
        // NORMAL is durable against a crash of the app (not of the machine) and keeps a
        // commit well under a millisecond, because it does not fsync every transaction.
        rc = exec_waiting(*db, "PRAGMA journal_mode = WAL");
        if (rc != SQLITE_OK) {
            return fail("use");
        }
    }
    rc = db->exec("PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; "
                  "PRAGMA temp_store = MEMORY");
    if (rc != SQLITE_OK) {
        return fail("use");
    }
    {
        // quick_check reads every page without the cost of checking index contents.
        Statement check(db->handle, "PRAGMA quick_check");
        rc = check.prepare_code();
        if (!check.ok()) {
            return fail("check");
        }
        rc = check.step();
        if (rc == SQLITE_ROW && check.text(0) != "ok") {
            return OpenResult::Damaged;
        }
        if (rc != SQLITE_ROW) {
            return fail("check");
        }
    }
    if (version < kSchemaVersion && access_ == Access::ReadWrite) {
        Transaction t(*db, true);
        if (!t.ok()) {
            rc = t.code();
            return fail("upgrade");
        }
        // Another instance may have upgraded it while we waited for the lock.
        version = read_user_version(db->handle, rc);
        for (const Migration& m : kMigrations) {
            if (rc == SQLITE_OK && m.version > version) {
                rc = db->exec(m.sql);
                if (rc == SQLITE_OK) {
                    // PRAGMA takes no parameters; the value is our own constant.
                    rc = db->exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
                }
            }
        }
        if (rc == SQLITE_OK) {
            rc = t.commit();
        }
        if (rc != SQLITE_OK) {
            return fail("upgrade");
        }
    }
    if (access_ == Access::ReadWrite) {
        db->insert = Statement(db->handle, kInsertSql);
        if (!db->insert.ok()) {
            rc = db->insert.prepare_code();
            return fail("prepare");
        }
    }
    db_ = std::move(db);
    return OpenResult::Ok;
}

bool HistoryStore::move_aside(std::string& moved_to) {
    close();
    // Two instances can find the same damaged file; the first moves it aside and starts a new
    // one, which the second must not move aside in turn.
    struct stat now {};
    if (::stat(file_.c_str(), &now) == 0 &&
        (now.st_dev != opened_file_.first || now.st_ino != opened_file_.second)) {
        moved_to.clear();
        return true;
    }
    const std::string base = file_.string() + ".corrupt-" + utc_stamp();
    std::string target = base;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(target, ec) && n < 1000; ++n) {
        target = base + "-" + std::to_string(n);
    }
    // The write-ahead log goes first and with its database: replayed onto a new database,
    // a stale log would corrupt it.
    for (const char* suffix : {"-wal", "-shm", ""}) {
        const std::filesystem::path from = file_.string() + suffix;
        if (*suffix != '\0' && !std::filesystem::exists(from, ec)) {
            continue;
        }
        std::filesystem::rename(from, target + suffix, ec);
        if (ec) {
            moved_to = "cannot rename " + from.string() + ": " + ec.message();
            return false;
        }
    }
    moved_to = target;
    return true;
}

} // namespace et
