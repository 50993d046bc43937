// Defensive JSON reading: size, UTF-8 and depth checks before parsing; path-to-position
// mapping done lazily, only when a problem has to be reported.
#include "core/json_file.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json_parse.hpp"
#include "core/utf8.hpp"

namespace et {

JsonPath JsonPath::operator/(std::string key) const {
    JsonPath p;
    p.last_ = std::make_shared<const Link>(Link{last_, std::move(key)});
    return p;
}

JsonPath JsonPath::operator/(std::size_t index) const {
    JsonPath p;
    p.last_ = std::make_shared<const Link>(Link{last_, index});
    return p;
}

std::vector<JsonPath::Segment> JsonPath::segments() const {
    std::vector<Segment> out;
    for (const Link* link = last_.get(); link != nullptr; link = link->parent.get()) {
        out.push_back(link->segment);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string JsonPath::to_string() const {
    std::string out;
    for (const auto& segment : segments()) {
        if (const auto* key = std::get_if<std::string>(&segment)) {
            if (!out.empty()) {
                out += '.';
            }
            out += *key;
        } else {
            out += '[' + std::to_string(std::get<std::size_t>(segment)) + ']';
        }
    }
    return out;
}

namespace {

// A minimal scanner over text already known to be valid JSON: it only needs to skip
// values and compare keys, so it has no error handling of its own.
class Scanner {
public:
    explicit Scanner(const std::string& text) : text_(text) {}

    std::size_t locate(const JsonPath& path) {
        pos_ = 0;
        skip_space();
        std::size_t found = pos_;
        for (const auto& segment : path.segments()) {
            skip_space();
            if (const auto* key = std::get_if<std::string>(&segment)) {
                std::size_t key_start = 0;
                if (!find_member(*key, key_start)) {
                    return found;
                }
                found = key_start; // a message about a member points at its key
            } else {
                if (!find_element(std::get<std::size_t>(segment))) {
                    return found;
                }
                found = pos_;
            }
        }
        return found;
    }

private:
    // On success leaves pos_ at the member's value and reports where its key starts.
    bool find_member(const std::string& wanted, std::size_t& key_start) {
        if (peek() != '{') {
            return false;
        }
        ++pos_;
        while (true) {
            skip_space();
            if (peek() != '"') {
                return false;
            }
            key_start = pos_;
            const std::string key = read_string();
            skip_space();
            ++pos_; // ':'
            skip_space();
            if (key == wanted) {
                return true;
            }
            skip_value();
            skip_space();
            if (peek() != ',') {
                return false;
            }
            ++pos_;
        }
    }

    bool find_element(std::size_t index) {
        if (peek() != '[') {
            return false;
        }
        ++pos_;
        for (std::size_t i = 0;; ++i) {
            skip_space();
            if (peek() == ']') {
                return false;
            }
            if (i == index) {
                return true;
            }
            skip_value();
            skip_space();
            if (peek() != ',') {
                return false;
            }
            ++pos_;
        }
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    std::string read_string() {
        std::string out;
        ++pos_; // opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                ++pos_;
            }
            out += text_[pos_++];
        }
        ++pos_; // closing quote
        return out;
    }

    void skip_value() {
        skip_space();
        const char c = peek();
        if (c == '"') {
            read_string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (pos_ < text_.size()) {
                const char d = text_[pos_];
                if (d == '"') {
                    read_string();
                    continue;
                }
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++pos_;
                        return;
                    }
                }
                ++pos_;
            }
        } else {
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
                   text_[pos_] != ']' && text_[pos_] != ' ' && text_[pos_] != '\n' &&
                   text_[pos_] != '\r' && text_[pos_] != '\t') {
                ++pos_;
            }
        }
    }

    const std::string& text_;
    std::size_t pos_ = 0;
};

// Returns the offset where nesting first exceeds `max_depth`, if it does.
std::optional<std::size_t> find_excess_depth(std::string_view text, int max_depth) {
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            // Skip the string in one go (memchr to the next quote that no odd run of
            // backslashes escapes): most of a criteria file is text inside strings.
            const std::size_t open = i;
            while (true) {
                const void* quote = std::memchr(text.data() + i + 1, '"', text.size() - i - 1);
                if (quote == nullptr) {
                    return std::nullopt;
                }
                i = static_cast<std::size_t>(static_cast<const char*>(quote) - text.data());
                std::size_t backslashes = 0;
                while (i - backslashes - 1 > open && text[i - backslashes - 1] == '\\') {
                    ++backslashes;
                }
                if (backslashes % 2 == 0) {
                    break;
                }
            }
        } else if (c == '{' || c == '[') {
            if (++depth > max_depth) {
                return i;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::nullopt;
}

Diagnostic error_at(const std::string& file, std::string_view text, std::size_t offset,
                    std::string message) {
    const LineColumn at = line_column_at(text, offset);
    Diagnostic d;
    d.file = file;
    d.line = at.line;
    d.column = at.column;
    d.message = std::move(message);
    return d;
}

// nlohmann's messages carry their own prefix and position; keep only the explanation.
std::string plain_parse_message(const std::string& what) {
    const auto colon = what.find(": ");
    std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
    if (message.rfind("syntax error while parsing ", 0) == 0) {
        message = "invalid JSON while parsing " + message.substr(27);
    }
    return message;
}

} // namespace

