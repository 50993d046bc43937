// The RAII layer over SQLite that the history store is written on.
#include "core/history_db.hpp"

namespace et {

Statement::Statement(sqlite3* db, std::string_view sql) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc_ != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = other.stmt_;
        rc_ = other.rc_;
        other.stmt_ = nullptr;
    }
    return *this;
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), n);
}

void HistoryStore::Db::close() {
    insert = Statement();
    if (handle != nullptr) {
        sqlite3_close_v2(handle);
        handle = nullptr;
    }
}

int HistoryStore::Db::exec(const char* sql) {
    return sqlite3_exec(handle, sql, nullptr, nullptr, nullptr);
}

Transaction::Transaction(HistoryStore::Db& db, bool write)
    : db_(db), rc_(db.exec(write ? "BEGIN IMMEDIATE" : "BEGIN")), open_(rc_ == SQLITE_OK) {}

Transaction::~Transaction() {
    if (open_) {
        db_.exec("ROLLBACK");
    }
}

int Transaction::commit() {
    rc_ = db_.exec("COMMIT");
    if (rc_ == SQLITE_OK) {
        open_ = false;
    }
    return rc_;
}

int read_user_version(sqlite3* db, int& rc) {
    Statement s(db, "PRAGMA user_version");
    rc = s.prepare_code();
    if (!s.ok()) {
        return -1;
    }
    rc = s.step();
    if (rc != SQLITE_ROW) {
        return -1;
    }
    rc = SQLITE_OK;
    return s.integer(0);
}

bool is_local_day(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (d[i] < '0' || d[i] > '9') {
            return false;
        }
    }
    // Enough for SQLite's date functions, which the weeks and streaks rely on.
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

int mistake_bit(Mistake m) {
    const std::string_view id = mistake_id(m);
    for (std::size_t i = 0; i < std::size(kMistakeBitIds); ++i) {
        if (kMistakeBitIds[i] == id) {
            return static_cast<int>(i);
        }
    }
    return 0; // unreachable: every id has a bit (checked by a test)
}

} // namespace et
