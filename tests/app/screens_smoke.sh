#!/usr/bin/env bash
# Process-level test of screen status: `hallboard serve` takes heartbeats of three screens
# (sent with curl, as a player would); one stops sending and uses a short interval, one is a
# version behind with a clock ten minutes slow. `hallboard screens` must show the first stale
# and the third behind, `hallboard report` the plays; after a restart the screens are still known.
# usage: screens_smoke.sh PATH/TO/hallboard
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
    [ -f "$work/$file" ] && { echo "--- $file:" >&2; cat "$work/$file" >&2; }
  done
  exit 1
}

# A published tree at version 3 (the server checks shapes, not signatures).
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
  local status=$?
  server_pid=""
  [ "$status" -eq 0 ] || fail "the server exited with $status after SIGTERM"
}

today=$(date +%Y-%m-%d)
# heartbeat SCREEN HALL VERSION INTERVAL SENT_AT PLAYS_JSON
heartbeat() {
  local body
  body=$(printf '{"screen": "%s", "hall": "%s", "version": %s, "current_notice": "tariff-residential", "uptime_s": 600, "interval_s": %s, "sent_at": "%s", "sync": {"result": "ok", "error": null, "at": "%s"}, "plays": %s}' \
    "$1" "$2" "$3" "$4" "$5" "$5" "$6")
  local answer
  answer=$(curl -sS --max-time 5 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "$body" "$base/api/heartbeat") \
    || fail "POST /api/heartbeat for $1 failed"
  [ "$(echo "$answer" | tail -1)" = 200 ] || fail "heartbeat of $1 answered: $answer"
  echo "$answer" | head -1 | grep -q '"thumbnail_requested":false' || fail "unexpected answer for $1: $answer"
}
now_utc() { date -u +%Y-%m-%dT%H:%M:%SZ; }
tariff_plays() { printf '[{"date": "%s", "notice": "tariff-residential", "count": %s, "seconds": %s}, {"date": "%s", "notice": "hotlines", "count": 2, "seconds": 16}]' "$today" "$1" "$2" "$today"; }

start_server
# hz-chengxi-01 reports every second and then falls silent: stale after three seconds.
heartbeat hz-chengxi-01 "城西供电营业厅" 3 1 "$(now_utc)" "$(tariff_plays 12 240)"
heartbeat hz-binjiang-01 "滨江供电营业厅" 3 60 "$(now_utc)" "$(tariff_plays 8 160)"
# hz-xiaoshan-01 is a version behind, its clock ten minutes slow, and it never showed the tariff.
heartbeat hz-xiaoshan-01 "萧山供电营业厅" 2 60 "$(date -u -d '-10 min' +%Y-%m-%dT%H:%M:%SZ)" \
  "[{\"date\": \"$today\", \"notice\": \"hotlines\", \"count\": 5, \"seconds\": 40}]"
# A restarted player reports smaller totals for today: they must not lower the day's figures.
heartbeat hz-binjiang-01 "滨江供电营业厅" 3 60 "$(now_utc)" "$(tariff_plays 1 20)"

# Times are whole seconds on both sides: 5 s is safely more than three 1-second intervals.
sleep 5
heartbeat hz-binjiang-01 "滨江供电营业厅" 3 60 "$(now_utc)" "[]"

"$hallboard" screens --server "$base" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "hallboard screens exited with $?"
grep -Eq '^hz-chengxi-01 +城西供电营业厅 +3 +[0-9]+ s ago +stale ' "$work/screens.out" || fail "hz-chengxi-01 is not shown stale"
grep -Eq '^hz-binjiang-01 +滨江供电营业厅 +3 +(just now|[0-9] s ago) +ok ' "$work/screens.out" || fail "hz-binjiang-01 is not shown ok"
grep -Eq '^hz-xiaoshan-01 +萧山供电营业厅 +2 +.* +behind, clock off ' "$work/screens.out" || fail "hz-xiaoshan-01 is not shown behind with its clock off"
grep -q '3 screens: 1 ok, 1 stale, 1 behind, 1 clock off (server at version 3' "$work/screens.out" || fail "the summary line is wrong"
grep -q 'hz-xiaoshan-01: its clock is 10 min behind' "$work/screens.out" || fail "the clock skew is not explained"

# With --interval the admin's judgement replaces the screens' own intervals.
"$hallboard" screens --server "$base" --token-file "$work/token" --interval 1h >"$work/screens.out" 2>&1 || fail "screens --interval exited with $?"
grep -Eq '^hz-chengxi-01 .* ok ' "$work/screens.out" || fail "with --interval 1h hz-chengxi-01 should not be stale"

"$hallboard" report --server "$base" --token-file "$work/token" --since "$today" --notice tariff-residential >"$work/report.out" 2>&1 \
  || fail "hallboard report exited with $?"
grep -q 'tariff-residential: shown 20 times, 6.7 min, on 2 screens in 2 halls' "$work/report.out" || fail "the totals are wrong"
grep -Eq '^  城西供电营业厅 +hz-chengxi-01 +12 +4.0 +1$' "$work/report.out" || fail "the row of hz-chengxi-01 is wrong"
grep -Eq '^  滨江供电营业厅 +hz-binjiang-01 +8 +2.7 +1$' "$work/report.out" || fail "the restart lowered hz-binjiang-01's totals"
grep -q 'not shown on 1 of 3 reporting screens: hz-xiaoshan-01 (萧山供电营业厅)' "$work/report.out" || fail "the screen without the notice is not named"
grep -q 'halls where it was not shown at all: 萧山供电营业厅' "$work/report.out" || fail "the hall without the notice is not named"

"$hallboard" report --server "$base" --token-file "$work/token" --since "$today" >"$work/report.out" 2>&1 || fail "report without --notice exited with $?"
grep -q 'hotlines: shown 9 times' "$work/report.out" || fail "the hotlines total is wrong"

# Refusals: a wrong token is the user's to fix (2); a bad date is a usage error (2).
(umask 077; echo "not-the-token-at-all" >"$work/wrong-token")
"$hallboard" screens --server "$base" --token-file "$work/wrong-token" >/dev/null 2>"$work/refused.log"
[ $? -eq 2 ] || fail "a wrong token did not give exit status 2"
grep -q 'refused the token' "$work/refused.log" || fail "a wrong token is not explained: $(cat "$work/refused.log")"
"$hallboard" report --server "$base" --token-file "$work/token" --since 2026-13-01 >/dev/null 2>&1
[ $? -eq 2 ] || fail "an impossible --since did not give exit status 2"

# After a restart the screens are still known: they live in tree/state/screens.sqlite.
stop_server
[ -f "$work/tree/state/screens.sqlite" ] || fail "no tree/state/screens.sqlite"
start_server
grep -q '(3 screens known)' "$work/serve.log" || fail "the restarted server does not know the 3 screens"
"$hallboard" screens --server "$base" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "screens after the restart exited with $?"
[ "$(grep -cE '^hz-[a-z0-9_-]+ +' "$work/screens.out")" -eq 3 ] || fail "the screens are not all listed after a restart"
stop_server

# A server that is not there: a run-time failure (1), said in one line.
"$hallboard" screens --server "$base" --token-file "$work/token" >/dev/null 2>"$work/refused.log"
[ $? -eq 1 ] || fail "an unreachable server did not give exit status 1"
grep -q 'cannot reach' "$work/refused.log" || fail "an unreachable server is not explained"

echo "ok: stale, behind and clock-off screens shown; proof of play reported; kept across a restart"
