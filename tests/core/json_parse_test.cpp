// The quick JSON parser must build exactly nlohmann's value, and refuse what nlohmann refuses.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/json_parse.hpp"

namespace et {
namespace {

using Json = nlohmann::json;

// nlohmann's == calls 1 (unsigned) and 1 (signed) equal; the loaders' checks do not.
bool same(const Json& a, const Json& b) {
    if (a.type() != b.type()) {
        return false;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) {
            return false;
        }
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
            if (ia.key() != ib.key() || !same(*ia, *ib)) {
                return false;
            }
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) {
            return false;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!same(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

// nlohmann's value, or nothing when nlohmann refuses the text.
std::optional<Json> nlohmann_value(const std::string& text) {
    try {
        return Json::parse(text);
    } catch (const Json::exception&) {
        return std::nullopt;
    }
}

void expect_as_nlohmann(const std::string& text) {
    const auto expected = nlohmann_value(text);
    const auto quick = parse_json_quickly(text, 64);
    ASSERT_EQ(quick.has_value(), expected.has_value()) << text;
    if (quick) {
        EXPECT_TRUE(same(*quick, *expected)) << text << "\n" << quick->dump() << "\n" << expected->dump();
    }
}

TEST(JsonParse, BuildsNlohmannsValue) {
    for (const char* text : {
             "{}", "[]", " \t\r\n[ ]\n", "0", "-0", "7", "-7", "123456789012345678",
             "1234567890123456789", "18446744073709551615", "18446744073709551616",
             "-9223372036854775808", "-9223372036854775809", "1.5", "-0.0", "2e3", "2E-3",
             "1.0e+2", "\"\"", "\"plain\"", "\"caf\xC3\xA9 \xE2\x80\x99\"", "\"a\\\"b\\\\c\\/d\"",
             "\"\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u2019\"", "\"x\\ud83d\\ude22y\"", "\"\x7F\"", "true",
             "false", "null", "{\"a\": 1, \"a\": [2]}", "{\"b\": {\"c\": [1, \"two\", null, true]}, \"a\": -3}",
             "[[[[[]]]]]", "{\"k\\n\": \"v\"}", "{\"\\u0041\": 1}",
         }) {
        expect_as_nlohmann(text);
    }
}

TEST(JsonParse, RefusesWhatNlohmannRefuses) {
    for (const char* text : {
             "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "[1 2]", "01", "-01",
             "1.", ".5", "-", "+1", "1e", "1E999", "--1", "0x10", "tru", "truex", "nul", "[true false]",
             "\"unterminated", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\xFF\"",
             "\"\xED\xA0\x80\"", "1 2", "{} x", "[1] // c", "NaN", "[Infinity]", "\"a\"\"b\"",
         }) {
        expect_as_nlohmann(text);
    }
    expect_as_nlohmann(std::string("\0", 1));
    expect_as_nlohmann(std::string("[\0]", 3));
    expect_as_nlohmann(std::string("\"a\0b\"", 5));
}

// Deep nesting, and text after a NUL byte (which nlohmann ignores), are left to the caller.
TEST(JsonParse, LeavesDeepNestingAndTextAfterANulToTheCaller) {
    expect_as_nlohmann(std::string(64, '[') + std::string(64, ']'));
    EXPECT_FALSE(parse_json_quickly(std::string(65, '[') + std::string(65, ']'), 64));
    EXPECT_FALSE(parse_json_quickly(std::string(300, '[') + std::string(300, ']'), 1000));
    for (const std::string& text : {std::string("[1]\0", 4), std::string("[1] \0x", 6)}) {
        EXPECT_TRUE(nlohmann_value(text));
        EXPECT_FALSE(parse_json_quickly(text, 64));
    }
}

// A large document is read in two halves on two threads, cut at a ',' (see
// parse_json_in_halves): wherever the cut falls, the value is nlohmann's, or both refuse it.
TEST(JsonParse, ReadInTwoHalvesItIsTheSameWhereverTheCutFalls) {
    const std::vector<std::string> documents = {
        "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [1, 2, {\"d\": 3, \"e\": 4}],\n    \"f\": \"x, y\",\n"
        "    \"g\": {\"h\": 5, \"i\": 6}\n  },\n  \"j\": [7, 8],\n  \"k\": {\"l\": 9}\n}\n",
        // A key repeated across the cut keeps its last value.
        "{\"m\": {\"n\": 1, \"o\": 2, \"n\": 3}, \"p\": 4, \"m\": {\"q\": 5}, \"p\": 6}",
        "{\"r\": {\"s\": {\"t\": 1, \"u\": 2}, \"v\": 3}, \"w\": 4}",
        "[{\"x\": 1, \"y\": 2}, {\"z\": 3}]",
        // Not JSON after the cut, or around it.
        "{\"a\": {\"b\": 1, \"c\": 2,}, \"d\": 3}",
        "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3} x",
        "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3",
        "{\"a\": {\"b\": 1, , \"c\": 2}}",
        "{\"a\": {\"b\": 1, \"c\": [[[[1]]]]}}",
    };
    for (const auto& text : documents) {
        const auto expected = nlohmann_value(text);
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            for (const int max_depth : {64, 4}) {
                const auto halves = parse_json_in_halves(text, max_depth, cut);
                const auto alone = parse_json_quickly(text, max_depth);
                ASSERT_EQ(halves.has_value(), alone.has_value()) << text << " cut at " << cut;
                if (max_depth == 64) {
                    ASSERT_EQ(halves.has_value(), expected.has_value()) << text << " cut at " << cut;
                }
                if (halves) {
                    EXPECT_TRUE(same(*halves, *alone)) << text << " cut at " << cut << ": "
                                                       << halves->dump();
                }
            }
        }
    }
}

TEST(JsonParse, TheBundledCriteriaComeOutAsNlohmannReadsThem) {
    for (const char* file : {"/assets/criteria/default.json", "/assets/criteria/disclosure.json"}) {
        std::ifstream in(std::string(ET_SOURCE_DIR) + file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        ASSERT_FALSE(text.str().empty()) << file;
        expect_as_nlohmann(text.str());
    }
}

} // namespace
} // namespace et
