#!/usr/bin/env bash
# `hallboard sync --once` against nginx serving a tree `hallboard publish --out` wrote: static
# hosting needs no Hallboard server (issue 3). The first sync, a published change, and nginx gone.
# usage: nginx_sync.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"

demo=$root/content/demo
tree=$work/tree
cache=$work/cache
"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
run publish1 0 "$hallboard" publish "$demo" --key "$work/hall.key" --out "$tree"
start_nginx "$tree"
write_screen_config "$work/screen.yaml" "$nginx_url" "$work/hall.pub" "$cache"

run sync1 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync1.out" "^updated to version 1 from $nginx_url \(2 blob\(s\)"
expect_in "$work/sync1.out" "holds version 1$"
expect_cache_holds "$cache" "$tree/versions/1/manifest.json"
run sync1_again 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync1_again.out" "^up to date: version 1 is the current version of $nginx_url"

# A change: one notice's title and a new poster, so one new blob.
copy_with_new_poster "$demo" "$work/changed" 1000
sed -i 's/^title: .*/title: 2026年12月计划停电通知（更新）/' "$work/changed/notices/80-outage-2026-12.yaml"
run publish2 0 "$hallboard" publish "$work/changed" --key "$work/hall.key" --out "$tree"
run sync2 0 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync2.out" "^updated to version 2 from $nginx_url \(1 blob\(s\)"
expect_cache_holds "$cache" "$tree/versions/2/manifest.json"
[ "$(ls "$cache/blobs" | wc -l)" -eq 2 ] || fail "the old poster was not removed from the cache"

# A static server has no admin API: `publish --to` says so and points to --out.
make_token "$work/token"
run publish_to_nginx 1 "$hallboard" publish "$demo" --key "$work/hall.key" --to "$nginx_url" --token-file "$work/token"
expect_in "$work/publish_to_nginx.err" "^error: cannot ask for the versions at $nginx_url: it has no admin API \\(HTTP 404\\)"

# nginx gone: the sync fails in one clear line and the cache still holds (and loads) version 2.
port=${nginx_url##*:}
kill_nginx
run sync_down 1 "$hallboard" sync --config "$work/screen.yaml" --once
expect_in "$work/sync_down.err" "^error: .*cannot connect to 127\.0\.0\.1:$port: connection refused"
expect_in "$work/sync_down.err" "holds version 2, not the server's current version"
expect_cache_holds "$cache" "$tree/versions/2/manifest.json"
echo "ok: synced versions 1 and 2 from nginx on port $port, and kept version 2 when it stopped"
