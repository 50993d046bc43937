// The welcome page (no scenario open, a way into the check-in) and Help/About.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace et::ui {

namespace {

// ImGui's BulletText does not wrap; at projector sizes these lines must.
void wrapped_bullet(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text);
}

void level_line(const AppState& app, int level, const char* text) {
    level_badge(app, level, false);
    ImGui::SameLine(0, em(0.6f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", text);
}

} // namespace

void draw_home(AppState& app) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + std::min(ImGui::GetContentRegionAvail().x, em(36)));
    heading(app, "Practise listening");
    ImGui::TextWrapped("Someone close to you shares a feeling. You answer, by typing in your own "
                       "words or picking an answer, and see exactly which words show empathy "
                       "and which get in the way.");
    ImGui::Spacing();
    level_line(app, 1, "Show up emotionally: name or validate the feeling.");
    level_line(app, 2, "Put yourself in their shoes: tie the feeling to what you know about them.");
    ImGui::Spacing();
    dim_text_wrapped("Pick a scenario on the left to begin. Gentle ones have one filled dot.");
    ImGui::Spacing();
    const Scenario* gentle = nullptr;
    for (const Scenario& s : app.library.scenarios) {
        if (s.difficulty == 1) {
            gentle = &s;
            break;
        }
    }
    if (gentle == nullptr && !app.library.scenarios.empty()) {
        gentle = &app.library.scenarios.front();
    }
    if (gentle != nullptr) {
        ImGui::TextWrapped("A good first one: %s.", gentle->title.c_str());
        const std::string id = gentle->id;
        ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent_text);
        if (action_button(app, "Begin", "home:start")) {
            app.open_scenario(id);
        }
        ImGui::PopStyleColor(2);
    }
    ImGui::Spacing();
    ImGui::Spacing();
    bold_text(app, "Share your own inner world");
    ImGui::TextWrapped("Listening is half of closeness; opening up is the other. The daily "
                       "check-in asks what made you mad, sad, glad or afraid today and shows, as "
                       "you write, whether you shared what you felt or only what happened.");
    if (action_button(app, "Check in", "home:checkin")) {
        app.open_checkin();
    }
    ImGui::Spacing();
    ImGui::Spacing();
    bold_text(app, "Practise together");
    dim_text_wrapped("Two of you taking turns at one keyboard, or a room with a presenter.");
    if (action_button(app, "Couples", "home:couples")) {
        app.show_page(Page::Couples);
    }
    ImGui::SameLine(0, em(0.8f));
    if (action_button(app, "Workshop", "home:workshop")) {
        app.show_page(Page::Workshop);
    }
    ImGui::PopTextWrapPos();
}

void draw_help(AppState& app) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + std::min(ImGui::GetContentRegionAvail().x, em(40)));
    heading(app, "How it works");
    ImGui::TextWrapped("Each scenario is a short conversation. Read what your partner says, and "
                       "the card of what you know about them. Then answer: type your own words "
                       "(Ctrl+Enter sends them) or pick one of the answers (click, or press its "
                       "number). The feedback shows the level, the words behind every judgement "
                       "and a stronger answer. Try again, or continue: good answers open the "
                       "conversation up, mistakes make your partner close down.");
    ImGui::Spacing();
    level_line(app, 0, "No validation of the feeling yet.");
    level_line(app, 1, "You name or validate the feeling.");
    level_line(app, 2, "You also link it to their history, wounds or personality.");
    ImGui::Spacing();
    bold_text(app, "Mistakes that shut people down");
    wrapped_bullet("Fixing: jumping to advice before they feel heard.");
    wrapped_bullet("\"I understand\": claiming to know how they feel.");
    wrapped_bullet("Hijacking: turning to your own story.");
    wrapped_bullet("Problem-solving questions: \"What will you do about it?\"");
    wrapped_bullet("Making it about you: their feeling as your inconvenience.");
    wrapped_bullet("Dismissing: \"Don't worry\", \"At least...\", \"You're overreacting\".");
    ImGui::Spacing();
    bold_text(app, "Keys");
    wrapped_bullet("Tab / arrow keys: move between controls; Space or Enter: activate");
    wrapped_bullet("1-9: pick an answer; Ctrl+Enter: send what you typed (or finish a check-in)");
    wrapped_bullet("Esc: leave the text box, then back out; Ctrl+Q: quit");
    ImGui::Spacing();
    bold_text(app, "About");
    ImGui::TextWrapped("Empathy Trainer %s. Offline and private: nothing you type leaves this "
                       "computer. Settings: %s", ET_VERSION,
                       app.settings_store.file().string().c_str());
    ImGui::PopTextWrapPos();
}

} // namespace et::ui
