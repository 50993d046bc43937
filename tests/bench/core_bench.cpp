// Benchmarks: scoring a typical response (budget 20 us median), analysing a typical statement
// for disclosure (20 us), loading the criteria (5 ms), loading the bundled library (20 ms) and
// a generated pack of 2,000 scenarios (1 s).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "core/criteria.hpp"
#include "core/disclosure.hpp"
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
BENCHMARK(BM_LoadDisclosureCriteria)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);

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
BENCHMARK(BM_LoadCriteria)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

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

} // namespace

BENCHMARK_MAIN();
