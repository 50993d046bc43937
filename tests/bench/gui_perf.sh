#!/usr/bin/env bash
# Whole-process measurements of the real app against a bare ImGui window, side by side in
# one X server: startup to first frame (medians of N runs, alternating), resident memory
# after startup, and idle CPU over 5 seconds. Usage: gui_perf.sh BUILD_DIR [RUNS]
set -euo pipefail
build="${1:?build dir}"
runs="${2:-15}"
app="$build/src/empathy-trainer"
bare="$build/tests/bench/bare_window"
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
export XDG_CONFIG_HOME="$(mktemp -d)" XDG_DATA_HOME="$(mktemp -d)"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Startup: exec to the first frame swapped (each program reports the wall-clock time of
# its first frame), and the whole --frames 1 process for reference.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
trace="$(mktemp)"
for ((i = 0; i < runs; i++)); do
    t0=$(now_ms); first=$("$bare" --frames 1 2>/dev/null | awk '/first_frame_epoch_ms/ {print $2}')
    t1=$(now_ms); echo $((first - t0)) >> "$work/et_bare_ms"; echo $((t1 - t0)) >> "$work/et_bare_total"
    : > "$trace"
    t0=$(now_ms); "$app" --frames 1 --trace "$trace" >/dev/null 2>&1; t1=$(now_ms)
    first=$(grep -o '"epoch_ms":[0-9]*' "$trace" | cut -d: -f2)
    echo $((first - t0)) >> "$work/et_app_ms"; echo $((t1 - t0)) >> "$work/et_app_total"
done
bare_ms=$(median < "$work/et_bare_ms"); app_ms=$(median < "$work/et_app_ms")
bare_total=$(median < "$work/et_bare_total"); app_total=$(median < "$work/et_app_total")
echo "exec to first frame (median of $runs): bare ${bare_ms} ms, app ${app_ms} ms, ratio $(awk "BEGIN{printf \"%.2f\", $app_ms/$bare_ms}")"
echo "whole --frames 1 process (median of $runs): bare ${bare_total} ms, app ${app_total} ms, ratio $(awk "BEGIN{printf \"%.2f\", $app_total/$bare_total}")"

# Resident memory and idle CPU of a window left alone.
measure() { # name command... -> prints "rss_kb cpu_percent"
    "$@" >/dev/null 2>&1 &
    local pid=$!
    local deadline=$(( $(date +%s) + 20 ))
    until xdotool search --pid "$pid" >/dev/null 2>&1; do
        (( $(date +%s) < deadline )) || { echo "window never appeared" >&2; kill $pid; return 1; }
        sleep 0.1
    done
    sleep 1 # let startup work finish before the idle window opens
    local hz; hz=$(getconf CLK_TCK)
    local t1 u1 t2 u2
    read -r u1 t1 < <(awk '{print $14+$15, 0}' /proc/$pid/stat)
    local s1; s1=$(date +%s%N)
    sleep 5
    read -r u2 t2 < <(awk '{print $14+$15, 0}' /proc/$pid/stat)
    local s2; s2=$(date +%s%N)
    local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
    awk -v r="$rss" -v a="$u1" -v b="$u2" -v hz="$hz" -v s1="$s1" -v s2="$s2" \
        'BEGIN{printf "%d %.2f\n", r, 100*((b-a)/hz)/((s2-s1)/1e9)}'
}
read -r bare_rss bare_cpu < <(measure "$bare")
read -r app_rss app_cpu < <(measure "$app")
echo "resident memory: bare $((bare_rss/1024)) MB, app $((app_rss/1024)) MB, ratio $(awk "BEGIN{printf \"%.2f\", $app_rss/$bare_rss}")"
echo "idle CPU over 5 s: bare ${bare_cpu}% of a core, app ${app_cpu}% of a core"
