#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, builds, runs the
# core, ui and e2e tests, the core and ui tests again under ASan+UBSan, the tests of the
# loaders' threads under TSan, and the fuzzers for a bounded time. This is the README's test
# command and what CI runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="$(nproc 2>/dev/null || echo 2)"
step() { printf '\n==== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step "dependencies"
bash third_party/install-deps.sh

step "release build"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"

step "tests: core, ui, e2e"
ctest --preset release -j "$jobs"

step "core and ui tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j "$jobs"

step "the loaders' threads under ThreadSanitizer"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
TSAN_OPTIONS=halt_on_error=1 ctest --preset tsan -j "$jobs"

step "fuzzing the JSON reader, the loaders, the cue table, the scorer and the disclosure analyser (${FUZZ_SECONDS:-30}s each)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target fuzz_scenario_loader fuzz_criteria_loader fuzz_scorer \
    fuzz_disclosure fuzz_disclosure_loader fuzz_json_parse fuzz_cue_table
bash tests/fuzz/run.sh "$root/build/fuzz"

step "all tests passed"
