// The quick JSON parser itself (see json_parse.hpp), for json_parse.cpp alone: a header so
// that the one-thread and the two-half reading share it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace et::json_internal {

using Json = nlohmann::json;

// Deeper nesting is always left to the caller, so that the recursion here stays shallow.
constexpr int kMaxRecursion = 256;

// The characters nlohmann's lexer may read as part of a number.
inline bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

// The high bit of each of the eight bytes of `chunk` that is a quote, a backslash, a control
// character or not ASCII: one test instead of eight over the plain text that most of a
// string is. Only the lowest flag is exact (a borrow may flag a byte after it), which is all
// a scan needs to stop at the first.
inline std::uint64_t special_bytes(std::uint64_t chunk) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    const auto has_zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
    const std::uint64_t below_space = (chunk - kOnes * 0x20) & ~chunk & kHighBits;
    return has_zero_byte(chunk ^ (kOnes * '"')) | has_zero_byte(chunk ^ (kOnes * '\\')) |
           below_space | (chunk & kHighBits);
}

// Bytes are read in memory order into a word, so its lowest byte is the first only here.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// Each reader returns false as soon as the text is not valid JSON; what is wrong is for
// nlohmann to say.
class QuickParser {
public:
    QuickParser(std::string_view text, int max_depth)
        : text_(text), max_depth_(std::min(max_depth, kMaxRecursion)) {}

    std::optional<Json> parse() {
        Json value;
        skip_space();
        if (!read_value(value, 0)) {
            return std::nullopt;
        }
        if (stopped_) {
            return value; // the rest is another parser's (see parse_json_in_halves)
        }
        skip_space();
        // Text after the value, even after a NUL byte (which nlohmann reads as the end of the
        // input), is for the caller to judge.
        if (pos_ != text_.size()) {
            return std::nullopt;
        }
        return value;
    }

    // Makes parse() stop at the ',' at `stop` if it separates two members of an object:
    // then stopped() is true, and the value holds everything before it.
    void stop_at(std::size_t stop) { stop_ = stop; }
    bool stopped() const { return stopped_; }
    // Where parse() stopped, the keys of the objects it was in, innermost first.
    const std::vector<std::string>& stop_path() const { return stop_path_; }

