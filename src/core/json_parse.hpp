// A quicker way to the same nlohmann::json value that nlohmann::json::parse builds.
#pragma once

#include <cstddef>
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
// A large pretty-printed document is read on two threads (see parse_json_in_halves).
std::optional<nlohmann::json> parse_json_quickly(std::string_view text, int max_depth);

// parse_json_quickly on two threads: up to the ',' at `cut` here, the rest on the worker
// thread, when that ',' separates two members of an object not inside an array; any other
// cut is read here alone. Either way the value is parse_json_quickly's.
std::optional<nlohmann::json> parse_json_in_halves(std::string_view text, int max_depth,
                                                   std::size_t cut);

} // namespace et
