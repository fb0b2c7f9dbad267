#!/usr/bin/env bash
# Installs what Hallboard needs, builds it with its tests, and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The tree is formatted by .clang-format; a file that differs fails the run before the build.
find base content player tests fuzz \( -name '*.cpp' -o -name '*.h' \) -print0 \
  | xargs -0 clang-format --dry-run --Werror
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALLBOARD_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure --timeout 600 -j"$(nproc)"
