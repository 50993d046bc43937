// The check-in reflection: a tally of layers and core emotions over the answers, and the one
// nudge most worth giving.
#include "core/checkin.hpp"

#include <algorithm>

namespace et {

namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The criteria's words for the missing-emotion question when they have one, else ours; both
// stay gentle ("if you like"): a day without anger is not a gap to fill.
std::string missing_nudge(CoreEmotion emotion, const DisclosureCriteria* criteria) {
    const std::string key = std::string("missing.") + core_emotion_id(emotion);
    if (criteria != nullptr && criteria->texts.count(key) > 0) {
        return criteria->texts.at(key);
    }
    switch (emotion) {
    case CoreEmotion::Mad: return "If you like: did anything make you mad today?";
    case CoreEmotion::Sad: return "If you like: did anything bring sadness today?";
    case CoreEmotion::Glad: return "If you like: was there a moment of joy today, however small?";
    case CoreEmotion::Fear: return "If you like: did you feel afraid or worried about anything?";
    }
    return {};
}

} // namespace

CheckinReflection reflect_on_readings(std::vector<CheckinAnswerReading> readings, bool analysed,
                                      const DisclosureCriteria* criteria) {
    CheckinReflection r;
    r.answers = std::move(readings);
    r.analysed = analysed;
    for (const CheckinAnswerReading& a : r.answers) {
        if (!analysed) {
            continue;
        }
        if (a.layer == Layer::Inner) {
            ++r.inner;
        }
        r.emotions.insert(r.emotions.end(), a.emotions.begin(), a.emotions.end());
    }
    std::sort(r.emotions.begin(), r.emotions.end());
    r.emotions.erase(std::unique(r.emotions.begin(), r.emotions.end()), r.emotions.end());
    for (CoreEmotion e : kCoreEmotions) {
        if (analysed && !std::binary_search(r.emotions.begin(), r.emotions.end(), e)) {
            r.missing.push_back(e);
        }
    }

    const int answered = static_cast<int>(r.answers.size());
    if (answered == 0) {
        r.nudge = "Even one line counts. What is one thing you felt today?";
    } else if (!analysed) {
        r.nudge = "Read it back once: did you say what you felt, not only what happened?";
    } else if (r.inner == 0) {
        r.nudge = "Say what you felt, not only what happened: \"I felt ...\" is a good start.";
    } else if (r.inner * 2 <= answered) {
        r.nudge = "Some answers told what happened. Say what you felt, not only what happened.";
    } else if (!r.missing.empty()) {
        // The first missing emotion in the criteria's order: joy first, the gentlest to ask.
        std::vector<CoreEmotion> order(kCoreEmotions.begin(), kCoreEmotions.end());
        if (criteria != nullptr && !criteria->missing_order.empty()) {
            order = criteria->missing_order;
        }
        const auto it = std::find_if(order.begin(), order.end(), [&](CoreEmotion e) {
            return std::binary_search(r.missing.begin(), r.missing.end(), e);
        });
        r.nudge = missing_nudge(it != order.end() ? *it : r.missing.front(), criteria);
    } else if (r.inner < answered) {
        r.nudge = "One answer told only what happened: how did it leave you feeling?";
    } else {
        r.nudge = "All four came through, each told as a feeling. Share one with someone close "
                  "to you.";
    }
    return r;
}

CheckinReflection reflect_on_checkin(const std::vector<CheckinAnswer>& answers,
                                     const DisclosureAnalyser* analyser) {
    std::vector<CheckinAnswerReading> readings;
    for (const CheckinAnswer& a : answers) {
        if (blank(a.text)) {
            continue;
        }
        CheckinAnswerReading reading{a.question, Layer::Outer, {}};
        if (analyser != nullptr) {
            const Disclosure d = analyser->analyse(a.text);
            reading.layer = d.layer;
            reading.emotions = d.emotions;
        }
        readings.push_back(std::move(reading));
    }
    return reflect_on_readings(std::move(readings), analyser != nullptr,
                               analyser != nullptr ? &analyser->criteria() : nullptr);
}

std::string inner_layer_text(const std::vector<CheckinAnswer>& answers,
                             const DisclosureAnalyser& analyser) {
    std::string out;
    for (const CheckinAnswer& a : answers) {
        if (blank(a.text) || analyser.analyse(a.text).layer != Layer::Inner) {
            continue;
        }
        // Trailing blank lines of the box are not part of what was said.
        const std::size_t end = a.text.find_last_not_of(" \t\r\n") + 1;
        const std::size_t begin = a.text.find_first_not_of(" \t\r\n");
        out += (out.empty() ? "" : "\n\n") + a.text.substr(begin, end - begin);
    }
    return out;
}

} // namespace et
