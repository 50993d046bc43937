// Fuzzes the scenario loader with arbitrary bytes: it must report, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto load = et::load_scenario_text("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
    for (const auto& d : load.problems) {
        (void)d.to_string();
    }
    return 0;
}
