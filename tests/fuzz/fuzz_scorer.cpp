// Fuzzes the scorer: any bytes as a response to a real scenario step, with the default
// criteria; spans must stay inside the response.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "core/criteria.hpp"
#include "core/scenario_loader.hpp"
#include "core/scorer.hpp"

namespace {

struct Fixture {
    et::Criteria criteria;
    et::Scenario scenario;
    Fixture()
        : criteria(*et::load_criteria_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/default.json").criteria),
          scenario(*et::load_scenario_file(std::string(ET_SOURCE_DIR) + "/scenarios/fear-friend-fight.json").scenario) {}
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Fixture fixture;
    static const et::Scorer scorer(fixture.criteria);
    static const auto prepared = scorer.prepare(et::scoring_step(fixture.scenario, fixture.scenario.steps.front()));
    const std::string response(reinterpret_cast<const char*>(data), size);
    const et::Score score = scorer.score(*prepared, response);
    if (score.level < 0 || score.level > 2 || score.score < 0 || score.score > 100) {
        std::abort();
    }
    for (const et::Match& m : score.matches) {
        if (m.begin > m.end || m.end > response.size()) {
            std::abort();
        }
    }
    if (score.error.empty()) {
        (void)et::score_to_json(score, response).dump();
    }
    return 0;
}
