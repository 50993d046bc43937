// Fuzzes the quick JSON parser against nlohmann's: for any bytes, both must refuse them or
// both build the same value, down to the type of every number; read in two halves on two
// threads, it must build that value again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/json_parse.hpp"

namespace {

using Json = nlohmann::json;

// nlohmann's == calls 1 (unsigned) and 1 (signed) equal; here they differ.
bool same(const Json& a, const Json& b) {
    if (a.type() != b.type() || a.size() != b.size()) {
        return false;
    }
    if (a.is_object()) {
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
            if (ia.key() != ib.key() || !same(*ia, *ib)) {
                return false;
            }
        }
        return true;
    }
    if (a.is_array()) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!same(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
    // NaN cannot be parsed, so == is exact here.
    return a == b;
}

int depth(const Json& value) {
    int deepest = 0;
    if (value.is_structured()) {
        for (const auto& child : value) {
            deepest = std::max(deepest, depth(child));
        }
        return deepest + 1;
    }
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::optional<Json> expected;
    try {
        expected = Json::parse(text);
    } catch (const Json::exception&) {
    }
    const auto quick = et::parse_json_quickly(text, 64);
    if (quick && (!expected || !same(*quick, *expected))) {
        std::abort();
    }
    // The quick parser leaves to its caller only deep nesting and text after a NUL byte.
    if (!quick && expected && depth(*expected) <= 64 && text.find('\0') == std::string::npos) {
        std::abort();
    }
    // Read in two halves, cut at a ',' chosen from the bytes, it is the same value.
    if (const auto comma = text.find(',', size > 0 ? data[0] % size : 0); comma != std::string::npos) {
        const auto halves = et::parse_json_in_halves(text, 64, comma);
        if (halves.has_value() != quick.has_value() || (halves && !same(*halves, *quick))) {
            std::abort();
        }
    }
    return 0;
}
