#!/usr/bin/env bash
# Runs a command and checks its exit status and output: a tiny harness for process-level tests.
# usage: expect.sh --exit N [--stdout REGEX] [--stderr REGEX] [--file PATH] [--env K=V] [--unset K]
#                  [--term-after SECONDS] -- COMMAND...
set -u
expected_exit=0 stdout_pattern="" stderr_pattern="" expected_file="" term_after=""
env_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --exit) expected_exit=$2; shift 2 ;;
    --stdout) stdout_pattern=$2; shift 2 ;;
    --stderr) stderr_pattern=$2; shift 2 ;;
    --file) expected_file=$2; shift 2 ;;
    --env) env_args+=("$2"); shift 2 ;;
    --unset) env_args=(-u "$2" "${env_args[@]}"); shift 2 ;;
    --term-after) term_after=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "expect.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
[ -n "$expected_file" ] && rm -f "$expected_file"

env "${env_args[@]}" "$@" >"$out" 2>"$err" &
pid=$!
if [ -n "$term_after" ]; then
  sleep "$term_after"
  kill -TERM "$pid" 2>/dev/null
fi
# Bound the wait: a hung process is a failure, not a stuck test run.
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  kill -KILL "$pid"; echo "FAIL: command did not finish within 60 s" >&2; exit 1
fi
wait "$pid"; status=$?

failed=0
if [ "$status" -ne "$expected_exit" ]; then echo "FAIL: exit status $status, expected $expected_exit" >&2; failed=1; fi
if [ -n "$stdout_pattern" ] && ! grep -Eq -- "$stdout_pattern" "$out"; then echo "FAIL: stdout lacks /$stdout_pattern/" >&2; failed=1; fi
if [ -n "$stderr_pattern" ] && ! grep -Eq -- "$stderr_pattern" "$err"; then echo "FAIL: stderr lacks /$stderr_pattern/" >&2; failed=1; fi
if [ -n "$expected_file" ] && [ ! -s "$expected_file" ]; then echo "FAIL: $expected_file was not written" >&2; failed=1; fi
if [ "$failed" -ne 0 ]; then
  echo "--- command: $*" >&2
  echo "--- stdout:" >&2; head -c 4000 "$out" >&2
  echo "--- stderr:" >&2; head -c 4000 "$err" >&2
  exit 1
fi
echo "ok: exit $status"
