// Everything the screens show and change, kept outside them: settings, the scenario
// library, the criteria and scorer, the practice session, problems and errors. Screens
// call these actions; tests drive them through the UI and assert on this state.
#pragma once

#include "core/couples_session.hpp"
#include "core/criteria.hpp"
#include "core/disclosure.hpp"
#include "core/history.hpp"
#include "core/practice_session.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"
#include "core/settings.hpp"
#include "core/trace.hpp"
#include "core/workshop_session.hpp"
#include "ui/checkin_state.hpp"

#include <filesystem>
#include <functional>
#include <future>
#include <imgui.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct ImGuiWindow; // ImGui's internal window type, held by pointer only

namespace et::ui {

struct Fonts {
    ImFont* regular = nullptr; // nullptr: ImGui's default font
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
};

enum class Page {
    Home, Practice, Summary, Settings, Problems, Help, Couples, Workshop, Progress, CheckIn
};

// The page's name in the trace ("settings").
const char* page_id(Page page);

// How the app was started (--mode): the first page and, for workshops, a projector preset.
enum class Mode { Solo, Couples, Workshop, CheckIn };

// A control's rectangle as drawn, recorded for layout tests (overlap, clipping).
struct LayoutRecord {
    std::string id;
    ImVec2 min, max;
    ImVec2 clip_min, clip_max;
    ImGuiID window = 0;
    bool scrolls_y = false; // the window scrolls, so vertical clipping is reachable
};

// A control Tab can reach, in drawing order (ImGui 1.86 tabs only between text boxes).
struct TabStop {
    ImGuiID id = 0;
    ImGuiWindow* window = nullptr;
    ImVec2 min, max;
    int nav_layer = 0;
    std::string label;   // the record id
    bool text = false;   // a text box: activated (for typing), not only focused
};

struct StartOptions {
    std::string scenarios_dir; // overrides the settings for this run
    std::string criteria_file; // likewise
    Mode mode = Mode::Solo;
};

// The projector preset of workshop mode: large text, for this run only (the user's own
// settings are left as they are).
inline constexpr float kPresenterFontSize = 34.0f;

class AppState {
public:
    AppState(SettingsStore store, StartOptions options, Trace* trace = nullptr);

    // [SECTION] Loading
    void load_criteria();
    // Installs criteria loaded elsewhere (the window loads them while GL starts up when the
    // first screen needs them).
    void apply_criteria(CriteriaLoad loaded);
    // Installs a library loaded elsewhere (the window loads it while GL starts up).
    void apply_library(LibraryLoad loaded);
    void load_library();
    std::string scenario_folder() const; // the folder in effect
    std::string criteria_file() const;   // the criteria file in effect
    // Called now and then by the app loop: notices a scenario folder that vanished or came
    // back. Returns true when something changed and the screen should redraw.
    bool check_folder();
    // All load problems (settings, criteria, scenarios), for the Problems panel.
    Diagnostics problems() const;
    const Scenario* find_scenario(const std::string& id) const;

    // [SECTION] Practice
    bool open_scenario(const std::string& id);
    void close_scenario();
    void submit_typed();            // scores `draft`
    void pick_choice(int index);
    void try_again();
    void continue_on();
    // Rescores `draft` for the live meter when it changed since the last call.
    void update_live_meter();

    // [SECTION] Couples (app_state_modes.cpp)
    void start_couples(const std::string& first, const std::string& second, bool keep_words);
    void couples_start_scripted(const std::string& scenario_id);
    void couples_start_real_talk();
    void couples_share(const std::string& text, const std::string& emotion,
                       const std::vector<std::string>& card);
    void couples_submit_typed();   // scores `draft` as the listener's answer
    void couples_pick(int index);
    void couples_rate(int rating);
    void couples_next_round();
    void couples_finish();
    void close_couples();

    // [SECTION] Workshop (app_state_modes.cpp)
    bool open_workshop(const std::string& scenario_id);
    void close_workshop();
    void workshop_add_suggestion(); // scores `suggestion_draft`
    // The presenter's keys, each recorded in the trace (so e2e tests can wait on them).
    void workshop_forward();
    void workshop_backward();
    void workshop_reveal_all();
    void workshop_show_all();
    void workshop_toggle_compare();
    // Writes the scenario's printable handout (HTML) to ~/Documents (or ~) and says where.
    void workshop_save_handout();
    // Large text (and high contrast if chosen) while presenting, for this run only.
    void set_presenter_preset(bool on);
    float font_size() const;  // in effect: the presenter preset or the settings
    Theme theme() const;

    // [SECTION] Background loads (app_state_loading.cpp)
    // The window's first frame needs neither the criteria nor the history, so the window
    // starts them on worker threads after it. `done` runs on the worker when it finishes (the
    // window wakes its loop with it); poll_loads() installs what finished, once per frame;
    // an action that needs one of them first waits for its worker (milliseconds at most).
    void start_criteria_load(std::function<void()> done = {}); // then disclosure on top
    // The disclosure criteria alone, against the criteria in effect (which stay until done).
    void start_disclosure_load(std::function<void()> done = {});
    void start_history_open(std::filesystem::path file, std::function<void()> done = {});
    bool loading() const;
    bool criteria_loading() const { return criteria_job_.valid(); }
    bool disclosure_loading() const { return criteria_job_.valid() || disclosure_job_.valid(); }
    bool poll_loads(); // true when it installed something
    void await_criteria();
    void await_history();
    void await_loads();

