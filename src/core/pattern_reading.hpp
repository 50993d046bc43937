// What the scoring and the disclosure criteria loaders read alike: `{name}` slots and groups,
// pattern lists compiled with located errors, and word lists as vocabulary ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_checker.hpp"
#include "core/pattern.hpp"

namespace et {

// Refers to a loader's own checker, normalisation, vocabulary, slot names and groups, which
// the loader keeps filling while it reads; it holds no state of its own.
struct PatternReading {
    JsonChecker& check;
    const Normalisation& normalisation;
    Vocabulary& vocabulary;
    const std::vector<std::string>& slot_names;
    std::vector<std::pair<std::string, SlotMask>>& groups;

    // Reads `root["groups"]` (optional): each a list of slot and earlier group names, added to
    // `groups`. A name already taken, or an unknown member, is reported.
    void read_groups(const nlohmann::json& root, const JsonPath& top) const;
    // A slot's own bit, or a group's mask; nothing for an unknown name.
    std::optional<SlotMask> slot_mask(std::string_view name) const;
    // The pattern in element `index` of the list at `list`; a problem is reported at the
    // element with the character.
    std::optional<Pattern> compile(const nlohmann::json& value, const JsonPath& list, std::size_t index) const;
    // The patterns of `parent[key]`; `non_empty` also reports an empty list.
    std::vector<Pattern> compile_list(const nlohmann::json& parent, const JsonPath& path,
                                      std::string_view key, bool required,
                                      bool non_empty = false) const;
    // Words as sorted, distinct vocabulary ids: the scorer compares integers per token.
    std::vector<int> word_ids(const std::vector<std::string>& words) const;
};

} // namespace et
