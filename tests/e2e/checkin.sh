# The daily check-in from the keyboard: start on it with --mode checkin, answer two questions
# (Tab moves between boxes), look at the live feedback, finish with Ctrl+Enter and check the
# trace for the reflection (and for the absence of the words); then Ctrl+Q.
source "$(dirname "$0")/common.sh"
in_xvfb "$@"
fresh_config

start_app --scenarios "$SCENARIOS" --mode checkin --trace "$WORK/trace.jsonl"
wait_for_line "$WORK/trace.jsonl" 20 '"event":"app_started"'
wait_for_line "$WORK/trace.jsonl" 5 '"event":"checkin_opened"'
# The first box has the keyboard when the screen opens.
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"checkin:answer:mad"'
xdotool type --delay 15 "I went to the gym and then cooked dinner."
xdotool key --clearmodifiers Tab
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"checkin:answer:sad"'
xdotool type --delay 15 "I felt so lonely when nobody called."
xdotool key --clearmodifiers Tab
# The next box taking the keyboard means the frames after the typing were drawn.
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"checkin:answer:glad"'
sleep 0.3 # only for the picture
screenshot_not_blank "$OUT_DIR/checkin-live.png"
xdotool key --clearmodifiers ctrl+Return
wait_for_line "$WORK/trace.jsonl" 10 '"layer":"outer".*"layer":"inner".*"event":"checkin_analysed"'
wait_for_line "$WORK/trace.jsonl" 10 '"event":"checkin_finished".*"inner":[1-9]'
grep -E '"event":"checkin_finished"' "$WORK/trace.jsonl" | grep -q '"answers":2' || {
    echo "FAIL: checkin_finished does not count two answers"; cat "$WORK/trace.jsonl"; exit 1; }
# Privacy: the user's words never reach the trace.
if grep -Eq "lonely|gym" "$WORK/trace.jsonl"; then
    echo "FAIL: check-in words in the trace"; exit 1
fi
sleep 0.3 # only for the picture
screenshot_not_blank "$OUT_DIR/checkin.png"
quit_cleanly
echo PASS
