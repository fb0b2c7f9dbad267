#!/usr/bin/env bash
# Measures publishing and sync on loopback with the real binaries, and prints:
#   - requests per second `hallboard serve` answers with 304 for /manifest.json (wrk, if installed),
#   - bytes on the wire for a poll when nothing changed (curl, with the ETag a screen sends),
#   - time from `hallboard publish --to` returning to the player showing the new version, with a
#     2 s poll (the player runs offscreen with SDL's dummy video driver), RUNS times, and the median.
# usage: scripts/measure_sync.sh [--runs N] [--wrk-seconds S]     (after a build in build/)
# Servers and the player are started here on free loopback ports and stopped by PID at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
wrk_seconds=10
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --wrk-seconds) wrk_seconds=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--wrk-seconds S]" >&2; exit 2 ;;
  esac
done
hallboard=$(pwd)/build/hallboard
[ -x "$hallboard" ] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 1; }
source tests/app/test_lib.sh # work folder, start_serve, make_token, write_screen_config; cleanup at exit

"$hallboard" keygen --out "$work/hall" >/dev/null
make_token "$work/token"
start_serve "$work/tree" "$work/token"
url=$serve_url
publish() { "$hallboard" publish "$1" --key "$work/hall.key" --to "$url" --token-file "$work/token" >/dev/null; }
cp -r content/demo "$work/source"
publish "$work/source"

# 1. 304 answers per second.
etag=$(curl -sS -D - -o /dev/null "$url/manifest.json" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
if command -v wrk >/dev/null; then
  rps=$(wrk -t2 -c16 -d"${wrk_seconds}s" -H "If-None-Match: $etag" "$url/manifest.json" | grep 'Requests/sec' | awk '{print $2}')
  echo "304 answers per second (wrk -t2 -c16, ${wrk_seconds}s):  $rps"
else
  echo "304 answers per second: wrk is not installed (apt-get install wrk) - skipped"
fi

# 2. One poll when nothing changed: request and answer, headers included.
read -r down header request < <(curl -sS -o /dev/null -w '%{size_download} %{size_header} %{size_request}\n' \
  -H "If-None-Match: $etag" -H 'Accept-Encoding: deflate, gzip, br' "$url/manifest.json")
echo "bytes for an unchanged poll:  $((down + header + request)) (request $request, answer headers $header, body $down)"

# 3. Publish -> showing, with a 2 s poll.
write_screen_config "$work/screen.yaml" "$url" "$work/hall.pub" "$work/cache"
SDL_VIDEODRIVER=dummy "$hallboard" play --config "$work/screen.yaml" 2>"$work/play.log" &
server_pids+=("$!")
for _ in $(seq 1 100); do grep -q 'content: showing version' "$work/play.log" && break; sleep 0.1; done
grep -q 'content: showing version' "$work/play.log" || { echo "the player did not show the first version" >&2; tail "$work/play.log" >&2; exit 1; }

latencies=()
for run in $(seq 1 "$runs"); do
  # Wait a random part of the poll interval, so that the publish lands anywhere in it.
  sleep "0.$((RANDOM % 10))"
  sed -i "s/^title: .*/title: 2026年12月计划停电通知（第 $run 次更新）/" "$work/source/notices/80-outage-2026-12.yaml"
  before=$(grep -c 'content: showing version' "$work/play.log")
  publish "$work/source"
  published=$(date +%s.%N)
  while [ "$(grep -c 'content: showing version' "$work/play.log")" -le "$before" ]; do sleep 0.01; done
  shown=$(date +%s.%N)
  latencies+=("$(awk -v a="$published" -v b="$shown" 'BEGIN {print b - a}')")
  printf 'publish -> showing, run %d:  %.2f s\n' "$run" "${latencies[-1]}"
done
median=$(printf '%s\n' "${latencies[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf 'publish -> showing with a 2 s poll, median of %d:  %.2f s\n' "$runs" "$median"
