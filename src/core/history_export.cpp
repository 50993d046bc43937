// Reading attempts back: the full list, and the CSV and JSON exports (streamed row by row,
// so exporting years of practice needs no more memory than one attempt).
#include <ctime>
#include <ostream>

#include <nlohmann/json.hpp>

#include "core/history.hpp"
#include "core/history_db.hpp"

namespace et {

namespace {

std::vector<Mistake> mistakes_of(int bits) {
    std::vector<Mistake> out;
    for (Mistake m : kAllMistakes) { // in the order of kAllMistakes, like Score::mistakes
        if ((bits >> mistake_bit(m)) & 1) {
            out.push_back(m);
        }
    }
    return out;
}

std::string mistake_ids(const std::vector<Mistake>& mistakes) {
    std::string out;
    for (Mistake m : mistakes) {
        out += (out.empty() ? "" : " ") + std::string(mistake_id(m));
    }
    return out;
}

std::string utc_iso(std::int64_t time_ms) {
    const std::int64_t ms = ((time_ms % 1000) + 1000) % 1000;
    const std::time_t seconds = static_cast<std::time_t>((time_ms - ms) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[40];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
    return buf;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. Leading or
// trailing spaces are quoted too, since some readers trim them.
std::string csv_field(std::string_view s) {
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) {
        return std::string(s);
    }
    std::string out = "\"";
    for (char c : s) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

// Words a person typed (a name, a response): a cell that starts like a formula ("=HYPERLINK(",
// "+1", "@SUM") would be run by a spreadsheet that opens the file, so it gets a leading
// apostrophe, the usual guard that spreadsheets show as plain text.
std::string csv_text_field(std::string_view s) {
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) {
        return csv_field("'" + std::string(s));
    }
    return csv_field(s);
}

} // namespace

bool HistoryStore::for_each_attempt(const std::optional<std::string>& player,
                                    const std::function<void(const Attempt&)>& visit,
                                    std::string& error) const {
    if (!db_) {
        error = "history is not available";
        return false;
    }
    // A database opened read-only is not upgraded: read what its version has.
    const char* felt_heard = schema_version() >= 2 ? "felt_heard" : "NULL";
    Statement s(db_->handle,
                std::string("SELECT id, time_ms, local_day, mode, player, scenario_id, step_id, "
                            "response, source, level, score, mistakes, ") +
                    felt_heard + " FROM attempts" + (player ? " WHERE player = ?1" : "") +
                    " ORDER BY time_ms, id");
    if (!s.ok()) {
        error = sqlite3_errmsg(db_->handle);
        return false;
    }
    if (player) {
        s.bind(1, *player);
    }
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        Attempt a;
        a.id = s.int64(0);
        a.time_ms = s.int64(1);
        a.local_day = s.text(2);
        a.mode = parse_practice_mode(s.text(3)).value_or(PracticeMode::Solo);
        a.player = s.text(4);
        a.scenario_id = s.text(5);
        a.step_id = s.text(6);
        if (!s.is_null(7)) {
            a.response = s.text(7);
        }
        a.source = s.text(8) == "choice" ? AnswerSource::Choice : AnswerSource::Typed;
        a.level = s.integer(9);
        a.score = s.integer(10);
        a.mistakes = mistakes_of(s.integer(11));
        if (!s.is_null(12)) {
            a.felt_heard = s.integer(12);
        }
        visit(a);
    }
    if (rc != SQLITE_DONE) {
        error = sqlite3_errmsg(db_->handle);
        return false;
    }
    return true;
}

std::vector<Attempt> HistoryStore::attempts(const std::optional<std::string>& player) const {
    std::vector<Attempt> out;
    std::string error;
    for_each_attempt(
        player, [&](const Attempt& a) { out.push_back(a); }, error);
    return out;
}

bool HistoryStore::export_csv(std::ostream& out, const std::optional<std::string>& player) {
    last_error_.clear();
    out << "id,time_utc,time_ms,local_day,mode,player,scenario_id,step_id,source,level,score,"
           "mistakes,felt_heard,response\r\n";
    std::string line;
    const bool ok = for_each_attempt(
        player,
        [&](const Attempt& a) {
            line = std::to_string(a.id) + ',' + utc_iso(a.time_ms) + ',' +
                   std::to_string(a.time_ms) + ',' + a.local_day + ',' + practice_mode_id(a.mode) +
                   ',' + csv_text_field(a.player) + ',' + csv_field(a.scenario_id) + ',' +
                   csv_field(a.step_id) + ',' + answer_source_id(a.source) + ',' +
                   std::to_string(a.level) + ',' + std::to_string(a.score) + ',' +
                   mistake_ids(a.mistakes) + ',' +
                   (a.felt_heard ? std::to_string(*a.felt_heard) : std::string()) + ',' +
                   (a.response ? csv_text_field(*a.response) : std::string()) + "\r\n";
            out << line;
        },
        last_error_);
    return ok && static_cast<bool>(out);
}

bool HistoryStore::export_json(std::ostream& out, const std::optional<std::string>& player) {
    last_error_.clear();
    out << '[';
    bool first = true;
    const bool ok = for_each_attempt(
        player,
        [&](const Attempt& a) {
            nlohmann::ordered_json j = {
                {"id", a.id},
                {"time_utc", utc_iso(a.time_ms)},
                {"time_ms", a.time_ms},
                {"local_day", a.local_day},
                {"mode", practice_mode_id(a.mode)},
                {"player", a.player},
                {"scenario_id", a.scenario_id},
                {"step_id", a.step_id},
                {"source", answer_source_id(a.source)},
                {"level", a.level},
                {"score", a.score},
                {"mistakes", nlohmann::ordered_json::array()},
                {"felt_heard", nullptr},
                {"response", nullptr},
            };
            for (Mistake m : a.mistakes) {
                j["mistakes"].push_back(std::string(mistake_id(m)));
            }
            if (a.felt_heard) {
                j["felt_heard"] = *a.felt_heard;
            }
            if (a.response) {
                j["response"] = *a.response;
            }
            // One object per line keeps a large export readable and diffable. Text that is
            // not UTF-8 (never written by the app) is replaced rather than aborting the export.
            out << (first ? "\n" : ",\n")
                << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
            first = false;
        },
        last_error_);
    out << (first ? "]\n" : "\n]\n");
    return ok && static_cast<bool>(out);
}

} // namespace et
