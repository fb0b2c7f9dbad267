# Shared by the publish and sync process tests (sourced, not run): a work folder removed at exit,
# servers started on free loopback ports and killed by PID at exit, and small checks.
# The sourcing script sets `hallboard` first.

work=$(mktemp -d)
server_pids=()
cleanup() {
  local pid
  exec 2>/dev/null # no "Killed" notices from the shell for the servers stopped here
  for pid in "${server_pids[@]}"; do
    kill -KILL "$pid"
  done
  wait
  rm -rf "$work"
}
trap cleanup EXIT

# Prints the logs of the run, then fails the test.
fail() {
  echo "FAIL: $*" >&2
  local log
  for log in "$work"/*.log "$work"/*.out "$work"/*.err; do
    [ -s "$log" ] || continue
    echo "--- $(basename "$log"):" >&2
    tail -n 40 "$log" >&2
  done
  exit 1
}

# A private admin token in $1.
make_token() {
  (umask 077 && printf 'test-%s\n' "$(head -c 24 /dev/urandom | base64 -w0 | tr '/+' '_-')" >"$1")
}

# Waits until log file $1 of process $2 matches the regex $3 (which captures the port as its last
# number); prints the port.
wait_for_port() {
  local log=$1 pid=$2 pattern=$3 port=""
  for _ in $(seq 1 100); do
    port=$(grep -oE "$pattern" "$log" 2>/dev/null | head -n1 | grep -oE '[0-9]+$')
    [ -n "$port" ] && { echo "$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# `hallboard serve TREE` on a free loopback port with token file TOKEN; sets serve_pid and
# serve_url. The log is $work/serve-NAME.log (NAME defaults to "main").
start_serve() {
  local tree=$1 token=$2 name=${3:-main}
  mkdir -p "$tree"
  "$hallboard" serve "$tree" --listen 127.0.0.1:0 --token-file "$token" 2>"$work/serve-$name.log" &
  serve_pid=$!
  server_pids+=("$serve_pid")
  local port
  port=$(wait_for_port "$work/serve-$name.log" "$serve_pid" 'listening on http://127\.0\.0\.1:[0-9]+') \
    || fail "hallboard serve did not start listening"
  serve_url="http://127.0.0.1:$port"
}

# Stops process $1 for good (SIGKILL) and waits for it.
kill_server() {
  { kill -KILL "$1" && wait "$1"; } 2>/dev/null
  return 0
}

# The "version" of the manifest at URL $1 (canonical JSON: `  "version": N,` on its own line).
served_version() {
  local manifest
  manifest=$(curl -sS --max-time 5 "$1/manifest.json") || return 0
  grep -m1 -oE '^  "version": [0-9]+' <<<"$manifest" | grep -oE '[0-9]+$'
}

# Runs a command, keeping its stdout and stderr in $work/NAME.out and $work/NAME.err, and
# checks its exit status: run NAME EXPECTED_STATUS COMMAND...
run() {
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/$name.out" 2>"$work/$name.err"
  local status=$?
  [ "$status" -eq "$expected" ] || fail "$name: exit status $status, expected $expected"
}

# Checks that file $1 matches the extended regex $2.
expect_in() {
  grep -qE -- "$2" "$1" || fail "$(basename "$1") does not match '$2'"
}

expect_not_in() {
  ! grep -qE -- "$2" "$1" || fail "$(basename "$1") matches '$2' but should not"
}

# A copy of content source $1 in $2 whose poster is $3 bytes larger (random bytes after the
# PNG's end: a new blob that still reads as a PNG).
copy_with_new_poster() {
  cp -r "$1" "$2"
  cat "$1/assets/poster.png" >"$2/assets/poster.png"
  head -c "$3" /dev/urandom >>"$2/assets/poster.png"
}

# A loopback port nothing listens on now (nginx cannot pick its own and report it).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# nginx (Debian's nginx-light) serving folder $1 as static files on a free loopback port, in the
# foreground under `timeout`, so that it stops by itself if the test is killed; everything it
# writes stays in $work/nginx. Sets nginx_pid (timeout's PID; SIGTERM reaches nginx) and nginx_url.
start_nginx() {
  local tree=$1 prefix=$work/nginx port user_line=""
  command -v nginx >/dev/null || fail "nginx is not installed (apt-get install nginx-light)"
  mkdir -p "$prefix/tmp"
  # As root, nginx would run its workers as nobody, who cannot read the private temp folder.
  [ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"
  for _ in 1 2 3 4 5; do
    port=$(free_port) || fail "no free loopback port"
    cat >"$prefix/nginx.conf" <<CONF
# Written by tests/app/test_lib.sh: a published tree as plain static files.
$user_line
worker_processes 1;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 64; }
http {
  access_log $prefix/access.log;
  client_body_temp_path $prefix/tmp/body;
  proxy_temp_path $prefix/tmp/proxy;
  fastcgi_temp_path $prefix/tmp/fastcgi;
  uwsgi_temp_path $prefix/tmp/uwsgi;
  scgi_temp_path $prefix/tmp/scgi;
  types { application/json json; text/plain sig; }
  default_type application/octet-stream;
  etag on;
  server {
    listen 127.0.0.1:$port;
    root $tree;
    location / { autoindex off; }
  }
}
CONF
    timeout -k 5 "${NGINX_LIFETIME:-120}" nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" \
      2>>"$work/nginx.log" &
    nginx_pid=$!
    server_pids+=("$nginx_pid")
    nginx_url="http://127.0.0.1:$port"
    for _ in $(seq 1 50); do
      curl -s -o /dev/null --max-time 1 "$nginx_url/" && return 0
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill_nginx
  done
  fail "nginx did not start (see nginx.log)"
}

# Stops nginx the way an admin would (SIGTERM via timeout) and waits until it is gone.
kill_nginx() {
  { kill -TERM "$nginx_pid" && wait "$nginx_pid"; } 2>/dev/null
  return 0
}

# A screen config (YAML like config/demo.yaml) for server URL $2, public key file $3 and cache
# folder $4, written to $1.
write_screen_config() {
  cat >"$1" <<CONF
# Written by a process test: a screen fed by a server.
screen:
  id: test-screen-01
  hall: 测试供电营业厅
display:
  fullscreen: false
  size: 1920x1080
content:
  server: $2
  poll: 2s
  cache: $4
  public_key: $(cat "$3")
timezone: Asia/Shanghai
CONF
}

# Checks cache folder $1 holds manifest file $2 (its exact bytes, after the signature line of
# current.manifest) and, for every blob that manifest lists, a file whose sha256 is its name.
expect_cache_holds() {
  local cache=$1 manifest=$2 sha
  [ -f "$cache/current.manifest" ] || fail "the cache has no current.manifest"
  tail -n +2 "$cache/current.manifest" | cmp -s - "$manifest" || fail "the cache does not hold $(basename "$manifest")"
  for sha in $(grep -oE '"sha256": "[0-9a-f]{64}"' "$manifest" | grep -oE '[0-9a-f]{64}'); do
    [ -f "$cache/blobs/$sha" ] || fail "the cache lacks blob $sha"
    [ "$(sha256sum "$cache/blobs/$sha" | cut -d' ' -f1)" = "$sha" ] || fail "blob $sha in the cache is damaged"
  done
}
