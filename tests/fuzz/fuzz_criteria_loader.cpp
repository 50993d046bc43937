// Fuzzes the criteria loader and the pattern compiler with arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/criteria.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto load = et::load_criteria_text("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
    for (const auto& d : load.problems) {
        (void)d.to_string();
    }
    return 0;
}
