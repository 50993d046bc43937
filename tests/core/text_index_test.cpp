// TextIndex: texts numbered in the order they are first added, found again by their bytes.
#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

#include "core/text_index.hpp"

namespace et {
namespace {

TEST(TextIndex, NumbersTextsInTheOrderTheyAreFirstAdded) {
    TextIndex index;
    EXPECT_EQ(index.find("you"), TextIndex::kNone);
    EXPECT_EQ(index.add("you"), std::make_pair(0u, true));
    EXPECT_EQ(index.add(""), std::make_pair(1u, true));
    EXPECT_EQ(index.add("\x01you"), std::make_pair(2u, true));
    EXPECT_EQ(index.add("you"), std::make_pair(0u, false));
    EXPECT_EQ(index.find(""), 1u);
    EXPECT_EQ(index.find("yo"), TextIndex::kNone);
    EXPECT_EQ(index.size(), 3u);
    index.clear();
    EXPECT_EQ(index.size(), 0u);
    EXPECT_EQ(index.find("you"), TextIndex::kNone);
    EXPECT_EQ(index.add("we"), std::make_pair(0u, true));
}

// Texts of every length up to 40 that differ in a single byte, many more than the first
// table holds: the hash and the comparison read words in overlapping pieces, so every
// byte must still count.
TEST(TextIndex, AgreesWithAMapOverManyTexts) {
    std::mt19937 random(11);
    TextIndex index;
    std::unordered_map<std::string, std::uint32_t> expected;
    for (int round = 0; round < 20000; ++round) {
        std::string text(random() % 41, 'a');
        for (char& c : text) {
            c = static_cast<char>('a' + random() % 3);
        }
        const auto [number, added] = index.add(text);
        const auto [it, inserted] = expected.emplace(text, static_cast<std::uint32_t>(expected.size()));
        ASSERT_EQ(added, inserted) << text;
        ASSERT_EQ(number, it->second) << text;
    }
    for (const auto& [text, number] : expected) {
        EXPECT_EQ(index.find(text), number);
        std::string other = text + "b";
        EXPECT_EQ(index.find(other), expected.count(other) ? expected[other] : TextIndex::kNone);
    }
}

} // namespace
} // namespace et
