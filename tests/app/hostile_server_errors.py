#!/usr/bin/env python3
"""Process-level test of issue 13: an error message written by a hostile (or broken) server
never reaches the admin's terminal raw. A fake server on 127.0.0.1 answers every request with
HTTP 500 and an "error" holding ESC, BEL, CR/LF, C1 CSI and a bidi override; `hallboard
screens`, `hallboard report` and `hallboard publish --to` must print it escaped (and still fail).
usage: hostile_server_errors.py PATH/TO/hallboard"""
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

HOSTILE = "boom\x1b[31mRED\x07\r\nerror: forged line\u009b2J\u202eevil"


class HostileHandler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        body = json.dumps({"error": HOSTILE}).encode()
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = answer
    do_POST = answer

    def log_message(self, *args):
        pass


def main():
    hallboard = sys.argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % server.server_address[1]
    failures = []
    with tempfile.TemporaryDirectory() as work:
        token = os.path.join(work, "token")
        with open(token, "w") as f:
            f.write("screens-0123456789abcdefghijklmnopqrstuv\n")
        os.chmod(token, 0o600)
        subprocess.run([hallboard, "keygen", "--out", os.path.join(work, "hall")], check=True,
                       capture_output=True, timeout=30)
        demo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content", "demo")
        publish = ["publish", demo, "--key", os.path.join(work, "hall.key"), "--to", url]
        for command in (["screens"], ["report", "--since", "2026-12-01"], publish):
            where = [] if command is publish else ["--server", url]
            run = subprocess.run([hallboard, *command, *where, "--token-file", token],
                                 capture_output=True, timeout=30)
            output = (run.stdout + run.stderr).decode("utf-8", "replace")
            name = command[0]
            if run.returncode == 0:
                failures.append("%s exited 0 on HTTP 500" % name)
            if "boom" not in output:
                failures.append("%s did not show the server's message: %r" % (name, output))
            for raw in ("\x1b", "\x07", "\r", "\u009b", "\u202e", "\nerror: forged line"):
                if raw in output:
                    failures.append("%s printed %r raw: %r" % (name, raw, output))
    server.shutdown()
    if failures:
        print("FAIL:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("ok: the hostile server's message was printed escaped by screens, report and publish")
    return 0


if __name__ == "__main__":
    sys.exit(main())
