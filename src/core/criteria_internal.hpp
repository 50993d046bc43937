// Parts of the criteria loader that live in their own files.
#pragma once

#include "core/criteria.hpp"
#include "core/json_checker.hpp"

#include <filesystem>
#include <future>
#include <optional>

#include <nlohmann/json.hpp>

namespace et {

// Reads level_two's "synonyms", "idioms" and "time_spans" into `c`; errors go to `check`.
void read_card_words(JsonChecker& check, const nlohmann::json& l2, const JsonPath& at, Criteria& c);

// A cue table read from its file (see learned_cues.hpp).
struct CueTableRead {
    std::filesystem::path path;
    bool readable = false;             // the file opened and was not too large
    std::optional<Diagnostic> problem; // the first problem in it
    LearnedCues cues;                  // its columns, priors and rows
};

// The table that the document's "learned_cues" names, read on another thread: it needs
// nothing of the patterns, so it is read while they compile. Nothing to wait for when the
// section does not name one (read_learned_cues then reports why).
std::future<CueTableRead> start_reading_cue_table(const JsonDocument& document);

// Reads the optional "learned_cues" section into `c.learned_cues` (after the Level One
// criteria, which it may name), taking its table from `pending` when that is valid; errors
// go to `check`.
void read_learned_cues(JsonChecker& check, const nlohmann::json& root, const JsonPath& top, Criteria& c,
                       std::future<CueTableRead>& pending);

} // namespace et
