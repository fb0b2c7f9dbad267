#!/usr/bin/env bash
# Builds the whole tree and its tests with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# (any undefined behaviour stops the test), and runs every test through CTest.
# Build folder: build-sanitize (shared with scripts/fuzz.sh, which adds the fuzz targets to it).
# -O1 (not -O0): the suite runs several times faster and ASan still sees every access.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build=build-sanitize
suppressions="$PWD/scripts/lsan.supp"

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DHALLBOARD_BUILD_TESTS=ON -DHALLBOARD_BUILD_FUZZERS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"

# detect_leaks: LSan checks every test process at exit; suppressions name the third-party leaks
# we accept, each explained in scripts/lsan.supp. halt_on_error/abort_on_error: a report fails the test.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
ctest --output-on-failure --timeout 1200 -j"$(nproc)"
