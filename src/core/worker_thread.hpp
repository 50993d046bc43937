// One thread kept for the life of the process, for work a loader runs beside its own.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace et {

// Loading a criteria file reads half its JSON and its cue table, compiles half its patterns
// and frees its parsed document here. A thread started for each load began its work a tenth
// of a millisecond late and with cold caches (its stemmer's memo, its scratch lists), which
// cost more than half the patterns saved; this one is started once and keeps them.
class WorkerThread {
public:
    // The process's worker, started on first use and stopped at exit.
    static WorkerThread& shared();

    // Runs `task` on the worker, after the tasks handed over before it; the future holds its
    // result or exception. Called from a task, it runs `task` at once instead. Throws
    // std::system_error when the thread could not be started.
    template <class Task>
    std::future<std::invoke_result_t<Task&>> run(Task task) {
        using Result = std::invoke_result_t<Task&>;
        // std::function copies what it holds, and a packaged_task cannot be copied.
        auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
        auto result = packaged->get_future();
        if (on_worker()) {
            (*packaged)(); // queued, it would wait for the task that is waiting for it
        } else {
            post([packaged] { (*packaged)(); });
        }
        return result;
    }

    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;
    ~WorkerThread();

private:
    WorkerThread() = default;
    static bool& on_worker(); // true on the worker thread only
    void post(std::function<void()> task);
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::thread thread_; // started by the first post
};

} // namespace et
