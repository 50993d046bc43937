// Slots, pattern lists and word ids as both criteria loaders read them.
#include "core/pattern_reading.hpp"

#include <algorithm>

namespace et {

std::optional<SlotMask> PatternReading::slot_mask(std::string_view name) const {
    for (std::size_t i = 0; i < slot_names.size(); ++i) {
        if (slot_names[i] == name) {
            return SlotMask{1} << i;
        }
    }
    for (const auto& [group, mask] : groups) {
        if (group == name) {
            return mask;
        }
    }
    return std::nullopt;
}

void PatternReading::read_groups(const nlohmann::json& root, const JsonPath& top) const {
    const auto* all = check.object_member(root, top, "groups", false);
    const JsonPath path = top / "groups";
    if (all == nullptr) {
        return;
    }
    for (const auto& [name, members] : all->items()) {
        const JsonPath at = path / name;
        if (!check.expect_array(members, at)) {
            continue;
        }
        SlotMask mask = 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (!check.expect_string(members[i], at, i)) {
                continue;
            }
            const auto m = slot_mask(members[i].get<std::string>());
            if (!m) {
                check.error(at / i,
                            "unknown group or list \"" + members[i].get<std::string>() + "\"");
                continue;
            }
            mask |= *m;
        }
        if (slot_mask(name)) {
            check.error(at, "the name \"" + name + "\" is already used by another group or list");
        }
        groups.emplace_back(name, mask);
    }
}

std::optional<Pattern> PatternReading::compile(const nlohmann::json& value, const JsonPath& list,
                                               std::size_t index) const {
    if (!check.expect_string(value, list, index)) {
        return std::nullopt;
    }
    Pattern::CompileError error{0, ""};
    auto pattern = Pattern::compile(
        value.get_ref<const std::string&>(), normalisation,
        [this](std::string_view name) { return slot_mask(name); }, vocabulary, error);
    if (!pattern) {
        check.error(list / index, "in pattern \"" + value.get<std::string>() + "\" at character " +
                            std::to_string(error.column + 1) + ": " + error.message);
    }
    return pattern;
}

std::vector<Pattern> PatternReading::compile_list(const nlohmann::json& parent,
                                                  const JsonPath& path, std::string_view key,
                                                  bool required, bool non_empty) const {
    std::vector<Pattern> out;
    const auto* list = check.member(parent, path, key, required);
    const JsonPath at = path / std::string(key);
    if (list == nullptr || !check.expect_array(*list, at)) {
        return out;
    }
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto p = compile((*list)[i], at, i)) {
            out.push_back(std::move(*p));
        }
    }
    if (non_empty && list->empty()) {
        check.error(at, "needs at least one pattern");
    }
    return out;
}

std::vector<int> PatternReading::word_ids(const std::vector<std::string>& words) const {
    std::vector<int> ids;
    for (const auto& w : words) {
        for (const auto& n : normalise_words(w, normalisation)) {
            ids.push_back(vocabulary.intern(n));
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace et
