#!/usr/bin/env bash
# `make demo`: the reference server plus QGIS with the plugin, in a throw-away profile.
#
# With a display QGIS stays open for you; the server stops when QGIS closes.
# Without one (no $DISPLAY) QGIS runs under xvfb-run, saves screenshots of the plugin's
# panels into screenshots/ and quits; the run fails if they were not written.
# Environment: PORT (8765; another free one if busy), DEMO_LANG (e.g. fr: French UI,
# screenshots named *-fr.png),
# DEMO_LOGIN (a demo account to sign in through the device page automatically; default
# alice when headless, nobody with a display: you log in yourself; empty: no login),
# DEMO_TIMEOUT (180 s, headless only), DEMO_DATA (.data/demo, kept between demos),
# DEMO_PLUGIN (the plugin folder to install, build/dinamis).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
PORT=${PORT:-8765}
DEMO_DATA=${DEMO_DATA:-.data/demo}
DEMO_LANG=${DEMO_LANG:-}
DEMO_LOGIN=${DEMO_LOGIN-default}
DEMO_TIMEOUT=${DEMO_TIMEOUT:-180}
LOGS=$ROOT/.data/demo-logs
SHOTS=$ROOT/screenshots
mkdir -p "$LOGS" "$SHOTS"
# The data folder outlives demos (fast second start) but not a change of the server's code,
# whose schema or catalogue may have changed: then it is generated again.
code_hash=$(find tests/reference_server -type f ! -name '*.pyc' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)
if [ -f "$DEMO_DATA/dinamis.sqlite" ] && [ "$(cat "$DEMO_DATA/.server-code" 2>/dev/null)" != "$code_hash" ]; then
  echo "demo: the reference server's code changed since $DEMO_DATA was made: regenerating it"
  rm -rf "$DEMO_DATA"
fi
mkdir -p "$DEMO_DATA"
SERVER_LOG=$LOGS/server.log
QGIS_LOG=$LOGS/qgis.log
say() { echo "demo: $*"; }
show_qgis_log() {  # the lines that explain a failure, not a crash handler's backtrace
  say "from $QGIS_LOG:" >&2
  grep -v -E '^(#[0-9]|No symbol|No locals|\[Inferior|gdb returned|[[:space:]])' "$QGIS_LOG" \
    | grep -v -E '^$' | head -n 40 >&2 || true
}

[ -x "$PY" ] || { say "no venv at $PY: run 'make plugin' (it bootstraps) first" >&2; exit 1; }
[ -f "${DEMO_PLUGIN:-build/dinamis}/__init__.py" ] || { say "build/dinamis missing: run 'make plugin' first" >&2; exit 1; }

port_free() { "$PY" -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" "$1" 2>/dev/null; }
if ! port_free "$PORT"; then
  busy=$PORT
  PORT=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  say "port $busy is busy: using $PORT instead"
fi
URL=http://127.0.0.1:$PORT

SERVER_PID=""
PROFILES=$(mktemp -d "${TMPDIR:-/tmp}/dinamis-demo.XXXXXX")
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    say "stopping the reference server (pid $SERVER_PID)"
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$PROFILES"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting the reference server on $URL (data: $DEMO_DATA, log: $SERVER_LOG)"
[ -f "$DEMO_DATA/dinamis.sqlite" ] || say "first start: generating the catalogue, this takes a while"
# The server masks presigned signatures in its own access log (log_redaction.py).
PYTHONUNBUFFERED=1 "$PY" -m tests.reference_server --host 127.0.0.1 --port "$PORT" \
  --data "$DEMO_DATA" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
started=$(date +%s)
healthy() {  # python, not curl: a fresh Debian may lack curl
  "$PY" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$URL/health" 2>/dev/null
}
until healthy; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    say "the reference server exited; its log ($SERVER_LOG) ends with:" >&2
    tail -n 30 "$SERVER_LOG" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -gt 600 ]; then say "server not up after 600 s" >&2; exit 1; fi
  sleep 0.5
done
say "server up after $(( $(date +%s) - started )) s"
echo "$code_hash" >"$DEMO_DATA/.server-code"
sed -n '/^ \* /q;p' "$SERVER_LOG"   # its banner: service urls and demo accounts

