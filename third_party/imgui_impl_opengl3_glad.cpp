// Builds Debian's ImGui OpenGL3 backend against the glad loader generated in the build tree.
#include <glad/gl.h>
#define IMGUI_IMPL_OPENGL_LOADER_CUSTOM
#include "imgui_impl_opengl3.cpp"
