// Reads a criteria file's optional "learned_cues": the cue table it names and a threshold per
// mistake column (see learned_cues.hpp).
#include "core/criteria_internal.hpp"
#include "core/worker_thread.hpp"

#include <algorithm>
#include <system_error>

namespace et {

namespace {

// A table is a few hundred kilobytes; anything far larger is not one.
constexpr std::size_t kMaxTableBytes = 8 * 1024 * 1024;

// The table column of a mistake id, or nothing when it names no column.
std::optional<std::size_t> column_of(const LearnedCues& cues, const std::string& id) {
    const auto m = parse_mistake(id);
    const auto at = m ? std::find(cues.mistakes.begin(), cues.mistakes.end(), *m) : cues.mistakes.end();
    if (at == cues.mistakes.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(at - cues.mistakes.begin());
}

// Where a table named in a criteria file is: a relative name sits beside the file, so that
// a copied pair still loads.
std::filesystem::path table_path(const JsonDocument& document, const std::string& table) {
    return std::filesystem::path(document.file()).parent_path() / table;
}

CueTableRead read_table_file(std::filesystem::path path) {
    CueTableRead result;
    result.path = std::move(path);
    if (const auto bytes = read_file_bytes(result.path.string(), kMaxTableBytes); bytes.text) {
        result.readable = true;
        result.problem = read_cue_table(result.path.string(), *bytes.text, result.cues);
    }
    return result;
}

} // namespace

std::future<CueTableRead> start_reading_cue_table(const JsonDocument& document) {
    const auto& root = document.value();
    if (!root.is_object()) {
        return {};
    }
    const auto section = root.find("learned_cues");
    if (section == root.end() || !section->is_object()) {
        return {};
    }
    const auto table = section->find("table");
    if (table == section->end() || !table->is_string()) {
        return {};
    }
    auto path = table_path(document, table->get<std::string>());
    try {
        return WorkerThread::shared().run([path] { return read_table_file(path); });
    } catch (const std::system_error&) {
        std::promise<CueTableRead> read_here; // no worker to be had: read it now
        read_here.set_value(read_table_file(path));
        return read_here.get_future();
    }
}

void read_learned_cues(JsonChecker& check, const nlohmann::json& root, const JsonPath& top,
                       Criteria& c, std::future<CueTableRead>& pending) {
    const auto* section = check.object_member(root, top, "learned_cues", false);
    if (section == nullptr) {
        return;
    }
    const JsonPath at = top / "learned_cues";
    check.warn_unknown_keys(*section, at,
                            {"description", "table", "thresholds", "silenced_by", "explain"});
    const auto table = check.string_member(*section, at, "table", true);
    const auto* thresholds = check.object_member(*section, at, "thresholds", true);
    if (!table || thresholds == nullptr) {
        return;
    }
    if (!pending.valid()) {
        return; // started for every string "table", so never reached
    }
    CueTableRead loaded = pending.get();
    if (!loaded.readable) {
        check.error(at / "table", "cannot read the cue table " + loaded.path.string() +
                                      " (a readable file of at most " +
                                      std::to_string(kMaxTableBytes / (1024 * 1024)) + " MiB)");
        return;
    }
    if (loaded.problem) {
        check.problem(std::move(*loaded.problem));
        return;
    }
    LearnedCues& read = loaded.cues;
    const JsonPath thresholds_at = at / "thresholds";
    const auto not_a_column = [&](const JsonPath& where, const std::string& id) {
        check.error(where, "\"" + id + "\" is not a column of the cue table " + *table);
    };
    read.thresholds.assign(read.mistakes.size(), 0);
    std::vector<bool> given(read.mistakes.size(), false);
    for (const auto& [id, value] : thresholds->items()) {
        const auto column = column_of(read, id);
        if (!column) {
            not_a_column(thresholds_at / id, id);
        } else if (!value.is_number()) {
            check.error(thresholds_at / id, "expected a number, got " + json_type_name(value));
        } else {
            read.thresholds[*column] = value.get<float>();
            given[*column] = true;
        }
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (!given[i]) {
            check.error(thresholds_at, "missing a threshold for \"" + std::string(mistake_id(read.mistakes[i])) +
                                           "\", a column of the cue table " + *table);
        }
    }
    read.silenced_by.assign(read.mistakes.size(), {});
    if (const auto* silencers = check.object_member(*section, at, "silenced_by", false)) {
        const JsonPath silenced_at = at / "silenced_by";
        for (const auto& [id, list] : silencers->items()) {
            const auto column = column_of(read, id);
            if (!column) {
                not_a_column(silenced_at / id, id);
                continue;
            }
            const auto ids = check.string_array_member(*silencers, silenced_at, id, true);
            for (std::size_t i = 0; ids && i < ids->size(); ++i) {
                const auto& criterion = (*ids)[i];
                if (std::none_of(c.level_one.begin(), c.level_one.end(),
                                 [&](const Criterion& l1) { return l1.id == criterion; })) {
                    check.error(silenced_at / id / i, "no level_one criterion has the id \"" + criterion + "\"");
                }
            }
            read.silenced_by[*column] = ids.value_or(std::vector<std::string>{});
        }
    }
    read.explain = check.string_member(*section, at, "explain", false).value_or("");
    if (!check.failed()) {
        c.learned_cues = std::move(read);
    }
}

} // namespace et
