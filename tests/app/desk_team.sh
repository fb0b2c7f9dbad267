#!/usr/bin/env bash
# Process-level tests of the desk (docs/desk.md): a real `hallboard serve --signing-key` on a
# free loopback port, admins' folders made by `hallboard pull`, per-notice publishing.
# usage: desk_team.sh PATH/TO/hallboard SOURCE_ROOT CASE
#   two_admins        two folders pulled from one version change different notices; both publish;
#                     both changes are on the server and a pull brings each into the other folder
#   same_notice       the same notice changed in both: the second publish is a 409 naming it with
#                     both sides, nothing changes; pull shows both sides and writes nothing; settled
#   withdraw_restore  withdraw, a stale folder publishing another change (the withdrawn notice stays
#                     withdrawn), restore, pull: the notice is back; versions lists every step
#   screen            `hallboard sync` takes the server-signed version with the public key
#   refusals          no token, desk off, a folder pulled from elsewhere, a damaged change
#   concurrent        four folders publish at the same moment: every change lands, one version each
#   interrupted       what an interrupted publish leaves in versions/<N+1>/ is never taken for a version;
#                     a whole-tree publish (publish --key --to) stops the desk until a restore
set -u
hallboard=$1
root=$2
case_name=$3
source "$(dirname "$0")/test_lib.sh"

demo=$root/content/demo
"$hallboard" keygen --out "$work/hall" >/dev/null || fail "keygen"
make_token "$work/token"

# `hallboard serve TREE --signing-key hall.key` on a free port, each start with its own log;
# sets serve_pid and url.
serve_starts=0
start_desk() {
  mkdir -p "$work/tree"
  serve_starts=$((serve_starts + 1))
  local log="$work/serve-$serve_starts.log"
  "$hallboard" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" --signing-key "$work/hall.key" \
    "$@" 2>"$log" &
  serve_pid=$!
  server_pids+=("$serve_pid")
  local port
  port=$(wait_for_port "$log" "$serve_pid" 'listening on http://127\.0\.0\.1:[0-9]+') \
    || fail "hallboard serve did not start listening"
  url="http://127.0.0.1:$port"
}
pull() { "$hallboard" pull --from "$url" --token-file "$work/token" "$@"; }
publish() { "$hallboard" publish "$@" --to "$url" --token-file "$work/token"; }
versions() { "$hallboard" versions --server "$url" --token-file "$work/token"; }
# The server's current source as JSON.
source_json() { curl -sS -H "Authorization: Bearer $(cat "$work/token")" "$url/desk/source"; }
# Sets the title of notice file $1 to $2.
retitle() { sed -i "s/^title: .*/title: $2/" "$1"; }

start_desk
# Version 1: the demo, published through a pulled folder by the first admin.
run pull0 0 pull "$work/first"
expect_in "$work/pull0.out" "^pulled version 0 from $url into "
cp -r "$demo"/. "$work/first/"
run publish1 0 publish "$work/first" --message "the demo" --author zhang.wei
expect_in "$work/publish1.out" "^published version 1 to $url"
expect_in "$work/publish1.out" '\+tariff-residential'
[ "$(served_version "$url")" = 1 ] || fail "the server is not at version 1"

