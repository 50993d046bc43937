#!/usr/bin/env bash
# Regenerates the handout golden files (tests/data/handout/*.html, *.md) from a build, after a
# deliberate change to the handout or the engine. Review the diff before committing it.
# usage: tests/tools/update_handout_golden.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$here/build/release}"
tests="$build/tests/core_tests"
if [[ ! -x "$tests" ]]; then
    echo "update_handout_golden.sh: no $tests; build first (cmake --build $build)" >&2
    exit 2
fi
ET_UPDATE_GOLDEN=1 "$tests" --gtest_filter='HandoutGolden.*'
git -C "$here" diff --stat -- tests/data/handout/
