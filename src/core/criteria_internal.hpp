// Parts of the criteria loader that live in their own files.
#pragma once

#include "core/criteria.hpp"
#include "core/json_checker.hpp"

#include <nlohmann/json.hpp>

namespace et {

// Reads level_two's "synonyms", "idioms" and "time_spans" into `c`; errors go to `check`.
void read_card_words(JsonChecker& check, const nlohmann::json& l2, const JsonPath& at, Criteria& c);

// Reads the optional "learned_cues" section into `c.learned_cues` (after the Level One
// criteria, which it may name); errors go to `check`.
void read_learned_cues(JsonChecker& check, const nlohmann::json& root, const JsonPath& top,
                       Criteria& c);

} // namespace et
