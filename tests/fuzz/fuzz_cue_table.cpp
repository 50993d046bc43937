// Fuzzes the learned-cue table reader, and the cue sums over a table that read, with arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/learned_cues.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    et::LearnedCues cues;
    if (const auto problem = et::read_cue_table("fuzz.tsv", text, cues)) {
        (void)problem->to_string();
        return 0;
    }
    cues.thresholds.assign(cues.mistakes.size(), 0.f);
    // The table's own text as a response: every sequence in it is found.
    for (const auto& found : et::find_cue_mistakes(cues, text)) {
        if (found.begin > found.end || found.end > text.size()) {
            __builtin_trap();
        }
    }
    return 0;
}
