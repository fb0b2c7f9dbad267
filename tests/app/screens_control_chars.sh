#!/usr/bin/env bash
# Process-level test of issue 13 (D3): control characters a heartbeat carries never reach the
# admin's terminal. A heartbeat with ESC, BEL, CR/LF and C1 in hall and sync.error is stored
# escaped; a raw row as an older server stored it (put into the database with sqlite3) is escaped
# by `hallboard screens` and `hallboard report` themselves.
# usage: screens_control_chars.sh PATH/TO/hallboard
set -u
hallboard=$1
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for file in screens.out report.out serve.log; do
    [ -f "$work/$file" ] && { echo "--- $file:" >&2; cat -v "$work/$file" >&2; }
  done
  exit 1
}

mkdir -p "$work/tree/versions/3"
printf '{"format": 1, "version": 3, "blobs": []}' >"$work/tree/manifest.json"
head -c 64 /dev/urandom | base64 -w0 >"$work/tree/manifest.json.sig"
echo >>"$work/tree/manifest.json.sig"
cp "$work/tree/manifest.json" "$work/tree/manifest.json.sig" "$work/tree/versions/3/"
(umask 077; printf 'screens-%s\n' "$(head -c 24 /dev/urandom | base64 -w0 | tr '/+' '_-')" >"$work/token")

start_server() {
  "$hallboard" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" 2>"$work/serve.log" &
  server_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/serve.log" 2>/dev/null | grep -o '[0-9]*$')
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited before listening"
    sleep 0.1
  done
  [ -n "$port" ] || fail "the server did not say where it listens within 10 s"
  base="http://127.0.0.1:$port"
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid"
  server_pid=""
}
# Printable output only: no byte below 0x20 but the newline, no DEL, no C1 (U+0080-U+009F).
assert_clean() {
  if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; then
    fail "$(basename "$1") holds control characters"
  fi
}

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
today=$(date +%Y-%m-%d)
# JSON escapes: ESC clear-screen, an OSC title ended by BEL, CR LF and a forged row, C1 CSI.
hall='\u001b[2J\u001b]0;pwned\u0007城西\r\nhz-forged-01  ok\u009b31m'
start_server
curl -sS --max-time 5 -o "$work/answer.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary \
  "{\"screen\": \"hz-chengxi-01\", \"hall\": \"$hall\", \"version\": 3, \"current_notice\": \"tariff\", \"uptime_s\": 60, \"interval_s\": 60, \"sent_at\": \"$now\", \"sync\": {\"result\": \"failed\", \"error\": \"refused\\u001b[8m\", \"at\": \"$now\"}, \"plays\": [{\"date\": \"$today\", \"notice\": \"tariff\", \"count\": 2, \"seconds\": 20}]}" \
  "$base/api/heartbeat" >"$work/status" || fail "POST /api/heartbeat failed"
[ "$(cat "$work/status")" = 200 ] || fail "the heartbeat was answered $(cat "$work/status"): $(cat "$work/answer.json")"

"$hallboard" screens --server "$base" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "hallboard screens exited with $?"
assert_clean "$work/screens.out"
grep -qF 'hz-chengxi-01  \x1b[2J\x1b]0;pwned\x07城西\x0d\x0ahz-forged-01  ok\u{9b}31m' "$work/screens.out" || fail "the hall is not shown escaped"
grep -qF 'last sync failed at '"$now"': refused\x1b[8m' "$work/screens.out" || fail "the sync error is not shown escaped"
[ "$(grep -c '^hz-' "$work/screens.out")" -eq 2 ] || fail "a row was forged (expected the screen's row and its sync line)"

# A row as a server before the fix stored it: raw ESC and newline in the database.
stop_server
printf "UPDATE screens SET hall = 'raw' || char(27) || '[31m' || char(10) || 'forged', sync_error = 'x' || char(7) WHERE screen = 'hz-chengxi-01';\nUPDATE plays SET hall = 'raw' || char(27) || '[31m';\n" \
  | sqlite3 "$work/tree/state/screens.sqlite" || fail "cannot change the database"
start_server
"$hallboard" screens --server "$base" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "hallboard screens exited with $?"
assert_clean "$work/screens.out"
grep -qF 'raw\x1b[31m\x0aforged' "$work/screens.out" || fail "a raw stored hall is not escaped by screens"
"$hallboard" report --server "$base" --token-file "$work/token" --since "$today" >"$work/report.out" 2>&1 || fail "hallboard report exited with $?"
assert_clean "$work/report.out"
grep -qF 'raw\x1b[31m' "$work/report.out" || fail "a raw stored hall is not escaped by report"
stop_server
echo "ok: control characters stored escaped, and escaped again on output"
