#!/usr/bin/env bash
# Installs what Hallboard needs, builds it, and plays the demo hall screen the way a hall runs:
# content/demo is signed and published into build/demo/tree, the embedded server serves that
# tree on a free loopback port, and the player syncs from the server into its own cache
# (build/demo/cache), verifying every signature and hash.
# With no display, the player says so in one line and points to xvfb-run and `hallboard render`.
# Extra arguments go to `hallboard play` (e.g. --exit-after 30s).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

hallboard=./build/hallboard
demo=build/demo
mkdir -p "$demo"
mkdir -p -m 700 "$demo/keys"

# A signing key and an admin token made once and kept: the screen's cache was filled with
# content signed by this key, so a new key would leave it unable to update.
[ -f "$demo/keys/demo.key" ] || "$hallboard" keygen --out "$demo/keys/demo" >/dev/null
[ -f "$demo/admin.token" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$demo/admin.token")
public_key=$(cat "$demo/keys/demo.pub")

# Each run publishes the demo content again: a new version, signed.
"$hallboard" publish content/demo --key "$demo/keys/demo.key" --out "$demo/tree"

server_pid=""
stop_server() { [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; true; }
trap stop_server EXIT
"$hallboard" serve "$demo/tree" --listen "${HALLBOARD_DEMO_LISTEN:-127.0.0.1:0}" --token-file "$demo/admin.token" \
  2>"$demo/server.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[^ ]*/' "$demo/server.log" 2>/dev/null | head -n1 | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$demo/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "demo: the server did not start listening within 10 s (see $demo/server.log)" >&2; exit 1; }
echo "demo: content server at $url (log: $demo/server.log, admin token: $demo/admin.token)"

# The screen config: config/demo.yaml's screen, fed by the server instead of a local folder.
root=$(pwd)
cat >"$demo/screen.yaml" <<EOF
# Written by scripts/demo.sh: the demo screen (config/demo.yaml) fed by the embedded server.
screen:
  id: hz-chengxi-01
  hall: 城西供电营业厅
  tags: [hangzhou, lobby]
display:
  fullscreen: false
  size: 1920x1080
content:
  server: $url
  poll: 5s
  cache: $root/$demo/cache
  public_key: $public_key
theme: $root/themes/default.yaml
timezone: Asia/Shanghai
EOF
"$hallboard" play --config "$demo/screen.yaml" "$@"
