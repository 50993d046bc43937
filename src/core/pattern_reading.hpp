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
// the loader keeps filling while it reads. The patterns of compile_list are compiled by
// compile_pending, on two threads: a loader calls it once it has read everything else.
class PatternReading {
public:
    PatternReading(JsonChecker& check, const Normalisation& normalisation, Vocabulary& vocabulary,
                   const std::vector<std::string>& slot_names,
                   std::vector<std::pair<std::string, SlotMask>>& groups)
        : check_(check), normalisation_(normalisation), vocabulary_(vocabulary),
          slot_names_(slot_names), groups_(groups) {}

    // Reads `root["groups"]` (optional): each a list of slot and earlier group names, added to
    // `groups`. A name already taken, or an unknown member, is reported.
    void read_groups(const nlohmann::json& root, const JsonPath& top) const;
    // A slot's own bit, or a group's mask; nothing for an unknown name.
    std::optional<SlotMask> slot_mask(std::string_view name) const;
    // The patterns of `parent[key]`; `non_empty` also reports an empty list. They are empty
    // until compile_pending: the list must be moved, never copied, until then (its patterns
    // are compiled in place).
    std::vector<Pattern> compile_list(const nlohmann::json& parent, const JsonPath& path,
                                      std::string_view key, bool required, bool non_empty = false);
    // Compiles every pattern compile_list has returned, reporting each problem at its
    // element with the character, in the order the lists were read.
    void compile_pending();
    // Words as sorted, distinct vocabulary ids: the scorer compares integers per token.
    std::vector<int> word_ids(const std::vector<std::string>& words) const;

    // Fewer patterns than this compile on the loader's thread alone.
    static constexpr std::size_t kPatternsWorthAThread = 256;

private:
    // Where the later half of pending_ begins, by the length of their text.
    std::size_t half_by_length() const;

    // A pattern compile_list returned: its text in the document, where to report a problem
    // (element `index` of the list at lists_[list]), and where it goes.
    struct PendingPattern {
        const std::string* text;
        std::size_t list;
        std::size_t index;
        Pattern* into;
    };

    JsonChecker& check_;
    const Normalisation& normalisation_;
    Vocabulary& vocabulary_;
    const std::vector<std::string>& slot_names_;
    std::vector<std::pair<std::string, SlotMask>>& groups_;
    std::vector<PendingPattern> pending_;
    std::vector<JsonPath> lists_;
};

} // namespace et
