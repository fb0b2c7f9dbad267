#!/usr/bin/env bash
# `hallboard render` writes lines.json beside the PNGs, and what it lists meets the size policy:
# no text below 0.037 of the short side, no table row split over pages, and 3840x2160 laid out
# exactly as 1920x1080 with every size doubled (docs/preview.md).
# usage: lines_check.sh PATH/TO/hallboard SOURCE_ROOT CONFIG [THEME_MIN]
set -u
hallboard=$1
root=$2
config=$3
minimum=${4:-0.037}
export SDL_VIDEODRIVER=dummy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for size in 1920x1080 1080x1920 3840x2160; do
  if ! "$hallboard" render --config "$config" --size "$size" --out "$work/$size" >"$work/$size.log" 2>&1; then
    echo "FAIL: render at $size:" >&2
    cat "$work/$size.log" >&2
    exit 1
  fi
  [ -s "$work/$size/lines.json" ] || { echo "FAIL: no lines.json at $size" >&2; exit 1; }
done
python3 "$root/tests/app/check_lines.py" "$work/1920x1080" --min "$minimum" || status=1
python3 "$root/tests/app/check_lines.py" "$work/1080x1920" --min "$minimum" || status=1
python3 "$root/tests/app/check_lines.py" "$work/3840x2160" --min "$minimum" --same-as "$work/1920x1080" || status=1
exit $status
