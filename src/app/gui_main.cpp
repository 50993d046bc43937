// Window and event loop. The loop renders a few frames after any input and otherwise
// blocks in glfwWaitEventsTimeout, so an idle trainer costs almost no CPU.
#include "app/gui_main.hpp"

#include <glad/gl.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <future>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "app/font_loader.hpp"
#include "core/criteria.hpp"
#include "core/disclosure.hpp"
#include "core/history.hpp"
#include "core/paths.hpp"
#include "core/settings.hpp"
#include "core/trace.hpp"
#include "ui/app_state.hpp"
#include "ui/app_ui.hpp"
#include "ui/theme.hpp"

namespace et {

namespace {

// Taken during static initialisation, before main: the start of "startup to first frame".
const auto g_process_start = std::chrono::steady_clock::now();

std::string g_glfw_error;
bool g_activity = false; // set by input callbacks; the loop renders a few frames after it

constexpr int kFramesAfterInput = 3;     // ImGui settles hover and nav in two or three frames
constexpr double kIdleWaitSeconds = 2.0; // also the scenario-folder check interval

void on_glfw_error(int, const char* description) { g_glfw_error = description; }

// Runs `work` on its own thread at a lower priority: loading criteria, scenarios and fonts
// must not slow down the main thread's window and GL start, which is the longer path to the
// first frame (the machines this runs on may have only two cores).
template <typename Work>
auto in_background(Work work) {
    return std::async(std::launch::async, [work = std::move(work)]() mutable {
        // Linux keeps a nice value per thread; raising it is always allowed.
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
        return work();
    });
}

void mark_active() { g_activity = true; }
void on_cursor(GLFWwindow*, double, double) { mark_active(); }
void on_mouse(GLFWwindow*, int, int, int) { mark_active(); }
void on_scroll(GLFWwindow*, double, double) { mark_active(); }

// ImGui 1.86 reads key state once per frame, so a press and release arriving in the same
// poll (xdotool, a fast typist, a remote desktop) would never be seen. Key events wait here
// and are handed to the backend at most one press-and-release per key per frame.
struct KeyEvent {
    GLFWwindow* window;
    int key, scancode, action, mods;
};
std::deque<KeyEvent> g_keys;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    g_keys.push_back({window, key, scancode, action, mods});
    mark_active();
}

void feed_keys() {
    bool pressed = false;
    std::vector<int> released;
    while (!g_keys.empty()) {
        const KeyEvent e = g_keys.front();
        // Any release waits for the next frame once something was pressed in this one, so
        // that a chord (Ctrl held, Q pressed, Ctrl released) is seen whole for one frame.
        if (e.action == GLFW_RELEASE && pressed) {
            break;
        }
        // A key released in this frame is pressed again in the next: in the same frame ImGui
        // would see it held down throughout, and the second press (a clicker's second Right)
        // would be lost.
        if (e.action == GLFW_PRESS &&
            std::find(released.begin(), released.end(), e.key) != released.end()) {
            break;
        }
        if (e.action == GLFW_RELEASE) {
            released.push_back(e.key);
        }
        ImGui_ImplGlfw_KeyCallback(e.window, e.key, e.scancode, e.action, e.mods);
        pressed = pressed || e.action == GLFW_PRESS;
        g_keys.pop_front();
    }
}
void on_char(GLFWwindow*, unsigned int) { mark_active(); }
void on_size(GLFWwindow*, int, int) { mark_active(); }
void on_refresh(GLFWwindow*) { mark_active(); }
void on_focus(GLFWwindow*, int) { mark_active(); }
void on_enter(GLFWwindow*, int) { mark_active(); }

int fail(const std::string& what) {
    std::cerr << "empathy-trainer: cannot open a window: " << what << "\n";
    return kExitFailure;
}

bool write_screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3) != 0;
}

// Rebuilds fonts and style when the settings ask for another size or theme; between frames
// only, because the atlas texture is in use during one.
struct Appearance {
    float font_size = 0;
    Theme theme = Theme::Dark;
    bool built = false;

    // Takes fonts already built (on the startup thread) at `size`.
    void adopt(ui::AppState& app, const ui::Fonts& fonts, float size, const std::string& warning) {
        app.fonts = fonts;
        if (!warning.empty()) {
            app.extra_problems.push_back(warning);
        }
        font_size = size;
        theme = app.theme();
        ui::apply_theme(theme, size);
        built = true;
    }

    void update(ui::AppState& app) {
        const float wanted_size = app.font_size(); // the presenter preset may override
        const Theme wanted_theme = app.theme();
        if (built && wanted_size == font_size && wanted_theme == theme) {
            return;
        }
        if (!built || wanted_size != font_size) {
            std::string warning;
            app.fonts = load_fonts(*ImGui::GetIO().Fonts, wanted_size, &warning);
            if (!warning.empty() && app.extra_problems.empty()) {
                app.extra_problems.push_back(warning);
            }
            if (built) {
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
        }
        ui::apply_theme(wanted_theme, wanted_size);
        font_size = wanted_size;
        theme = wanted_theme;
        built = true;
    }
};

// F11: the window fills the monitor it is on, and goes back to where it was.
struct FullScreen {
    int x = 0, y = 0, width = 0, height = 0;

