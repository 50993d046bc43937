// `--trace FILE`: one JSON object per line for each meaningful UI event, flushed at once so
// that tests (and people) can follow the app from outside while it runs.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace et {

class Trace {
public:
    Trace() = default;
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    // Opens `path` for appending. Returns false and sets error() when it cannot.
    bool open(const std::string& path);
    bool is_open() const { return file_ != nullptr; }
    const std::string& error() const { return error_; }

    // Appends {"event": name, "ms": milliseconds since open, ...fields} and flushes.
    // Does nothing when no file is open, so callers need not check.
    void event(const std::string& name, nlohmann::json fields = nlohmann::json::object());

private:
    std::FILE* file_ = nullptr;
    std::string error_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace et
