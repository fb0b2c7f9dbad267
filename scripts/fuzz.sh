#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) and runs each for SECONDS (default 30),
# starting from its seed corpus in fuzz/corpus/<target>/. Prints runs and crashes per target; exits
# 1 when any target crashed, keeping the crashing inputs in the folder it prints.
# Build folder: build-sanitize (shared with scripts/sanitize.sh; only the fuzz targets are built here).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
case $seconds in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
bash scripts/setup.sh >/dev/null
build=build-sanitize
launcher=() # same configuration as scripts/sanitize.sh, so the two share one build
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
targets=(notice screen_config theme manifest heartbeat server)
declare -A dictionaries=([notice]=yaml.dict [screen_config]=yaml.dict [theme]=yaml.dict [server]=server.dict)

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DHALLBOARD_BUILD_TESTS=ON -DHALLBOARD_BUILD_FUZZERS=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

out="$PWD/$build/fuzz-runs"
crashes="$out/crashes"
mkdir -p "$crashes"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=0
printf '%-14s %12s %8s\n' target runs crashes
for target in "${targets[@]}"; do
  # New inputs the run finds go to a scratch corpus, so the committed seeds stay small.
  corpus="$out/corpus/$target"
  rm -rf "$crashes/$target"
  mkdir -p "$corpus" "$crashes/$target"
  options=(-max_total_time="$seconds" -rss_limit_mb=4096 -timeout=25 -print_final_stats=1
    -artifact_prefix="$crashes/$target/")
  if [ -n "${dictionaries[$target]:-}" ]; then options+=(-dict="fuzz/${dictionaries[$target]}"); fi
  log="$out/$target.log"
  status=0
  "$build/fuzz/fuzz_$target" "${options[@]}" "$corpus" "fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found=$(find "$crashes/$target" -type f | wc -l)
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi # died without writing an input
  printf '%-14s %12s %8s\n' "$target" "${runs:-?}" "$found"
  if [ "$found" -ne 0 ]; then
    failed=1
    grep -m 3 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | sed 's/^/    /' || true
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz: crashes; inputs in $crashes, logs in $out" >&2
  exit 1
fi
echo "fuzz: no crashes (logs in $out)"
