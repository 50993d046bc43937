#!/usr/bin/env bash
# Frame cost while typing: opens a scenario in the real app under Xvfb, types 120
# characters at 10 keys per second with the live meter on, quits, and prints the per-frame
# CPU times the app traced (median, 99th percentile, worst). Usage: typing_perf.sh BUILD_DIR
set -euo pipefail
build="${1:?build dir}"
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
export XDG_CONFIG_HOME="$(mktemp -d)" XDG_DATA_HOME="$(mktemp -d)"
trace="$(mktemp)"
"$build/src/empathy-trainer" --open fear-friend-fight --trace "$trace" &
pid=$!
wid=$(timeout 20 xdotool search --sync --pid "$pid" --name "Empathy Trainer" | head -n 1)
xdotool windowactivate --sync "$wid" >/dev/null 2>&1 || xdotool windowfocus --sync "$wid"
text="No wonder you are anxious; after feeling so alone growing up, your friendships mean everything to you, Sam."
xdotool type --delay 100 "$text"
xdotool key ctrl+q
wait "$pid"
grep '"app_quit"' "$trace"
