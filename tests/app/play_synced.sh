#!/usr/bin/env bash
# `hallboard play` fed by `hallboard serve` (SDL's dummy video driver): the first version is
# synced and shown, a publish while it plays is switched to, its heartbeat reaches the server;
# then, with the server gone, a restarted player shows the cached version at once.
# usage: play_synced.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"
export SDL_VIDEODRIVER=dummy

"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
make_token "$work/token"
start_serve "$work/tree" "$work/token"
url=$serve_url
publish() { "$hallboard" publish "$1" --key "$work/hall.key" --to "$url" --token-file "$work/token" >/dev/null 2>&1; }
publish "$root/content/demo" || fail "publish 1"
write_screen_config "$work/screen.yaml" "$url" "$work/hall.pub" "$work/cache"

# Waits up to $3 seconds for log $1 to match regex $2.
wait_for_log() {
  for _ in $(seq 1 $(($3 * 10))); do
    grep -qE "$2" "$1" && return 0
    sleep 0.1
  done
  return 1
}

"$hallboard" play --config "$work/screen.yaml" --exit-after 20s 2>"$work/play1.log" &
player=$!
server_pids+=("$player")
wait_for_log "$work/play1.log" "content: showing version 1$" 10 || fail "the player did not show version 1"
cp -r "$root/content/demo" "$work/changed"
sed -i 's/^title: .*/title: 2026年12月计划停电通知（更新）/' "$work/changed/notices/80-outage-2026-12.yaml"
publish "$work/changed" || fail "publish 2"
wait_for_log "$work/play1.log" "content: showing version 2$" 10 || fail "the player did not switch to version 2 (poll 2 s)"
"$hallboard" screens --server "$url" --token-file "$work/token" >"$work/screens.out" 2>&1 || fail "screens"
grep -qE "^test-screen-01 .* 2 " "$work/screens.out" || fail "the server does not list the screen at version 2"
kill -TERM "$player"
wait "$player" || fail "the player did not stop cleanly on SIGTERM"
grep -q "stopped" "$work/play1.log" || fail "no 'stopped' line"

kill_server "$serve_pid"
"$hallboard" play --config "$work/screen.yaml" --exit-after 3s 2>"$work/play2.log" || fail "the player failed with the server down"
grep -q "content: playing version 2 from the cache" "$work/play2.log" || fail "the cached version did not play at start"
grep -qE "showing '[a-z]" "$work/play2.log" || fail "no slide was shown"
grep -q "showing 'fallback'" "$work/play2.log" && fail "the fallback slide showed although the cache holds content"
echo "ok: played versions 1 and 2 from the server, then version 2 from the cache with the server down"
