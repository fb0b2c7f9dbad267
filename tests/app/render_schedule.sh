#!/usr/bin/env bash
# `hallboard render --at` on the scheduling fixture (tests/app/data/schedule-source, also judged
# by tests/schedule/schedule_judge_cases_test.cpp): at each moment, exactly the notices the screen
# would rotate, in order, one page file each (NN-<id>-<page>.png): a tariff handing over to its
# successor at midnight, nights past midnight (every night, and Thursday's only), an urgent notice
# first while valid, an expired one and one tagged for another hall never, tickers never.
# usage: render_schedule.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"
export SDL_VIDEODRIVER=dummy
data=$root/tests/app/data
config=$data/schedule-config.yaml

# The fixture is valid, and every slide of it lays out on the screen.
run check-source 0 "$hallboard" check "$data/schedule-source"
expect_in "$work/check-source.out" "^ok: .*schedule-source: content source, 9 slide\(s\), 1 ticker message\(s\)$"
run check-config 0 "$hallboard" check "$config" --size 960x540
expect_in "$work/check-config.out" "^laid out 9 slide\(s\) at 960x540$"

# The ids of the pages render wrote, in file order, one word per page: "tariff-2026:1 hotlines:1".
pages_written() {
  local file name pages=""
  for file in "$1"/[0-9][0-9]-*.png; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .png)
    name=${name#[0-9][0-9]-}
    pages+="${pages:+ }${name%-*}:${name##*-}"
  done
  echo "$pages"
}

# render_at NAME "YYYY-MM-DD HH:MM" EXPECTED_IDS...: every expected notice in order, one page each.
step=0
render_at() {
  local name=$1 moment=$2 expected="" id
  shift 2
  for id in "$@"; do
    expected+="${expected:+ }$id:1"
  done
  step=$((step + 1))
  local out=$work/$step-$name
  run "$step-$name" 0 "$hallboard" render --config "$config" --out "$out" --at "$moment"
  expect_in "$work/$step-$name.out" "^wrote $# page\(s\) of $# slide\(s\) at 960x540 and index.png to "
  [ -s "$out/index.png" ] || fail "$name: no index.png"
  local written
  written=$(pages_written "$out")
  [ "$written" = "$expected" ] || fail "$name ($moment): rendered '$written', expected '$expected'"
}

# 2026-12-31 is a Thursday, 2027-01-01 a Friday. The screen is on 07:30-12:00, 12:00-18:30.
render_at expired-last-minute "2026-11-30 17:00" tariff-2026 hotlines lobby-only expired-outage
render_at expired "2026-11-30 17:01" tariff-2026 hotlines lobby-only
render_at wednesday-night "2026-12-31 01:00" tariff-2026 hotlines night-duty lobby-only
render_at new-years-eve-noon "2026-12-31 12:00" tariff-2026 hotlines lobby-only
render_at thursday-night "2026-12-31 23:00" tariff-2026 hotlines night-duty thursday-night-maintenance lobby-only
render_at last-minute-of-2026 "2026-12-31 23:59" tariff-2026 hotlines night-duty thursday-night-maintenance lobby-only
render_at midnight "2027-01-01 00:00" tariff-2027 hotlines night-duty thursday-night-maintenance lobby-only
render_at morning "2027-01-01 06:00" tariff-2027 hotlines lobby-only
render_at before-urgent "2027-01-01 07:59" tariff-2027 hotlines lobby-only
render_at urgent-begins "2027-01-01 08:00" urgent-outage tariff-2027 hotlines lobby-only
render_at urgent-last-minute "2027-01-01 18:00" urgent-outage tariff-2027 hotlines lobby-only
render_at urgent-over "2027-01-01 18:01" tariff-2027 hotlines lobby-only
render_at friday-night "2027-01-01 23:00" tariff-2027 hotlines night-duty lobby-only

# A preview outside display.on_hours says that the screen is blank then; inside, it does not.
expect_in "$work/13-friday-night.out" "^note: at 2027-01-01 23:00 the screen is off"
expect_not_in "$work/10-urgent-begins.out" "^note: "
expect_not_in "$work/4-new-years-eve-noon.out" "^note: "
exit 0
