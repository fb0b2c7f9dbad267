#!/usr/bin/env bash
# Process-level tests of `hallboard publish --to URL` and `--rollback N` against a real
# `hallboard serve` on a free loopback port.
# usage: publish_remote.sh PATH/TO/hallboard SOURCE_ROOT CASE
#   first_then_change  publish into an empty server, then one change: only the new blob goes up
#   conflict           a publish that lost the race to another gets a clear 412 error and changes nothing
#   wrong_token        a token the server does not know, and a token file others can read
#   rollback           back to version 1 as version 3; refusals for unknown versions and other keys
#   unreachable        no server: exit 1 with the reason
set -u
hallboard=$1
root=$2
case_name=$3
source "$(dirname "$0")/test_lib.sh"

demo=$root/content/demo
"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
"$hallboard" keygen --out "$work/other" >/dev/null || fail "keygen"
make_token "$work/token"
start_serve "$work/tree" "$work/token"
url=$serve_url
publish() { "$hallboard" publish "$@" --to "$url" --token-file "$work/token"; }

case "$case_name" in
first_then_change)
  run dry0 0 publish "$demo" --key "$work/hall.key" --dry-run
  expect_in "$work/dry0.out" '^dry run: would publish version 1 to http://127\.0\.0\.1:[0-9]+: 9 slide'
  expect_in "$work/dry0.out" 'new blob: assets/poster\.png'
  [ -z "$(served_version "$url")" ] || fail "a dry run published something"

  run first 0 publish "$demo" --key "$work/hall.key"
  expect_in "$work/first.out" '^published version 1 to '
  expect_in "$work/first.out" '^12 added, 0 changed, 0 removed$'
  [ "$(grep -c '^uploading ' "$work/first.err")" -eq 2 ] || fail "expected two uploads (two pictures)"
  [ "$(served_version "$url")" = 1 ] || fail "the server is not at version 1"
  cmp -s "$work/tree/manifest.json" "$work/tree/versions/1/manifest.json" || fail "versions/1 differs from manifest.json"

  # One notice's text and the poster change: one new blob, two changed notices.
  copy_with_new_poster "$demo" "$work/changed" 1000
  sed -i 's/^title: .*/title: 2026年12月计划停电通知（更新）/' "$work/changed/notices/80-outage-2026-12.yaml"
  run dry 0 publish "$work/changed" --key "$work/hall.key" --dry-run
  expect_in "$work/dry.out" '^dry run: would publish version 2 '
  expect_in "$work/dry.out" 'changed: +outage-2026-12'
  [ "$(served_version "$url")" = 1 ] || fail "a dry run changed the version"

  run second 0 publish "$work/changed" --key "$work/hall.key"
  expect_in "$work/second.out" '^published version 2 to '
  expect_in "$work/second.out" 'changed: +outage-2026-12'
  expect_in "$work/second.out" 'changed: +poster-saving'
  expect_in "$work/second.out" 'new blob: assets/poster\.png'
  expect_not_in "$work/second.out" 'feedback-qr'
  [ "$(grep -c '^uploading ' "$work/second.err")" -eq 1 ] || fail "expected exactly one upload, the new poster"
  expect_in "$work/second.err" '^uploading assets/poster\.png \(24[0-9]\.[0-9] KB\)$'
  [ "$(served_version "$url")" = 2 ] || fail "the server is not at version 2"
  # What the server serves is what the publisher signed: the signature verifies with openssl
  # against the public key (a check independent of Hallboard's own code).
  curl -sS -o "$work/served.json" "$url/manifest.json" || fail "GET /manifest.json"
  curl -sS "$url/manifest.json.sig" | base64 -d >"$work/served.sig" || fail "GET /manifest.json.sig"
  { printf '302a300506032b6570032100' | xxd -r -p; base64 -d "$work/hall.pub"; } >"$work/hall.der"
  openssl pkeyutl -verify -pubin -keyform DER -inkey "$work/hall.der" -rawin -in "$work/served.json" \
    -sigfile "$work/served.sig" >/dev/null || fail "the served manifest does not verify with the public key"
  ;;