case "$case_name" in
two_admins)
  run pull_a 0 pull "$work/a"
  run pull_b 0 pull "$work/b"
  retitle "$work/a/notices/80-outage-2026-12.yaml" "A 改的停电通知"
  retitle "$work/b/notices/20-tariff-tou.yaml" "B 改的分时电价"
  run publish_a 0 publish "$work/a" --message "A" --author li.na
  expect_in "$work/publish_a.out" "^published version 2 to "
  expect_in "$work/publish_a.out" '^~outage-2026-12$'
  run publish_b 0 publish "$work/b" --message "B" --author 王芳
  expect_in "$work/publish_b.out" "^published version 3 to "
  expect_in "$work/publish_b.out" '^~tariff-tou$'
  expect_in "$work/publish_b.out" 'others published meanwhile'
  source_json >"$work/source.json"
  expect_in "$work/source.json" 'A 改的停电通知'
  expect_in "$work/source.json" 'B 改的分时电价'
  # The served, signed manifest holds both changes too.
  curl -sS "$url/manifest.json" >"$work/manifest.json"
  expect_in "$work/manifest.json" 'A 改的停电通知'
  expect_in "$work/manifest.json" 'B 改的分时电价'
  run pull_a2 0 pull "$work/a"
  expect_in "$work/pull_a2.out" '^pulled version 3 \(was 2\) .*: ~tariff-tou$'
  expect_in "$work/a/notices/20-tariff-tou.yaml" 'B 改的分时电价'
  expect_in "$work/a/notices/80-outage-2026-12.yaml" 'A 改的停电通知'
  run pull_b2 0 pull "$work/b"
  expect_in "$work/b/notices/80-outage-2026-12.yaml" 'A 改的停电通知'
  run versions 0 versions
  expect_in "$work/versions.out" '^3  .*  王芳  change  "B"  ~tariff-tou$'
  expect_in "$work/versions.out" '^2  .*  li\.na  change  "A"  ~outage-2026-12$'
  expect_in "$work/versions.out" '^1  .*  zhang\.wei  change  "the demo"  \+commitments-ten'
  run nothing 0 publish "$work/a"
  expect_in "$work/nothing.out" '^nothing to publish'
  ;;

same_notice)
  run pull_a 0 pull "$work/a"
  run pull_b 0 pull "$work/b"
  retitle "$work/a/notices/80-outage-2026-12.yaml" "A 的标题"
  retitle "$work/b/notices/80-outage-2026-12.yaml" "B 的标题"
  retitle "$work/b/notices/20-tariff-tou.yaml" "B 改的分时电价"
  run publish_a 0 publish "$work/a"
  run publish_b 1 publish "$work/b"
  expect_in "$work/publish_b.out" "^conflict: notice 'outage-2026-12': changed on both sides, differently$"
  expect_in "$work/publish_b.out" '^  on the server \(notices/80-outage-2026-12\.yaml\):$'
  expect_in "$work/publish_b.out" '^    \| title: A 的标题$'
  expect_in "$work/publish_b.out" '^  here \(notices/80-outage-2026-12\.yaml\):$'
  expect_in "$work/publish_b.out" '^    \| title: B 的标题$'
  expect_in "$work/publish_b.err" 'nothing was published'
  [ "$(served_version "$url")" = 2 ] || fail "a conflicting publish changed the server"
  expect_not_in <(source_json) 'B 改的分时电价'
  # Pull shows both sides and writes nothing: B's edits are still in B's folder.
  run pull_b2 1 pull "$work/b"
  expect_in "$work/pull_b2.out" "^conflict: notice 'outage-2026-12'"
  expect_in "$work/pull_b2.out" 'title: A 的标题'
  expect_in "$work/pull_b2.err" 'nothing was written'
  expect_in "$work/b/notices/80-outage-2026-12.yaml" 'B 的标题'
  expect_in "$work/b/notices/20-tariff-tou.yaml" 'B 改的分时电价'
  # B keeps its title knowingly; the other edit goes along; A's later pull gets both.
  run pull_b3 0 pull "$work/b" --keep-mine outage-2026-12
  expect_in "$work/pull_b3.out" 'local edits kept .*~outage-2026-12'
  run publish_b2 0 publish "$work/b"
  expect_in "$work/publish_b2.out" '^published version 3 '
  expect_in "$work/publish_b2.out" '^~outage-2026-12 ~tariff-tou$'
  run pull_a2 0 pull "$work/a"
  expect_in "$work/a/notices/80-outage-2026-12.yaml" 'B 的标题'
  # --take-server drops a local edit instead.
  retitle "$work/a/notices/20-tariff-tou.yaml" "A 的分时电价"
  retitle "$work/b/notices/20-tariff-tou.yaml" "B 的第二个分时电价"
  run publish_b3 0 publish "$work/b"
  run pull_a3 0 pull "$work/a" --take-server tariff-tou
  expect_in "$work/a/notices/20-tariff-tou.yaml" 'B 的第二个分时电价'
  ;;

