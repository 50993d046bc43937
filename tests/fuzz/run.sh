#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (FUZZ_SECONDS each, default 30) with
# seed corpora from the repository; fails on any crash, leak or sanitizer report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/fuzz}"
seconds="${FUZZ_SECONDS:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/scenario" "$work/criteria" "$work/scorer" "$work/disclosure" "$work/disclosure_criteria" "$work/json" \
         "$work/cue_table"
cp "$root"/scenarios/*.json "$work/scenario/"
cp "$root"/tests/data/scenarios/broken/*.json "$work/scenario/" 2>/dev/null || true
cp "$root"/tests/fuzz/seeds/scenario/* "$work/scenario/" # inputs that once crashed a loader
cp "$root"/assets/criteria/default.json "$work/criteria/"
head -n 200 "$root"/assets/criteria/default-cues.tsv > "$work/cue_table/head.tsv" # a small seed mutates faster
cp "$root"/assets/criteria/disclosure.json "$work/disclosure_criteria/"
cp "$root"/scenarios/*.json "$root"/assets/criteria/*.json "$work/json/"
python3 - "$root" "$work/scorer" <<'PY'
import json, sys, pathlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for i, line in enumerate((root / "tests/data/scoring/cases.jsonl").read_text().splitlines()[:60]):
    (out / f"case{i}.txt").write_text(json.loads(line)["response"])
PY
python3 - "$root" "$work/disclosure" <<'PY'
import json, sys, pathlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for i, line in enumerate((root / "tests/data/disclosure/cases.jsonl").read_text().splitlines()):
    (out / f"case{i}.txt").write_text(json.loads(line)["text"])
PY

status=0
for target in fuzz_scenario_loader:scenario fuzz_criteria_loader:criteria fuzz_scorer:scorer \
              fuzz_disclosure:disclosure fuzz_disclosure_loader:disclosure_criteria \
              fuzz_json_parse:json fuzz_cue_table:cue_table; do
    name="${target%%:*}"
    corpus="$work/${target##*:}"
    echo "fuzz: $name for ${seconds}s"
    if ! "$build/tests/fuzz/$name" -max_total_time="$seconds" -max_len=200000 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 "$corpus" > "$work/$name.log" 2>&1; then
        echo "fuzz: $name FAILED" >&2
        tail -n 60 "$work/$name.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|Done" "$work/$name.log" | tail -n 2
    fi
done
exit "$status"