namespace {

// Deeper values are left to nlohmann's destructor.
constexpr int kMaxReleaseDepth = 256;

// Empties every array and object in `value`, the deepest first. nlohmann's destructor
// moves every nested value onto a stack on the heap before freeing it, so that no
// document can overflow the call stack; a loader's document is only a few levels deep,
// and that was a measurable part of loading a criteria file.
void release(nlohmann::json& value, int depth) {
    if (depth > kMaxReleaseDepth) {
        return;
    }
    if (value.is_array()) {
        auto& elements = value.get_ref<nlohmann::json::array_t&>();
        for (auto& element : elements) {
            if (element.is_structured()) { // most are strings: no call for them
                release(element, depth + 1);
            }
        }
        elements.clear();
    } else if (value.is_object()) {
        auto& members = value.get_ref<nlohmann::json::object_t&>();
        for (auto& [key, member] : members) {
            if (member.is_structured()) {
                release(member, depth + 1);
            }
        }
        members.clear();
    }
}

} // namespace

JsonDocument::~JsonDocument() {
    // The text first: freeing a block this large makes malloc sweep every small block freed
    // before it, which after the values would be thousands.
    std::string().swap(text_);
    release(value_, 0);
}

std::size_t JsonDocument::offset_of(const JsonPath& path) const {
    return Scanner(text_).locate(path);
}

Diagnostic JsonDocument::at(const JsonPath& path, std::string message, Severity severity) const {
    Diagnostic d = error_at(file_, text_, offset_of(path), std::move(message));
    d.severity = severity;
    d.json_path = path.to_string();
    return d;
}

JsonLoad parse_json_text(std::string file, std::string text, const JsonLimits& limits) {
    JsonLoad result;
    if (text.size() > limits.max_bytes) {
        result.error = error_at(file, "", 0,
                                "file is " + std::to_string(text.size()) +
                                    " bytes; the limit is " + std::to_string(limits.max_bytes));
        return result;
    }
    std::size_t bom = 0;
    if (text.size() >= 3 && std::string_view(text).substr(0, 3) == "\xEF\xBB\xBF") {
        text.erase(0, 3);
        bom = 3;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        // The byte offset is the file's, so it counts the dropped mark; line and column do
        // not, as editors do not show the mark.
        result.error = error_at(file, text, *bad,
                                "invalid UTF-8 at byte offset " + std::to_string(*bad + bom));
        return result;
    }
    // What the quick parser reads is valid and no deeper than the limit; only when it gives up
    // do the depth check and nlohmann's parser run, to word the error.
    auto quick = parse_json_quickly(text, limits.max_depth);
    if (!quick) {
        if (const auto deep = find_excess_depth(text, limits.max_depth)) {
            result.error = error_at(file, text, *deep,
                                    "nesting deeper than " + std::to_string(limits.max_depth) +
                                        " levels");
            return result;
        }
    }
    try {
        nlohmann::json value = quick ? std::move(*quick) : nlohmann::json::parse(text);
        result.document.emplace(std::move(file), std::move(text), std::move(value));
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        result.error = error_at(file, text, offset, plain_parse_message(e.what()));
    } catch (const nlohmann::json::out_of_range& e) {
        // A number too large for a double ("1E999"): nlohmann names it but gives no position,
        // so the quoted number in its message is looked up in the text.
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        std::size_t offset = 0;
        std::string number;
        if (open != std::string::npos && close > open) {
            number = what.substr(open + 1, close - open - 1);
            offset = std::min(text.find(number), text.size());
        }
        result.error = error_at(file, text, offset == text.size() ? 0 : offset,
                                number.empty() ? plain_parse_message(what)
                                               : "the number " + number + " is too large");
    } catch (const nlohmann::json::exception& e) {
        result.error = error_at(file, text, 0, plain_parse_message(e.what()));
    }
    return result;
}

FileBytes read_file_bytes(const std::string& file, std::size_t max_bytes) {
    FileBytes result;
    std::error_code ignored;
    if (std::filesystem::is_directory(file, ignored)) {
        // A folder opens as a stream on Linux, with a nonsense size.
        result.folder = true;
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return result;
    }
    result.opened = true;
    in.seekg(0, std::ios::end);
    const auto end = in.tellg();
    if (end < 0) {
        return result; // opened but not readable: no size, no text
    }
    result.size = static_cast<std::size_t>(end);
    if (result.size > max_bytes) {
        return result;
    }
    in.seekg(0, std::ios::beg);
    std::string text(result.size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(result.size));
    if (in) {
        result.text = std::move(text);
    }
    return result;
}

JsonLoad read_json_file(const std::string& file, const JsonLimits& limits) {
    FileBytes bytes = read_file_bytes(file, limits.max_bytes);
    if (!bytes.opened || (bytes.size <= limits.max_bytes && !bytes.text)) {
        JsonLoad result;
        result.error.file = file;
        result.error.message = bytes.folder   ? "is a folder, not a file"
                               : bytes.opened ? "cannot read the file"
                                              : "cannot open the file";
        return result;
    }
    if (!bytes.text) {
        // Same place (1:1) as parse_json_text gives, so both report FILE:LINE:COL.
        JsonLoad result;
        result.error = error_at(file, "", 0,
                                "file is " + std::to_string(bytes.size) + " bytes; the limit is " +
                                    std::to_string(limits.max_bytes));
        return result;
    }
    return parse_json_text(file, std::move(*bytes.text), limits);
}

std::string json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an unknown value";
    }
}

} // namespace et
