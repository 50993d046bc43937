// Defensive JSON reading: size, UTF-8, BOM, depth, and line:column of JSON paths.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/json_file.hpp"
#include "core/utf8.hpp"

namespace et {
namespace {

TEST(Utf8, FindsTheFirstInvalidByte) {
    EXPECT_FALSE(find_invalid_utf8("plain ascii").has_value());
    EXPECT_FALSE(find_invalid_utf8("caf\xC3\xA9 \xF0\x9F\x98\xA2").has_value());
    EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);         // overlong
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);    // surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u); // past U+10FFFF
    EXPECT_EQ(find_invalid_utf8("\xE2\x80"), 0u);         // truncated
}

TEST(JsonFile, ParseErrorsHaveLineAndColumn) {
    const auto load = parse_json_text("f.json", "{\n  \"a\": 1,\n  \"b\": ]\n}");
    ASSERT_FALSE(load.document);
    EXPECT_EQ(load.error.line, 3);
    EXPECT_EQ(load.error.column, 8);
    EXPECT_EQ(load.error.to_string().rfind("f.json:3:8: ", 0), 0u) << load.error.to_string();
}

// Found by fuzzing: a number too large for a double is refused with its place, not thrown.
TEST(JsonFile, ANumberTooLargeIsAnErrorWithLineAndColumn) {
    const auto load = parse_json_text("s.json", "{\n  \"id\": 222222E2222222222222222222\n}");
    ASSERT_FALSE(load.document);
    EXPECT_EQ(load.error.to_string(),
              "s.json:2:9: the number 222222E2222222222222222222 is too large");
}

TEST(JsonFile, PathsMapToTheirPosition) {
    const std::string text = "{\n  \"steps\": [\n    {\"id\": \"a\"},\n    {\"id\": 7}\n  ]\n}";
    const auto load = parse_json_text("s.json", text);
    ASSERT_TRUE(load.document);
    const auto d = load.document->at(JsonPath() / "steps" / 1 / "id", "expected a string, got a number");
    EXPECT_EQ(d.to_string(), "s.json:4:6: steps[1].id: expected a string, got a number");
    // A missing key is reported at its nearest existing parent.
    const auto missing = load.document->at(JsonPath() / "steps" / 0 / "title", "missing");
    EXPECT_EQ(missing.line, 3);
    EXPECT_EQ(missing.column, 5);
}

TEST(JsonFile, RefusesHostileInput) {
    EXPECT_FALSE(parse_json_text("big.json", std::string(2 * 1024 * 1024, ' ')).document);
    const auto deep = parse_json_text("deep.json", std::string(100000, '[') + std::string(100000, ']'));
    ASSERT_FALSE(deep.document);
    EXPECT_NE(deep.error.message.find("nesting deeper than"), std::string::npos);
    const auto bad = parse_json_text("bad.json", "{\"a\": \"\xFF\"}");
    ASSERT_FALSE(bad.document);
    EXPECT_EQ(bad.error.message, "invalid UTF-8 at byte offset 7");
}

// As nlohmann reads it, a NUL byte ends the text; the depth check still sees all of it.
TEST(JsonFile, ANulByteEndsTheText) {
    const auto load = parse_json_text("n.json", std::string("{\"a\": 1}\0 anything", 18));
    ASSERT_TRUE(load.document);
    EXPECT_EQ(load.document->value().at("a"), 1);
    const auto deep = parse_json_text("n.json", std::string("[1]\0", 4) + std::string(70, '['));
    ASSERT_FALSE(deep.document);
    EXPECT_EQ(deep.error.to_string(), "n.json:1:69: nesting deeper than 64 levels");
}

// A document deeper than its destructor walks (when a caller allows that much nesting)
// is still freed whole, by nlohmann below that depth.
TEST(JsonFile, AVeryDeepDocumentIsFreed) {
    JsonLimits deep_enough;
    deep_enough.max_depth = 2000;
    const std::string text = std::string(1000, '[') + "\"leaf\"" + std::string(1000, ']');
    auto load = parse_json_text("deep.json", text, deep_enough);
    ASSERT_TRUE(load.document);
    const nlohmann::json* value = &load.document->value();
    for (int i = 0; i < 1000; ++i) {
        ASSERT_TRUE(value->is_array());
        value = &value->at(0);
    }
    EXPECT_EQ(*value, "leaf");
    load.document.reset();
}

TEST(JsonFile, AcceptsAByteOrderMark) {
    const auto load = parse_json_text("bom.json", "\xEF\xBB\xBF{\"a\": 1}");
    ASSERT_TRUE(load.document);
    EXPECT_EQ(load.document->value()["a"], 1);
}

TEST(JsonFile, MissingFileIsAMessage) {
    const auto load = read_json_file("/nonexistent/x.json");
    EXPECT_FALSE(load.document);
    EXPECT_EQ(load.error.to_string(), "/nonexistent/x.json: cannot open the file");
}

// A folder opens as a stream on Linux, whose size once came out as 9223372036854775807 bytes.
TEST(JsonFile, AFolderIsSaidToBeAFolder) {
    const auto folder = std::filesystem::temp_directory_path() / "et-json-folder.json";
    std::filesystem::create_directories(folder);
    const auto load = read_json_file(folder.string());
    EXPECT_FALSE(load.document);
    EXPECT_EQ(load.error.to_string(), folder.string() + ": is a folder, not a file");
    std::filesystem::remove(folder);
}

} // namespace
} // namespace et
