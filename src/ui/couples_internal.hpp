// Small helpers shared by the couples screens (couples_view.cpp, couples_results_view.cpp).
#pragma once

#include <numeric>
#include <vector>

namespace et::ui {

inline double average(const std::vector<int>& values) {
    return values.empty() ? 0.0
                          : std::accumulate(values.begin(), values.end(), 0.0) /
                                static_cast<double>(values.size());
}

} // namespace et::ui
