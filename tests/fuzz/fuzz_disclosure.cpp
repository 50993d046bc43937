// Fuzzes the disclosure analyser: any bytes as a statement, with the bundled criteria; spans
// must stay inside the text and the JSON must always be writable.
#include "core/criteria.hpp"
#include "core/disclosure.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

struct Fixture {
    et::Criteria base;
    et::DisclosureCriteria disclosure;
    Fixture()
        : base(*et::load_criteria_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/default.json")
                    .criteria),
          disclosure(*et::load_disclosure_file(
                          std::string(ET_SOURCE_DIR) + "/assets/criteria/disclosure.json", base)
                          .criteria) {}
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Fixture fixture;
    static const et::DisclosureAnalyser analyser(fixture.disclosure);
    const std::string text(reinterpret_cast<const char*>(data), size);
    const et::Disclosure d = analyser.analyse(text);
    for (const et::DisclosureMatch& m : d.matches) {
        if (m.begin > m.end || m.end > text.size()) {
            std::abort();
        }
    }
    if (d.layer == et::Layer::Outer && !d.emotions.empty()) {
        std::abort();
    }
    if (d.error.empty()) {
        std::string line;
        et::append_disclosure_json(line, d, text);
    }
    return 0;
}
