# Couples mode as two people would use it, keyboard only: names, a real-talk round (share,
# pass the keyboard, answer, pass back, rate how heard), the verdict; then Ctrl+Q.
source "$(dirname "$0")/common.sh"
in_xvfb "$@"
fresh_config

start_app --scenarios "$SCENARIOS" --mode couples --trace "$WORK/trace.jsonl"
wait_for_line "$WORK/trace.jsonl" 20 '"event":"app_started"'
# The first name box has the keyboard; Enter moves to the second, then starts.
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"couples:first"'
xdotool type --delay 15 "Sam"
xdotool key --clearmodifiers Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"couples:second"'
xdotool type --delay 15 "Alex"
xdotool key --clearmodifiers Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_started".*"players":\["Sam","Alex"\]'
xdotool key --clearmodifiers Return # start real talk
wait_for_line "$WORK/trace.jsonl" 10 '"event":"round_started".*"kind":"real_talk".*"speaker":"Sam"'
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_screen".*"phase":"sharing"'
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"couples:share"'
xdotool type --delay 15 "I'm so frustrated, my sister took over the wedding planning again."
xdotool key --clearmodifiers ctrl+Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_screen".*"phase":"pass_to_listener"'
xdotool key --clearmodifiers Return # Alex takes the keyboard
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_screen".*"phase":"answering"'
wait_for_line "$WORK/trace.jsonl" 10 '"event":"text_box_active".*"id":"couples:answer"'
xdotool type --delay 15 "That sounds so frustrating. Of course you're upset."
xdotool key --clearmodifiers ctrl+Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_answered".*"source":"typed"'
wait_for_line "$WORK/trace.jsonl" 10 '"event":"couples_screen".*"phase":"pass_to_speaker"'
xdotool key --clearmodifiers Return # back to Sam, who rates before seeing the verdict
wait_for_line "$WORK/trace.jsonl" 10 '"at_keyboard":"Sam".*"event":"couples_screen".*"phase":"rating"'
xdotool key --clearmodifiers 8 Return
wait_for_line "$WORK/trace.jsonl" 10 '"event":"round_rated".*"felt_heard":8.*"level":1'
# Privacy: the real-talk words never reach the trace.
if grep -q "wedding" "$WORK/trace.jsonl"; then
    echo "FAIL: real-talk words in the trace"; exit 1
fi
sleep 0.3 # only for the picture
screenshot_not_blank "$OUT_DIR/couples.png"
quit_cleanly
echo PASS
