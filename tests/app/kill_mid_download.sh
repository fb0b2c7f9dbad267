#!/usr/bin/env bash
# A sync killed with SIGKILL in the middle of a blob download (issue 3's "player killed during a
# download"): the cache still holds the old version, which loads; the next sync completes.
# usage: kill_mid_download.sh PATH/TO/hallboard SOURCE_ROOT PATH/TO/hallboard_slow_server
set -u
hallboard=$1
root=$2
slow_server=$3
source "$(dirname "$0")/test_lib.sh"

demo=$root/content/demo
tree=$work/tree
cache=$work/cache

# The slow static server on tree, at $2 bytes per second for blobs (0: full speed); log
# $work/slow-$1.log. Sets slow_pid and slow_url.
start_slow() {
  "$slow_server" "$tree" --bytes-per-second "$2" 2>"$work/slow-$1.log" &
  slow_pid=$!
  server_pids+=("$slow_pid")
  local port
  port=$(wait_for_port "$work/slow-$1.log" "$slow_pid" 'listening on http://127\.0\.0\.1:[0-9]+') \
    || fail "the slow server did not start"
  slow_url="http://127.0.0.1:$port"
}

"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
run publish1 0 "$hallboard" publish "$demo" --key "$work/hall.key" --out "$tree"
start_slow fast 0
write_screen_config "$work/fast.yaml" "$slow_url" "$work/hall.pub" "$cache"
run sync1 0 "$hallboard" sync --config "$work/fast.yaml" --once
expect_cache_holds "$cache" "$tree/versions/1/manifest.json"
kill_server "$slow_pid"

# Version 2 has a 3 MB poster; the server sends it at 200 KB/s (about 15 s).
copy_with_new_poster "$demo" "$work/big" 3000000
run publish2 0 "$hallboard" publish "$work/big" --key "$work/hall.key" --out "$tree"
start_slow slow 200000
write_screen_config "$work/slow.yaml" "$slow_url" "$work/hall.pub" "$cache"
"$hallboard" sync --config "$work/slow.yaml" --once >"$work/killed.out" 2>"$work/killed.err" &
sync_pid=$!
server_pids+=("$sync_pid")
for _ in $(seq 1 100); do
  grep -q '^sending blob' "$work/slow-slow.log" && break
  sleep 0.1
done
expect_in "$work/slow-slow.log" '^sending blob'
sleep 1.5
kill -0 "$sync_pid" 2>/dev/null || fail "the sync finished before it could be killed mid-download"
kill_server "$sync_pid"
kill_server "$slow_pid"
# The proof that it died mid-download: a part of the poster, not yet a blob.
partial=$(ls -A "$cache/blobs" | grep -cvE '^[0-9a-f]{64}$')
[ "$partial" -ge 1 ] || fail "no partly downloaded file in the cache: the sync was not killed mid-download"

# In between: the cache holds version 1, whole, and it loads (signature and every blob checked)
# when the server cannot be reached.
expect_cache_holds "$cache" "$tree/versions/1/manifest.json"
write_screen_config "$work/down.yaml" "http://127.0.0.1:$(free_port)" "$work/hall.pub" "$cache"
run between 1 "$hallboard" sync --config "$work/down.yaml" --once
expect_in "$work/between.err" 'playing version 1 from the cache'
expect_in "$work/between.err" 'holds version 1, not the server'

# The next sync completes, and leaves nothing of the killed download behind.
start_slow again 0
write_screen_config "$work/again.yaml" "$slow_url" "$work/hall.pub" "$cache"
run sync2 0 "$hallboard" sync --config "$work/again.yaml" --once
expect_in "$work/sync2.out" '^updated to version 2 '
expect_cache_holds "$cache" "$tree/versions/2/manifest.json"
strays=$(ls -A "$cache/blobs" | grep -cvE '^[0-9a-f]{64}$')
[ "$strays" -eq 0 ] || fail "the cache's blobs folder holds $strays file(s) that are not blobs: $(ls -A "$cache/blobs")"
[ "$(ls -A "$cache/blobs" | wc -l)" -eq 2 ] || fail "the cache holds other blobs than version 2's two"
echo "ok: killed mid-download, version 1 still loaded, version 2 synced afterwards"
