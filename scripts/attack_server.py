#!/usr/bin/env python3
"""Attacks a `hallboard serve` on loopback and measures whether screens are still answered.

Slow request heads (slowloris), an endless header flood, a flood of made-up screen ids and
heartbeats full of control characters, while polling GET /manifest.json like a screen; prints
poll latency (p50, max), what the server cut, how the id flood was answered, whether a real new
screen was still taken after it, whether `hallboard screens` printed only clean text, and the
server's peak RSS. Exits 1 when a bound given on the command line is broken. Python 3 standard
library only. For loopback test servers only: attacks from 127.0.0.2... need Linux (all of
127.0.0.0/8 is local there), so the poller (127.0.0.1) is another client address.

  python3 scripts/attack_server.py --url http://127.0.0.1:8080 --slowloris 200 --sources 20 \
      --flood --id-flood 10000 --control-chars --hallboard build/hallboard --token-file admin.token \
      --duration 15 --pid $(pgrep -n hallboard) --max-poll-ms 1000 --max-rss-mb 100
"""
import argparse
import datetime
import http.client
import json
import re
import subprocess
import socket
import sys
import threading
import time
import urllib.parse

stop = threading.Event()
lock = threading.Lock()
stats = {"slow_opened": 0, "slow_closed_by_server": 0, "flood_bytes": 0, "flood_connections": 0,
         "flood_cut": 0, "ids_sent": 0, "ids_stored": 0, "ids_429": 0, "ids_503": 0, "ids_other": 0}


def bump(key, n=1):
    with lock:
        stats[key] += n


def connect(host, port, source):
    sock = socket.create_connection((host, port), timeout=10, source_address=(source, 0))
    return sock


def slowloris(host, port, source, line_every):
    """One header line every `line_every` seconds, never the blank line that ends the head."""
    while not stop.is_set():
        try:
            sock = connect(host, port, source)
        except OSError:
            time.sleep(0.5)
            continue
        bump("slow_opened")
        try:
            sock.sendall(b"GET /manifest.json HTTP/1.1\r\nHost: x\r\n")
            n = 0
            while not stop.is_set():
                # A closed connection shows as readable with no data (or a reset).
                sock.settimeout(line_every)
                try:
                    if sock.recv(1) == b"":
                        raise ConnectionError("closed")
                except socket.timeout:
                    pass
                sock.sendall(b"X-Slow-%d: a\r\n" % n)
                n += 1
        except OSError:
            bump("slow_closed_by_server")
            time.sleep(0.5)  # do not turn into a connect flood
        finally:
            sock.close()


def flood(host, port, source):
    """Endless small headers as fast as the server takes them."""
    chunk = b"".join(b"X-Flood-%d: %s\r\n" % (i, b"b" * 20) for i in range(2000))
    while not stop.is_set():
        try:
            sock = connect(host, port, source)
        except OSError:
            time.sleep(0.5)
            continue
        bump("flood_connections")
        try:
            sock.sendall(b"GET /manifest.json HTTP/1.1\r\nHost: x\r\n")
            while not stop.is_set():
                sock.sendall(chunk)
                bump("flood_bytes", len(chunk))
        except OSError:
            bump("flood_cut")
            time.sleep(0.2)
        finally:
            sock.close()


def heartbeat(screen, hall, sync_error=None):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    sync = {"result": "failed", "error": sync_error, "at": now} if sync_error else {"result": "never", "error": None, "at": None}
    return json.dumps({"screen": screen, "hall": hall, "version": 1, "current_notice": None, "uptime_s": 60,
                       "interval_s": 60, "sent_at": now, "sync": sync, "plays": []})


def post_heartbeat(host, port, source, body):
    """POSTs one heartbeat from `source`; returns the status, 0 when the connection failed."""
    connection = http.client.HTTPConnection(host, port, timeout=10, source_address=(source, 0))
    try:
        connection.request("POST", "/api/heartbeat", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        connection.close()


def id_flood(host, port, count, sources):
    """`count` made-up screen ids, one heartbeat each, from `sources` addresses (127.0.1.x)."""
    for i in range(count):
        if stop.is_set():
            return
        source = "127.0.1.%d" % (1 + i % max(1, sources))
        status = post_heartbeat(host, port, source, heartbeat("fake-%d" % i, "x"))
        bump("ids_sent")
        bump({200: "ids_stored", 429: "ids_429", 503: "ids_503"}.get(status, "ids_other"))


CONTROL_HALL = "\x1b[2J\x1b]0;pwned\x07城西\r\nhz-forged-01  ok\x00\u009b31m\x7f"


def screens_output_clean(hallboard, url, token_file):
    """Runs `hallboard screens`; True when it printed no control character (C0 but newline, DEL, C1)."""
    result = subprocess.run([hallboard, "screens", "--server", url, "--token-file", token_file],
                            capture_output=True, timeout=30)
    text = result.stdout.decode("utf-8", "replace")
    bad = re.findall("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]", text)
    return result.returncode == 0 and not bad, text


def poll_once(host, port, path):
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, port, timeout=10, source_address=("127.0.0.1", 0))
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        ok = response.status in (200, 304)
    except OSError:
        ok = False
    finally:
        connection.close()
    return ok, (time.monotonic() - started) * 1000


