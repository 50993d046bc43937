// Shared helpers for core tests: the default criteria, loaded once, and data paths.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/criteria.hpp"

namespace et::test {

inline const Criteria& default_criteria() {
    static const Criteria criteria = [] {
        auto load = load_criteria_file(std::string(ET_SOURCE_DIR) + "/assets/criteria/default.json");
        if (!load.criteria) {
            for (const auto& d : load.problems) {
                ADD_FAILURE() << d.to_string();
            }
            std::abort();
        }
        return std::move(*load.criteria);
    }();
    return criteria;
}

inline std::string data_path(const std::string& relative) {
    return std::string(ET_TEST_DATA) + "/" + relative;
}

inline std::string source_path(const std::string& relative) {
    return std::string(ET_SOURCE_DIR) + "/" + relative;
}

} // namespace et::test
