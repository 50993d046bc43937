// The failures the history store must survive: a writer killed mid-stream, a damaged or
// foreign file at its path, a folder it cannot write, and two processes writing at once.
#include <csignal>
#include <cstdio>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "history_support.hpp"

namespace et {
namespace {

using test::attempt;
using test::History;
using test::read_file;
namespace fs = std::filesystem;

std::set<std::int64_t> ids_in(const HistoryStore& store) {
    std::set<std::int64_t> ids;
    for (const Attempt& a : store.attempts()) {
        ids.insert(a.id);
    }
    return ids;
}

fs::path moved_aside(const fs::path& db) {
    for (const auto& entry : fs::directory_iterator(db.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(db.filename().string() + ".corrupt-", 0) == 0 &&
            name.find("-wal") == std::string::npos && name.find("-shm") == std::string::npos) {
            return entry.path();
        }
    }
    return {};
}

// [SECTION] A writer killed with SIGKILL

TEST_F(History, KillingAWriterLosesNoCommittedAttempt) {
    std::set<std::int64_t> committed;
    // Several rounds on the same file: each must open cleanly after the previous kill.
    for (int round = 0; round < 3; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            HistoryStore store(db());
            Attempt a = attempt("2026-11-22", 1, 60);
            a.response = std::string(2000, 'w'); // several pages per transaction
            for (;;) {
                const auto id = store.record(a);
                if (!id) {
                    ::_exit(3);
                }
                // Reported only after COMMIT returned: the promise under test.
                if (::write(fds[1], &*id, sizeof *id) != sizeof *id) {
                    ::_exit(4);
                }
            }
        }
        ::close(fds[1]);
        std::int64_t id = 0;
        const std::size_t want = 40 + 70 * static_cast<std::size_t>(round);
        std::size_t seen = 0;
        while (seen < want && ::read(fds[0], &id, sizeof id) == sizeof id) {
            committed.insert(id);
            ++seen;
        }
        ASSERT_EQ(seen, want) << "the writer stopped early";
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        while (::read(fds[0], &id, sizeof id) == sizeof id) {
            committed.insert(id);
        }
        ::close(fds[0]);

        HistoryStore after(db());
        ASSERT_TRUE(after.available()) << after.notice();
        EXPECT_TRUE(after.notice().empty()) << after.notice();
        EXPECT_EQ(after.integrity_check(), "ok");
        const auto stored = ids_in(after);
        for (std::int64_t c : committed) {
            ASSERT_TRUE(stored.count(c)) << "committed attempt " << c << " was lost";
        }
    }
    EXPECT_FALSE(fs::exists(moved_aside(db())));
}

// [SECTION] A damaged or foreign file

TEST_F(History, AFileThatIsNotSqliteIsMovedAsideAndReportedOnce) {
    fs::create_directories(db().parent_path());
    const std::string garbage =
        "these are someone's notes, not a database\n" + std::string(5000, 'x');
    std::ofstream(db(), std::ios::binary) << garbage;

    HistoryStore store(db());
    ASSERT_TRUE(store.available()) << store.notice();
    const fs::path aside = moved_aside(db());
    ASSERT_FALSE(aside.empty());
    EXPECT_EQ(read_file(aside), garbage); // kept, byte for byte
    const std::string notice = store.take_notice();
    EXPECT_NE(notice.find(aside.string()), std::string::npos) << notice;
    EXPECT_TRUE(store.take_notice().empty()); // said once
    ASSERT_TRUE(store.record(attempt("2026-11-22", 1, 60)));
    EXPECT_EQ(store.integrity_check(), "ok");

    // The new database is sound: opening again says nothing and moves nothing.
    HistoryStore again(db());
    EXPECT_TRUE(again.notice().empty()) << again.notice();
    EXPECT_EQ(again.attempts().size(), 1u);
}

TEST_F(History, ADamagedDatabaseIsMovedAsideWithItsLog) {
    {
        HistoryStore store(db());
        Attempt a = attempt("2026-11-22", 1, 60);
        a.response = std::string(3000, 'r');
        for (int i = 0; i < 200; ++i) {
            ASSERT_TRUE(store.record(a));
        }
    }
    // Scribble over the middle of the file, past the header: pages of the table.
    const auto size = fs::file_size(db());
    ASSERT_GT(size, 64u * 1024);
    {
        std::fstream f(db(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2));
        const std::string junk(16 * 1024, '\xA5');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const std::string damaged = read_file(db());

    HistoryStore store(db());
    ASSERT_TRUE(store.available()) << store.notice();
    const fs::path aside = moved_aside(db());
    ASSERT_FALSE(aside.empty()) << store.notice();
    EXPECT_TRUE(read_file(aside) == damaged);
    EXPECT_NE(aside.filename().string().find(".corrupt-20"), std::string::npos);
    EXPECT_FALSE(store.notice().empty());
    EXPECT_TRUE(store.attempts().empty());
    EXPECT_TRUE(store.record(attempt("2026-11-22", 1, 60)));
}

TEST_F(History, ReadOnlyAccessNeverMovesOrCreatesAnything) {
    const fs::path missing = dir_ / "nothing" / "history.sqlite3";
    HistoryStore none(missing, HistoryStore::Access::ReadOnly);
    EXPECT_FALSE(none.available());
    EXPECT_FALSE(fs::exists(missing.parent_path()));

    fs::create_directories(db().parent_path());
    std::ofstream(db(), std::ios::binary) << "not a database at all, but long enough to matter";
    HistoryStore reader(db(), HistoryStore::Access::ReadOnly);
    EXPECT_FALSE(reader.available());
    EXPECT_NE(reader.notice().find("not a readable history database"), std::string::npos)
        << reader.notice();
    EXPECT_TRUE(moved_aside(db()).empty());
}

// [SECTION] Nowhere to write

void expect_unavailable_but_harmless(const fs::path& file) {
    HistoryStore store(file);
    EXPECT_FALSE(store.available()) << file;
    const std::string notice = store.notice();
    EXPECT_EQ(notice.rfind("Progress history is not available: ", 0), 0u) << notice;
    EXPECT_NE(notice.find("Practice still works"), std::string::npos) << notice;
    EXPECT_FALSE(store.record(attempt("2026-11-22", 1, 60))); // a no-op, not a throw
    EXPECT_FALSE(store.summary().available);
    EXPECT_EQ(store.summary().attempts, 0);
    EXPECT_FALSE(store.delete_all());
    EXPECT_TRUE(store.attempts().empty());
    EXPECT_FALSE(store.weakest_mistake());
    std::ostringstream out;
    EXPECT_FALSE(store.export_csv(out));
    EXPECT_EQ(store.take_notice(), notice);
    EXPECT_TRUE(store.notice().empty());
    EXPECT_EQ(store.unavailable_reason(), notice); // still there for the Progress screen
}

TEST_F(History, AnUncreatableFolderLeavesHistoryUnavailable) {
    // A file where the folder should be: fails even for root.
    std::ofstream(dir_ / "data") << "a file, not a folder";
    expect_unavailable_but_harmless(db());
    // /proc refuses new entries to everyone.
    expect_unavailable_but_harmless("/proc/et-history-test/empathy-trainer/history.sqlite3");
    // A folder where the database should be.
    fs::create_directories(dir_ / "folder" / "history.sqlite3");
    expect_unavailable_but_harmless(dir_ / "folder" / "history.sqlite3");
}

TEST_F(History, AnotherProgramsDatabaseIsLeftAlone) {
    fs::create_directories(db().parent_path());
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db().c_str(), &raw), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE recipes (name TEXT)", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(raw);
    }
    const std::string before = read_file(db());
    expect_unavailable_but_harmless(db());
    EXPECT_TRUE(read_file(db()) == before);
    EXPECT_TRUE(moved_aside(db()).empty());
}

