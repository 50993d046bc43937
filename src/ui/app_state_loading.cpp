// AppState's background loads: the criteria (with the disclosure criteria on top) and the
// history store, which the window's first frame does not need, load on worker threads after
// it; the first action that does need one waits for its worker instead of finding it missing.
#include "ui/app_state.hpp"

#include <chrono>
#include <future>
#include <utility>

namespace et::ui {

namespace {

template <typename T>
bool ready(const std::future<T>& job) {
    return job.valid() && job.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// Runs `work` on a worker thread, then `done` there (the window wakes its loop with it).
template <typename Work>
auto on_worker(Work work, std::function<void()> done) {
    return std::async(std::launch::async, [work = std::move(work), done = std::move(done)] {
        auto result = work();
        if (done) {
            done();
        }
        return result;
    });
}

} // namespace

void AppState::start_criteria_load(std::function<void()> done) {
    if (criteria_job_.valid()) {
        return;
    }
    criteria_job_ = on_worker(
        [path = criteria_file()] {
            LoadedCriteria loaded;
            loaded.criteria = load_criteria_file(path);
            if (loaded.criteria.criteria) {
                loaded.disclosure =
                    load_disclosure_file(default_disclosure_path(), *loaded.criteria.criteria);
            }
            return loaded;
        },
        std::move(done));
}

void AppState::start_disclosure_load(std::function<void()> done) {
    if (!criteria || disclosure_job_.valid()) {
        return;
    }
    disclosure_job_ = on_worker(
        [base = criteria.get()] { return load_disclosure_file(default_disclosure_path(), *base); },
        std::move(done));
}

void AppState::start_history_open(std::filesystem::path file, std::function<void()> done) {
    if (history_job_.valid()) {
        return;
    }
    // The store checks the database file when it opens (a few ms a year of practice).
    history_job_ = on_worker(
        [file = std::move(file)] { return std::make_unique<HistoryStore>(file); }, std::move(done));
}

bool AppState::loading() const {
    return criteria_job_.valid() || disclosure_job_.valid() || history_job_.valid();
}

bool AppState::poll_loads() {
    bool installed = false;
    if (ready(criteria_job_)) {
        await_criteria();
        installed = true;
    }
    if (ready(disclosure_job_)) {
        apply_disclosure(disclosure_job_.get());
        installed = true;
    }
    if (ready(history_job_)) {
        await_history();
        installed = true;
    }
    return installed;
}

void AppState::await_criteria() {
    if (criteria_job_.valid()) {
        LoadedCriteria loaded = criteria_job_.get(); // the job is done with before installing
        apply_criteria(std::move(loaded.criteria));
        if (criteria) {
            apply_disclosure(std::move(loaded.disclosure));
        }
    }
    if (disclosure_job_.valid()) {
        apply_disclosure(disclosure_job_.get());
    }
}

void AppState::await_history() {
    if (history_job_.valid()) {
        apply_history(history_job_.get());
    }
}

void AppState::await_loads() {
    await_criteria();
    await_history();
}

} // namespace et::ui
