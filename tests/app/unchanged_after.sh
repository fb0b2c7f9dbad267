#!/usr/bin/env bash
# Runs a command and fails when it changed any file under a folder: for commands that promise
# to write nothing (publish --dry-run, refused publishes). Output and exit status pass through.
# usage: unchanged_after.sh DIR -- COMMAND...
set -u
dir=$1; shift
[ "$1" = "--" ] && shift
snapshot() { [ -d "$dir" ] && (cd "$dir" && find . -print0 | sort -z | xargs -0 -r sha256sum 2>/dev/null; find . | sort); }
before=$(snapshot)
"$@"; status=$?
after=$(snapshot)
if [ "$before" != "$after" ]; then
  echo "FAIL: the command changed files under $dir" >&2
  exit 99
fi
exit "$status"
