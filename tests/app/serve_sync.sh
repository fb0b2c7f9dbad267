#!/usr/bin/env bash
# `hallboard sync --once` against `hallboard serve`, with content published through its admin
# API (`publish --to`): the first sync, a change, a rollback, an unchanged poll, the server gone.
# usage: serve_sync.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"

demo=$root/content/demo
tree=$work/tree
cache=$work/cache
"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
make_token "$work/token"
start_serve "$tree" "$work/token"
url=$serve_url
publish() { "$hallboard" publish "$@" --key "$work/hall.key" --to "$url" --token-file "$work/token"; }
write_screen_config "$work/screen.yaml" "$url" "$work/hall.pub" "$cache"

run publish1 0 publish "$demo"
run sync1 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync1.out" "^updated to version 1 from $url \(2 blob\(s\)"
expect_cache_holds "$cache" "$tree/versions/1/manifest.json"

# Nothing new. (A new process has no ETag to send, so this is a 200 with the same bytes.)
run sync1_again 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync1_again.out" "^up to date: version 1 is the current version of $url"

copy_with_new_poster "$demo" "$work/changed" 1000
sed -i 's/^title: .*/title: 2026年12月计划停电通知（更新）/' "$work/changed/notices/80-outage-2026-12.yaml"
run publish2 0 publish "$work/changed"
run sync2 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync2.out" "^updated to version 2 from $url \(1 blob\(s\)"
expect_cache_holds "$cache" "$tree/versions/2/manifest.json"

# A rollback is a new version holding the old content: the screen takes it like any other.
run rollback 0 "$hallboard" publish --rollback 1 --key "$work/hall.key" --to "$url" --token-file "$work/token"
run sync3 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync3.out" "^updated to version 3 from $url \(1 blob\(s\)"
expect_cache_holds "$cache" "$tree/versions/3/manifest.json"

port=${url##*:}
kill_server "$serve_pid"
run sync_down 1 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync_down.err" "^error: .*cannot connect to 127\.0\.0\.1:$port: connection refused"
expect_in "$work/sync_down.err" "holds version 3, not the server's current version"
expect_cache_holds "$cache" "$tree/versions/3/manifest.json"
echo "ok: synced versions 1 to 3 from hallboard serve on port $port, and kept version 3 when it stopped"
