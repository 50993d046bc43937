// Path resolution following the XDG base directory specification.
#include "core/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace et {

namespace {

std::filesystem::path executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path find_bundled(const char* env_var, const char* name, const char* built_in) {
    if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto exe_dir = executable_dir();
    if (!exe_dir.empty()) {
        const auto installed = exe_dir / ".." / "share" / "empathy-trainer" / name;
        if (std::filesystem::is_directory(installed, ec)) {
            return installed.lexically_normal();
        }
    }
    return built_in;
}

std::filesystem::path xdg_dir(const char* env_var, const char* fallback) {
    if (const char* env = std::getenv(env_var); env != nullptr && *env == '/') {
        return std::filesystem::path(env) / "empathy-trainer";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr && *home != '\0' ? home : "/tmp") / fallback /
           "empathy-trainer";
}

} // namespace

std::filesystem::path assets_dir() {
    return find_bundled("EMPATHY_TRAINER_ASSETS", "assets", ET_SOURCE_ASSETS_DIR);
}

std::filesystem::path bundled_scenarios_dir() {
    return find_bundled("EMPATHY_TRAINER_SCENARIOS", "scenarios", ET_SOURCE_SCENARIOS_DIR);
}

std::filesystem::path config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

std::filesystem::path data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }

} // namespace et
