# Workshop presenter mode from the keyboard, as with a clicker: reveal answers one at a time,
# reveal their levels, score a suggestion from the room, compare two answers; then Ctrl+Q.
source "$(dirname "$0")/common.sh"
in_xvfb "$@"
fresh_config

start_app --scenarios "$SCENARIOS" --mode workshop --open fear-friend-fight \
    --trace "$WORK/trace.jsonl"
wait_for_line "$WORK/trace.jsonl" 20 '"event":"app_started"'
wait_for_line "$WORK/trace.jsonl" 5 '"event":"workshop_opened".*"scenario":"fear-friend-fight"'
xdotool key --clearmodifiers Right
wait_for_line "$WORK/trace.jsonl" 5 '"event":"workshop_forward".*"revealed":\[false\].*"shown":1'
xdotool key --clearmodifiers Right
wait_for_line "$WORK/trace.jsonl" 5 '"event":"workshop_forward".*"revealed":\[false,false\].*"shown":2'
xdotool key --clearmodifiers r
wait_for_line "$WORK/trace.jsonl" 5 '"event":"workshop_revealed".*"revealed":\[true,true\]'
xdotool key --clearmodifiers s
wait_for_line "$WORK/trace.jsonl" 5 '"event":"text_box_active".*"id":"workshop:suggestion"'
xdotool type --delay 15 "No wonder you're scared; Jess was your first real friend."
xdotool key --clearmodifiers Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"suggestion_scored".*"level":2'
xdotool key --clearmodifiers c
wait_for_line "$WORK/trace.jsonl" 5 '"event":"workshop_compare"'
sleep 0.3 # only for the picture
screenshot_not_blank "$OUT_DIR/workshop.png"
quit_cleanly
echo PASS