PROFILE=$("$PY" scripts/demo_profile.py --profiles-path "$PROFILES" --url "$URL" \
  --lang "$DEMO_LANG" --plugin "${DEMO_PLUGIN:-build/dinamis}")
say "throw-away QGIS profile: $PROFILE"

RESULT=$PROFILES/result.json
export DINAMIS_DEMO_URL=$URL DINAMIS_DEMO_SHOTS=$SHOTS DINAMIS_DEMO_RESULT=$RESULT
export DINAMIS_DEMO_LANG=$DEMO_LANG DINAMIS_DEMO_LOGS=$LOGS DINAMIS_DEMO_SCRIPTS=$ROOT/scripts
export PYQGIS_STARTUP=$ROOT/scripts/demo_startup.py  # early pass: unlock the auth db
QGIS_ARGS=(--profiles-path "$PROFILES" --profile dinamis-demo --nologo --noversioncheck
           --code "$ROOT/scripts/demo_startup.py")
# QGIS must draw a real window, whatever the Makefile exports for the tests.
unset QT_QPA_PLATFORM
# Keep the demo's login out of the person's own keyring: with no session bus the plugin
# falls back to the throw-away profile's auth database (demo_startup.py unlocks it).
export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/dinamis-demo
# No Qt debug chatter in the log (QGIS's auth code prints hashes at debug level).
export QT_LOGGING_RULES="*.debug=false"

if [ -n "${DISPLAY:-}" ]; then
  [ "$DEMO_LOGIN" = default ] && DEMO_LOGIN=""
  # Screenshots are for the headless run (fixed window size); yours would replace them.
  export DINAMIS_DEMO_QUIT=0 DINAMIS_DEMO_LOGIN=$DEMO_LOGIN DINAMIS_DEMO_SHOTS=""
  say "starting QGIS on $DISPLAY (log: $QGIS_LOG); close QGIS to end the demo"
  say "to log in: DINAMIS account panel > Log in..., then on $URL/realms/dinamis/device"
  say "  use a demo account above (e.g. alice, password dinamis)"
  set +e
  qgis "${QGIS_ARGS[@]}" >"$QGIS_LOG" 2>&1
  rc=$?
  set -e
  say "QGIS exited with code $rc"
  if [ "$rc" != 0 ] && [ ! -s "$RESULT" ]; then  # it never got as far as the demo script
    say "QGIS failed before the demo started" >&2
    show_qgis_log
    exit 1
  fi
  exit 0
fi

[ "$DEMO_LOGIN" = default ] && DEMO_LOGIN=alice
export DINAMIS_DEMO_QUIT=1 DINAMIS_DEMO_LOGIN=$DEMO_LOGIN
say "no display: QGIS under xvfb-run, screenshots into $SHOTS, timeout ${DEMO_TIMEOUT} s (log: $QGIS_LOG)"
t0=$(date +%s)
set +e
timeout --kill-after=10 "$DEMO_TIMEOUT" \
  xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" qgis "${QGIS_ARGS[@]}" >"$QGIS_LOG" 2>&1
rc=$?
set -e
say "QGIS ran $(( $(date +%s) - t0 )) s, exit code $rc"
[ "$rc" = 124 ] && say "QGIS timed out after ${DEMO_TIMEOUT} s" >&2
[ "$rc" != 0 ] && [ "$rc" != 124 ] && [ -s "$RESULT" ] && say "warning: QGIS ended with code $rc after the demo script finished (crash at exit?)" >&2
if [ ! -s "$RESULT" ]; then
  say "QGIS did not finish the demo script (no $RESULT)" >&2
  show_qgis_log
  exit 1
fi
if ! "$PY" - "$RESULT" <<'EOF'
"""Print what the startup script did; fail when a required screenshot is missing."""
import json, os, sys
result = json.load(open(sys.argv[1]))
for note in result.get("notes", []):
    print("demo:   " + note)
missing = [p for p in result.get("screenshots", []) if not os.path.getsize(p)]
for path in result.get("screenshots", []):
    print(f"demo: screenshot {os.path.relpath(path)} ({os.path.getsize(path) // 1024} KB)")
problems = result.get("errors", []) + [f"empty screenshot {p}" for p in missing]
if not result.get("screenshots"):
    problems.append("no screenshot was written")
for problem in problems:
    print("demo: FAILED: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
then
  show_qgis_log
  exit 1
fi
say "done"