TEST_F(History, AReadOnlyFolderLeavesHistoryUnavailable) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root writes to read-only folders";
    }
    fs::create_directories(db().parent_path());
    fs::permissions(db().parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    expect_unavailable_but_harmless(db());
    fs::permissions(db().parent_path(), fs::perms::owner_all);
}

TEST_F(History, AReadOnlyDatabaseFileLeavesHistoryUnavailable) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root writes to read-only files";
    }
    { HistoryStore create(db()); }
    fs::permissions(db(), fs::perms::owner_read);
    expect_unavailable_but_harmless(db());
    fs::permissions(db(), fs::perms::owner_read | fs::perms::owner_write);
}

// [SECTION] Two processes at once

TEST_F(History, TwoProcessesWritingAtOnceLoseNothing) {
    constexpr int kEach = 300;
    int start[2];
    ASSERT_EQ(::pipe(start), 0);
    pid_t children[2];
    for (int c = 0; c < 2; ++c) {
        children[c] = ::fork();
        ASSERT_GE(children[c], 0);
        if (children[c] == 0) {
            ::close(start[1]);
            char go;
            (void)::read(start[0], &go, 1); // both create and migrate the new file at once
            HistoryStore store(db());
            const std::string player = "player" + std::to_string(c);
            for (int i = 0; i < kEach; ++i) {
                if (!store.record(attempt("2026-11-22", 1, i % 101, {}, "s", player))) {
                    std::fprintf(stderr, "writer %d: %s %s\n", c, store.notice().c_str(),
                                 store.last_error().c_str());
                    ::_exit(10 + c);
                }
            }
            ::_exit(store.notice().empty() ? 0 : 20);
        }
    }
    ::close(start[0]);
    ::close(start[1]); // go
    for (pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    }
    HistoryStore store(db());
    ASSERT_TRUE(store.available()) << store.notice();
    EXPECT_EQ(store.integrity_check(), "ok");
    EXPECT_EQ(store.attempts(std::string("player0")).size(), static_cast<std::size_t>(kEach));
    EXPECT_EQ(store.attempts(std::string("player1")).size(), static_cast<std::size_t>(kEach));
    EXPECT_EQ(store.schema_version(), HistoryStore::kSchemaVersion);
}

} // namespace
} // namespace et