withdraw_restore)
  run pull_a 0 pull "$work/a" # a folder that will be stale: it still holds the notice
  run withdraw 0 publish --withdraw outage-2026-12 --message "停电结束"
  expect_in "$work/withdraw.out" '^published version 2 '
  expect_in "$work/withdraw.out" '^-outage-2026-12$'
  expect_not_in "$work/tree/manifest.json" '"id": "outage-2026-12"'
  run withdraw_again 2 publish --withdraw outage-2026-12
  expect_in "$work/withdraw_again.err" "has no notice 'outage-2026-12'"
  # The stale folder changes another notice and publishes: the withdrawn one stays withdrawn.
  retitle "$work/a/notices/20-tariff-tou.yaml" "新的分时电价"
  run publish_a 0 publish "$work/a"
  expect_in "$work/publish_a.out" '^~tariff-tou$'
  expect_not_in "$work/tree/manifest.json" '"id": "outage-2026-12"'
  expect_in "$work/tree/manifest.json" '新的分时电价'
  # A pull removes it from the folder too.
  run pull_a2 0 pull "$work/a"
  [ ! -e "$work/a/notices/80-outage-2026-12.yaml" ] || fail "pull left the withdrawn notice in the folder"
  run pull_old 0 pull "$work/old" # at version 3: no outage notice, the new tariff title
  # Restore version 1: the notice is back, and so is the old tariff title.
  run restore 0 "$hallboard" restore 1 --server "$url" --token-file "$work/token" --message "回到第一版"
  expect_in "$work/restore.out" '^restored version 1 as version 4 '
  expect_in "$work/restore.out" '\+outage-2026-12'
  expect_in "$work/tree/manifest.json" '"id": "outage-2026-12"'
  run pull_a3 0 pull "$work/a"
  [ -f "$work/a/notices/80-outage-2026-12.yaml" ] || fail "pull after the restore did not bring the notice back"
  expect_not_in "$work/a/notices/20-tariff-tou.yaml" '新的分时电价'
  run versions 0 versions
  expect_in "$work/versions.out" '^4  .*  restore of 1  "回到第一版"  \+outage-2026-12 ~tariff-tou$'
  expect_in "$work/versions.out" '^2  .*  change  "停电结束"  -outage-2026-12$'
  for n in 1 2 3 4; do
    [ -f "$work/tree/versions/$n/source.json" ] && [ -f "$work/tree/versions/$n/version.json" ] \
      || fail "versions/$n lacks its source or record"
  done
  # A folder from before the restore publishes only its change: it cannot undo the restore.
  sed -i 's/^  text: .*/  text: "旧文件夹的新欢迎词"/' "$work/old/notices/95-ticker-welcome.yaml"
  run publish_old 0 publish "$work/old"
  expect_in "$work/publish_old.out" '^published version 5 '
  expect_in "$work/publish_old.out" '^~ticker-welcome$'
  expect_in "$work/tree/manifest.json" '"id": "outage-2026-12"'
  expect_not_in "$work/tree/manifest.json" '新的分时电价'
  # And the other way: restore version 3 (the notice withdrawn); a folder still holding it
  # publishes another change: the withdrawn notice does not come back.
  run pull_a4 0 pull "$work/a"
  run restore3 0 "$hallboard" restore 3 --server "$url" --token-file "$work/token"
  expect_in "$work/restore3.out" '^restored version 3 as version 6 '
  expect_in "$work/restore3.out" '-outage-2026-12'
  [ -f "$work/a/notices/80-outage-2026-12.yaml" ] || fail "the stale folder should still hold the notice"
  sed -i 's/^  text: .*/  text: "又一条欢迎词"/' "$work/a/notices/96-ticker-app.yaml"
  run publish_a3 0 publish "$work/a"
  expect_in "$work/publish_a3.out" '^published version 7 '
  expect_not_in "$work/tree/manifest.json" '"id": "outage-2026-12"'
  expect_in "$work/tree/manifest.json" '又一条欢迎词'
  ;;

