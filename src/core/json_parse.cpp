// One pass from JSON text to nlohmann::json, for the valid files that every load reads; a
// large one in two halves on two threads.
#include "core/json_parse.hpp"

#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "core/json_quick_parser.hpp"
#include "core/worker_thread.hpp"

namespace et {

namespace {

using json_internal::QuickParser;
using Json = nlohmann::json;

// Parsing on two threads pays from about this size (a criteria file is 350 KB).
constexpr std::size_t kWorthTwoThreads = 64 * 1024;

// Where to cut a pretty-printed document for parse_json_in_halves: the ',' before the first
// line after the middle that opens a member two levels deep ("    \"key\": ", as this
// project's files are indented). A line break is never inside a JSON string, so such a line
// is always a member; a guess that is not one of the document's own objects' members only
// costs the cut.
std::size_t find_cut(std::string_view text) {
    for (std::size_t at = text.find('\n', text.size() / 2); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
        if (text.compare(at + 1, 5, "    \"") != 0) {
            continue;
        }
        const auto line_end = text.find('\n', at + 1);
        const auto line = text.substr(at + 1, line_end == std::string_view::npos
                                                  ? std::string_view::npos
                                                  : line_end - at - 1);
        if (line.find("\": ") == std::string_view::npos) {
            continue;
        }
        std::size_t comma = at;
        while (comma > 0 && (text[comma] == '\n' || text[comma] == '\r' || text[comma] == ' ' ||
                             text[comma] == '\t')) {
            --comma;
        }
        if (text[comma] == ',') {
            return comma;
        }
    }
    return std::string_view::npos;
}

} // namespace

std::optional<nlohmann::json> parse_json_quickly(std::string_view text, int max_depth) {
    if (text.size() >= kWorthTwoThreads) {
        if (const std::size_t cut = find_cut(text); cut != std::string_view::npos) {
            return parse_json_in_halves(text, max_depth, cut);
        }
    }
    return QuickParser(text, max_depth).parse();
}

std::optional<nlohmann::json> parse_json_in_halves(std::string_view text, int max_depth,
                                                   std::size_t cut) {
    if (cut >= text.size() || text[cut] != ',' || std::thread::hardware_concurrency() < 2) {
        return QuickParser(text, max_depth).parse();
    }
    // The rest is read on the worker thread while this one reads up to the cut; the rest of
    // the objects the cut is in are then merged into them. The worker guesses how deep the
    // cut is (find_cut's lines are two levels deep in this project's files); this thread
    // learns it at the cut, and reads the rest again itself if the guess was wrong.
    struct Rest {
        std::atomic<bool> taken{false};
        std::optional<std::vector<Json::object_t>> objects;
    };
    constexpr int kGuessedLevels = 2;
    auto rest = std::make_shared<Rest>();
    std::future<void> helper;
    try {
        // The text is the caller's: a task that starts after this call has returned must not
        // read it, so it reads only what it takes.
        helper = WorkerThread::shared().run([rest, text, max_depth, cut] {
            if (!rest->taken.exchange(true)) {
                rest->objects =
                    QuickParser(text, max_depth).parse_rest_of_objects(cut, kGuessedLevels);
            }
        });
    } catch (const std::system_error&) {
    }
    QuickParser first(text, max_depth);
    first.stop_at(cut);
    std::optional<Json> value;
    try {
        value = first.parse();
    } catch (...) {
        if (rest->taken.exchange(true) && helper.valid()) {
            helper.wait();
        }
        throw;
    }
    const bool worker_took_it = rest->taken.exchange(true);
    if (worker_took_it && helper.valid()) {
        helper.get();
    }
    if (!first.stopped()) {
        return value; // the cut was not between members: all of it was read here, or refused
    }
    if (!value) {
        return QuickParser(text, max_depth).parse(); // the cut was inside an array
    }
    const auto levels = static_cast<int>(first.stop_path().size() + 1);
    if (!worker_took_it || levels != kGuessedLevels) {
        rest->objects = QuickParser(text, max_depth).parse_rest_of_objects(cut, levels);
    }
    if (!rest->objects) {
        return std::nullopt; // not JSON: the caller parses it the slow way, which says why
    }
    // The objects the cut was in, outermost first: the document, then by the cut's path.
    std::vector<Json::object_t*> open{&value->get_ref<Json::object_t&>()};
    for (auto key = first.stop_path().rbegin(); key != first.stop_path().rend(); ++key) {
        open.push_back(&open.back()->at(*key).get_ref<Json::object_t&>());
    }
    for (std::size_t level = 0; level < rest->objects->size(); ++level) {
        Json::object_t& into = *open[open.size() - 1 - level];
        for (auto& [key, member] : (*rest->objects)[level]) {
            into.insert_or_assign(key, std::move(member)); // a repeated key keeps its last value
        }
    }
    return value;
}

} // namespace et