def vm_kb(pid, field):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server, http://127.0.0.1:PORT")
    parser.add_argument("--slowloris", type=int, default=0, help="slow connections held open")
    parser.add_argument("--sources", type=int, default=1, help="client addresses they come from (127.0.0.2...)")
    parser.add_argument("--line-every", type=float, default=1.0, help="seconds between a slow client's lines")
    parser.add_argument("--flood", action="store_true", help="one connection sending endless headers (from 127.0.0.250)")
    parser.add_argument("--id-flood", type=int, default=0, help="made-up screen ids sent, one heartbeat each")
    parser.add_argument("--id-sources", type=int, default=50, help="addresses the id flood comes from (127.0.1.x)")
    parser.add_argument("--control-chars", action="store_true", help="send a heartbeat full of control characters")
    parser.add_argument("--hallboard", help="the hallboard binary, to check what `screens` prints")
    parser.add_argument("--token-file", help="the server's admin token file, for `screens`")
    parser.add_argument("--duration", type=float, default=15, help="seconds the attack lasts")
    parser.add_argument("--poll-path", default="/manifest.json")
    parser.add_argument("--poll-every", type=float, default=0.2, help="seconds between polls")
    parser.add_argument("--pid", type=int, help="the server's process id, for its RSS")
    parser.add_argument("--max-poll-ms", type=float, help="fail when a poll takes longer or fails")
    parser.add_argument("--max-rss-mb", type=float, help="fail when the server's peak RSS grew past this")
    args = parser.parse_args()

    url = urllib.parse.urlsplit(args.url)
    host, port = url.hostname, url.port
    threads = []
    for i in range(args.slowloris):
        source = "127.0.0.%d" % (2 + i % max(1, args.sources))
        threads.append(threading.Thread(target=slowloris, args=(host, port, source, args.line_every), daemon=True))
    if args.flood:
        threads.append(threading.Thread(target=flood, args=(host, port, "127.0.0.250"), daemon=True))
    id_thread = None
    if args.id_flood:
        id_thread = threading.Thread(target=id_flood, args=(host, port, args.id_flood, args.id_sources), daemon=True)
        threads.append(id_thread)
    if args.control_chars:
        control_status = post_heartbeat(host, port, "127.0.0.251",
                                        heartbeat("hz-control-01", CONTROL_HALL, "refused\x1b[8m\x07"))
        print("control-character heartbeat: answered %d" % control_status)
    for thread in threads:
        thread.start()

    latencies, failures = [], 0
    end = time.monotonic() + args.duration
    time.sleep(min(1.0, args.duration / 4))  # let the attack take hold first
    while time.monotonic() < end:
        ok, ms = poll_once(host, port, args.poll_path)
        latencies.append(ms)
        failures += 0 if ok else 1
        time.sleep(args.poll_every)
    if id_thread is not None:
        id_thread.join()  # the flood is sent whole, however long the attack lasts
    stop.set()

    latencies.sort()
    p50 = latencies[len(latencies) // 2] if latencies else float("nan")
    worst = latencies[-1] if latencies else float("nan")
    print("polls: %d, failed %d, p50 %.1f ms, max %.1f ms" % (len(latencies), failures, p50, worst))
    with lock:
        print("slow connections: opened %d, closed by the server %d" % (stats["slow_opened"], stats["slow_closed_by_server"]))
        if args.flood:
            print("header flood: %d connections, %.1f MB sent, cut %d times" % (
                stats["flood_connections"], stats["flood_bytes"] / 1e6, stats["flood_cut"]))
        if args.id_flood:
            print("id flood: %d sent from %d addresses: %d stored, %d refused 429, %d refused 503, %d other" % (
                stats["ids_sent"], args.id_sources, stats["ids_stored"], stats["ids_429"], stats["ids_503"],
                stats["ids_other"]))
    problems = []
    if args.id_flood:
        real = post_heartbeat(host, port, "127.0.0.252", heartbeat("hz-real-new-01", "滨江供电营业厅"))
        print("real new screen after the id flood: answered %d" % real)
        if real != 200:
            problems.append("a real new screen was refused (%d) after the id flood" % real)
    if args.hallboard and args.token_file:
        clean, text = screens_output_clean(args.hallboard, args.url, args.token_file)
        print("`hallboard screens` output clean: %s" % ("yes" if clean else "NO"))
        if args.control_chars:
            shown = [line for line in text.splitlines() if line.startswith("hz-control-01")]
            print("  shown as: %s" % (shown[0] if shown else "(not listed)"))
        if not clean:
            problems.append("`hallboard screens` printed control characters")
    if args.pid:
        hwm, rss, threads = vm_kb(args.pid, "VmHWM"), vm_kb(args.pid, "VmRSS"), vm_kb(args.pid, "Threads")
        print("server: peak RSS (VmHWM) %s MB, RSS now %s MB, %s threads" % (
            hwm and round(hwm / 1024, 1), rss and round(rss / 1024, 1), threads))
        if args.max_rss_mb is not None and (hwm is None or hwm / 1024 > args.max_rss_mb):
            problems.append("server peak RSS above %g MB" % args.max_rss_mb)
    if args.max_poll_ms is not None:
        if failures:
            problems.append("%d polls failed" % failures)
        if not latencies or worst > args.max_poll_ms:
            problems.append("a poll took %.0f ms (bound %g ms)" % (worst, args.max_poll_ms))
    if args.flood and stats["flood_cut"] == 0:
        problems.append("the header flood was never cut off")
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
