#!/usr/bin/env bash
# Three `hallboard play` processes fed by one `hallboard serve`, heartbeat and poll 1 s: all three
# show ok at version 1; one is stopped and `hallboard screens` calls it stale after three missed
# intervals (not before), while the other two stay ok; version 2 is published and reaches the
# two living screens, while the stopped one is stale and behind.
# usage: screens_three_players.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"
# SDL's offscreen driver: a real window surface in memory, no display needed (dummy works too).
export SDL_VIDEODRIVER=offscreen
started=$(date +%s.%N)
screens=(hall-a hall-b hall-c)
# Seconds since $1 (a `date +%s.%N`), with two decimals.
since() { awk -v now="$(date +%s.%N)" -v start="$1" 'BEGIN { printf "%.2f", now - start }'; }
# Whether number $1 is less than number $2.
is_less() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
make_token "$work/token"
start_serve "$work/tree" "$work/token"
publish() {
  "$hallboard" publish "$1" --key "$work/hall.key" --to "$serve_url" --token-file "$work/token" >"$work/publish.out" 2>&1
}
publish "$root/content/demo" || fail "publish 1"

declare -A player
for id in "${screens[@]}"; do
  cat >"$work/$id.yaml" <<CONF
# Written by screens_three_players.sh: a small window, a fast heartbeat and poll.
screen: {id: $id, hall: 测试供电营业厅}
display: {fullscreen: false, size: 640x360}
content:
  server: $serve_url
  poll: 1s
  heartbeat: 1s
  cache: $work/cache-$id
  public_key: $(cat "$work/hall.pub")
CONF
  # --exit-after: a player outlives no test run, even one killed before its trap.
  "$hallboard" play --config "$work/$id.yaml" --exit-after 180s 2>"$work/play-$id.log" &
  player[$id]=$!
  server_pids+=("${player[$id]}")
done

# `hallboard screens` into $work/screens.out; the row of screen $1 as "VERSION STATUS", e.g.
# "2 stale, behind" (the table: screen, hall, version, last seen, status, showing).
query() { "$hallboard" screens --server "$serve_url" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "screens"; }
row() {
  sed -nE "s/^$1 +[^ ]+ +([0-9]+) +(just now|[0-9]+ [a-z]+ ago|in the future) +(.*[a-z]) +[^ ]+ *$/\1 \3/p" "$work/screens.out"
}
# Queries every 0.5 s until each "ID=VERSION STATUS" argument matches, for at most $1 seconds.
wait_for_rows() {
  local deadline=$1 expected id
  shift
  local until=$(($(date +%s) + deadline))
  while [ "$(date +%s)" -le "$until" ]; do
    query
    for expected in "$@"; do
      id=${expected%%=*}
      [ "$(row "$id")" = "${expected#*=}" ] || { sleep 0.5; continue 2; }
    done
    return 0
  done
  fail "after ${deadline} s, expected $*; the last answer was: $(cat "$work/screens.out")"
}

wait_for_rows 60 "hall-a=1 ok" "hall-b=1 ok" "hall-c=1 ok"
echo "all three ok at version 1 after $(since "$started") s"

# An admin asks for a picture of hall-a: the next heartbeat's answer passes the request on, the
# player's render thread reads its screen, and a 480x270 PNG (640x360, longer side 480) arrives.
"$hallboard" thumbnail --server "$serve_url" --token-file "$work/token" --screen hall-a --out "$work/thumbnail.png" \
  --wait 30s >"$work/thumbnail.out" 2>&1 || fail "hallboard thumbnail"
expect_in "$work/thumbnail.out" "^wrote .*thumbnail.png \([0-9]+ bytes\), taken at 20"
size=$(od -An -tx1 -j16 -N8 "$work/thumbnail.png" | tr -d ' \n')
[ "$(head -c 8 "$work/thumbnail.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the thumbnail is not a PNG"
[ "$size" = 000001e00000010e ] || fail "the thumbnail is not 480x270 (IHDR $size)"
echo "thumbnail of hall-a: $(stat -c %s "$work/thumbnail.png") bytes, 480x270"
if [ -n "${KEEP_THUMBNAIL:-}" ]; then cp "$work/thumbnail.png" "$KEEP_THUMBNAIL"; fi # to look at it

# Stop hall-b. Its last heartbeat went at most one interval before the kill, and the server
# stamps whole seconds; so it may be stale as early as 2 s after the kill, and must be by
# 3 intervals plus that, plus slack for a loaded machine.
kill -TERM "${player[hall-b]}"
killed=$(date +%s.%N)
wait "${player[hall-b]}" || fail "hall-b did not stop cleanly on SIGTERM"
while :; do
  query
  elapsed=$(since "$killed")
  [ "$(row hall-a)" = "1 ok" ] && [ "$(row hall-c)" = "1 ok" ] \
    || fail "a living screen is not ok ${elapsed} s after hall-b stopped: $(cat "$work/screens.out")"
  case "$(row hall-b)" in
    "1 ok") ;;
    "1 stale") break ;;
    *) fail "hall-b is neither ok nor stale: $(cat "$work/screens.out")" ;;
  esac
  is_less 7 "$elapsed" && fail "hall-b not stale ${elapsed} s after it stopped (3 × 1 s heartbeats)"
  sleep 0.5
done
is_less "$elapsed" 2 && fail "hall-b stale only ${elapsed} s after it stopped: before 3 missed heartbeats"
echo "hall-b stale ${elapsed} s after it was stopped (heartbeat 1 s: 3 missed, whole seconds on the server)"

cp -r "$root/content/demo" "$work/changed"
sed -i 's/^title: .*/title: 2026年12月计划停电通知（更新）/' "$work/changed/notices/80-outage-2026-12.yaml"
publish "$work/changed" || fail "publish 2"
wait_for_rows 60 "hall-a=2 ok" "hall-c=2 ok" "hall-b=1 stale, behind"
expect_in "$work/screens.out" "3 screens: 2 ok, 1 stale, 1 behind \(server at version 2"
echo "ok: three players, one stopped and stale after ${elapsed} s, version 2 on the other two; $(since "$started") s in all"
