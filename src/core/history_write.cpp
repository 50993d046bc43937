// The history store's writing side: recording attempts, "felt heard" ratings, deleting
// everything, and the checks tests and tools read (opening is in history.cpp).
#include "core/history.hpp"
#include "core/history_db.hpp"

namespace et {

// [SECTION] Writing

std::optional<std::int64_t> HistoryStore::record(const Attempt& a) {
    last_error_.clear();
    if (!db_) {
        last_error_ = "history is not available";
        return std::nullopt;
    }
    const std::int64_t time_ms = a.time_ms != 0 ? a.time_ms : now_ms();
    const std::string day = a.local_day.empty() ? local_day_of(time_ms) : a.local_day;
    if (!is_local_day(day) || a.level < 0 || a.level > 2 || a.score < 0 || a.score > 100 ||
        (a.felt_heard && (*a.felt_heard < 0 || *a.felt_heard > 10))) {
        last_error_ = "not recorded: the attempt has a value out of range";
        return std::nullopt;
    }
    int mistakes = 0;
    for (Mistake m : a.mistakes) {
        mistakes |= 1 << mistake_bit(m);
    }
    Statement& s = db_->insert;
    s.reset();
    s.bind(1, time_ms);
    s.bind(2, day);
    s.bind(3, practice_mode_id(a.mode));
    s.bind(4, a.player);
    s.bind(5, a.scenario_id);
    s.bind(6, a.step_id);
    s.bind(7, a.response);
    s.bind(8, answer_source_id(a.source));
    s.bind(9, a.level);
    s.bind(10, a.score);
    s.bind(11, mistakes);
    if (a.felt_heard) {
        s.bind(12, *a.felt_heard);
    } else {
        s.bind_null(12);
    }
    Transaction t(*db_, true);
    int rc = t.code();
    if (t.ok()) {
        rc = s.step();
        s.reset(); // releases the statement's read of the table before COMMIT
        rc = rc == SQLITE_DONE ? t.commit() : rc;
    }
    if (rc != SQLITE_OK) {
        last_error_ = "not recorded: " + db_->error();
        return std::nullopt;
    }
    summary_stale_ = true;
    return sqlite3_last_insert_rowid(db_->handle);
}

bool HistoryStore::set_felt_heard(std::int64_t id, int rating) {
    last_error_.clear();
    if (!db_) {
        last_error_ = "history is not available";
        return false;
    }
    if (rating < 0 || rating > 10) {
        last_error_ = "not recorded: a felt-heard rating is 0 to 10";
        return false;
    }
    Statement s(db_->handle, "UPDATE attempts SET felt_heard = ?1 WHERE id = ?2");
    s.bind(1, rating);
    s.bind(2, id);
    Transaction t(*db_, true);
    int rc = t.code();
    if (t.ok()) {
        rc = s.step();
        s.reset();
        rc = rc == SQLITE_DONE ? t.commit() : rc;
    }
    if (rc != SQLITE_OK) {
        last_error_ = "not recorded: " + db_->error();
        return false;
    }
    if (sqlite3_changes(db_->handle) == 0) {
        last_error_ = "no attempt has the id " + std::to_string(id);
        return false;
    }
    summary_stale_ = true;
    return true;
}

bool HistoryStore::delete_all() {
    last_error_.clear();
    if (!db_) {
        last_error_ = "history is not available";
        return false;
    }
    Transaction t(*db_, true);
    int rc = t.code();
    if (t.ok()) {
        rc = db_->exec("DELETE FROM attempts");
        rc = rc == SQLITE_OK ? t.commit() : rc;
    }
    if (rc != SQLITE_OK) {
        last_error_ = "not deleted: " + db_->error();
        return false;
    }
    summary_stale_ = true;
    // secure_delete zeroed the freed pages; emptying the log removes its older copies too,
    // so deleted words do not linger in the files. Best effort: the rows are already gone.
    db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
}

int HistoryStore::schema_version() const {
    if (!db_) {
        return 0;
    }
    int rc = SQLITE_OK;
    return read_user_version(db_->handle, rc);
}

std::string HistoryStore::integrity_check() const {
    if (!db_) {
        return "not available";
    }
    Statement s(db_->handle, "PRAGMA integrity_check");
    std::string result;
    while (s.ok() && s.step() == SQLITE_ROW) {
        result += (result.empty() ? "" : "\n") + s.text(0);
    }
    return result;
}

} // namespace et
