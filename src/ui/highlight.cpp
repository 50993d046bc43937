// The response with the words behind each judgement marked three ways (tint, underline
// style, numbered tag) so that it reads without colour, with a tooltip per span and a
// numbered list of the judgements below it.
#include <algorithm>
#include <string_view>

#include <imgui_internal.h>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

struct Segment {
    std::size_t begin = 0, end = 0;
    bool marked = false;
    HighlightStyle style = HighlightStyle::Good;
    std::vector<int> matches; // indices of the highlights covering it
};

struct HoverBox {
    ImRect rect;
    int segment = 0;
};

// Where spans overlap, the one that most needs noticing is drawn.
int weight(HighlightStyle style) {
    switch (style) {
    case HighlightStyle::Warn: return 3;
    case HighlightStyle::Good: return 2;
    case HighlightStyle::Note: return 1;
    }
    return 0;
}

std::vector<Segment> segments_of(const std::string& text, const std::vector<Highlight>& matches) {
    std::vector<std::size_t> cuts = {0, text.size()};
    for (const Highlight& m : matches) {
        cuts.push_back(std::min(m.begin, text.size()));
        cuts.push_back(std::min(m.end, text.size()));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Segment> out;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        Segment s{cuts[i], cuts[i + 1], false, HighlightStyle::Note, {}};
        for (std::size_t k = 0; k < matches.size(); ++k) {
            if (matches[k].begin <= s.begin && matches[k].end >= s.end) {
                s.matches.push_back(static_cast<int>(k));
                if (!s.marked || weight(matches[k].style) > weight(s.style)) {
                    s.style = matches[k].style;
                }
                s.marked = true;
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

// Bytes of one UTF-8 character starting at `p`, at least 1 so that bad bytes still advance.
std::size_t char_len(const char* p, const char* end) {
    unsigned int c = 0;
    return static_cast<std::size_t>(std::max(1, ImTextCharFromUtf8(&c, p, end)));
}

class Flow {
public:
    Flow(ImVec2 origin, float width) : origin_(origin), width_(width) {
        line_h_ = ImGui::GetTextLineHeight() * 1.45f; // room for underlines and tags
    }

    // Places `w` wide content; returns its top-left, wrapping first when it does not fit.
    ImVec2 place(float w) {
        if (x_ > 0 && x_ + w > width_) {
            newline();
        }
        const ImVec2 at(origin_.x + x_, origin_.y + y_);
        x_ += w;
        return at;
    }
    void newline() {
        x_ = 0;
        y_ += line_h_;
    }
    float remaining() const { return width_ - x_; }
    bool at_line_start() const { return x_ <= 0; }
    float height() const { return y_ + line_h_; }

private:
    ImVec2 origin_;
    float width_;
    float x_ = 0, y_ = 0, line_h_ = 0;
};

ImVec4 line_colour(HighlightStyle style) {
    switch (style) {
    case HighlightStyle::Warn: return palette().mistake;
    case HighlightStyle::Good: return palette().empathy;
    case HighlightStyle::Note: return palette().text_dim;
    }
    return palette().text;
}

ImVec4 tint(HighlightStyle style) {
    switch (style) {
    case HighlightStyle::Warn: return palette().mistake_bg;
    case HighlightStyle::Good: return palette().empathy_bg;
    case HighlightStyle::Note: return palette().panel;
    }
    return palette().panel;
}

} // namespace

void highlighted_text(const AppState& app, const std::string& text,
                      const std::vector<Highlight>& matches, float width) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float text_h = ImGui::GetTextLineHeight();
    const float thick = std::max(1.0f, fs * 0.09f);
    const std::vector<Segment> segments = segments_of(text, matches);
    std::vector<HoverBox> boxes;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    Flow flow(origin, width);
    auto draw_piece = [&](std::string_view piece, const Segment& seg, int seg_index) {
        const float w = font->CalcTextSizeA(fs, FLT_MAX, 0, piece.data(), piece.data() + piece.size()).x;
        const ImVec2 at = flow.place(w);
        const ImRect r(at, ImVec2(at.x + w, at.y + text_h));
        if (seg.marked) {
            dl->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(tint(seg.style)));
            const ImU32 line = ImGui::GetColorU32(line_colour(seg.style));
            const float y = r.Max.y + thick;
            if (seg.style != HighlightStyle::Good) {
                // Dashed underline for mistakes, dotted for notes, solid for the good.
                const float dash = seg.style == HighlightStyle::Warn ? thick * 2.5f : thick;
                const float step = seg.style == HighlightStyle::Warn ? thick * 4 : thick * 2.5f;
                for (float x = r.Min.x; x < r.Max.x; x += step) {
                    dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, r.Max.x), y), line, thick);
                }
            } else {
                dl->AddLine(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y), line, thick);
            }
            boxes.push_back({r, seg_index});
        }
        dl->AddText(font, fs, at, ImGui::GetColorU32(p.text), piece.data(), piece.data() + piece.size());
    };

    for (std::size_t si = 0; si < segments.size(); ++si) {
        const Segment& seg = segments[si];
        std::size_t i = seg.begin;
        while (i < seg.end) {
            if (text[i] == '\n') {
                flow.newline();
                ++i;
                continue;
            }
            // A word and the spaces after it move to the next line together.
            std::size_t j = i;
            while (j < seg.end && text[j] != ' ' && text[j] != '\n') {
                ++j;
            }
            while (j < seg.end && text[j] == ' ') {
                ++j;
            }
            std::string_view word(text.data() + i, j - i);
            const float w = font->CalcTextSizeA(fs, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
            if (w <= width) {
                draw_piece(word, seg, static_cast<int>(si));
            } else {
                // Longer than a whole line (a pasted URL, 10,000 letters): break anywhere.
                std::size_t k = i;
                while (k < j) {
                    std::size_t e = k;
                    float lw = 0;
                    while (e < j) {
                        const std::size_t n = char_len(text.data() + e, text.data() + j);
                        const float cw = font->CalcTextSizeA(fs, FLT_MAX, 0, text.data() + e, text.data() + e + n).x;
                        if (lw + cw > flow.remaining() && e > k) {
                            break;
                        }
                        lw += cw;
                        e += n;
                    }
                    draw_piece(std::string_view(text.data() + k, e - k), seg, static_cast<int>(si));
                    if (e < j) {
                        flow.newline();
                    }
                    k = e;
                }
            }
            i = j;
        }
        // A numbered tag where each judgement's words end.
        for (std::size_t k = 0; k < matches.size(); ++k) {
            if (std::min(matches[k].end, text.size()) != seg.end || matches[k].begin == matches[k].end) {
                continue;
            }
            const std::string& tag = matches[k].tag;
            if (tag.empty()) {
                continue;
            }
            const float tw = font->CalcTextSizeA(fs * 0.7f, FLT_MAX, 0, tag.c_str()).x + fs * 0.3f;
            const ImVec2 at = flow.place(tw + fs * 0.15f);
            const ImVec2 tmin(at.x + fs * 0.1f, at.y - fs * 0.05f);
            const ImVec2 tmax(tmin.x + tw, tmin.y + fs * 0.75f);
            dl->AddRectFilled(tmin, tmax, ImGui::GetColorU32(line_colour(matches[k].style)),
                              fs * 0.2f);
            dl->AddText(font, fs * 0.7f, ImVec2(tmin.x + fs * 0.15f, tmin.y + fs * 0.02f),
                        ImGui::GetColorU32(p.accent_text), tag.c_str());
            boxes.push_back({ImRect(tmin, tmax), static_cast<int>(si)});
        }
    }
    ImGui::Dummy(ImVec2(width, flow.height()));

    // Tooltips: the hovered span's judgements, with the criterion and why.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        for (const HoverBox& b : boxes) {
            if (!b.rect.Contains(mouse)) {
                continue;
            }
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(em(24));
            for (int k : segments[static_cast<std::size_t>(b.segment)].matches) {
                const Highlight& m = matches[static_cast<std::size_t>(k)];
                ImGui::PushFont(app.fonts.bold);
                ImGui::TextUnformatted(m.title.c_str());
                ImGui::PopFont();
                if (!m.explain.empty()) {
                    ImGui::TextUnformatted(m.explain.c_str());
                }
            }
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
            break;
        }
    }

}

