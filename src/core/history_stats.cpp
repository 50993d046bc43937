// The progress summary: per-day and per-attempt series, ISO weeks, streaks, best levels and
// felt-heard ratings, computed in SQL over covering indexes in one read transaction.
#include <algorithm>

#include "core/history.hpp"
#include "core/history_db.hpp"

namespace et {

namespace {

// `WHERE player = ?1` only when filtering: two texts rather than `?1 IS NULL OR ...`, which
// would keep SQLite from using the player indexes.
std::string where(const std::optional<std::string>& player) {
    return player ? " WHERE player = ?1 " : " ";
}

void bind_player(Statement& s, const std::optional<std::string>& player) {
    if (player) {
        s.bind(1, *player);
    }
}

// `, sum((mistakes >> 0) & 1), ...`: one count per mistake bit of `column`.
std::string mistake_sums(const char* column) {
    std::string out;
    for (std::size_t i = 0; i < kMistakeCount; ++i) {
        out += ", sum((" + std::string(column) + " >> " + std::to_string(i) + ") & 1)";
    }
    return out;
}

MistakeCounts read_counts(const Statement& s, int first_column) {
    MistakeCounts counts{};
    for (std::size_t i = 0; i < kMistakeCount; ++i) {
        // Columns follow the bit order; the array follows kAllMistakes.
        const auto m = parse_mistake(kMistakeBitIds[i]);
        const auto at = std::find(kAllMistakes.begin(), kAllMistakes.end(), *m);
        counts[static_cast<std::size_t>(at - kAllMistakes.begin())] =
            s.integer(first_column + static_cast<int>(i));
    }
    return counts;
}

std::optional<Mistake> most_common(const MistakeCounts& counts) {
    // Ties go to the earlier mistake in kAllMistakes, so the answer is stable.
    const auto best = std::max_element(counts.begin(), counts.end());
    if (*best == 0) {
        return std::nullopt;
    }
    return kAllMistakes[static_cast<std::size_t>(best - counts.begin())];
}

std::string previous_day(const std::string& day, sqlite3* db) {
    Statement s(db, "SELECT date(?1, '-1 day')");
    s.bind(1, day);
    return s.step() == SQLITE_ROW && !s.is_null(0) ? s.text(0) : std::string();
}

} // namespace

ProgressSummary HistoryStore::compute_summary(const std::optional<std::string>& player,
                                              const std::string& today_in) const {
    ProgressSummary out;
    out.player = player;
    if (!db_) {
        return out;
    }
    sqlite3* db = db_->handle;
    // One snapshot: a write by another process between two queries cannot skew the figures.
    Transaction t(*db_, false);
    const std::string w = where(player);

    // One pass over the attempts (a covering index, in day order) fills a small table of
    // days; totals, the day series, weeks and streaks are then read from a few hundred rows
    // instead of scanning 100,000 attempts once each.
    std::string day_columns, day_sums, week_sums;
    for (std::size_t i = 0; i < kMistakeCount; ++i) {
        const std::string m = "m" + std::to_string(i);
        day_columns += ", " + m + " INTEGER";
        day_sums += ", sum((mistakes >> " + std::to_string(i) + ") & 1)";
        week_sums += ", sum(" + m + ")";
    }
    int rc = db_->exec(("CREATE TEMP TABLE IF NOT EXISTS summary_days (day TEXT PRIMARY KEY, "
                        "n INTEGER, level_sum INTEGER, score_sum INTEGER" +
                        day_columns + "); DELETE FROM temp.summary_days")
                           .c_str());
    {
        Statement fill(db, "INSERT INTO temp.summary_days SELECT local_day, count(*), "
                           "sum(level), sum(score)" +
                               day_sums + " FROM attempts" + w + "GROUP BY local_day");
        bind_player(fill, player);
        if (rc != SQLITE_OK || !fill.ok() || fill.step() != SQLITE_DONE) {
            return out;
        }
    }
    {
        Statement s(db, "SELECT coalesce(sum(n), 0), count(*)" + week_sums +
                            " FROM temp.summary_days");
        if (s.step() != SQLITE_ROW) {
            return out;
        }
        out.attempts = s.int64(0);
        out.practice_days = s.integer(1);
        out.mistake_totals = read_counts(s, 2);
        out.most_common_mistake = most_common(out.mistake_totals);
    }
    {
        Statement s(db, "SELECT * FROM (SELECT day, n, CAST(level_sum AS REAL) / n, "
                        "CAST(score_sum AS REAL) / n FROM temp.summary_days "
                        "ORDER BY day DESC LIMIT ?1) ORDER BY day");
        s.bind(1, static_cast<std::int64_t>(kMaxDayPoints));
        while (s.step() == SQLITE_ROW) {
            out.per_day.push_back({s.text(0), s.integer(1), s.real(2), s.real(3)});
        }
    }
    {
        Statement s(db, "SELECT time_ms, level, score FROM attempts" + w +
                            "ORDER BY time_ms DESC, id DESC LIMIT ?2");
        bind_player(s, player);
        s.bind(2, static_cast<std::int64_t>(kMaxAttemptPoints));
        while (s.step() == SQLITE_ROW) {
            out.per_attempt.push_back({s.int64(0), s.integer(1), s.integer(2)});
        }
        std::reverse(out.per_attempt.begin(), out.per_attempt.end());
    }
    {
        // ISO 8601 weeks: a week belongs to the year of its Thursday, and is numbered by
        // that Thursday's day of the year ('weekday 0' moves to the week's Sunday).
        Statement s(db, "SELECT strftime('%Y', thu) || '-W' || "
                        "printf('%02d', (CAST(strftime('%j', thu) AS INTEGER) - 1) / 7 + 1), * "
                        "FROM (SELECT date(day, 'weekday 0', '-3 days') AS thu, sum(n), "
                        "CAST(sum(level_sum) AS REAL) / sum(n), "
                        "CAST(sum(score_sum) AS REAL) / sum(n)" +
                            week_sums +
                            " FROM temp.summary_days GROUP BY thu ORDER BY thu DESC LIMIT ?1) "
                            "ORDER BY thu");
        s.bind(1, static_cast<std::int64_t>(kMaxWeekPoints));
        while (s.step() == SQLITE_ROW) {
            out.per_week.push_back(
                {s.text(0), s.integer(2), s.real(3), s.real(4), read_counts(s, 5)});
        }
    }
    {
        // Runs of consecutive days: within a run, day number minus rank is constant.
        Statement s(db, "SELECT max(day), count(*) FROM (SELECT day, "
                        "CAST(julianday(day) AS INTEGER) - row_number() OVER (ORDER BY day) "
                        "AS run FROM temp.summary_days) GROUP BY run ORDER BY max(day)");
        std::string last_day;
        int last_length = 0;
        while (s.step() == SQLITE_ROW) {
            last_day = s.text(0);
            last_length = s.integer(1);
            out.best_streak = std::max(out.best_streak, last_length);
        }
        const std::string today = today_in.empty() ? local_day_of(now_ms()) : today_in;
        if (!last_day.empty() && (last_day >= today || last_day == previous_day(today, db))) {
            out.current_streak = last_length;
        }
    }
    {
        Statement s(db, "SELECT scenario_id, max(level), max(score), count(*) FROM attempts" + w +
                            "GROUP BY scenario_id ORDER BY scenario_id");
        bind_player(s, player);
        while (s.step() == SQLITE_ROW) {
            out.best_per_scenario.push_back({s.text(0), s.integer(1), s.integer(2), s.integer(3)});
        }
    }
    {
        Statement s(db, "SELECT count(*), coalesce(avg(felt_heard), 0), coalesce(avg(score), 0) "
                        "FROM attempts" +
                            w + (player ? "AND" : "WHERE") + " felt_heard IS NOT NULL");
        bind_player(s, player);
        if (s.step() == SQLITE_ROW) {
            out.felt_heard = {s.integer(0), s.real(1), s.real(2)};
        }
    }
    out.players = players();
    out.weakest_mistake = weakest_mistake(player);
    out.available = true;
    return out;
}

std::optional<Mistake>
HistoryStore::weakest_mistake(const std::optional<std::string>& player) const {
    if (!db_) {
        return std::nullopt;
    }
    Statement s(db_->handle, "SELECT 0" + mistake_sums("mistakes") +
                                 " FROM (SELECT mistakes FROM attempts" + where(player) +
                                 "ORDER BY time_ms DESC, id DESC LIMIT ?2)");
    bind_player(s, player);
    s.bind(2, kWeakestWindow);
    if (s.step() != SQLITE_ROW) {
        return std::nullopt;
    }
    return most_common(read_counts(s, 1));
}

std::vector<std::string> HistoryStore::players() const {
    std::vector<std::string> out;
    if (!db_) {
        return out;
    }
    Statement s(db_->handle, "SELECT DISTINCT player FROM attempts ORDER BY player");
    while (s.step() == SQLITE_ROW) {
        out.push_back(s.text(0));
    }
    return out;
}

const ProgressSummary& HistoryStore::summary() {
    if (summary_stale_) {
        summary_ = compute_summary(player_);
        summary_stale_ = false;
    }
    return summary_;
}

void HistoryStore::set_player(std::optional<std::string> player) {
    if (player != player_) {
        player_ = std::move(player);
        summary_stale_ = true;
    }
}

} // namespace et
