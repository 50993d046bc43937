// The practice history: every attempt kept in a local SQLite database, with the aggregated
// progress summary the Progress screen shows and CSV/JSON export.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mistakes.hpp"
#include "core/practice_session.hpp"

namespace et {

enum class PracticeMode { Solo, Couples, Workshop, Checkin };
const char* practice_mode_id(PracticeMode mode);
std::optional<PracticeMode> parse_practice_mode(std::string_view id);

// One answer to one step, as it is kept.
struct Attempt {
    std::int64_t id = 0;      // assigned by record(); ignored on input
    std::int64_t time_ms = 0; // UTC, milliseconds since the epoch; 0 on input: now
    std::string local_day;    // YYYY-MM-DD in the user's time zone; empty on input: from time_ms
    PracticeMode mode = PracticeMode::Solo;
    std::string player; // empty for solo practice without a name
    std::string scenario_id;
    std::string step_id;
    std::optional<std::string> response; // nothing when the user turned keeping words off
    AnswerSource source = AnswerSource::Typed;
    int level = 0; // 0..2
    int score = 0; // 0..100
    std::vector<Mistake> mistakes;
    std::optional<int> felt_heard; // 0..10, the speaker's own rating in couples mode

    bool operator==(const Attempt&) const = default;
};

// The attempt for an answered exchange; the response is dropped when `keep_words` is false.
Attempt attempt_from_exchange(const Exchange& exchange, std::string scenario_id, PracticeMode mode,
                              std::string player, bool keep_words);

// The local calendar day (YYYY-MM-DD) of a UTC time, in the process's time zone.
std::string local_day_of(std::int64_t time_ms);
std::int64_t now_ms();

// Points are sized for plotting: the series keep only the most recent entries.
inline constexpr std::size_t kMaxDayPoints = 366;
inline constexpr std::size_t kMaxAttemptPoints = 500;
inline constexpr std::size_t kMaxWeekPoints = 104;
// weakest_mistake() looks at this many of the most recent attempts.
inline constexpr int kWeakestWindow = 50;

using MistakeCounts = std::array<int, kMistakeCount>; // indexed like kAllMistakes

struct DayPoint {
    std::string day; // YYYY-MM-DD
    int attempts = 0;
    double average_level = 0;
    double average_score = 0;
};

struct AttemptPoint {
    std::int64_t time_ms = 0;
    int level = 0;
    int score = 0;
};

struct WeekPoint {
    std::string week; // ISO 8601 week of the local day, e.g. 2026-W47
    int attempts = 0;
    double average_level = 0;
    double average_score = 0;
    MistakeCounts mistakes{};
};

// Couples mode: the speaker's own rating beside the engine's score for the same answers.
struct FeltHeard {
    int rated = 0; // attempts with a rating
    double average_rating = 0; // 0..10
    double average_score = 0;  // 0..100, the engine's, over the same attempts
};

struct ScenarioBest {
    std::string scenario_id;
    int best_level = 0;
    int best_score = 0;
    int attempts = 0;
};

// A snapshot of everything the Progress screen draws, computed in SQL in one read
// transaction. It is a plain value: draw from it every frame, recompute it only after a write.
struct ProgressSummary {
    bool available = false;            // false: history is not available (see the store)
    std::optional<std::string> player; // the filter it was computed for; nothing: everyone
    std::int64_t attempts = 0;
    int practice_days = 0;
    std::vector<DayPoint> per_day;         // oldest first, the last kMaxDayPoints days practised
    std::vector<AttemptPoint> per_attempt; // oldest first, the last kMaxAttemptPoints attempts
    std::vector<WeekPoint> per_week;       // oldest first, the last kMaxWeekPoints weeks
    MistakeCounts mistake_totals{};
    std::optional<Mistake> most_common_mistake; // over all attempts; nothing when none made
    std::optional<Mistake> weakest_mistake;     // most common in the last kWeakestWindow
    int current_streak = 0; // consecutive practice days ending today or yesterday
    int best_streak = 0;
    std::vector<ScenarioBest> best_per_scenario; // by scenario id
    std::vector<std::string> players;            // every distinct player, whatever the filter
    FeltHeard felt_heard;
};

// Where history lives by default: $XDG_DATA_HOME/empathy-trainer/history.sqlite3.
std::filesystem::path default_history_path();

// The history database. Never throws: when the database cannot be opened or created the
// store is "not available", says why once, and record() does nothing, so practice goes on.
// One store per process and thread; other processes may use the same file at the same time.
//
// From the GUI: open one at startup (GuiOptions::history_db, else default_history_path())
// and show take_notice() once if it is not empty. After each answer, record(
// attempt_from_exchange(...)) with Settings::keep_response_words. The Progress screen calls
// refresh() when it opens and draws summary() every frame; set_player() filters it.
class HistoryStore {
public:
    enum class Access { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 2;

