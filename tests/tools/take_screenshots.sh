#!/usr/bin/env bash
# Retakes the README's screenshots of the library, practice, feedback and settings screens:
# the real app under Xvfb at 1280x800, driven by xdotool as in the e2e tests.
# Usage: tests/tools/take_screenshots.sh BUILD_DIR [OUT_DIR]   (default assets/screenshots)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export APP="$(cd "${1:?build dir}" && pwd)/src/empathy-trainer"
out="$(mkdir -p "${2:-$root/assets/screenshots}" && cd "${2:-$root/assets/screenshots}" && pwd)"
source "$root/tests/e2e/common.sh"
in_xvfb "$@"

# One app per screenshot, each with a fresh config and history.
shoot() { # name, then a function that drives the app
    local name=$1 drive=$2
    fresh_config
    start_app --trace "$WORK/trace.jsonl" "${START_ARGS[@]}"
    wait_for_line "$WORK/trace.jsonl" 20 '"app_started"'
    "$drive"
    import -window root "$out/$name.png"
    xdotool key --window "$WINDOW" ctrl+q
    wait "$APP_PID" || true
    APP_PID=
    rm -rf "$WORK"
    echo "wrote $out/$name.png"
}

library() { xdotool mousemove 200 400; sleep_frames; }
# A few frames for hover and layout to settle after the last input (no event to wait for).
sleep_frames() { sleep 0.5; }

practice() {
    wait_for_line "$WORK/trace.jsonl" 10 '"text_box_active"'
    xdotool type --delay 5 "That sounds really lonely and confusing, especially after all the years you two have known each other and everything you went through together at school and after it"
    sleep_frames
}

feedback() {
    wait_for_line "$WORK/trace.jsonl" 10 '"text_box_active"'
    xdotool type --delay 5 "Of course you're anxious, Jess was your first real friend. Just text her again tonight."
    xdotool key ctrl+Return
    wait_for_line "$WORK/trace.jsonl" 10 '"response_scored"'
    sleep_frames
}

settings() {
    xdotool mousemove 530 16 click 1 # the menu bar's Settings
    wait_for_line "$WORK/trace.jsonl" 10 '"page":"settings"'
    sleep_frames
}

START_ARGS=(); shoot library library
START_ARGS=(--open fear-friend-fight); shoot practice practice
START_ARGS=(--open fear-friend-fight); shoot feedback feedback
START_ARGS=(); shoot settings settings