    // [SECTION] History (app_state_history.cpp)
    // Installs the store opened elsewhere (see start_history_open) and shows its notice once
    // (a damaged file moved aside, or history not being saved).
    void apply_history(std::unique_ptr<HistoryStore> store);
    void record_attempt(const Attempt& attempt); // no-op without a usable store
    bool history_available() const { return history && history->available(); }
    // The Progress screen's snapshot, computed on a worker thread with its own read-only
    // connection (over 100,000 attempts the SQL takes tens of milliseconds; no frame waits
    // for it). Null until the first one is ready.
    const ProgressSummary* progress_summary() const { return progress_ ? &*progress_ : nullptr; }
    bool progress_loading() const { return progress_job_.valid(); }
    void refresh_progress();
    void set_progress_player(std::optional<std::string> player);
    void poll_progress();  // installs a finished snapshot; call once per frame
    void wait_progress();  // blocks until the running computation is installed (tests)
    std::optional<std::string> progress_player;
    bool progress_sync = false; // compute on the calling thread (ui tests set it)
    // Progress screen actions.
    void open_progress();
    void export_history(bool json);   // to ~/Documents (or ~), and says where
    void delete_history();            // after the screen's confirmation
    // The scenario whose authored answers exercise `mistake` the most (gentlest first).
    const Scenario* scenario_for_mistake(Mistake mistake) const;
    void practise_weakest();
    // [SECTION] Check-in (app_state_checkin.cpp)
    // Loads the disclosure criteria on top of `criteria` (load_criteria does this too).
    void load_disclosure();
    // Installs disclosure criteria loaded elsewhere (the window loads them with the criteria).
    void apply_disclosure(DisclosureLoad loaded);
    void open_checkin(); // the check-in page, its first box with the keyboard
    // The live reading of `text`, recomputed only when it changed since the last call with
    // this `reading`: null when the text is blank or the disclosure criteria did not load.
    const Disclosure* read_disclosure(DisclosureReading& reading, const std::string& text);
    bool checkin_written() const; // any box in use has words in it
    // Reflects on the check-in (`checkin_reflection`), shows the reflection, traces it. Does
    // nothing while every box is blank.
    void finish_checkin();
    void new_checkin(); // empties the boxes for another check-in

    // [SECTION] Navigation and errors
    void show_page(Page page);
    void back(); // Esc: one level up
    void report_error(std::string message);
    void request_quit();
    void save_settings();           // reports a refusal once, then stays quiet

    // [SECTION] State (read by screens)
    SettingsStore settings_store;
    StartOptions options;
    Trace* trace;
    Fonts fonts;

    std::unique_ptr<Criteria> criteria; // stable address: the scorer points into it
    std::unique_ptr<Scorer> scorer;
    Diagnostics criteria_problems;
    LibraryLoad library;
    bool folder_missing = false;
    std::vector<std::string> extra_problems; // e.g. a font fallback, as plain lines

    std::optional<PracticeSession> session;
    BestLevels best;
    std::string draft;              // the typed response being written
    bool focus_answer = false;      // give the typing box focus on the next frame
    bool answering_started = false; // for hiding the partner card
    std::optional<Score> live;      // the live meter's current reading
    std::string live_text;          // what `live` was computed for

    std::unique_ptr<HistoryStore> history; // null until opened (and in ui tests)
    bool workshop_records = false;           // workshop: record the room's suggestions
    std::unique_ptr<DisclosureCriteria> disclosure_criteria; // stable: the analyser points in
    std::unique_ptr<DisclosureAnalyser> disclosure;          // null: no live feedback
    Diagnostics disclosure_problems;
    unsigned disclosure_generation = 0; // bumped when the analyser changes, to redo readings
    CheckinState checkin;
    std::optional<CheckinReflection> checkin_reflection; // the last check-in finished this run
    std::string checkin_inner_text; // its inner-layer answers, for couples' real talk (memory only)

    std::optional<CouplesSession> couples;
    std::optional<WorkshopSession> workshop;
    std::string suggestion_draft;     // workshop: the room's suggestion being typed
    bool workshop_compare = false;    // workshop: two responses side by side
    bool focus_suggestion = false;    // workshop: S gives the suggestion box the keyboard
    std::string notice;               // a line of good news (e.g. where a file was saved)
    bool presenter_preset = false;
    bool presenter_contrast = false;
    bool fullscreen_requested = false; // F11: the window toggles full screen, then clears it

    Page page = Page::Home;
    std::vector<std::string> errors; // shown one at a time in a popup
    bool quit_requested = false;
    bool show_demo = false;
    bool show_metrics = false;
    std::vector<LayoutRecord>* layout_log = nullptr; // set by tests
    std::vector<TabStop> tab_stops;  // filled while drawing, used by the next frame's Tab
    std::string focus_request_label; // give this recorded control focus when it is drawn
    std::string focus_text_label;    // activate this text box when it is drawn

    Settings& settings() { return settings_store.settings(); }
    const Settings& settings() const { return settings_store.settings(); }

private:
    void after_answer();
    void trace_workshop(const char* event);
    Page page_before_ = Page::Home;
    bool save_refusal_reported_ = false;
    bool history_error_reported_ = false;
    std::optional<ProgressSummary> progress_;
    struct LoadedCriteria {
        CriteriaLoad criteria;
        DisclosureLoad disclosure;
    };
    std::future<LoadedCriteria> criteria_job_;
    std::future<DisclosureLoad> disclosure_job_;
    std::future<std::unique_ptr<HistoryStore>> history_job_;
    std::future<ProgressSummary> progress_job_;
    bool progress_again_ = false; // the filter changed while a computation was running
};

} // namespace et::ui
