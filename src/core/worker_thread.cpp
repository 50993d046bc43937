// The process's worker thread: a queue of tasks run one at a time.
#include "core/worker_thread.hpp"

namespace et {

WorkerThread& WorkerThread::shared() {
    static WorkerThread worker;
    return worker;
}

WorkerThread::~WorkerThread() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) {
        thread_.join(); // after the tasks already handed over
    }
}

void WorkerThread::post(std::function<void()> task) {
    {
        const std::lock_guard lock(mutex_);
        if (!thread_.joinable()) {
            thread_ = std::thread([this] { loop(); });
        }
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

bool& WorkerThread::on_worker() {
    thread_local bool here = false;
    return here;
}

void WorkerThread::loop() {
    on_worker() = true;
    while (true) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) {
                return; // stopping, with nothing left to run
            }
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task(); // a packaged task: what it throws goes to its future
    }
}

} // namespace et
