// Live self-disclosure feedback: the layer badge, the emotions, the words behind each judgement
// (marked in a wrapped copy of the text, since ImGui's text box does not wrap) and the nudge.
#include "ui/disclosure_feedback.hpp"

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

// In words, for the legend and the tooltips: what each judgement says about the words.
const char* kind_label(DisclosureKind kind) {
    switch (kind) {
    case DisclosureKind::Feeling: return "your feeling";
    case DisclosureKind::Body: return "your body";
    case DisclosureKind::Outer: return "what happened";
    case DisclosureKind::Thing: return "a thing, not you";
    case DisclosureKind::Other: return "someone else's feeling";
    case DisclosureKind::Negated: return "a feeling not felt";
    case DisclosureKind::Thought: return "a thought, not a feeling";
    }
    return "";
}

// Inner-layer words are the good news; the outer layer is only a note (it sets the scene);
// feeling words that did not count are worth a second look.
HighlightStyle style_of(DisclosureKind kind) {
    switch (kind) {
    case DisclosureKind::Feeling:
    case DisclosureKind::Body: return HighlightStyle::Good;
    case DisclosureKind::Outer: return HighlightStyle::Note;
    default: return HighlightStyle::Warn;
    }
}

std::string tag_of(DisclosureKind kind, std::size_t index) {
    return (style_of(kind) == HighlightStyle::Good ? "+" : "?") + std::to_string(index + 1);
}

std::string label_of(const DisclosureMatch& m) {
    std::string label = kind_label(m.kind);
    for (std::size_t i = 0; i < m.emotions.size(); ++i) {
        label += (i == 0 ? " (" : ", ") + std::string(core_emotion_id(m.emotions[i]));
    }
    return m.emotions.empty() ? label : label + ")";
}

// The nudges about the day as a whole rather than about this text: "was there joy?" and "start
// from the four core emotions".
bool is_general_nudge(const AppState& app, const std::string& line) {
    if (!app.disclosure_criteria) {
        return false;
    }
    std::vector<std::string> keys = {"outer_hint"};
    for (CoreEmotion e : kCoreEmotions) {
        keys.push_back(std::string("missing.") + core_emotion_id(e));
    }
    const auto& texts = app.disclosure_criteria->texts;
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
        const auto it = texts.find(key);
        return it != texts.end() && it->second == line;
    });
}

} // namespace

void layer_badge(const AppState& app, Layer layer) {
    const Palette& p = palette();
    const int tone = layer == Layer::Inner ? 2 : 0; // the level badges' colours
    ImGui::PushFont(app.fonts.bold);
    const char* label = layer == Layer::Inner ? "Inner layer" : "Outer layer";
    const ImVec2 pad = em2(0.6f, 0.2f);
    const ImVec2 text = ImGui::CalcTextSize(label);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(text.x + pad.x * 2, text.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                      ImGui::GetColorU32(p.level[tone]), size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(p.level_text[tone]),
                label);
    ImGui::Dummy(size);
    ImGui::PopFont();
}

void feedback_unavailable_line(AppState& app) {
    if (app.disclosure_loading()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        ImGui::TextWrapped("Live feedback is getting ready\xE2\x80\xA6");
        ImGui::PopStyleColor();
        record_item(app, "checkin:loading", Item::Static);
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    ImGui::TextWrapped("Live feedback is unavailable: the disclosure criteria did not load (see "
                       "Problems). You can still write; nothing is judged.");
    ImGui::PopStyleColor();
    record_item(app, "checkin:unavailable", Item::Static);
}

void disclosure_feedback(AppState& app, const Disclosure* d, const std::string& text, float width,
                         const std::string& record_id, FeedbackOptions options) {
    const Panel panel = begin_panel(width);
    const float inner_w = width - panel.pad.x * 2;
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + inner_w);
    if (d == nullptr) {
        dim_text_wrapped("Feedback starts as you type: inner or outer layer, and which core "
                         "emotions came through.");
    } else if (!d->error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("%s", d->error.c_str());
        ImGui::PopStyleColor();
    } else {
        layer_badge(app, d->layer);
        // Beside the badge, level with its words, while the line has room.
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        auto beside = [&](float w) {
            const float gap = em(0.8f);
            if (ImGui::GetItemRectMax().x + gap + w <= right) {
                ImGui::SameLine(0, gap);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.2f));
            }
        };
        if (d->emotions.empty()) {
            const char* none = "no core emotion named";
            beside(ImGui::CalcTextSize(none).x);
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
            ImGui::TextUnformatted(none);
            ImGui::PopStyleColor();
        }
        for (CoreEmotion e : kCoreEmotions) { // mad, sad, glad, fear: the order used everywhere
            if (std::find(d->emotions.begin(), d->emotions.end(), e) == d->emotions.end()) {
                continue;
            }
            const char* id = core_emotion_id(e);
            beside(ImGui::CalcTextSize(id).x + em(0.9f));
            emotion_tag(id);
        }
        if (options.highlight && !d->matches.empty()) {
            std::vector<Highlight> spans;
            std::string legend;
            bool outer = false;
            std::size_t tagged = 0;
            for (const DisclosureMatch& m : d->matches) {
                // What happened is only underlined (dotted): a tag in the middle of a sentence
                // would split the feeling words that often overlap it.
                if (style_of(m.kind) == HighlightStyle::Note) {
                    spans.push_back({m.begin, m.end, HighlightStyle::Note, "", label_of(m),
                                     m.explain});
                    outer = true;
                    continue;
                }
                const std::string tag = tag_of(m.kind, tagged++);
                spans.push_back({m.begin, m.end, style_of(m.kind), tag, label_of(m), m.explain});
                legend += (legend.empty() ? "" : "   ") + tag + " " + label_of(m);
            }
            if (outer) {
                legend += std::string(legend.empty() ? "" : "   ") + "dotted: what happened";
            }
            ImGui::Spacing();
            highlighted_text(app, text, spans, inner_w);
            // The labels in words too, so nothing depends on hovering or on colour.
            dim_text_wrapped(legend.c_str());
        }
        for (const std::string& line : d->feedback) {
            if (!options.general_nudges && is_general_nudge(app, line)) {
                continue;
            }
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    end_panel(app, panel, palette().panel, record_id.c_str());
}

} // namespace et::ui
