# Shared helpers for the e2e tests: run a script body inside a fresh Xvfb server, start
# the app, wait for its window, and check screenshots. Sourced, not run.
set -euo pipefail

: "${APP:?APP must point at the empathy-trainer executable}"
: "${OUT_DIR:=$(mktemp -d)}"
SCREEN="1280x800x24"

# Re-runs the calling script inside xvfb-run unless it already is inside one.
in_xvfb() {
    if [[ "${ET_IN_XVFB:-}" != 1 ]]; then
        ET_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 $SCREEN" bash "$0" "$@"
    fi
}

# A private config directory, so tests never read or write the user's settings.
fresh_config() {
    WORK=$(mktemp -d)
    export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
    APP_PID=
    trap 'cleanup' EXIT
}

# Ends only the app this script started (never a process group), then removes the files.
cleanup() {
    if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}

# Starts the app with the given arguments; sets APP_PID and WINDOW.
start_app() {
    "$APP" "$@" 2>"$WORK/stderr" &
    APP_PID=$!
    WINDOW=$(timeout 20 xdotool search --sync --onlyvisible --name "Empathy Trainer" | head -n 1) || {
        echo "FAIL: no window titled 'Empathy Trainer' within 20 s"; cat "$WORK/stderr"
        kill -0 "$APP_PID" 2>/dev/null || echo "(the app is no longer running)"
        exit 1; }
    # No window manager under Xvfb: give the window the keyboard directly.
    xdotool windowfocus --sync "$WINDOW"
}

# Waits (up to $2 seconds) until the file $1 has a line matching the extended regex $3.
wait_for_line() {
    local file=$1 seconds=$2 pattern=$3
    local deadline=$((SECONDS + seconds))
    while ((SECONDS < deadline)); do
        if [[ -f "$file" ]] && grep -Eq "$pattern" "$file"; then
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: no line matching /$pattern/ in $file within $seconds s"
    [[ -f "$file" ]] && cat "$file"
    return 1
}

# Screenshot of the whole X screen; fails when it is blank (one colour, no variation).
screenshot_not_blank() {
    local png=$1
    import -window root "$png"
    local colours
    colours=$(identify -format "%k" "$png")
    echo "screenshot $png: $colours distinct colours"
    if ((colours < 50)); then
        echo "FAIL: screenshot looks blank ($colours colours)"
        return 1
    fi
}

# Sends Ctrl+Q and expects the app to exit 0 within 10 s.
quit_cleanly() {
    # Two commands: chained after a window command, `key` would use XSendEvent, which
    # applications may ignore; alone it goes through XTEST like a real keyboard.
    xdotool windowfocus --sync "$WINDOW"
    xdotool key --clearmodifiers ctrl+q
    local waited=0
    while kill -0 "$APP_PID" 2>/dev/null && ((waited < 100)); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
        echo "FAIL: the app did not quit on Ctrl+Q"
        return 1
    fi
    local status=0
    wait "$APP_PID" || status=$?
    APP_PID=
    if ((status != 0)); then
        echo "FAIL: exit status $status after Ctrl+Q"; cat "$WORK/stderr"
        return 1
    fi
}
