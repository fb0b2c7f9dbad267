#!/usr/bin/env bash
# The hall's week through `hallboard render --at` (issue 15): weekday hours, a short Saturday, a
# closed Sunday, a public holiday and a make-up working Sunday from the content's calendar.yaml.
# off-hours.png is written exactly when the hall is closed, and the note says why. A broken
# calendar.yaml is refused by `check` at its line.
# usage: render_week.sh PATH/TO/hallboard SOURCE_ROOT
set -u
hallboard=$1
root=$2
source "$(dirname "$0")/test_lib.sh"
export SDL_VIDEODRIVER=dummy

source_dir=$work/content
mkdir -p "$source_dir/notices"
cp "$root/tests/app/data/schedule-source/notices/20-hotlines.yaml" "$source_dir/notices/"
cat >"$source_dir/calendar.yaml" <<'YAML'
holidays:
  - {name: 国庆节, from: 2026-10-01, until: 2026-10-07}
workdays:
  - {name: 国庆节调休, date: 2026-09-27, follows: fri}
YAML
config=$work/screen.yaml
cat >"$config" <<YAML
screen: {id: week-01, hall: 城西供电营业厅}
display:
  fullscreen: false
  size: 960x540
  on_hours:
    mon-fri: "08:30-17:30"
    sat: "09:00-12:00"
    sun: off
content: {source: $source_dir}
theme: $root/themes/default.yaml
timezone: Asia/Shanghai
YAML

run check-config 0 "$hallboard" check "$config"
run check-source 0 "$hallboard" check "$source_dir"

# render_at NAME "YYYY-MM-DD HH:MM" open|closed [REASON-REGEX]
step=0
render_at() {
  local name=$1 moment=$2 state=$3 reason=${4:-}
  step=$((step + 1))
  local out=$work/$step-$name
  run "$step-$name" 0 "$hallboard" render --config "$config" --out "$out" --at "$moment"
  if [ "$state" = closed ]; then
    [ -s "$out/off-hours.png" ] || fail "$name ($moment): the hall is closed but no off-hours.png"
    expect_in "$work/$step-$name.out" "^note: at $moment the screen is off \\($reason"
  else
    [ ! -e "$out/off-hours.png" ] || fail "$name ($moment): the hall is open but off-hours.png was written"
    expect_not_in "$work/$step-$name.out" "^note: "
  fi
}

render_at weekday-morning "2026-12-01 08:30" open            # Tuesday
render_at weekday-early "2026-12-01 08:29" closed "outside display.on_hours"
render_at saturday-morning "2026-12-05 11:59" open
render_at saturday-afternoon "2026-12-05 13:00" closed "outside display.on_hours"
render_at sunday "2026-12-06 10:00" closed "outside display.on_hours"
render_at national-day "2026-10-01 10:00" closed "on holiday 国庆节"
render_at national-day-weekend "2026-10-03 10:00" closed "on holiday 国庆节"
render_at make-up-sunday "2026-09-27 17:00" open             # keeps Friday's hours
render_at make-up-sunday-evening "2026-09-27 17:30" closed "outside display.on_hours"

# A calendar with a make-up day inside a holiday: check names the line; render refuses nothing
# else but reports the same error.
cat >"$source_dir/calendar.yaml" <<'YAML'
holidays:
  - {name: 国庆节, from: 2026-10-01, until: 2026-10-07}
workdays:
  - {name: 调休, date: 2026-10-03}
YAML
run check-broken 2 "$hallboard" check "$source_dir"
expect_in "$work/check-broken.err" "calendar.yaml:4:[0-9]+: error: make-up working day 2026-10-03 is inside holiday '国庆节' \\(line 2\\)"

# A day named twice in the config: the line and both keys.
sed -i 's/    sun: off/    sun: off\n    sat-sun: "10:00-11:00"/' "$config"
run check-twice 2 "$hallboard" check "$config"
expect_in "$work/check-twice.err" "screen.yaml:[0-9]+:[0-9]+: error: sat is given twice in 'on_hours'"
exit 0
