#!/usr/bin/env bash
# A playing screen picks up edits of its config and theme without being restarted by anyone:
# a new hall name and a theme colour apply live; a broken edit is logged with file and line and
# changes nothing; a new window size restarts the player in place (same PID) with the new size.
# usage: config_reload.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"
export SDL_VIDEODRIVER=offscreen

cp "$root/themes/default.yaml" "$work/theme.yaml"
write_config() { # $1: hall name, $2: window size, $3: an extra line (a typo)
  cat >"$work/screen.yaml" <<CONF
# Written by config_reload.sh.
screen: {id: reload-01, hall: $1}
display: {fullscreen: false, size: $2}
$3
content: {source: $root/content/demo}
theme: $work/theme.yaml
CONF
}
# Waits up to 20 s until the player's log has had $2 lines matching regex $1.
wait_for_log() {
  local pattern=$1 count=${2:-1}
  for _ in $(seq 1 80); do
    [ "$(grep -cE "$pattern" "$work/play.log")" -ge "$count" ] && return 0
    kill -0 "$player" 2>/dev/null || fail "the player ended while waiting for: $pattern"
    sleep 0.25
  done
  fail "the player's log has no '$pattern' (x$count) after 20 s"
}

write_config 城西供电营业厅 640x360 ""
"$hallboard" play --config "$work/screen.yaml" --exit-after 120s 2>"$work/play.log" &
player=$!
server_pids+=("$player")
wait_for_log "first frame on screen"

write_config 城东供电营业厅 640x360 ""
wait_for_log "config: applied screen.hall"

sed -i -E 's/^(  background: )"#[0-9a-f]+"/\1"#fafaf0"/' "$work/theme.yaml"
grep -q '^  background: "#fafaf0"' "$work/theme.yaml" || fail "the test's theme edit did not apply"
wait_for_log "config: applied theme"

# A typo: reported once with file and line, the screen goes on with the config in force.
write_config 城东供电营业厅 640x360 "dispaly: {rotate: 90}"
wait_for_log "screen.yaml:4:1: error: .*did you mean 'display'"
wait_for_log "the edited file is not used"
sleep 5 # more checks: the same broken file is not reported again
[ "$(grep -c "did you mean 'display'" "$work/play.log")" = 1 ] || fail "the broken file was reported more than once"

# A new size needs a new window: the player restarts itself, under the same PID.
write_config 城东供电营业厅 800x450 ""
wait_for_log "config: display.size changed; restarting the player in place"
wait_for_log "first frame on screen" 2
grep -q "screen 'reload-01' (城东供电营业厅): 800x450" "$work/play.log" || fail "the restarted player is not 800x450"
kill -0 "$player" || fail "the restarted player is not the same process"

kill -TERM "$player"
wait "$player" || fail "the player did not stop cleanly on SIGTERM after its restart"
echo "ok: hall and theme applied live, the typo reported once, the new size applied by a restart in place"
