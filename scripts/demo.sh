#!/usr/bin/env bash
# Installs what Hallboard needs, builds it, and plays the demo hall screen (content/demo).
# With no display, the player says so in one line and points to xvfb-run and `hallboard render`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
exec ./build/hallboard play --config config/demo.yaml "$@"
