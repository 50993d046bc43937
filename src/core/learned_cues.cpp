// Learned cues: cutting a response into words and sequences, and summing their weights.
#include "core/learned_cues.hpp"

#include <algorithm>

namespace et {

namespace {

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
}

// The length of a curly apostrophe (U+2018 or U+2019) at `i`, or 0.
std::size_t curly_apostrophe(std::string_view text, std::size_t i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
        return 3;
    }
    return 0;
}

// "-1.25", "0", "3.5": the trainer's plain decimals (at most six after the point), read
// without the locale and the generality of strtof, as a table has thousands.
std::optional<float> parse_weight(std::string_view text) {
    static constexpr float kScale[] = {1.f, 1e-1f, 1e-2f, 1e-3f, 1e-4f, 1e-5f, 1e-6f};
    const char* p = text.data();
    const char* const end = p + text.size();
    const bool negative = p < end && *p == '-';
    p += negative ? 1 : 0;
    std::int64_t value = 0;
    const char* const digits = p;
    for (; p < end && *p >= '0' && *p <= '9' && p - digits < 9; ++p) {
        value = value * 10 + (*p - '0');
    }
    if (p == digits) {
        return std::nullopt;
    }
    int fraction = 0;
    if (p < end && *p == '.') {
        for (++p; p < end && *p >= '0' && *p <= '9' && fraction < 6; ++p, ++fraction) {
            value = value * 10 + (*p - '0');
        }
        if (fraction == 0) {
            return std::nullopt;
        }
    }
    if (p != end) {
        return std::nullopt;
    }
    const float magnitude = static_cast<float>(value) * kScale[fraction];
    return negative ? -magnitude : magnitude;
}

// Whether `text` is one to three words of [a-z0-9'] with single spaces between them.
bool is_sequence(std::string_view text) {
    int spaces = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') {
            if (i == 0 || i + 1 == text.size() || text[i - 1] == ' ' || ++spaces > 2) {
                return false;
            }
        } else if (!is_word_byte(text[i])) {
            return false;
        }
    }
    return !text.empty();
}

} // namespace

CueWords cue_words(std::string_view text) {
    CueWords out;
    out.joined.reserve(text.size());
    bool open = false;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        std::size_t width = 1;
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (const std::size_t curly = curly_apostrophe(text, i); curly > 0) {
            c = '\'';
            width = curly;
        }
        if (is_word_byte(c)) {
            if (!open) {
                if (!out.joined.empty()) {
                    out.joined.push_back(' ');
                }
                out.words.push_back({out.joined.size(), 0, i, 0});
                open = true;
            }
            out.joined.push_back(c);
            out.words.back().end = out.joined.size();
            out.words.back().text_end = i + width;
        } else {
            open = false;
        }
        i += width;
    }
    return out;
}

void LearnedCues::reserve(std::size_t rows, std::size_t bytes) {
    sequences_.reserve(rows, bytes);
    weights.reserve(rows * mistakes.size());
}

std::optional<std::uint32_t> LearnedCues::find(std::string_view sequence) const {
    const std::uint32_t row = sequences_.find(sequence);
    return row == TextIndex::kNone ? std::nullopt : std::optional<std::uint32_t>(row);
}

std::optional<std::string> LearnedCues::add_row(std::string_view sequence,
                                                const std::vector<float>& row) {
    if (!is_sequence(sequence)) {
        return "\"" + std::string(sequence) +
               "\" is not one to three lower-case words (letters, digits, apostrophes) with single "
               "spaces";
    }
    if (row.size() != mistakes.size()) {
        return "expected " + std::to_string(mistakes.size()) + " weights (one per mistake), got " +
               std::to_string(row.size());
    }
    if (!sequences_.add(sequence).second) {
        return "\"" + std::string(sequence) + "\" is given twice";
    }
    weights.insert(weights.end(), row.begin(), row.end());
    return std::nullopt;
}

