// Benchmarks: scoring a typical response (budget 20 us median), analysing a typical statement
// for disclosure (20 us), loading the criteria (5 ms), loading the bundled library (20 ms) and
// a generated pack of 2,000 scenarios (1 s), recording an attempt in the history (2 ms) and
// its summary over 100,000 attempts.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

#include "core/criteria.hpp"
#include "core/disclosure.hpp"
#include "core/history.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"

namespace {

const std::string kSource = ET_SOURCE_DIR;

const et::Criteria& criteria() {
    static const et::Criteria c = *et::load_criteria_file(kSource + "/assets/criteria/default.json").criteria;
    return c;
}

const et::Scenario& scenario() {
    static const et::Scenario s = *et::load_scenario_file(kSource + "/scenarios/fear-friend-fight.json").scenario;
    return s;
}

// Typical typed responses, 40 to 300 bytes, with and without mistakes.
const char* kResponses[] = {
    "No wonder you're anxious; after feeling so alone growing up, your friendships mean everything.",
    "That sounds rough, but honestly you should just call her and sort it out.",
    "omg thats so unfair, no wonder ur fed up",
    "I know exactly how you feel, the same thing happened with my sister last year and we didn't speak for months.",
    "Of course you're scared. Jess has been your person since college, and silence from her must feel like losing "
    "the ground under you. I'm here, and I'm not going anywhere. Tell me what she said before she stopped answering.",
    "What are you going to do about it?",
};

void BM_ScoreTypicalResponse(benchmark::State& state) {
    const et::Scorer scorer(criteria());
    const auto prepared = scorer.prepare(et::scoring_step(scenario(), scenario().steps.front()));
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(scorer.score(*prepared, kResponses[i++ % std::size(kResponses)]));
    }
}
BENCHMARK(BM_ScoreTypicalResponse)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

// The same with every word new to the scorer (a fresh scorer each time, so its memo of
// tokenized words is empty): the first keystrokes of a session, or a response of new words.
void BM_ScoreTypicalResponseColdMemo(benchmark::State& state) {
    const et::Scorer first(criteria());
    const auto prepared = first.prepare(et::scoring_step(scenario(), scenario().steps.front()));
    std::size_t i = 0;
    for (auto _ : state) {
        const et::Scorer scorer(criteria());
        benchmark::DoNotOptimize(scorer.score(*prepared, kResponses[i++ % std::size(kResponses)]));
    }
}
BENCHMARK(BM_ScoreTypicalResponseColdMemo)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_ScoreLongResponse(benchmark::State& state) {
    const et::Scorer scorer(criteria());
    const auto prepared = scorer.prepare(et::scoring_step(scenario(), scenario().steps.front()));
    std::string text;
    while (text.size() < static_cast<std::size_t>(state.range(0))) {
        text += "That sounds so hard, and I'm sorry. You should call her though. ";
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(scorer.score(*prepared, text));
    }
}
BENCHMARK(BM_ScoreLongResponse)->Arg(1000)->Arg(10000)->Arg(60000)->Unit(benchmark::kMillisecond);

const et::DisclosureCriteria& disclosure_criteria() {
    static const et::DisclosureCriteria c =
        *et::load_disclosure_file(kSource + "/assets/criteria/disclosure.json", criteria()).criteria;
    return c;
}

// Typical check-in statements, 20 to 200 bytes: inner, outer, body language and the traps.
const char* kStatements[] = {
    "I felt overwhelmed during that meeting and I'm still anxious.",
    "Went to the gym, then picked up groceries and made dinner.",
    "my stomach was in knots the whole drive to the hospital",
    "We watched a scary movie and my boss was angry about the deadline.",
    "I feel like he should have called me back, honestly.",
    "I wasn't upset at all. I was nervous at first and then so relieved when it went well, and "
    "I couldn't stop smiling on the way home.",
};

void BM_DiscloseTypicalStatement(benchmark::State& state) {
    const et::DisclosureAnalyser analyser(disclosure_criteria());
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(analyser.analyse(kStatements[i++ % std::size(kStatements)]));
    }
}
BENCHMARK(BM_DiscloseTypicalStatement)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_LoadDisclosureCriteria(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(et::load_disclosure_file(kSource + "/assets/criteria/disclosure.json", criteria()));
    }
}
BENCHMARK(BM_LoadDisclosureCriteria)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(3)->ReportAggregatesOnly(true);

void BM_LoadCriteria(benchmark::State& state) {
    for (auto _ : state) {
        auto load = et::load_criteria_file(kSource + "/assets/criteria/default.json");
        benchmark::DoNotOptimize(load);
        // Freeing the criteria is not part of loading them.
        state.PauseTiming();
        { const auto discard = std::move(load); }
        state.ResumeTiming();
    }
}
// Real time, as the patterns compile on two threads (see PatternReading::compile_pending).
BENCHMARK(BM_LoadCriteria)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(5)->ReportAggregatesOnly(true);

