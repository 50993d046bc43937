// Reads JSON files defensively and maps JSON paths back to line and column for messages.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"

namespace et {

// Limits that keep hostile input from exhausting memory or the stack.
struct JsonLimits {
    std::size_t max_bytes = 1024 * 1024; // 1 MiB
    int max_depth = 64;
};

// A path into a JSON document, such as `steps[1].partner_says`.
class JsonPath {
public:
    using Segment = std::variant<std::string, std::size_t>;

    JsonPath() = default;
    JsonPath operator/(std::string key) const;
    JsonPath operator/(std::size_t index) const;
    JsonPath operator/(int index) const { return *this / static_cast<std::size_t>(index); }

    std::vector<Segment> segments() const; // from the root
    std::string to_string() const;         // `steps[1].partner_says`; empty for the root

private:
    // Loaders derive a path for every value they check but need one only for a message, so a
    // child shares its parent's links instead of copying them: one allocation per step.
    struct Link {
        std::shared_ptr<const Link> parent;
        Segment segment;
    };
    std::shared_ptr<const Link> last_;
};

// A parsed JSON document that remembers its text, so that problems found later while
// checking its values can be reported at the right line and column.
class JsonDocument {
public:
    JsonDocument(std::string file, std::string text, nlohmann::json value)
        : file_(std::move(file)), text_(std::move(text)), value_(std::move(value)) {}
    JsonDocument(const JsonDocument&) = default;
    JsonDocument(JsonDocument&&) noexcept = default;
    JsonDocument& operator=(const JsonDocument&) = default;
    JsonDocument& operator=(JsonDocument&&) noexcept = default;
    // Frees the value from its leaves up (see json_file.cpp).
    ~JsonDocument();

    const std::string& file() const { return file_; }
    const std::string& text() const { return text_; }
    const nlohmann::json& value() const { return value_; }

    // A diagnostic pointing at the value (or, for a missing key, at the nearest
    // existing parent) found at `path`.
    Diagnostic at(const JsonPath& path, std::string message,
                  Severity severity = Severity::Error) const;

    // Byte offset in `text()` where the value at `path` starts (the key, for an object
    // member), or the nearest existing parent's when the path does not exist.
    std::size_t offset_of(const JsonPath& path) const;

private:
    std::string file_;
    std::string text_;
    nlohmann::json value_;
};

struct JsonLoad {
    std::optional<JsonDocument> document;
    Diagnostic error; // meaningful when `document` is empty
};

// Parses text already in memory. `file` only names it in messages.
JsonLoad parse_json_text(std::string file, std::string text, const JsonLimits& limits = {});

// A whole file read into memory; a file over `max_bytes` is refused without being read.
struct FileBytes {
    bool folder = false;             // the path names a folder (then nothing else is set)
    bool opened = false;             // the file could be opened for reading
    std::size_t size = 0;            // its size, when opened
    std::optional<std::string> text; // its bytes, when opened, read and at most max_bytes
};
FileBytes read_file_bytes(const std::string& file, std::size_t max_bytes);

// Reads and parses a file: refuses files over the size limit, invalid UTF-8 (naming the
// byte offset), nesting deeper than the limit; accepts and drops a UTF-8 byte-order mark.
JsonLoad read_json_file(const std::string& file, const JsonLimits& limits = {});

// "a string", "a number"... for messages such as "expected a string, got a number".
std::string json_type_name(const nlohmann::json& value);

} // namespace et
