# The scenario format: loader and `validate` table tests, and the schema agreement test.

add_executable(scenario_tests ${CMAKE_CURRENT_LIST_DIR}/scenario_loader_test.cpp)
target_compile_options(scenario_tests PRIVATE ${ET_WARNINGS})
target_compile_definitions(scenario_tests PRIVATE
    ET_TEST_DATA="${ET_TEST_DATA}"
    ET_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ET_APP="$<TARGET_FILE:empathy-trainer>")
target_link_libraries(scenario_tests PRIVATE empathy_core GTest::gtest_main)
# The CLI half runs the real binary, so it must be built first.
add_dependencies(scenario_tests empathy-trainer)
# The prefix lets `ctest -R scenario` pick out these tests among all the others.
gtest_discover_tests(scenario_tests TEST_PREFIX "scenario." PROPERTIES LABELS core
    DISCOVERY_TIMEOUT 60)

# Debian's python3-jsonschema (third_party/debian-packages.txt) is installed for
# /usr/bin/python3, not for whichever python3 comes first on PATH (pyenv, a venv); a
# -DPython3_EXECUTABLE=... given on the command line still wins.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
    add_test(NAME scenario_schema_agreement
        COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/../tools/check_schema.py
            --schema ${PROJECT_SOURCE_DIR}/scenarios/schema.json
            --scenarios ${PROJECT_SOURCE_DIR}/scenarios
            --broken ${ET_TEST_DATA}/scenarios/broken
            --valid ${ET_TEST_DATA}/scenarios/warnings)
    set_tests_properties(scenario_schema_agreement PROPERTIES LABELS core)
else()
    message(WARNING "No Python 3 interpreter: the scenario schema agreement test is not built")
endif()
