// JSON Lines trace writer.
#include "core/trace.hpp"

#include <cerrno>
#include <cstring>

namespace et {

Trace::~Trace() {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
}

bool Trace::open(const std::string& path) {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
    file_ = std::fopen(path.c_str(), "a");
    if (file_ == nullptr) {
        error_ = "cannot open trace file " + path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

void Trace::event(const std::string& name, nlohmann::json fields) {
    if (file_ == nullptr) {
        return;
    }
    nlohmann::json line = nlohmann::json::object();
    line["event"] = name;
    line["ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - start_)
                     .count();
    if (fields.is_object()) {
        for (auto& [key, value] : fields.items()) {
            line[key] = std::move(value);
        }
    }
    // Invalid UTF-8 in a typed response must not throw out of the UI.
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    std::fwrite(text.data(), 1, text.size(), file_);
    std::fflush(file_);
}

} // namespace et
