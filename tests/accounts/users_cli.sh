#!/usr/bin/env bash
# The real `hallboard users` and `hallboard audit` on a fresh tree: users added, refused,
# listed, disabled; tokens written privately and revoked; passwords typed at a terminal are not
# echoed; every step is in the audit log and no password or token is, anywhere in state/.
# usage: users_cli.sh HALLBOARD
set -u
hallboard=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree
mkdir -p "$tree"

fail() {
  echo "FAIL: $*" >&2
  [ -f "$work/out" ] && { echo "--- stdout:"; cat "$work/out"; } >&2
  [ -f "$work/err" ] && { echo "--- stderr:"; cat "$work/err"; } >&2
  exit 1
}

# run STATUS [STDIN] -- COMMAND...: runs with STDIN as its input (a pipe, not a terminal) and
# checks the exit status; output in $work/out and $work/err.
run() {
  local expected=$1 input=$2
  shift 3
  printf '%s' "$input" | "$@" >"$work/out" 2>"$work/err"
  local status=$?
  [ "$status" = "$expected" ] || fail "exit $status, not $expected: $*"
}
expect_out() { grep -qE -- "$1" "$work/out" || fail "stdout lacks /$1/"; }
expect_err() { grep -qE -- "$1" "$work/err" || fail "stderr lacks /$1/"; }

users() { "$hallboard" users "$@"; }

# Adding: passwords from standard input (one line), names checked before a password is asked.
run 0 $'ada-password-1\n' -- users add ada --role admin --tree "$tree"
expect_out "^added ada \(ada, admin\)"
run 0 $'rita-password-1\n' -- users add rita --role reviewer --tree "$tree" --display-name "李丽（市营销中心）"
run 0 $'dana-password-1\n' -- users add dana --role drafter --tree "$tree"
run 2 $'whatever-password\n' -- users add Alice --role drafter --tree "$tree"
expect_err "'A' at position 1"
run 2 $'short\n' -- users add erin --role drafter --tree "$tree"
expect_err "at least 10 are needed"
run 2 $'dana-password-2\n' -- users add dana --role admin --tree "$tree"
expect_err "already a user named 'dana'"
run 2 "" -- users add erin --role root --tree "$tree"
expect_err "--role must be drafter, reviewer or admin"
run 2 $'erin-password-1\n' -- users add erin --role drafter --tree "$tree" --display-name $'\e[31mred'
expect_err "control characters"
run 2 "" -- users add erin --role drafter
expect_err "^usage: hallboard users add"
run 2 "" -- users frobnicate --tree "$tree"
expect_err "^usage: hallboard users"
run 1 $'erin-password-1\n' -- users add erin --role drafter --tree "$work/no-such-tree"
expect_err "no such folder"

[ "$(stat -c %a "$tree/state")" = 700 ] || fail "state/ is not 0700"
[ "$(stat -c %a "$tree/state/accounts.sqlite")" = 600 ] || fail "accounts.sqlite is not 0600"
[ "$(stat -c %a "$tree/state/audit.log")" = 600 ] || fail "audit.log is not 0600"

# A terminal: the password is asked twice and never echoed (a pseudo-terminal, as a person has).
python3 - "$hallboard" "$tree" >"$work/out" 2>"$work/err" <<'PYTHON' || fail "password at a terminal"
import os, pty, sys, time
hallboard, tree = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.execv(hallboard, [hallboard, "users", "passwd", "dana", "--tree", tree])
seen = b""
def read_until(marker):
    global seen
    deadline = time.time() + 30
    while marker not in seen:
        if time.time() > deadline:
            sys.exit("no prompt %r in %r" % (marker, seen))
        seen += os.read(fd, 1024)
read_until(b"new password for dana: ")
os.write(fd, b"dana-new-password\n")
read_until(b"again: ")
os.write(fd, b"dana-new-password\n")
try:
    while True:
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        seen += chunk
except OSError:
    pass  # EIO: the child closed the terminal
_, status = os.waitpid(pid, 0)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("exit %d: %r" % (os.waitstatus_to_exitcode(status), seen))
if b"dana-new-password" in seen:
    sys.exit("the password was echoed: %r" % seen)
if b"changed the password of dana" not in seen:
    sys.exit("no confirmation: %r" % seen)
PYTHON

# Listing: every user, role and state; display names as they are.
run 0 "" -- users list --tree "$tree"
expect_out "^NAME +DISPLAY NAME +ROLE +STATE +TOKENS"
expect_out "^rita +李丽（市营销中心） +reviewer +active +0"
expect_out "^dana +dana +drafter +active"
[ "$(grep -c . "$work/out")" = 4 ] || fail "users list should show 3 users"