    // What follows a ',' at `from` between two members of an object nested `levels` deep
    // (the document itself counts one), as stop_at leaves it: the rest of each of the objects
    // it was in, innermost first, each up to its '}'; only white space may follow the last.
    std::optional<std::vector<Json::object_t>> parse_rest_of_objects(std::size_t from, int levels) {
        if (levels > max_depth_) {
            return std::nullopt; // the innermost object is `levels` deep
        }
        pos_ = from + 1;
        std::vector<Json::object_t> rest(static_cast<std::size_t>(levels));
        for (int level = 0; level < levels; ++level) {
            skip_space();
            if (level > 0) {
                // An outer object goes on after its inner one's '}': with more members, or
                // none.
                const char next = peek();
                ++pos_;
                if (next == '}') {
                    continue;
                }
                if (next != ',') {
                    return std::nullopt;
                }
                skip_space();
            }
            // read_members wants a key first, so "a, }" is refused as it should be.
            if (!read_members(rest[static_cast<std::size_t>(level)], levels - level)) {
                return std::nullopt;
            }
        }
        skip_space();
        if (pos_ != text_.size()) {
            return std::nullopt;
        }
        return rest;
    }

private:
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    void skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (kLittleEndian && c == ' ' && pos_ + 8 <= text_.size()) {
                // Indentation, most of a pretty-printed file's white space: a run of spaces
                // in one step rather than one test per space.
                std::uint64_t chunk = 0;
                std::memcpy(&chunk, text_.data() + pos_, 8);
                const std::uint64_t others = chunk ^ (kOnes * ' ');
                pos_ += others == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(others)) / 8;
                continue;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            ++pos_;
        }
    }

    bool read_value(Json& out, int depth) {
        switch (peek()) {
        case '"': {
            std::string text;
            if (!read_string(text)) {
                return false;
            }
            out = Json(std::move(text));
            return true;
        }
        case '{':
            return read_object(out, depth + 1);
        case '[':
            return read_array(out, depth + 1);
        case 't':
            return read_literal("true", Json(true), out);
        case 'f':
            return read_literal("false", Json(false), out);
        case 'n':
            return read_literal("null", Json(nullptr), out);
        default:
            return read_number(out);
        }
    }

    // What an element or member is made as before it is read: a string (most of them) is
    // then read straight into it, as assigning one that nlohmann has built moves it twice
    // and destroys two nulls.
    Json::value_t next_type() const {
        return peek() == '"' ? Json::value_t::string : Json::value_t::null;
    }

    // A value into `out`, made as next_type() says.
    bool read_element(Json& out, int depth) {
        return out.is_string() ? read_string(out.get_ref<std::string&>()) : read_value(out, depth);
    }

    bool read_literal(std::string_view word, Json value, Json& out) {
        if (text_.substr(pos_, word.size()) != word) {
            return false;
        }
        pos_ += word.size();
        out = std::move(value);
        return true;
    }

    bool read_object(Json& out, int depth) {
        if (depth > max_depth_) {
            return false;
        }
        ++pos_; // '{'
        out = Json(Json::value_t::object);
        auto& members = out.get_ref<Json::object_t&>();
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return true;
        }
        return read_members(members, depth);
    }

    // The members of an object at `depth` (checked by the caller) from the first key to the
    // closing '}' (or to the stop, see stop_at).
    bool read_members(Json::object_t& members, int depth) {
        std::string key;
        while (true) {
            if (peek() != '"' || !read_string(key)) {
                return false;
            }
            skip_space();
            if (peek() != ':') {
                return false;
            }
            ++pos_;
            skip_space();
            Json value(next_type());
            if (!read_element(value, depth)) {
                return false;
            }
            // A repeated key keeps its last value, as nlohmann's parser does. Keys in order
            // (as written by a program) go in without a search.
            if (stopped_) {
                stop_path_.push_back(key);
            }
            members.insert_or_assign(members.end(), std::move(key), std::move(value));
            key.clear();
            if (stopped_) {
                return true;
            }
            skip_space();
            if (pos_ == stop_) {
                stopped_ = true;
                return true;
            }
            const char next = peek();
            ++pos_;
            if (next == '}') {
                return true;
            }
            if (next != ',') {
                return false;
            }
            skip_space();
        }
    }

    bool read_array(Json& out, int depth) {
        if (depth > max_depth_) {
            return false;
        }
        ++pos_; // '['
        out = Json(Json::value_t::array);
        auto& elements = out.get_ref<Json::array_t&>();
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return true;
        }
        while (true) {
            if (!read_element(elements.emplace_back(next_type()), depth)) {
                return false;
            }
            if (stopped_) {
                return false; // a stop inside an array: parse_json_in_halves gives up
            }
            skip_space();
            const char next = peek();
            ++pos_;
            if (next == ']') {
                return true;
            }
            if (next != ',') {
                return false;
            }
            skip_space();
        }
    }

    // A string at pos_ (its opening quote) into `out`.
    bool read_string(std::string& out) {
        const std::size_t open = pos_;
        std::size_t i = open + 1;
        bool non_ascii = false;
        // Most strings have no escapes: find the closing quote and copy once.
        while (i < text_.size()) {
            if (i + 8 <= text_.size()) {
                std::uint64_t chunk = 0;
                std::memcpy(&chunk, text_.data() + i, 8);
                const std::uint64_t special = special_bytes(chunk);
                if (special == 0) {
                    i += 8;
                    continue;
                }
                if constexpr (kLittleEndian) {
                    // Straight to the first special byte (usually the closing quote).
                    i += static_cast<std::size_t>(std::countr_zero(special)) / 8;
                }
            }
            const auto c = static_cast<unsigned char>(text_[i]);
            if (c == '"' || c == '\\' || c < 0x20) {
                break;
            }
            non_ascii = non_ascii || c >= 0x80;
            ++i;
        }
        out.assign(text_.data() + open + 1, i - open - 1);
        while (true) {
            if (i >= text_.size()) {
                return false;
            }
            const auto c = static_cast<unsigned char>(text_[i]);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                return false; // control characters must be escaped
            }
            if (c != '\\') {
                non_ascii = non_ascii || c >= 0x80;
                out += static_cast<char>(c);
                ++i;
                continue;
            }
            if (i + 1 >= text_.size()) {
                return false;
            }
            switch (text_[i + 1]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': return read_string_by_nlohmann(open, out);
            default: return false;
            }
            i += 2;
        }
        pos_ = i + 1;
        // nlohmann refuses malformed UTF-8 inside strings.
        return !non_ascii || !find_invalid_utf8(out);
    }

    // "\u" escapes (surrogate pairs and all) are rare: nlohmann reads the whole string.
    bool read_string_by_nlohmann(std::size_t open, std::string& out) {
        std::size_t i = open + 1;
        while (i < text_.size() && text_[i] != '"') {
            i += text_[i] == '\\' ? 2 : 1;
        }
        if (i >= text_.size()) {
            return false;
        }
        const auto token = parse_token(text_.substr(open, i + 1 - open));
        if (!token || !token->is_string()) {
            return false;
        }
        out = token->get_ref<const std::string&>();
        pos_ = i + 1;
        return true;
    }

    // Short integers are read here; anything else that may be a number ("1.5", "2e3",
    // "-", "18446744073709551616") is read by nlohmann, so that its value and type
    // (unsigned, integer or float) are nlohmann's.
    bool read_number(Json& out) {
        const std::size_t begin = pos_;
        std::size_t i = begin;
        const bool negative = peek() == '-';
        if (negative) {
            ++i;
        }
        const std::size_t first_digit = i;
        std::uint64_t value = 0;
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') {
            value = value * 10 + static_cast<std::uint64_t>(text_[i] - '0');
            ++i;
        }
        const std::size_t digits = i - first_digit;
        const bool plain = digits >= 1 && digits <= 18 && (digits == 1 || text_[first_digit] != '0') &&
                           (i == text_.size() || !is_number_char(text_[i]));
        if (plain) {
            out = negative ? Json(-static_cast<std::int64_t>(value)) : Json(value);
            pos_ = i;
            return true;
        }
        while (i < text_.size() && is_number_char(text_[i])) {
            ++i;
        }
        auto token = parse_token(text_.substr(begin, i - begin));
        if (!token || !token->is_number()) {
            return false;
        }
        out = std::move(*token);
        pos_ = i;
        return true;
    }

    static std::optional<Json> parse_token(std::string_view token) {
        if (token.empty()) {
            return std::nullopt;
        }
        try {
            return Json::parse(token);
        } catch (const Json::exception&) {
            return std::nullopt;
        }
    }

    std::string_view text_;
    int max_depth_;
    std::size_t pos_ = 0;
    std::size_t stop_ = std::string_view::npos;
    bool stopped_ = false;
    std::vector<std::string> stop_path_;
};

} // namespace et::json_internal
