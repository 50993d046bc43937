// The Progress screen: drawn from the history store's cached summary (computed in SQL when
// something changed), never from a query per frame.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

constexpr int kWeeksShown = 8;

void stat_tile(AppState& app, const char* value, const char* label, const char* id) {
    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(value);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    record_item(app, id, Item::Static);
}

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

const std::string& player_label(const std::string& name) {
    static const std::string solo = "Solo (no name)";
    return name.empty() ? solo : name;
}

} // namespace

void ProgressView::draw(AppState& app) {
    heading(app, "Your progress");
    if (!app.history_available()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        const std::string why = app.history ? app.history->unavailable_reason()
                                            : std::string("History has not been opened.");
        ImGui::TextWrapped("History is not being saved: %s", why.c_str());
        ImGui::PopStyleColor();
        dim_text_wrapped("Practice still works; your answers are scored as usual.");
        return;
    }
    app.poll_progress();
    const ProgressSummary* snapshot = app.progress_summary();
    if (snapshot == nullptr) {
        dim_text_wrapped("Reading your history\xE2\x80\xA6");
        return;
    }
    const ProgressSummary& s = *snapshot;
    // Per-player views (couples record under the listener's name).
    if (s.players.size() > 1 || (s.players.size() == 1 && !s.players.front().empty())) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Show:");
        ImGui::SameLine();
        const std::string current =
            app.progress_player ? player_label(*app.progress_player) : "Everyone";
        ImGui::SetNextItemWidth(em(12));
        if (ImGui::BeginCombo("##player", current.c_str())) {
            if (ImGui::Selectable("Everyone", !app.progress_player)) {
                app.set_progress_player(std::nullopt);
            }
            for (const std::string& p : s.players) {
                if (ImGui::Selectable(player_label(p).c_str(), app.progress_player == p)) {
                    app.set_progress_player(p);
                }
            }
            ImGui::EndCombo();
        }
        record_item(app, "progress:player");
        if (app.progress_loading()) {
            ImGui::SameLine(0, em(1));
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
            ImGui::TextUnformatted("updating\xE2\x80\xA6");
            ImGui::PopStyleColor();
        }
    }
    if (!app.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().empathy);
        ImGui::TextWrapped("%s", app.notice.c_str());
        ImGui::PopStyleColor();
    }
    if (s.attempts == 0) {
        dim_text_wrapped("Nothing here yet: answer a scenario and your levels, scores and "
                         "streaks will show up here.");
        draw_actions(app);
        return;
    }
    ImGui::BeginChild("##progress", ImVec2(0, 0), false);
    const float width = ImGui::GetContentRegionAvail().x;
    // Four tiles, wrapping onto new lines when the window is narrow for the font.
    const std::string answers = std::to_string(s.attempts);
    const std::string practice = days(s.practice_days);
    const std::string streak = days(s.current_streak);
    const std::string best_streak = days(s.best_streak);
    const float tile_w = em(9);
    stat_tile(app, answers.c_str(), "answers", "progress:answers");
    same_line_if_fits(tile_w, em(2));
    stat_tile(app, practice.c_str(), "of practice", "progress:days");
    same_line_if_fits(tile_w, em(2));
    stat_tile(app, streak.c_str(), "current streak", "progress:streak");
    same_line_if_fits(tile_w, em(2));
    stat_tile(app, best_streak.c_str(), "best streak", "progress:best-streak");
    ImGui::Spacing();

    const std::optional<Mistake> trap = s.weakest_mistake ? s.weakest_mistake : s.most_common_mistake;
    if (trap) {
        const int count = s.mistake_totals[static_cast<std::size_t>(*trap)];
        ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
        ImGui::TextWrapped("! Your most common trap lately: %s (%d time%s in all)",
                           mistake_titles(app, {*trap}).c_str(), count, count == 1 ? "" : "s");
        ImGui::PopStyleColor();
        if (action_button(app, "Practise my weakest", "progress:weakest")) {
            app.practise_weakest();
        }
        if (const Scenario* sc = app.scenario_for_mistake(*trap)) {
            ImGui::SameLine(0, em(0.8f));
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
            ImGui::TextWrapped("opens \"%s\"", sc->title.c_str());
            ImGui::PopStyleColor();
        }
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().empathy);
        ImGui::TextWrapped("+ No listening mistakes so far.");
        ImGui::PopStyleColor();
    }
    if (s.felt_heard.rated > 0) {
        ImGui::TextWrapped("Couples: felt heard %.1f/10 on average over %d rated answers; the "
                           "engine's score for the same answers averages %.0f/100.",
                           s.felt_heard.average_rating, s.felt_heard.rated,
                           s.felt_heard.average_score);
    }
    ImGui::Spacing();
    draw_chart(app, s, width);
    ImGui::Spacing();
    draw_mistakes(app, s);
    ImGui::Spacing();
    draw_scenarios(app, s);
    ImGui::Spacing();
    draw_actions(app);
    ImGui::EndChild();
}

