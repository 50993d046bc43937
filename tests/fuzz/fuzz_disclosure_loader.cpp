// Fuzzes the disclosure criteria loader and its patterns with arbitrary bytes over the default
// scoring criteria: it must report, never crash or hang.
#include "core/criteria.hpp"
#include "core/disclosure.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const et::Criteria base =
        *et::load_criteria_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/default.json")
             .criteria;
    const auto load = et::load_disclosure_text(
        "fuzz.json", std::string(reinterpret_cast<const char*>(data), size), base);
    for (const auto& d : load.problems) {
        (void)d.to_string();
    }
    if (load.criteria) {
        (void)et::DisclosureAnalyser(*load.criteria)
            .analyse("I was so scared, and then I felt relieved.");
    }
    return 0;
}
