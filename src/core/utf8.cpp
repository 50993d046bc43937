// UTF-8 validation (RFC 3629) and byte-position helpers.
#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace et {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Files are mostly ASCII: skip plain bytes 32 and then eight at a time.
        while (i + 32 <= n) {
            std::uint64_t chunks[4];
            std::memcpy(chunks, s + i, 32);
            if (((chunks[0] | chunks[1] | chunks[2] | chunks[3]) & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 32;
        }
        while (i + 8 <= n) {
            std::uint64_t chunk;
            std::memcpy(&chunk, s + i, 8);
            if ((chunk & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned min_second = 0x80, max_second = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) min_second = 0xA0; // overlong
            if (c == 0xED) max_second = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) min_second = 0x90; // overlong
            if (c == 0xF4) max_second = 0x8F; // past U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        if (s[i + 1] < min_second || s[i + 1] > max_second) {
            return i;
        }
        for (std::size_t k = 2; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return i;
            }
        }
        i += len;
    }
    return std::nullopt;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    LineColumn at;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

std::string_view strip_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        return text.substr(3);
    }
    return text;
}

} // namespace et
