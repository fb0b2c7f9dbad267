#!/usr/bin/env bash
# Measures `hallboard play` on the demo content under Xvfb, the way performance.md compares it
# with a browser kiosk: memory (PSS), CPU of the player, of the X server and of the whole
# machine, time from exec to the first frame, and ticker frames later than 25 ms.
#
# From a fresh clone:
#   bash scripts/setup.sh
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
#   cmake --build build -j2 --target hallboard
#   scripts/measure.sh                       # 1920x1080, 30 s, one run
#   scripts/measure.sh --runs 3 --compare    # three runs, each also with the old full-redraw loop
#
# Options:
#   --size WxH        screen size (default 1920x1080); a portrait size (e.g. 1080x1920) plays
#                     config/portrait.yaml, a landscape one config/demo.yaml
#   --seconds N       how long each measurement lasts (default 30)
#   --runs K          repeat K times; prints every run and the medians
#   --renderer R      auto, gpu or software (default: what the config says, auto)
#   --compare         also measure `play --full-redraw` (the loop before issue 5: the whole frame
#                     drawn and presented 60 times a second) in every run, and print the ratios
#   --baseline PATH   with --compare: measure this other hallboard instead (e.g. a build of an
#                     older commit), as it plays by default
#   --binary PATH     the hallboard to measure (default: build/hallboard, else build-*/hallboard)
#   --idle N          seconds of idle machine measured before each run (default 5)
#
# Units: CPU is in % of one core (100 = one core busy), as in performance.md, so the player's,
# the X server's and the whole machine's figures add up. "machine" is every process on the
# machine over the same window, from /proc/stat (user, nice, system, irq, softirq; not a VM's
# steal time); "idle" is the machine with Xvfb up and no
# player, measured just before, so that background load (a build next door) can be judged.
# PSS is the player's proportional set size (smaps_rollup), summed over its process tree,
# sampled every 3 seconds; the median of the samples is printed, with the highest.
# Processes are tracked by the PIDs this script started, never by name.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
size=1920x1080
seconds=30
runs=1
renderer=""
compare=0
binary=""
baseline=""
idle_seconds=5
pss_every=3 # seconds between PSS samples

while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --renderer) renderer="$2"; shift 2 ;;
    --compare) compare=1; shift ;;
    --binary) binary="$2"; shift 2 ;;
    --baseline) baseline="$2"; compare=1; shift 2 ;;
    --idle) idle_seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "measure: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if ! [[ "$size" =~ ^([0-9]+)x([0-9]+)$ ]]; then
  echo "measure: --size must look like 1920x1080" >&2; exit 2
fi
width="${BASH_REMATCH[1]}"
height="${BASH_REMATCH[2]}"
if [ -z "$binary" ]; then
  for candidate in "$root/build/hallboard" "$root"/build-*/hallboard; do
    if [ -x "$candidate" ]; then binary="$candidate"; break; fi
  done
fi
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
  echo "measure: no hallboard binary; build it first (see the top of this script) or pass --binary" >&2; exit 1
fi
command -v Xvfb >/dev/null || { echo "measure: Xvfb is not installed; run scripts/setup.sh" >&2; exit 1; }