void highlighted_response(const AppState& app, const std::string& text,
                          const std::vector<Match>& matches, float width) {
    const Palette& p = palette();
    std::vector<Highlight> spans;
    for (std::size_t k = 0; k < matches.size(); ++k) {
        const Match& m = matches[k];
        const bool mistake = m.kind == MatchKind::Mistake;
        spans.push_back({m.begin, m.end, mistake ? HighlightStyle::Warn : HighlightStyle::Good,
                         (mistake ? "!" : "+") + std::to_string(k + 1),
                         std::to_string(k + 1) + ". " + criterion_label(m), m.explain});
    }
    highlighted_text(app, text, spans, width);

    // The same judgements as a list, so nothing depends on hovering (keyboard, projector).
    if (!matches.empty()) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width);
        for (std::size_t k = 0; k < matches.size(); ++k) {
            const Match& m = matches[k];
            const bool mistake = m.kind == MatchKind::Mistake;
            const std::string_view words(text.data() + std::min(m.begin, text.size()),
                                         std::min(m.end, text.size()) - std::min(m.begin, text.size()));
            ImGui::PushStyleColor(ImGuiCol_Text, mistake ? p.mistake : p.empathy);
            ImGui::PushFont(app.fonts.bold);
            ImGui::Text("%s%zu  %s", mistake ? "!" : "+", k + 1, criterion_label(m).c_str());
            ImGui::PopFont();
            ImGui::PopStyleColor();
            ImGui::Indent(em(1.5f));
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
            ImGui::TextWrapped("\"%.*s\"%s%s", static_cast<int>(std::min<std::size_t>(words.size(), 200)),
                               words.data(), m.explain.empty() ? "" : " \xE2\x80\x94 ", m.explain.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent(em(1.5f));
        }
        ImGui::PopTextWrapPos();
    }
}

} // namespace et::ui