void BM_LoadBundledLibrary(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(et::load_scenario_folder(kSource + "/scenarios"));
    }
}
BENCHMARK(BM_LoadBundledLibrary)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// A generated pack of 2,000 scenarios (copies of a bundled one with unique ids).
void BM_LoadGeneratedPack(benchmark::State& state) {
    const auto dir = std::filesystem::temp_directory_path() / "et-bench-pack";
    std::filesystem::create_directories(dir);
    std::ifstream in(kSource + "/scenarios/fear-friend-fight.json");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto count = static_cast<int>(state.range(0));
    for (int i = 0; i < count; ++i) {
        std::string copy = text;
        const auto at = copy.find("\"fear-friend-fight\"");
        copy.replace(at, 19, "\"gen-" + std::to_string(i) + "\"");
        std::ofstream(dir / ("gen-" + std::to_string(i) + ".json")) << copy;
    }
    for (auto _ : state) {
        const auto library = et::load_scenario_folder(dir.string());
        if (library.scenarios.size() != static_cast<std::size_t>(count)) {
            state.SkipWithError("not every generated scenario loaded");
        }
    }
    state.counters["scenarios"] = count;
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_LoadGeneratedPack)->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(3);

// [SECTION] History

std::filesystem::path bench_history_dir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("et-bench-" + std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

// A plausible attempt: typed words, a level, sometimes a mistake or two.
et::Attempt sample_attempt(std::mt19937& rng, std::int64_t time_ms) {
    et::Attempt a;
    a.time_ms = time_ms;
    a.local_day = et::local_day_of(time_ms);
    a.player = std::array{"", "Robin", "Alex"}[rng() % 3];
    a.scenario_id = "scenario-" + std::to_string(rng() % 26);
    a.step_id = "share";
    a.response = kResponses[rng() % std::size(kResponses)];
    a.level = static_cast<int>(rng() % 3);
    a.score = static_cast<int>(rng() % 101);
    for (et::Mistake m : et::kAllMistakes) {
        if (rng() % 6 == 0) {
            a.mistakes.push_back(m);
        }
    }
    return a;
}

// One attempt per iteration, each in its own transaction, as the app records them.
void BM_HistoryRecordAttempt(benchmark::State& state) {
    const auto dir = bench_history_dir("record");
    {
        et::HistoryStore store(dir / "history.sqlite3");
        if (!store.available()) {
            state.SkipWithError(store.notice().c_str());
            return;
        }
        std::mt19937 rng(7);
        std::int64_t t = et::now_ms();
        // Each attempt timed too: the budget is per attempt, and WAL checkpoints (every
        // 1,000 pages, with an fsync) make the slowest ones worth seeing beside the median.
        std::vector<double> us;
        for (auto _ : state) {
            state.PauseTiming();
            const et::Attempt a = sample_attempt(rng, ++t);
            state.ResumeTiming();
            const auto begin = std::chrono::steady_clock::now();
            const bool ok = store.record(a).has_value();
            us.push_back(std::chrono::duration<double, std::micro>(
                             std::chrono::steady_clock::now() - begin)
                             .count());
            if (!ok) {
                state.SkipWithError(store.last_error().c_str());
                break;
            }
        }
        std::sort(us.begin(), us.end());
        if (!us.empty()) {
            state.counters["median_us"] = us[us.size() / 2];
            state.counters["p99_us"] = us[us.size() * 99 / 100];
            state.counters["max_us"] = us.back();
        }
    }
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_HistoryRecordAttempt)
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(2000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The Progress screen's snapshot over 100,000 attempts spread across three years, three
// players and 26 scenarios (arg 1: filtered to one player). The database is built once.
struct RemovedAtExit {
    std::filesystem::path dir;
    ~RemovedAtExit() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

const std::filesystem::path& history_100k() {
    static const RemovedAtExit built{bench_history_dir("summary")};
    static const std::filesystem::path file = [] {
        const auto path = built.dir / "history.sqlite3";
        et::HistoryStore store(path);
        std::mt19937 rng(11);
        const std::int64_t start = 1'700'000'000'000;
        const std::int64_t span = 3LL * 365 * 24 * 3600 * 1000;
        for (std::int64_t i = 0; i < 100'000; ++i) {
            store.record(sample_attempt(rng, start + span / 100'000 * i));
        }
        return path;
    }();
    return file;
}

void BM_HistorySummary100k(benchmark::State& state) {
    const et::HistoryStore store(history_100k());
    const std::optional<std::string> player =
        state.range(0) == 0 ? std::nullopt : std::optional<std::string>("Robin");
    std::int64_t attempts = 0;
    for (auto _ : state) {
        const et::ProgressSummary s = store.compute_summary(player);
        attempts = s.attempts;
        benchmark::DoNotOptimize(s);
    }
    state.counters["attempts"] = static_cast<double>(attempts);
}
BENCHMARK(BM_HistorySummary100k)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// Opening includes PRAGMA quick_check, which reads every page: the cost at app start.
void BM_HistoryOpen100k(benchmark::State& state) {
    const auto& file = history_100k();
    for (auto _ : state) {
        const et::HistoryStore store(file);
        benchmark::DoNotOptimize(store.available());
    }
    state.counters["MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
}
BENCHMARK(BM_HistoryOpen100k)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace

BENCHMARK_MAIN();
