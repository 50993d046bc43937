// The Handout: a self-contained printable summary of a scenario, every authored choice rated
// and highlighted by the engine, for therapists to hand out after a workshop.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/scenario.hpp"
#include "core/scorer.hpp"

namespace et {

enum class HandoutFormat { Html, Markdown };
// "html" or "md" (also "markdown"); nothing for anything else.
std::optional<HandoutFormat> parse_handout_format(std::string_view id);

// The page size written into the HTML's @page rule. Auto leaves it to the printer; the
// margins and the layout fit both A4 and Letter.
enum class PaperSize { Auto, A4, Letter };
// "auto", "a4" or "letter"; nothing for anything else.
std::optional<PaperSize> parse_paper_size(std::string_view id);

struct HandoutOptions {
    HandoutFormat format = HandoutFormat::Html;
    PaperSize paper = PaperSize::Auto; // HTML only
};

// The whole handout as one document: the title, the partner card and, per step, the
// partner's line, every authored choice with the engine's level, the mistakes by their
// names in the criteria, the words behind each judgement highlighted, the author's `why`,
// the engine's suggested response and where the conversation goes next.
// Promises: every text taken from the scenario or the criteria is escaped for the format
// (HTML: & < > " '; Markdown: its special characters), so no scenario can inject markup; the
// HTML needs nothing outside itself (inline CSS, no scripts, fonts or images); the output
// depends only on the arguments (no date, no path), so it can be compared with a golden file.
// Pure: reads and writes no files. `scorer` must outlive the call.
std::string render_handout(const Scenario& scenario, const Scorer& scorer,
                           const HandoutOptions& options = {});

// The handout's words for an empathy level: "No empathy yet", "Level One", "Level Two".
const char* handout_level_name(int level);

// A suggested file name for a scenario's handout: "<scenario id>-handout.html" (or ".md").
std::string handout_file_name(const Scenario& scenario, HandoutFormat format);

} // namespace et
