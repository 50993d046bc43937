// Implementation of the located type checks used by every JSON loader.
#include "core/json_checker.hpp"

#include <algorithm>

namespace et {

void JsonChecker::error(const JsonPath& path, std::string message) {
    ++errors_;
    out_.push_back(doc_.at(path, std::move(message), Severity::Error));
}

void JsonChecker::problem(Diagnostic diagnostic) {
    ++errors_;
    out_.push_back(std::move(diagnostic));
}

void JsonChecker::warning(const JsonPath& path, std::string message) {
    out_.push_back(doc_.at(path, std::move(message), Severity::Warning));
}

const nlohmann::json* JsonChecker::member(const nlohmann::json& object, const JsonPath& path,
                                          std::string_view key, bool required) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            error(path, "missing required key \"" + std::string(key) + "\"");
        }
        return nullptr;
    }
    return &*it;
}

bool JsonChecker::expect_object(const nlohmann::json& value, const JsonPath& path) {
    if (value.is_object()) {
        return true;
    }
    error(path, "expected an object, got " + json_type_name(value));
    return false;
}

bool JsonChecker::expect_array(const nlohmann::json& value, const JsonPath& path) {
    if (value.is_array()) {
        return true;
    }
    error(path, "expected an array, got " + json_type_name(value));
    return false;
}

std::optional<std::string> JsonChecker::string_problem(const nlohmann::json& value, bool non_empty) {
    if (!value.is_string()) {
        return "expected a string, got " + json_type_name(value);
    }
    const auto& s = value.get_ref<const std::string&>();
    if (non_empty &&
        std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
        return "must not be empty";
    }
    return std::nullopt;
}

std::optional<std::string> JsonChecker::integer_problem(const nlohmann::json& value, long min, long max) {
    const auto expected = [&] {
        return "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got ";
    };
    if (!value.is_number_integer()) {
        return expected() + json_type_name(value);
    }
    const long v = value.get<long>();
    if (v < min || v > max) {
        return expected() + std::to_string(v);
    }
    return std::nullopt;
}

bool JsonChecker::expect_string(const nlohmann::json& value, const JsonPath& path, bool non_empty) {
    if (auto problem = string_problem(value, non_empty)) {
        error(path, std::move(*problem));
        return false;
    }
    return true;
}

bool JsonChecker::expect_string(const nlohmann::json& value, const JsonPath& parent, std::size_t index,
                                bool non_empty) {
    if (auto problem = string_problem(value, non_empty)) {
        error(parent / index, std::move(*problem));
        return false;
    }
    return true;
}

bool JsonChecker::expect_string(const nlohmann::json& value, const JsonPath& parent, const std::string& key,
                                bool non_empty) {
    if (auto problem = string_problem(value, non_empty)) {
        error(parent / key, std::move(*problem));
        return false;
    }
    return true;
}

bool JsonChecker::expect_integer(const nlohmann::json& value, const JsonPath& path, long min, long max) {
    if (auto problem = integer_problem(value, min, max)) {
        error(path, std::move(*problem));
        return false;
    }
    return true;
}

bool JsonChecker::expect_integer(const nlohmann::json& value, const JsonPath& parent, const std::string& key,
                                 long min, long max) {
    if (auto problem = integer_problem(value, min, max)) {
        error(parent / key, std::move(*problem));
        return false;
    }
    return true;
}

std::optional<std::string> JsonChecker::string_member(const nlohmann::json& object,
                                                      const JsonPath& path, std::string_view key,
                                                      bool required, bool non_empty) {
    const auto* value = member(object, path, key, required);
    if (value == nullptr || !expect_string(*value, path, std::string(key), non_empty)) {
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<long> JsonChecker::integer_member(const nlohmann::json& object, const JsonPath& path,
                                                std::string_view key, bool required, long min,
                                                long max) {
    const auto* value = member(object, path, key, required);
    if (value == nullptr || !expect_integer(*value, path, std::string(key), min, max)) {
        return std::nullopt;
    }
    return value->get<long>();
}

const nlohmann::json* JsonChecker::object_member(const nlohmann::json& object, const JsonPath& path,
                                                 std::string_view key, bool required) {
    const auto* value = member(object, path, key, required);
    if (value == nullptr) {
        return nullptr;
    }
    // The member's path is built only for a message: loaders read hundreds of members.
    if (!value->is_object()) {
        expect_object(*value, path / std::string(key));
        return nullptr;
    }
    return value;
}

std::map<std::string, std::string> JsonChecker::text_map_member(
    const nlohmann::json& object, const JsonPath& path, std::string_view key,
    std::span<const std::string_view> needed) {
    std::map<std::string, std::string> texts;
    const auto* texts_object = object_member(object, path, key, true);
    if (texts_object == nullptr) {
        return texts;
    }
    const JsonPath at = path / std::string(key);
    for (const auto& [k, v] : texts_object->items()) {
        if (expect_string(v, at, k, true)) {
            texts[k] = v.get<std::string>();
        }
    }
    for (std::string_view need : needed) {
        if (texts.find(std::string(need)) == texts.end()) {
            error(at, "missing required key \"" + std::string(need) + "\"");
        }
    }
    return texts;
}

std::optional<std::vector<std::string>> JsonChecker::string_array_member(
    const nlohmann::json& object, const JsonPath& path, std::string_view key, bool required) {
    const auto* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    // The array's path is built only for a message, as in object_member.
    if (!value->is_array()) {
        expect_array(*value, path / std::string(key));
        return std::nullopt;
    }
    std::vector<std::string> out;
    out.reserve(value->size());
    bool ok = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        if (auto problem = string_problem((*value)[i], true)) {
            error(path / std::string(key) / i, std::move(*problem));
            ok = false;
        } else {
            out.push_back((*value)[i].get<std::string>());
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return out;
}

void JsonChecker::warn_unknown_keys(const nlohmann::json& object, const JsonPath& path,
                                    std::initializer_list<std::string_view> known) {
    if (!object.is_object()) {
        return;
    }
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            warning(path / key, "unknown key \"" + key + "\" (ignored)");
        }
    }
}

} // namespace et
