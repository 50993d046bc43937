// The process's worker thread: tasks run in the order given, off the caller's thread, with
// their results and exceptions delivered through their futures.
#include "core/worker_thread.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace et {
namespace {

TEST(WorkerThread, RunsTasksInOrderOffTheCallersThread) {
    std::vector<int> order; // touched only by the worker until the last future is ready
    std::vector<std::future<std::thread::id>> ran;
    for (int i = 0; i < 50; ++i) {
        ran.push_back(WorkerThread::shared().run([&order, i] {
            order.push_back(i);
            return std::this_thread::get_id();
        }));
    }
    for (auto& f : ran) {
        EXPECT_NE(f.get(), std::this_thread::get_id());
    }
    ASSERT_EQ(order.size(), 50u);
    for (int i = 0; i < 50; ++i) {
        EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
    }
}

TEST(WorkerThread, DeliversResultsAndExceptions) {
    auto answer = WorkerThread::shared().run([] { return std::string("forty-two"); });
    auto failure =
        WorkerThread::shared().run([]() -> int { throw std::runtime_error("no table"); });
    auto after = WorkerThread::shared().run([] { return 7; });
    EXPECT_EQ(answer.get(), "forty-two");
    EXPECT_THROW(failure.get(), std::runtime_error);
    EXPECT_EQ(after.get(), 7); // a task that threw does not stop the worker
}

// A task that hands over another and waits for it (a criteria file loaded on the worker)
// would wait for ever if the second were queued behind it.
TEST(WorkerThread, ATaskRunsTheTasksItHandsOverAtOnce) {
    auto outer = WorkerThread::shared().run([] {
        auto inner = WorkerThread::shared().run([] { return std::this_thread::get_id(); });
        return inner.get() == std::this_thread::get_id();
    });
    ASSERT_EQ(outer.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    EXPECT_TRUE(outer.get());
}

TEST(WorkerThread, TakesMoveOnlyTasks) {
    auto owned = std::make_unique<int>(5);
    auto doubled = WorkerThread::shared().run([owned = std::move(owned)] { return *owned * 2; });
    EXPECT_EQ(doubled.get(), 10);
}

} // namespace
} // namespace et
