#!/usr/bin/env bash
# A week of a hall screen's life in minutes: `hallboard play` on a simulated clock running
# --speed times real time (slides, transitions, the ticker, midnight, opening hours 07:30-18:30
# with the dimmed clock at night), fed by `hallboard serve`, which gets a new version of the demo
# content at a third and at two thirds of the run (sync, version switch, old blobs collected).
# The player logs its figures at every simulated noon and midnight; this prints them as a table,
# with the growth from the first noon to the last. Then, in real time, the CPU a player uses at
# night: a minute of a blank screen and a minute of the dimmed clock.
#
# From a fresh clone (see README):
#   bash scripts/setup.sh && cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build -j2
#   scripts/measure_week.sh                    # 7 days at 1200x: about 9 minutes
#
# Options:
#   --days N       simulated days (default 7)
#   --speed S      simulated seconds per real second (default 1200: a day in 72 s)
#   --size WxH     screen size (default 1920x1080)
#   --binary PATH  the hallboard to measure (default build/hallboard)
#   --night N      seconds of each night measurement (default 60; 0 skips them)
#
# At these speeds a 10 s slide lasts a few milliseconds of real time, so the screen changes slide
# about every frame it can draw: far more slide changes, layouts and textures a day than a real
# screen sees, which is the point. Sync and heartbeats run in real time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
days=7
speed=1200
size=1920x1080
binary="$root/build/hallboard"
night=60
while [ $# -gt 0 ]; do
  case "$1" in
    --days) days="$2"; shift 2 ;;
    --speed) speed="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --night) night="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "measure_week: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v xvfb-run >/dev/null || { echo "measure_week: needs xvfb-run (bash scripts/setup.sh)" >&2; exit 1; }

