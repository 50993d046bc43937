// A quicker way to the same nlohmann::json value that nlohmann::json::parse builds.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace et {

// The value nlohmann::json::parse(text) returns, built without nlohmann's lexer (which
// copies every character twice and was most of loading a criteria file). Nothing when the
// text is not valid JSON, nests deeper than `max_depth`, or has anything but white space
// after its value (nlohmann ignores what follows a NUL byte): the caller then checks and
// parses it the slow way, so that nlohmann still words every error. Rare forms (fractions,
// exponents, \u escapes) are handed to nlohmann one token at a time, so they too come out
// exactly as nlohmann reads them.
std::optional<nlohmann::json> parse_json_quickly(std::string_view text, int max_depth);

} // namespace et
