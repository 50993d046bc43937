# Starts the real app under Xvfb, checks the window shows something, quits with Ctrl+Q.
source "$(dirname "$0")/common.sh"
in_xvfb "$@"
fresh_config

start_app --trace "$WORK/trace.jsonl"
wait_for_line "$WORK/trace.jsonl" 20 '"event":"app_started"'
screenshot_not_blank "$OUT_DIR/smoke.png"
quit_cleanly
wait_for_line "$WORK/trace.jsonl" 5 '"event":"app_quit"'
[[ -f "$XDG_CONFIG_HOME/empathy-trainer/imgui.ini" || -d "$XDG_CONFIG_HOME/empathy-trainer" ]] || {
    echo "FAIL: config directory not created"; exit 1; }
echo PASS
