// Frame time of the Progress screen over a history of 100,000 attempts (budget 8 ms median
// CPU per frame), of the frame that starts a new snapshot (computed on a worker thread), and
// of that summary alone.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include <imgui.h>

#include "app/font_loader.hpp"
#include "core/history.hpp"
#include "core/scenario_loader.hpp"
#include "ui/app_state.hpp"
#include "ui/app_ui.hpp"
#include "ui/theme.hpp"

namespace {

const std::string kSource = ET_SOURCE_DIR;

std::filesystem::path bench_dir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("et-ui-bench-" + std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

struct RemovedAtExit {
    std::filesystem::path dir;
    ~RemovedAtExit() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

// The calling thread's CPU time in milliseconds.
double cpu_ms() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// As core_bench.cpp: plausible attempts, one record() each, spread over three years, three
// players and the 26 bundled scenarios (so the table shows real titles).
et::Attempt sample_attempt(std::mt19937& rng, std::int64_t time_ms,
                           const std::vector<std::string>& scenario_ids) {
    static const std::array<const char*, 4> responses = {
        "That sounds so hard.",
        "No wonder you're anxious; after feeling so alone growing up, your friendships mean "
        "everything.",
        "Have you tried talking to her about it?",
        "I understand. The same thing happened to me last year."};
    et::Attempt a;
    a.time_ms = time_ms;
    a.local_day = et::local_day_of(time_ms);
    a.player = std::array{"", "Robin", "Alex"}[rng() % 3];
    a.scenario_id = scenario_ids[rng() % scenario_ids.size()];
    a.step_id = "share";
    a.response = responses[rng() % responses.size()];
    a.level = static_cast<int>(rng() % 3);
    a.score = static_cast<int>(rng() % 101);
    for (et::Mistake m : et::kAllMistakes) {
        if (rng() % 6 == 0) {
            a.mistakes.push_back(m);
        }
    }
    return a;
}

std::vector<std::string> bundled_ids() {
    const et::LibraryLoad lib = et::load_scenario_folder(kSource + "/scenarios");
    std::vector<std::string> ids;
    for (const et::Scenario& s : lib.scenarios) {
        ids.push_back(s.id);
    }
    if (ids.empty()) {
        ids.push_back("fear-friend-fight");
    }
    return ids;
}

// Built once per process: 100,000 attempts, the last of them today (so streaks show).
const std::filesystem::path& history_100k() {
    static const RemovedAtExit built{bench_dir("history")};
    static const std::filesystem::path file = [] {
        const auto path = built.dir / "history.sqlite3";
        et::HistoryStore store(path);
        const std::vector<std::string> ids = bundled_ids();
        std::mt19937 rng(11);
        const std::int64_t span = 3LL * 365 * 24 * 3600 * 1000;
        const std::int64_t start = et::now_ms() - span;
        for (std::int64_t i = 0; i < 100'000; ++i) {
            store.record(sample_attempt(rng, start + span / 100'000 * i, ids));
        }
        return path;
    }();
    return file;
}

// An ImGui context with the app's fonts built on the CPU (no GL: the texture id is a dummy)
// and the app on the Progress screen over the 100,000-attempt history.
class ProgressScreen {
public:
    explicit ProgressScreen(ImVec2 display) : dir_{bench_dir("app")} {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // GLFW's key codes, as the window maps them (keyboard navigation needs a map).
        const int map[][2] = {{ImGuiKey_Tab, 258},       {ImGuiKey_LeftArrow, 263},
                              {ImGuiKey_RightArrow, 262}, {ImGuiKey_UpArrow, 265},
                              {ImGuiKey_DownArrow, 264},  {ImGuiKey_Backspace, 259},
                              {ImGuiKey_Space, 32},       {ImGuiKey_Enter, 257},
                              {ImGuiKey_Escape, 256},     {ImGuiKey_KeyPadEnter, 335}};
        for (const auto& [imgui_key, code] : map) {
            io.KeyMap[imgui_key] = code;
        }
        et::SettingsStore settings(dir_.dir / "settings.json");
        settings.load();
        et::ui::StartOptions start;
        start.scenarios_dir = kSource + "/scenarios";
        app_ = std::make_unique<et::ui::AppState>(std::move(settings), start);
        app_->fonts = et::load_fonts(*io.Fonts, app_->settings().font_size);
        io.Fonts->Build();
        io.Fonts->TexID = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1));
        et::ui::apply_theme(app_->settings().theme, app_->settings().font_size);
        app_->load_criteria();
        app_->load_library();
        app_->apply_history(std::make_unique<et::HistoryStore>(history_100k()));
        app_->open_progress();
        app_->wait_progress();
        ui_ = std::make_unique<et::ui::AppUi>();
        for (int i = 0; i < 5; ++i) { // the summary, window sizes, table widths settle
            frame();
        }
    }
    ~ProgressScreen() {
        ui_.reset();
        app_.reset();
        ImGui::DestroyContext();
    }
    ProgressScreen(const ProgressScreen&) = delete;
    ProgressScreen& operator=(const ProgressScreen&) = delete;

    void frame() {
        ui_->before_frame(ImGui::GetIO());
        ImGui::NewFrame();
        ui_->draw(*app_);
        ImGui::Render();
    }
    et::ui::AppState& app() { return *app_; }
    bool ok() const {
        return app_->page == et::ui::Page::Progress && app_->history_available() &&
               app_->progress_summary() != nullptr &&
               app_->progress_summary()->attempts == 100'000;
    }

private:
    RemovedAtExit dir_;
    std::unique_ptr<et::ui::AppState> app_;
    std::unique_ptr<et::ui::AppUi> ui_;
};

void report(benchmark::State& state, std::vector<double>& ms) {
    std::sort(ms.begin(), ms.end());
    if (!ms.empty()) {
        state.counters["median_ms"] = ms[ms.size() / 2];
        state.counters["p99_ms"] = ms[ms.size() * 99 / 100];
        state.counters["max_ms"] = ms.back();
    }
}

ImVec2 display_of(const benchmark::State& state) {
    return ImVec2(static_cast<float>(state.range(0)), static_cast<float>(state.range(1)));
}

// A frame of the Progress screen as the app draws it while nothing changes.
void BM_ProgressFrame100k(benchmark::State& state) {
    ProgressScreen screen(display_of(state));
    if (!screen.ok()) {
        state.SkipWithError("the Progress screen did not open over 100,000 attempts");
        return;
    }
    std::vector<double> ms;
    for (auto _ : state) {
        const double begin = cpu_ms();
        screen.frame();
        ms.push_back(cpu_ms() - begin);
    }
    report(state, ms);
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_ProgressFrame100k)
    ->Args({1280, 800})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The frame that asks for a new snapshot (as when the screen opens): the summary over
// 100,000 attempts is recomputed on a worker thread, so this frame only starts it and draws
// the previous one. The worker's time is reported by BM_ProgressSummaryOnly100k.
void BM_ProgressFirstFrameAfterRefresh100k(benchmark::State& state) {
    ProgressScreen screen(display_of(state));
    if (!screen.ok()) {
        state.SkipWithError("the Progress screen did not open over 100,000 attempts");
        return;
    }
    std::vector<double> ms;
    for (auto _ : state) {
        const double begin = cpu_ms();
        screen.app().refresh_progress();
        screen.frame();
        ms.push_back(cpu_ms() - begin);
        state.PauseTiming();
        screen.app().wait_progress(); // the next iteration starts from a settled screen
        state.ResumeTiming();
    }
    report(state, ms);
}
BENCHMARK(BM_ProgressFirstFrameAfterRefresh100k)
    ->Args({1280, 800})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// What that first frame spends in the store: the summary alone, on the same database.
void BM_ProgressSummaryOnly100k(benchmark::State& state) {
    et::HistoryStore store(history_100k());
    std::vector<double> ms;
    for (auto _ : state) {
        const double begin = cpu_ms();
        const et::ProgressSummary s = store.compute_summary(std::nullopt);
        ms.push_back(cpu_ms() - begin);
        benchmark::DoNotOptimize(s.attempts);
    }
    report(state, ms);
}
BENCHMARK(BM_ProgressSummaryOnly100k)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace

BENCHMARK_MAIN();
