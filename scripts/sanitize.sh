#!/usr/bin/env bash
# Builds the whole tree and its tests with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# (any undefined behaviour stops the test), and runs every test through CTest.
#   scripts/sanitize.sh               everything (the whole suite, tests/app included)
#   scripts/sanitize.sh SUITE...      only these unit test suites (tests/<SUITE>, e.g. server base),
#                                     built and run alone: what CI runs (.ci/run, README)
# Build folder: build-sanitize (shared with scripts/fuzz.sh, which adds the fuzz targets to it).
# -O1 (not -O0): the suite runs several times faster and ASan still sees every access.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build=build-sanitize
suppressions="$PWD/scripts/lsan.supp"
# ccache, when installed, makes a rebuild after a small change take minutes instead of most of an hour.
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DHALLBOARD_BUILD_TESTS=ON -DHALLBOARD_BUILD_FUZZERS=ON "${launcher[@]}" >/dev/null
suites=("$@")
for suite in "${suites[@]}"; do
  case $suite in '' | *[!a-z_]*) echo "usage: scripts/sanitize.sh [SUITE...]" >&2; exit 2 ;; esac
done
if [ ${#suites[@]} -eq 0 ]; then
  cmake --build "$build" -j"$(nproc)"
else
  cmake --build "$build" -j"$(nproc)" --target "${suites[@]/#/test_}"
fi

# detect_leaks: LSan checks every test process at exit; suppressions name the third-party leaks
# we accept, each explained in scripts/lsan.supp. halt_on_error/abort_on_error: a report fails the test.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
if [ ${#suites[@]} -eq 0 ]; then
  ctest --output-on-failure --timeout 1200 -j"$(nproc)"
else
  pattern=$(IFS='|'; echo "${suites[*]}")
  ctest --output-on-failure --timeout 1200 -j"$(nproc)" -R "^($pattern)\$"
fi