work=$(mktemp -d)
server_pid="" player="" xvfb_pid=""
cleanup() {
  local pid
  for pid in $player $xvfb_pid $server_pid; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" keygen --out "$work/key" >/dev/null
(umask 077 && head -c 32 /dev/urandom | base64 >"$work/token")
publish() { "$binary" publish "$1" --key "$work/key.key" --to "$url" --token-file "$work/token" >/dev/null; }

cp -r "$root/content/demo" "$work/content"
"$binary" publish "$work/content" --key "$work/key.key" --out "$work/tree" >/dev/null
"$binary" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" 2>"$work/server.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[^ ]*/' "$work/server.log" 2>/dev/null | head -n1 | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log" >&2; exit 1; }

cat >"$work/screen.yaml" <<EOF
# Written by scripts/measure_week.sh.
screen: {id: week-01, hall: 城西供电营业厅, tags: [hangzhou, lobby]}
display: {fullscreen: false, size: $size, on_hours: "07:30-18:30", off_hours: clock}
content:
  server: $url
  poll: 10s
  cache: $work/cache
  public_key: $(cat "$work/key.pub")
theme: $root/themes/default.yaml
timezone: Asia/Shanghai
EOF

real_seconds=$(awk -v d="$days" -v s="$speed" 'BEGIN { printf "%d", d * 86400 / s }')
echo "measure_week: $days simulated days at ${speed}x: about $real_seconds s of real time; content server $url"
started=$(date +%s)
xvfb-run -a -s "-screen 0 ${size}x24" "$binary" play --config "$work/screen.yaml" \
  --clock-start "2026-11-30 00:00" --clock-speed "$speed" --exit-after "${days}d" 2>"$work/play.log" &
player=$!
# Two new versions while it plays: a changed title each time.
for part in 1 2; do
  sleep $((real_seconds / 3))
  sed -i "s/^title: .*/title: 2026年12月计划停电通知（第 $((part + 1)) 版）/" "$work/content/notices/80-outage-2026-12.yaml"
  publish "$work/content" && echo "measure_week: published version $((part + 1)) after $(($(date +%s) - started)) s"
done
wait "$player" || { tail -20 "$work/play.log" >&2; exit 1; }
echo "measure_week: done in $(($(date +%s) - started)) s"
grep -c "content: showing version" "$work/play.log" | xargs echo "measure_week: version switches seen by the player:"
# When the screen went off and came on: every day at 18:30 and 07:30 of the simulated clock.
echo "measure_week: screen off at $(grep -o 'screen off at [0-9-]* [0-9:]*' "$work/play.log" | awk '{ print $5 }' | sort | uniq -c | xargs)," \
  "on at $(grep -o 'screen on at [0-9-]* [0-9:]*' "$work/play.log" | awk '{ print $5 }' | sort | uniq -c | xargs) (count, simulated time)"

# "figures at 2026-11-30 12:00: RSS 40.2 MiB, open files 8, threads 4, textures 5 (0.0 MB held by the show), frames 1929, slides 818"
grep -o 'figures at .*' "$work/play.log" | awk '
  {
    when = $3 " " $4; sub(":$", "", when); rss = $6; files = $10; sub(",", "", files); threads = $12; sub(",", "", threads)
    textures = $14; frames = $(NF - 2); sub(",", "", frames); slides = $NF
    row[++n] = sprintf("%-17s %8s %6s %8s %9s %9s %8s", when, rss, files, threads, textures, frames, slides)
    noon[n] = ($4 ~ /^12/); r[n] = rss; f[n] = files; t[n] = textures; th[n] = threads
  }
  END {
    printf "%-17s %8s %6s %8s %9s %9s %8s\n", "simulated time", "RSS MiB", "files", "threads", "textures", "frames", "slides"
    for (i = 1; i <= n; ++i) print row[i]
    # Noon against noon (the screen on, slides and textures in use; at midnight it is off), from
    # the second noon (the first comes before every picture has been decoded once) to the last;
    # and midnight against midnight.
    for (i = 1; i <= n; ++i) { if (noon[i]) noons[++nn] = i; else nights[++nm] = i }
    if (nn >= 3)
      printf "noon to noon, %s to %s: RSS %+.1f MiB, open files %+d, threads %+d, textures %+d\n",
        substr(row[noons[2]], 1, 10), substr(row[noons[nn]], 1, 10), r[noons[nn]] - r[noons[2]],
        f[noons[nn]] - f[noons[2]], th[noons[nn]] - th[noons[2]], t[noons[nn]] - t[noons[2]]
    if (nm >= 3) # the last row is the one logged as the player stopped
      printf "midnight to midnight, %s to %s: RSS %+.1f MiB, open files %+d, threads %+d, textures %+d\n",
        substr(row[nights[1]], 1, 10), substr(row[nights[nm - 1]], 1, 10), r[nights[nm - 1]] - r[nights[1]],
        f[nights[nm - 1]] - f[nights[1]], th[nights[nm - 1]] - th[nights[1]], t[nights[nm - 1]] - t[nights[1]]
  }'

# At night, in real time: the player's CPU (user + system, % of one core) over $night seconds,
# from /proc/PID/stat, from 10 s after the first frame. Under Xvfb, as on a hall's X server:
# SDL's offscreen and dummy drivers cannot wait for events and poll every millisecond instead
# (about 3 % of a core), which is not what a screen does.
[ "$night" -gt 0 ] || exit 0
ticks=$(getconf CLK_TCK)
: >"$work/display"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 100); do grep -q '[0-9]' "$work/display" && break; sleep 0.1; done
display=":$(tr -dc '0-9' <"$work/display")"
for style in blank clock; do
  # The hall's config with a screen's usual 30 s poll: the night's sync and heartbeats count too.
  sed -e "s/off_hours: clock/off_hours: $style/" -e "s/poll: 10s/poll: 30s/" "$work/screen.yaml" >"$work/night.yaml"
  DISPLAY="$display" "$binary" play --config "$work/night.yaml" --clock-start "2026-12-01 23:00" --clock-speed 1 \
    2>"$work/night.log" &
  player=$!
  for _ in $(seq 1 100); do grep -q "first frame on screen" "$work/night.log" 2>/dev/null && break; sleep 0.1; done
  sleep 10 # the first sync (the newest version may not have reached the cache yet) is not the night
  cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
  before=$(cpu_of "$player") x_before=$(cpu_of "$xvfb_pid")
  sleep "$night"
  after=$(cpu_of "$player") x_after=$(cpu_of "$xvfb_pid")
  kill -TERM "$player"
  wait "$player" || true
  awk -v a="$before" -v b="$after" -v xa="$x_before" -v xb="$x_after" -v t="$ticks" -v s="$night" -v style="$style" \
    'BEGIN { printf "night, %-5s: player CPU %.3f %%, X server %.3f %% of one core over %d s\n", style, (b - a) / t / s * 100, (xb - xa) / t / s * 100, s }'
done
kill "$xvfb_pid"
wait "$xvfb_pid" 2>/dev/null || true