    void toggle(GLFWwindow* window) {
        if (glfwGetWindowMonitor(window) != nullptr) {
            glfwSetWindowMonitor(window, nullptr, x, y, width, height, GLFW_DONT_CARE);
            return;
        }
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* video = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (video == nullptr) {
            return;
        }
        glfwGetWindowPos(window, &x, &y);
        glfwGetWindowSize(window, &width, &height);
        glfwSetWindowMonitor(window, monitor, 0, 0, video->width, video->height, video->refreshRate);
    }
};

} // namespace

namespace {

// CPU time of this thread in milliseconds: what one frame costs the UI thread, whatever the
// rasteriser threads of a software GL driver do meanwhile.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Per-frame CPU times, reported in the trace when the app quits (frames after the first,
// which includes one-off startup work).
struct FrameStats {
    std::vector<double> ms;
    void add(double v) { ms.push_back(v); }
    nlohmann::json summary() const {
        if (ms.size() < 2) {
            return nlohmann::json::object();
        }
        std::vector<double> sorted(ms.begin() + 1, ms.end());
        std::sort(sorted.begin(), sorted.end());
        const auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
        return {{"frames", sorted.size()},
                {"frame_cpu_ms_median", round2(sorted[sorted.size() / 2])},
                {"frame_cpu_ms_p99", round2(sorted[sorted.size() * 99 / 100])},
                {"frame_cpu_ms_worst", round2(sorted.back())}};
    }
};

} // namespace

