// The six listening mistakes: stable ids shared by the engine, criteria, CLI and tests.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace et {

enum class Mistake {
    Fixing,
    IUnderstand,
    Hijacking,
    ProblemSolvingQuestion,
    MakingItAboutYou,
    Dismissing,
};

inline constexpr std::size_t kMistakeCount = 6;
inline constexpr std::array<Mistake, kMistakeCount> kAllMistakes = {
    Mistake::Fixing,           Mistake::IUnderstand,      Mistake::Hijacking,
    Mistake::ProblemSolvingQuestion, Mistake::MakingItAboutYou, Mistake::Dismissing};

constexpr std::string_view mistake_id(Mistake m) {
    switch (m) {
    case Mistake::Fixing: return "fixing";
    case Mistake::IUnderstand: return "i_understand";
    case Mistake::Hijacking: return "hijacking";
    case Mistake::ProblemSolvingQuestion: return "problem_solving_question";
    case Mistake::MakingItAboutYou: return "making_it_about_you";
    case Mistake::Dismissing: return "dismissing";
    }
    return "";
}

inline std::optional<Mistake> parse_mistake(std::string_view id) {
    for (Mistake m : kAllMistakes) {
        if (mistake_id(m) == id) {
            return m;
        }
    }
    return std::nullopt;
}

} // namespace et
