// Typed access to a parsed JSON document that records a located diagnostic for every
// missing key, wrong type or bad value, so loaders read like a description of the format.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_file.hpp"

namespace et {

class JsonChecker {
public:
    JsonChecker(const JsonDocument& document, Diagnostics& out) : doc_(document), out_(out) {}

    void error(const JsonPath& path, std::string message);
    void warning(const JsonPath& path, std::string message);
    // An error found in another file the document names (a criteria file's cue table).
    void problem(Diagnostic diagnostic);
    bool failed() const { return errors_ > 0; }

    // The member `key` of `object` (itself at `path`), or null when absent. When
    // `required`, absence is an error "missing required key".
    const nlohmann::json* member(const nlohmann::json& object, const JsonPath& path,
                                 std::string_view key, bool required);

    // Type checks: on mismatch they record "expected X, got Y" and return false.
    bool expect_object(const nlohmann::json& value, const JsonPath& path);
    bool expect_array(const nlohmann::json& value, const JsonPath& path);
    bool expect_string(const nlohmann::json& value, const JsonPath& path, bool non_empty = true);
    bool expect_integer(const nlohmann::json& value, const JsonPath& path, long min, long max);
    // The same for element `index` or member `key` of the value at `parent`: its path is
    // built only for a message, as loaders check thousands of elements.
    bool expect_string(const nlohmann::json& value, const JsonPath& parent, std::size_t index,
                       bool non_empty = true);
    bool expect_integer(const nlohmann::json& value, const JsonPath& parent, const std::string& key,
                        long min, long max);
    bool expect_string(const nlohmann::json& value, const JsonPath& parent, const std::string& key,
                       bool non_empty);

    // Reads a member in one go; nothing when absent (error if required) or invalid.
    std::optional<std::string> string_member(const nlohmann::json& object, const JsonPath& path,
                                             std::string_view key, bool required,
                                             bool non_empty = true);
    std::optional<long> integer_member(const nlohmann::json& object, const JsonPath& path,
                                       std::string_view key, bool required, long min, long max);
    // An array of strings; nothing when absent or invalid.
    std::optional<std::vector<std::string>> string_array_member(const nlohmann::json& object,
                                                                const JsonPath& path,
                                                                std::string_view key, bool required);
    // An object member; null when absent (error if required) or not an object.
    const nlohmann::json* object_member(const nlohmann::json& object, const JsonPath& path,
                                        std::string_view key, bool required = true);
    // A required object of texts by key (a criteria file's "feedback"): every value a string,
    // and each of `needed` present.
    std::map<std::string, std::string> text_map_member(const nlohmann::json& object,
                                                       const JsonPath& path, std::string_view key,
                                                       std::span<const std::string_view> needed);

    // Warns about keys not in `known` (newer files still open in older versions).
    void warn_unknown_keys(const nlohmann::json& object, const JsonPath& path,
                           std::initializer_list<std::string_view> known);

    const JsonDocument& document() const { return doc_; }

private:
    // What is wrong with a value, if anything ("expected a string, got a number").
    static std::optional<std::string> string_problem(const nlohmann::json& value, bool non_empty);
    static std::optional<std::string> integer_problem(const nlohmann::json& value, long min, long max);

    const JsonDocument& doc_;
    Diagnostics& out_;
    int errors_ = 0;
};

// Runs a loader's reader over a parsed document; a parse error becomes the only problem.
template <class Reader>
auto read_document(JsonLoad loaded, Diagnostics& problems) -> decltype(std::declval<Reader&>().read()) {
    if (!loaded.document) {
        problems.push_back(loaded.error);
        return std::nullopt;
    }
    Reader reader(*loaded.document, problems);
    return reader.read();
}

} // namespace et