    // Opens (creating the directory and the database when needed, and upgrading an older
    // schema in place). A file that is not a readable SQLite database is moved aside to
    // FILE.corrupt-YYYYMMDD-HHMMSS (UTC) and a new database is started; notice() says so.
    // ReadOnly never creates, moves or upgrades anything.
    explicit HistoryStore(std::filesystem::path file, Access access = Access::ReadWrite);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    bool available() const { return db_ != nullptr; }
    const std::filesystem::path& file() const { return file_; }
    // A message for the user, to show once: why history is not available, or that a
    // damaged file was moved aside. Empty when there is nothing to say.
    const std::string& notice() const { return notice_; }
    // Returns the notice and clears it, so the GUI shows it exactly once.
    std::string take_notice();
    // Why history is not available (stays after take_notice(), for the Progress screen);
    // empty when available.
    const std::string& unavailable_reason() const { return unavailable_reason_; }
    // Why the last record(), delete_all() or export failed; empty after a success.
    const std::string& last_error() const { return last_error_; }

    // Records one attempt in its own transaction. Returns its id, or nothing when history
    // is not available or the write failed (last_error() says why). Never throws.
    std::optional<std::int64_t> record(const Attempt& attempt);
    // Sets the speaker's felt-heard rating (0..10) of a recorded attempt, for when the
    // speaker rates after the answer was recorded. False when there is no such attempt.
    bool set_felt_heard(std::int64_t id, int rating);
    // Removes every attempt. Returns false when not available or failed.
    bool delete_all();

    // The cached snapshot for the current player filter. Cheap: call it every frame. It is
    // recomputed on the first call after this store wrote, after set_player() changed the
    // filter, or after refresh() (call that when the Progress screen opens, to pick up what
    // another instance of the app recorded meanwhile).
    const ProgressSummary& summary();
    void set_player(std::optional<std::string> player);
    const std::optional<std::string>& player() const { return player_; }
    void refresh() { summary_stale_ = true; }

    // Computes a snapshot now. `today` (YYYY-MM-DD) defaults to the local day.
    ProgressSummary compute_summary(const std::optional<std::string>& player,
                                    const std::string& today = {}) const;
    // The mistake most often made in the last kWeakestWindow attempts: what to practise next.
    std::optional<Mistake> weakest_mistake(const std::optional<std::string>& player = {}) const;
    std::vector<std::string> players() const;

    // Every attempt, oldest first (optionally one player's).
    std::vector<Attempt> attempts(const std::optional<std::string>& player = {}) const;
    // CSV with a header row (RFC 4180 quoting; mistakes as ids separated by spaces) or a
    // JSON array of objects (mistakes as an array of ids). Return false on a read error.
    bool export_csv(std::ostream& out, const std::optional<std::string>& player = {});
    bool export_json(std::ostream& out, const std::optional<std::string>& player = {});

    // For tests and diagnostics: the schema version of the open database, and the result
    // of PRAGMA integrity_check ("ok" when sound).
    int schema_version() const;
    std::string integrity_check() const;

    struct Db; // the connection and its prepared statements (history_db.hpp)

private:
    enum class OpenResult { Ok, Damaged, Failed };
    OpenResult try_open(std::string& problem);
    void close();
    bool move_aside(std::string& moved_to);
    bool for_each_attempt(const std::optional<std::string>& player,
                          const std::function<void(const Attempt&)>& visit,
                          std::string& error) const;

    std::filesystem::path file_;
    Access access_;
    std::unique_ptr<Db> db_;
    std::pair<std::uint64_t, std::uint64_t> opened_file_{}; // device and inode, when opened
    std::string notice_;
    std::string unavailable_reason_;
    std::string last_error_;
    std::optional<std::string> player_;
    ProgressSummary summary_;
    bool summary_stale_ = true;
};

} // namespace et
