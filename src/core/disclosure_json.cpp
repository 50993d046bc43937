// The `disclose` command's JSON: one object per statement, keys sorted, spans as byte offsets.
#include "core/disclosure.hpp"

#include <nlohmann/json.hpp>

namespace et {

nlohmann::json disclosure_to_json(const Disclosure& d, std::string_view text) {
    nlohmann::json j;
    auto emotions = [](const std::vector<CoreEmotion>& list) {
        nlohmann::json a = nlohmann::json::array();
        for (CoreEmotion e : list) {
            a.push_back(core_emotion_id(e));
        }
        return a;
    };
    j["layer"] = layer_id(d.layer);
    j["emotions"] = emotions(d.emotions);
    j["matches"] = nlohmann::json::array();
    for (const DisclosureMatch& m : d.matches) {
        j["matches"].push_back({{"kind", disclosure_kind_id(m.kind)},
                                {"criterion", m.criterion},
                                {"begin", m.begin},
                                {"end", m.end},
                                {"text", std::string(text.substr(m.begin, m.end - m.begin))},
                                {"emotions", emotions(m.emotions)},
                                {"explain", m.explain}});
    }
    j["feedback"] = d.feedback;
    if (!d.error.empty()) {
        j["error"] = d.error;
    }
    return j;
}

void append_disclosure_json(std::string& out, const Disclosure& d, std::string_view text) {
    // nlohmann sorts keys and escapes exactly as the DOM version does; one line per text.
    out += disclosure_to_json(d, text).dump();
}

} // namespace et