std::optional<Diagnostic> read_cue_table(const std::string& file, std::string_view text,
                                         LearnedCues& cues) {
    LearnedCues read;
    const auto problem = [&](int line, std::size_t column, std::string message) {
        return Diagnostic{
            Severity::Error,   file, line, line > 0 ? static_cast<int>(column) + 1 : 0, "",
            std::move(message)};
    };
    bool header = false;
    bool prior = false;
    std::vector<float> row;
    int line_number = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t line_end = std::min(text.find('\n', at), text.size());
        std::string_view line = text.substr(at, line_end - at);
        const std::size_t line_start = at;
        at = line_end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::size_t tab = line.find('\t');
        const std::string_view first = line.substr(0, tab);
        if (!header) {
            if (first != "sequence") {
                return problem(
                    line_number, 0,
                    "expected the header: \"sequence\", then a tab and a mistake id per column");
            }
            while (tab != std::string_view::npos) {
                const std::size_t next = line.find('\t', tab + 1);
                const std::string_view id = line.substr(tab + 1, next - tab - 1);
                const auto m = parse_mistake(id);
                if (!m || std::find(read.mistakes.begin(), read.mistakes.end(), *m) !=
                              read.mistakes.end()) {
                    return problem(line_number, tab + 1,
                                   "\"" + std::string(id) +
                                       (m ? "\" is a column twice" : "\" is not a mistake id"));
                }
                read.mistakes.push_back(*m);
                tab = next;
            }
            if (read.mistakes.empty()) {
                return problem(line_number, 0, "the header names no mistake");
            }
            header = true;
            // Rows are some 40 bytes, of which the sequence is most.
            read.reserve((text.size() - line_start) / 32, text.size() - line_start);
            continue;
        }
        // The weights, read in one pass over the rest of the line.
        row.clear();
        for (std::size_t begin = tab; begin != std::string_view::npos;) {
            std::size_t end = begin + 1;
            while (end < line.size() && line[end] != '\t') {
                ++end;
            }
            const std::string_view field = line.substr(begin + 1, end - begin - 1);
            const auto weight = parse_weight(field);
            if (!weight) {
                return problem(line_number, begin + 1,
                               "\"" + std::string(field) +
                                   "\" is not a weight (a number such as -1.25)");
            }
            row.push_back(*weight);
            begin = end < line.size() ? end : std::string_view::npos;
        }
        if (!prior) {
            if (first != "(prior)" || row.size() != read.mistakes.size()) {
                return problem(
                    line_number, 0,
                    "expected the \"(prior)\" row: a weight per mistake column, after the header");
            }
            read.priors = row;
            prior = true;
            continue;
        }
        if (auto why = read.add_row(first, row)) {
            return problem(line_number, 0, std::move(*why));
        }
    }
    if (!prior) {
        return problem(line_number, 0,
                       header ? "the \"(prior)\" row is missing" : "the table is empty");
    }
    cues = std::move(read);
    return std::nullopt;
}

std::vector<CueFinding> find_cue_mistakes(const LearnedCues& cues, std::string_view text,
                                          const std::vector<std::string_view>& validated_by) {
    std::vector<CueFinding> found;
    if (cues.empty()) {
        return found;
    }
    const CueWords words = cue_words(text);
    // Each distinct sequence counts once, at its first place (as the table was trained).
    struct Seen {
        std::uint32_t row;
        std::size_t begin, end;
    };
    std::vector<Seen> seen;
    for (std::size_t i = 0; i < words.words.size(); ++i) {
        for (std::size_t n = 1; n <= 3 && i + n <= words.words.size(); ++n) {
            if (const auto row = cues.find(words.run(i, n))) {
                seen.push_back({*row, words.words[i].text_begin, words.words[i + n - 1].text_end});
            }
        }
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [](const Seen& a, const Seen& b) { return a.row < b.row; });
    seen.erase(std::unique(seen.begin(), seen.end(),
                           [](const Seen& a, const Seen& b) { return a.row == b.row; }),
               seen.end());
    const std::size_t columns = cues.mistakes.size();
    for (std::size_t col = 0; col < columns; ++col) {
        if (col < cues.silenced_by.size() &&
            std::any_of(validated_by.begin(), validated_by.end(), [&](std::string_view id) {
                return std::find(cues.silenced_by[col].begin(), cues.silenced_by[col].end(), id) !=
                       cues.silenced_by[col].end();
            })) {
            continue;
        }
        const Mistake m = cues.mistakes[col];
        float sum = cues.priors[col];
        const Seen* strongest = nullptr;
        float strongest_weight = 0;
        for (const Seen& s : seen) {
            const float w = cues.weights[s.row * columns + col];
            sum += w;
            if (strongest == nullptr || w > strongest_weight) {
                strongest = &s;
                strongest_weight = w;
            }
        }
        if (sum > cues.thresholds[col] && strongest != nullptr) {
            found.push_back({m, sum, strongest->begin, strongest->end});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const CueFinding& a, const CueFinding& b) { return a.mistake < b.mistake; });
    return found;
}

} // namespace et