screen)
  write_screen_config "$work/screen.yaml" "$url" "$work/hall.pub" "$work/cache"
  run sync1 0 "$hallboard" sync --config "$work/screen.yaml" --once
  expect_in "$work/sync1.out" "^updated to version 1 from $url"
  expect_cache_holds "$work/cache" "$work/tree/versions/1/manifest.json"
  retitle "$work/first/notices/80-outage-2026-12.yaml" "服务器签名的新版本"
  run publish2 0 publish "$work/first"
  run sync2 0 "$hallboard" sync --config "$work/screen.yaml" --once
  expect_in "$work/sync2.out" "^updated to version 2 from $url"
  expect_cache_holds "$work/cache" "$work/tree/versions/2/manifest.json"
  expect_in "$work/cache/current.manifest" '服务器签名的新版本'
  # Independent of Hallboard's code: openssl verifies the served signature with the public key.
  curl -sS -o "$work/served.json" "$url/manifest.json" || fail "GET /manifest.json"
  curl -sS "$url/manifest.json.sig" | base64 -d >"$work/served.sig" || fail "GET /manifest.json.sig"
  { printf '302a300506032b6570032100' | xxd -r -p; base64 -d "$work/hall.pub"; } >"$work/hall.der"
  openssl pkeyutl -verify -pubin -keyform DER -inkey "$work/hall.der" -rawin -in "$work/served.json" \
    -sigfile "$work/served.sig" >/dev/null || fail "the served manifest does not verify with the public key"
  ;;

refusals)
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/desk/source")" = 401 ] || fail "the desk answered without a token"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$work/token")" \
    --data-binary '{"format":1,"base_version":1,"message":"","notices":[{"op":"add","id":"x","file":"notices/../x.yaml","text":"","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}],"channel":null,"assets":[]}' \
    "$url/desk/changes")" = 400 ] || fail "a change naming a file outside the source was not refused with 400"
  # A stale change that does not fit its base (withdraws a notice with other bytes than the
  # base's), and a change naming a picture that was never uploaded: 422 with the reason.
  auth="Authorization: Bearer $(cat "$work/token")"
  zero=0000000000000000000000000000000000000000000000000000000000000000
  curl -sS -o "$work/stale.json" -w '%{http_code}' -X POST -H "$auth" --data-binary \
    '{"format":1,"base_version":1,"message":"","notices":[{"op":"withdraw","id":"hotlines","base_sha256":"'$zero'"}],"channel":null,"assets":[]}' \
    "$url/desk/changes" >"$work/stale.status"
  [ "$(cat "$work/stale.status")" = 422 ] || fail "a change that does not fit its base was not refused with 422"
  expect_in "$work/stale.json" 'does not fit version 1'
  curl -sS -o "$work/missing.json" -w '%{http_code}' -X POST -H "$auth" --data-binary \
    '{"format":1,"base_version":1,"message":"","notices":[],"channel":null,"assets":[{"op":"put","path":"assets/new.png","sha256":"'$zero'","size":10,"base_sha256":null}]}' \
    "$url/desk/changes" >"$work/missing.status"
  [ "$(cat "$work/missing.status")" = 422 ] || fail "a change naming a blob never uploaded was not refused with 422"
  expect_in "$work/missing.json" "\"missing\":\\[\"$zero\"\\]"
  # A bad author name, and a body above the bound, refused before the body is read.
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H 'X-Hallboard-Author: a b' "$url/desk/source")" = 400 ] \
    || fail "an author name with a space was not refused"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "$auth" -H 'Content-Length: 16777217' "$url/desk/changes")" = 413 ] \
    || fail "a change above 16 MiB was not refused with 413"
  [ "$(served_version "$url")" = 1 ] || fail "a refused change changed the server"
  # The old rollback points to restore on a desk server.
  run rollback 2 "$hallboard" publish --rollback 1 --key "$work/hall.key" --to "$url" --token-file "$work/token"
  expect_in "$work/rollback.err" 'runs the desk \(serve --signing-key\): use hallboard restore 1 '
  run pull_a 0 pull "$work/a"
  printf 'not a content source' >"$work/elsewhere.txt"
  mkdir -p "$work/full" && cp "$work/elsewhere.txt" "$work/full/"
  run pull_full 1 pull "$work/full"
  expect_in "$work/pull_full.err" 'holds files but was never pulled'
  # A folder pulled from this server, published to another.
  kill_server "$serve_pid"
  rm -rf "$work/tree2"
  mkdir -p "$work/tree2"
  "$hallboard" serve "$work/tree2" --listen 127.0.0.1:0 --token-file "$work/token" 2>"$work/serve2.log" &
  server_pids+=("$!")
  port=$(wait_for_port "$work/serve2.log" "$!" 'listening on http://127\.0\.0\.1:[0-9]+') || fail "no second server"
  run desk_off 1 "$hallboard" pull --from "http://127.0.0.1:$port" --token-file "$work/token" "$work/c"
  expect_in "$work/desk_off.err" 'the desk is off on this server: start hallboard serve with --signing-key'
  run other_server 1 "$hallboard" publish "$work/a" --to "http://127.0.0.1:$port" --token-file "$work/token"
  expect_in "$work/other_server.err" "was pulled from $url, not http://127\.0\.0\.1:$port"
  # A signing key that did not sign the tree's current version is refused at start.
  "$hallboard" keygen --out "$work/other" >/dev/null || fail "keygen"
  run wrong_key 1 "$hallboard" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" \
    --signing-key "$work/other.key"
  expect_in "$work/wrong_key.err" 'is not signed by the signing key given to serve'
  ;;