conflict)
  run first 0 publish "$demo" --key "$work/hall.key"
  # B carries a 3 MB poster and uploads it at 1 MiB/s; while it uploads, A publishes version 2.
  copy_with_new_poster "$demo" "$work/slow" 3000000
  publish "$work/slow" --key "$work/hall.key" --limit-rate 1M >"$work/slow.out" 2>"$work/slow.err" &
  slow_pid=$!
  server_pids+=("$slow_pid")
  for _ in $(seq 1 100); do
    grep -q '^uploading assets/poster\.png' "$work/slow.err" 2>/dev/null && break
    sleep 0.05
  done
  expect_in "$work/slow.err" '^uploading assets/poster\.png \(3\.2 MB\)'
  run winner 0 publish "$demo" --key "$work/hall.key"
  expect_in "$work/winner.out" '^published version 2 '
  wait "$slow_pid"
  slow_status=$?
  [ "$slow_status" -eq 1 ] || fail "the publish that lost the race exited $slow_status, expected 1"
  expect_in "$work/slow.err" '^error: someone published version 2 while this publish was being prepared \(it was built against version 1\); nothing was changed; run publish again$'
  [ "$(served_version "$url")" = 2 ] || fail "the server is not at version 2 after the refused publish"
  cmp -s "$work/tree/manifest.json" "$work/tree/versions/2/manifest.json" || fail "the winner's manifest is not current"
  # Run again, as the message says: the poster is on the server already, so nothing is uploaded.
  run again 0 publish "$work/slow" --key "$work/hall.key"
  expect_in "$work/again.out" '^published version 3 '
  expect_not_in "$work/again.err" '^uploading '
  ;;

wrong_token)
  (umask 077 && echo "not-the-token-of-this-server" >"$work/wrong")
  run wrong 1 "$hallboard" publish "$demo" --key "$work/hall.key" --to "$url" --token-file "$work/wrong"
  expect_in "$work/wrong.err" "^error: the server at $url refused the token in $work/wrong \(HTTP 401\)"
  [ -z "$(served_version "$url")" ] || fail "a refused token published something"
  chmod 644 "$work/wrong"
  run open_token 2 "$hallboard" publish "$demo" --key "$work/hall.key" --to "$url" --token-file "$work/wrong"
  expect_in "$work/open_token.err" 'chmod 600'
  run no_token_file 2 "$hallboard" publish "$demo" --key "$work/hall.key" --to "$url"
  expect_in "$work/no_token_file.err" '^usage: hallboard publish'
  ;;

rollback)
  run first 0 publish "$demo" --key "$work/hall.key"
  copy_with_new_poster "$demo" "$work/changed" 1000
  rm "$work/changed/notices/97-ticker-safety.yaml"
  run second 0 publish "$work/changed" --key "$work/hall.key"
  run dry 0 publish --rollback 1 --key "$work/hall.key" --dry-run
  expect_in "$work/dry.out" '^dry run: would roll back: version 3 would hold the content of version 1'
  [ "$(served_version "$url")" = 2 ] || fail "a dry run rolled back"

  run back 0 publish --rollback 1 --key "$work/hall.key"
  expect_in "$work/back.out" '^rolled back: version 3 now holds the content of version 1'
  expect_in "$work/back.out" 'added: +ticker-safety'
  expect_in "$work/back.out" 'changed: +poster-saving'
  [ "$(served_version "$url")" = 3 ] || fail "the server is not at version 3 after the rollback"
  # Version 3 is version 1 but for its number and publish time.
  strip() { grep -vE '^  "(version|published_at)": ' "$1"; }
  diff <(strip "$work/tree/versions/1/manifest.json") <(strip "$work/tree/manifest.json") >/dev/null \
    || fail "version 3 does not hold the content of version 1"

  run unknown 2 publish --rollback 9 --key "$work/hall.key"
  expect_in "$work/unknown.err" "^error: $url has no version 9 \(it has versions 1 to 3\)$"
  run current 2 publish --rollback 3 --key "$work/hall.key"
  expect_in "$work/current.err" 'is the current version'
  run other_key 2 publish --rollback 1 --key "$work/other.key"
  expect_in "$work/other_key.err" 'is not signed by this key'
  run other_key_publish 2 publish "$demo" --key "$work/other.key"
  expect_in "$work/other_key_publish.err" 'version 3 on .* is not signed by this key'
  [ "$(served_version "$url")" = 3 ] || fail "a refused rollback changed the version"
  ;;

unreachable)
  kill_server "$serve_pid"
  port=${url##*:}
  run down 1 publish "$demo" --key "$work/hall.key"
  expect_in "$work/down.err" "^error: cannot reach $url: cannot connect to 127\.0\.0\.1:$port: connection refused$"
  run down_rollback 1 publish --rollback 1 --key "$work/hall.key"
  expect_in "$work/down_rollback.err" 'connection refused'
  ;;

*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
