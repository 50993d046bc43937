# Without a display the app prints exactly one clear line on stderr and exits 1.
set -uo pipefail
: "${APP:?}"
err=$(mktemp)
DISPLAY= WAYLAND_DISPLAY= "$APP" 2>"$err" >/dev/null
status=$?
lines=$(wc -l <"$err")
echo "exit $status; stderr: $(cat "$err")"
rm -f "$err"
[[ $status -eq 1 ]] || { echo "FAIL: expected exit 1"; exit 1; }
[[ $lines -eq 1 ]] || { echo "FAIL: expected one line on stderr, got $lines"; exit 1; }
echo PASS
