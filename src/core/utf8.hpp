// UTF-8 validation and small helpers for byte-indexed text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace et {

// Returns the byte offset of the first invalid UTF-8 sequence, or nothing when `text`
// is valid UTF-8 (overlong forms, surrogates and code points past U+10FFFF are invalid).
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line and column (in bytes) of a byte offset.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// Whether `c` continues a multi-byte character (10xxxxxx) rather than starting one.
inline bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The start of the character that byte `at` (< text.size()) belongs to.
inline std::size_t utf8_char_start(std::string_view text, std::size_t at) {
    while (at > 0 && is_utf8_continuation(text[at])) {
        --at;
    }
    return at;
}

// Just past the character that starts at byte `at` (< text.size()).
inline std::size_t utf8_char_end(std::string_view text, std::size_t at) {
    ++at;
    while (at < text.size() && is_utf8_continuation(text[at])) {
        ++at;
    }
    return at;
}

// Strips a UTF-8 byte-order mark, if present.
std::string_view strip_bom(std::string_view text);

} // namespace et
