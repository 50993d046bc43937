// Temporary file plus rename, with errno turned into a message that names the file.
#include "core/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace et {

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text) {
    // Same folder as the target, so the rename never crosses file systems.
    const std::string temp = path + ".tmp" + std::to_string(::getpid());
    auto fail = [&](const std::string& what, int error) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        return "cannot write " + what + ": " + std::strerror(error);
    };
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (f == nullptr) {
        // Name the file the user asked for: the temporary name would only confuse.
        return fail(path, errno);
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int write_error = errno;
    // fclose flushes, so a full disk can surface only here.
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed) {
        return fail(path, written ? errno : write_error);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        return fail(path, errno);
    }
    return std::nullopt;
}

} // namespace et