concurrent)
  notices=(10-tariff-residential 30-flow-low-voltage-new 50-commitments-ten 70-hotlines)
  for i in 0 1 2 3; do
    run "pull_$i" 0 pull "$work/f$i"
    retitle "$work/f$i/notices/${notices[$i]}.yaml" "同时发布 $i"
  done
  pids=()
  for i in 0 1 2 3; do
    publish "$work/f$i" --author "admin$i" >"$work/concurrent_$i.out" 2>"$work/concurrent_$i.err" &
    pids+=("$!")
  done
  for i in 0 1 2 3; do
    wait "${pids[$i]}" || fail "concurrent publish $i failed"
  done
  [ "$(served_version "$url")" = 5 ] || fail "four publishes did not make versions 2 to 5"
  cat "$work"/concurrent_*.out | grep -oE '^published version [0-9]+' | sort >"$work/published.txt"
  printf 'published version %s\n' 2 3 4 5 >"$work/expected.txt"
  cmp -s "$work/published.txt" "$work/expected.txt" || fail "each publish should have its own version"
  for i in 0 1 2 3; do
    expect_in "$work/tree/manifest.json" "同时发布 $i"
  done
  ;;

interrupted)
  # A desk publish stopped after writing versions/2/source.json and version.json, before its
  # manifest: the server restarts at version 1 and the next publish is version 2, correctly recorded.
  kill_server "$serve_pid"
  mkdir -p "$work/tree/versions/2"
  cp "$work/tree/versions/1/source.json" "$work/tree/versions/2/source.json"
  sed 's/"version": 1,/"version": 2,/' "$work/tree/versions/1/version.json" >"$work/tree/versions/2/version.json"
  start_desk
  [ "$(served_version "$url")" = 1 ] || fail "the leftover became current"
  run pull_a 0 pull "$work/a"
  expect_in "$work/pull_a.out" '^pulled version 1 '
  retitle "$work/a/notices/80-outage-2026-12.yaml" "中断之后"
  run publish_a 0 publish "$work/a"
  expect_in "$work/publish_a.out" '^published version 2 '
  expect_in "$work/tree/versions/2/source.json" '中断之后'
  # A whole-tree publish with the key makes version 3 without a source: the desk says so and
  # a restore of a desk version takes over again.
  run whole 0 "$hallboard" publish "$demo" --key "$work/hall.key" --to "$url" --token-file "$work/token"
  expect_in "$work/whole.out" '^published version 3 '
  run pull_b 1 pull "$work/b"
  expect_in "$work/pull_b.err" 'version 3 was published as a whole signed tree'
  run versions 0 versions
  expect_in "$work/versions.out" '^3  \(published as a whole signed tree'
  run restore 0 "$hallboard" restore 2 --server "$url" --token-file "$work/token"
  expect_in "$work/restore.out" '^restored version 2 as version 4 '
  run pull_b2 0 pull "$work/b"
  expect_in "$work/b/notices/80-outage-2026-12.yaml" '中断之后'
  ;;

*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: desk $case_name"