int run_gui(const GuiOptions& options) {
    FrameStats frame_stats;
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        return fail("no display (DISPLAY is not set)");
    }
    Trace trace;
    if (!options.trace.empty() && !trace.open(options.trace)) {
        std::cerr << "empathy-trainer: " << trace.error() << "\n";
        return kExitFailure;
    }

    const std::filesystem::path history_file = options.history_db.empty()
                                                   ? default_history_path()
                                                   : std::filesystem::path(options.history_db);
    // Settings and the app state come first: they say which criteria, scenarios and font
    // size to load, and all three can be prepared on other threads while GLFW and the GL
    // context start, which takes far longer.
    const std::filesystem::path config = config_dir();
    std::error_code ec;
    std::filesystem::create_directories(config, ec);
    SettingsStore store(config / "settings.json");
    store.load();
    const ui::Mode mode = options.mode == "couples"    ? ui::Mode::Couples
                          : options.mode == "workshop" ? ui::Mode::Workshop
                          : options.mode == "checkin"  ? ui::Mode::CheckIn
                                                       : ui::Mode::Solo;
    ui::AppState app(std::move(store),
                     ui::StartOptions{options.scenarios_dir, options.criteria, mode}, &trace);
    // Only a first screen that scores (a scenario opened with --open) or reads disclosures
    // (the check-in) needs the criteria before the first frame; otherwise they load after it,
    // like the history, so that nothing competes with GL start-up for the two cores. The
    // disclosure criteria are compiled against the scoring criteria: same thread, after.
    const bool criteria_first = !options.open_scenario.empty() || mode == ui::Mode::CheckIn;
    const bool disclosure_first = mode == ui::Mode::CheckIn;
    std::future<std::pair<CriteriaLoad, DisclosureLoad>> criteria_loading;
    if (criteria_first) {
        criteria_loading = in_background([path = app.criteria_file(), disclosure_first] {
            CriteriaLoad criteria = load_criteria_file(path);
            DisclosureLoad disclosure;
            if (criteria.criteria && disclosure_first) {
                disclosure = load_disclosure_file(default_disclosure_path(), *criteria.criteria);
            }
            return std::make_pair(std::move(criteria), std::move(disclosure));
        });
    }
    auto library_loading =
        in_background([folder = app.scenario_folder()] { return load_scenario_folder(folder); });

    // Rasterising the fonts needs no GL context either. Nothing else touches ImGui until
    // the build has been joined.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    const float early_font_size = app.font_size();
    std::string font_warning;
    auto fonts_building = in_background([early_font_size, &font_warning] {
        return load_fonts(*ImGui::GetIO().Fonts, early_font_size, &font_warning);
    });
    // Joins the helper threads on every exit path before what they use goes away.
    struct JoinAll {
        std::future<ui::Fonts>& fonts;
        std::future<std::pair<CriteriaLoad, DisclosureLoad>>& criteria;
        std::future<LibraryLoad>& library;
        ~JoinAll() {
            if (fonts.valid()) {
                fonts.wait();
            }
            if (criteria.valid()) {
                criteria.wait();
            }
            if (library.valid()) {
                library.wait();
            }
        }
    } join_all{fonts_building, criteria_loading, library_loading};

    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() == GLFW_FALSE) {
        return fail(g_glfw_error.empty() ? "GLFW could not start" : g_glfw_error);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window =
        glfwCreateWindow(options.width, options.height, "Empathy Trainer", nullptr, nullptr);
    if (window == nullptr) {
        const std::string why = g_glfw_error;
        glfwTerminate();
        return fail("no OpenGL 3.3 core context (" + why + ")");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    const int gl_version = gladLoadGL(glfwGetProcAddress);
    if (gl_version == 0 || GLAD_VERSION_MAJOR(gl_version) * 10 + GLAD_VERSION_MINOR(gl_version) < 33) {
        glfwDestroyWindow(window);
        glfwTerminate();
        return fail("no OpenGL 3.3 context (the OpenGL loader failed)");
    }

    // Config files live in the user's config directory, never the working directory.
    const std::string ini_path = (config / "imgui.ini").string();

    const ui::Fonts early_fonts = fonts_building.get();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = ec ? nullptr : ini_path.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    if (app.settings_store.problem()) {
        app.report_error("Your settings file could not be read, so defaults are used and the "
                         "file will not be overwritten:\n" +
                         app.settings_store.problem()->to_string());
    }
    if (ec) {
        app.extra_problems.push_back("cannot create " + config.string() + ": " + ec.message());
    }
    if (criteria_first) {
        auto [criteria_loaded, disclosure_loaded] = criteria_loading.get();
        app.apply_criteria(std::move(criteria_loaded));
        if (disclosure_first) {
            app.apply_disclosure(std::move(disclosure_loaded));
        }
    }
    app.apply_library(library_loading.get());
    Appearance appearance;
    appearance.adopt(app, early_fonts, early_font_size, font_warning);
    appearance.update(app);

    // Our callbacks first: the ImGui backend chains to the ones already installed.
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_mouse);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetCharCallback(window, on_char);
    glfwSetFramebufferSizeCallback(window, on_size);
    glfwSetWindowRefreshCallback(window, on_refresh);
    glfwSetWindowFocusCallback(window, on_focus);
    glfwSetCursorEnterCallback(window, on_enter);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    glfwSetKeyCallback(window, on_key); // replaces the backend's: feed_keys() calls it

    if (!options.open_scenario.empty()) {
        if (mode == ui::Mode::Workshop) {
            app.open_workshop(options.open_scenario);
        } else if (mode == ui::Mode::Solo) {
            app.open_scenario(options.open_scenario);
        }
    }
    FullScreen full_screen;

    ui::AppUi ui;
    const bool fixed_frames = options.frames > 0;
    int frame = 0;
    int pending = kFramesAfterInput;
    auto last_folder_check = std::chrono::steady_clock::now();
    while (glfwWindowShouldClose(window) == GLFW_FALSE) {
        if (fixed_frames || pending > 0) {
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(kIdleWaitSeconds);
        }
        if (app.poll_loads()) {
            g_activity = true; // e.g. the check-in's live feedback can start
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - last_folder_check > std::chrono::duration<double>(kIdleWaitSeconds)) {
            last_folder_check = now;
            if (app.check_folder()) {
                g_activity = true;
            }
        }
        if (g_activity) {
            g_activity = false;
            pending = kFramesAfterInput;
        }
        if (pending <= 0 && !fixed_frames) {
            continue; // woke for the folder check only: nothing to draw
        }

        const double frame_cpu_start = thread_cpu_ms();
        if (app.fullscreen_requested) {
            app.fullscreen_requested = false;
            full_screen.toggle(window);
        }
        appearance.update(app);
        feed_keys();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ui.before_frame(io);
        ImGui::NewFrame();
        const std::size_t errors_before = app.errors.size();
        const ui::Page page_before = app.page;
        ui.draw(app);
        ImGui::Render();

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        if (fixed_frames && frame >= options.frames && !options.screenshot.empty()) {
            if (!write_screenshot(options.screenshot, fb_w, fb_h)) {
                std::cerr << "empathy-trainer: cannot write " << options.screenshot << "\n";
                app.quit_requested = true;
                frame = -1; // report failure below
            }
        }
        glfwSwapBuffers(window);
        frame_stats.add(thread_cpu_ms() - frame_cpu_start);
        if (frame == 1) {
            // The history's first summary then gives the library its best levels.
            const auto wake = [] { glfwPostEmptyEvent(); };
            app.start_history_open(history_file, wake);
            if (!criteria_first) {
                app.start_criteria_load(wake);
            } else if (!disclosure_first) {
                app.start_disclosure_load(wake);
            }
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - g_process_start);
            const auto epoch = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch());
            trace.event("app_started", {{"startup_ms", ms.count()}, {"epoch_ms", epoch.count()}});
        }
        // A change made during this frame (a click that opened a page) needs frames of its own.
        if (app.errors.size() != errors_before || app.page != page_before || !g_keys.empty()) {
            pending = kFramesAfterInput;
        }
        --pending;
        if (app.quit_requested || (fixed_frames && (frame < 0 || frame >= options.frames))) {
            break;
        }
    }
    trace.event("app_quit", frame_stats.summary());
    app.await_loads(); // their `wake` needs GLFW, which ends below

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return frame < 0 ? kExitFailure : kExitOk;
}

} // namespace et
