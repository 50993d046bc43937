# Opens a scenario, types an answer as a person would, sends it with Ctrl+Enter and checks
# the trace for the score; then a screenshot of the feedback and Ctrl+Q.
source "$(dirname "$0")/common.sh"
in_xvfb "$@"
fresh_config

start_app --scenarios "$SCENARIOS" --open fear-friend-fight --trace "$WORK/trace.jsonl"
wait_for_line "$WORK/trace.jsonl" 20 '"event":"app_started"'
wait_for_line "$WORK/trace.jsonl" 5 '"event":"scenario_opened".*"scenario":"fear-friend-fight"'
# The answer box has the keyboard when a step opens.
wait_for_line "$WORK/trace.jsonl" 5 '"event":"text_box_active".*"id":"practice:answer"'
xdotool type --delay 15 "No wonder you're anxious; after feeling so alone growing up, your friendships mean everything."
xdotool key --clearmodifiers ctrl+Return
wait_for_line "$WORK/trace.jsonl" 15 '"event":"response_scored".*"level":2.*"source":"typed"'
grep -E '"event":"response_scored"' "$WORK/trace.jsonl" | grep -q '"step":"share"' || {
    echo "FAIL: response_scored is not for step share"; cat "$WORK/trace.jsonl"; exit 1; }
sleep 0.3 # only for the picture: let the last frames after the key reach the screen
screenshot_not_blank "$OUT_DIR/feedback.png"
quit_cleanly
echo PASS
