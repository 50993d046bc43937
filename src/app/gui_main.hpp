// The window: GLFW, an OpenGL 3.3 core context through glad, ImGui's backends and an
// event-driven loop that sleeps when nothing changes.
#pragma once

#include "app/cli.hpp"

namespace et {

// Opens the trainer window and runs until the user quits (or for `options.frames` frames).
// Without a display or an OpenGL 3.3 context: one line on stderr, returns 1.
int run_gui(const GuiOptions& options);

} // namespace et