void ProgressView::draw_chart(AppState& app, const ProgressSummary& s, float width) {
    // Per day once there are two days to compare; per answer before that.
    const bool by_day = s.per_day.size() >= 2;
    std::vector<float> scores;
    std::vector<float> levels;
    if (by_day) {
        for (const DayPoint& d : s.per_day) {
            scores.push_back(static_cast<float>(d.average_score));
            levels.push_back(static_cast<float>(d.average_level));
        }
    } else {
        for (const AttemptPoint& p : s.per_attempt) {
            scores.push_back(static_cast<float>(p.score));
            levels.push_back(static_cast<float>(p.level));
        }
    }
    bold_text(app, by_day ? "Level and score, day by day" : "Level and score, answer by answer");
    if (scores.size() < 2) {
        dim_text_wrapped("The chart starts after your second answer.");
        return;
    }
    const bool side_by_side = width >= em(30);
    const float chart_w = side_by_side ? (width - em(1)) * 0.5f : width;
    const ImVec2 size(chart_w, em(5));
    const std::string score_now = "score " + std::to_string(static_cast<int>(scores.back() + 0.5f)) + "/100";
    ImGui::PushStyleColor(ImGuiCol_PlotLines, palette().accent);
    ImGui::PlotLines("##score", scores.data(), static_cast<int>(scores.size()), 0, score_now.c_str(),
                     0.0f, 100.0f, size);
    ImGui::PopStyleColor();
    record_item(app, "progress:score-chart", Item::Static);
    if (side_by_side) {
        ImGui::SameLine(0, em(1));
    }
    char level_now[48];
    std::snprintf(level_now, sizeof level_now, "level %.1f (0 none, 1 One, 2 Two)", levels.back());
    ImGui::PushStyleColor(ImGuiCol_PlotLines, palette().empathy);
    ImGui::PlotLines("##level", levels.data(), static_cast<int>(levels.size()), 0, level_now, 0.0f,
                     2.0f, size);
    ImGui::PopStyleColor();
    record_item(app, "progress:level-chart", Item::Static);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextWrapped("Oldest on the left. Hover a chart for each %s's value.", by_day ? "day" : "answer");
    ImGui::PopStyleColor();
}

void ProgressView::draw_mistakes(AppState& app, const ProgressSummary& s) {
    bold_text(app, "Mistakes per week");
    const int first = std::max(0, static_cast<int>(s.per_week.size()) - kWeeksShown);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    // Exactly the rows shown, plus room for the horizontal scrollbar a narrow window needs.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
    const float height = row_h * static_cast<float>(static_cast<int>(s.per_week.size()) - first + 1) +
                         style.ScrollbarSize + 2;
    if (ImGui::BeginTable("##weeks", 2 + static_cast<int>(kMistakeCount), flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Week");
        ImGui::TableSetupColumn("Answers");
        for (Mistake m : kAllMistakes) {
            ImGui::TableSetupColumn(mistake_titles(app, {m}).c_str());
        }
        ImGui::TableHeadersRow();
        for (int i = static_cast<int>(s.per_week.size()) - 1; i >= first; --i) {
            const WeekPoint& w = s.per_week[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(w.week.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", w.attempts);
            for (Mistake m : kAllMistakes) {
                ImGui::TableNextColumn();
                const int n = w.mistakes[static_cast<std::size_t>(m)];
                if (n > 0) {
                    ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
                    ImGui::Text("%d", n);
                    ImGui::PopStyleColor();
                } else {
                    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
                    ImGui::TextUnformatted("-");
                    ImGui::PopStyleColor();
                }
            }
        }
        ImGui::EndTable();
    }
    record_item(app, "progress:weeks", Item::Static);
}

void ProgressView::draw_scenarios(AppState& app, const ProgressSummary& s) {
    bold_text(app, "Best level per scenario");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##scenarios", 4, flags)) {
        ImGui::TableSetupColumn("Scenario", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Best level", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("Best score", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Answers", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const ScenarioBest& b : s.best_per_scenario) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const Scenario* sc = app.find_scenario(b.scenario_id);
            const std::string title = sc != nullptr                  ? sc->title
                                      : b.scenario_id == "real-talk" ? "Real talk (couples)"
                                      : b.scenario_id == "check-in"  ? "Daily check-in (shared feelings)"
                                                                     : b.scenario_id;
            ImGui::TextWrapped("%s", title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(level_name(b.best_level));
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.best_score);
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.attempts);
        }
        ImGui::EndTable();
    }
    record_item(app, "progress:scenarios", Item::Static);
}

void ProgressView::draw_actions(AppState& app) {
    // The buttons wrap onto new lines when a large font leaves no room beside each other.
    const char* delete_label = "Delete all history\xE2\x80\xA6";
    if (action_button(app, "Export CSV", "progress:export-csv")) {
        app.export_history(false);
    }
    same_line_if_fits(action_button_width("Export JSON"), em(0.8f));
    if (action_button(app, "Export JSON", "progress:export-json")) {
        app.export_history(true);
    }
    same_line_if_fits(action_button_width(delete_label), em(0.8f));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
    if (action_button(app, delete_label, "progress:delete")) {
        confirm_delete_ = true;
    }
    ImGui::PopStyleColor();
    bool keep = app.settings().keep_response_words;
    if (ImGui::Checkbox("Keep the words of my answers", &keep)) {
        app.settings().keep_response_words = keep;
        app.save_settings();
    }
    record_item(app, "progress:keep-words");
    dim_text_wrapped(keep ? "Your words are kept with each answer."
                          : "Only levels, scores and mistakes are kept, not your words.");
    dim_text_wrapped(("Saved on this computer only: " + app.history->file().string()).c_str());

    if (confirm_delete_) {
        ImGui::OpenPopup("Delete all history?");
        confirm_delete_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(em(26), ImGui::GetMainViewport()->WorkSize.x * 0.9f), 0));
    if (ImGui::BeginPopupModal("Delete all history?", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::TextWrapped("Every answer, score and streak will be deleted from this computer. "
                           "This cannot be undone.");
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().mistake);
        if (action_button(app, "Delete everything", "progress:delete-confirm")) {
            app.delete_history();
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopStyleColor();
        ImGui::SameLine(0, em(0.8f));
        if (action_button(app, "Keep it", "progress:delete-cancel") ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace et::ui
