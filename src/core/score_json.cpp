// The `score` command's JSON: a DOM version for callers who want one, and a direct writer
// that prints the same text without building a DOM.
#include <nlohmann/json.hpp>

#include "core/scorer.hpp"

namespace et {

nlohmann::json score_to_json(const Score& score, std::string_view response) {
    nlohmann::json j;
    j["level"] = score.level;
    j["mistakes"] = nlohmann::json::array();
    for (Mistake m : score.mistakes) {
        j["mistakes"].push_back(std::string(mistake_id(m)));
    }
    j["score"] = score.score;
    j["matches"] = nlohmann::json::array();
    for (const Match& m : score.matches) {
        nlohmann::json mj;
        mj["criterion"] = m.criterion;
        mj["kind"] = match_kind_id(m.kind);
        if (m.mistake) {
            mj["mistake"] = std::string(mistake_id(*m.mistake));
        }
        if (!m.fact.empty()) {
            mj["fact"] = m.fact;
        }
        mj["begin"] = m.begin;
        mj["end"] = m.end;
        mj["text"] = std::string(response.substr(m.begin, m.end - m.begin));
        mj["explain"] = m.explain;
        j["matches"].push_back(std::move(mj));
    }
    j["feedback"] = score.feedback();
    j["suggestion"] = score.suggestion;
    j["named_feeling"] = score.named_feeling;
    if (!score.error.empty()) {
        j["error"] = score.error;
    }
    return j;
}


namespace {

void append_json_string(std::string& out, std::string_view text) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

} // namespace

void append_score_json(std::string& out, const Score& score, std::string_view response) {
    // Keys in the same (sorted) order as score_to_json, so both print identical text.
    auto key = [&out](const char* k) {
        out += '"';
        out += k;
        out += "\":";
    };
    out += '{';
    if (!score.error.empty()) {
        key("error");
        append_json_string(out, score.error);
        out += ',';
    }
    key("feedback");
    out += '[';
    bool first = true;
    for (const auto* list : {&score.worked, &score.avoid}) {
        for (const auto& line : *list) {
            if (!first) {
                out += ',';
            }
            first = false;
            append_json_string(out, line);
        }
    }
    out += "],";
    key("level");
    out += std::to_string(score.level);
    out += ',';
    key("matches");
    out += '[';
    for (std::size_t i = 0; i < score.matches.size(); ++i) {
        const Match& m = score.matches[i];
        if (i > 0) {
            out += ',';
        }
        out += '{';
        key("begin");
        out += std::to_string(m.begin);
        out += ',';
        key("criterion");
        append_json_string(out, m.criterion);
        out += ',';
        key("end");
        out += std::to_string(m.end);
        out += ',';
        key("explain");
        append_json_string(out, m.explain);
        out += ',';
        if (!m.fact.empty()) {
            key("fact");
            append_json_string(out, m.fact);
            out += ',';
        }
        key("kind");
        append_json_string(out, match_kind_id(m.kind));
        out += ',';
        if (m.mistake) {
            key("mistake");
            append_json_string(out, mistake_id(*m.mistake));
            out += ',';
        }
        key("text");
        append_json_string(out, response.substr(m.begin, m.end - m.begin));
        out += '}';
    }
    out += "],";
    key("mistakes");
    out += '[';
    for (std::size_t i = 0; i < score.mistakes.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_json_string(out, mistake_id(score.mistakes[i]));
    }
    out += "],";
    key("named_feeling");
    out += score.named_feeling ? "true" : "false";
    out += ',';
    key("score");
    out += std::to_string(score.score);
    out += ',';
    key("suggestion");
    append_json_string(out, score.suggestion);
    out += '}';
}

} // namespace et