// Slots, pattern lists and word ids as both criteria loaders read them.
#include "core/pattern_reading.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <system_error>
#include <thread>

#include "core/worker_thread.hpp"

namespace et {

std::optional<SlotMask> PatternReading::slot_mask(std::string_view name) const {
    for (std::size_t i = 0; i < slot_names_.size(); ++i) {
        if (slot_names_[i] == name) {
            return SlotMask{1} << i;
        }
    }
    for (const auto& [group, mask] : groups_) {
        if (group == name) {
            return mask;
        }
    }
    return std::nullopt;
}

void PatternReading::read_groups(const nlohmann::json& root, const JsonPath& top) const {
    const auto* all = check_.object_member(root, top, "groups", false);
    const JsonPath path = top / "groups";
    if (all == nullptr) {
        return;
    }
    for (const auto& [name, members] : all->items()) {
        const JsonPath at = path / name;
        if (!check_.expect_array(members, at)) {
            continue;
        }
        SlotMask mask = 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (!check_.expect_string(members[i], at, i)) {
                continue;
            }
            const auto m = slot_mask(members[i].get<std::string>());
            if (!m) {
                check_.error(at / i,
                            "unknown group or list \"" + members[i].get<std::string>() + "\"");
                continue;
            }
            mask |= *m;
        }
        if (slot_mask(name)) {
            check_.error(at, "the name \"" + name + "\" is already used by another group or list");
        }
        groups_.emplace_back(name, mask);
    }
}

std::vector<Pattern> PatternReading::compile_list(const nlohmann::json& parent,
                                                  const JsonPath& path, std::string_view key,
                                                  bool required, bool non_empty) {
    std::vector<Pattern> out;
    const auto* list = check_.member(parent, path, key, required);
    JsonPath at = path / std::string(key);
    if (list == nullptr || !check_.expect_array(*list, at)) {
        return out;
    }
    if (non_empty && list->empty()) {
        check_.error(at, "needs at least one pattern");
    }
    // Exactly the room the list needs, so that its patterns stay where pending_ points.
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& value = (*list)[i];
        if (check_.expect_string(value, at, i)) {
            pending_.push_back(
                {&value.get_ref<const std::string&>(), lists_.size(), i, &out.emplace_back()});
        }
    }
    lists_.push_back(std::move(at));
    return out;
}

void PatternReading::compile_pending() {
    const Pattern::SlotResolver resolve = [this](std::string_view name) { return slot_mask(name); };
    std::vector<std::optional<Pattern::CompileError>> errors(pending_.size());
    const auto compile_range = [&](std::size_t begin, std::size_t end, Vocabulary& vocabulary) {
        for (std::size_t k = begin; k < end; ++k) {
            Pattern::CompileError error{0, ""};
            if (auto p = Pattern::compile_unnumbered(*pending_[k].text, normalisation_, resolve,
                                                     vocabulary, error)) {
                *pending_[k].into = std::move(*p);
            } else {
                errors[k] = std::move(error);
            }
        }
    };
    const std::size_t count = pending_.size();
    const std::size_t split = count >= kPatternsWorthAThread ? half_by_length() : count;
    // The later half compiles on the worker thread into a vocabulary of its own, as looking
    // up and adding a pattern's words is most of compiling it. Whichever thread comes to
    // it first takes it: this one, after its own half, if the worker has not begun (it may
    // be busy, or slow to be scheduled on a loaded machine).
    Vocabulary later;
    auto taken = std::make_shared<std::atomic<bool>>(split == count);
    std::future<void> helper;
    if (split < count && std::thread::hardware_concurrency() > 1) {
        try {
            // `taken` is shared: a task that comes too late returns without touching the rest.
            helper = WorkerThread::shared().run([taken, &compile_range, &later, split, count] {
                if (!taken->exchange(true)) {
                    compile_range(split, count, later);
                }
            });
        } catch (const std::system_error&) {
        }
    }
    try {
        compile_range(0, split, vocabulary_);
    } catch (...) {
        // The worker's half refers to this frame's lists: it must be done with them first.
        if (taken->exchange(true) && helper.valid()) {
            helper.wait();
        }
        throw;
    }
    if (!taken->exchange(true)) {
        compile_range(split, count, vocabulary_); // the worker has not begun: no renumbering
    } else if (split < count) {
        helper.get();
        // Onto this vocabulary, whose ids the scorer uses: new words numbered in the order
        // the later half first used them.
        std::vector<int> to(later.size());
        for (std::size_t id = 0; id < to.size(); ++id) {
            to[id] = vocabulary_.intern(later.key(static_cast<int>(id)));
        }
        for (std::size_t k = split; k < count; ++k) {
            if (!errors[k]) {
                pending_[k].into->renumber(to);
            }
        }
    }
    for (std::size_t k = 0; k < count; ++k) {
        const PendingPattern& pending = pending_[k];
        if (errors[k]) {
            check_.error(lists_[pending.list] / pending.index,
                         "in pattern \"" + *pending.text + "\" at character " +
                             std::to_string(errors[k]->column + 1) + ": " + errors[k]->message);
        } else {
            pending.into->register_in(vocabulary_);
        }
    }
    pending_.clear();
    lists_.clear();
}

std::size_t PatternReading::half_by_length() const {
    std::size_t total = 0;
    for (const PendingPattern& pending : pending_) {
        total += pending.text->size();
    }
    std::size_t split = 0;
    for (std::size_t first_half = 0; split < pending_.size() && first_half < total / 2; ++split) {
        first_half += pending_[split].text->size();
    }
    return split;
}

std::vector<int> PatternReading::word_ids(const std::vector<std::string>& words) const {
    std::vector<int> ids;
    for (const auto& w : words) {
        for (const auto& n : normalise_words(w, normalisation_)) {
            ids.push_back(vocabulary_.intern(n));
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace et
