#!/usr/bin/env bash
# Compares two builds of a benchmark side by side on a noisy machine: runs OLD and NEW
# alternately N times and prints each pair of medians, the median of each, and their ratio.
# Usage: tests/bench/ab.sh N OLD_CORE_BENCH NEW_CORE_BENCH [BENCHMARK_FILTER]
# e.g.   tests/bench/ab.sh 12 /tmp/before/build/tests/bench/core_bench \
#            build/release/tests/bench/core_bench BM_LoadCriteria
set -euo pipefail
if [[ $# -lt 3 ]]; then
    sed -n '2,6p' "$0" >&2
    exit 2
fi
runs=$1 old=$2 new=$3 filter=${4:-BM_LoadCriteria}
median_of() { "$1" --benchmark_filter="$filter" 2>/dev/null | awk '/_median/ { print $2; exit }'; }
for _ in $(seq "$runs"); do
    echo "$(median_of "$old") $(median_of "$new")"
done | python3 -c '
import statistics, sys
pairs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
print("pairs (old/new):", " ".join(f"{a:.2f}/{b:.2f}" for a, b in pairs))
old = statistics.median(a for a, _ in pairs)
new = statistics.median(b for _, b in pairs)
ratio = statistics.median(b / a for a, b in pairs)
print(f"median old {old:.2f}, new {new:.2f}: ratio {new / old:.3f} (median of the pair ratios {ratio:.3f})")
'
