#!/usr/bin/env bash
# Process-level test of `hallboard serve`: start it on a free loopback port, fetch /healthz and
# /manifest.json (and a 304), stop it with SIGTERM and expect exit status 0; then check that a
# token file others can read is refused.
# usage: serve_smoke.sh PATH/TO/hallboard
set -u
hallboard=$1
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- server log:" >&2; cat "$work/serve.log" >&2 2>/dev/null; exit 1; }

# A published tree: one blob, a manifest listing it, a signature-shaped line.
mkdir -p "$work/tree/blobs"
printf 'poster bytes' >"$work/blob"
hash=$(sha256sum "$work/blob" | cut -d' ' -f1)
cp "$work/blob" "$work/tree/blobs/$hash"
printf '{"format": 1, "version": 3, "blobs": [{"path": "assets/p.png", "sha256": "%s", "size": 12}]}' "$hash" \
  >"$work/tree/manifest.json"
head -c 64 /dev/urandom | base64 -w0 >"$work/tree/manifest.json.sig"
echo >>"$work/tree/manifest.json.sig"
(umask 077; printf 'smoke-%s\n' "$(head -c 24 /dev/urandom | base64 -w0 | tr '/+' '_-')" >"$work/token")

"$hallboard" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/serve.log" 2>/dev/null | grep -o '[0-9]*$')
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited before listening"
  sleep 0.1
done
[ -n "$port" ] || fail "the server did not say where it listens within 10 s"
base="http://127.0.0.1:$port"

health=$(curl -sS --max-time 5 "$base/healthz") || fail "GET /healthz failed"
echo "$health" | grep -q '"status":"ok"' || fail "/healthz said: $health"
echo "$health" | grep -q '"version":3' || fail "/healthz does not report version 3: $health"

curl -sS --max-time 5 -D "$work/headers" -o "$work/manifest" "$base/manifest.json" || fail "GET /manifest.json failed"
cmp -s "$work/manifest" "$work/tree/manifest.json" || fail "/manifest.json differs from the file"
etag=$(grep -i '^etag:' "$work/headers" | cut -d' ' -f2 | tr -d '\r')
[ -n "$etag" ] || fail "/manifest.json has no ETag"
status=$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/manifest.json")
[ "$status" = 304 ] || fail "If-None-Match $etag gave $status, not 304"
status=$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' --path-as-is "$base/blobs/../manifest.json")
[ "$status" = 404 ] || fail "/blobs/../manifest.json gave $status, not 404"
status=$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' -X PUT --data-binary @"$work/blob" "$base/admin/blobs/$hash")
[ "$status" = 401 ] || fail "an upload without the token gave $status, not 401"

kill -TERM "$server_pid"
for _ in $(seq 1 100); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 10 s of SIGTERM"
wait "$server_pid"
exit_status=$?
server_pid=""
[ "$exit_status" -eq 0 ] || fail "exit status $exit_status after SIGTERM, expected 0"
grep -q 'stopping on SIGTERM' "$work/serve.log" || fail "no 'stopping on SIGTERM' in the log"
grep -q 'GET /manifest.json 304 0B' "$work/serve.log" || fail "the 304 was not logged"

# A token file others can read is refused, with the fix in the message.
chmod 644 "$work/token"
"$hallboard" serve "$work/tree" --listen 127.0.0.1:0 --token-file "$work/token" 2>"$work/refused.log"
refused=$?
[ "$refused" -eq 2 ] || fail "a world-readable token file gave exit status $refused, expected 2"
grep -q 'chmod 600' "$work/refused.log" || fail "the refusal does not say how to fix it: $(cat "$work/refused.log")"

echo "ok: served version 3 on port $port, stopped on SIGTERM with status 0"