# Tokens: a private file, one word, never overwritten; revoked by id, by file, or all of a user's.
run 0 "" -- users token rita --out "$work/rita.token" --tree "$tree"
expect_out "wrote token 1 of rita to"
[ "$(stat -c %a "$work/rita.token")" = 600 ] || fail "token file is not 0600"
grep -qE '^hbu_[A-Za-z0-9_-]{43}$' "$work/rita.token" || fail "token file does not hold one token"
run 2 "" -- users token rita --out "$work/rita.token" --tree "$tree"
expect_err "never overwritten"
run 0 "" -- users token rita --out "$work/rita2.token" --tree "$tree"
run 0 "" -- users token dana --out "$work/dana.token" --tree "$tree"
run 0 "" -- users list --tree "$tree"
expect_out "^rita +.* reviewer +active +2 "
run 0 "" -- users revoke-token --id 1 --tree "$tree"
expect_out "revoked 1 token"
run 0 "" -- users revoke-token --id 1 --tree "$tree"
expect_out "revoked 0 token"
run 2 "" -- users revoke-token --id 99 --tree "$tree"
expect_err "there is no token 99"
run 0 "" -- users revoke-token --token-file "$work/rita2.token" --tree "$tree"
expect_out "revoked 1 token"
run 0 "" -- users revoke-token dana --all --tree "$tree"
expect_out "revoked 1 token"
run 2 "" -- users revoke-token --tree "$tree"
expect_err "^usage:"

# Disabling: shown in the list; a disabled user gets no token.
run 0 "" -- users disable dana --tree "$tree"
run 0 "" -- users list --tree "$tree"
expect_out "^dana +dana +drafter +disabled"
run 2 "" -- users token dana --out "$work/dana2.token" --tree "$tree"
expect_err "is disabled"
[ ! -e "$work/dana2.token" ] || fail "a token file was written for a disabled user"
run 2 "" -- users disable nobody --tree "$tree"
expect_err "no user named 'nobody'"
run 0 "" -- users enable dana --tree "$tree"

# The audit log: every step above that reached the tree, in order, with the refusals (input
# refused before the tree is opened, a bad name or role, is not an action); filtered by user and date.
run 0 "" -- "$hallboard" audit --tree "$tree"
expect_out "^TIME \(UTC\) +USER +ACTION +SUBJECT +ADDRESS +RESULT"
actions=$(awk 'NR > 1 { print $3 }' "$work/out" | tr '\n' ' ')
expected="user_add user_add user_add user_add user_add user_passwd token_issue token_issue token_issue \
token_revoke token_revoke token_revoke token_revoke token_revoke user_disable token_issue user_disable user_enable "
[ "$actions" = "$expected" ] || fail "audit actions: '$actions', expected '$expected'"
expect_out "console:[^ ]+ +user_add +user rita \(reviewer\) +local +ok"
expect_out "user_add +user dana +local +refused: there is already a user named 'dana'"
expect_out "user_add +user erin +local +refused: the password has 5 characters"
expect_out "token_issue +token 1 of rita +local +ok"
expect_out "token_revoke +token 99 +local +refused: there is no token 99"
expect_out "token_issue +user dana +local +refused: user 'dana' is disabled"
run 0 "" -- "$hallboard" audit --tree "$tree" --user nobody
expect_out "^no audit entries match"
run 0 "" -- "$hallboard" audit --tree "$tree" --since 2000-01-01 --user "$(awk 'NR == 2 { print $2 }' "$work/out")"
run 0 "" -- "$hallboard" audit --tree "$tree" --since 2999-01-01
expect_out "^no audit entries match"
run 2 "" -- "$hallboard" audit --tree "$tree" --since yesterday
expect_err "--since wants a date"
run 2 "" -- "$hallboard" audit
expect_err "^usage: hallboard audit"

# No secret anywhere in state/: not a password, not a token, not a part of one.
for secret in ada-password-1 rita-password-1 dana-password-1 dana-new-password whatever-password \
  "$(cat "$work/rita.token")" "$(cut -c5-24 "$work/dana.token")"; do
  if grep -rqaF -- "$secret" "$tree/state"; then
    fail "secret '$secret' found in state/"
  fi
done

# A line written by something hostile and a line torn by a power loss: shown escaped, said, skipped.
printf '{"time":"2026-12-01T08:00:00Z","user":"x\\u001b[2Jy","action":"login","subject":"user x","result":"ok","address":"a\\r\\nforged"}\n{"time":"2026-12-01T08:00:01Z","us' >>"$tree/state/audit.log"
run 0 "" -- "$hallboard" audit --tree "$tree" --since 2026-12-01
grep -q $'\e' "$work/out" && fail "an escape character reached the terminal"
expect_out 'x\\x1b\[2Jy +login +user x +a\\x0d\\x0aforged +ok'
expect_err "last line is cut short"
# The next entry after the torn line is whole again.
run 0 "" -- users disable rita --tree "$tree"
run 0 "" -- "$hallboard" audit --tree "$tree" --user "$(id -un 2>/dev/null | sed 's/^/console:/')"
expect_out "user_disable +user rita +local +ok"
expect_err "line [0-9]+: not an audit entry"
echo "users_cli: ok"