work="$(mktemp -d /tmp/hallboard-measure.XXXXXX)"
xvfb_pid=""
player_pid=""
cleanup() {
  [ -n "$player_pid" ] && kill "$player_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The demo (or portrait) config at the measured size, with its relative paths made absolute
# (and without display.renderer, so that a build from before that key can be measured too).
if [ "$height" -gt "$width" ]; then base_config="$root/config/portrait.yaml"; else base_config="$root/config/demo.yaml"; fi
config="$work/screen.yaml"
sed -e "s|^\(  size:\s*\)[0-9]*x[0-9]*|\1${width}x${height}|" \
    -e "s|^\(  fullscreen:\s*\)[a-z]*|\1false|" \
    -e "s|\.\./content/|$root/content/|" -e "s|\.\./themes/|$root/themes/|" \
    -e "/^  renderer:/d" "$base_config" > "$config"  # auto is the default; --renderer says otherwise

ticks_per_second="$(getconf CLK_TCK)"
cores="$(getconf _NPROCESSORS_ONLN)"

# utime + stime of one process, in clock ticks (fields after the command name, which may hold spaces).
process_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  echo "${stat##*) }" | awk '{ print $12 + $13 }'
}
# Busy and total ticks of the whole machine, summed over all cores. Steal (time the hypervisor
# gave this VM's cores to someone else) is not this machine's work: counted in the total only.
machine_ticks() {
  awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; total = busy + $5 + $6 + $9; print busy, total }' /proc/stat
}
# A process and all its descendants.
process_tree() {
  local pid="$1" child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do process_tree "$child"; done
}
pss_kib() {
  local total=0 pid value
  for pid in $(process_tree "$1"); do
    value="$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)"
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
percent() { awk -v t="$1" -v s="$2" -v hz="$ticks_per_second" 'BEGIN { printf "%.2f", (s > 0 ? 100 * t / (hz * s) : 0) }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

start_xvfb() {
  # -displayfd: Xvfb picks a free display number itself and writes it once it is ready.
  : > "$work/display"
  Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp -noreset 3> "$work/display" 2> "$work/xvfb.log" &
  xvfb_pid=$!
  local waited=0
  while ! grep -q '[0-9]' "$work/display" 2>/dev/null; do
    sleep 0.1
    waited=$((waited + 1))
    if [ $waited -gt 100 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "measure: Xvfb did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1
    fi
  done
  display=":$(tr -dc '0-9' < "$work/display")"
}

stop_xvfb() {
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=""
}

# Measures one play run; sets `result` to
# "pss_median pss_max player_cpu x_cpu machine_cpu idle_cpu first_frame late_per_10s".
# Runs in this shell (not in $(...)), so that the trap above knows the PIDs to stop.
measure_play() {
  local label="$1" program="$2"; shift 2
  local log="$work/$label.log"
  start_xvfb

  # The idle machine, with the X server up and no player: the background to judge CPU by.
  local idle_busy0 idle_total0 idle_busy1 idle_total1
  read -r idle_busy0 idle_total0 < <(machine_ticks)
  sleep "$idle_seconds"
  read -r idle_busy1 idle_total1 < <(machine_ticks)
  local idle_cpu
  idle_cpu="$(awk -v b=$((idle_busy1 - idle_busy0)) -v t=$((idle_total1 - idle_total0)) -v c="$cores" 'BEGIN { printf "%.2f", (t > 0 ? 100 * b * c / t : 0) }')"

  local launched
  launched="$(now)"
  DISPLAY="$display" SDL_AUDIODRIVER=dummy "$program" play --config "$config" "$@" > "$log" 2>&1 &
  player_pid=$!

  # The window opens on the first frame: from then on, steady state.
  local waited=0 seen_first=""
  while ! grep -q "first frame" "$log" 2>/dev/null; do
    sleep 0.02
    waited=$((waited + 1))
    if [ $waited -gt 1500 ] || ! kill -0 "$player_pid" 2>/dev/null; then
      echo "measure: the player did not show a frame:" >&2; cat "$log" >&2; exit 1
    fi
  done
  seen_first="$(now)" # for a player that does not log the wall time of its first frame (an older build)
  sleep 1 # past the first frame's work

  local p0 x0 m_busy0 m_total0 p1 x1 m_busy1 m_total1 started ended
  started="$(now)"
  p0="$(process_ticks "$player_pid")"
  x0="$(process_ticks "$xvfb_pid")"
  read -r m_busy0 m_total0 < <(machine_ticks)
  # PSS every few seconds: reading smaps_rollup and starting awk cost CPU of their own, which
  # lands in the machine's figure.
  : > "$work/pss"
  local second
  for ((second = 1; second <= seconds; ++second)); do
    sleep 1
    if [ $((second % pss_every)) -eq 0 ] || [ "$second" -eq "$seconds" ]; then pss_kib "$player_pid" >> "$work/pss"; fi
  done
  p1="$(process_ticks "$player_pid")"
  x1="$(process_ticks "$xvfb_pid")"
  read -r m_busy1 m_total1 < <(machine_ticks)
  ended="$(now)"

  kill -TERM "$player_pid"
  wait "$player_pid" || true
  player_pid=""
  stop_xvfb

  local elapsed player_cpu x_cpu machine_cpu pss_median pss_max first_frame late
  elapsed="$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')"
  player_cpu="$(percent $((p1 - p0)) "$elapsed")"
  x_cpu="$(percent $((x1 - x0)) "$elapsed")"
  machine_cpu="$(awk -v b=$((m_busy1 - m_busy0)) -v t=$((m_total1 - m_total0)) -v c="$cores" 'BEGIN { printf "%.2f", (t > 0 ? 100 * b * c / t : 0) }')"
  pss_median="$(awk '{ print $1 / 1024 }' "$work/pss" | median)"
  pss_max="$(awk 'BEGIN { m = 0 } { if ($1 > m) m = $1 } END { printf "%.1f", m / 1024 }' "$work/pss")"
  # Exec to first frame: the player logs the wall time of its first frame.
  first_frame="$(sed -n 's/.*first frame on screen .*(at \([0-9.]*\) since the epoch).*/\1/p' "$log" | head -1)"
  first_frame="$(awk -v a="$launched" -v b="${first_frame:-$seen_first}" 'BEGIN { printf "%.3f", b - a }')"
  late="$(sed -n 's/.*ticker: .*(\([0-9.]*\) per 10 s).*/\1/p' "$log" | tail -1)"
  cp "$log" "$work/last-$label.log"
  result="$(printf '%.1f %s %s %s %s %s %s %s' "$pss_median" "$pss_max" "$player_cpu" "$x_cpu" "$machine_cpu" "$idle_cpu" "$first_frame" "${late:--}")"
}

old_label="full redraw"
[ -n "$baseline" ] && old_label="baseline"
renderer_args=()
[ -n "$renderer" ] && renderer_args=(--renderer "$renderer")

echo "hallboard measure: playing $(basename "$base_config") at ${width}x${height} under Xvfb, ${seconds} s a run, $runs run(s), $cores cores"
echo "binary: $binary${renderer:+, renderer $renderer}"
[ $compare -eq 1 ] && echo "compared with: ${baseline:-the same binary with --full-redraw (the loop before issue 5)}"
header='%-12s %9s %9s %8s %8s %9s %8s %8s %12s\n'
printf "$header" "" "PSS MiB" "PSS max" "player%" "X%" "machine%" "idle%" "first s" "late/10s"

for kind in new old; do : > "$work/results-$kind"; done
for ((run = 1; run <= runs; ++run)); do
  measure_play new "$binary" "${renderer_args[@]}"
  echo "$result" >> "$work/results-new"
  printf "$header" "run $run" $result
  if [ "$run" -eq 1 ]; then grep -m1 "renderer:" "$work/last-new.log" | sed 's/^.*info: /             /'; fi
  if [ $compare -eq 1 ]; then
    if [ -n "$baseline" ]; then measure_play old "$baseline"; else measure_play old "$binary" --full-redraw; fi
    echo "$result" >> "$work/results-old"
    printf "$header" "  $old_label" $result
  fi
done

medians() { for column in 1 2 3 4 5 6 7 8; do awk -v c=$column '{ print $c }' "$1" | grep -v '^-$' | median; done | tr '\n' ' '; }
if [ "$runs" -gt 1 ] || [ $compare -eq 1 ]; then
  new_medians="$(medians "$work/results-new")"
  printf "$header" "median" $new_medians
  if [ $compare -eq 1 ]; then
    old_medians="$(medians "$work/results-old")"
    printf "$header" "  $old_label" $old_medians
    read -r n_pss n_max n_player n_x n_machine n_idle n_first n_late <<< "$new_medians"
    read -r o_pss o_max o_player o_x o_machine o_idle o_first o_late <<< "$old_medians"
    awk -v np="$n_player" -v op="$o_player" -v nx="$n_x" -v ox="$o_x" -v nm="$n_machine" -v om="$o_machine" -v ni="$n_idle" -v oi="$o_idle" -v ns="$n_pss" -v os="$o_pss" 'BEGIN {
      # With the machine busy anyway (a build next door), "machine minus idle" means nothing.
      machine = ((om - oi) > 1 && (nm - ni) > 0) ? sprintf("%.2f", (nm - ni) / (om - oi)) : "n/a (background load)"
      printf "ratio new/old: player CPU %.2f, X CPU %.2f, player+X %.2f, machine minus idle %s, PSS %.2f\n",
        (op > 0 ? np / op : 0), (ox > 0 ? nx / ox : 0), ((op + ox) > 0 ? (np + nx) / (op + ox) : 0),
        machine, (os > 0 ? ns / os : 0) }'
  fi
fi
