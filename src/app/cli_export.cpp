// `empathy-trainer export`: the practice history as CSV or JSON, read-only (never creates,
// moves or upgrades the database).
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/cli.hpp"
#include "core/history.hpp"

namespace et {

namespace {

const char* kExportUsage =
    "usage: empathy-trainer export --format csv|json [--out FILE] [--history-db FILE]\n"
    "                              [--player NAME]\n"
    "Writes every recorded attempt (oldest first, with its mistakes) to FILE or stdout.\n"
    "The history is read from --history-db, by default\n"
    "$XDG_DATA_HOME/empathy-trainer/history.sqlite3.\n";

// One line, so a script's log says exactly what was wrong.

} // namespace

int cli_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::optional<std::string> format, out_path, db_path, player;
    const CommandLine command_line = CommandLine("export", kExportUsage)
                                         .option("--format", format)
                                         .option("--out", out_path)
                                         .option("--history-db", db_path)
                                         .option("--player", player);
    if (const auto stop = command_line.parse(args, out, err)) {
        return *stop;
    }
    if (!format) {
        return command_line.usage_error(err, "--format csv|json is required");
    }
    if (*format != "csv" && *format != "json") {
        return command_line.usage_error(err,
                                        "--format must be csv or json, got \"" + *format + "\"");
    }

    const std::filesystem::path file =
        db_path ? std::filesystem::path(*db_path) : default_history_path();
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    if (!exists && db_path) {
        err << "empathy-trainer export: " << file.string() << ": no such history database\n";
        return kExitUsage;
    }
    // Nothing practised yet (no default database): an empty export, not an error.
    std::optional<HistoryStore> store;
    if (exists) {
        store.emplace(file, HistoryStore::Access::ReadOnly);
        if (!store->available()) {
            err << "empathy-trainer export: " << store->notice() << '\n';
            return kExitUsage;
        }
    }

    std::ofstream file_out;
    if (out_path) {
        file_out.open(*out_path, std::ios::binary | std::ios::trunc);
        if (!file_out) {
            err << "empathy-trainer export: " << *out_path << ": cannot write the file\n";
            return kExitFailure;
        }
    }
    std::ostream& sink = out_path ? static_cast<std::ostream&>(file_out) : out;
    bool ok = true;
    if (!store) {
        sink << (*format == "csv" ? "id,time_utc,time_ms,local_day,mode,player,scenario_id,"
                                    "step_id,source,level,score,mistakes,felt_heard,response\r\n"
                                  : "[]\n");
    } else {
        ok = *format == "csv" ? store->export_csv(sink, player) : store->export_json(sink, player);
    }
    sink.flush();
    if (!ok || !sink) {
        err << "empathy-trainer export: "
            << (store && !store->last_error().empty() ? store->last_error()
                                                      : std::string("cannot write the output"))
            << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace et
