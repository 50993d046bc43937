// The Handout as one self-contained HTML page: inline CSS for screen and print, no scripts,
// fonts or images, and highlights that read without colour (underline styles and words).
#include <string_view>

#include "core/handout_internal.hpp"

namespace et::handout {

namespace {

// Sizes are in mm and pt so the printed page matches what the author sees. A4 is narrower
// and Letter is shorter, so the margins leave room for either when the size is "auto".
// No scenario text ever goes in here: a <style> element's content is not HTML-escaped.
constexpr std::string_view kStyle = R"CSS(
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 8mm 14mm; color: #1b1b1b;
  background: #fff; font: 11pt/1.45 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial,
  sans-serif; }
header { border-bottom: 0.6mm solid #333; padding-bottom: 3mm; margin-bottom: 4mm; }
.kicker { margin: 0; font-size: 8.5pt; letter-spacing: 0.08em; text-transform: uppercase;
  color: #555; }
h1 { margin: 1mm 0 1.5mm; font-size: 20pt; line-height: 1.2; }
h2 { margin: 6mm 0 2mm; font-size: 14pt; line-height: 1.25; break-after: avoid;
  page-break-after: avoid; }
h2 .aside { font-weight: normal; color: #555; font-size: 11pt; }
h3 { margin: 3mm 0 1.5mm; font-size: 9pt; letter-spacing: 0.06em; text-transform: uppercase;
  color: #555; break-after: avoid; page-break-after: avoid; }
.about { margin: 0; font-size: 10pt; color: #444; }
.summary { margin: 2mm 0 0; font-size: 11.5pt; }
.legend { margin: 0 0 4mm; padding: 2.5mm 3.5mm; border: 0.3mm solid #999;
  border-radius: 1.5mm; background: #f7f7f7; font-size: 9.5pt; break-inside: avoid; }
.legend p { margin: 0; }
.legend p + p { margin-top: 1mm; }
.legend mark { white-space: nowrap; }
.card ul { margin: 0; padding-left: 5mm; }
.card li { margin: 0 0 1mm; }
.step-head, .step-end { break-inside: avoid; page-break-inside: avoid; }
.step-head { break-after: avoid; page-break-after: avoid; }
.says { margin: 0 0 2mm; padding: 2.5mm 4mm; border-left: 1.2mm solid #555;
  background: #f1f1f1; font-size: 12pt; break-inside: avoid; break-after: avoid;
  page-break-inside: avoid; page-break-after: avoid; }
.says .who { font-weight: bold; }
.feelings { margin: 0 0 2mm; font-size: 10pt; color: #333; break-after: avoid; }
ol.choices { margin: 0; padding: 0; list-style: none; counter-reset: choice; }
li.choice { counter-increment: choice; margin: 0 0 2.5mm; padding: 2mm 3.5mm 2.5mm;
  border: 0.3mm solid #aaa; border-radius: 1.5mm; break-inside: avoid;
  page-break-inside: avoid; }
.verdict { margin: 0 0 1mm; font-size: 9.5pt; }
.choice .verdict::before { content: counter(choice) "."; font-weight: bold; margin-right: 1.5mm; }
.level { display: inline-block; padding: 0 2mm; border: 0.3mm solid #555;
  border-radius: 1mm; font-weight: bold; }
.level-0 { border-style: dotted; color: #444; }
.level-1 { border-color: #2a5d9f; color: #1d4477; }
.level-2 { border: 0.6mm solid #1e6b30; color: #174f25; }
.mistake-names { color: #8a1c14; font-weight: bold; }
.no-mistakes { color: #555; }
.response { margin: 0 0 1mm; font-size: 11.5pt; }
.response::before { content: "\201C"; }
.response::after { content: "\201D"; }
.why { margin: 0; font-size: 10pt; color: #333; }
.label { font-weight: bold; }
.author { margin: 1mm 0 0; font-size: 9pt; font-style: italic; color: #555; }
mark { color: inherit; padding: 0 0.3mm; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
mark.empathy { background: #ddf1e0; border-bottom: 0.6mm solid #1e7b34; }
mark.mistake { background: #fbe2de; border-bottom: 0.6mm dashed #b3261e; }
mark.empathy.mistake { background: #f6ecd2; border-bottom: 0.9mm double #8a5a00; }
.suggestion { margin: 1mm 0 2mm; padding: 2mm 3.5mm; border: 0.3mm solid #1e7b34;
  border-left-width: 1.2mm; border-radius: 1.5mm; break-inside: avoid;
  page-break-inside: avoid; }
.suggestion p { margin: 0; }
.next { margin: 0 0 2mm; font-size: 9.5pt; color: #444; }
a { color: inherit; }
footer { break-before: avoid; page-break-before: avoid; margin-top: 6mm; padding-top: 2mm;
  border-top: 0.3mm solid #bbb; font-size: 8.5pt;
  color: #555; }
@page { margin: 14mm 15mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans",
    Arial, sans-serif; color: #555; }
  @bottom-left { content: "Empathy Trainer handout"; font: 8pt "DejaVu Sans", Arial, sans-serif;
    color: #555; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 5mm; }
  .says { font-size: 11pt; padding: 2mm 3.5mm; }
  .response { font-size: 10.5pt; }
  .why { font-size: 9.5pt; }
  li.choice { margin-bottom: 2mm; padding: 1.6mm 3mm 2mm; }
  a { text-decoration: none; }
  .legend, .says { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen and (max-width: 140mm) {
  body { padding: 5mm 4mm; }
  h1 { font-size: 17pt; }
}
)CSS";

void escape(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
}

std::string escaped(std::string_view text) {
    std::string out;
    escape(out, text);
    return out;
}

// Each piece is escaped on its own, so the byte spans the engine computed on the raw text
// still fall between the right characters once entities make the text longer.
void append_marked(std::string& out, const RatedResponse& r) {
    const std::string_view text = r.text;
    for (const Piece& p : r.pieces) {
        const std::string_view words = text.substr(p.begin, p.end - p.begin);
        if (!p.empathy && !p.mistake) {
            escape(out, words);
            continue;
        }
        out += "<mark class=\"";
        out += p.empathy && p.mistake ? "empathy mistake" : p.empathy ? "empathy" : "mistake";
        out += "\" title=\"" + escaped(p.title) + "\">";
        escape(out, words);
        out += "</mark>";
    }
}

void append_verdict(std::string& out, const RatedResponse& r) {
    // A refused response (too long for the engine) must not read as "No empathy yet".
    if (!r.score.error.empty()) {
        out += "<span class=\"level level-0\">Not rated</span> " + escaped(r.score.error);
        return;
    }
    out += "<span class=\"level level-" + std::to_string(r.score.level) + "\">";
    out += handout_level_name(r.score.level);
    out += "</span> ";
    if (r.mistake_names.empty()) {
        out += "<span class=\"no-mistakes\">no mistakes</span>";
        return;
    }
    out += r.mistake_names.size() == 1 ? "mistake: " : "mistakes: ";
    out += "<span class=\"mistake-names\">";
    for (std::size_t i = 0; i < r.mistake_names.size(); ++i) {
        out += (i == 0 ? "" : ", ") + escaped(r.mistake_names[i]);
    }
    out += "</span>";
}

std::string author_rating(const RatedChoice& rc) {
    std::string out = handout_level_name(rc.choice->level);
    if (rc.author_mistake_names.empty()) {
        return out + ", no mistakes";
    }
    for (std::size_t i = 0; i < rc.author_mistake_names.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + escaped(rc.author_mistake_names[i]);
    }
    return out;
}

void append_header(std::string& out, const Scenario& s) {
    out += "<header>\n<p class=\"kicker\">Empathy Trainer handout</p>\n";
    out += "<h1>" + escaped(s.title) + "</h1>\n";
    out += "<p class=\"about\">" + escaped(about_line(s)) + "</p>\n";
    if (!s.summary.empty()) {
        out += "<p class=\"summary\">" + escaped(s.summary) + "</p>\n";
    }
    out += "</header>\n";

    out += "<section class=\"legend\" aria-label=\"How to read this handout\">\n"
           "<p><span class=\"label\">How to read this handout.</span> Each answer shows the "
           "level the engine gives it (No empathy yet, Level One or Level Two) and the "
           "mistakes it finds. <span class=\"label\">Why</span> is the scenario author's "
           "note.</p>\n"
           "<p><mark class=\"empathy\">Solid underline</mark>: words that show empathy. "
           "<mark class=\"mistake\">Dashed underline</mark>: words behind a mistake. "
           "<mark class=\"empathy mistake\">Double underline</mark>: both.</p>\n"
           "</section>\n";

    if (!s.partner.card.empty()) {
        out += "<section class=\"card\">\n<h2>What you know about " + escaped(s.partner.name);
        if (!s.partner.relationship.empty()) {
            out += " <span class=\"aside\">(" + escaped(s.partner.relationship) + ")</span>";
        }
        out += "</h2>\n<ul>\n";
        for (const CardFact& fact : s.partner.card) {
            out += "<li>" + escaped(fact.text) + "</li>\n";
        }
        out += "</ul>\n</section>\n";
    }
}

void append_next(std::string& out, const RatedStep& rs) {
    out += "<p class=\"next\"><span class=\"label\">Next:</span> ";
    if (rs.routes.size() == 1 && rs.routes.front().target == nullptr) {
        out += "the conversation ends here.</p>\n";
        return;
    }
    for (std::size_t i = 0; i < rs.routes.size(); ++i) {
        const Route& route = rs.routes[i];
        out += (i == 0 ? "after " : "; after ") + route.when + ", ";
        if (route.target == nullptr) {
            out += "the conversation ends";
            continue;
        }
        const std::string number = std::to_string(route.target_number);
        out += "<a href=\"#step-" + number + "\">step " + number + " (" +
               escaped(route.target->id) + ")</a>";
    }
    out += ".</p>\n";
}

void append_step(std::string& out, const RatedStep& rs, const RatedScenario& rated) {
    const Scenario& s = *rated.scenario;
    const Step& step = *rs.step;
    const std::string number = std::to_string(rs.number);
    out += "<section class=\"step\" id=\"step-" + number + "\">\n";
    // The heading, the line and the feelings travel together: a page should never end on a
    // lone "Step 2" heading.
    out += "<div class=\"step-head\">\n<h2>Step " + number + " of " +
           std::to_string(s.steps.size()) + " <span class=\"aside\">" + escaped(step.id) +
           "</span></h2>\n";
    out += "<blockquote class=\"says\"><span class=\"who\">" + escaped(s.partner.name) +
           ":</span> " + escaped(step.partner_says) + "</blockquote>\n";
    if (!step.feelings.empty()) {
        out += "<p class=\"feelings\"><span class=\"label\">Feelings behind it:</span> ";
        for (std::size_t i = 0; i < step.feelings.size(); ++i) {
            out += (i == 0 ? "" : ", ") + escaped(step.feelings[i]);
        }
        out += "</p>\n";
    }
    out += "</div>\n";
    if (!rs.choices.empty()) {
        out += "<h3>Answers</h3>\n<ol class=\"choices\">\n";
    }
    for (const RatedChoice& rc : rs.choices) {
        out += "<li class=\"choice\">\n<p class=\"verdict\">";
        append_verdict(out, rc.rated);
        out += "</p>\n<p class=\"response\">";
        append_marked(out, rc.rated);
        out += "</p>\n";
        if (!rc.choice->why.empty()) {
            out += "<p class=\"why\"><span class=\"label\">Why:</span> " +
                   escaped(rc.choice->why) + "</p>\n";
        }
        if (rc.author_differs) {
            out += "<p class=\"author\">The scenario's author rates it " +
                   author_rating(rc) + ".</p>\n";
        }
        out += "</li>\n";
    }
    if (!rs.choices.empty()) {
        out += "</ol>\n";
    }
    // The suggestion and where the conversation goes are kept together, so neither is left
    // alone on the last page.
    out += "<div class=\"step-end\">\n";
    if (!rs.suggestion.text.empty()) {
        out += "<div class=\"suggestion\">\n<p class=\"verdict\"><span class=\"label\">Suggested "
               "response</span> (the engine's): ";
        append_verdict(out, rs.suggestion);
        out += "</p>\n<p class=\"response\">";
        append_marked(out, rs.suggestion);
        out += "</p>\n</div>\n";
    }
    append_next(out, rs);
    out += "</div>\n</section>\n";
}

} // namespace

std::string write_html(const RatedScenario& rated, PaperSize paper) {
    const Scenario& s = *rated.scenario;
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"Empathy Trainer\">\n";
    out += "<title>Handout: " + escaped(s.title) + "</title>\n<style>";
    out += kStyle;
    if (paper == PaperSize::A4) {
        out += "@page { size: A4 portrait; }\n";
    } else if (paper == PaperSize::Letter) {
        out += "@page { size: letter portrait; }\n";
    }
    out += "</style>\n</head>\n<body>\n";
    append_header(out, s);
    for (const RatedStep& rs : rated.steps) {
        append_step(out, rs, rated);
    }
    out += "<footer>Levels, mistakes, highlights and suggestions come from Empathy Trainer's "
           "scoring engine; the <span class=\"label\">Why</span> notes come from the "
           "scenario's author. Scenario: " +
           escaped(s.id) + ".</footer>\n";
    out += "</body>\n</html>\n";
    return out;
}

} // namespace et::handout
