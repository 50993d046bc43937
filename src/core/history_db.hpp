// Internal to the history store: a thin RAII layer over SQLite connections and prepared
// statements, so every query binds its parameters and every handle is released.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "core/history.hpp"

namespace et {

// A prepared statement. Parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(Statement&& other) noexcept : stmt_(other.stmt_), rc_(other.rc_) {
        other.stmt_ = nullptr;
    }
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    int prepare_code() const { return rc_; }

    void bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
    void bind(int index, int value) { sqlite3_bind_int(stmt_, index, value); }
    // SQLITE_TRANSIENT: the text is copied, so temporaries are safe to pass.
    void bind(int index, std::string_view text) {
        sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
    }
    void bind(int index, const char* text) { bind(index, std::string_view(text)); }
    void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
    void bind_null(int index) { sqlite3_bind_null(stmt_, index); }
    void bind(int index, const std::optional<std::string>& text) {
        text ? bind(index, *text) : bind_null(index);
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    // Ready to run again with new bindings.
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    int integer(int column) const { return sqlite3_column_int(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    std::string text(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

struct HistoryStore::Db {
    sqlite3* handle = nullptr;
    Statement insert; // prepared once: recording is the hot path

    ~Db() { close(); }
    void close();
    // Runs statements that take no parameters (schema, pragmas, BEGIN/COMMIT).
    int exec(const char* sql);
    std::string error() const { return sqlite3_errmsg(handle); }
};

// Rolls back unless committed, so an early return never leaves a transaction open.
class Transaction {
public:
    // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later
    // can fail with SQLITE_BUSY without waiting, when another process writes at once.
    Transaction(HistoryStore::Db& db, bool write);
    ~Transaction();
    bool ok() const { return rc_ == SQLITE_OK; }
    int code() const { return rc_; }
    int commit();

private:
    HistoryStore::Db& db_;
    int rc_;
    bool open_;
};

// PRAGMA user_version, or -1 with `rc` set when it cannot be read.
int read_user_version(sqlite3* db, int& rc);
// "YYYY-MM-DD" with a plausible month and day: enough for SQLite's date functions, which
// the weeks and streaks rely on.
bool is_local_day(const std::string& d);

// The mistakes column is a bit set: bit i is the mistake with id kMistakeBitIds[i]. Bits are
// tied to ids, not to the enum's order, and new mistakes may only be appended.
inline constexpr std::string_view kMistakeBitIds[] = {
    "fixing",    "i_understand", "hijacking", "problem_solving_question", "making_it_about_you",
    "dismissing"};
int mistake_bit(Mistake m);

} // namespace et
