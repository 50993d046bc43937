// The floor the app is measured against: a bare Dear ImGui + GLFW + glad window with one
// button and one text box, built from the same packages, loop and flags as the trainer.
#include <glad/gl.h>
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_stdlib.h>

int main(int argc, char** argv) {
    int frames = 0; // 0: run until the window is closed
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0) {
            frames = std::atoi(argv[i + 1]);
        }
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "bare_window: cannot initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Bare ImGui window", nullptr, nullptr);
    if (window == nullptr) {
        std::fprintf(stderr, "bare_window: cannot open a window\n");
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    gladLoadGL(glfwGetProcAddress);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    std::string text;
    int pending = 3;
    for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
        if (frames > 0 || pending > 0) {
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(2.0);
            pending = 3;
        }
        --pending;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::Begin("Bare");
        ImGui::Button("A button");
        ImGui::InputTextMultiline("##text", &text);
        ImGui::End();
        ImGui::Render();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        if (frame == 0) {
            // Wall-clock time of the first frame, for "exec to first frame" comparisons.
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            std::printf("first_frame_epoch_ms %lld\n",
                        static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
            std::fflush(stdout);
        }
        if (frames > 0 && frame + 1 >= frames) {
            break;
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
